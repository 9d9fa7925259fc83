"""Run one exercise case (or one slide's script) and report what happened, as JSON.

The same file runs in two places: CPython in a temporary folder (one process
per case) and Pyodide on an in-memory file system. It only observes: the
TypeScript judge (core/judge.ts) compares the observation with the spec.
Python 3.9 syntax only.
"""
import builtins
import errno
import io
import json
import linecache
import os
import shutil
import sys
import time
import traceback
import zlib

TASK_FILE = "task.py"
SLIDE_FILE = "slide.py"
OUTPUT_CAP = 64 * 1024
MARKER = "\n@@harness-result@@"
READY = "@@harness-ready@@"
TEXT_LIMIT = 4096
BLOCKED_MODULES = (
    "js", "pyodide_js", "pyodide", "_pyodide", "subprocess", "multiprocessing",
    "ctypes", "socket", "pty",
)
# Modules whose contents a learner could change and the next case would see: each
# case gets back the ones already loaded as they were; any module the case loaded
# itself is dropped from sys.modules afterwards, so the next case loads it afresh.
PROTECTED_MODULES = (
    "builtins", "os", "posixpath", "genericpath", "shutil", "io", "json", "traceback",
    "linecache", "stat", "time", "errno", "fnmatch", "glob", "pathlib", "sys",
)
BLOCKED_OS_CALLS = (
    "system", "popen", "fork", "forkpty", "kill", "killpg", "execv", "execve",
    "execl", "execle", "execlp", "execlpe", "execvp", "execvpe", "spawnl",
    "spawnle", "spawnv", "spawnve", "posix_spawn", "posix_spawnp",
)


_write_fd = os.write


def _no_report(stage):
    pass


_stage_reporter = [_no_report]


def set_stage_reporter(report):
    """The host's way to learn where a run is ("load", then "call") if it must be killed."""
    _stage_reporter[0] = report


def _enter_stage(result, stage):
    result["stage"] = stage
    _stage_reporter[0](stage)


class Blocked(Exception):
    """Raised when learner code reaches for something the sandbox closes."""


class ImportBlocker:
    """A meta path finder that refuses the blocked modules to task.py only."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED_MODULES and _called_from_task():
            raise Blocked("`import %s` is not available while grading: exercises "
                          "only need `os`, `os.path`, `shutil` and `sys`." % name)
        return None


def _called_from_task():
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename in (TASK_FILE, SLIDE_FILE):
            return True
        frame = frame.f_back
    return False


BLOCKER = ImportBlocker()


class _Exit(BaseException):
    """Raised in place of os._exit so the grader can report it."""


class _OutputLimit(BaseException):
    """Raised once the learner's code has printed more than the cap."""


class CappedOutput(io.TextIOBase):
    def __init__(self):
        self.parts = []
        self.size = 0
        self.truncated = False

    def writable(self):
        return True

    def write(self, text):
        if self.size >= OUTPUT_CAP:
            self.truncated = True
            raise _OutputLimit()
        self.parts.append(text[: OUTPUT_CAP - self.size])
        self.size += len(text)
        return len(text)

    def text(self):
        return "".join(self.parts)


# --- the folder -----------------------------------------------------------

def seed_tree(root, tree):
    for rel in sorted(tree):
        path = os.path.join(root, *rel.rstrip("/").split("/"))
        if rel.endswith("/"):
            os.makedirs(path, exist_ok=True)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        value = tree[rel]
        data = b"x" * value["size"] if isinstance(value, dict) else str(value).encode("utf-8")
        with open(path, "wb") as handle:
            handle.write(data)


def snapshot(root):
    """The folder as {relative path: text or {"size": n}}; folders end with /."""
    found = {}
    for folder, dirs, files in os.walk(root):
        rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel_folder == "." else rel_folder + "/"
        for name in dirs:
            found[prefix + name + "/"] = ""
        for name in files:
            found[prefix + name] = _describe_file(os.path.join(folder, name))
    return found


def _describe_file(path):
    size = os.path.getsize(path)
    if size <= TEXT_LIMIT:
        with open(path, "rb") as handle:
            data = handle.read()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return {"size": size}


def relative_cwd(root):
    here = os.path.realpath(os.getcwd())
    base = os.path.realpath(root)
    if here == base or here.startswith(base + os.sep):
        return os.path.relpath(here, base).replace(os.sep, "/")
    return None


# --- values ----------------------------------------------------------------

