"""Terminal controls in user text are shown, never sent."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from argmap.visible import has_controls, visible

ATTACKS = {
    "clear screen and scrollback": ("\x1b[2J\x1b[3J", "\\x1b[2J\\x1b[3J"),
    "window title (OSC 0)": ("\x1b]0;owned\x07", "\\x1b]0;owned\\x07"),
    "clipboard (OSC 52)": ("\x1b]52;c;cm0gLXJm\x07", "\\x1b]52;c;cm0gLXJm\\x07"),
    "hyperlink (OSC 8)": ("\x1b]8;;http://x\x1b\\", "\\x1b]8;;http://x\\x1b\\"),
    "C1 CSI": ("\x9b2J", "\\x9b2J"),
    "bell": ("\x07", "\\x07"),
    "carriage return": ("safe\rEVIL", "safe\\rEVIL"),
    "right-to-left override": ("abc\u202edcba", "abc<U+202E>dcba"),
    "isolate": ("\u2066x\u2069", "<U+2066>x<U+2069>"),
    "DEL": ("\x7f", "\\x7f"),
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_each_control_is_shown_visibly(name: str) -> None:
    raw, shown = ATTACKS[name]
    assert visible(raw) == shown


def test_ordinary_text_is_untouched() -> None:
    text = "Ça va — “quotes”, tabs\there,\nnew lines, عربى, 中文, emoji 🙂"
    assert visible(text) == text
    assert not has_controls(text)


def test_one_line_shows_newlines_too() -> None:
    assert visible("a.yaml\nfake.yaml:1:1: error", one_line=True) == "a.yaml\\nfake.yaml:1:1: error"


@given(st.text())
def test_nothing_escaped_is_left_and_nothing_else_changes(text: str) -> None:
    shown = visible(text, one_line=True)
    assert not has_controls(shown) and "\n" not in shown
    if not has_controls(text) and "\n" not in text:
        assert shown == text
