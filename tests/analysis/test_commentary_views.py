"""`show` and `stances` present forces, qualifications, schemes, rephrases, adoption and stance details."""

from __future__ import annotations

from argmap.analysis.common import Style
from argmap.analysis.semantics import label
from argmap.analysis.show import render_markdown, render_text, tree
from argmap.analysis.stances import matrices, render_notes
from argmap.project import load

from ..test_commentary import FULL, HEADER, SEED, TOPICS

FULL_STANCES = FULL.replace("        force: ascribed\n", "        force: ascribed\n        stance: {tape: against}\n") \
    .replace("        force: hedged\n", "        force: hedged\n        stance: {tape: for}\n") \
    .replace("        kind: rebuttal\n        by: crit\n", "        kind: rebuttal\n        by: crit\n"
             "        stance: {tape: against}\n")


def project(make_maps):
    maps = make_maps({"m.yaml": HEADER + FULL_STANCES, "topics.yaml": TOPICS}, seeds={"s.txt": SEED})
    result = load([maps])
    assert result.diagnostics == [], [d.format() for d in result.diagnostics]
    return result.project


def test_an_ascribed_position_is_not_its_holders_nor_the_articles(make_maps) -> None:
    result = matrices(project(make_maps))
    rows = {r.id: r for r in result.speakers}
    assert "labour" not in rows  # Labour asserts nothing in this map
    ascribed = rows["labour (ascribed by crit)"]
    assert ascribed.kind == "ascribed" and ascribed.name == "Labour, as ascribed by Critics"
    assert ascribed.position("tape") == "against"
    article = result.articles[0]
    assert [str(r) for r in article.refs["tape"]] == ["m:cut", "m:central", "m:agrees"]
    doc = result.as_dict()
    assert [r["id"] for r in doc["ascribed"]] == ["labour (ascribed by crit)"]
    assert all("ascribed" not in r["id"] for r in doc["speakers"])


def test_conditional_partial_dated_and_hedged_stances_are_noted(make_maps) -> None:
    result = matrices(project(make_maps))
    rows = {r.id: r for r in result.speakers}
    assert rows["min"].notes("tape") == ["cut: if where it is found to help; only hospitals; as of 1946"]
    assert "agrees: hedged" in rows["reader"].notes("tape")
    notes = render_notes(result)
    assert "min on tape: cut: if where it is found to help; only hospitals; as of 1946" in notes


def test_adopting_a_speaker_takes_on_their_stances(make_maps) -> None:
    result = matrices(project(make_maps))
    reader = {r.id: r for r in result.speakers}["reader"]
    # the reader adopts crit (speaker) and the column part (whose speaker is crit)
    assert "central: adopted from crit" in reader.notes("tape")
    assert reader.position("tape") == "mixed"  # for (own, hedged) and against (adopted)


def test_show_names_force_qualification_scheme_and_related(make_maps) -> None:
    p = project(make_maps)
    argmap = p.maps["m"]
    labels = label(p).labels
    out = render_text(p, argmap, tree(p, argmap), labels, Style(False))
    assert "(claim, Labour, ascribed by Critics)" in out
    assert "(premise, Critics, rhetorical question)" in out
    assert "(claim, A reader, hedged)" in out
    assert "~ [not enough] [unchallenged] bullet (concession, Critics)" in out
    assert "+ [scheme: Sign] [unchallenged] madness" in out  # the readable name
    assert "[inference drawn by A reader] [unchallenged] failed" in out
    assert "− [scheme: Negative Consequences] [unchallenged] central" in out
    assert "≈ related to cut" in out
    # the qualification did not defeat: cut is attacked by central (IN), not by bullet
    assert "[challenged, no reply in the maps] cut" in out
    md = render_markdown(p, argmap, tree(p, argmap), labels)
    assert "*qualifies (not enough):* **unchallenged** `bullet` (concession, Critics)" in md
    assert "(claim, Labour, ascribed by Critics)" in md


def test_hostile_scheme_free_text_cannot_reach_output(make_maps) -> None:
    # Every new free-text value (a stance's condition) is shown through visible().
    maps = make_maps({"m.yaml": HEADER + FULL_STANCES.replace("where it is found to help", '"\\e[31mred"'),
                      "topics.yaml": TOPICS}, seeds={"s.txt": SEED})
    result = load([maps])
    notes = render_notes(matrices(result.project))
    assert "\x1b" not in notes and "\\x1b[31mred" in notes


def test_stats_count_forces_and_schemes(make_maps) -> None:
    from argmap.analysis.stats import compute

    p = project(make_maps)
    doc = compute(p, list(p.maps.values())).as_dict(p)
    assert doc["forces"] == {"asserted": 2, "conceded": 1, "rhetorical-question": 1, "reported": 0,
                             "ascribed": 1, "hedged": 1}
    assert doc["schemes"] == {"negative-consequences": 1, "sign": 1}
    assert doc["relations"]["qualifies"] == 2 and doc["relations"]["related_to"] == 1


def test_search_filters_by_force_and_scheme(make_maps) -> None:
    from argmap.analysis.search import SearchIndex

    p = project(make_maps)
    index = SearchIndex(p, list(p.maps.values()))

    def ids(query: str) -> list[str]:
        return sorted(h.ref.node_id for h in index.search(query, limit=None)[0])

    assert ids("force:ascribed") == ["failed"]
    assert ids("force:conceded") == ["bullet"]  # a concession's default force
    assert ids("force:rhet") == ["madness"]
    assert ids("force:asserted") == ["central", "cut"]
    assert ids("scheme:sign") == ["madness"]
    assert ids("scheme:neg force:asserted") == ["central"]
    assert "expert-opinion" in index.values("scheme") and "hedged" in index.values("force")


def test_eval_text_names_the_state_and_the_force(make_maps, capsys) -> None:
    import json

    from argmap.cli import main

    maps = make_maps({"m.yaml": HEADER + FULL_STANCES, "topics.yaml": TOPICS}, seeds={"s.txt": SEED})
    assert main(["eval", str(maps / "m.yaml")]) == 0
    out = capsys.readouterr().out
    assert "challenged, no reply in the maps: attacked by central, which is IN" in out
    assert "[ascribed by Critics]" in out and "[hedged]" in out and "[rhetorical question]" in out
    assert main(["eval", str(maps / "m.yaml"), "-f", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)  # JSON keeps the semantics' own terms
    cut = next(n for n in doc["maps"][0]["nodes"] if n["id"] == "cut")
    assert cut["label"] == "out" and cut["reason"] == "attacked by central, which is IN"
