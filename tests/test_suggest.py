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

