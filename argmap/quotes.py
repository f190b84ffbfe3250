"""Find verbatim quotes in a seed text.

A quote matches when it equals a passage of the seed up to whitespace (runs
of spaces, line breaks and non-breaking spaces are one space), straight vs
typographic quotation marks and apostrophes, and dash styles.  Nothing else
is forgiven.  Spans are character offsets into the seed as decoded text.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass, field

__all__ = ["SeedText", "normalize"]

_FOLD = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
})
_SPACE = re.compile(r"\s+")
# Whitespace that folding changes: runs of two or more, or one that is not a plain space.
_FOLDABLE_SPACE = re.compile(r"\s\s+|[^\S ]")
_WORD_START = re.compile(r"(?:^|(?<= ))\S")
_KEY = 24  # characters of the word-start index key: long enough that few passages share one
_INDEX_FROM = 50_000  # seeds shorter than this are searched directly


def normalize(text: str) -> str:
    """Fold quotes and dashes and collapse whitespace, as matching does."""
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


@dataclass
class SeedText:
    """A seed prepared for quote look-ups."""

    text: str
    folded: str = field(init=False)
    # folded offset -> original offset, at each point where whitespace was collapsed
    _breaks_folded: list[int] = field(init=False, default_factory=list)
    _breaks_orig: list[int] = field(init=False, default_factory=list)
    _index: dict[str, list[int]] | None = field(init=False, default=None)

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

    def _find_folded(self, needle: str) -> int:
        """Offset of *needle* in the folded text, or -1.

        Long seeds are searched through an index of word starts, since
        scanning a megabyte per quote would make checking quadratic.  The
        first occurrence that starts a word wins; one inside a word is found
        only when there is none at a word start.
        """
        folded = self.folded
        if len(folded) < _INDEX_FROM or len(needle) < _KEY:
            return folded.find(needle)
        if self._index is None:
            index: dict[str, list[int]] = {}
            for m in _WORD_START.finditer(folded):
                at = m.start()
                key = folded[at:at + _KEY]
                if key in index:
                    index[key].append(at)
                else:
                    index[key] = [at]
            self._index = index
        for at in self._index.get(needle[:_KEY], ()):
            if folded.startswith(needle, at):
                return at
        return folded.find(needle)

    def find(self, quote: str) -> tuple[int, int] | None:
        """The span of the first occurrence of *quote*, or ``None``."""
        needle = normalize(quote)
        if not needle:
            return None
        at = self._find_folded(needle)
        if at < 0:
            return None
        start = self.to_original(at)
        end = self.to_original(at + len(needle) - 1) + 1
        return start, end

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
