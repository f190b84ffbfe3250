"""Quote matching: what is forgiven, what is not, and spans into the seed."""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import quotes
from argmap.quotes import SeedText, normalize
from argmap.spec import MAX_TEXT

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


def test_closest_passage_of_a_long_quote_with_one_word_wrong() -> None:
    # A quote as long as the size cap allows, with one word changed in the middle:
    # the hint is the passage it was copied from, not the whole seed, not nothing.
    paragraphs = [f"Paragraph {i} says that reform {i} would cost {i * 7} million pounds." for i in range(2_000)]
    text = " ".join(paragraphs)
    passage = " ".join(paragraphs[500:790])
    assert 19_000 < len(passage) <= MAX_TEXT
    wrong = passage.replace("reform 600 would", "reform 600 could")
    hint = SeedText(text).closest(wrong)
    assert passage in hint and len(hint) < len(passage) + 100


def test_closest_passage_is_widened_a_little_not_to_the_whole_seed() -> None:
    text = "x" * 100_000 + "needle" + "y" * 100_000  # no word boundary anywhere near
    hint = SeedText(text).closest("xxxx needle yyyy")
    assert "needle" in hint and len(hint) < 200


def test_closest_passage_in_text_of_few_characters_is_still_found() -> None:
    # Every window looks alike to difflib's quick bound here; the best is still the one shown.
    text = "ab ba " * 20_000 + "abba baab abab " + "ab ba " * 20_000
    assert "abba baab abab" in SeedText(text).closest("abba baab abbb")


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


# ---------------------------------------------------------------------------
# Reference semantics, written the slow and obvious way, and the fast paths
# (one-pass folding, the word-start index of long seeds) checked against it.

def reference_normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(quotes._FOLD)).strip()


def reference_spans(text: str, quote_list: list[str], prefer_word_start: bool) -> dict:
    """Fold the seed a character at a time, remembering where each folded one came from."""
    folded, origin = [], []
    i = 0
    while i < len(text):
        j = i + 1
        if text[i].isspace():
            while j < len(text) and text[j].isspace():
                j += 1
        folded.append(" " if text[i].isspace() else text[i].translate(quotes._FOLD))
        origin.append(i)
        i = j
    folded_text = "".join(folded)
    spans = {}
    for quote in quote_list:
        needle = reference_normalize(quote)
        hits = [p for p in range(len(folded_text)) if needle and folded_text.startswith(needle, p)]
        if prefer_word_start:
            hits = [p for p in hits if p == 0 or folded_text[p - 1] == " "] or hits
        spans[quote] = (origin[hits[0]], origin[hits[0] + len(needle) - 1] + 1) if hits else None
    return spans


SEED_CHARS = " ab\u00a0\n\u2019'\u2013-"
# Few, overlapping words, so quotes recur, inside words as well as at their starts.
seed_words = st.lists(st.sampled_from(["a", "b", "ab", "ba", "bab", "b\u2019a", "a\u2013b"]), max_size=30)
seed_texts = st.one_of(
    st.text(alphabet=SEED_CHARS, max_size=80),
    st.builds(lambda words, gaps: "".join(map("".join, zip(gaps, words))),
              seed_words, st.lists(st.sampled_from([" ", "  ", "\n", "\u00a0", " \n\t"]), min_size=30)),
)


@st.composite
def seed_and_quotes(draw):
    """A seed, and quotes that are mostly passages of it, some reworded or not in it at all."""
    text = draw(seed_texts)
    passages = st.builds(lambda a, b: text[min(a, b):max(a, b)],
                         st.integers(0, len(text)), st.integers(0, len(text)))
    quote_list = draw(st.lists(st.one_of(passages, passages.map(reference_normalize),
                                         st.text(alphabet=SEED_CHARS, max_size=12)),
                               min_size=1, max_size=30))
    return text, quote_list


