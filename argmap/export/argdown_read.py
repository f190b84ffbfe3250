"""Read the JSON that ``argdown json`` writes into checked, typed data: its shape is validated here, once.

The Argdown CLI's JSON export holds ``statements`` (equivalence classes,
keyed by title, each with ``members``: the statements that share the
title), ``arguments`` (keyed by title, with ``members`` for their
descriptions and ``pcs``, the premise-conclusion structure), the top-level
``relations`` and ``sections`` (headings, with their data).  A file may
come from anybody, so every value used is checked for its type where it is
read: what cannot be Argdown's JSON at all (not JSON, not an object, no
``statements`` object, over the size cap) is refused with an
:class:`~argmap.errors.ArgmapError`; a bad element is skipped with a note
(capped per kind, so a million bad members make twenty lines and a count).
Every step is linear in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ArgmapError
from ..spec import MAX_TEXT
from .aif_ext import FieldReader as _FieldReader
from .aif_read import Notes, json_type, shown
from .jsonfile import MAX_BYTES
from .jsonfile import parse_json as parse_file
from .escape import clean, truncate

__all__ = ["MAX_BYTES", "Statement", "Step", "ArgumentInfo", "RelationInfo", "ArgdownDocument", "parse_json",
           "read_document", "HEADER_FORMAT"]

HEADER_FORMAT = "argmap-argdown"  # the format of argmap's own heading data (argmap.export.argdown)
_RELATION_TYPES = frozenset({"support", "entails", "attack", "contrary", "contradictory", "undercut"})
_END_TYPES = {"equivalence-class": "statement", "statement": "statement", "argument": "argument",
              "inference": "inference"}


@dataclass(slots=True)
class Statement:
    """An equivalence class: the statements sharing one title."""

    title: str
    text: str                  # the first member's text that is not empty, cleaned ('' when none)
    tags: list[str]
    data: dict                 # the class's data (its members' data merged by Argdown), unchecked values
    line: int                  # where it is defined (for the map's order)


@dataclass(slots=True)
class Step:
    """One statement of a premise-conclusion structure."""

    title: str                 # the equivalence class it belongs to
    conclusion: bool           # a conclusion (main or intermediary): it has an inference
    uses: list[int] | None = None   # the inference's data 'uses': the numbers of the statements it uses
    rules: list[str] = field(default_factory=list)  # the inference rules' names
    data: dict = field(default_factory=dict)        # the inference's data


@dataclass(slots=True)
class ArgumentInfo:
    title: str
    text: str                  # the first description that is not empty, cleaned
    tags: list[str]
    data: dict
    pcs: list[Step]
    line: int


@dataclass(slots=True)
class RelationInfo:
    kind: str                  # support, entails, attack, contrary, contradictory, undercut
    source: str
    source_type: str           # statement or argument
    target: str
    target_type: str           # statement, argument or inference
    conclusion_index: int | None = None  # an inference: the index of its conclusion in the pcs


@dataclass
class ArgdownDocument:
    statements: dict[str, Statement] = field(default_factory=dict)   # in the order they are defined
    arguments: dict[str, ArgumentInfo] = field(default_factory=dict)
    relations: list[RelationInfo] = field(default_factory=list)
    header: dict | None = None   # argmap's heading data ({"format": "argmap-argdown", ...}), unchecked
    first_heading: str = ""
    notes: Notes = field(default_factory=Notes)


def parse_json(data: bytes | str) -> dict:
    """The JSON object of an ``argdown json`` file (errors name the problem, never a traceback)."""
    document = parse_file(data, "Argdown JSON")
    if not isinstance(document, dict) or not isinstance(document.get("statements"), dict):
        found = json_type(document) if not isinstance(document, dict) else "an object without a 'statements' object"
        raise ArgmapError(f"the file is {found}, not the JSON that 'argdown json' writes "
                          f"(an object with 'statements', 'arguments' and 'relations')")
    return document


class _Reader(_FieldReader):
    """The AIF block's field reader (notes capped per kind), with what Argdown's JSON adds."""

    def tags(self, container: dict, where: str) -> list[str]:
        return [t for t in self.items(container, "tags", where) if isinstance(t, str) and t]

    def line(self, members: list) -> int:
        """Where a class or argument is defined: its first defining member's line (else last)."""
        lines = [m.get("startLine") for m in members if isinstance(m, dict)
                 and (m.get("isTopLevel") or m.get("text")) and type(m.get("startLine")) is int]
        return min(lines) if lines else 1 << 62


def _first_text(members: list) -> str:
    for member in members:
        if isinstance(member, dict) and isinstance(member.get("text"), str):
            text = clean(member["text"][:4 * MAX_TEXT])
            if text:
                return truncate(text, MAX_TEXT)
    return ""