def to_json(value, depth=0):
    if depth > 20:
        raise TypeError("nested too deeply")
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [to_json(item, depth + 1) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((to_json(item, depth + 1) for item in value), key=repr)
    if isinstance(value, dict):
        return {str(key): to_json(item, depth + 1) for key, item in value.items()}
    raise TypeError(type(value).__name__)


def describe_value(value):
    try:
        return {"value": to_json(value), "repr": _short_repr(value)}
    except Exception:
        return {"repr": _short_repr(value), "type": type(value).__name__}


def _short_repr(value):
    try:
        text = repr(value)
    except Exception:
        text = "<%s>" % type(value).__name__
    return text if len(text) <= 300 else text[:300] + "..."


# --- listing order -----------------------------------------------------------

def disk_order(names):
    """A real disk lists a folder in its own order (ext4: by a hash of the name),
    neither sorted nor in the order the files were made. The sandbox does the same,
    deterministically: by a hash of each name, and never sorted when there are two
    or more, so code that forgets to sort fails on every runtime, every run."""
    def key(name):
        raw = os.fsencode(name) if isinstance(name, str) else bytes(name)
        return zlib.crc32(raw), raw
    ordered = sorted(names, key=key)
    if len(ordered) > 1 and ordered == sorted(names):
        ordered = ordered[1:] + ordered[:1]
    return ordered


class _Listing:
    """What os.scandir returns, with its entries in disk order."""

    def __init__(self, entries):
        self._entries = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def close(self):
        self._entries = iter(())


def _listing_in_disk_order(listdir, scandir):
    def ordered_listdir(*args, **kwargs):
        return disk_order(listdir(*args, **kwargs))

    def ordered_scandir(*args, **kwargs):
        with scandir(*args, **kwargs) as found:
            entries = list(found)
        by_name = {entry.name: entry for entry in entries}
        return _Listing([by_name[name] for name in disk_order(list(by_name))])

    return ordered_listdir, ordered_scandir


# --- the sandbox -----------------------------------------------------------

class Sandbox:
    """Closes the routes out of the case and restores everything afterwards."""

    def __init__(self, root, case):
        self.root = os.path.realpath(root)
        self.denied = set(os.path.join(self.root, p) for p in case.get("deny", []))
        self.env = dict(case.get("env", {}))

    def __enter__(self):
        self.saved_modules = dict(sys.modules)
        self.saved_namespaces = [(vars(sys.modules[name]), dict(vars(sys.modules[name])))
                                 for name in PROTECTED_MODULES if name in sys.modules]
        self.saved_sys_lists = [(lst, list(lst)) for lst in (sys.path, sys.meta_path, sys.path_hooks)]
        self.saved_os = dict(vars(os))
        self.saved_builtins = dict(vars(builtins))
        self.saved_env = dict(os.environ)
        self.saved_cwd = os.getcwd()
        for name in BLOCKED_MODULES:
            sys.modules.pop(name, None)
        self.saved_streams = (sys.stdout, sys.stderr, sys.stdin)
        self.saved_argv = sys.argv

        os.environ.clear()
        os.environ.update(self.env)
        def no_input(*args, **kwargs):
            raise Blocked("input() cannot be answered while grading: "
                          "the function gets everything it needs as arguments.")

        def blocked_call(name):
            def call(*args, **kwargs):
                raise Blocked("os.%s() cannot run while grading: it would start "
                              "another program on the machine." % name)
            return call

        def fake_exit(code=0):
            raise _Exit(code)

        sys.meta_path.insert(0, BLOCKER)
        builtins.input = no_input
        for name in BLOCKED_OS_CALLS:
            if hasattr(os, name):
                setattr(os, name, blocked_call(name))
        os._exit = fake_exit
        os.listdir, os.scandir = _listing_in_disk_order(self.saved_os["listdir"], self.saved_os["scandir"])
        self._guard_paths()
        sys.argv = [TASK_FILE]
        sys.stdin = io.StringIO("")
        self.output = CappedOutput()
        sys.stdout = sys.stderr = self.output
        return self

    def _guard_paths(self):
        """Writes must stay inside the case folder; denied paths raise PermissionError
        for what the OS would refuse, and still answer stat."""
        root, denied = self.root, self.denied

        def check(arg, dir_fd, writes):
            if not isinstance(arg, (str, bytes, os.PathLike)):
                return
            name = os.fsdecode(arg)
            if dir_fd is not None and os.path.isdir("/proc/self/fd"):
                name = os.path.join(os.readlink("/proc/self/fd/%d" % dir_fd), name)
            full = os.path.realpath(name)
            if full in denied:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(arg))
            if writes and full != root and not full.startswith(root + os.sep):
                raise Blocked("it tried to change %r, which is outside the exercise folder."
                              % os.fsdecode(arg))

        def guard(func, arg_count, writes=True):
            def wrapper(*args, **kwargs):
                for arg in args[:arg_count]:
                    check(arg, kwargs.get("dir_fd"), writes)
                return func(*args, **kwargs)
            return wrapper

        def guarded_open(file, mode="r", *args, **kwargs):
            check(file, None, any(flag in mode for flag in "wax+"))
            return self.saved_builtins["open"](file, mode, *args, **kwargs)

        builtins.open = io.open = guarded_open
        for name, count in (("remove", 1), ("unlink", 1), ("rename", 2), ("replace", 2),
                            ("rmdir", 1), ("mkdir", 1), ("open", 1), ("chmod", 1),
                            ("truncate", 1), ("symlink", 2), ("link", 2), ("utime", 1),
                            ("removedirs", 1), ("renames", 2)):
            if name in self.saved_os:
                setattr(os, name, guard(self.saved_os[name], count))
        # like a real protected file: it can still be looked at (stat, exists, isfile),
        # but not opened, changed, renamed or removed; a protected folder cannot be listed
        os.listdir = guard(os.listdir, 1, writes=False)
        os.scandir = guard(os.scandir, 1, writes=False)

    def __exit__(self, *exc):
        # Whatever the learner's code did to sys.modules, os, builtins and the rest,
        # the next case starts from the state the harness set up.
        _restore(sys.modules, self.saved_modules)
        for namespace, saved in self.saved_namespaces:
            _restore(namespace, saved)
        for lst, saved in self.saved_sys_lists:
            lst[:] = saved
        sys.stdout, sys.stderr, sys.stdin = self.saved_streams
        sys.argv = self.saved_argv
        os.environ.clear()
        os.environ.update(self.saved_env)
        os.chdir(self.saved_cwd)
        return False


