"""The words argmap and AIF share: illocutions, argument schemes, S-node types and their ids.

One table for both directions, so that what :mod:`.aif` writes is what the
importer reads back.  Every name and ``schemeID`` here is taken from real
files or code (cited per entry group below); a name whose AIFdb id no public
file we could read shows has ``scheme_id=None``, and the writer then fills
``schemefulfillments`` with the default scheme of the node's type
(:func:`scheme_id_for`), keeping the exact name in the node's text.

Sources (read December 2026):

* OVA3 (github.com/arg-tech/OVA3, CC-BY-SA), ``res/js/ova-ctrl.js``
  ``saveNodeEdit`` and ``res/js/ova-init.js``: the defaults a new S-node
  gets: Default Inference 72 (RA), Default Conflict 71 (CA), Default
  Rephrase 144 (MA), Default Illocuting 168 (YA), Asserting 74 (YA),
  Default Preference 161 (PA); schemes come from AIFdb's ``/schemes/all/``
  by ``schemeTypeID`` (1, 2, 3, 9 inference; 4, 5 conflict; 7, 12
  illocution; 11 rephrase; 6 preference; 8 transition).
* AIFdb exports of QT30 and US2016 node sets (``"scheme"``/``"schemeID"``
  on each S-node): Asserting 74, Analysing 75, Disagreeing 78, Arguing 80,
  Default Transition 82, Pure Questioning 91 (scheme name
  ``PureQuestioning``), Restating 101, Default Rephrase 144, Default
  Illocuting 168, Default Conflict 71, Default Inference 72.
* An OVA3 save with schemes (arg-tech's xAIF documentation, "An example
  with OVA, PropositionClassifier and Skeptic"): Analogy 1, Correlation To
  Cause 7, Expert Opinion 15, Sign 30, Verbal Classification 31,
  Consequences 237.

AIFdb names some schemes in CamelCase (``PureQuestioning``) where OVA shows
them spaced (``Pure Questioning``: OVA inserts the spaces); :func:`name_key`
compares names either way, and ``Argument from …`` prefixes are ignored.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Force, RelKind
from ..schemes import SCHEMES, Scheme

__all__ = [
    "ASSERTING",
    "DEFAULT_CONFLICT",
    "DEFAULT_ILLOCUTING",
    "DEFAULT_INFERENCE",
    "DEFAULT_OF_TYPE",
    "DEFAULT_PREFERENCE",
    "DEFAULT_REPHRASE",
    "DEFAULT_TRANSITION",
    "FORCE_ILLOCUTION",
    "ILLOCUTIONS",
    "ILLOCUTION_FORCE",
    "RELATION_SNODE",
    "SCHEME_IDS",
    "S_NODE_TYPES",
    "AifScheme",
    "aif_scheme_name",
    "argmap_scheme",
    "force_of_illocution",
    "illocution",
    "illocution_of_force",
    "name_key",
    "scheme_id_for",
]

S_NODE_TYPES = frozenset({"RA", "CA", "MA", "YA", "TA", "PA"})


class AifScheme(NamedTuple):
    """A scheme as AIF files carry it: the S-node's text, its ``schemeID`` (None: unknown) and node type."""

    name: str
    scheme_id: str | None
    type: str


DEFAULT_INFERENCE = AifScheme("Default Inference", "72", "RA")
DEFAULT_CONFLICT = AifScheme("Default Conflict", "71", "CA")
DEFAULT_REPHRASE = AifScheme("Default Rephrase", "144", "MA")
DEFAULT_ILLOCUTING = AifScheme("Default Illocuting", "168", "YA")
DEFAULT_TRANSITION = AifScheme("Default Transition", "82", "TA")
DEFAULT_PREFERENCE = AifScheme("Default Preference", "161", "PA")
ASSERTING = AifScheme("Asserting", "74", "YA")

# The scheme a node of each type gets when nothing more specific is known (OVA3's defaults).
DEFAULT_OF_TYPE: dict[str, AifScheme] = {s.type: s for s in (
    DEFAULT_INFERENCE, DEFAULT_CONFLICT, DEFAULT_REPHRASE, DEFAULT_ILLOCUTING, DEFAULT_TRANSITION,
    DEFAULT_PREFERENCE)}

# IAT's illocutionary connections (YA nodes) as OVA shows them and AIFdb stores them.
ILLOCUTIONS: tuple[AifScheme, ...] = (
    ASSERTING,
    AifScheme("Analysing", "75", "YA"),
    AifScheme("Disagreeing", "78", "YA"),
    AifScheme("Arguing", "80", "YA"),
    AifScheme("Pure Questioning", "91", "YA"),
    AifScheme("Restating", "101", "YA"),
    DEFAULT_ILLOCUTING,
    AifScheme("Agreeing", None, "YA"),
    AifScheme("Assertive Questioning", None, "YA"),
    AifScheme("Rhetorical Questioning", None, "YA"),
    AifScheme("Conceding", None, "YA"),
    AifScheme("Challenging", None, "YA"),
    AifScheme("Pure Challenging", None, "YA"),
    AifScheme("Assertive Challenging", None, "YA"),
    AifScheme("Rhetorical Challenging", None, "YA"),
)

