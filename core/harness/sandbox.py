"""Guards around learner code, and the clean state every case starts from.

These guards protect against accidents (a script that deletes the wrong folder,
starts programs, forks without end), not against malice: code that wants out of
an interpreter it shares with the harness gets out. The boundary against malice is
the process or page the interpreter runs in (see the README).

Everything the guards need is bound when this module is imported, before any
learner code runs; every case ends by putting those namespaces back as they were.
"""
import builtins
import errno
import functools
import io
import os
import sys
import time
import zlib

from .calls import builtin_like, scandir_iterator
from .observe import CappedOutput
from .linux import LinuxDisk
from .windows import POSIX_ONLY, WindowsDisk, looks_like_windows, windows_environ, windows_modules

PROFILES = ("linux", "windows")
TASK_FILE = "task.py"
SLIDE_FILE = "slide.py"
BLOCKED_MODULES = (
    "js", "pyodide_js", "pyodide", "_pyodide", "_pyodide_core", "subprocess",
    "multiprocessing", "_posixsubprocess", "ctypes", "_ctypes", "socket", "_socket", "pty",
)
# Modules whose contents learner code could change for the cases after it: their
# namespaces as they were at import are put back after every case.
PROTECTED_MODULES = (
    "builtins", "os", os.name, "posixpath", "ntpath", "genericpath", "shutil", "io", "_io",
    "json", "traceback", "linecache", "stat", "time", "errno", "fnmatch", "glob", "pathlib",
    "sys", "zlib",
)
BLOCKED_CALLS = (
    "system", "popen", "fork", "forkpty", "kill", "killpg", "execv", "execve",
    "execl", "execle", "execlp", "execlpe", "execvp", "execvpe", "spawnl", "spawnle",
    "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe", "posix_spawn",
    "posix_spawnp", "register_at_fork",
)
# (name, how many leading arguments are paths) of the calls that change the disk
WRITING_CALLS = (
    ("remove", 1), ("unlink", 1), ("rename", 2), ("replace", 2), ("rmdir", 1), ("mkdir", 1),
    ("chmod", 1), ("lchmod", 1), ("chown", 1), ("lchown", 1), ("truncate", 1),
    ("symlink", 2), ("link", 2), ("utime", 1), ("removedirs", 1), ("renames", 2),
    ("mkfifo", 1), ("mknod", 1),
)
# the calls that would take the case folder itself away
REMOVING_CALLS = ("remove", "unlink", "rename", "replace", "rmdir", "removedirs", "renames")
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

_platform_module = sys.modules[os.name]
_modules = sys.modules
_meta_path = sys.meta_path
_sys_lists = (sys.path, sys.meta_path, sys.path_hooks)
_getframe = sys._getframe
_environ = os.environ
_chdir = os.chdir
_getcwd = os.getcwd
_fsdecode = os.fsdecode
_fsencode = os.fsencode
_realpath = os.path.realpath
_join = os.path.join
_isdir = os.path.isdir
_readlink = os.readlink
_strerror = os.strerror
_EACCES = errno.EACCES  # this interpreter's own number: the profile's layer words it for its house
_sorted = sorted
_crc32 = zlib.crc32
_PathLike = os.PathLike
_wraps = functools.wraps
_FileIO = io.FileIO
_io_module = sys.modules["_io"]


def _namespaces():
    return [vars(_modules[name]) for name in PROTECTED_MODULES if name in _modules]


# every protected namespace as it is now, before any learner code has run
_PRISTINE = [(namespace, dict(namespace)) for namespace in _namespaces()]
_OS = dict(vars(os))
_PLATFORM = dict(vars(_platform_module))
_BUILTINS = dict(vars(builtins))
# pathlib and shutil as Windows imports them, for the Windows profile (Pyodide only:
# CPython keeps its machine's own rules); learner code cannot keep changes to them
_WINDOWS_MODULES = windows_modules() if sys.platform == "emscripten" else {}
_PRISTINE += [(vars(module), dict(vars(module))) for module in _WINDOWS_MODULES.values()]


class Blocked(Exception):
    """Raised when learner code reaches for something the sandbox closes."""


class Exit(BaseException):
    """Raised in place of os._exit so the grader can report it."""


