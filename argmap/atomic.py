"""Write files atomically, refusing to overwrite unless told to."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputExistsError

__all__ = ["write_bytes", "write_text"]


def write_bytes(path: str | os.PathLike, data: bytes, *, overwrite: bool = False) -> Path:
    """Write *data* to *path* via a temporary file and a rename.

    A reader never sees a half-written file, and a crash leaves the old file
    intact.  Without *overwrite*, an existing file is an error.
    """
    target = Path(path)
    if target.exists() and not overwrite:
        raise OutputExistsError(f"{target} exists; use --force to overwrite it")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp, target)
        else:
            # link() fails if the target appeared meanwhile, where rename would clobber it.
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise OutputExistsError(f"{target} exists; use --force to overwrite it") from None
            except OSError:  # file systems without hard links
                if target.exists():
                    raise OutputExistsError(f"{target} exists; use --force to overwrite it") from None
                os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: str | os.PathLike, text: str, *, overwrite: bool = False) -> Path:
    return write_bytes(path, text.encode("utf-8"), overwrite=overwrite)
