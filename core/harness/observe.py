"""What the learner's code printed and raised, as the learner should read it."""
import errno
import io
import linecache
import sys
import traceback

from .windows import to_windows

OUTPUT_CAP = 64 * 1024

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

_extract_tb = traceback.extract_tb
_format_list = traceback.format_list
_format_exception_only = traceback.format_exception_only
_line_cache = linecache.cache


class OutputLimit(BaseException):
    """Raised once the learner's code has printed more than the cap."""


class CappedOutput(io.TextIOBase):
    """Where print() writes while learner code runs: kept, up to OUTPUT_CAP characters."""

    def __init__(self):
        self.parts = []
        self.size = 0
        self.truncated = False

    def writable(self):
        return True

    def write(self, text):
        if self.size >= OUTPUT_CAP:
            self.truncated = True
            raise OutputLimit()
        self.parts.append(text[: OUTPUT_CAP - self.size])
        self.size += len(text)
        return len(text)

    def text(self):
        return "".join(self.parts)


def remember_source(filename, source):
    """So tracebacks can show the learner's lines (the file is not on disk)."""
    _line_cache[filename] = (len(source), None, source.splitlines(True), filename)


def as_on_linux(text):
    """Error numbers in `text` as Linux gives them (only Pyodide's differ)."""
    if not _AS_ON_LINUX or "[Errno " not in text:
        return text
    parts = text.split("[Errno ")
    for i in range(1, len(parts)):
        number, _, rest = parts[i].partition("]")
        parts[i] = "%s]%s" % (_AS_ON_LINUX.get(number, number), rest)
    return "[Errno ".join(parts)


def learner_traceback(error, filename):
    """The traceback lines that point into the learner's file, then the error itself."""
    if isinstance(error, SyntaxError):
        # Python's own layout: the line, and a caret under the place it stopped
        return "".join(_format_exception_only(type(error), error)).rstrip()
    frames = [f for f in _extract_tb(error.__traceback__) if f.filename == filename]
    lines = _format_list(frames)
    lines += _format_exception_only(type(error), error)
    return "".join(lines).rstrip()


def describe_exception(error, root, real_root, filename):
    """{"type", "message", "traceback"}, with the case folder's own path left out."""
    try:
        text = as_on_linux(learner_traceback(error, filename))
        message = as_on_linux(error.msg if isinstance(error, SyntaxError) else str(error))
    except Exception:
        text = message = "(the error could not be described)"
    windows_root = to_windows(real_root)  # as the Windows profile names the folder
    for prefix in (real_root + "/", root + "/", windows_root + "\\", real_root, root, windows_root):
        text = text.replace(prefix, "")
        message = message.replace(prefix, "")
    return {"type": type(error).__name__, "message": message, "traceback": text}


def last_lines(text, count):
    return "\n".join(text.splitlines()[-count:])
