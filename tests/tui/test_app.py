"""Pilot tests: every interaction of the explorer, on the fixture maps."""

from __future__ import annotations

import os
import stat
import sys
import textwrap
from pathlib import Path

import pytest

from argmap.model import Ref
from argmap.tui.app import ArgmapApp
from argmap.tui.search import SearchScreen
from argmap.tui.topics import PickNodeScreen, TopicsScreen

from .conftest import cursor_ref, cursor_row, loaded, save_until, wait_until

A = lambda node: Ref("alpha", node)  # noqa: E731
B = lambda node: Ref("beta", node)  # noqa: E731

pytestmark = pytest.mark.anyio


def make_app(maps: Path, **options) -> ArgmapApp:
    options.setdefault("watch", False)
    return ArgmapApp([str(maps)], **options)


async def test_starts_with_the_maps_listed(fixture_maps: Path) -> None:
    app = make_app(fixture_maps)
    async with app.run_test() as pilot:
        await loaded(pilot)
        tree = app.browser.tree
        titles = [child.data.map_id for child in tree.root.children]
        assert titles == ["alpha", "beta"]
        assert cursor_row(app).kind == "map"
        assert not app.browser.problems.display
        assert "2 maps, 13 nodes" in str(tree.border_subtitle)


async def test_navigate_with_arrows_and_vim_keys(fixture_maps: Path) -> None:
    app = make_app(fixture_maps)
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press("right")             # open alpha
        await pilot.press("down")
        assert cursor_ref(app) == A("end-tendering")
        await pilot.press("l")                 # open end-tendering
        await pilot.press("j")
        assert cursor_ref(app) == A("tendering-wastes")
        assert cursor_row(app).rel == "supports"
        await pilot.press("j", "j")
        assert cursor_ref(app) == A("tendering-saves") and cursor_row(app).rel == "attacks"
        await pilot.press("k")
        assert cursor_ref(app) == A("collaboration-better")
        await pilot.press("h")                 # a leaf: to the parent
        assert cursor_ref(app) == A("end-tendering")
        await pilot.press("h")                 # collapse
        assert not app.browser.tree.cursor_node.is_expanded
        # the detail follows the cursor
        detail = app.browser.detail
        assert detail.shown.ref == A("end-tendering")
        assert any("Compulsory tendering should end." in str(o.prompt) for o in detail.options)


