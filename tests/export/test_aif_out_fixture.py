"""A two-map project that uses every construct of the format, for the AIF export tests (built in tmp_path).

A helper module (no tests of its own), named so that it is one of the AIF export's test files.
"""

from __future__ import annotations

from pathlib import Path

from argmap.project import load

TOPICS = """
topics:
  tendering:
    question: Should NHS services be tendered?
  integration:
    question: Should care be integrated?
"""

SEED = ("Ministers said the reforms would end tendering. "
        "O'Brien said that tendering wastes money, and the data show it. "
        "Why are they allowing this madness to continue? "
        "Critics, it is said, think tendering keeps costs down. "
        "It was not a magic bullet.\nThe committee suggested integration might help.\n")

MAIN = """
map: main
title: Every construct
source:
  seed: main.txt
  genre: news-report
  date: 2021-02-11
  parts:
    report: {genre: news-report, starts: Ministers said}
    comment: {genre: reader-comment, speaker: reader, starts: Why are they, adopts: report}
speakers:
  ministers: {name: UK government (ministers and the draft White Paper)}
  obrien: {name: "Siobhán O'Brien-Smith", role: an analyst}
  critics: {name: Critics}
  reader: {name: A reader, adopts: obrien}
  committee: {name: House of Commons Health and Social Care Committee}
nodes:
  end-tendering:
    kind: claim
    by: ministers
    text: The reforms will end tendering.
    quote: the reforms would end tendering
    stance: {tendering: {is: against, if: where it inhibits integration, as_of: 2021-02}}
  wastes-money:
    kind: premise
    by: obrien
    text: Tendering wastes money.
    quote: tendering wastes money
    supports: {to: end-tendering, scheme: expert-opinion, by: ministers}
  data-show:
    kind: premise
    by: obrien
    text: The data show it.
    quote: the data show it
    supports: [{to: end-tendering, with: [wastes-money]}]
  madness:
    kind: rebuttal
    by: reader
    force: rhetorical-question
    text: Allowing tendering to continue is madness.
    quote: Why are they allowing this madness to continue?
    attacks: {to: keeps-costs-down, scheme: ad-hominem}
  keeps-costs-down:
    kind: premise
    by: critics
    force: ascribed
    said_by: reader
    text: Tendering keeps costs down.
    quote: tendering keeps costs down
    undercuts: [{from: wastes-money, to: end-tendering, scheme: default-conflict}]
  not-magic:
    kind: concession
    by: committee
    text: The reforms are not a magic bullet.
    quote: It was not a magic bullet.
    qualifies: {to: end-tendering, how: not-enough}
  might-help:
    kind: claim
    by: committee
    force: hedged
    text: Integration might help.
    quote: integration might help
    related_to: other:integrate
    same_as: other:end-it
"""

OTHER_SEED = "We will integrate care. We will end tendering.\n"
OTHER = """
map: other
title: The other map
source:
  seed: other.txt
  genre: opinion-column
speakers:
  author: {name: An Author}
nodes:
  integrate:
    kind: claim
    by: author
    text: Care should be integrated.
    quote: We will integrate care.
  end-it:
    kind: claim
    by: author
    text: Tendering should end.
    quote: We will end tendering.
"""


def write(root: Path) -> Path:
    """The maps folder of the fixture project under *root*."""
    maps, seeds = root / "maps", root / "seeds"
    maps.mkdir(parents=True)
    seeds.mkdir()
    (maps / "topics.yaml").write_text(TOPICS, encoding="utf-8")
    (maps / "main.yaml").write_text(MAIN, encoding="utf-8")
    (maps / "other.yaml").write_text(OTHER, encoding="utf-8")
    (seeds / "main.txt").write_text(SEED, encoding="utf-8")
    (seeds / "other.txt").write_text(OTHER_SEED, encoding="utf-8")
    return maps


def project(root: Path):
    loaded = load([str(write(root))])
    assert loaded.ok, [d.format() for d in loaded.errors]
    return loaded.project
