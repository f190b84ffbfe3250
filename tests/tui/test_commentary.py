"""What commentary does (docs/format.md), as the explorer shows it (issue 12).

The fixture tests/tui/commentary/ has one of every construct: a hedged,
a reported, two ascribed nodes and a rhetorical question; qualifications of
each ``how``; a support drawn by someone else with a scheme, an attack with
a scheme; ``related_to`` into another map; a speaker and a part that adopt;
a conditional, dated stance and a partial one.  The tests read what a user
sees: tree rows, the detail pane, the reading view, the topics screen and
search results.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot

from argmap.model import Ref
from argmap.tui.app import ArgmapApp

from .conftest import cursor_ref, loaded, wait_until

COMMENTARY = Path(__file__).resolve().parent / "commentary"
G = lambda node: Ref("gamma", node)  # noqa: E731

pytestmark = pytest.mark.anyio

# A label as the semantics names it, shown bare: users must see debate states instead.
BARE_LABEL = re.compile(r"\b(IN|OUT|UNDEC)\b")


@pytest.fixture
def commentary_maps(tmp_path: Path) -> Path:
    shutil.copytree(COMMENTARY, tmp_path / "set")
    return tmp_path / "set" / "maps"


def make_app(maps: Path, **options) -> ArgmapApp:
    options.setdefault("watch", False)
    options.setdefault("settings", False)
    return ArgmapApp([str(maps)], **options)


def detail_text(app: ArgmapApp) -> str:
    return "\n".join(str(option.prompt) for option in app.browser.detail.options)


def tree_rows(app: ArgmapApp) -> list[str]:
    tree = app.browser.tree
    tree.select(tree.map_node("gamma"))
    tree.action_expand_subtree()
    rows: list[str] = []
    tree.each_row(lambda node: rows.append(node.label.plain))
    return rows


async def show(pilot: Pilot, ref: Ref) -> str:
    app = pilot.app
    assert app.jump(ref)
    await pilot.pause()
    return detail_text(app)


async def test_tree_rows_say_force_qualification_and_scheme(commentary_maps: Path) -> None:
    app = make_app(commentary_maps, analysis=False)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        rows = tree_rows(app)
        await pilot.pause()

        def row(text: str) -> str:
            return next(r for r in rows if text in r)

        assert row("Any criticism").startswith("claim [ascribed by The Columnist] ")
        assert row("NHS staff are undeserving").startswith("claim [ascribed by Labour] ")
        assert row("should not allow").startswith("\u2212 rebuttal [rhetorical question] ")
        assert row("local control").startswith("+ claim [hedged] ")
        # A qualification is a ~ row that says how, never a − (attack) row.
        assert row("not a magic bullet").startswith("~ limits: concession ")
        assert row("not enough without cash").startswith("~ not enough: rebuttal ")
        assert row("vision was imperfect").startswith("~ concedes: concession ")
        # A support's scheme by its readable name, and who draws the inference.
        competition = row("Competition helped")
        assert competition.startswith("+ premise [reported] ")  # who reports it: in the detail
        assert competition.endswith("(scheme: Expert Opinion; inference drawn by Labour)")
        assert row("reverse the 2012 act").endswith("(scheme: Cause To Effect)")
        assert row("should not allow").endswith("(scheme: Ad Hominem)")


async def test_detail_shows_force_and_who_says_so(commentary_maps: Path) -> None:
    app = make_app(commentary_maps, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        text = await show(pilot, G("criticism-is-attack"))
        assert "ascribed to Labour by The Columnist: a position attributed to its holder" in text
        assert "by Labour" in text
        # Its stance is the holder's only as the columnist puts it.
        assert "stance ascribed by The Columnist: central-control for" in text
        text = await show(pilot, G("competition-helped"))
        assert "reported by The Columnist: someone else's words" in text
        text = await show(pilot, G("why-continue"))
        assert "rhetorical question: an assertion in the form of a question" in text
        assert "\u2212 attacks [scheme: Ad Hominem] claim [ascribed by The Columnist]" in text
        text = await show(pilot, G("local-control"))
        assert "hedged: put forward tentatively" in text
        # A partial stance says what it covers.
        assert "central-control against (only community services)" in text
        text = await show(pilot, G("end-market"))
        assert "tendering against (if where it inhibits integration; as of 2021-02)" in text
        # A plain assertion says nothing about force.
        assert "ascribed" not in text.split("\n")[2] and "hedged" not in text.split("\n")[2]


async def test_qualifies_reads_both_ways_and_is_not_an_attack(commentary_maps: Path) -> None:
    app = make_app(commentary_maps, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        text = await show(pilot, G("not-enough"))
        assert "~ qualifies (not enough; never defeats) premise The reforms will reverse" in text
        assert "~ qualified by (concedes; never defeats) concession The earlier vision" in text
        assert "attack" not in text.lower()
        text = await show(pilot, G("end-market"))
        assert "~ qualified by (limits; never defeats) concession The plan is not a magic bullet." in text
        assert "attacked by" not in text


async def test_supports_say_who_draws_the_inference_and_the_scheme(commentary_maps: Path) -> None:
    app = make_app(commentary_maps, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        text = await show(pilot, G("competition-helped"))
        assert "+ supports [scheme: Expert Opinion; inference drawn by Labour] claim" in text
        text = await show(pilot, G("staff-undeserving"))
        assert "+ supported by [scheme: Expert Opinion; inference drawn by Labour] premise" in text


async def test_related_to_is_a_link_enter_follows_both_ways(commentary_maps: Path) -> None:
    app = make_app(commentary_maps, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        text = await show(pilot, G("not-enough"))
        assert "Related, not identical\n\u2248 related to claim The NHS needs more money above all." in text
        detail = app.browser.detail
        assert Ref("delta", "more-money") in detail.links()
        detail.focus()
        await pilot.pause()
        while detail.link_at(detail.highlighted) != Ref("delta", "more-money"):
            await pilot.press("down")
        await pilot.press("enter")
        await wait_until(pilot, lambda: cursor_ref(app) == Ref("delta", "more-money"), "the jump to delta")
        await pilot.pause()
        # Declared once, shown from both ends.
        assert "\u2248 related to rebuttal Reversing the act is not enough" in detail_text(app)
        assert G("not-enough") in app.browser.detail.links()


async def test_adoption_on_speakers_parts_and_nodes(commentary_maps: Path) -> None:
    app = make_app(commentary_maps, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert app.jump("gamma")
        await pilot.pause()
        text = detail_text(app)
        assert "A Reader  adopts The Columnist as their own" in text
        assert "comment  reader-comment  adopts the text of column" in text
        text = await show(pilot, G("not-enough"))
        assert "adopted as their own by A Reader" in text
        # An ascribed position is nobody's own: nobody adopts it.
        text = await show(pilot, G("criticism-is-attack"))
        assert "adopted" not in text


async def test_labels_are_named_as_states_of_the_debate(commentary_maps: Path) -> None:
    app = make_app(commentary_maps)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert app.labels is not None
        text = await show(pilot, G("criticism-is-attack"))
        assert "in the debate: challenged, no reply in the maps (grounded)" in text
        assert "attacked by why-continue, which stands" in text
        text = await show(pilot, G("end-market"))
        assert "in the debate: unchallenged (grounded)" in text
        for ref in app.project.maps["gamma"].nodes:
            text = await show(pilot, G(ref))
            assert not BARE_LABEL.search(text), text
        # The qualification defeats nothing: what it qualifies stands.
        text = await show(pilot, G("reverse-2012"))
        assert "in the debate: unchallenged" in text


async def test_reading_view_shows_force_qualifications_schemes_and_states(commentary_maps: Path) -> None:
    from argmap.tui.reading import ReadingScreen, reading_text

    app = make_app(commentary_maps)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert app.jump("gamma")
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen), "the reading view")
        screen = app.screen
        console = Console(width=120, file=io.StringIO(), color_system=None)
        console.print(reading_text(app.project, screen.rows, screen.cut, screen.labels))
        text = " ".join(console.file.getvalue().split())
        assert "claim [ascribed by The Columnist] Any criticism of the NHS is an attack on it." in text
        assert "~ not enough: rebuttal Reversing the act is not enough without cash." in text
        assert "(scheme: Expert Opinion; inference drawn by Labour)" in text
        assert "\u2014 Labour \u00b7 challenged, no reply in the maps" in text
        assert not BARE_LABEL.search(text)


async def test_topics_keep_ascribed_positions_apart_and_say_what_qualifies(commentary_maps: Path) -> None:
    from argmap.tui.topics import TopicsScreen

    app = make_app(commentary_maps, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, TopicsScreen), "the topics screen")
        screen = app.screen
        rows = screen.matrix.rows
        # Labour's own row, if any, holds nothing on central control: the view is the columnist's.
        assert all(r.cells.get("central-control") is None for r in rows if r.kind == "speaker" and r.key == "labour")
        ascribed = [r for r in rows if r.kind == "ascribed"]
        assert "Labour, as ascribed by The Columnist" in [r.label for r in ascribed]
        assert rows[-len(ascribed):] == ascribed  # after every speaker's own row
        labour = next(r for r in ascribed if r.label.startswith("Labour"))
        table = screen.table
        label = str(table.rows[f"ascribed:{labour.key}"].label)
        holder, teller = label.split("\n")
        assert holder == "  Labour" and teller.startswith("  ascribed by The Colu")

        async def line_under(row, topic: str) -> str:
            """The line under the matrix with the cursor on *row*'s cell for *topic*."""
            screen.table.cursor_coordinate = (rows.index(row), screen.matrix.topics.index(topic))
            await pilot.pause()
            return str(screen.query_one("#cell-detail").render())

        def speaker(key: str):
            return next(r for r in rows if r.kind == "speaker" and r.key == key)

        # The line under the matrix says it is ascribed, and what qualifies a stance.
        line = await line_under(labour, "central-control")
        assert "is for" in line and "not their own stance" in line
        line = await line_under(speaker("ministers"), "tendering")
        assert "qualified: end-market: if where it inhibits integration; as of 2021-02" in line
        assert "adopted from ministers" in await line_under(speaker("reader"), "tendering")


