"""The one definition of the file format's structure.

Both the checker (:mod:`argmap.structure`) and the JSON Schema that editors
use (``docs/argmap.schema.json``, made by :func:`json_schema`) are derived
from the declarations below, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Force, Genre, Kind, Label, QualifyHow, Stance
from .schemes import SCHEME_IDS

__all__ = ["Spec", "Text", "Choice", "OneOrMany", "Record", "Table", "AnyOf",
           "Field", "MAP_FILE", "TOPICS_FILE", "json_schema", "ID_CHARS", "ID_RULE", "ID_PATTERN", "REF_PATTERN"]

# An id: ASCII letters (either case), digits, '-', '_' and '.', starting with
# a letter or digit.  docs/format.md says the same (tests/test_schema.py checks).
ID_CHARS = r"[A-Za-z0-9][A-Za-z0-9_.-]*"
ID_RULE = "ids use letters, digits, '-', '_' and '.', and start with a letter or digit"
ID_PATTERN = rf"^{ID_CHARS}$"
REF_PATTERN = rf"^({ID_CHARS}:)?{ID_CHARS}$"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_TEXT = 20_000  # characters in any one value


class Spec:
    """A shape a YAML value may take."""

    description: str = ""


@dataclass(frozen=True)
class Text(Spec):
    """A scalar read as text (YAML's ``2021-02-10`` or ``2018`` included)."""

    pattern: str | None = None
    what: str = "text"  # how messages name it: "an id", "a date"
    description: str = ""


@dataclass(frozen=True)
class Choice(Spec):
    """A scalar that must be one of a few words."""

    values: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class OneOrMany(Spec):
    """One item, or a list of items: ``quote: x`` or ``quote: [x, y]``."""

    item: Spec
    description: str = ""


@dataclass(frozen=True)
class Field:
    """A key of a :class:`Record`."""

    name: str
    spec: Spec
    required: bool = False
    description: str = ""


@dataclass(frozen=True)
class Record(Spec):
    """A mapping with a fixed set of keys."""

    fields: tuple[Field, ...]
    title: str = ""
    description: str = ""
    by_name: dict[str, Field] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})


@dataclass(frozen=True)
class Table(Spec):
    """A mapping from ids the user chooses to values of one shape."""

    value: Spec
    key_pattern: str = ID_PATTERN
    what: str = "id"
    description: str = ""


@dataclass(frozen=True)
class AnyOf(Spec):
    """A scalar, or a record: ``supports: c1`` or ``supports: {to: c1, with: [p2]}``."""

    text: Text | Choice
    record: Record
    description: str = ""


def _choice(enum_type, description: str) -> Choice:
    return Choice(tuple(e.value for e in enum_type), description)


ID = Text(ID_PATTERN, "an id")
REF = Text(REF_PATTERN, "a node reference (id or map:id)")
PROSE = Text()
DATE = Text(DATE_PATTERN, "a date (YYYY, YYYY-MM or YYYY-MM-DD)")

PART = Record((
    Field("genre", Choice(tuple(g.value for g in Genre)), True, "The kind of text this part is."),
    Field("starts", PROSE, True, "Verbatim text of the seed where this part begins."),
    Field("title", PROSE), Field("outlet", PROSE), Field("author", PROSE), Field("date", DATE),
    Field("speaker", ID, description="The speaker whose voice this part is."),
    Field("adopts", OneOrMany(ID), description="Parts whose text this part's speaker adopts as their own."),
), title="part")

SOURCE = Record((
    Field("seed", Text(r"^[^/\\]+$", "a file name in seeds/"), True, "File name of the text in seeds/."),
    Field("genre", Choice(tuple(g.value for g in Genre if g is not Genre.PAGE_FURNITURE)), True),
    Field("original", PROSE, description="The name the seed was received under."),
    Field("outlet", PROSE), Field("author", PROSE), Field("date", DATE), Field("url", PROSE),
    Field("parts", Table(PART, description="Stretches of the seed with their own genre and author.")),
), title="source")

SPEAKER = Record((
    Field("name", PROSE, True),
    Field("role", PROSE),
    Field("via", ID, description="The speaker of this map who reports this speaker's words."),
    Field("adopts", OneOrMany(ID), description="Speakers of this map whose words this speaker adopts as "
                                               "their own."),
), title="speaker")

SCHEME = Choice(SCHEME_IDS, "An argument scheme of the catalogue (docs/format.md, argmap/schemes.py).")

LINKED_SUPPORT = Record((
    Field("to", REF, True, "The conclusion."),
    Field("with", OneOrMany(REF), description="The co-premises that support it together with this node "
                                              "(a linked support)."),
    Field("by", ID, description="The speaker who draws this inference, when not the premise's holder."),
    Field("scheme", SCHEME, description="The argument scheme of this inference."),
), title="support")

