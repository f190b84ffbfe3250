"""A quote that is not in its seed: the message shows where it differs from the closest passage."""

from __future__ import annotations

from argmap.cli import main
from argmap.project import load
from argmap.quotediff import describe

SEED = ("In a long speech to the conference on Tuesday the health secretary said that the reforms of the "
        "last decade, whatever their critics claimed at the time, were right to put patients first and "
        "that nobody now wanted to go back.\n")
MAP = """
    map: speech
    title: A speech
    source: {{seed: speech.txt, genre: news-report}}
    speakers: {{sec: {{name: The Secretary}}}}
    nodes:
      right:
        kind: claim
        by: sec
        text: The reforms were right.
        quote: "{quote}"
"""
LONG = ("the reforms of the last decade, whatever their critics claimed at the time, was right to put "
        "patients first and that nobody now wanted to go back")


def test_the_difference_past_80_characters_is_shown(make_maps, capsys) -> None:
    maps = make_maps({"speech.yaml": MAP.format(quote=LONG)}, seeds={"speech.txt": SEED})
    [problem] = [d for d in load([maps]).diagnostics if d.code == "quote-not-found"]
    # The old message cut the quote at 80 characters, before "was right".
    assert "was right" in problem.message
    assert 'the seed has "were" where the quote has "was"' in problem.hint
    assert "were right to put" in problem.hint
    assert main(["check", str(maps)]) == 1
    out = capsys.readouterr().out
    assert 'the seed has "were" where the quote has "was"' in out


def test_describe_words_added_and_removed() -> None:
    assert describe("the cat sat", "the cat sat down")[1].startswith('the seed has "down" where the quote has nothing')
    assert describe("the big cat sat", "the cat sat")[1].startswith('the seed lacks "big"')
    shown, hint = describe("a b c d", "a x c y")
    assert shown == '"a b c d"' and "(and 1 more difference)" in hint


def test_typographic_quotes_and_spacing_are_not_differences() -> None:
    shown, hint = describe("it’s  “fine” here", "it's \"fine\" there")
    assert hint.startswith('the seed has "there" where the quote has "here"')


def test_no_similar_passage() -> None:
    shown, hint = describe("x" * 500, "")
    assert hint == "no similar passage in the seed" and len(shown) < 100


def test_huge_words_and_quotes_are_bounded() -> None:
    word = "w" * 100_000
    shown, hint = describe(f"{word} a " * 100, f"{word} b " * 100)
    assert len(shown) + len(hint) < 2_000
    shown, hint = describe("a b " * 50_000, "a c " * 50_000)  # many words: only the first 400 compared
    assert len(shown) + len(hint) < 2_000
