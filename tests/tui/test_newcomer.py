"""Pilot tests for what a newcomer meets first (issue 15): keys that do what
the help and footer say, a detail pane that reads at a glance, fast Enter."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from argmap.model import Ref
from argmap.tui.app import ArgmapApp
from argmap.tui.detail import speaker_text

from .conftest import cursor_row, loaded, wait_until

A = lambda node: Ref("alpha", node)  # noqa: E731
REAL_MAPS = Path(__file__).resolve().parents[2] / "maps"

pytestmark = pytest.mark.anyio


def make_app(maps: Path, **options) -> ArgmapApp:
    options.setdefault("watch", False)
    return ArgmapApp([str(maps)], **options)


def footer_keys(app: ArgmapApp, width: int | None = None) -> list[str]:
    """The footer's descriptions, left to right, those wholly on screen (within *width*)."""
    footer = app.screen.query_one("Footer")
    keys = [item for item in footer.query("FooterKey") if item.region.width]
    return [item.description for item in sorted(keys, key=lambda k: k.region.x)
            if width is None or item.region.right <= width]


# -- Enter then Down, typed faster than a frame ------------------------------------------------

async def test_enter_then_down_at_once_goes_into_the_opened_map(fixture_maps: Path) -> None:
    app = make_app(fixture_maps, analysis=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert cursor_row(app).map_id == "alpha" and cursor_row(app).kind == "map"
        # Both keys queued before the app handles either: no frame in between.
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("down", None))
        await wait_until(pilot, lambda: cursor_row(app).kind != "map" or cursor_row(app).map_id != "alpha",
                         "the cursor to move")
        row = cursor_row(app)
        assert row.map_id == "alpha" and row.kind == "node", row


async def test_enter_on_an_open_map_closes_it(fixture_maps: Path) -> None:
    app = make_app(fixture_maps, analysis=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        node = app.browser.tree.map_node("alpha")
        await pilot.press("enter")
        assert node.is_expanded and node.children
        await pilot.press("enter")
        assert not node.is_expanded


# -- the detail pane ---------------------------------------------------------------------------

async def test_tab_selects_the_first_link_and_enter_follows_it(fixture_maps: Path) -> None:
    app = make_app(fixture_maps, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.jump(A("tendering-saves"))
        await pilot.pause()
        detail = app.browser.detail
        first = detail.links()[0]
        await pilot.press("tab")
        assert app.focused is detail
        assert detail.link_at(detail.highlighted) == first
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.browser.tree.cursor_row.ref == first, "the link followed")


def test_a_role_the_name_already_begins_is_said_once() -> None:
    name = "UK government (ministers and the draft White Paper)"
    role = ("ministers and the draft White Paper on health and care legislation (February 2021), "
            "and the Department of Health and Social Care")
    shown = speaker_text(name, role).plain
    assert shown.count("ministers and the draft White Paper") == 1, shown
    assert shown.startswith("UK government (ministers and the draft White Paper on")
    assert len(shown) < 90 and shown.endswith("\u2026)")
    # A role the name already holds whole is not said again; unrelated roles are kept.
    assert speaker_text("Ann (health secretary)", "health secretary").plain == "Ann (health secretary)"
    assert speaker_text("Ann", "health secretary").plain == "Ann (health secretary)"
    assert speaker_text("Ann (MP)", "minister").plain == "Ann (MP) (minister)"


async def test_the_detail_shows_the_role_once_and_relations_on_its_first_screen() -> None:
    app = ArgmapApp([str(REAL_MAPS)], watch=False, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.jump(Ref("bbc-reader-heath-2021", "reverse-2012-reforms"))
        await pilot.pause()
        detail = app.browser.detail
        lines = [str(detail.get_option_at_index(i).prompt) for i in range(detail.option_count)]
        text = "\n".join(lines)
        assert text.count("ministers and the draft White Paper") == 1, text
        first_link = min(detail._targets)
        # Every line before the first link, wrapped at the pane's width, fits in the pane.
        assert detail._line_cache.index_to_line[first_link] < detail.scrollable_content_region.height


# -- the footer --------------------------------------------------------------------------------

async def test_the_footer_follows_the_focus(fixture_maps: Path) -> None:
    app = make_app(fixture_maps, analysis=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        keys = footer_keys(app)
        for word in ("Open", "Open all", "Pane", "Fwd", "SVG below", "Reload"):
            assert word in keys, keys
        assert "Follow" not in keys
        app.jump(A("tendering-saves"))
        await pilot.press("tab")
        await pilot.pause()
        keys = footer_keys(app)
        assert "Follow" in keys and "Open all" not in keys, keys
        await pilot.press("tab")  # on to the source (both shown at this size)
        await pilot.pause()
        assert "Next quote" in footer_keys(app)


@pytest.mark.parametrize("width", [60, 80])
async def test_help_and_quit_stay_in_a_narrow_footer(fixture_maps: Path, width: int) -> None:
    app = make_app(fixture_maps, analysis=False)
    async with app.run_test(size=(width, 24)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        keys = footer_keys(app, width)
        assert keys[:2] == ["Help", "Quit"], keys
        assert "Open" in keys, keys
