"""Back and forward history, as in a web browser (pure data, no Textual)."""

from __future__ import annotations

from typing import Generic, TypeVar

__all__ = ["History"]

T = TypeVar("T")


class History(Generic[T]):
    """Places visited by jumps; going somewhere new drops the forward entries."""

    def __init__(self, limit: int = 500) -> None:
        self._items: list[T] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> T | None:
        return self._items[self._index] if self._index >= 0 else None

    def visit(self, item: T) -> None:
        """Record a visit to *item* (a repeat of the current place is ignored)."""
        if self.current == item:
            return
        del self._items[self._index + 1:]
        self._items.append(item)
        if len(self._items) > self._limit:
            del self._items[0]
        self._index = len(self._items) - 1

    def back(self) -> T | None:
        if self._index <= 0:
            return None
        self._index -= 1
        return self._items[self._index]

    def forward(self) -> T | None:
        if self._index >= len(self._items) - 1:
            return None
        self._index += 1
        return self._items[self._index]

    @property
    def can_back(self) -> bool:
        return self._index > 0

    @property
    def can_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def __len__(self) -> int:
        return len(self._items)
