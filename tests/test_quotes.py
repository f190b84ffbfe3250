"""Quote matching: what is forgiven, what is not, and spans into the seed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.quotes import SeedText, normalize

TEXT = "He said: \u201cIt\u2019s a re-wiring \u2013 not a\u00a0magic bullet.\u201d\n\nThen  he left."


def test_span_points_at_original_characters() -> None:
    seed = SeedText(TEXT)
    span = seed.find('"It\'s a re-wiring - not a magic bullet."')
    assert span is not None
    assert TEXT[span[0]:span[1]] == "\u201cIt\u2019s a re-wiring \u2013 not a\u00a0magic bullet.\u201d"


def test_line_breaks_count_as_spaces() -> None:
    seed = SeedText(TEXT)
    span = seed.find("bullet.\u201d Then he left")
    assert span is not None and TEXT[span[0]:span[1]].endswith("he left")


def test_nothing_else_is_forgiven() -> None:
    seed = SeedText(TEXT)
    assert seed.find("it's a re-wiring") is None      # case
    assert seed.find("a rewiring") is None             # a dropped character
    assert seed.find("magic  bullets") is None         # an added one
    assert seed.find("   ") is None                    # empty after folding


def test_closest_passage_for_a_near_miss() -> None:
    seed = SeedText(TEXT)
    assert "magic bullet" in seed.closest("not a magic bulet")


def test_index_path_agrees_with_direct_search() -> None:
    words = [f"word{i % 97} thing{i % 13}" for i in range(20_000)]
    text = " ".join(words) + "."
    seed = SeedText(text)
    quotes = [" ".join(words[i:i + 5]) for i in range(0, 20_000, 997)] + ["thing5 word", "absent words here"]
    found = seed.find_all(quotes)
    for quote in quotes:
        expected = text.find(quote)
        span = found[quote]
        assert (span[0] if span else -1) == expected


@given(st.text(alphabet=" abc\u00a0\n\u2019'\u2013-", min_size=1, max_size=60), st.data())
def test_any_substring_is_found(text: str, data) -> None:
    seed = SeedText(text)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    piece = text[start:end]
    if not normalize(piece):
        return
    span = seed.find(piece)
    assert span is not None
    assert normalize(text[span[0]:span[1]]) == normalize(piece)
