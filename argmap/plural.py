"""Counts in words: "1 file", "2 files", "1,000 nodes"."""

from __future__ import annotations

__all__ = ["plural"]


def plural(count: int, noun: str, many: str | None = None) -> str:
    """*count* and *noun*, in the plural (*many*, else noun + "s") unless *count* is 1."""
    return f"{count:,} {noun if count == 1 else (many or noun + 's')}"
