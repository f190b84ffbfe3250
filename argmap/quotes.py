"""Find verbatim quotes in a seed text.

A quote matches when it equals a passage of the seed up to whitespace (runs
of spaces, line breaks and non-breaking spaces are one space), straight vs
typographic quotation marks and apostrophes, and dash styles.  Nothing else
is forgiven.  Spans are character offsets into the seed as decoded text.

Checking a map locates all its quotes at once (SeedText.find_all) in seeds
of up to megabytes, so speed matters: per-character work is left to str
methods and re, and per-word and per-quote loops are map/compress pipelines
where that pays, since those run in C.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, compress, count, repeat
from operator import add, getitem, itemgetter, lt, not_, sub

__all__ = ["SeedText", "normalize"]

_FOLD = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
})
# Every character that str.isspace() and re's \s accept, except the space
# itself (a test checks this against the running Python's Unicode tables).
_WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
               "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
# What _fold_chars replaces: quote marks and dashes by their plain form, whitespace by a space.
_FOLD_PAIRS = tuple((chr(code), plain) for code, plain in _FOLD.items()) + tuple((c, " ") for c in _WHITESPACE)
_SPACE = re.compile(r"\s+")
# Two spaces or more.  The literal two-space opening lets re skip ahead by
# fast search; " {2,}" or "  +" would start a match attempt at every space.
_SPACE_RUN = re.compile("   *")
_SEP = "\x00"  # joins quotes to fold them in one pass: neither whitespace nor folded
_INDEX_FROM = 50_000  # seeds shorter than this are searched directly
# The index keys a quote by its first characters (see _key_lengths).
_MIN_KEY = 8  # shorter quotes, and one-word quotes, are searched for directly even in long seeds
_MAX_KEY = 256  # longer openings are rarely shared, and longer keys cost more to cut
_LEVEL_MIN = 8  # quotes needed to index at the shortest key length...
_LEVEL_SHARE = 16  # ...and at a longer one: this fraction (1/16) of all the quotes
_REGEX_WORDS = 64  # up to this many distinct first words, a regex finds their word starts
# The closest-passage hint (SeedText.closest): difflib's ratio is quadratic in
# the characters compared, so a long quote is scored on its two ends only,
# and only so many of its words anchor candidate windows.
_SCORED = 400  # characters of a quote (and of each window) scored: ordinary quotes whole
_WORDS_FROM = 4_000  # the quote's first characters, where its anchor words are looked for
_ANCHOR_WORDS = 12  # the longest distinct words of those...
_ANCHOR_HITS = 30  # ...each anchor this many windows at most
_SCORED_WINDOWS = 16  # windows scored by ratio() at most, the most promising first
_WIDEN = 40  # characters a hint is widened by at most, to reach a word boundary


def _fold_chars(text: str) -> str:
    """*text* with quote marks and dashes in plain form and whitespace as spaces.

    The length is unchanged, so offsets carry over.  One str.replace per
    character that occurs: str.translate looks every character up in a dict
    unless the text is ASCII, some 50 times slower on a megabyte with
    typographic quotes.
    """
    for char, plain in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, plain)
    return text


def normalize(text: str) -> str:
    """Fold quotes and dashes and collapse whitespace, as matching does."""
    return _SPACE_RUN.sub(" ", _fold_chars(text)).strip()


def _normalize_many(texts: list[str]) -> list[str]:
    """``[normalize(t) for t in texts]``, folding all of them in one pass."""
    joined = _SEP.join(texts)
    if joined.count(_SEP) != len(texts) - 1:  # a text holds the separator itself (or there are none)
        return [normalize(text) for text in texts]
    return list(map(str.strip, _SPACE_RUN.sub(" ", _fold_chars(joined)).split(_SEP)))


def _key_lengths(needles: list[str]) -> list[int]:
    """How many leading characters of each needle key the index (0: search directly).

    A needle of two words or more is keyed by its length rounded down to a
    power of two (up to _MAX_KEY), so a key is over half its needle and
    needles sharing a long opening (common in generated text) still get
    short candidate lists.  Each key length costs a pass over the seed's
    candidates, so a length that few needles would use is merged into the
    next shorter one; below the shortest, needles are searched for directly.
    """
    powers = [1 << (len(n).bit_length() - 1) if len(n) >= _MIN_KEY and " " in n else 0 for n in needles]
    counts = Counter(powers)
    key_length = {0: 0}
    kept = 0
    for power in sorted(counts.keys() - {0}):
        if counts[power] >= (len(needles) / _LEVEL_SHARE if kept else _LEVEL_MIN):
            kept = min(power, _MAX_KEY)
        key_length[power] = kept
    return list(map(key_length.__getitem__, powers))


def _alternation(words: Iterable[str]) -> str:
    """A regex that matches any of *words* (non-empty).

    The words are grouped by first character: re tries an alternation's
    branches one by one, so this costs a test per distinct first character
    at each position instead of one per word.  Sorted, so that the pattern
    (and re's cache of it) does not depend on set order.
    """
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda word: (-len(word), word)):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in sorted(by_first.items()))


def _group(pairs: Iterable[tuple[str, int]]) -> dict[str, list[int]]:
    """Key -> values, in order, of (key, value) pairs."""
    groups: dict[str, list[int]] = {}
    for key, value in pairs:
        if key in groups:
            groups[key].append(value)
        else:
            groups[key] = [value]
    return groups


@dataclass
class SeedText:
    """A seed prepared for quote look-ups."""

    text: str
    folded: str = field(init=False)
    # folded offset -> original offset, at each point where whitespace was collapsed
    _breaks_folded: list[int] = field(init=False, default_factory=list)
    _breaks_orig: list[int] = field(init=False, default_factory=list)
    # What to add to a folded offset f to get the original one: _shifts[bisect_right(_breaks_folded, f)]
    _shifts: list[int] = field(init=False, default_factory=list, repr=False)

    def __post_init__(self) -> None:
        chars = _fold_chars(self.text)
        bf, bo = self._breaks_folded, self._breaks_orig
        bf.append(0)
        bo.append(0)
        pieces: list[str] = []
        last = removed = 0
        for start, end in map(re.Match.span, _SPACE_RUN.finditer(chars)):
            pieces.append(chars[last:start + 1])
            removed += end - start - 1
            bf.append(end - removed)
            bo.append(end)
            last = end
        pieces.append(chars[last:])
        self.folded = "".join(pieces)
        self._shifts = [0, *map(sub, bo, bf)]  # index 0 is below every break: unused

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
        distinct = list(dict.fromkeys(quotes))
        needles = _normalize_many(distinct)
        if len(self.folded) >= _INDEX_FROM and len(distinct) > 8:
            ats = self._find_at_word_starts(needles)
        else:
            folded = self.folded
            ats = [folded.find(needle) if needle else -1 for needle in needles]
        starts, ends = self._original_spans(ats, list(map(add, ats, map(len, needles))))
        spans: dict[str, tuple[int, int] | None] = dict(zip(distinct, zip(starts, ends)))
        for quote in compress(distinct, map((0).__gt__, ats)):  # not found
            spans[quote] = None
        return spans

    def _original_spans(self, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
        """Folded spans (end exclusive) as spans of the original text; junk for starts of -1.

        ``to_original`` of each start, and of each end's last character plus
        one, done in bulk with one bisection per span: an end shifts as its
        start does unless a collapsed run lies inside the span.
        """
        breaks = self._breaks_folded
        if len(breaks) == 1:  # nothing was collapsed
            return starts, ends
        segments = list(map(bisect.bisect_right, repeat(breaks), starts))
        shifts = list(map(self._shifts.__getitem__, segments))
        next_breaks = map([*breaks, len(self.folded) + 1].__getitem__, segments)
        crossing = list(map(lt, next_breaks, ends))
        original_ends = list(map(add, ends, shifts))
        for i in compress(range(len(ends)), crossing):
            original_ends[i] = self.to_original(ends[i] - 1) + 1
        return list(map(add, starts, shifts)), original_ends

    def _find_at_word_starts(self, needles: list[str]) -> list[int]:
        """Where each needle occurs first at a word start, else first at all (-1: nowhere)."""
        folded = self.folded
        key_lengths = _key_lengths(needles)
        keys = list(map(getitem, needles, map(slice, key_lengths)))
        index = self._word_start_index(needles, key_lengths, set(keys))
        # Each needle's candidates: every word start where it can occur, in order.
        candidates = list(map(dict.get, map(index.__getitem__, key_lengths), keys, repeat(())))
        # Most needles occur at their first candidate: try that for all of them at C speed.
        nowhere = len(folded) + 1  # startswith() is False there, even for ""
        ats = list(map(next, map(iter, candidates), repeat(nowhere)))
        missed = list(compress(range(len(ats)), map(not_, map(folded.startswith, needles, ats))))
        for i in missed:
            needle = needles[i]
            if not key_lengths[i]:
                ats[i] = self._find_preferring_word_start(needle) if needle else -1
                continue
            for candidate in candidates[i]:
                if folded.startswith(needle, candidate):
                    ats[i] = candidate
                    break
            else:
                ats[i] = folded.find(needle)  # only inside a word, if at all
        return ats

    def _find_preferring_word_start(self, needle: str) -> int:
        """The first occurrence of *needle* at a word start, else the first at all, by direct search."""
        folded = self.folded
        at = folded.find(needle)
        if at > 0 and folded[at - 1] != " ":
            later = folded.find(" " + needle, at)
            if later >= 0:
                return later + 1
        return at

    def _word_start_index(self, needles: list[str], key_lengths: list[int],
                          wanted: set[str]) -> dict[int, dict[str, list[int]]]:
        """Key length -> key -> ascending offsets of the word starts where the folded text opens with it.

        Only *wanted* keys are kept, and only word starts where some keyed
        needle's first word stands are looked at: one slice of each, cut
        down to each key length in use.
        """
        lengths = sorted(set(key_lengths) - {0})
        index: dict[int, dict[str, list[int]]] = {0: {}}  # 0: needles not indexed
        if not lengths:
            return index
        first_words = map(itemgetter(0), map(str.partition, compress(needles, key_lengths), repeat(" ")))
        starts = self._word_starts(set(first_words))
        heads = list(map(self.folded.__getitem__, map(slice, starts, map(add, starts, repeat(lengths[-1])))))
        for length in lengths:
            keys = heads if length == lengths[-1] else list(map(getitem, heads, repeat(slice(length))))
            index[length] = _group(compress(zip(keys, starts), map(wanted.__contains__, keys)))
        return index

    def _word_starts(self, words: set[str]) -> list[int]:
        """Ascending offsets in the folded text where one of *words* stands, followed by a space."""
        folded = self.folded
        if len(words) <= _REGEX_WORDS:
            # Matching in " " + folded: each match's leading space sits at its word's offset.
            pattern = re.compile(" (?:" + _alternation(words) + ")(?= )")
            return list(map(re.Match.start, pattern.finditer(" " + folded)))
        # With many words the regex tries many branches at every space: splitting is quicker.
        seed_words = folded.split(" ")
        offsets = accumulate(map(len, seed_words), initial=0)  # lengths of the words before
        followed = map(words.__contains__, seed_words[:-1])  # the last word has no space after it
        return list(compress(map(add, offsets, count()), followed))  # plus a space after each

    def closest(self, quote: str, width: int = 0) -> str:
        """The passage of the seed that looks most like *quote* (for error messages).

        Bounded whatever the quote's length: at most _ANCHOR_WORDS words of
        the quote anchor at most _ANCHOR_HITS windows each, and a window is
        scored on at most _SCORED characters (its head and tail), since
        difflib's ratio is quadratic in what it compares.
        """
        needle = normalize(quote)
        folded = self.folded
        if not needle or not folded:
            return ""
        width = width or len(needle)
        words = re.findall(r"\w{4,}", needle[:_WORDS_FROM])[:40] or needle.split(maxsplit=10)[:10]
        # Anchor candidate windows on occurrences of the quote's words, then score them.
        candidates: set[int] = set()
        for word in sorted(set(words), key=len, reverse=True)[:_ANCHOR_WORDS]:
            offset_in_quote = needle.find(word)
            start = 0
            for _ in range(_ANCHOR_HITS):
                at = folded.find(word, start)
                if at < 0:
                    break
                candidates.add(max(0, at - offset_in_quote))
                start = at + 1
        if not candidates:
            return ""
        import difflib  # only a quote that is not found needs it

        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(_ends(needle, 0, len(needle)))
        # quick_ratio() is linear and bounds ratio() from above: windows are
        # scored in falling order of it until none can beat the best, or
        # until _SCORED_WINDOWS have been (text of few distinct characters
        # gives every window the same high bound).
        bounds = []
        for start in candidates:
            matcher.set_seq1(_ends(folded, start, len(needle)))
            bounds.append((-matcher.quick_ratio(), start))
        bounds.sort()
        best, best_score = 0, -1.0
        for negative_bound, start in bounds[:_SCORED_WINDOWS]:
            if -negative_bound < best_score:
                break
            matcher.set_seq1(_ends(folded, start, len(needle)))
            score = matcher.ratio()
            if score > best_score or (score == best_score and start < best):  # of equals, the first
                best, best_score = start, score
        if best_score < 0.3:
            return ""
        # Widen to word boundaries (not far) so the suggestion reads
        # naturally, and show the seed's own characters rather than their
        # folded form.
        space = folded.rfind(" ", max(0, best - _WIDEN), best)
        start = space + 1 if space >= 0 else 0 if best <= _WIDEN else best
        end = folded.find(" ", best + width, best + width + _WIDEN)
        end = end if end >= 0 else min(len(folded), best + width)
        original = self.text[self.to_original(start):self.to_original(max(start, end - 1)) + 1]
        return _SPACE.sub(" ", original).strip()

def _ends(text: str, start: int, length: int) -> str:
    """The *length* characters of *text* from *start*, as scored: whole, or their two ends.

    A quote and a window as long as it lose their middles alike.
    """
    if length <= _SCORED:
        return text[start:start + length]
    half = _SCORED // 2
    return text[start:start + half] + text[start + length - half:start + length]
