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
        for word in ("Open", "Open all", "Pane", "Fwd", "Export \u2193", "Reload", "Read"):
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


@pytest.mark.parametrize("width", [60, 80, 100, 120])
async def test_the_footer_shows_whole_keys_only(fixture_maps: Path, width: int) -> None:
    """A key that does not fit is left out, not cut ("v" without "Read" at 120 columns)."""
    app = make_app(fixture_maps, analysis=False)
    async with app.run_test(size=(width, 24)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        shown = footer_keys(app)
        assert shown == footer_keys(app, width), shown  # nothing past the edge
        if width >= 80:
            assert "Read" in shown, shown  # the reading view, the way to read whole nodes
        await pilot.resize_terminal(160, 24)
        await pilot.pause()
        assert len(footer_keys(app)) > len(shown) or width >= 160


@pytest.mark.parametrize("width", [60, 80])
async def test_help_and_quit_stay_in_a_narrow_footer(fixture_maps: Path, width: int) -> None:
    app = make_app(fixture_maps, analysis=False)
    async with app.run_test(size=(width, 24)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        keys = footer_keys(app, width)
        assert keys[:2] == ["Help", "Quit"], keys
        assert "Open" in keys, keys


# -- the split and the theme, remembered -------------------------------------------------------

async def test_split_by_keys_and_mouse_is_remembered(fixture_maps: Path, _private_settings: Path) -> None:
    app = make_app(fixture_maps, analysis=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await wait_until(pilot, lambda: app.settings_read, "settings read")
        browser = app.browser
        before = browser.tree.region.width
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        assert browser.split == 55 and browser.tree.region.width > before
        await wait_until(pilot, lambda: app.remembered.get("split") == 55, "the split written")
        assert "split = 55" in _private_settings.read_text(encoding="utf-8")
        # Dragging the bar between the panes to a third of the width.
        splitter = browser.query_one("#splitter")
        await pilot.mouse_down(splitter)
        await pilot.hover(browser.query_one("#main"), offset=(33, 5))
        await pilot.mouse_up(browser.query_one("#main"), offset=(33, 5))
        await pilot.pause()
        assert browser.split == 33, browser.split
        await wait_until(pilot, lambda: app.remembered.get("split") == 33, "the dragged split written")
    # The next run starts with it.
    again = make_app(fixture_maps, analysis=False)
    async with again.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await wait_until(pilot, lambda: again.settings_read, "settings read")
        await pilot.pause()
        assert again.browser.split == 33
        assert abs(again.browser.tree.region.width - 33) <= 1


async def test_the_split_stays_usable(fixture_maps: Path) -> None:
    app = make_app(fixture_maps, analysis=False, settings=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press(*["less_than_sign"] * 30)
        assert app.browser.split == 10
        await pilot.press(*["greater_than_sign"] * 30)
        assert app.browser.split == 90
        assert app.browser.detail.region.width > 0


async def test_the_theme_is_remembered(fixture_maps: Path, _private_settings: Path) -> None:
    app = make_app(fixture_maps, analysis=False)
    async with app.run_test() as pilot:
        await loaded(pilot)
        await wait_until(pilot, lambda: app.settings_read, "settings read")
        app.theme = "gruvbox"
        await wait_until(pilot, lambda: app.remembered.get("theme") == "gruvbox", "the theme written")
    again = make_app(fixture_maps, analysis=False)
    async with again.run_test() as pilot:
        await wait_until(pilot, lambda: again.settings_read, "settings read")
        assert again.theme == "gruvbox"


@pytest.mark.parametrize("content, says", [
    ('theme = "no-such-theme"\n', "unknown theme 'no-such-theme'"),
    ("split = 5000\n", "split must be between"),
    ("this is [not toml\n", "not valid TOML"),
    (b"\xff\xfe\x1b[31m", "not UTF-8"),
])
async def test_a_bad_settings_file_is_reported_and_ignored(fixture_maps: Path, _private_settings: Path,
                                                           content, says: str) -> None:
    if isinstance(content, bytes):
        _private_settings.write_bytes(content)
    else:
        _private_settings.write_text(content, encoding="utf-8")
    app = make_app(fixture_maps, analysis=False)
    async with app.run_test() as pilot:
        await loaded(pilot)
        await wait_until(pilot, lambda: app.settings_read, "settings read")
        messages = " ".join(str(n.message) for n in app._notifications)
        assert says in messages, messages
        assert "\x1b" not in messages
        assert app.browser.split == 45 and app.theme == "textual-dark"
        await pilot.press("greater_than_sign")  # and a file that is not TOML is never replaced
        await pilot.pause(0.6)
    if says == "not valid TOML":
        assert _private_settings.read_text(encoding="utf-8") == content


async def test_a_settings_file_that_cannot_be_written_is_a_message(fixture_maps: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "settings-is-a-folder"
    folder.mkdir()
    monkeypatch.setenv("ARGMAP_CONFIG", str(folder))
    app = make_app(fixture_maps, analysis=False)
    async with app.run_test() as pilot:
        await loaded(pilot)
        await wait_until(pilot, lambda: app.settings_read, "settings read")
        await pilot.press("greater_than_sign")
        await wait_until(pilot, lambda: any("cannot remember the split" in str(n.message)
                                            for n in app._notifications), "a message")
        assert app.browser.split == 50  # the explorer goes on


# -- reading whole nodes -----------------------------------------------------------------------

def _screen_text(app: ArgmapApp) -> str:
    import html
    import re

    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


async def test_the_reading_view_shows_every_node_whole_at_80_columns(fixture_maps: Path) -> None:
    from argmap.tui.reading import ReadingScreen

    path = fixture_maps / "alpha.yaml"
    long = ("Collaboration works better than competition because local bodies that share budgets "
            "plan services together and the end words are VISIBLE-AT-THE-END.")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "text: Collaboration works better than competition.", f"text: {long}"), encoding="utf-8")
    app = make_app(fixture_maps, analysis=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        # The tree row is cut; the reading view wraps it whole.
        app.jump(A("collaboration-better"))
        await pilot.pause()
        tree = app.browser.tree
        row_text = "".join(seg.text for seg in tree.render_line(tree.cursor_line - int(tree.scroll_y)))
        assert "Collaboration" in row_text and "VISIBLE-AT-THE-END" not in row_text
        app.jump(A("end-tendering"))
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        shown = _screen_text(app)
        assert "VISIBLE-AT-THE-END" in shown
        assert "Compulsory tendering should end." in shown and "Tendering wastes managers' time." in shown
        # Below the node, not beside it: the other main claim is not part of this argument.
        assert "Local leaders should decide" not in shown
        await pilot.press("escape")
        assert app.screen is app.browser


async def test_the_reading_view_of_a_map_row_reads_the_whole_map_in_tree_order(fixture_maps: Path) -> None:
    from argmap.tui.reading import reading_rows

    app = make_app(fixture_maps, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        tree = app.browser.tree
        tree.select(tree.map_node("alpha"))
        tree.action_expand_subtree()
        await pilot.pause()
        in_tree: list = []

        def walk(node, depth):
            for child in node.children:
                in_tree.append((depth, child.data))
                walk(child, depth + 1)

        walk(tree.map_node("alpha"), 0)
        rows, cut = reading_rows(tree.outline("alpha"), tree.map_node("alpha").data)
        assert rows == in_tree and not cut
        rows, cut = reading_rows(tree.outline("alpha"), tree.map_node("alpha").data, limit=3)
        assert len(rows) == 3 and cut
        await pilot.press("v")
        await pilot.pause()
        assert "Local leaders should decide how services are run." in _screen_text(app)


# -- the topics matrix -------------------------------------------------------------------------

async def test_the_topics_matrix_of_the_bundled_maps_fits_120_columns() -> None:
    from argmap.tui.topics import TopicsScreen

    app = ArgmapApp([str(REAL_MAPS)], watch=False, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, TopicsScreen), "the topics screen")
        await pilot.pause()
        screen = app.screen
        table = screen.table
        assert len(table.columns) >= 8
        assert table.virtual_size.width <= table.scrollable_content_region.width, "a topic is off the edge"
        labels = ["\n".join(str(table.rows[key].label).split("\n")) for key in table.rows]
        # A label longer than 30 characters is wrapped, not cut: 'Department of Health and Social Care'.
        department = next(label for label in labels if label.strip().startswith("Department of Health"))
        assert " ".join(department.split()) == "Department of Health and Social Care"
        # A cut column header is named whole above the matrix when the cursor is in its column.
        while table.cursor_coordinate.column < len(table.columns) - 1:
            await pilot.press("right")
        topic = screen.matrix.topics[-1]
        assert str(screen.query_one("#topic-question").render()).startswith(topic)


async def test_topics_jumps_are_messages_the_app_carries_out(fixture_maps: Path) -> None:
    from argmap.tui.messages import ChoiceRequested, JumpRequested
    from argmap.tui.topics import PickNodeScreen, TopicsScreen

    app = make_app(fixture_maps, analysis=False)
    posted: list = []
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, TopicsScreen), "the topics screen")
        screen = app.screen
        original = screen.post_message
        screen.post_message = lambda message: (
            posted.append(message) if isinstance(message, (ChoiceRequested, JumpRequested)) else None,
            original(message))[1]
        # Find a cell with several nodes, and one with a single node.
        cells = [(r, c, cell) for r in range(len(screen.matrix.rows)) for c in range(len(screen.matrix.topics))
                 if (cell := screen.cell_at(r, c)[2]) is not None and cell.refs]
        several = next((r, c) for r, c, cell in cells if len(cell.refs) > 1)
        single = next(((r, c), cell.refs[0]) for r, c, cell in cells if len(cell.refs) == 1)
        screen.table.cursor_coordinate = screen.table.cursor_coordinate._replace(row=several[0], column=several[1])
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, PickNodeScreen), "the choice")
        assert isinstance(posted[-1], ChoiceRequested)
        await pilot.press("escape")
        (row, column), ref = single
        screen.table.cursor_coordinate = screen.table.cursor_coordinate._replace(row=row, column=column)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is app.browser, "the jump")
        assert isinstance(posted[-1], JumpRequested) and posted[-1].ref == ref
        assert app.browser.tree.cursor_row.ref == ref


