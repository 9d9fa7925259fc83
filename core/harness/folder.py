"""A case's folder: seeded from the spec's tree, read back as plain data.

Reading never follows a link and survives entries it cannot stat, so whatever the
learner's code left behind (a dangling link, a file it cannot read), the report is
made. Functions are bound at import: learner code that patches `os` cannot change
what the harness sees.
"""
import os
import stat
import time

TEXT_LIMIT = 4096

_join = os.path.join
_dirname = os.path.dirname
_makedirs = os.makedirs
_lstat = os.lstat
_scandir = os.scandir
_utime = os.utime
_open = open
_realpath = os.path.realpath
_getcwd = os.getcwd
_relpath = os.path.relpath
_sep = os.sep
_S_ISDIR = stat.S_ISDIR
_S_ISREG = stat.S_ISREG


def seed_tree(root, tree):
    for rel in sorted(tree):
        path = _join(root, *rel.rstrip("/").split("/"))
        if rel.endswith("/"):
            _makedirs(path, exist_ok=True)
            continue
        _makedirs(_dirname(path), exist_ok=True)
        value = tree[rel]
        data = b"x" * value["size"] if isinstance(value, dict) else str(value).encode("utf-8")
        with _open(path, "wb") as handle:
            handle.write(data)


def age_files(root, ages, now=None):
    """Sets each file's last modification to that many days ago (access time too)."""
    now = time.time() if now is None else now
    for rel, days in ages.items():
        moment = now - days * 86400
        _utime(_join(root, *rel.rstrip("/").split("/")), (moment, moment))


def file_ages(root, paths, now=None):
    """Days since each file's last modification ({path: days}, None where it is no file)."""
    now = time.time() if now is None else now
    ages = {}
    for rel in paths:
        try:
            info = _lstat(_join(root, *rel.split("/")))
        except OSError:
            info = None
        ages[rel] = (now - info.st_mtime) / 86400 if info and _S_ISREG(info.st_mode) else None
    return ages


def read_tree(root):
    """The folder as {relative path: text or {"size": n}}; folders end with /."""
    found = {}
    _read_folder(root, "", found)
    return found


def _read_folder(folder, prefix, found):
    try:
        with _scandir(folder) as entries:
            items = [(entry.name, entry.path) for entry in entries]
    except OSError:
        return
    for name, path in items:
        try:
            info = _lstat(path)
        except OSError:
            found[prefix + name] = {"size": 0}
            continue
        if _S_ISDIR(info.st_mode):
            found[prefix + name + "/"] = ""
            _read_folder(path, prefix + name + "/", found)
        elif _S_ISREG(info.st_mode):
            found[prefix + name] = _describe_file(path, info.st_size)
        else:  # a link (never followed), a pipe, a socket
            found[prefix + name] = {"size": info.st_size}


def _describe_file(path, size):
    if size <= TEXT_LIMIT:
        try:
            with _open(path, "rb") as handle:
                data = handle.read(TEXT_LIMIT + 1)
            return data.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            pass
    return {"size": size}


def relative_cwd(root):
    """Where the learner's code left the current folder, relative to `root` (None: outside it)."""
    try:
        here = _realpath(_getcwd())
    except OSError:
        return None
    base = _realpath(root)
    if here == base or here.startswith(base + _sep):
        return _relpath(here, base).replace(_sep, "/")
    return None
