"""User text is shown literally: Rich/Textual markup in a map can neither style nor crash the app."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from argmap.tui.app import ArgmapApp

from .conftest import cursor_row, loaded, wait_until

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
        assert "Intro. The claim says [bold red]loud[/] [/]" in shown
        app.browser.detail.scroll_end(animate=False)  # the note comes after the relations
        await pilot.pause(0.1)
        assert "note: [bold red]loud[/]" in _screen_text(app)
        await pilot.press("right", "down", "enter")  # open it, onto the rebuttal, and follow
        await pilot.press("/", *"loud")              # search shows it too
        await pilot.pause(0.3)
        assert "reply [bold red]loud[/]" in _screen_text(app)
        await pilot.press("escape", "t")             # and the topics screen
        await pilot.pause(0.2)
        await pilot.press("escape")
        assert app.is_running                        # '[@click=app.quit]' did not quit, nothing crashed


# -- terminal controls --------------------------------------------------------------------------
#
# Clear screen and scrollback, set the window title (OSC 0), write the
# clipboard (OSC 52), a hyperlink (OSC 8), CSI as one C1 character, BEL, CR,
# and a right-to-left override.  Rich strips BEL and CR but passes ESC, C1
# and bidi controls straight to the terminal.
CONTROLS_RAW = ("A\x1b[2J\x1b[3JB\x1b]0;title\x07C\x1b]52;c;cHduZWQ=\x07D"
                "\x1b]8;;http://evil.example\x1b\\E\x9b2JF\x07G\rH\u202eI")
CONTROLS_YAML = ('"A\\e[2J\\e[3JB\\e]0;title\\aC\\e]52;c;cHduZWQ=\\aD'
                 '\\e]8;;http://evil.example\\e\\\\E\\x9b2JF\\aG\\rH\\u202eI"')
# How the explorer must show it.
SHOWN = "A\\x1b[2J\\x1b[3JB\\x1b]0;title\\x07C"
SHOWN_TAIL = ("E\\x9b2JF\\x07G\\rH", "U+202E>I")  # (the escape of RLO may wrap)
# Textual's own output: cursor moves and colours.  Anything else that starts
# with ESC, and any other control, came from the map.
TEXTUAL_SEQUENCES = re.compile(r"\x1b\[[0-9;]*[mH]")
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _control_maps(tmp_path: Path) -> Path:
    maps, seeds = tmp_path / "maps", tmp_path / "seeds"
    maps.mkdir()
    seeds.mkdir()
    (seeds / "s.txt").write_text(f"Intro. The claim says {CONTROLS_RAW} here. A reply.\n", encoding="utf-8")
    h = CONTROLS_YAML
    (maps / "m.yaml").write_text(f"""\
map: m
title: {h}
source: {{seed: s.txt, genre: news-report, outlet: {h}, author: {h}, date: "2021"}}
speakers:
  s: {{name: {h}, role: {h}}}
nodes:
  c:
    kind: claim
    by: s
    text: {h}
    quote: {h}
    note: {h}
    stance: {{t: for}}
  r:
    kind: rebuttal
    by: s
    text: {h}
    quote: A reply.
    attacks: c
""", encoding="utf-8")
    (maps / "topics.yaml").write_text(f"topics:\n  t:\n    question: {h}\n", encoding="utf-8")
    # A broken map whose file name and content carry controls: the problems panel shows both.
    (maps / f"bad{CONTROLS_RAW[:12]}.yaml").write_text(f"map: bad\ntitle: {h}\nnodes: {{c: {{kind: nope}}}}\n",
                                                      encoding="utf-8")
    return maps


def _terminal_output(app: ArgmapApp) -> str:
    """What the app writes to the terminal for its current screen (a full repaint)."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return update.render_segments(app.console)


def _assert_no_raw_controls(app: ArgmapApp, view: str) -> str:
    output = _terminal_output(app)
    stray = CONTROL.findall(TEXTUAL_SEQUENCES.sub("", output).replace("\x1b[?", ""))
    assert not stray, f"{view}: raw controls reach the terminal: {stray!r}"
    return _screen_text(app)


async def test_terminal_controls_in_every_field_are_shown_not_sent(tmp_path: Path) -> None:
    app = ArgmapApp([str(_control_maps(tmp_path))], watch=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await loaded(pilot)
        # Tree (map row: title, outlet), detail of the map, problems panel (hostile path and title).
        shown = _assert_no_raw_controls(app, "tree")
        assert SHOWN in shown
        assert "bad" in shown and "error[" in shown
        await pilot.press("down")
        while cursor_row(app).kind != "node":
            await pilot.press("down")
        await pilot.pause(0.2)
        # Node row, its detail (text, speaker, quote, note, stance question) and the source view.
        shown = _assert_no_raw_controls(app, "detail and source")
        assert shown.count(SHOWN) >= 4 and all(tail in shown for tail in SHOWN_TAIL)
        assert "here. A reply." in shown  # the source wraps the longer escapes rather than cut them
        await pilot.press("/", *"claim")
        await pilot.pause(0.3)
        shown = _assert_no_raw_controls(app, "search")
        assert SHOWN in shown
        await pilot.press("escape", "g", *"m:c")
        await wait_until(pilot, lambda: app.screen.shown_for == "m:c", "go-to results")
        _assert_no_raw_controls(app, "go to")
        await pilot.press("escape", "t")
        await pilot.pause(0.3)
        shown = _assert_no_raw_controls(app, "topics")
        assert SHOWN in shown  # the question, the article and the speaker
        await pilot.press("escape", "x")
        await pilot.pause(0.2)
        _assert_no_raw_controls(app, "export prompt")
        await pilot.press("escape", "ctrl+p", *"Map")
        await pilot.pause(0.5)
        _assert_no_raw_controls(app, "palette")
        assert app.is_running
