"""Text widths in Helvetica (= Arial = Liberation Sans), for drawing our own SVG.

Graphviz measures node labels itself; this table is for what we draw
outside Graphviz (the legend).  Widths are Helvetica's standard AFM
advance widths in 1/1000 em; characters not in the table count as wide.
"""

from __future__ import annotations

import unicodedata

__all__ = ["text_width", "known_width"]

_ASCII = (
    " 278 !278 \"355 #556 $556 %889 &667 '191 (333 )333 *389 +584 ,278 -333 .278 /278 "
    "0556 1556 2556 3556 4556 5556 6556 7556 8556 9556 :278 ;278 <584 =584 >584 ?556 @1015 "
    "A667 B667 C722 D722 E667 F611 G778 H722 I278 J500 K667 L556 M833 N722 O778 P667 Q778 R722 S667 "
    "T611 U722 V667 W944 X667 Y667 Z611 [278 \\278 ]278 ^469 _556 `333 "
    "a556 b556 c500 d556 e556 f278 g556 h556 i222 j222 k500 l222 m833 n556 o556 p556 q556 r333 s500 "
    "t278 u556 v500 w722 x500 y500 z500 {334 |260 }334 ~584"
)
_WIDTHS = {item[0]: int(item[1:]) for item in _ASCII.split(" ") if item} | {" ": 278}
_WIDTHS.update({"\u2018": 222, "\u2019": 222, "\u201c": 333, "\u201d": 333, "\u2013": 556, "\u2014": 1000,
                "\u2026": 1000, "\u00b7": 278, "\u2022": 350, "\u00a0": 278, "\u00a3": 556, "\u20ac": 556,
                "\u00b0": 400, "\u00bd": 834, "\u00bc": 834, "\u00be": 834, "\u00d7": 584, "\u00e6": 889,
                "\u00c6": 1000, "\u00df": 611, "\u00f8": 611, "\u00d8": 778, "\u00ab": 556, "\u00bb": 556})
_WIDE = 1000


def _width_of(ch: str) -> int | None:
    width = _WIDTHS.get(ch)
    if width is None:  # an accented Latin letter is as wide as its base letter
        base = unicodedata.normalize("NFD", ch)[:1]
        if base != ch and base in _WIDTHS and base.isalpha():
            width = _WIDTHS[base]
    return width


def known_width(text: str, size: float) -> float | None:
    """The width of *text* in points, or None if a character's width is not in the table."""
    units = 0
    for ch in text:
        width = _width_of(ch)
        if width is None:
            return None
        units += width
    return units * size / 1000


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of *text* in points at *size* points (bold adds about 8%)."""
    units = sum(_width_of(ch) or _WIDE for ch in text)
    return units * size / 1000 * (1.08 if bold else 1.0)