def _restore(namespace, saved):
    for name in list(namespace):
        if name not in saved:
            del namespace[name]
    for name, value in saved.items():
        if namespace.get(name, _restore) is not value:
            namespace[name] = value


# --- running a case --------------------------------------------------------

# Pyodide numbers errors its own way ([Errno 44] for a missing file); a learner
# should read what Linux says. Names are the same everywhere, numbers are not.
LINUX_ERRNO = {
    "EPERM": 1, "ENOENT": 2, "EINTR": 4, "EIO": 5, "EBADF": 9, "EAGAIN": 11, "ENOMEM": 12,
    "EACCES": 13, "EBUSY": 16, "EEXIST": 17, "EXDEV": 18, "ENOTDIR": 20, "EISDIR": 21,
    "EINVAL": 22, "EMFILE": 24, "ENOSPC": 28, "EROFS": 30, "EMLINK": 31, "ENAMETOOLONG": 36,
    "ENOSYS": 38, "ENOTEMPTY": 39, "ELOOP": 40,
}
_AS_ON_LINUX = {}
if sys.platform == "emscripten":
    for _name, _number in LINUX_ERRNO.items():
        if hasattr(errno, _name):
            _AS_ON_LINUX[str(getattr(errno, _name))] = str(_number)


def as_on_linux(text):
    """Error numbers in `text` as Linux gives them (only Pyodide's differ)."""
    if not _AS_ON_LINUX or "[Errno " not in text:
        return text
    parts = text.split("[Errno ")
    for i in range(1, len(parts)):
        number, _, rest = parts[i].partition("]")
        parts[i] = "%s]%s" % (_AS_ON_LINUX.get(number, number), rest)
    return "[Errno ".join(parts)


def learner_traceback(error, filename=TASK_FILE):
    """The traceback lines that point into the learner's file, then the error itself."""
    if isinstance(error, SyntaxError):
        # Python's own layout: the line, and a caret under the place it stopped
        return "".join(traceback.format_exception_only(type(error), error)).rstrip()
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename]
    lines = traceback.format_list(frames)
    lines += traceback.format_exception_only(type(error), error)
    return "".join(lines).rstrip()


def describe_exception(error, root, filename=TASK_FILE):
    text = as_on_linux(learner_traceback(error, filename))
    message = as_on_linux(error.msg if isinstance(error, SyntaxError) else str(error))
    real_root = os.path.realpath(root)
    for prefix in (real_root + os.sep, root + os.sep, real_root, root):
        text = text.replace(prefix, "")
        message = message.replace(prefix, "")
    return {"type": type(error).__name__, "message": message, "traceback": text}


def age_files(root, ages):
    """Sets each file's last modification to that many days ago (access time too)."""
    now = time.time()
    for rel, days in ages.items():
        moment = now - days * 86400
        os.utime(os.path.join(root, *rel.rstrip("/").split("/")), (moment, moment))


