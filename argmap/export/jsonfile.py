"""Reading a JSON file a stranger sent: the size cap, the encoding, the parse, in one place.

AIF files and the JSON that ``argdown json`` writes are read the same way:
at most :data:`MAX_BYTES` (a map file's cap), UTF-8 with or without a BOM,
parsed with the garbage collector paused, and every failure an
:class:`~argmap.errors.ArgmapError` whose message names the kind of file
(``"AIF"``, ``"Argdown JSON"``) and the problem, never a traceback.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable
from typing import BinaryIO

from ..errors import ArgmapError
from ..gcpause import gc_paused
from ..yamlsource import MAX_FILE_BYTES

__all__ = ["MAX_BYTES", "read_capped", "read_file", "parse_json"]

MAX_BYTES = MAX_FILE_BYTES  # the same cap as a map file's


def read_capped(stream: BinaryIO, what: str) -> bytes:
    """The bytes of a *what* file from *stream*, refused past the cap (read no further than that).

    A stream, not a path: standard input and pipes (``<(curl ...)``) are fine inputs.
    """
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ArgmapError(f"the file is over {MAX_BYTES:,} bytes; {what} files are limited to that, as maps are")
    return data


def read_file(path: str | os.PathLike, what: str) -> bytes:
    """The bytes of the regular file at *path* (capped); a FIFO or device is refused, not waited on.

    Raises :class:`OSError` for what the system refuses (the caller names the path).
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return read_capped(stream, what)


def parse_json(data: bytes | str, what: str, parse_int: Callable[[str], object] | None = None) -> object:
    """The JSON value of a *what* file (any JSON value: the caller checks its shape)."""
    if len(data) > MAX_BYTES:
        raise ArgmapError(f"the file is {len(data):,} bytes; {what} files are limited to {MAX_BYTES:,}")
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ArgmapError(f"the {what} file is not UTF-8 (byte {exc.start})") from None
    try:
        with gc_paused():  # a big file is millions of objects: collecting as they come only costs
            return json.loads(data, parse_int=parse_int)
    except json.JSONDecodeError as exc:
        raise ArgmapError(f"the {what} file is not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise ArgmapError(f"the {what} file is nested too deeply") from None
    except ValueError as exc:  # an integer too long to convert, where parse_int does not guard
        raise ArgmapError(f"the {what} file is not JSON argmap can read ({exc})") from None