async def test_detail_shows_speaker_chain_stances_label_and_links(fixture_maps: Path) -> None:
    app = make_app(fixture_maps, analysis=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert app.jump(A("evidence-old"))
        await pilot.pause()
        text = "\n".join(str(o.prompt) for o in app.browser.detail.options)
        assert "by A critic" in text and "reported by A reader" in text  # attribution chain
        assert "in comments (reader-comment)" in text
        if app.labels is not None:  # once argmap.analysis exists: a state in the debate, named
            assert "in the debate: " in text
        assert "undercuts the step from savings-measured" in text
        app.jump(A("tendering-wastes"))
        await pilot.pause()
        detail = app.browser.detail
        text = "\n".join(str(o.prompt) for o in detail.options)
        assert "tags: #tendering #management" in text
        assert set(detail.links()) == {A("end-tendering"), A("slow"), B("tender-waste")}
        assert "\u21d2 beta" in text  # the cross-map link says where it goes


async def test_link_row_follows_and_back_and_forward(fixture_maps: Path) -> None:
    app = make_app(fixture_maps)
    async with app.run_test() as pilot:
        await loaded(pilot)
        tree = app.browser.tree
        # trust-locals lists collaboration-better as a link: it is shown in full under end-tendering
        tree.reveal(A("trust-locals"))
        await pilot.press("l", "j")
        assert cursor_row(app).kind == "link" and cursor_ref(app) == A("collaboration-better")
        linked_node = tree.cursor_node
        await pilot.press("enter")
        assert cursor_row(app).kind == "node" and cursor_ref(app) == A("collaboration-better")
        assert tree.cursor_node.parent.data.ref == A("end-tendering")
        await pilot.press("backspace")
        assert tree.cursor_node is linked_node
        await pilot.press("right_square_bracket")
        assert cursor_row(app).kind == "node" and cursor_ref(app) == A("collaboration-better")
        await pilot.press("left_square_bracket")
        assert tree.cursor_node is linked_node


async def test_cycles_show_a_link_not_a_loop(fixture_maps: Path) -> None:
    app = make_app(fixture_maps)
    async with app.run_test() as pilot:
        await loaded(pilot)
        tree = app.browser.tree
        tree.reveal(A("savings-illusory"))
        await pilot.press("l", "j")
        assert cursor_row(app).kind == "link" and cursor_ref(app) == A("tendering-saves")
        assert not tree.cursor_node.allow_expand
        await pilot.press("enter")
        assert cursor_row(app).kind == "node" and cursor_ref(app) == A("tendering-saves")


async def test_follow_a_cross_map_link_from_the_detail(fixture_maps: Path) -> None:
    app = make_app(fixture_maps)
    async with app.run_test() as pilot:
        await loaded(pilot)
        app.jump(A("tendering-wastes"))
        await pilot.pause()
        detail = app.browser.detail
        await pilot.press("tab")
        assert detail.has_focus
        index = next(i for i, ref in detail._targets.items() if ref == B("tender-waste"))
        while detail.highlighted != index:
            await pilot.press("down")
        await pilot.press("enter")
        assert cursor_ref(app) == B("tender-waste")
        assert app.browser.tree.has_focus
        await pilot.press("backspace")
        assert cursor_ref(app) == A("tendering-wastes")


async def test_search_as_you_type_and_enter_jumps(fixture_maps: Path) -> None:
    app = make_app(fixture_maps)
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"hidden")
        screen = app.screen
        assert [h.ref for h in screen.hits] == [A("savings-illusory")]   # matched in the quote
        screen.input.value = "tendering"
        await pilot.pause()
        assert len(screen.hits) > 3
        await pilot.press("down")
        second = screen.hits[1].ref
        await pilot.press("enter")
        assert not isinstance(app.screen, SearchScreen)
        assert cursor_ref(app) == second
        await pilot.press("backspace")
        assert cursor_row(app).kind == "map"


async def test_search_filters_by_kind_speaker_tag_topic(fixture_maps: Path) -> None:
    app = make_app(fixture_maps)
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        screen = app.screen
        for query, expected in [
            ("kind:concession", [A("slow")]),
            ("by:critic kind:reb", [A("evidence-old"), A("savings-illusory")]),
            ("tag:management", [A("tendering-wastes")]),
            ("topic:covid", [B("covid-proof")]),
            ("topic:tendering=for", [A("tendering-saves")]),
        ]:
            screen.input.value = query
            await pilot.pause()
            assert [h.ref for h in screen.hits] == expected, query
        # filter values complete: kind:conc -> kind:concession
        screen.input.value = ""
        await pilot.press(*"kind:conc")
        await wait_until(pilot, lambda: screen.input._suggestion == "kind:concession", "suggestion")
        await pilot.press("right")
        assert screen.input.value == "kind:concession"
        await pilot.press("enter")
        assert cursor_ref(app) == A("slow")


async def test_go_to_by_id_fuzzily(fixture_maps: Path) -> None:
    app = make_app(fixture_maps)
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press("g")
        await pilot.press(*"covprf")
        await wait_until(pilot, lambda: app.screen.shown_for == "covprf", "the go-to results")
        assert app.screen.hits[0].ref == B("covid-proof")
        await pilot.press("enter")
        assert cursor_ref(app) == B("covid-proof")
        await pilot.press("g", "escape")
        assert cursor_ref(app) == B("covid-proof")