def run_case(source, case, root, function):
    """Run `function` from `source` for one case inside `root`."""
    seed_tree(root, case.get("tree", {}))
    age_files(root, case.get("ages", {}))
    result = {"python": "%d.%d.%d" % sys.version_info[:3]}
    start = os.path.join(root, *case.get("cwd", ".").split("/"))
    os.chdir(start)
    expect = case.get("expect", {})
    result["tree_before"] = snapshot(root)
    linecache.cache[TASK_FILE] = (len(source), None, source.splitlines(True), TASK_FILE)
    with Sandbox(root, case) as sandbox:
        _enter_stage(result, "load")
        try:
            if "return_expr" in expect:
                result["expected_return"] = describe_value(
                    eval(expect["return_expr"], {"os": os, "sys": sys}))
            namespace = {"__name__": "task", "__file__": TASK_FILE}
            exec(compile(source, TASK_FILE, "exec"), namespace)
            target = namespace.get(function)
            if not callable(target):
                result["missing"] = function
            else:
                _enter_stage(result, "call")
                returned = target(*case.get("args", []), **case.get("kwargs", {}))
                result["returned"] = describe_value(returned)
        except SyntaxError as error:
            result["exception"] = describe_exception(error, root)
        except _Exit as stop:
            result["limit"] = "exit"
            result["exit_code"] = _short_repr(stop.args[0] if stop.args else 0)
            result["exit_call"] = "os._exit"
        except SystemExit as stop:
            result["limit"] = "exit"
            result["exit_code"] = _short_repr(stop.code)
            result["exit_call"] = "sys.exit"
        except _OutputLimit:
            result["limit"] = "output"
        except KeyboardInterrupt:
            result["limit"] = "interrupted"
        except MemoryError as error:
            result["limit"] = "memory"
            result["exception"] = describe_exception(error, root)
        except RecursionError as error:
            result["exception"] = describe_exception(error, root)
            result["exception"]["traceback"] = _last_lines(result["exception"]["traceback"], 8)
        except BaseException as error:
            if isinstance(error, Blocked):
                result["limit"] = "blocked"
            result["exception"] = describe_exception(error, root)
        result["cwd_after"] = relative_cwd(root)
        result["output"] = as_on_linux(sandbox.output.text())
        result["output_truncated"] = sandbox.output.truncated
    result["tree_after"] = snapshot(root)
    return result


def _last_lines(text, count):
    lines = text.splitlines()
    return "\n".join(lines[-count:])


def run_script(source, tree, root, filename=SLIDE_FILE):
    """Run a whole script as __main__ inside `root` (the live blocks on slides)."""
    seed_tree(root, tree)
    os.chdir(root)
    result = {"python": "%d.%d.%d" % sys.version_info[:3], "tree_before": snapshot(root)}
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    with Sandbox(root, {"env": {"HOME": root, "USER": "learner"}}) as sandbox:
        try:
            exec(compile(source, filename, "exec"), {"__name__": "__main__", "__file__": filename})
        except SyntaxError as error:
            result["exception"] = describe_exception(error, root, filename)
        except SystemExit as stop:
            result["exit_code"] = _short_repr(stop.code)
        except _Exit as stop:
            result["exit_code"] = _short_repr(stop.args[0] if stop.args else 0)
        except _OutputLimit:
            result["limit"] = "output"
        except KeyboardInterrupt:
            result["limit"] = "interrupted"
        except BaseException as error:
            result["exception"] = describe_exception(error, root, filename)
        result["output"] = as_on_linux(sandbox.output.text())
        result["output_truncated"] = sandbox.output.truncated
    result["tree_after"] = snapshot(root)
    return result


_runs = [0]
_rmtree = shutil.rmtree
_makedirs = os.makedirs
_chdir = os.chdir


def _in_fresh_folder(run):
    """Pyodide: each run gets its own folder under /sandbox, removed afterwards."""
    _runs[0] += 1
    root = "/sandbox/run-%d" % _runs[0]
    _makedirs(root)
    try:
        return json.dumps(run(root))
    finally:
        _chdir("/")
        _rmtree(root, ignore_errors=True)


def run_case_json(request_json):
    """Pyodide entry point for one case: {source, call, case} in, observation out."""
    request = json.loads(request_json)
    return _in_fresh_folder(lambda root: run_case(request["source"], request["case"], root, request["call"]))


def run_script_json(request_json):
    """Pyodide entry point for a slide's script: {source, tree} in, the run's report out."""
    request = json.loads(request_json)
    return _in_fresh_folder(lambda root: run_script(request["source"], request.get("tree", {}), root))


def main():
    """CPython entry point: request JSON on stdin, cwd is a fresh empty folder."""
    request = json.loads(sys.stdin.read())
    _write_fd(2, (READY + "\n").encode())  # the time limit starts now, not at process start
    set_stage_reporter(lambda stage: _write_fd(2, ("@@stage:%s@@\n" % stage).encode()))
    _limit_memory(request.get("memory_mb", 1024))
    stdout = sys.stdout
    result = run_case(request["source"], request["case"], os.getcwd(), request["call"])
    stdout.write(MARKER + json.dumps(result))
    stdout.flush()


def _limit_memory(megabytes):
    try:
        import resource
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass


if __name__ == "__main__":
    main()