def _data(read: _Reader, holder: dict, members: list, where: str) -> dict:
    """The data of a class or argument: its own, else its members' (Argdown merges them)."""
    data = read.obj(holder, "data", where)
    if data:
        return data
    merged: dict = {}
    for member in members:
        if isinstance(member, dict) and isinstance(member.get("data"), dict):
            for key, value in member["data"].items():
                merged.setdefault(key, value)
    return merged


def read_document(document: dict) -> ArgdownDocument:
    """The checked content of a parsed ``argdown json`` *document* (see :func:`parse_json`)."""
    out = ArgdownDocument()
    read = _Reader(out.notes)
    statements = []
    for title, raw in document["statements"].items():
        where = f"statements[{shown(title)}]"
        if not isinstance(raw, dict) or not title or len(title) > MAX_TEXT:
            read.bad(where, "an object with a title", raw)
            continue
        members = read.items(raw, "members", where)
        statements.append(Statement(title, _first_text(members), read.tags(raw, where),
                                    _data(read, raw, members, where), read.line(members)))
    statements.sort(key=lambda s: s.line)  # stable: the file's order where lines are unknown
    out.statements = {s.title: s for s in statements}
    for title, raw in read.obj(document, "arguments", "").items():
        where = f"arguments[{shown(title)}]"
        if not isinstance(raw, dict) or not title or len(title) > MAX_TEXT:
            read.bad(where, "an object with a title", raw)
            continue
        members = read.items(raw, "members", where)
        pcs = _pcs(read, read.items(raw, "pcs", where), where, out.statements)
        out.arguments[title] = ArgumentInfo(title, _first_text(members), read.tags(raw, where),
                                            _data(read, raw, members, where), pcs, read.line(members))
    for i, raw in enumerate(read.items(document, "relations", "")):
        relation = _relation(read, raw, f"relations[{i}]")
        if relation is not None:
            out.relations.append(relation)
    for i, raw in enumerate(read.items(document, "sections", "")):
        if not isinstance(raw, dict):
            read.bad(f"sections[{i}]", "an object", raw)
            continue
        if i == 0:
            out.first_heading = clean(read.text(raw, "title", f"sections[{i}]") or "")[:MAX_TEXT]
        data = read.obj(raw, "data", f"sections[{i}]")
        header = data.get("argmap")
        if isinstance(header, dict) and header.get("format") == HEADER_FORMAT:
            out.header = header
    return out


def _pcs(read: _Reader, raw: list, where: str, statements: dict[str, Statement]) -> list[Step]:
    """The premise-conclusion structure; empty (with a note) if a statement in it is not in ``statements``."""
    steps = []
    for i, member in enumerate(raw):
        here = f"{where}.pcs[{i}]"
        title = member.get("title") if isinstance(member, dict) else None
        if not isinstance(title, str) or title not in statements:
            read.bad(here, "a statement of the file", member)
            return []
        inference = member.get("inference")
        if inference is None:
            steps.append(Step(title, False))
            continue
        if not isinstance(inference, dict):
            read.bad(f"{here}.inference", "an object", inference)
            return []
        data = read.obj(inference, "data", f"{here}.inference")
        uses = data.get("uses")
        if uses is not None and not (isinstance(uses, list) and uses and len(uses) <= len(raw) and
                                     all(type(u) is int and 1 <= u <= i for u in uses)):
            read.bad(f"{here}.inference.data.uses", "the numbers of earlier statements", uses)
            uses = None
        rules = [r for r in read.items(inference, "inferenceRules", f"{here}.inference") if isinstance(r, str)]
        steps.append(Step(title, True, uses, rules, data))
    return steps


def _relation(read: _Reader, raw: object, where: str) -> RelationInfo | None:
    if not isinstance(raw, dict):
        read.bad(where, "an object", raw)
        return None
    kind, source, target = raw.get("relationType"), raw.get("from"), raw.get("to")
    source_type, target_type = _END_TYPES.get(raw.get("fromType")), _END_TYPES.get(raw.get("toType"))
    if kind not in _RELATION_TYPES:
        read.bad(f"{where}.relationType", "one of " + ", ".join(sorted(_RELATION_TYPES)), kind)
        return None
    if not (isinstance(source, str) and isinstance(target, str) and source_type in ("statement", "argument")
            and target_type is not None):
        read.bad(where, "a relation with 'from', 'to', 'fromType' and 'toType'", raw)
        return None
    index = raw.get("conclusionIndex")
    return RelationInfo(kind, source, source_type, target, target_type, index if type(index) is int else None)
