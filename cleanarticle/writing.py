"""Writing files without ever damaging them: atomic replacement, or in place when the
file's identity (hard links, an owner we cannot give a new file) must be kept."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def current_umask() -> int:
    """The process's umask (read by setting it and setting it back)."""
    umask = os.umask(0)
    os.umask(umask)
    return umask


def write_atomic(path: Path, text: str, *, follow_symlinks: bool = True) -> None:
    """Replace ``path``'s content with ``text`` as UTF-8 (or create it).

    The new text goes to a temporary file beside the target, is flushed to disk and
    renamed over it, so a reader never sees half a file. The file keeps its permissions,
    owner and group; a file with several hard links, or whose owner or group a new file
    cannot be given, is rewritten in place instead (after the same text was written to a
    temporary file, so that a full disk fails before the file is touched). A new file
    gets 0666 less the umask. ``follow_symlinks=False`` replaces a symbolic link itself
    rather than the file it points to. On any failure the original is left as it was.
    """
    data = text.encode("utf-8")  # fails (lone surrogates) before anything is touched
    target = Path(os.path.realpath(path)) if follow_symlinks else Path(os.path.abspath(path))
    try:
        info: os.stat_result | None = os.lstat(target)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        info = None  # a link that is replaced, not followed
    if info is not None and info.st_nlink > 1:
        _write_in_place(target, data)
        return
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            made = os.fstat(handle.fileno())
        if info is not None and (made.st_uid, made.st_gid) != (info.st_uid, info.st_gid):
            try:
                os.chown(tmp, info.st_uid, info.st_gid)
            except PermissionError:  # only the file itself has its owner: write in place
                os.unlink(tmp)
                _write_in_place(target, data)
                return
        os.chmod(tmp, info.st_mode & 0o7777 if info is not None else 0o666 & ~current_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_in_place(target: Path, data: bytes) -> None:
    """Overwrite ``target`` itself (same inode: hard links, owner, group and mode kept).

    The text is first written and flushed to a temporary file beside it, which proves the
    disk can hold it; should the rewrite fail anyway, the original bytes are put back.
    """
    original = target.read_bytes()
    reserve = None
    try:
        with contextlib.suppress(PermissionError):  # a folder we may not add files to
            fd, reserve = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
            )
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        if reserve is not None:
            os.unlink(reserve)  # its space is now free for the rewrite
            reserve = None
        with open(target, "r+b") as handle:
            try:
                handle.write(data)
                handle.truncate()
                handle.flush()
                os.fsync(handle.fileno())
            except BaseException:
                handle.seek(0)
                handle.write(original)
                handle.truncate()
                handle.flush()
                raise
    finally:
        if reserve is not None:
            with contextlib.suppress(OSError):
                os.unlink(reserve)