ATTACK = Record((
    Field("to", REF, True, "The attacked node."),
    Field("scheme", SCHEME, description="The argument scheme of this conflict."),
), title="attack")

UNDERCUT = Record((
    Field("from", REF, True, "The premise of the attacked inference."),
    Field("to", REF, True, "The conclusion of the attacked inference."),
    Field("scheme", SCHEME, description="The argument scheme of this conflict."),
), title="undercut")

QUALIFY = Record((
    Field("to", REF, True, "The qualified node."),
    Field("how", _choice(QualifyHow, ""), description="limits (the default), not-enough or concedes."),
), title="qualification")

STANCE = _choice(Stance, "")
STANCE_DETAIL = Record((
    Field("is", STANCE, True, "for, against, mixed or neutral."),
    Field("if", PROSE, description="The condition under which the position is held."),
    Field("only", PROSE, description="The part of the topic the position covers."),
    Field("as_of", DATE, description="When the position was held, if not the article's date."),
), title="stance")

NODE = Record((
    Field("kind", _choice(Kind, ""), True, "claim, premise, rebuttal or concession."),
    Field("by", ID, True, "The speaker who holds this node."),
    Field("via", ID, description="The speaker through whom this node's words reach the article, "
                                 "when not the holder's usual route (their 'via')."),
    Field("text", PROSE, True, "A short, neutral paraphrase."),
    Field("quote", OneOrMany(PROSE), True, "Verbatim passage(s) of the seed."),
    Field("tags", OneOrMany(ID)),
    Field("force", _choice(Force, ""), description="How the node is put forward (default: asserted; "
                                                   "conceded for a concession)."),
    Field("said_by", ID, description="ascribed or reported: the speaker who says the holder holds it."),
    Field("stance", Table(AnyOf(STANCE, STANCE_DETAIL), what="topic id"), description="Position on topics."),
    Field("supports", OneOrMany(AnyOf(REF, LINKED_SUPPORT))),
    Field("attacks", OneOrMany(AnyOf(REF, ATTACK))),
    Field("undercuts", OneOrMany(UNDERCUT)),
    Field("qualifies", OneOrMany(AnyOf(REF, QUALIFY)),
          description="Nodes this one limits, finds not enough, or concedes, without disputing them."),
    Field("same_as", OneOrMany(REF), description="Nodes stating the same proposition."),
    Field("related_to", OneOrMany(REF), description="Nodes stating a related, not identical, proposition."),
    Field("expect", _choice(Label, ""), description="The acceptability label the curator expects."),
    Field("note", PROSE, description="A curator's remark."),
), title="node")

MAP_FILE = Record((
    Field("map", ID, True, "The map's id."),
    Field("title", PROSE, True),
    Field("source", SOURCE, True),
    Field("speakers", Table(SPEAKER, what="speaker id"), True),
    Field("nodes", Table(NODE, what="node id"), True),
), title="argmap map file")

TOPIC = Record((
    Field("question", PROSE, True),
    Field("description", PROSE),
), title="topic")

TOPICS_FILE = Record((
    Field("topics", Table(TOPIC, what="topic id"), True),
), title="argmap topics file")


def _schema(spec: Spec) -> dict:
    if isinstance(spec, Text):
        out: dict = {"type": ["string", "number"], "maxLength": MAX_TEXT}
        if spec.pattern:
            out = {"type": "string", "pattern": spec.pattern}
            if spec is DATE:
                out = {"type": ["string", "integer"], "pattern": spec.pattern}
        return out
    if isinstance(spec, Choice):
        return {"enum": list(spec.values)}
    if isinstance(spec, OneOrMany):
        item = _schema(spec.item)
        return {"anyOf": [item, {"type": "array", "items": item, "minItems": 1}]}
    if isinstance(spec, AnyOf):
        return {"anyOf": [_schema(spec.text), _schema(spec.record)]}
    if isinstance(spec, Table):
        return {"type": "object", "propertyNames": {"pattern": spec.key_pattern},
                "additionalProperties": _schema(spec.value)}
    if isinstance(spec, Record):
        props = {}
        for f in spec.fields:
            prop = _schema(f.spec)
            if f.description:
                prop["description"] = f.description
            props[f.name] = prop
        out = {"type": "object", "properties": props, "additionalProperties": False}
        required = [f.name for f in spec.fields if f.required]
        if required:
            out["required"] = required
        return out
    raise TypeError(spec)


def json_schema() -> dict:
    """The JSON Schema of map and topics files (draft 2020-12)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://argmap.invalid/schema/v1/argmap.schema.json",
        "title": "argmap map or topics file",
        "description": "Generated from argmap/spec.py by `argmap schema`; do not edit by hand.",
        "anyOf": [_schema(MAP_FILE), _schema(TOPICS_FILE)],
    }


def json_schema_text() -> str:
    import json  # only the schema command needs it

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
