"""Where a quote that is not in its seed differs from the closest passage, for the error message.

Cutting a long quote at 80 characters hid the one word that was wrong
("was right" against the seed's "were right").  Instead the message shows
the quote around its first difference, and the hint says what the seed has
there: ``the seed has "were" where the quote has "was": "…the minister
were right to…"``.

Quote and passage are compared word by word, as matching folds them
(typographic quotes and dashes plain, runs of whitespace as one), so only
differences that stop a match are shown.  Bounded: at most _WORDS words of
each are compared (difflib is quadratic in the worst case).
"""

from __future__ import annotations

__all__ = ["describe"]

_SHORT = 80  # a quote up to this long is shown whole
_CONTEXT = 4  # words shown either side of a difference
_WORDS = 400  # words of the quote (and passage) compared at most
_SHOWN_WORDS = 12  # words of a differing span shown at most
_LONGEST = 300  # characters of any part of the message (a "word" may be a megabyte long)


def describe(quote: str, passage: str) -> tuple[str, str]:
    """(the quote as the message shows it, quoted; the hint) for *quote*, whose closest passage is *passage*.

    *passage* is ``""`` when the seed has nothing like the quote.
    """
    from .quotes import normalize

    quote_words, seed_words = quote.split(), passage.split()
    if not passage:
        return _quoted(_cut(" ".join(quote_words))), "no similar passage in the seed"
    import difflib  # only a quote that is not found needs it

    a = [normalize(w) for w in quote_words[:_WORDS]]
    b = [normalize(w) for w in seed_words[:_WORDS]]
    changes = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not changes:  # they differ past what was compared, or only in what matching folds
        return _quoted(_cut(" ".join(quote_words))), f"closest passage in the seed: \"{_cut(passage, 200)}\""
    tag, i1, i2, j1, j2 = changes[0]
    ours, theirs = _span(quote_words, i1, i2), _span(seed_words, j1, j2)
    if tag == "replace":
        what = f"the seed has \"{theirs}\" where the quote has \"{ours}\""
    elif tag == "delete":
        what = f"the seed lacks \"{ours}\""
    else:
        what = f"the seed has \"{theirs}\" where the quote has nothing"
    shown = " ".join(quote_words)
    if len(shown) > _SHORT:
        shown = _window(quote_words, i1, i2)
    more = len(changes) - 1
    also = f" (and {more} more difference{'s' * (more != 1)})" if more else ""
    return _quoted(_cut(shown, _LONGEST)), f"{_cut(what, _LONGEST)}{also}: \"{_cut(_window(seed_words, j1, j2), _LONGEST)}\""


def _span(words: list[str], start: int, end: int) -> str:
    if end - start > _SHOWN_WORDS:
        return " ".join(words[start:start + _SHOWN_WORDS // 2]) + " … " + " ".join(words[end - _SHOWN_WORDS // 2:end])
    return " ".join(words[start:end])


def _window(words: list[str], start: int, end: int) -> str:
    """The words from *start* to *end* with _CONTEXT words either side, and '…' where cut."""
    low, high = max(0, start - _CONTEXT), min(len(words), end + _CONTEXT)
    middle = _span(words, start, end)
    parts = [" ".join(words[low:start]), middle, " ".join(words[end:high])]
    text = " ".join(p for p in parts if p)
    return ("…" if low else "") + text + ("…" if high < len(words) else "")


def _cut(text: str, limit: int = _SHORT) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _quoted(text: str) -> str:
    return f"\"{text}\""