# -- search ------------------------------------------------------------------------------------

def _contrast(fg, bg) -> float:
    """WCAG contrast ratio of two rich colours (as RGB triplets)."""
    def luminance(colour) -> float:
        def channel(c: int) -> float:
            c = c / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = colour
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_the_selected_search_rows_kind_is_readable(fixture_maps: Path, theme: str) -> None:
    app = make_app(fixture_maps, analysis=False, settings=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = theme
        await loaded(pilot)
        await pilot.press("slash", *"tendering")
        await wait_until(pilot, lambda: getattr(app.screen, "shown_for", None) == "tendering", "results")
        await pilot.pause()
        results = app.screen.results
        assert results.highlighted == 0
        checked = 0
        for y in range(2):  # the first result's two lines, highlighted; the next result's, not
            for highlighted_row in (0, 2):
                strip = results.render_line(highlighted_row + y)
                for segment in strip:
                    if segment.text.strip() in ("claim", "premise", "rebuttal", "concession") and segment.style:
                        style = segment.style
                        fg = style.color.get_truecolor()
                        bg = style.bgcolor.get_truecolor()
                        assert _contrast(fg, bg) >= 4.5, (segment.text, fg, bg)
                        checked += 1
        assert checked >= 2


# -- one map named -----------------------------------------------------------------------------

async def test_naming_one_map_file_lists_only_it_and_links_still_lead_out(fixture_maps: Path) -> None:
    app = ArgmapApp([str(fixture_maps / "alpha.yaml")], watch=False, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        tree = app.browser.tree
        assert [c.data.map_id for c in tree.root.children] == ["alpha"]
        assert tree.map_node("alpha").is_expanded  # the one map, opened
        assert "1 map," in str(tree.border_subtitle) and "+1 beside" in str(tree.border_subtitle)
        # beta was loaded as context: the link row under alpha's claim leads into it,
        # and following it lists beta.
        tree.select(tree.map_node("alpha"))
        tree.action_expand_subtree()
        links = []
        tree.each_row(lambda n: links.append(n) if n.data is not None and n.data.kind == "link"
                      and n.data.ref.map_id == "beta" else None)
        tree.select(links[0])
        await pilot.press("enter")
        target = links[0].data.ref
        await wait_until(pilot, lambda: cursor_row(app) is not None and cursor_row(app).ref == target
                         and cursor_row(app).kind == "node", "the jump")
        assert [c.data.map_id for c in tree.root.children] == ["alpha", "beta"]


async def test_naming_a_broken_map_file_shows_why(fixture_maps: Path) -> None:
    path = fixture_maps / "alpha.yaml"
    path.write_text("map: alpha\nnodes: [unclosed\n", encoding="utf-8")
    app = ArgmapApp([str(path)], watch=False, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        rows = [c.data for c in app.browser.tree.root.children]
        assert [r.kind for r in rows] == ["broken"], rows
        assert rows[0].map_id.endswith("alpha.yaml")


async def test_the_reading_view_shows_hostile_text_as_text(fixture_maps: Path) -> None:
    from argmap.tui.reading import ReadingScreen

    path = fixture_maps / "alpha.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "text: Tendering wastes managers' time.",
        'text: "[bold red]loud[/] \\x1b[31mred\\u202e rtl [link=https://evil.example]x[/link]"'),
        encoding="utf-8")
    app = make_app(fixture_maps, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.jump(A("end-tendering"))
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen), "the reading view")
        shown = _screen_text(app)
        assert "[bold red]loud[/] \\x1b[31mred<U+202E> rtl [link=https://evil.example]x[/link]" in shown
        assert "\x1b" not in shown and "\u202e" not in shown


