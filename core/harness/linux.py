"""The Linux profile under Pyodide: the sandbox's disk answers as a Linux disk does.

Pyodide's C library numbers and words errors its own way (ENOENT is 44 there, and
os.strerror(2) says "Permission denied"), has no umask, lets a name grow past 255
bytes, opens "notes.txt/", refuses to remove the folder you stand in, and calls
itself 'emscripten'. Under this layer task code sees what Linux gives: glibc's
numbers and texts in errno, os.strerror and every OSError, a umask of 022, NAME_MAX,
and sys.platform 'linux'. On real CPython none of this is installed: it is Linux.
"""
import errno
import os
import stat
import sys

from .calls import builtin_like

# glibc's numbers and texts (errno.h, strerror)
LINUX_ERRORS = {
    "EPERM": (1, "Operation not permitted"), "ENOENT": (2, "No such file or directory"),
    "EINTR": (4, "Interrupted system call"), "EIO": (5, "Input/output error"),
    "EBADF": (9, "Bad file descriptor"), "EAGAIN": (11, "Resource temporarily unavailable"),
    "ENOMEM": (12, "Cannot allocate memory"), "EACCES": (13, "Permission denied"),
    "EBUSY": (16, "Device or resource busy"), "EEXIST": (17, "File exists"),
    "EXDEV": (18, "Invalid cross-device link"), "ENOTDIR": (20, "Not a directory"),
    "EISDIR": (21, "Is a directory"), "EINVAL": (22, "Invalid argument"),
    "EMFILE": (24, "Too many open files"), "ENOSPC": (28, "No space left on device"),
    "EROFS": (30, "Read-only file system"), "EMLINK": (31, "Too many links"),
    "ENAMETOOLONG": (36, "File name too long"), "ENOSYS": (38, "Function not implemented"),
    "ENOTEMPTY": (39, "Directory not empty"), "ELOOP": (40, "Too many levels of symbolic links"),
}
NAME_MAX = 255  # bytes in one name, on ext4 and most Linux file systems
DEFAULT_UMASK = 0o022
UNAME = ("Linux", "workshop", "6.1.0", "#1 SMP (the workshop's sandbox)", "wasm32")
# the calls that take paths, with how many leading arguments are paths
PATH_CALLS = (
    ("stat", 1), ("lstat", 1), ("listdir", 1), ("scandir", 1), ("chdir", 1), ("access", 1),
    ("mkdir", 1), ("rmdir", 1), ("remove", 1), ("unlink", 1), ("rename", 2), ("replace", 2),
    ("chmod", 1), ("utime", 1), ("symlink", 2), ("readlink", 1), ("truncate", 1), ("open", 1),
)


def _sysconfig_data():
    """Pyodide's sysconfig data, and the name sysconfig looks for once sys.platform is 'linux'."""
    if sys.platform != "emscripten":
        return None
    import importlib
    import sysconfig
    own = sysconfig._get_sysconfigdata_name()
    return own.replace("_" + sys.platform + "_", "_linux_", 1), importlib.import_module(own)


_SYSCONFIG_DATA = _sysconfig_data()

# this interpreter's error names by its numbers (Pyodide's are not Linux's)
ERROR_NAMES = {getattr(errno, name): name for name in LINUX_ERRORS if hasattr(errno, name)}
_lstat = os.lstat
_stat = os.stat
_chmod = os.chmod
_fsencode = os.fsencode
_fspath = os.fspath
_isinstance = isinstance


# the class CPython raises for each (the rest are plain OSError)
ERROR_CLASSES = {
    "ENOENT": FileNotFoundError, "EEXIST": FileExistsError, "ENOTDIR": NotADirectoryError,
    "EISDIR": IsADirectoryError, "EACCES": PermissionError, "EPERM": PermissionError,
    "EINTR": InterruptedError, "EAGAIN": BlockingIOError,
}


def linux_error(name, *filenames):
    number, text = LINUX_ERRORS[name]
    return ERROR_CLASSES.get(name, OSError)(number, text, *filenames)


def as_linux(error):
    """The same error with Linux's number and text (Pyodide's own are not Linux's)."""
    name = ERROR_NAMES.get(error.errno)
    if name is None or getattr(error, "_linux", False):
        return error
    number, text = LINUX_ERRORS[name]
    translated = type(error)(number, text, error.filename, None, error.filename2)
    translated._linux = True
    return translated


def _strerror(code):
    for number, text in LINUX_ERRORS.values():
        if number == code:
            return text
    return "Unknown error %d" % code