# argmap's force -> the YA node's name (docs/format.md, "Force").  Reported and ascribed
# nodes are asserted *by someone* as the holder's; who says so is in argmap's block.
FORCE_ILLOCUTION: dict[Force, str] = {
    Force.ASSERTED: "Asserting",
    Force.CONCEDED: "Conceding",
    Force.RHETORICAL_QUESTION: "Rhetorical Questioning",
    Force.REPORTED: "Asserting",
    Force.ASCRIBED: "Asserting",
    Force.HEDGED: "Assertive Questioning",
}

# A YA node's name -> the force it gives an I-node it anchors (what the importer reads
# without argmap's block).  Illocutions anchored on RA/CA/MA (Arguing, Disagreeing,
# Restating, Agreeing) give no force; Pure Questioning puts nothing forward.
ILLOCUTION_FORCE: dict[str, Force] = {
    "Asserting": Force.ASSERTED,
    "Conceding": Force.CONCEDED,
    "Rhetorical Questioning": Force.RHETORICAL_QUESTION,
    "Assertive Questioning": Force.HEDGED,
}

# Named argument schemes whose AIFdb id a real file shows (argmap's AIF name -> schemeID).
SCHEME_IDS: dict[str, str] = {
    "Default Inference": "72",
    "Default Conflict": "71",
    "Analogy": "1",
    "Correlation To Cause": "7",
    "Expert Opinion": "15",
    "Sign": "30",
    "Verbal Classification": "31",
    "Consequences": "237",
}

# What each relation kind becomes: the S-node type and its default scheme (None: no S-node;
# qualifies lives only in argmap's block, since AIF has no relation that limits without attacking).
RELATION_SNODE: dict[RelKind, AifScheme | None] = {
    RelKind.SUPPORTS: DEFAULT_INFERENCE,
    RelKind.ATTACKS: DEFAULT_CONFLICT,
    RelKind.UNDERCUTS: DEFAULT_CONFLICT,
    RelKind.SAME_AS: DEFAULT_REPHRASE,
    RelKind.RELATED_TO: DEFAULT_REPHRASE,
    RelKind.QUALIFIES: None,
}

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_PREFIXES = ("argumentfromthe", "argumentfrom", "argfrom")


def name_key(name: str) -> str:
    """*name* compared loosely: case, spaces and punctuation ignored, ``Argument from`` dropped."""
    key = _NOT_ALNUM.sub("", name.casefold())
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix):]
    return key


_ILLOCUTION_BY_KEY = {name_key(s.name): s for s in ILLOCUTIONS}
_FORCE_BY_KEY = {name_key(name): force for name, force in ILLOCUTION_FORCE.items()}
_SCHEME_BY_KEY = {name_key(s.aif): s for s in SCHEMES}
_ID_BY_KEY = {name_key(name): scheme_id for name, scheme_id in SCHEME_IDS.items()}
_ID_BY_KEY.update({name_key(s.name): s.scheme_id for s in ILLOCUTIONS if s.scheme_id})
_ID_BY_KEY.update({name_key(s.name): s.scheme_id for s in DEFAULT_OF_TYPE.values() if s.scheme_id})


def illocution(name: str) -> AifScheme | None:
    """The illocution a YA node's text or scheme name stands for (``PureQuestioning`` too)."""
    return _ILLOCUTION_BY_KEY.get(name_key(name))


def illocution_of_force(force: Force) -> AifScheme:
    """The YA node for *force*: its name and AIFdb id (None when unknown)."""
    found = illocution(FORCE_ILLOCUTION[force])
    assert found is not None  # every FORCE_ILLOCUTION name is in ILLOCUTIONS
    return found


def force_of_illocution(name: str) -> Force | None:
    """The force a YA node named *name* gives the I-node it anchors; None when it gives none."""
    return _FORCE_BY_KEY.get(name_key(name))


def scheme_id_for(name: str, node_type: str) -> str:
    """The ``schemeID`` to write for an S-node of *node_type* named *name*.

    The id real files give that name, else the default scheme of the type
    (Default Inference for an RA, …), so that AIFdb and OVA always store a
    scheme of the right type.
    """
    found = _ID_BY_KEY.get(name_key(name))
    if found is not None:
        return found
    default = DEFAULT_OF_TYPE.get(node_type)
    return default.scheme_id if default and default.scheme_id else DEFAULT_INFERENCE.scheme_id  # type: ignore[return-value]


def argmap_scheme(name: str) -> Scheme | None:
    """argmap's catalogue entry for an AIF scheme name (``Expert Opinion``, ``ExpertOpinion``,
    ``Argument From Expert Opinion``), or None."""
    return _SCHEME_BY_KEY.get(name_key(name))


def aif_scheme_name(scheme_id: str | None, kind: RelKind) -> str:
    """The S-node text for a relation of *kind* with argmap scheme *scheme_id* (None: the default)."""
    if scheme_id is not None:
        for scheme in SCHEMES:
            if scheme.id == scheme_id:
                return scheme.aif
    default = RELATION_SNODE.get(kind)
    return default.name if default else DEFAULT_INFERENCE.name