# -- a cursor move repaints only what changed ----------------------------------------------------

async def test_the_source_stays_still_and_moves_its_highlight_when_the_quote_is_in_view(fixture_maps: Path) -> None:
    """Moving between nodes of one article: no scroll when the quote shows; the old highlight goes."""
    seed = fixture_maps.parent / "seeds" / "alpha.txt"  # longer than the pane, so that it could scroll
    filler = "\n\n".join(f"Filler paragraph {i} says nothing at all." for i in range(60))
    seed.write_text(seed.read_text().replace("COMMENTS", filler + "\n\nCOMMENTS") + "\n\n" + filler)
    app = make_app(fixture_maps, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        source = app.browser.source

        def lit(index: int) -> bool:
            """Whether wrapped line *index* is drawn with the current quote's style (through the line cache)."""
            current = source.get_component_rich_style("source--current")
            strip = source.render_line(index - int(source.scroll_offset.y))
            return any(seg.style is not None and seg.style.bgcolor == current.bgcolor for seg in strip)

        app.jump(A("tendering-saves"))
        await wait_until(pilot, lambda: source.current_lines, "the quote shown")
        (before,) = source.current_lines
        top = source.scroll_offset.y
        assert top > 0 and lit(before)
        app.jump(A("evidence-old"))  # quoted a few lines further down the same comment
        await wait_until(pilot, lambda: source.current_lines != [before], "the next quote")
        (after,) = source.current_lines
        await pilot.pause()
        assert source.scroll_offset.y == top  # it was in view: the text did not move
        assert lit(after)
        if after != before:
            assert not lit(before)  # the old highlight is gone, though its line was cached


async def test_a_cursor_move_off_an_open_map_repaints_two_lines_not_the_map(fixture_maps: Path) -> None:
    app = make_app(fixture_maps, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        tree = app.browser.tree
        tree.select(tree.map_node("alpha"))
        tree.action_expand_subtree()
        tree.select(tree.map_node("alpha"))
        await pilot.pause()
        repainted: list[int] = []
        original = tree._refresh_line
        tree._refresh_line = lambda line: (repainted.append(line), original(line))[1]
        await pilot.press("down")
        await pilot.pause()
        assert sorted(set(repainted)) == [0, 1], repainted  # the old cursor line and the new one