class LinuxDisk:
    """Installs the Linux answers over the sandbox's guarded calls, for one case."""

    def __init__(self, getcwd, chdir):
        self.umask_value = DEFAULT_UMASK
        self.getcwd_call = getcwd
        self.chdir_call = chdir
        self.cwd_removed = False  # Linux lets the folder you stand in go; getcwd() then fails

    def install(self, os_module, platform_module, builtins_module, io_module, io_c_module):
        for name, count in PATH_CALLS:
            original = getattr(os_module, name, None)
            if original is None:
                continue
            wrapped = builtin_like(self._wrap(name, original, count), original)
            setattr(os_module, name, wrapped)
            setattr(platform_module, name, wrapped)
        opened = builtins_module.open
        builtins_module.open = io_module.open = io_c_module.open = builtin_like(self._wrap_open(opened), opened)
        os_module.umask = platform_module.umask = builtin_like(self.umask, os_module.umask)
        os_module.getcwd = platform_module.getcwd = builtin_like(self.getcwd, os_module.getcwd)
        os_module.strerror = platform_module.strerror = builtin_like(_strerror, os_module.strerror)
        os_module.uname = platform_module.uname = builtin_like(lambda: os.uname_result(UNAME), os_module.uname)
        sys.platform = "linux"
        if _SYSCONFIG_DATA:  # sysconfig (pydoc, site) looks its data up by platform
            sys.modules[_SYSCONFIG_DATA[0]] = _SYSCONFIG_DATA[1]
        for name, (number, _) in LINUX_ERRORS.items():
            setattr(errno, name, number)
        errno.errorcode = {number: name for name, (number, _) in LINUX_ERRORS.items()}

    def _wrap(self, name, call, count):
        def wrapper(*args, **kwargs):
            if self.cwd_removed and args and _relative(args[0]):
                if name == "chdir" and _fspath(args[0]) in ("..", b".."):
                    self.cwd_removed = False  # the sandbox already stands in the parent
                    return None
                raise linux_error("ENOENT", _fspath(args[0]))  # nothing is inside a removed folder
            for arg in args[:count]:
                _check_name(arg, kwargs.get("dir_fd"))
            if name == "rmdir" and args and _ends_in_dot(args[0]):
                raise linux_error("EINVAL", _fspath(args[0]))  # Linux: rmdir(".") is invalid
            created = name in ("mkdir", "open") and args and not _exists(args[0], kwargs.get("dir_fd"))
            try:
                result = call(*args, **kwargs)
            except OSError as error:
                if name == "rmdir" and ERROR_NAMES.get(error.errno) == "EBUSY" and self._is_cwd(args[0]):
                    return self._remove_cwd(call, args[0])
                if name in ("listdir", "scandir") and _readable_without_search(args):
                    result = _list_readable(call, args, kwargs)
                else:
                    raise as_linux(error) from None
            if created:
                self._apply_umask(name, args, kwargs)
            if name == "chdir":
                self.cwd_removed = False
            return result
        return wrapper

    def _is_cwd(self, path):
        try:
            return os.path.realpath(path) == os.path.realpath(self.getcwd_call())
        except (OSError, TypeError, ValueError):
            return False

    def _remove_cwd(self, rmdir, path):
        here = self.getcwd_call()
        self.chdir_call(os.path.dirname(here))
        try:
            rmdir(here)
        except OSError as error:
            self.chdir_call(here)
            raise as_linux(error) from None
        self.cwd_removed = True

    def getcwd(self):
        if self.cwd_removed:
            raise linux_error("ENOENT")
        return self.getcwd_call()

    def _wrap_open(self, opened):
        def wrapper(file, mode="r", *args, **kwargs):
            _check_name(file, None)
            created = not _isinstance(file, int) and any(c in mode for c in "wax") and not _exists(file, None)
            try:
                handle = opened(file, mode, *args, **kwargs)
            except OSError as error:
                raise as_linux(error) from None
            if created:
                _chmod(file, 0o666 & ~self.umask_value)
            return handle
        return wrapper

    def _apply_umask(self, name, args, kwargs):
        if kwargs.get("dir_fd") is not None:
            return
        if name == "mkdir":
            mode = args[1] if len(args) > 1 else kwargs.get("mode", 0o777)
        else:  # os.open: only when it made the file
            flags = args[1] if len(args) > 1 else kwargs.get("flags", 0)
            if not flags & os.O_CREAT:
                return
            mode = args[2] if len(args) > 2 else kwargs.get("mode", 0o777)
        try:
            _chmod(args[0], mode & ~self.umask_value & 0o7777)
        except OSError:
            pass

    def umask(self, mask):
        """Sets the mask new files and folders get, and gives back the one before."""
        old, self.umask_value = self.umask_value, mask & 0o777
        return old


def _exists(path, dir_fd):
    if dir_fd is not None or _isinstance(path, int):
        return True
    try:
        _lstat(path)
        return True
    except (OSError, ValueError, TypeError):
        return False


def _relative(path):
    return _isinstance(path, (str, bytes, os.PathLike)) and not os.path.isabs(_fspath(path))


def _ends_in_dot(path):
    if _isinstance(path, int):
        return False
    text = os.fsdecode(_fspath(path)).rstrip("/")
    return text == "." or text.endswith("/.")


def _check_name(path, dir_fd):
    """Linux refuses a name over 255 bytes (ENAMETOOLONG), and "file/" when file is no folder."""
    if not _isinstance(path, (str, bytes, os.PathLike)):
        return
    raw = _fsencode(_fspath(path))
    if any(len(part) > NAME_MAX for part in raw.split(b"/")):
        raise linux_error("ENAMETOOLONG", _fspath(path))
    if dir_fd is None and raw.endswith(b"/") and raw.strip(b"/"):
        try:
            info = _stat(raw.rstrip(b"/"))
        except OSError:
            return
        if not stat.S_ISDIR(info.st_mode):
            raise linux_error("ENOTDIR", _fspath(path))


def _readable_without_search(args):
    """A folder with read but no search permission: Linux still lists its names."""
    path = args[0] if args else "."
    if _isinstance(path, int):
        return False
    try:
        mode = _stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISDIR(mode) and mode & stat.S_IRUSR and not mode & stat.S_IXUSR


def _list_readable(call, args, kwargs):
    path = args[0] if args else "."
    mode = _stat(path).st_mode
    _chmod(path, mode | stat.S_IXUSR)
    try:
        return call(*args, **kwargs)  # the sandbox's listing has read every entry before it returns
    finally:
        _chmod(path, stat.S_IMODE(mode))