def test_whitespace_table_is_complete() -> None:
    everything = "".join(map(chr, range(0x110000)))
    assert set(quotes._WHITESPACE) | {" "} == set(re.findall(r"\s", everything))
    assert set(quotes._WHITESPACE) | {" "} == {c for c in everything if c.isspace()}


@given(st.text())
def test_normalize_matches_reference(text: str) -> None:
    assert normalize(text) == reference_normalize(text)


@given(st.lists(st.text(alphabet=SEED_CHARS + "\x00\t", max_size=10)))
def test_normalize_many_matches_normalize(texts: list[str]) -> None:
    assert quotes._normalize_many(texts) == [normalize(t) for t in texts]


@given(seed_and_quotes())
def test_short_seed_finds_first_occurrence(case) -> None:
    text, quote_list = case
    assert SeedText(text).find_all(quote_list) == reference_spans(text, quote_list, prefer_word_start=False)


@settings(max_examples=300)
@given(seed_and_quotes(),
       st.sampled_from([1, 2, 4]), st.sampled_from([1, 4]), st.sampled_from([1, 8]),
       st.sampled_from([1, 16, 10**6]), st.sampled_from([0, 64]))
def test_indexed_search_prefers_word_starts(case, min_key, max_key, level_min, level_share, regex_words) -> None:
    """Every route of the index (key lengths kept or merged, the regex or the word split)."""
    text, quote_list = case
    quote_list += [f"absent{i}" for i in range(9)]  # enough quotes for the index
    with mock.patch.multiple(quotes, _INDEX_FROM=0, _MIN_KEY=min_key, _MAX_KEY=max_key,
                             _LEVEL_MIN=level_min, _LEVEL_SHARE=level_share, _REGEX_WORDS=regex_words):
        found = SeedText(text).find_all(quote_list)
    assert found == reference_spans(text, quote_list, prefer_word_start=True)


def long_seed(*passages: str) -> str:
    filler = " ".join(f"filler{i} words here." for i in range(quotes._INDEX_FROM // 20))
    return filler + " " + " ".join(passages)


FILLER_QUOTES = [f"filler{i} words here." for i in range(1, 12)]  # long enough to be indexed


def find_indexed(text: str, quote_list: list[str]) -> dict:
    """SeedText(text).find_all(quote_list), checking that it went through the index."""
    with mock.patch.object(SeedText, "_word_starts", autospec=True, side_effect=SeedText._word_starts) as spy:
        found = SeedText(text).find_all(quote_list + FILLER_QUOTES)
    assert spy.called
    assert found == reference_spans(text, quote_list + FILLER_QUOTES, prefer_word_start=True)
    return found


def test_long_seed_prefers_a_word_start_over_an_earlier_match_inside_a_word() -> None:
    text = long_seed("Unhappy families are unhappy, then", "happy families are all alike; antidisestablishment.")
    found = find_indexed(text, ["happy families are", "happy families", "happy", "establishment", "ppy"])
    assert found["happy families are"][0] == text.index(" happy families are") + 1  # indexed
    assert found["happy families"][0] == text.index(" happy families") + 1  # searched directly: short
    assert found["happy"][0] == text.index(" happy") + 1  # and of one word
    assert text[found["establishment"][0] - 3:found["establishment"][1]] == "disestablishment"  # none at a word start
    assert found["ppy"][0] == text.index("Unhappy") + 4  # first, as none starts a word


def test_long_seed_spans_cover_collapsed_whitespace() -> None:
    text = long_seed("He said:\n\n\u201cIt\u2019s\u00a0a  re-wiring \u2013\tnot a magic bullet.\u201d  Then left.")
    quote = '"It\'s a re-wiring - not a magic bullet." Then'
    start, end = find_indexed(text, [quote])[quote]
    assert text[start:end] == "\u201cIt\u2019s\u00a0a  re-wiring \u2013\tnot a magic bullet.\u201d  Then"