async def test_topic_matrix_cells_jump_to_their_nodes(fixture_maps: Path) -> None:
    app = make_app(fixture_maps)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("t")
        screen = app.screen
        assert isinstance(screen, TopicsScreen)
        rows = [(r.kind, r.key) for r in screen.matrix.rows]
        assert rows[:2] == [("article", "alpha"), ("article", "beta")]
        # beta's position on central-control is one node: Enter jumps straight there
        screen.table.cursor_coordinate = (rows.index(("article", "beta")), 1)
        await pilot.press("enter")
        assert cursor_ref(app) == B("centre-must-lead")
        assert app.screen.id == "browser"
        # alpha on tendering is three nodes: a choice, then the jump
        await pilot.press("t")
        app.screen.table.cursor_coordinate = (0, 0)
        await pilot.press("enter")
        assert isinstance(app.screen, PickNodeScreen)
        await pilot.press("down", "enter")
        assert cursor_ref(app) == A("tendering-saves")
        # and back goes to where we were before
        await pilot.press("backspace")
        assert cursor_ref(app) == B("centre-must-lead")


async def test_source_view_highlights_the_quote_in_view(fixture_maps: Path) -> None:
    app = make_app(fixture_maps)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        browser = app.browser
        assert not browser.source.display
        app.jump(A("savings-illusory"))
        await pilot.press("s")
        source = browser.source
        assert source.display and not browser.detail.display
        (line,) = source.current_lines

        def in_view() -> bool:
            top = source.scroll_offset.y
            return top <= line < top + source.scrollable_content_region.height

        await wait_until(pilot, in_view, "the quote scrolled into view")
        start, end, _ = source._lines[line]
        assert "The savings are illusory" in source._text[start:end + 40]
        # the part heading is there, and other quotes are marked
        assert any(h and "comments: reader-comment" in h for _, _, h in source._lines)
        assert source._mapped
        await pilot.press("s")
        assert browser.detail.display and not source.display


async def test_roomy_screens_show_detail_and_source_together(fixture_maps: Path) -> None:
    app = make_app(fixture_maps)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        browser = app.browser
        assert browser.detail.display and browser.source.display
        await pilot.press("s")
        assert browser.source.has_focus
        await pilot.press("s")
        assert browser.tree.has_focus


async def test_reload_when_a_map_changes_keeps_the_selection(fixture_maps: Path) -> None:
    app = make_app(fixture_maps, watch=True)
    async with app.run_test() as pilot:
        await loaded(pilot)
        app.jump(A("slow"))
        await pilot.pause(0.3)  # let the watcher start
        path = fixture_maps / "alpha.yaml"
        await save_until(pilot, path, path.read_text().replace("Tendering can be slow.", "Tendering is slow, granted."),
                         lambda: app.project.node(A("slow")).text == "Tendering is slow, granted.", "the reload")
        assert cursor_ref(app) == A("slow")
        assert "Tendering is slow, granted." in str(app.browser.tree.cursor_node.label)
        assert any("Tendering is slow, granted." in str(o.prompt) for o in app.browser.detail.options)


