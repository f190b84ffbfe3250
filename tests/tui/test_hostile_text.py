"""User text is shown literally: Rich/Textual markup in a map can neither style nor crash the app."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from argmap.tui.app import ArgmapApp

from .conftest import loaded

pytestmark = pytest.mark.anyio

# Markup that would style text, open links, run actions, or fail to parse.
HOSTILE = "[bold red]loud[/] [/] [link=https://evil.example]x[/link] [@click=app.quit]quit[/] [[ ]] \\[b]"
SEED = f"Intro. The claim says {HOSTILE} here. A reply.\n"


def _maps(tmp_path: Path) -> Path:
    (tmp_path / "maps").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "s.txt").write_text(SEED, encoding="utf-8")
    q = HOSTILE.replace("'", "''")
    (tmp_path / "maps" / "m.yaml").write_text(f"""\
map: m
title: '{q}'
source: {{seed: s.txt, genre: news-report, outlet: '{q}'}}
speakers:
  s: {{name: '{q}', role: '{q}'}}
nodes:
  c:
    kind: claim
    by: s
    text: '{q}'
    quote: 'The claim says {q}'
    tags: [x]
    note: '{q}'
  r:
    kind: rebuttal
    by: s
    text: 'reply {q}'
    quote: A reply.
    attacks: c
""", encoding="utf-8")
    return tmp_path / "maps"


def _screen_text(app: ArgmapApp) -> str:
    """What the terminal shows, as plain text."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


async def test_markup_in_maps_is_shown_literally(tmp_path: Path) -> None:
    app = ArgmapApp([str(_maps(tmp_path))], watch=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("right", "down")          # open the map, onto its claim
        await pilot.pause(0.2)
        shown = _screen_text(app)
        # In the tree row, the detail (text, speaker, quote, note) and the source view alike.
        assert "▶ claim [bold red]loud[/] [/] [link=https://evil.example]x[/link]" in shown
        assert "by [bold red]loud[/] [/] [link=https://evil.example]x[/link]" in shown
        assert "note: [bold red]loud[/]" in shown
        assert "Intro. The claim says [bold red]loud[/] [/]" in shown
        await pilot.press("right", "down", "enter")  # open it, onto the rebuttal, and follow
        await pilot.press("/", *"loud")              # search shows it too
        await pilot.pause(0.3)
        assert "reply [bold red]loud[/]" in _screen_text(app)
        await pilot.press("escape", "t")             # and the topics screen
        await pilot.pause(0.2)
        await pilot.press("escape")
        assert app.is_running                        # '[@click=app.quit]' did not quit, nothing crashed
