"""Text widths in Helvetica (= Arial = Liberation Sans), for drawing our own SVG.

Graphviz measures node labels itself; this table is for what we draw
outside Graphviz (the legend).  Widths are Helvetica's standard AFM
advance widths in 1/1000 em; characters not in the table count as wide.
"""

from __future__ import annotations

__all__ = ["text_width"]

_ASCII = (
    " 278 !278 \"355 #556 $556 %889 &667 '191 (333 )333 *389 +584 ,278 -333 .278 /278 "
    "0556 1556 2556 3556 4556 5556 6556 7556 8556 9556 :278 ;278 <584 =584 >584 ?556 @1015 "
    "A667 B667 C722 D722 E667 F611 G778 H722 I278 J500 K667 L556 M833 N722 O778 P667 Q778 R722 S667 "
    "T611 U722 V667 W944 X667 Y667 Z611 [278 \\278 ]278 ^469 _556 `333 "
    "a556 b556 c500 d556 e556 f278 g556 h556 i222 j222 k500 l222 m833 n556 o556 p556 q556 r333 s500 "
    "t278 u556 v500 w722 x500 y500 z500 {334 |260 }334 ~584"
)
_WIDTHS = {item[0]: int(item[1:]) for item in _ASCII.split(" ") if item} | {" ": 278}
_WIDE = 1000


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of *text* in points at *size* points (bold adds about 8%)."""
    units = sum(_WIDTHS.get(ch, _WIDE) for ch in text)
    return units * size / 1000 * (1.08 if bold else 1.0)
