"""Write files atomically, and never replace what must not be replaced.

Every file argmap creates goes through :func:`write_bytes` (export, import,
schema, the explorer's export), so the rule lives here only:

* Without *overwrite*, nothing that exists is replaced, not even a dangling
  symbolic link: the file is published with ``link()``, which fails if
  anything has appeared at the target since it was checked.
* With *overwrite* (``--force``), a regular file may be replaced, or a
  symbolic link (the link itself, never the file it points to); never a
  file this run of argmap read (*protect*: maps, seeds, the topics file,
  compared by device and inode, so another spelling, a symbolic link or a
  hard link to it is caught too), and never anything else: a folder, FIFO,
  device or socket.  Each refusal says why.
* Every operating-system error becomes a :class:`~argmap.errors.WriteError`
  naming the path and the reason, and the temporary file is removed, also
  when SIGTERM or SIGHUP ends the process mid-write.
"""

from __future__ import annotations

import errno
import os
import secrets
import signal
import stat
import threading
from collections.abc import Iterable
from pathlib import Path

from .errors import ArgmapError, OutputExistsError, UnsafeOutputError, WriteError
from .visible import visible

__all__ = ["write_bytes", "write_text", "check_target", "Protected", "install_signal_cleanup"]

PathLike = str | os.PathLike

# The temporary file's name keeps at most this many bytes of the target's,
# so that a target name near the file system's limit (255) is still written.
_TEMP_STEM_BYTES = 200
# link() errors that mean "this file system has no hard links", not "cannot write".
_NO_HARD_LINKS = frozenset({errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK})
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


class Protected:
    """The files a command read, by (device, inode): what ``--force`` may never replace.

    Built once per command (one ``stat`` and one ``lstat`` per file) and
    passed to every write, so a batch does not stat every input per output.
    Both are recorded: a loaded path that is itself a symbolic link is
    protected as a link and as the file it names.
    """

    __slots__ = ("ids",)

    def __init__(self, paths: Iterable[PathLike] = ()) -> None:
        ids: set[tuple[int, int]] = set()
        for path in paths:
            for look in (os.stat, os.lstat):
                try:
                    info = look(path)
                except (OSError, ValueError):  # gone, or a name the OS cannot take: nothing to protect
                    continue
                ids.add((info.st_dev, info.st_ino))
        self.ids = frozenset(ids)

    def __contains__(self, info: os.stat_result) -> bool:
        return (info.st_dev, info.st_ino) in self.ids


def _guard(protect: Protected | Iterable[PathLike]) -> Protected:
    return protect if isinstance(protect, Protected) else Protected(protect)


def check_target(path: PathLike, *, overwrite: bool = False,
                 protect: Protected | Iterable[PathLike] = ()) -> None:
    """Raise if writing *path* would break the rule; :func:`write_bytes` checks again when it writes.

    For refusing the outputs of a batch before drawing any of them.
    """
    _check(Path(path), overwrite, _guard(protect))


