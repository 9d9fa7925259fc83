"""The Windows profile: task code runs "as on Windows" on the sandbox's own disk.

Under it, `os` answers as CPython on Windows does (os.name 'nt', os.path is ntpath,
'\\' between parts, "C:\\..." paths), and the disk follows the Windows rules a
beginner meets: names are case-insensitive but keep their case, a folder lists
sorted without regard to case, os.rename refuses to replace, an open file cannot be
removed or renamed, a read-only file cannot be removed, reserved and invalid names
are refused, text files get '\\r\\n' and, without an encoding, cp1252. Errors carry
`.winerror` and read as on Windows.

Sources, cited by the tests too: Microsoft Learn, "Naming Files, Paths, and
Namespaces" (reserved names, invalid characters, trailing dots and spaces) and
"System Error Codes" (the WinError texts); the Python docs of os.rename, os.replace,
os.chmod, os.environ and open(); CPython's PC/errmap.h (the errno each WinError gets).

The disk under it stays the sandbox's POSIX one: "C:\\" is its root, so the case
folder /sandbox/run-3 is C:\\sandbox\\run-3. What it leaves out is in the README.
"""
import builtins
import io
import ntpath
import os
import stat
import sys
import types

from .calls import builtin_like, scandir_iterator
from .linux import ERROR_NAMES

# the texts Windows gives (FormatMessage, as CPython prints them: no final period)
WIN_MESSAGES = {
    2: "The system cannot find the file specified",
    3: "The system cannot find the path specified",
    5: "Access is denied",
    32: "The process cannot access the file because it is being used by another process",
    123: "The filename, directory name, or volume label syntax is incorrect",
    145: "The directory is not empty",
    183: "Cannot create a file when that file already exists",
    267: "The directory name is invalid",
    1314: "A required privilege is not held by the client",
}
# (exception class, errno) CPython gives each WinError (PC/errmap.h)
WIN_ERRORS = {
    2: (FileNotFoundError, 2), 3: (FileNotFoundError, 2), 5: (PermissionError, 13),
    32: (PermissionError, 13), 123: (OSError, 22), 145: (OSError, 41),
    183: (FileExistsError, 17), 267: (NotADirectoryError, 20), 1314: (OSError, 22),
}
# what open() raises on Windows: the C runtime's errno, not a WinError
CRT_ERRORS = {
    "ENOENT": (FileNotFoundError, 2, "No such file or directory"),
    "EACCES": (PermissionError, 13, "Permission denied"),
    "EISDIR": (PermissionError, 13, "Permission denied"),
    "EEXIST": (FileExistsError, 17, "File exists"),
    "EINVAL": (OSError, 22, "Invalid argument"),
    "ENOTDIR": (FileNotFoundError, 2, "No such file or directory"),
}
RESERVED_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + ["COM%d" % i for i in range(1, 10)] + ["LPT%d" % i for i in range(1, 10)])
INVALID_CHARACTERS = frozenset('<>:"|?*' + "".join(chr(i) for i in range(32)))
# the text encoding of open() without one: Windows' code page (Western Europe's), as in
# Python before 3.15, so a file with "é" differs from Linux's and "✓" cannot be written
ANSI_CODE_PAGE = "cp1252"
DEVICE = "/dev/null"  # where a reserved name (NUL, CON, ...) leads: a device, not a file
CONSTANTS = {
    "name": "nt", "sep": "\\", "altsep": "/", "pathsep": ";", "linesep": "\r\n",
    "extsep": ".", "curdir": ".", "pardir": "..", "devnull": "nul", "defpath": ".;C:\\bin",
    "path": ntpath,
}
# POSIX-only parts of os that Windows' os does not have
POSIX_ONLY = (
    "uname", "getuid", "geteuid", "getgid", "getegid", "getgroups", "chown", "lchown", "fchown",
    "getpgid", "setsid",
)

_lstat = os.lstat
_stat = os.stat
_S_ISDIR = stat.S_ISDIR
_isinstance = isinstance
_fspath = os.fspath


