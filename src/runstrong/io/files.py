"""Writing a file the safe way: a temporary file beside it, then a rename, so a reader
never sees half a file and a failed write leaves the old one. One place for every command."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

from runstrong.errors import UserError


def write_atomically(path: Path, data: str | bytes, option: str = "--output") -> None:
    """Write `data` (text as UTF-8) to `path`. A missing folder or a folder in the way is a
    UserError naming `option`. A new file gets the usual permissions (mkstemp's are private);
    a replaced one keeps its own."""
    if path.is_dir():
        raise UserError(f"{option}: {path} is a folder; give a file name inside it")
    if not path.parent.exists():
        raise UserError(f"{option}: folder {path.parent} does not exist; create it or pick another path")
    try:
        _write_via_temp(path, data)
    except OSError as err:
        if err.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM):
            raise
        full = err.errno in (errno.ENOSPC, errno.EDQUOT)
        raise UserError(
            f"cannot write {path} ({err.strerror}); {'nothing was written' if full else 'the folder is not writable'}",
            field=option,
            fix="free some space, or write elsewhere" if full else "make the folder writable, or write elsewhere",
        ) from None


def _write_via_temp(path: Path, data: str | bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        if path.exists():
            shutil.copymode(path, tmp)
        else:
            umask = os.umask(0o022)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
