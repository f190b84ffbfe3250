"""Go-to's fuzzy match: linear, the same answers as the pattern it replaced, incremental as you type."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.project import load
from argmap.tui.searching import MAX_FUZZY, SearchIndex, subsequence_span

from .conftest import FIXTURE

LETTERS = st.text(alphabet="ab-c:", max_size=12)


@settings(max_examples=400, deadline=None)
@given(needle=LETTERS.filter(bool), haystack=LETTERS)
def test_subsequence_span_is_what_the_lazy_pattern_matched(needle: str, haystack: str) -> None:
    # The old go-to ran ".*?".join(needle) as a regular expression: the same
    # span, but it backtracks without end on long ids.
    match = re.search(".*?".join(map(re.escape, needle)), haystack)
    assert subsequence_span(needle, haystack) == (None if match is None else match.span())


def test_a_long_needle_on_long_ids_answers() -> None:
    # On "claim-claim-…" ids a backtracking pattern never finished this.
    ident = "synth-0:" + "claim-" * 165 + "n42"
    assert subsequence_span("claim-" * 5 + "x", ident) is None
    assert subsequence_span("cla" * 30, ident) is None  # over MAX_FUZZY letters: must occur whole
    assert len("cla" * 30) > MAX_FUZZY
    assert subsequence_span(ident, ident) == (0, len(ident))


@settings(max_examples=60, deadline=None)
@given(typed=st.text(alphabet="abcdeilnoprstuv-:", min_size=1, max_size=10))
def test_typing_letter_by_letter_finds_what_a_fresh_search_finds(typed: str) -> None:
    project = load([FIXTURE / "maps"]).project
    typing, fresh = SearchIndex(project), SearchIndex(project)
    for end in range(1, len(typed) + 1):
        hits = typing.goto(typed[:end])
    assert hits == fresh.goto(typed)


def test_a_cancelled_match_answers_nothing() -> None:
    index = SearchIndex(load([FIXTURE / "maps"]).project)
    assert index.goto("a", cancelled=lambda: True) == []
    assert index.goto("a")  # and the next one is not spoiled by it