class ImportBlocker:
    """A meta path finder that refuses the blocked modules to the learner's file."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED_MODULES and _called_from_learner():
            raise Blocked("`import %s` is not available while grading: exercises "
                          "only need `os`, `os.path`, `shutil` and `sys`." % name)
        return None


def _called_from_learner():
    frame = _getframe(1)
    while frame is not None:
        if frame.f_code.co_filename in (TASK_FILE, SLIDE_FILE):
            return True
        frame = frame.f_back
    return False


BLOCKER = ImportBlocker()


def disk_order(names):
    """A real disk lists a folder in its own order (ext4: by a hash of the name),
    neither sorted nor in the order the files were made. The sandbox does the same,
    deterministically: by a hash of each name, and never sorted when there are two
    or more, so code that forgets to sort fails on every runtime, every run."""
    def key(name):
        raw = _fsencode(name) if isinstance(name, str) else bytes(name)
        return _crc32(raw), raw
    ordered = _sorted(names, key=key)
    if len(ordered) > 1 and ordered == _sorted(names):
        ordered = ordered[1:] + ordered[:1]
    return ordered


# what os.scandir returns, with its entries in disk order
Listing = scandir_iterator(os.name)


class Sandbox:
    """Closes the routes out of the case folder while learner code runs, and puts
    back the pristine state afterwards."""

    def __init__(self, root, deny=(), env=None, argv0=TASK_FILE, clock=None, profile="linux"):
        self.root = _realpath(root)
        if profile == "windows" and not _WINDOWS_MODULES:
            raise Blocked("the Windows profile needs Pyodide; CPython keeps this machine's own rules.")
        self.profile = profile
        # a whole number of seconds time.time() stands still at, or None for the real clock
        self.clock = clock
        self.denied = set(_join(self.root, p) for p in deny)
        self.env = dict(env or {})
        self.argv0 = argv0
        self.output = CappedOutput()
        # the folder behind each descriptor os.open gave out, for calls with dir_fd=
        self.fd_folders = {}

    def __enter__(self):
        self.saved_modules = dict(_modules)
        self.saved_lists = [(lst, list(lst)) for lst in _sys_lists]
        self.saved_env = dict(_environ)
        self.saved_cwd = _getcwd()
        self.saved_streams = (sys.stdout, sys.stderr, sys.stdin, sys.argv)
        for name in BLOCKED_MODULES:
            _modules.pop(name, None)
        _environ.clear()
        _environ.update(self.env)
        _meta_path.insert(0, BLOCKER)
        builtins.input = _no_input
        for name in BLOCKED_CALLS:
            for module in (os, _platform_module):
                if hasattr(module, name):
                    setattr(module, name, _blocked_call(name))
        os._exit = _platform_module._exit = _fake_exit
        if self.clock is not None:  # the file ages were set from this moment: they hold exactly
            time.time = lambda: float(self.clock)
            time.time_ns = lambda: self.clock * 1_000_000_000
        try:
            self._guard_paths()
            if self.profile == "windows":
                self._look_like_windows()
            elif sys.platform == "emscripten":  # Pyodide: its C library is not Linux's; CPython's is
                LinuxDisk(_getcwd, _chdir).install(os, _platform_module, builtins, io, _io_module)
        except BaseException:
            self.__exit__(None, None, None)  # never leave half a sandbox behind
            raise
        sys.argv = [self.argv0]
        sys.stdin = io.StringIO("")
        sys.stdout = sys.stderr = self.output
        return self

    def _resolve(self, arg, dir_fd):
        """The real path `arg` names, relative to `dir_fd` when one is given."""
        name = _fsdecode(arg)
        if dir_fd is not None:
            folder = self.fd_folders.get(dir_fd)
            if folder is None and _isdir("/proc/self/fd"):
                folder = _readlink("/proc/self/fd/%d" % dir_fd)
            # a descriptor of unknown origin: nothing is known to be inside the folder
            name = _join(folder if folder is not None else "/", name)
        return _realpath(name)

    def _check(self, arg, dir_fd, writes, removes=False):
        """Writes must stay inside the case folder; denied paths raise PermissionError
        for what the OS would refuse, and still answer stat."""
        if not isinstance(arg, (str, bytes, _PathLike)):
            return
        full = self._resolve(arg, dir_fd)
        if full in self.denied:
            raise PermissionError(_EACCES, _strerror(_EACCES), _fsdecode(arg))
        if removes and full == self.root:
            raise Blocked("it tried to remove or move the exercise folder itself; "
                          "only what is inside it may change.")
        if writes and full != self.root and not full.startswith(self.root + "/"):
            raise Blocked("it tried to change %r, which is outside the exercise folder."
                          % _fsdecode(arg))

    def _guard_paths(self):
        check = self._check

        def guard(func, arg_count, writes=True, removes=False):
            def wrapper(*args, **kwargs):
                for arg in args[:arg_count]:
                    check(arg, kwargs.get("dir_fd"), writes, removes)
                return func(*args, **kwargs)
            return builtin_like(wrapper, func)

        @_wraps(_BUILTINS["open"])
        def guarded_open(file, mode="r", *args, **kwargs):
            check(file, None, any(flag in mode for flag in "wax+"))
            return _BUILTINS["open"](file, mode, *args, **kwargs)

        @_wraps(_OS["open"])
        def guarded_os_open(path, flags, *args, **kwargs):
            check(path, kwargs.get("dir_fd"), bool(flags & WRITE_FLAGS))
            fd = _OS["open"](path, flags, *args, **kwargs)
            if isinstance(path, (str, bytes, _PathLike)):
                self.fd_folders[fd] = self._resolve(path, kwargs.get("dir_fd"))
            return fd

        class GuardedFileIO(_FileIO):
            def __init__(self, file, mode="r", *args, **kwargs):
                check(file, None, any(flag in mode for flag in "wax+"))
                _FileIO.__init__(self, file, mode, *args, **kwargs)

        builtins.open = io.open = _io_module.open = guarded_open
        io.FileIO = _io_module.FileIO = GuardedFileIO
        for module, pristine in ((os, _OS), (_platform_module, _PLATFORM)):
            for name, count in WRITING_CALLS:
                if name in pristine:
                    setattr(module, name, guard(pristine[name], count, removes=name in REMOVING_CALLS))
            if "open" in pristine:
                module.open = guarded_os_open
        # like a real protected file: it can still be looked at (stat, exists, isfile),
        # but not opened, changed, renamed or removed; a protected folder cannot be listed
        listdir, scandir = _listing_in_disk_order(_OS["listdir"], _OS["scandir"])
        os.listdir = _platform_module.listdir = guard(listdir, 1, writes=False)
        os.scandir = _platform_module.scandir = guard(scandir, 1, writes=False)

    def _look_like_windows(self):
        """The Windows profile over the guarded calls: Windows' os, paths and disk rules."""
        calls = {name: getattr(os, name) for name in (
            "listdir", "mkdir", "rmdir", "unlink", "rename", "chmod", "utime", "link", "truncate", "open")
            if hasattr(os, name)}
        calls.update(getcwd=_getcwd, chdir=_chdir, stat=_OS["stat"], lstat=_OS["lstat"], close=_OS["close"],
                     builtin_open=builtins.open, device_open=_BUILTINS["open"])
        self.windows = looks_like_windows().__enter__()
        WindowsDisk(calls).install(os, _platform_module)
        for name in POSIX_ONLY:
            for module in (os, _platform_module):
                vars(module).pop(name, None)
        vars(os).pop("environb", None)
        os.environ = windows_environ(self.env)  # noqa: B003 (the real environment is put back at exit)
        os.supports_dir_fd = os.supports_fd = os.supports_follow_symlinks = set()
        _modules.update(_WINDOWS_MODULES)
        _modules["nt"] = _platform_module

    def __exit__(self, *exc):
        if getattr(self, "windows", None) is not None:
            self.windows.__exit__()
        # Whatever the learner's code did to sys.modules, os, builtins and the rest,
        # the next case starts from the state the harness was imported into.
        restore_pristine(self.saved_modules)
        for lst, saved in self.saved_lists:
            lst[:] = saved
        sys.stdout, sys.stderr, sys.stdin, sys.argv = self.saved_streams
        _environ.clear()
        _environ.update(self.saved_env)
        _chdir(self.saved_cwd)
        return False


def restore_pristine(modules):
    _restore(_modules, modules)
    for namespace, saved in _PRISTINE:
        _restore(namespace, saved)


def _restore(namespace, saved):
    for name in list(namespace):
        if name not in saved:
            del namespace[name]
    for name, value in saved.items():
        if namespace.get(name, _restore) is not value:
            namespace[name] = value


def _no_input(*args, **kwargs):
    raise Blocked("input() cannot be answered while grading: "
                  "the function gets everything it needs as arguments.")


def _blocked_call(name):
    def call(*args, **kwargs):
        raise Blocked("os.%s() cannot run while grading: it would start "
                      "another program on the machine." % name)
    call.__name__ = name
    return call


def _fake_exit(code=0):
    raise Exit(code)


def _listing_in_disk_order(listdir, scandir):
    @_wraps(listdir)
    def ordered_listdir(*args, **kwargs):
        return disk_order(listdir(*args, **kwargs))

    @_wraps(scandir)
    def ordered_scandir(*args, **kwargs):
        with scandir(*args, **kwargs) as found:
            entries = list(found)
        by_name = {entry.name: entry for entry in entries}
        return Listing([by_name[name] for name in disk_order(list(by_name))])

    return ordered_listdir, ordered_scandir