def _win_str(self):
    where = ""
    if self.filename is not None:
        where = ": %r" % (self.filename,)
        if self.filename2 is not None:
            where += " -> %r" % (self.filename2,)
    return "[WinError %d] %s%s" % (self.winerror, self.strerror, where)


# one subclass per exception class, named like it, printing "[WinError N]"
_WIN_CLASSES = {
    base: type(base.__name__, (base,), {
        "__str__": _win_str, "__module__": "builtins", "__qualname__": base.__qualname__})
    for base in (FileNotFoundError, PermissionError, OSError, FileExistsError, NotADirectoryError)
}


def win_error(winerror, filename=None, filename2=None):
    base, number = WIN_ERRORS[winerror]
    error = _WIN_CLASSES[base](number, WIN_MESSAGES[winerror], filename, None, filename2)
    error.winerror = winerror
    return error


def crt_error(name, filename):
    cls, number, message = CRT_ERRORS.get(name, (OSError, 22, "Invalid argument"))
    return cls(number, message, filename)


class _BadName(Exception):
    """A name Windows refuses (an invalid character, nothing left once trailing dots go)."""


def to_windows(posix_path):
    return "C:" + posix_path.replace("/", "\\") if posix_path != "/" else "C:\\"


def _text(path):
    path = _fspath(path)
    return path.decode("utf-8", "surrogateescape") if _isinstance(path, bytes) else path


def _upper_sorted(names):
    """NTFS keeps a folder sorted by each name in upper case."""
    return sorted(names, key=lambda name: (_text(name).upper(), _text(name)))


