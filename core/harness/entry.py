"""The entry points: one exercise case, one slide script, the spec's own expressions.

Pyodide calls the *_json functions with a request and gets the report back as JSON.
CPython runs `zygote()`: a process that never runs learner code itself; it forks a
fresh child for each case, and works out the spec's expressions in its own clean
interpreter.
"""
import json
import os
import shutil
import sys

from .describe import describe_value, short_repr
from .folder import age_files, file_ages, read_tree, relative_cwd, seed_tree
from .observe import OutputLimit, as_on_linux, describe_exception, last_lines, remember_source
from .sandbox import SLIDE_FILE, TASK_FILE, Blocked, Exit, Sandbox
from .windows import looks_like_windows, to_windows

STAGE_LINE = "@@stage:%s@@\n"
RESULT_CAP = 4 * 1024 * 1024
MEMORY_LIMIT_MB = 1024

_write = os.write
_read = os.read
_close = os.close
_exit = os._exit
_chdir = os.chdir
_join = os.path.join
_realpath = os.path.realpath
_dumps = json.dumps
_loads = json.loads
# where the stage lines go: the process's output (Pyodide), or a case's pipe (CPython)
_stage_fd = [1]


def _enter_stage(result, stage):
    """Tells the runtime where the run is ("load", then "call"), in case it must be killed."""
    result["stage"] = stage
    try:
        _write(_stage_fd[0], (STAGE_LINE % stage).encode())
    except OSError:
        pass


def run_case(request, root, seed=True):
    """Calls request["call"] from request["source"] with the case's arguments inside
    `root`, and reports what happened. It is never told what is expected."""
    if seed:
        seed_tree(root, request.get("tree", {}))
        age_files(root, request.get("ages", {}), request.get("clock"))
    _chdir(_join(root, *request.get("cwd", ".").split("/")))
    result = {}
    if seed:
        result["tree_before"] = read_tree(root)
    source = request["source"]
    real_root = _realpath(root)
    remember_source(TASK_FILE, source)
    profile = request.get("profile", "linux")
    sandbox = Sandbox(root, request.get("deny", ()), request.get("env", {}),
                      clock=request.get("clock"), profile=profile)
    with sandbox:
        _enter_stage(result, "load")
        try:
            namespace = {"__name__": "task", "__file__": TASK_FILE}
            exec(compile(source, TASK_FILE, "exec"), namespace)
            target = namespace.get(request["call"])
            if not callable(target):
                result["missing"] = request["call"]
            else:
                _enter_stage(result, "call")
                returned = target(*request.get("args", []), **request.get("kwargs", {}))
                result["returned"] = describe_value(returned)
        except SyntaxError as error:
            result["exception"] = describe_exception(error, root, real_root, TASK_FILE)
        except Exit as stop:
            result["ending"] = "exit"
            result["exit_code"] = short_repr(stop.args[0] if stop.args else 0)
            result["exit_call"] = "os._exit"
        except SystemExit as stop:
            result["ending"] = "exit"
            result["exit_code"] = short_repr(stop.code)
            result["exit_call"] = "sys.exit"
        except OutputLimit:
            result["ending"] = "output"
        except KeyboardInterrupt:
            result["ending"] = "interrupted"
        except MemoryError as error:
            result["ending"] = "memory"
            result["exception"] = describe_exception(error, root, real_root, TASK_FILE)
        except RecursionError as error:
            result["exception"] = described = describe_exception(error, root, real_root, TASK_FILE)
            described["traceback"] = last_lines(described["traceback"], 8)
        except BaseException as error:
            if isinstance(error, Blocked):
                result["ending"] = "blocked"
            result["exception"] = describe_exception(error, root, real_root, TASK_FILE)
        result["cwd_after"] = relative_cwd(root)
        result["output"] = as_on_linux(sandbox.output.text())
        result["output_truncated"] = sandbox.output.truncated
    if seed:
        result["tree_after"] = read_tree(root)
        if request.get("report_ages"):
            result["ages_after"] = file_ages(root, request["report_ages"])
    return result


def run_script(source, tree, root, filename=SLIDE_FILE, profile="linux", seed=True):
    """Runs a whole script as __main__ inside `root` (the live blocks on slides).
    seed=False: the caller seeded `root` and reads it back itself (CPython)."""
    if seed:
        seed_tree(root, tree)
    _chdir(root)
    real_root = _realpath(root)
    result = {"tree_before": read_tree(root)} if seed else {}
    remember_source(filename, source)
    env = {"HOME": root, "USER": "learner"} if profile == "linux" else {
        "USERPROFILE": to_windows(root), "USERNAME": "learner", "HOMEDRIVE": "C:", "HOMEPATH": to_windows(root)[2:]}
    with Sandbox(root, env=env, argv0=filename, profile=profile) as sandbox:
        try:
            exec(compile(source, filename, "exec"), {"__name__": "__main__", "__file__": filename})
        except SyntaxError as error:
            result["exception"] = describe_exception(error, root, real_root, filename)
        except SystemExit as stop:
            result["exit_code"] = short_repr(stop.code)
        except Exit as stop:
            result["exit_code"] = short_repr(stop.args[0] if stop.args else 0)
        except OutputLimit:
            result["ending"] = "output"
        except KeyboardInterrupt:
            result["ending"] = "interrupted"
        except BaseException as error:
            result["exception"] = describe_exception(error, root, real_root, filename)
        result["output"] = as_on_linux(sandbox.output.text())
        result["output_truncated"] = sandbox.output.truncated
    if seed:
        result["tree_after"] = read_tree(root)
    return result