async def test_topics_follow_a_reload(fixture_maps: Path) -> None:
    app = make_app(fixture_maps, watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("t")
        screen = app.screen
        assert isinstance(screen, TopicsScreen)
        await pilot.pause(0.3)
        path = fixture_maps / "beta.yaml"
        beta = [(r.kind, r.key) for r in screen.matrix.rows].index(("article", "beta"))
        await save_until(pilot, path, path.read_text().replace("stance: {central-control: for}",
                                                               "stance: {central-control: against}"),
                         lambda: screen.matrix.rows[beta].cells["central-control"].stance == "against",
                         "the matrix to reload")
        assert app.screen is screen


async def test_broken_file_shows_problems_and_recovers(fixture_maps: Path) -> None:
    app = make_app(fixture_maps, watch=True)
    async with app.run_test() as pilot:
        await loaded(pilot)
        app.jump(A("slow"))
        await pilot.pause(0.3)
        path = fixture_maps / "alpha.yaml"
        good = path.read_text()
        panel = app.browser.problems
        await save_until(pilot, path, good.replace("    by: reader\n    text: Tendering can be slow.",
                                                   "    by: nobody\n    text: Tendering can be slow."),
                         lambda: panel.display, "the problems panel")
        text = "\n".join(str(o.prompt) for o in panel.options)
        assert "alpha.yaml:" in text and "error[" in text and "nobody" in text
        line = good.splitlines().index("  slow:") + 3
        assert f"alpha.yaml:{line}:" in text  # path:line:col of the bad speaker
        # the last good version stays on screen, selection and all
        assert app.project.node(A("slow")).by == "reader"
        assert cursor_ref(app) == A("slow")
        await save_until(pilot, path, good, lambda: not panel.display, "the panel to go")
        assert cursor_ref(app) == A("slow")


@pytest.mark.skipif(sys.platform == "win32", reason="the fake editor is a shell script")
async def test_edit_round_trip_with_a_fake_editor(fixture_maps: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "editor.log"
    editor = tmp_path / "fake-editor"
    editor.write_text(textwrap.dedent(f"""\
        #!{sys.executable}
        import sys
        from pathlib import Path
        line, path = sys.argv[1], Path(sys.argv[2])
        Path({str(log)!r}).write_text(line + " " + str(path))
        path.write_text(path.read_text().replace("Tendering can be slow.", "Edited in the editor."))
        """))
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(editor))
    app = make_app(fixture_maps)
    async with app.run_test() as pilot:
        await loaded(pilot)
        app.jump(A("slow"))
        await pilot.pause()
        node_line = app.project.node(A("slow")).pos.line
        await pilot.press("e")
        await wait_until(pilot, lambda: app.project.node(A("slow")).text == "Edited in the editor.", "reload")
        line, path = log.read_text().split(" ", 1)
        assert line == f"+{node_line}"
        assert Path(path).resolve() == (fixture_maps / "alpha.yaml").resolve()
        assert cursor_ref(app) == A("slow")


async def test_enter_on_a_problem_opens_the_editor_there(fixture_maps: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "editor.log"
    editor = tmp_path / "fix-editor"
    editor.write_text(textwrap.dedent(f"""\
        #!{sys.executable}
        import sys
        from pathlib import Path
        Path({str(log)!r}).write_text(" ".join(sys.argv[1:]))
        path = Path(sys.argv[2])
        path.write_text(path.read_text().replace("kind: rebutal", "kind: rebuttal"))
        """))
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(editor))
    path = fixture_maps / "alpha.yaml"
    text = path.read_text()
    path.write_text(text.replace("kind: rebuttal\n    by: critic", "kind: rebutal\n    by: critic", 1))
    app = make_app(fixture_maps)
    async with app.run_test() as pilot:
        await loaded(pilot)
        panel = app.browser.problems
        assert panel.display
        panel.focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: not panel.display, "the fix to load")
        line = text.splitlines().index("  evidence-old:") + 2
        assert log.read_text().split()[0] == f"+{line}"


