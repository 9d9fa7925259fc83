"""What the learner's code printed and raised, as the learner should read it."""
import errno
import io
import os
import linecache
import sys
import traceback

from .linux import LINUX_ERRORS
from .windows import to_windows

OUTPUT_CAP = 64 * 1024

# Pyodide numbers and words errors its own way ([Errno 44] for a missing file). The
# sandbox's Linux layer raises Linux's; an error raised past it still reads as Linux's
# once its "[Errno N] text" is swapped, matched with its text so a Linux one stays.
_AS_ON_LINUX = {}
if sys.platform == "emscripten":
    for _name, (_number, _text) in LINUX_ERRORS.items():
        if hasattr(errno, _name):
            _AS_ON_LINUX["[Errno %d] %s" % (getattr(errno, _name), os.strerror(getattr(errno, _name)))] = \
                "[Errno %d] %s" % (_number, _text)

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
    """Pyodide's "[Errno N] text" in `text` as Linux gives them."""
    if not _AS_ON_LINUX or "[Errno " not in text:
        return text
    for pyodide, linux in _AS_ON_LINUX.items():
        text = text.replace(pyodide, linux)
    return text


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
    if not isinstance(error, OSError):  # the learner's own message stays as they wrote it
        return {"type": type(error).__name__, "message": message, "traceback": text}
    windows_root = to_windows(real_root)  # as the Windows profile names the folder
    for prefix in (real_root + "/", root + "/", windows_root + "\\", real_root, root, windows_root):
        text = text.replace(prefix, "")
        message = message.replace(prefix, "")
    return {"type": type(error).__name__, "message": message, "traceback": text}


def last_lines(text, count):
    return "\n".join(text.splitlines()[-count:])
