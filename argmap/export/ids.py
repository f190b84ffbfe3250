"""SVG element ids for map elements: unique within a page that shows many maps.

A node ``may-2018:roll-back`` becomes the element id ``may-2018--roll-back``
(the map id, two hyphens, the node id), so a page can link to
``map.svg#may-2018--roll-back``.  Every other element of a diagram (edges,
junctions, clusters, the legend, nodes of *other* maps drawn for context)
gets an id ``<map>---<what>-<name>``: three hyphens, so it can never equal a
node's id (node ids never start with a hyphen).

Map ids may themselves contain ``--`` (the format allows ``[A-Za-z0-9_.-]``);
such a map id, or one ending in ``-``, is written as ``_x`` followed by its
UTF-8 bytes in hex, and one starting with a digit gets a leading ``_``
(XML names cannot start with a digit).  The scheme stays one-to-one (see
docs/export.md), and all ids are valid XML names.
"""

from __future__ import annotations

import re

from ..model import Ref

__all__ = ["map_part", "node_svg_id", "element_id", "XML_NAME"]

XML_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def map_part(map_id: str) -> str:
    """The map's part of an element id: the id itself when that is unambiguous.

    An XML name cannot start with a digit, so a map id that does is written
    after an underscore (``_2021-review``); one that holds ``--``, ends in
    ``-`` or has other characters is written ``_x`` and its UTF-8 in hex.
    """
    if _PLAIN.match(map_id) and "--" not in map_id and not map_id.endswith("-"):
        return map_id if map_id[0].isalpha() else "_" + map_id
    return "_x" + map_id.encode("utf-8").hex()


def _name_part(text: str) -> str:
    """*text* itself when it is a plain id, else ``_`` and its UTF-8 in hex (one-to-one)."""
    if _PLAIN.match(text):
        return text
    return "_" + text.encode("utf-8").hex()


def node_svg_id(ref: Ref) -> str:
    """The element id of node *ref* in its own map's diagram."""
    return f"{map_part(ref.map_id)}--{_name_part(ref.node_id)}"


def element_id(map_id: str, what: str, name: str | int = "") -> str:
    """The id of a non-node element of *map_id*'s diagram (``what`` is ascii, e.g. ``edge``)."""
    name = str(name)
    suffix = f"-{_name_part(name)}" if name else ""
    return f"{map_part(map_id)}---{what}{suffix}"