async def test_editor_that_cannot_run_is_reported(fixture_maps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "/nonexistent/editor")
    app = make_app(fixture_maps)
    async with app.run_test(notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert any("cannot run the editor" in n.message for n in app._notifications)


async def test_export_map_and_subtree_to_svg(fixture_maps: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("argmap.export")
    monkeypatch.chdir(tmp_path)
    app = make_app(fixture_maps)
    async with app.run_test(notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("x")
        assert app.screen.query_one("#export-path").value == str(tmp_path / "alpha.svg")
        await pilot.press("enter")
        await wait_until(pilot, lambda: (tmp_path / "alpha.svg").exists(), "the SVG", limit=60)
        await app.workers.wait_for_complete()
        assert (tmp_path / "alpha.svg").read_text().lstrip().startswith(("<?xml", "<svg"))
        # no states in the debate unless asked (as argmap export --labels)
        assert "unchallenged" not in (tmp_path / "alpha.svg").read_text()
        await pilot.press("x")
        app.screen.query_one("#export-path").value = str(tmp_path / "states.svg")
        app.screen.query_one("#export-states").value = True
        app.screen.query_one("#export-path").focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: (tmp_path / "states.svg").exists(), "the SVG with states", limit=60)
        await app.workers.wait_for_complete()
        assert "unchallenged" in (tmp_path / "states.svg").read_text()
        # the argument under the cursor; the file exists, so a fresh name is offered
        app.jump(A("tendering-saves"))
        await pilot.press("X")
        assert app.screen.query_one("#export-path").value == str(tmp_path / "alpha--tendering-saves.svg")
        await pilot.press("enter")
        await wait_until(pilot, lambda: (tmp_path / "alpha--tendering-saves.svg").exists(), "the SVG", limit=60)
        await app.workers.wait_for_complete()
        svg = (tmp_path / "alpha--tendering-saves.svg").read_text()
        assert "tendering-saves" in svg and "evidence-old" in svg
        # an existing name is refused, never overwritten
        await pilot.press("x")
        app.screen.query_one("#export-path").value = "alpha.svg"
        await pilot.press("enter")
        assert "exists" in str(app.screen.query_one("#export-status").render())


async def test_command_palette_lists_maps_nodes_and_commands(fixture_maps: Path) -> None:
    from argmap.tui.commands import ArgmapCommands

    app = make_app(fixture_maps)
    async with app.run_test() as pilot:
        await loaded(pilot)
        provider = ArgmapCommands(app.screen)
        texts = [hit.text async for hit in provider.search("centre")]
        assert "Map: Why the centre must lead (a column)" in texts
        assert "Node: beta:centre-must-lead" in texts
        commands = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Search", "Go to node", "Topics", "Export map", "Edit in $EDITOR", "Back"):
            assert title in commands
        # through the real palette
        await pilot.press("ctrl+p")
        await pilot.press(*"covid-proof")
        await wait_until(pilot, lambda: app.screen.query("CommandList").first().option_count > 0, "hits")
        await pilot.press("enter")
        await wait_until(pilot, lambda: cursor_ref(app) == B("covid-proof"), "the jump")


async def test_help_teaches_the_keys(fixture_maps: Path) -> None:
    app = make_app(fixture_maps)
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        from argmap.tui.help import HELP, HelpScreen

        assert isinstance(app.screen, HelpScreen)
        for key in ("/", "Backspace", "Ctrl+P", "$EDITOR", "kind:claim"):
            assert key in HELP
        await pilot.press("escape")
        assert app.screen.id == "browser"


async def test_footer_shows_the_main_keys_at_80_columns(fixture_maps: Path) -> None:
    app = make_app(fixture_maps)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        footer = app.screen.query_one("Footer")
        keys = " ".join(str(item.render()) for item in footer.query("FooterKey")
                        if item.region.right <= 80 and item.region.width)
        for word in ("Search", "Topics", "Back", "Edit", "Help", "Quit"):
            assert word in keys, keys


async def test_starts_on_the_real_maps_without_errors() -> None:
    maps = Path(__file__).resolve().parents[2] / "maps"
    app = ArgmapApp([str(maps)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert app.project is not None and app.project.maps
        tree = app.browser.tree
        assert [c.data.map_id for c in tree.root.children] == list(app.project.maps)
        assert app.problems == [d for d in app.result.diagnostics if d.is_error]
        assert app.browser.problems.display == bool(app.problems)
        # open every map, every row: nothing raises, every node has its full place
        for map_node in list(tree.root.children):
            tree.select(map_node)
            tree.action_expand_subtree(limit=100_000)
        await pilot.pause()
        full = []
        tree.each_row(lambda n: full.append(n.data.ref) if n.data.kind == "node" else None)
        assert len(full) == sum(len(m.nodes) for m in app.project.maps.values())
        await pilot.press("t")
        await pilot.press("escape", "slash", *"nhs", "enter")
        assert app.screen.id == "browser"


def test_tui_command_refuses_missing_paths(tmp_path: Path, capsys) -> None:
    from argmap.cli import main

    assert main(["tui", str(tmp_path / "nothing")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_no_textual_outside_the_tui() -> None:
    import subprocess

    code = ("import sys, argmap.model, argmap.project, argmap.commands.tui, argmap.cli\n"
            "print(any(m.split('.')[0] == 'textual' for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ}).stdout
    assert out.strip() == "False"