class WindowsDisk:
    """Installs Windows' os over the sandbox's guarded POSIX calls, for one case."""

    def __init__(self, calls):
        # the POSIX calls as the sandbox guards them: name -> function
        self.calls = calls
        self.open_files = []  # (POSIX path, file object)
        self.open_fds = {}  # descriptor -> POSIX path

    # --- paths ----------------------------------------------------------------

    def posix(self, path):
        """The sandbox path a Windows path names, matching existing names without regard to case."""
        text = _text(path).replace("/", "\\")
        if text.startswith("\\\\"):
            raise win_error(3, _fspath(path))  # network paths: there is no network
        if len(text) >= 2 and text[1] == ":":
            if text[0].upper() != "C":
                raise win_error(3, _fspath(path))  # only C: exists
            text = text[2:]
        absolute = text.startswith("\\")
        where = "/" if absolute else self.calls["getcwd"]()
        parts = [part for part in text.split("\\") if part not in ("", ".")]
        for part in parts:
            if part == "..":
                where = where.rsplit("/", 1)[0] or "/"
                continue
            name = part.rstrip(". ")  # Windows drops trailing dots and spaces
            if not name or any(c in INVALID_CHARACTERS for c in name):
                raise _BadName()
            if name.split(".")[0].rstrip(" ").upper() in RESERVED_NAMES:
                return DEVICE
            where = self._matching(where, name)
        return where

    def _matching(self, folder, name):
        full = folder.rstrip("/") + "/" + name
        try:
            _lstat(full)
            return full
        except OSError:
            pass
        try:
            names = self.calls["listdir"](folder)
        except OSError:
            return full
        upper = name.upper()
        for found in names:
            if found.upper() == upper:
                return folder.rstrip("/") + "/" + found
        return full

    def _resolve(self, path):
        try:
            return self.posix(path)
        except _BadName:
            raise win_error(123, _fspath(path)) from None

    def _is_open(self, posix_path):
        self.open_files = [(p, f) for p, f in self.open_files if not f.closed]
        held = [p for p, _ in self.open_files] + list(self.open_fds.values())
        return any(p == posix_path or p.startswith(posix_path + "/") for p in held)

    def _translated(self, error, path, path2=None, missing=2):
        """A POSIX error as the Windows call would raise it."""
        name = ERROR_NAMES.get(error.errno)
        if name == "ENOENT":
            return win_error(missing, _fspath(path), path2)
        if name == "EEXIST":
            return win_error(183, _fspath(path), path2)
        if name == "ENOTEMPTY":
            return win_error(145, _fspath(path), path2)
        if name == "ENOTDIR":
            return win_error(267, _fspath(path), path2)
        if name in ("EACCES", "EPERM", "EISDIR", "EBUSY"):
            return win_error(5, _fspath(path), path2)
        return error

    def _call(self, name, path, *args, missing=2, **kwargs):
        full = self._resolve(path)
        try:
            return self.calls[name](full, *args, **kwargs)
        except OSError as error:
            if getattr(error, "winerror", None):
                raise
            missing = 3 if missing == 2 and not self._parent_exists(full) else missing
            raise self._translated(error, path, missing=missing) from None

    def _parent_exists(self, full):
        try:
            return _S_ISDIR(_lstat(full.rsplit("/", 1)[0] or "/").st_mode)
        except OSError:
            return False

    # --- the calls ------------------------------------------------------------

    def getcwd(self):
        return to_windows(self.calls["getcwd"]())

    def getcwdb(self):
        return os.fsencode(self.getcwd())

    def chdir(self, path):
        self._call("chdir", path)

    def stat(self, path, *, dir_fd=None, follow_symlinks=True):
        if _isinstance(path, int):
            return _windows_stat(self.calls["stat"](path))
        found = self._call("stat" if follow_symlinks else "lstat", path)
        return _windows_stat(found)

    def lstat(self, path, *, dir_fd=None):
        return self.stat(path, follow_symlinks=False)

    def listdir(self, path="."):
        names = self._call("listdir", path, missing=3)
        return _upper_sorted(names)

    def scandir(self, path="."):
        given = _fspath(path)
        names = self.listdir(given)
        full = self._resolve(given)
        base = _text(given)
        return _Listing([_DirEntry(name, ntpath.join(base, name), full + "/" + name) for name in names])

    def mkdir(self, path, mode=0o777, *, dir_fd=None):
        full = self._resolve(path)
        if full == DEVICE:
            raise win_error(267, _fspath(path))
        try:
            self.calls["mkdir"](full, mode)
        except OSError as error:
            raise self._translated(error, path, missing=3) from None

    def rmdir(self, path, *, dir_fd=None):
        full = self._resolve(path)
        if full == self.calls["getcwd"]() or self._is_open(full):
            raise win_error(32, _fspath(path))  # Windows: the folder you stand in is in use
        self._call("rmdir", path)

    def remove(self, path, *, dir_fd=None):
        full = self._resolve(path)
        if self._is_open(full):
            raise win_error(32, _fspath(path))
        try:
            info = _lstat(full)
        except OSError:
            info = None
        if info is not None and (_S_ISDIR(info.st_mode) or not info.st_mode & stat.S_IWRITE):
            raise win_error(5, _fspath(path))  # a folder, or a read-only file
        self._call("unlink", path)

    unlink = remove

    def rename(self, src, dst, *, src_dir_fd=None, dst_dir_fd=None):
        self._move(src, dst, replace=False)

    def replace(self, src, dst, *, src_dir_fd=None, dst_dir_fd=None):
        self._move(src, dst, replace=True)

    def _move(self, src, dst, replace):
        source, target = self._resolve(src), self._resolve(dst)
        names = (_fspath(src), _fspath(dst))
        if target == DEVICE:
            raise win_error(5, *names)
        try:
            _lstat(source)
        except OSError:
            raise win_error(2 if self._parent_exists(source) else 3, *names) from None
        if self._is_open(source):
            raise win_error(32 if not _S_ISDIR(_lstat(source).st_mode) else 5, *names)
        given = target.rsplit("/", 1)[0] + "/" + _text(dst).replace("/", "\\").split("\\")[-1].rstrip(". ")
        if target == source:  # the same entry: only its case may change
            target = given
        else:
            try:
                existing = _lstat(target)
            except OSError:
                existing = None
            if existing is not None:
                if not replace:
                    raise win_error(183, *names)  # os.rename never replaces on Windows
                if _S_ISDIR(existing.st_mode) or self._is_open(target) or not existing.st_mode & stat.S_IWRITE:
                    raise win_error(5, *names)
                if given != target:  # the replaced file goes; the moved one takes the name as given
                    self.calls["unlink"](target)
                    target = given
        try:
            self.calls["rename"](source, target)
        except OSError as error:
            raise self._translated(error, src, names[1], missing=3) from None

    def chmod(self, path, mode, *, dir_fd=None, follow_symlinks=True):
        """Windows' os.chmod sets or clears the read-only flag, nothing else."""
        full = self._resolve(path)
        info = self.stat(path)
        if _S_ISDIR(info.st_mode):
            return
        self.calls["chmod"](full, 0o666 if mode & stat.S_IWRITE else 0o444)

    def access(self, path, mode, **kwargs):
        try:
            full = self._resolve(path)
        except OSError:
            return False
        return os_access(full, mode)

    def utime(self, path, *args, **kwargs):
        kwargs.pop("dir_fd", None)
        kwargs.pop("follow_symlinks", None)
        self._call("utime", path, *args, **kwargs)

    def symlink(self, src, dst, target_is_directory=False, *, dir_fd=None):
        raise win_error(1314, _fspath(src), _fspath(dst))  # needs an administrator or Developer Mode

    def link(self, src, dst, **kwargs):
        source, target = self._resolve(src), self._resolve(dst)
        try:
            self.calls["link"](source, target)
        except OSError as error:
            raise self._translated(error, src, _fspath(dst)) from None

    def truncate(self, path, length):
        if _isinstance(path, int):
            return self.calls["truncate"](path, length)
        return self._call("truncate", path, length)

    def os_open(self, path, flags, mode=0o777, *, dir_fd=None):
        full = self._resolve(path)
        try:
            fd = self.calls["open"](full, flags, mode)
        except OSError as error:
            raise crt_error(ERROR_NAMES.get(error.errno), _fspath(path)) from None
        self.open_fds[fd] = full
        return fd

    def close(self, fd):
        self.open_fds.pop(fd, None)
        return self.calls["close"](fd)

    def open(self, file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
        if _isinstance(file, int):
            return self.calls["builtin_open"](file, mode, buffering, encoding, errors, newline, closefd, opener)
        try:
            full = self.posix(file)
        except _BadName:
            raise crt_error("EINVAL", _fspath(file)) from None
        if newline is None and "b" not in mode and "+" not in mode and any(c in mode for c in "wax"):
            newline = "\r\n"  # Windows' text files end lines with \r\n
        if "b" not in mode and encoding in (None, "locale"):
            encoding = ANSI_CODE_PAGE
        opener_open = self.calls["device_open"] if full == DEVICE else self.calls["builtin_open"]
        if full != DEVICE and any(c in mode for c in "wax+"):
            try:
                info = _lstat(full)
                if not info.st_mode & stat.S_IWRITE and not _S_ISDIR(info.st_mode):
                    raise crt_error("EACCES", _fspath(file))
            except FileNotFoundError:
                pass
        try:
            handle = opener_open(full, mode, buffering, encoding, errors, newline, closefd, opener)
        except OSError as error:
            raise crt_error(ERROR_NAMES.get(error.errno), _fspath(file)) from None
        try:
            handle.name = file
        except (AttributeError, TypeError):
            pass
        self.open_files.append((full, handle))
        return handle

    def install(self, os_module, platform_module):
        for name in ("getcwd", "getcwdb", "chdir", "stat", "lstat", "listdir", "scandir", "mkdir", "rmdir",
                     "remove", "unlink", "rename", "replace", "chmod", "access", "utime", "symlink", "link",
                     "truncate", "close"):
            if name in ("link", "truncate") and name not in self.calls:
                continue  # this interpreter has no such call
            setattr(os_module, name, builtin_like(getattr(self, name), getattr(os_module, name)))
            setattr(platform_module, name, getattr(os_module, name))
        os_module.open = platform_module.open = builtin_like(self.os_open, os_module.open)
        builtins.open = io.open = sys.modules["_io"].open = builtin_like(self.open, builtins.open)


def os_access(full, mode):
    try:
        info = _lstat(full)
    except OSError:
        return False
    return not (mode & os.W_OK and not info.st_mode & stat.S_IWRITE and not _S_ISDIR(info.st_mode))


def _windows_stat(found):
    """A stat result as Windows gives it: no owner, and a mode made of the read-only flag."""
    if _S_ISDIR(found.st_mode):
        mode = stat.S_IFDIR | 0o777
    elif stat.S_ISREG(found.st_mode):
        mode = stat.S_IFREG | (0o666 if found.st_mode & stat.S_IWRITE else 0o444)
    else:
        mode = found.st_mode
    values = list(found[:10])
    values[0], values[4], values[5] = mode, 0, 0
    extra = {name: getattr(found, name) for name in (
        "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns") if hasattr(found, name)}
    return os.stat_result(values, extra)


class _DirEntry:
    """What os.scandir yields, with Windows paths."""

    def __init__(self, name, path, full):
        self.name = name
        self.path = path
        self._full = full

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % self.name

    def stat(self, *, follow_symlinks=True):
        return _windows_stat(_stat(self._full) if follow_symlinks else _lstat(self._full))

    def is_dir(self, *, follow_symlinks=True):
        return self._is(stat.S_ISDIR, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._is(stat.S_ISREG, follow_symlinks)

    def is_symlink(self):
        return self._is(stat.S_ISLNK, False)

    def is_junction(self):
        return False

    def inode(self):
        return _lstat(self._full).st_ino

    def _is(self, test, follow):
        try:
            return test((_stat if follow else _lstat)(self._full).st_mode)
        except OSError:
            return False


_Listing = scandir_iterator("nt")
_DirEntry.__name__ = _DirEntry.__qualname__ = "DirEntry"
_DirEntry.__module__ = "nt"


def windows_environ(values):
    """os.environ as CPython on Windows builds it: keys upper-cased, so any case finds them."""
    def check_str(value):
        if not _isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        return value

    def encode_key(key):
        return check_str(key).upper()
    data = {encode_key(key): value for key, value in values.items()}
    return os._Environ(data, encode_key, str, check_str, str)


def windows_modules():
    """pathlib and shutil as imported on Windows (WindowsPath works, shutil takes its
    Windows paths), made once while os looks like Windows' os."""
    wanted = ("pathlib", "shutil")
    saved = {name: sys.modules.pop(name) for name in list(sys.modules)
             if name in wanted or name.startswith("pathlib.")}
    with looks_like_windows():
        sys.modules["_winapi"] = types.ModuleType("_winapi")
        sys.modules["nt"] = sys.modules["posix"]
        saved_dir_fd = os.supports_dir_fd
        os.supports_dir_fd = set()  # Windows has no dir_fd: shutil.rmtree walks by path
        try:
            made = {}
            for name in wanted:
                __import__(name)
            for name in list(sys.modules):
                if name in wanted or name.startswith("pathlib."):
                    made[name] = sys.modules.pop(name)
        finally:
            os.supports_dir_fd = saved_dir_fd
            sys.modules.pop("_winapi", None)
            sys.modules.pop("nt", None)
    sys.modules.update(saved)
    return made


class looks_like_windows:
    """os, os.path and sys.platform as on Windows, until the block ends (no disk rules)."""

    def __enter__(self):
        self.saved = {name: getattr(os, name) for name in CONSTANTS}
        self.saved_platform = sys.platform
        self.saved_path_module = sys.modules["os.path"]
        for name, value in CONSTANTS.items():
            setattr(os, name, value)
        sys.platform = "win32"
        sys.modules["os.path"] = ntpath
        return self

    def __exit__(self, *exc):
        for name, value in self.saved.items():
            setattr(os, name, value)
        sys.platform = self.saved_platform
        sys.modules["os.path"] = self.saved_path_module
        return False
