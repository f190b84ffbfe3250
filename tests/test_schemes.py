"""The scheme catalogue: documented as it is defined, and found by the names AIF files use."""

from __future__ import annotations

import re

from argmap.schemes import SCHEMES, by_aif_name
from argmap.spec import LINKED_SUPPORT, SCHEME, json_schema

from .conftest import REPO


def test_docs_list_the_catalogue_exactly() -> None:
    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z-]+)` \| ([A-Za-z ]+) \| (support|conflict|support or conflict) \|$", text, re.M)
    assert rows == [(s.id, s.aif, s.use) for s in SCHEMES]


def test_ids_are_unique_and_the_spec_offers_them_all() -> None:
    ids = [s.id for s in SCHEMES]
    assert len(set(ids)) == len(ids)
    assert SCHEME.values == tuple(ids)
    assert LINKED_SUPPORT.by_name["scheme"].spec is SCHEME
    assert '"expert-opinion"' in str(json_schema()).replace("'", '"')


def test_aif_names_are_found_in_any_case_and_with_argument_from() -> None:
    assert by_aif_name("Expert Opinion").id == "expert-opinion"
    assert by_aif_name("argument from  expert opinion").id == "expert-opinion"
    assert by_aif_name("Argument From the Position To Know").id == "position-to-know"
    assert by_aif_name("Argument From Position To Know").id == "position-to-know"
    assert by_aif_name("Default Conflict").id == "default-conflict"
    assert by_aif_name("Something Else") is None


def test_the_seed_examples_in_what_commentary_does_are_verbatim() -> None:
    """Each *"…"* quoted in docs/format.md's "what commentary does" is in a bundled seed
    (as a map's quote is matched; "…" joins two verbatim stretches)."""
    from argmap.quotes import SeedText

    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    section = text[text.index("## What commentary does"):text.index("## Cross-map references")]
    quoted = re.findall(r'\*"(.+?)"\*', section, re.S)
    assert len(quoted) >= 12
    seeds = [SeedText((REPO / "seeds" / p.name).read_text(encoding="utf-8"))
             for p in sorted((REPO / "seeds").glob("*.txt"))]
    for quote in quoted:
        for piece in quote.split("…"):
            piece = " ".join(piece.split())
            assert not piece or any(seed.find(piece) for seed in seeds), piece
