"""What an AIF S-node says to argmap: the scheme of an RA or CA, the force of a YA.

Real files name an S-node's scheme in several places, and the importer
reads them in this order: the node's own ``scheme`` (AIFdb exports,
AraucariaDB: ``"CauseToEffect"``), its text (OVA: ``"Argument From Expert
Opinion"``, or argmap's own export: ``"Expert Opinion"``), then its
``schemeID`` or ``schemefulfillments`` entry, by the ids
:mod:`.aif_vocab` knows.  The first that names something is the answer:
a default (Default Inference, Default Conflict, Default Rephrase, or a
node text that only repeats its type, ``"RA"``) means no scheme; a name
in argmap's catalogue (:mod:`argmap.schemes`) its id; any other name is
kept for a note (argmap's check accepts only the catalogue).
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Force
from .aif_read import AifNode
from .aif_vocab import (DEFAULT_OF_TYPE, ILLOCUTIONS, SCHEME_IDS, argmap_scheme, force_of_illocution, illocution,
                        name_key)

__all__ = ["SchemeReading", "scheme_of", "force_of"]

# schemeID -> the name real files give it (the reverse of aif_vocab's tables).
_NAME_BY_ID: dict[str, str] = {scheme_id: name for name, scheme_id in SCHEME_IDS.items()}
_NAME_BY_ID.update({s.scheme_id: s.name for s in (*ILLOCUTIONS, *DEFAULT_OF_TYPE.values()) if s.scheme_id})
_DEFAULTS = frozenset(name_key(s.name) for s in DEFAULT_OF_TYPE.values())
_PLACEHOLDERS = frozenset({"", "ra", "ca", "ma", "ya", "ta", "pa", "i", "l", "s"})


class SchemeReading(NamedTuple):
    """An S-node's scheme: argmap's id (None: none or unknown), and an unknown name to note."""

    scheme: str | None
    unknown: str | None


_NONE = SchemeReading(None, None)


def _names(node: AifNode):
    """The names the node gives its scheme, most specific first."""
    yield node.scheme
    yield node.text
    if node.scheme_id:
        yield _NAME_BY_ID.get(node.scheme_id, "")


def scheme_of(node: AifNode) -> SchemeReading:
    """The scheme of an RA, CA or MA node."""
    for name in _names(node):
        key = name_key(name) if name else ""
        if key in _PLACEHOLDERS:
            continue
        if key in _DEFAULTS:
            return _NONE
        found = argmap_scheme(name)
        if found is not None:
            return SchemeReading(found.id, None)
        if illocution(name) is not None:  # an illocution on an RA: says nothing of the inference
            return _NONE
        return SchemeReading(None, " ".join(name.split())[:100])
    return _NONE


def force_of(node: AifNode) -> Force | None:
    """The force a YA node gives the I-node it anchors (None: none it names, e.g. AraucariaDB's ``YA_…``)."""
    for name in _names(node):
        if name and (found := force_of_illocution(name)) is not None:
            return found
    return None