def write_bytes(path: PathLike, data: bytes, *, overwrite: bool = False,
                protect: Protected | Iterable[PathLike] = ()) -> Path:
    """Write *data* to *path* via a temporary file beside it, published in one step.

    A reader never sees a half-written file, and a failure leaves what was
    there intact.  Raises OutputExistsError (exists, no *overwrite*),
    UnsafeOutputError (*overwrite* refused: see the module docstring) or
    WriteError (the operating system refused), all naming the path.
    """
    target = Path(path)
    guard = _guard(protect)
    _check(target, overwrite, guard)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(target, exc) from None
    _install_cleanup()
    tmp = ""
    try:
        try:
            tmp, fd = _create_temp(target)
            try:
                _write_all(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            _publish(tmp, target, overwrite, guard)
        except ArgmapError:
            raise
        except OSError as exc:
            raise _write_error(target, exc) from None
    finally:
        if tmp:
            _discard(tmp)
    return target


def write_text(path: PathLike, text: str, *, overwrite: bool = False,
               protect: Protected | Iterable[PathLike] = ()) -> Path:
    """:func:`write_bytes` of *text* in UTF-8."""
    return write_bytes(path, text.encode("utf-8"), overwrite=overwrite, protect=protect)


def _check(target: Path, overwrite: bool, guard: Protected) -> None:
    try:
        info = os.lstat(target)
    except (FileNotFoundError, NotADirectoryError):
        return  # nothing there (a parent that is not a folder is reported when writing)
    except OSError as exc:
        raise _write_error(target, exc) from None
    except ValueError:  # a NUL in the name
        raise WriteError(f"cannot write {_show(target)}: the name contains a NUL character", target) from None
    shown = _show(target)
    if not overwrite:
        raise OutputExistsError(f"{shown} exists; use --force to overwrite it", target)
    if info in guard:
        raise UnsafeOutputError(f"refusing to overwrite {shown}: argmap read it in this run "
                                f"(a map, seed or topics file); --force never replaces those", target)
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise UnsafeOutputError(f"refusing to overwrite {shown}: it is {kind}; "
                                    f"--force replaces only regular files and symbolic links", target)


def _create_temp(target: Path) -> tuple[str, int]:
    """A new private-named file beside *target*, registered for removal on a signal before it exists."""
    stem = os.fsencode(target.name)[:_TEMP_STEM_BYTES].decode("utf-8", "ignore")
    for _ in range(100):
        tmp = os.path.join(target.parent, f".{stem}.{secrets.token_hex(4)}.tmp")
        _pending.add(tmp)  # before it exists, so a signal cannot leave it behind
        try:
            # Mode 0666 less the umask: what a plain open() would give.
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        except FileExistsError:
            _pending.discard(tmp)
        except BaseException:
            _pending.discard(tmp)
            raise
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(target.parent))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _publish(tmp: str, target: Path, overwrite: bool, guard: Protected) -> None:
    """Give the finished temporary file *target*'s name."""
    try:
        os.link(tmp, target)  # fails if anything is there, where rename would clobber it
        return
    except FileExistsError:
        pass
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        if not os.path.lexists(target):
            os.replace(tmp, target)
            return
    _check(target, overwrite, guard)  # what is there now: raises unless it may be replaced
    os.replace(tmp, target)


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass
    except OSError:  # pragma: no cover - the folder became unwritable meanwhile
        pass
    _pending.discard(tmp)


def _show(path: PathLike) -> str:
    return visible(os.fspath(path), one_line=True)


def _write_error(target: Path, exc: OSError) -> WriteError:
    """*exc* as a WriteError that names *target* and the reason (and the folder at fault, if another)."""
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        # A parent is a file: mkdir says "File exists", open "Not a directory".
        for parent in target.parents:
            if os.path.lexists(parent):
                if not os.path.isdir(parent):
                    reason = f"{_show(parent)} is not a folder"
                break
    elif exc.filename and os.fspath(exc.filename) not in (os.fspath(target),) \
            and not os.fspath(exc.filename).endswith(".tmp"):
        reason = f"{_show(exc.filename)}: {reason}"
    return WriteError(f"cannot write {_show(target)}: {reason}", target)


# -- signals -----------------------------------------------------------------------------------

# Temporary files being written, in any thread: removed if SIGTERM or SIGHUP ends the process.
_pending: set[str] = set()
_installed = False
_install_lock = threading.Lock()
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def install_signal_cleanup() -> None:
    """Remove temporary files before SIGTERM or SIGHUP ends the process.

    Called by every write; it takes effect only from the main thread (where
    Python allows signal handlers), so an app that writes from worker
    threads calls it once at start-up.  The handlers chain to the ones they
    replace: where those end the process (the default), the temporary files
    are removed first and the signal is delivered again, so the exit status
    still says which signal ended it.
    """
    _install_cleanup()


def _install_cleanup() -> None:
    global _installed
    if _installed or threading.current_thread() is not threading.main_thread():
        return
    with _install_lock:
        if _installed:
            return
        for signum in _SIGNALS:
            previous = signal.getsignal(signum)
            if previous is signal.SIG_IGN:
                continue  # the signal will not end the process: nothing to clean up after
            try:
                signal.signal(signum, _make_handler(previous))
            except (ValueError, OSError):  # pragma: no cover - not the main interpreter
                continue
        _installed = True


def _make_handler(previous):
    def handler(signum: int, frame) -> None:
        if callable(previous):  # someone else's handler decides; an exception it raises unwinds our writes
            previous(signum, frame)
            return
        for tmp in list(_pending):
            try:
                os.unlink(tmp)
            except OSError:
                pass
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    return handler
