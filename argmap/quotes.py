"""Find verbatim quotes in a seed text.

A quote matches when it equals a passage of the seed up to whitespace (runs
of spaces, line breaks and non-breaking spaces are one space), straight vs
typographic quotation marks and apostrophes, and dash styles.  Nothing else
is forgiven.  Spans are character offsets into the seed as decoded text.
"""

from __future__ import annotations

import bisect
import difflib
from itertools import accumulate
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["SeedText", "normalize"]

_FOLD = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
})
_SPACE = re.compile(r"\s+")
_ODD_ASCII_SPACE = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1f]")
# Whitespace that folding changes: runs of two or more, or one that is not a plain space.
_FOLDABLE_SPACE = re.compile(r"\s\s+|[^\S ]")
# Index keys: the first characters of a quote.  Long keys keep the candidate
# lists short; quotes shorter than the long key use the short one.
_KEY = 40
_SHORT_KEY = 10
_INDEX_FROM = 50_000  # seeds shorter than this are searched directly


def normalize(text: str) -> str:
    """Fold quotes and dashes and collapse whitespace, as matching does."""
    if text.isascii() and "  " not in text and "`" not in text and not _ODD_ASCII_SPACE.search(text):
        return text.strip()  # nothing to fold: the common case, without the regex
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


@dataclass
class SeedText:
    """A seed prepared for quote look-ups."""

    text: str
    folded: str = field(init=False)
    # folded offset -> original offset, at each point where whitespace was collapsed
    _breaks_folded: list[int] = field(init=False, default_factory=list)
    _breaks_orig: list[int] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        translated = self.text.translate(_FOLD)
        pieces: list[str] = []
        folded_len = 0
        last = 0
        bf, bo = self._breaks_folded, self._breaks_orig
        bf.append(0)
        bo.append(0)
        for match in _FOLDABLE_SPACE.finditer(translated):
            start, end = match.span()
            pieces.append(translated[last:start])
            folded_len += start - last
            pieces.append(" ")
            folded_len += 1
            bf.append(folded_len)
            bo.append(end)
            last = end
        pieces.append(translated[last:])
        self.folded = "".join(pieces)

    def to_original(self, folded_offset: int) -> int:
        i = bisect.bisect_right(self._breaks_folded, folded_offset) - 1
        return self._breaks_orig[i] + (folded_offset - self._breaks_folded[i])

    def find(self, quote: str) -> tuple[int, int] | None:
        """The span of the first occurrence of *quote*, or ``None``."""
        return self.find_all([quote])[quote]

    def find_all(self, quotes: Iterable[str]) -> dict[str, tuple[int, int] | None]:
        """The span of each quote's first occurrence (``None`` where not found).

        Long seeds with many quotes are searched through an index of the word
        starts where some quote could begin, built in one pass, since scanning
        a megabyte per quote would make checking quadratic.  There the first
        occurrence that starts a word wins; one inside a word is found only
        when there is none at a word start.
        """
        folded = self.folded
        needles = {quote: normalize(quote) for quote in quotes}
        index: dict[str, list[int]] | None = None
        if len(folded) >= _INDEX_FROM and len(needles) > 8:
            index = self._word_start_index({self._key(n) for n in needles.values()},
                                           {n.partition(" ")[0] for n in needles.values()})
        spans: dict[str, tuple[int, int] | None] = {}
        for quote, needle in needles.items():
            at = -1
            if needle:
                if index is not None:
                    for candidate in index.get(self._key(needle), ()):
                        if folded.startswith(needle, candidate):
                            at = candidate
                            break
                if at < 0:
                    at = folded.find(needle)
            spans[quote] = (self.to_original(at), self.to_original(at + len(needle) - 1) + 1) if at >= 0 else None
        return spans

    @staticmethod
    def _key(needle: str) -> str:
        return needle[:_KEY] if len(needle) >= _KEY else needle[:_SHORT_KEY]

    def _word_start_index(self, wanted: set[str], first_words: set[str]) -> dict[str, list[int]]:
        """Word-start offsets of the passages whose key some quote wants.

        Only words that begin some quote are looked at, so the pass costs a
        set look-up per word of the seed and a slice per candidate.
        """
        folded = self.folded
        words = folded.split(" ")
        starts = list(accumulate([len(word) + 1 for word in words], initial=0))
        index: dict[str, list[int]] = {}
        for i in [i for i, word in enumerate(words) if word in first_words]:
            at = starts[i]
            key = folded[at:at + _KEY]
            if key not in wanted:
                key = key[:_SHORT_KEY]
                if key not in wanted:
                    continue
            if key in index:
                index[key].append(at)
            else:
                index[key] = [at]
        return index

    def closest(self, quote: str, width: int = 0) -> str:
        """The passage of the seed that looks most like *quote* (for error messages)."""
        needle = normalize(quote)
        folded = self.folded
        if not needle or not folded:
            return ""
        width = width or len(needle)
        words = [w for w in re.findall(r"\w{4,}", needle)][:40] or needle.split()[:10]
        # Anchor candidate windows on occurrences of the quote's words, then score them.
        candidates: set[int] = set()
        for word in sorted(set(words), key=len, reverse=True)[:12]:
            offset_in_quote = needle.find(word)
            start = 0
            for _ in range(30):
                at = folded.find(word, start)
                if at < 0:
                    break
                candidates.add(max(0, at - offset_in_quote))
                start = at + 1
        if not candidates:
            return ""
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(needle)
        best, best_score = 0, -1.0
        for start in candidates:
            matcher.set_seq1(folded[start:start + width])
            score = matcher.ratio()
            if score > best_score:
                best, best_score = start, score
        if best_score < 0.3:
            return ""
        # Widen to word boundaries so the suggestion reads naturally, and show
        # the seed's own characters rather than their folded form.
        start = folded.rfind(" ", 0, best) + 1 if best else 0
        end = folded.find(" ", best + width)
        end = end if end >= 0 else len(folded)
        original = self.text[self.to_original(start):self.to_original(max(start, end - 1)) + 1]
        return _SPACE.sub(" ", original).strip()
