"""'Did you mean' hints, for a handful of choices and for the nodes of a big map."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from argmap.suggest import did_you_mean

BIG = MappingProxyType({**{f"point-{i}": None for i in range(5000)},
                        "contracts-200": None, "integrated-care": None, "roll-back-internal-market": None})


@pytest.mark.parametrize("typo, meant", [
    ("contracts-20O", "contracts-200"),           # the end mistyped
    ("cntracts-200", "contracts-200"),            # the start mistyped
    ("integrated-cars", "integrated-care"),
    ("roll-back-internal-markets", "roll-back-internal-market"),
    ("point-4999x", "point-4999"),
])
def test_typos_in_a_big_map_are_recognised(typo: str, meant: str) -> None:
    assert did_you_mean(typo, BIG) == f"did you mean {meant!r}?"


def test_small_sets_compare_every_choice() -> None:
    assert did_you_mean("atacks", {"supports": 1, "attacks": 1, "same_as": 1}) == "did you mean 'attacks'?"
    assert did_you_mean("xyz", ["supports", "attacks"]) == ""


def test_nothing_close_gets_no_hint() -> None:
    assert did_you_mean("zzzzzzzz", BIG) == ""


def test_a_typo_in_the_middle_of_a_long_id_is_recognised() -> None:
    # Long names are compared by their ends only: the hint must still name the right one.
    long_ids = [f"{'claim-' * 300}{i}-{'x' * 50}" for i in range(400)]
    typo = long_ids[123].replace("claim-claim", "claim-clam", 1)
    assert did_you_mean(typo, long_ids) == f"did you mean {long_ids[123]!r}?"



# -- shortened names: prefixes and subsequences, not only edit distance ------------------------------

MAY = ["nhs-needs-plan", "roll-back-internal-market", "contracts-problem", "integrated-care", "roll-call",
       "end-competition", "rollout-slow"]


@pytest.mark.parametrize("short, meant", [
    ("roll-bak", "roll-back-internal-market"),     # the example: difflib alone found nothing
    ("roll-back", "roll-back-internal-market"),    # a prefix
    ("rollback", "roll-back-internal-market"),     # the letters in order
    ("integrated", "integrated-care"),
    ("end-comp", "end-competition"),
])
def test_a_shortened_id_is_recognised(short: str, meant: str) -> None:
    assert did_you_mean(short, MAY) == f"did you mean {meant!r}?"
    assert did_you_mean(short, BIG | {m: None for m in MAY}) == f"did you mean {meant!r}?"


def test_a_typo_still_wins_when_it_shares_as_much_of_the_start() -> None:
    assert did_you_mean("roll-cal", MAY) == "did you mean 'roll-call'?"
    assert did_you_mean("rx", MAY) == ""  # too short to be an abbreviation of anything


def test_an_unknown_relation_target_gets_the_shortened_ids_hint(make_maps, capsys) -> None:
    from argmap.cli import main

    maps = make_maps({"m.yaml": """
        map: m
        title: M
        source: {seed: m.txt, genre: news-report}
        speakers: {a: {name: A}}
        nodes:
          roll-back-internal-market: {kind: claim, by: a, text: Roll it back., quote: roll it back}
          reason: {kind: premise, by: a, text: Because., quote: because, supports: roll-bak}
    """}, seeds={"m.txt": "roll it back because"})
    assert main(["check", str(maps)]) == 1
    assert "did you mean 'roll-back-internal-market'?" in capsys.readouterr().out


def test_abbreviations_of_long_ids_are_bounded() -> None:
    long_ids = [f"abc{'-claim' * 2000}-{i}" for i in range(300)]
    # Each id is scanned once with str.find per letter: linear, however long (timed in benchmarks/).
    assert did_you_mean("abc-cl-9", long_ids) == f"did you mean {long_ids[9]!r}?"