def evaluate(expressions, profile="linux"):
    """The spec's `return_expr` values, worked out where no learner code has run."""
    if profile == "windows":
        with looks_like_windows():
            return evaluate(expressions)
    values = []
    for expression in expressions:
        try:
            values.append(describe_value(eval(expression, {"os": os, "sys": sys})))
        except Exception as error:
            values.append({"error": "%s: %s" % (type(error).__name__, error)})
    return values


# --- Pyodide: one interpreter, a fresh in-memory folder per run -------------

_runs = [0]
_rmtree = shutil.rmtree
_makedirs = os.makedirs


def _in_fresh_folder(run):
    _runs[0] += 1
    root = "/sandbox/run-%d" % _runs[0]
    _makedirs(root)
    try:
        return _dumps(run(root))
    finally:
        _chdir("/")
        _rmtree(root, ignore_errors=True)


def run_case_json(request_json):
    """One case: the request (source, call, args, folder...) in, the observation out."""
    request = _loads(request_json)
    return _in_fresh_folder(lambda root: run_case(request, root))


def run_script_json(request_json):
    """A slide's script: {source, tree} in, the run's report out."""
    request = _loads(request_json)
    return _in_fresh_folder(lambda root: run_script(
        request["source"], request.get("tree", {}), root, profile=request.get("profile", "linux")))


def evaluate_json(request_json):
    """{expressions, profile} in, their values out."""
    request = _loads(request_json)
    return _dumps(evaluate(request["expressions"], request.get("profile", "linux")))


# --- CPython: a zygote that forks one child per case --------------------------

def zygote():
    """Reads one request per line on stdin; answers with JSON lines on stdout.

    {"id", "evaluate": [expr...]}        -> {"id", "values": [...]}
    {"id", "folder", "request": {...}}   -> {"id", "pid"} at once, {"id", "stage"} while
                                            it runs, {"id", "status", "result"} at the end
    {"id", "folder", "script": source}   -> the same, for a slide's script
    The grader seeded the folder and reads it back itself after the child has exited.
    """
    stdin, stdout = sys.stdin, sys.stdout

    def reply(message):
        stdout.write(_dumps(message) + "\n")
        stdout.flush()

    reply({"ready": True})
    for line in stdin:
        message = _loads(line)
        if "evaluate" in message:
            reply({"id": message["id"], "values": evaluate(message["evaluate"])})
        else:
            _fork_run(message, reply)


def _fork_run(message, reply):
    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:
        _close(readable)
        _child(message, writable)
    _close(writable)
    reply({"id": message["id"], "pid": pid})
    pending = b""
    result = []
    size = 0
    while True:
        chunk = _read(readable, 65536)
        if not chunk:
            break
        pending += chunk
        lines = pending.split(b"\n")
        pending = lines.pop()
        for raw in lines:
            text = raw.decode("utf-8", "replace")
            if text.startswith("@@stage:") and text.endswith("@@"):
                reply({"id": message["id"], "stage": text[8:-2]})
            elif size < RESULT_CAP:
                result.append(text)
                size += len(text)
    if pending and size < RESULT_CAP:
        result.append(pending.decode("utf-8", "replace"))
    _close(readable)
    _, status = os.waitpid(pid, 0)
    reply({"id": message["id"], "status": _describe_status(status), "result": "\n".join(result)[:RESULT_CAP]})


def _describe_status(status):
    if os.WIFSIGNALED(status):
        return "signal %d" % os.WTERMSIG(status)
    return "exit %d" % os.WEXITSTATUS(status)


def _child(message, writable):
    """The forked process of one case or script: its own session (killed as a group), no
    terminal, a memory cap, no core files; it writes its report to `writable`."""
    try:
        os.setsid()
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        _limit_resources()
        _stage_fd[0] = writable
        if "script" in message:
            report = run_script(message["script"], {}, message["folder"], seed=False)
        else:
            report = run_case(message["request"], message["folder"], seed=False)
        data = _dumps(report)
    except BaseException as error:  # the harness itself failed: say so, never hang
        data = _dumps({"ending": "crash", "detail": "the harness failed: %s" % short_repr(error)})
    try:
        view = data.encode("utf-8", "replace")
        while view:
            view = view[_write(writable, view):]
    finally:
        _exit(0)


def _limit_resources():
    try:
        import resource
    except ImportError:
        return
    for limit, value in ((resource.RLIMIT_AS, MEMORY_LIMIT_MB * 1024 * 1024), (resource.RLIMIT_CORE, 0)):
        try:
            resource.setrlimit(limit, (value, value))
        except (ValueError, OSError):
            pass