async def test_search_results_say_how_a_node_is_put_forward(commentary_maps: Path) -> None:
    from argmap.tui.search import SearchScreen

    app = make_app(commentary_maps, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen), "search")
        await pilot.press(*"force:ascribed")
        screen = app.screen
        await wait_until(pilot, lambda: len(screen.hits) == 2, "two ascribed nodes")
        results = screen.query_one("#search-results")
        texts = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert any("[ascribed by The Columnist] Any criticism" in t for t in texts), texts


async def test_the_palette_says_how_a_node_is_put_forward(commentary_maps: Path) -> None:
    from argmap.tui.commands import ArgmapCommands

    app = make_app(commentary_maps, analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        provider = ArgmapCommands(app.screen)
        from textual.content import Content

        hits = {hit.text: Content.from_markup(hit.help).plain async for hit in provider.search("criticism")}
        assert "claim [ascribed by The Columnist]: Any criticism" in hits["Node: gamma:criticism-is-attack"]


async def test_hostile_names_and_conditions_in_the_new_constructs_are_shown_not_sent(tmp_path: Path) -> None:
    """Who ascribes, who draws an inference, a stance's condition, an adopter: controls and markup as text."""
    from .test_hostile_text import CONTROLS_YAML, SHOWN, _assert_no_raw_controls

    maps, seeds = tmp_path / "maps", tmp_path / "seeds"
    maps.mkdir()
    seeds.mkdir()
    (seeds / "s.txt").write_text("One. Two.\n", encoding="utf-8")
    h = CONTROLS_YAML
    (maps / "m.yaml").write_text(f"""\
map: m
title: A map
source: {{seed: s.txt, genre: news-report}}
speakers:
  a: {{name: '[bold red]loud[/]'}}
  b: {{name: {h}, adopts: [a]}}
nodes:
  c:
    kind: claim
    by: a
    force: ascribed
    said_by: b
    text: One.
    quote: One.
    stance: {{t: {{is: for, if: {h}}}}}
  p:
    kind: premise
    by: a
    text: Two.
    quote: Two.
    supports: {{to: c, by: b, scheme: expert-opinion}}
""", encoding="utf-8")
    (maps / "topics.yaml").write_text("topics:\n  t:\n    question: Q?\n", encoding="utf-8")
    app = make_app(maps)
    async with app.run_test(size=(200, 50)) as pilot:
        await loaded(pilot)
        app.browser.tree.action_expand_subtree()
        assert app.jump(Ref("m", "c"))
        await pilot.pause(0.2)
        _assert_no_raw_controls(app, "tree and detail")
        rows: list[str] = []
        app.browser.tree.each_row(lambda node: rows.append(node.label.plain))
        assert any(r.startswith(f"claim [ascribed by {SHOWN}") for r in rows), rows
        text = detail_text(app)  # as shown, wrapped by the pane
        assert f"ascribed to [bold red]loud[/] by {SHOWN}" in text
        assert f"(if {SHOWN}" in text
        assert "inference drawn by " + SHOWN in text
        await pilot.press("v")
        await pilot.pause(0.2)
        _assert_no_raw_controls(app, "reading view")
        await pilot.press("escape")
        await pilot.pause(0.1)
        await pilot.press("t")
        await pilot.pause(0.3)
        _assert_no_raw_controls(app, "topics")
        assert app.is_running
