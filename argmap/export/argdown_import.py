"""Read an Argdown document into an argmap map: ``argmap import argdown FILE``.

The file is the JSON that ``argdown json`` writes, or an Argdown document
(``.argdown``), which the Argdown CLI turns into that JSON first (where it
is installed: ``$ARGDOWN_CLI`` or ``argdown`` on PATH; :mod:`.argdown_cli`).
The JSON's shape is checked by :mod:`.argdown_read`, argmap's header read
by :mod:`.argdown_header`; the YAML is written by :mod:`.aif_write`, the
seed chosen by :mod:`.aif_seed`, as for AIF.

The mapping (docs/export.md has it with the reasons):

* every equivalence class (statement) is a node; an argument without a
  premise-conclusion structure is a node too (its description the text);
* a premise-conclusion structure becomes supports: each conclusion, main or
  intermediary, is supported by the premises since the previous conclusion
  together with that conclusion (or by the statements the inference's
  ``uses`` data names): one premise is a support, several a linked one;
* support and entailment are supports; attack, contrary and contradictory
  are attacks (contrary and contradictory are symmetric: an attack each
  way); an undercut of an inference undercuts that support;
* a relation from a reconstructed argument starts at its main conclusion;
  one to it lands on its last inference when it attacks or undercuts (an
  attack on an argument undercuts its last inference) and on its main
  conclusion when it supports;
* a statement's data written by argmap's own Argdown export (id, kind,
  speaker, force, quotes, stances, qualifications, schemes, links) and the
  map's header in the last heading's data restore the map as it was.

Every step is linear in the file; what cannot be placed is reported in
plain words and skipped; what is written passes ``argmap check``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import ArgmapError
from ..gcpause import gc_paused
from ..model import Force, Kind, Label, QualifyHow, Stance
from ..schemes import SCHEME_IDS, by_aif_name
from ..spec import MAX_TEXT
from .aif_ext import safe_id
from .aif_import import Names, fast_clean, slug
from .aif_read import shown
from .aif_seed import choose_seed
from .aif_write import Flow, dump
from .argdown import CONTEXT_TAG, QUALIFIES_TAG
from .argdown_cli import is_json, run_cli
from .argdown_header import is_date, is_one_of, prose, read_source, read_speakers, strings
from .argdown_read import ArgdownDocument, ArgumentInfo, parse_json, read_document
from .escape import clean, truncate
from .importing import ImportRequest, ImportResult

__all__ = ["convert_file", "convert", "announced"]

ARGDOWN_SUFFIXES = (".argdown", ".ad")
_KINDS = frozenset(k.value for k in Kind)
_FORCES = frozenset(f.value for f in Force)
_STANCES = frozenset(s.value for s in Stance)
_LABELS = frozenset(label.value for label in Label)
_HOWS = frozenset(h.value for h in QualifyHow)
_RESERVED_TAGS = _KINDS | _FORCES | {CONTEXT_TAG, QUALIFIES_TAG}
_MAX_TAGS = 50
UNATTRIBUTED = "unattributed"


@dataclass
class _Node:
    id: str
    text: str
    tags: list[str]
    data: dict
    relations: dict[str, list] = field(default_factory=dict)

    def add(self, key: str, value: object) -> None:
        self.relations.setdefault(key, []).append(value)


@dataclass
class _Inference:
    group: tuple[str, ...]    # node ids or map:node refs, in the file's order
    conclusion: str
    scheme: str | None = None
    drawn_by: str | None = None


class _Converter:
    def __init__(self, doc: ArgdownDocument, request: ImportRequest) -> None:
        self.doc = doc
        self.request = request
        self.map_id = request.map_id
        self.notes = doc.notes
        self.maps = request.maps
        self.references: set[str] = set()
        self.elsewhere = 0
        self.nodes: dict[str, _Node] = {}          # home nodes, in the file's order
        self.of_statement: dict[str, str] = {}     # class title -> node id or map:node
        self.of_argument: dict[str, str] = {}      # argument without a pcs -> node id
        self.by_data_id: dict[str, str] = {}       # the ids argmap's export wrote -> node id or map:node
        self.steps: dict[str, list[tuple[int, _Inference]]] = {}  # reconstructed argument -> (pcs index, inference)
        self.supports: dict[tuple[frozenset[str], str], _Inference] = {}
        self.attacks: dict[tuple[str, str], str | None] = {}
        self.undercuts: dict[tuple[str, frozenset[str], str], list] = {}

    # -- speakers ---------------------------------------------------------------------------
    def _speaker(self, wanted: object) -> str:
        """The speaker id for a node's ``by``: the header's, a new one for an id it lacks, else 'unattributed'."""
        if isinstance(wanted, str) and wanted in self.speakers:
            return wanted
        if safe_id(wanted):
            self.speakers[wanted] = {"name": wanted, "role": "", "via": None, "adopts": []}
            return wanted
        if UNATTRIBUTED not in self.speakers:
            self.speakers[UNATTRIBUTED] = {"name": "Unattributed", "role": "no speaker recorded in the Argdown file",
                                           "via": None, "adopts": []}
        return UNATTRIBUTED

    # -- nodes ------------------------------------------------------------------------------
    def _place(self) -> None:
        names = Names()
        for statement in self.doc.statements.values():
            data = statement.data
            data_id = data.get("id") if isinstance(data.get("id"), str) else None
            wanted = safe_id(data_id)
            if data_id and ":" in data_id and data.get("context") is True:
                other, _, node = data_id.partition(":")
                if safe_id(other) and safe_id(node) and other != self.map_id and self.maps is not None \
                        and node in self.maps.get(other, ()):
                    self.of_statement[statement.title] = self.by_data_id[data_id] = data_id
                    self.references.add(other)
                    continue
                self.notes.add(f"{shown(data_id)} is a node of a map the destination does not have; imported as "
                               f"a node of this map", "a context node became a node of this map")
                wanted = safe_id(node)
            base = wanted or slug(statement.text if re.fullmatch(r"Untitled \d+", statement.title)
                                  else statement.title)
            node_id = names.new(base, "statement")
            self.nodes[node_id] = _Node(node_id, statement.text or prose(statement.title) or node_id,
                                        statement.tags, data)
            self.of_statement[statement.title] = node_id
            if data_id:
                self.by_data_id.setdefault(data_id, node_id)
        for argument in self.doc.arguments.values():
            if any(step.conclusion for step in argument.pcs):
                continue
            node_id = names.new(slug(argument.title), "argument")
            self.nodes[node_id] = _Node(node_id, argument.text or prose(argument.title) or node_id,
                                        argument.tags, argument.data)
            self.of_argument[argument.title] = node_id

    # -- premise-conclusion structures ------------------------------------------------------
    def _reconstructions(self) -> None:
        for argument in self.doc.arguments.values():
            if argument.title in self.of_argument:
                continue
            ids = [self.of_statement[step.title] for step in argument.pcs]
            # Another map's inference, drawn to anchor an undercut: that map declares it, if the destination has it.
            theirs = argument.data.get("context") is True and ":" in ids[-1]
            steps = self.steps.setdefault(argument.title, [])
            previous: str | None = None
            pending: list[str] = []
            for i, step in enumerate(argument.pcs):
                if not step.conclusion:
                    pending.append(ids[i])
                    continue
                used = [ids[u - 1] for u in step.uses] if step.uses else ([previous] if previous else []) + pending
                group = tuple(p for p in dict.fromkeys(used) if p != ids[i])
                previous, pending = ids[i], []
                if not group:
                    self.notes.add(f"argument {shown(argument.title)}: a conclusion with no premise; no support made",
                                   "a conclusion with no premise")
                    continue
                scheme = self._scheme(step.data.get("scheme"), step.rules)
                steps.append((i, _Inference(group, ids[i]) if theirs else
                              self._support(group, ids[i], scheme, step.data.get("drawn_by"))))

    def _described(self) -> None:
        """A reconstructed argument's tags and description go to its main conclusion (tags, note)."""
        for title, steps in self.steps.items():
            node = self.nodes.get(steps[-1][1].conclusion) if steps else None
            if node is None:
                continue
            argument = self.doc.arguments[title]
            node.tags = node.tags + [t for t in argument.tags if t not in node.tags]
            if argument.data.get("context") is not True and argument.text and not argument.data.get("conclusion"):
                self.described.setdefault(node.id, []).append(f"{title}: {argument.text}")

    def _scheme(self, wanted: object, rules: list[str] = ()) -> str | None:
        if isinstance(wanted, str) and wanted in SCHEME_IDS:
            return wanted
        for rule in rules:   # an inference rule named like a scheme ("Expert Opinion")
            found = by_aif_name(rule[:200])
            if found is not None:
                return found.id
        return None

    def _support(self, group: tuple[str, ...], conclusion: str, scheme: str | None = None,
                 drawn_by: object = None) -> _Inference:
        key = (frozenset(group), conclusion)
        inference = self.supports.get(key)
        if inference is None:
            inference = self.supports[key] = _Inference(group, conclusion)
        inference.scheme = inference.scheme or scheme
        if is_one_of(drawn_by, self.speakers):
            inference.drawn_by = inference.drawn_by or drawn_by
        return inference

    # -- relations --------------------------------------------------------------------------
    def _end(self, title: str, kind: str) -> str | ArgumentInfo | None:
        """A relation's end: a node id (or map:node), a reconstructed argument, or None."""
        if kind == "statement":
            return self.of_statement.get(title)
        if title in self.of_argument:
            return self.of_argument[title]
        if self.steps.get(title):
            return self.doc.arguments[title]
        return None

    def _last(self, argument: ArgumentInfo, index: int | None = None) -> _Inference:
        steps = self.steps[argument.title]
        return next((inference for i, inference in steps if i == index), steps[-1][1])

    def _relations(self) -> None:
        for relation in self.doc.relations:
            source = self._end(relation.source, relation.source_type)
            target = self._end(relation.target, "argument" if relation.target_type == "inference"
                               else relation.target_type)
            if source is None or target is None:
                self.notes.add(f"a {relation.kind} relation from {shown(relation.source)} to {shown(relation.target)} "
                               f"names what the file does not define; skipped", "a relation names an unknown end")
                continue
            if isinstance(source, ArgumentInfo):  # a reconstructed argument acts through its main conclusion
                source = self._last(source).conclusion
            index = relation.conclusion_index if relation.target_type == "inference" else None
            if relation.kind in ("support", "entails"):
                conclusion = self._last(target, index).conclusion if isinstance(target, ArgumentInfo) else target
                if conclusion != source:
                    self._support((source,), conclusion)
            elif isinstance(target, ArgumentInfo):   # attack or undercut of an argument: its (last) inference
                inference = self._last(target, index)
                if source not in inference.group and source != inference.conclusion:
                    self.undercuts.setdefault((source, frozenset(inference.group), inference.conclusion),
                                              [inference.group[0], None])
            elif source != target:
                if relation.kind == "undercut":
                    self.notes.add(f"an undercut of {shown(relation.target)}, which has no inference: an attack",
                                   "an undercut of an argument without inference")
                self.attacks.setdefault((source, target), None)
                if relation.kind in ("contrary", "contradictory"):   # symmetric
                    self.attacks.setdefault((target, source), None)

    def _ref(self, value: object) -> str | None:
        """A node named in argmap's data: this file's node (by the id the export wrote), or another map's."""
        if not isinstance(value, str):
            return None
        if value in self.by_data_id:
            return self.by_data_id[value]
        other, _, node = value.partition(":")
        if node and self.maps is not None and node in self.maps.get(other, ()):
            self.references.add(other)
            return value
        return None

    def _data_relations(self, node: _Node) -> None:
        """What argmap's export kept in a statement's data: schemes, undercut premises, qualifications, links."""
        data = node.data
        for item in data.get("attacks", ()) if isinstance(data.get("attacks"), list) else ():
            target = self._ref(item.get("to")) if isinstance(item, dict) else None
            if target is not None and (node.id, target) in self.attacks:
                self.attacks[(node.id, target)] = self._scheme(item.get("scheme"))
        for item in data.get("undercuts", ()) if isinstance(data.get("undercuts"), list) else ():
            if not isinstance(item, dict):
                continue
            premise, conclusion = self._ref(item.get("from")), self._ref(item.get("to"))
            for group, record in self.undercut_by.get((node.id, conclusion), ()):
                if premise in group:
                    record[0], record[1] = premise, self._scheme(item.get("scheme"))
        for item in data.get("qualifies", ()) if isinstance(data.get("qualifies"), list) else ():
            target = self._ref(item.get("to") if isinstance(item, dict) else item)
            how = item.get("how") if isinstance(item, dict) else None
            if target is None or target == node.id:
                self.notes.add(f"{node.id}: a qualification of a node the file does not have; dropped",
                               "a qualification of an unknown node")
                continue
            node.add("qualifies", Flow(to=target, how=how) if is_one_of(how, _HOWS) else target)
        for key in ("same_as", "related_to"):
            for item in strings(data.get(key)):
                target = self._ref(item)
                if target is None or target == node.id:
                    self.notes.add(f"{node.id}: {key} names a node the destination does not have; dropped",
                                   f"a {key} link to an unknown node")
                elif (key, frozenset((node.id, target))) not in self._links:
                    self._links.add((key, frozenset((node.id, target))))
                    node.add(key, target)

    def _declare(self) -> None:
        """Every relation written on the node that makes it (a relation of another map's node is left to it)."""
        # A premise may declare one linked group for a conclusion and be in no other one for it
        # (the map format's rule: error[linked-mismatch]), so the declarer is a premise in one group only.
        shared: dict[tuple[str, str], int] = {}
        for inference in self.supports.values():
            if len(inference.group) > 1:
                for premise in inference.group:
                    shared[(premise, inference.conclusion)] = shared.get((premise, inference.conclusion), 0) + 1
        dropped: set[tuple[frozenset[str], str]] = set()
        for key, inference in self.supports.items():
            home = [p for p in inference.group if p in self.nodes]
            declarer = next((p for p in home if len(inference.group) == 1 or
                             shared[(p, inference.conclusion)] == 1), None)
            if declarer is None:
                if home:
                    self.notes.add(f"a linked argument for {inference.conclusion} whose premises are all in other "
                                   f"linked arguments for it: the map format holds one group per premise; dropped",
                                   "a linked argument that shares every premise")
                    dropped.add(key)
                    for premise in inference.group:   # what it shared is free for the groups after it
                        shared[(premise, inference.conclusion)] -= 1
                else:
                    self.elsewhere += 1
                continue
            others = [p for p in inference.group if p != declarer]
            if not others and inference.scheme is None and inference.drawn_by is None:
                self.nodes[declarer].add("supports", inference.conclusion)
                continue
            record = Flow(to=inference.conclusion)
            if others:
                record["with"] = others
            if inference.drawn_by:
                record["by"] = inference.drawn_by
            if inference.scheme:
                record["scheme"] = inference.scheme
            self.nodes[declarer].add("supports", record)
        for (source, target), scheme in self.attacks.items():
            if source not in self.nodes:
                self.elsewhere += 1
            else:
                self.nodes[source].add("attacks", Flow(to=target, scheme=scheme) if scheme else target)
        for (source, group, conclusion), (premise, scheme) in self.undercuts.items():
            if source not in self.nodes:
                self.elsewhere += 1
                continue
            if (group, conclusion) in dropped:   # its inference could not be written: nothing to undercut
                self.notes.add(f"an undercut of a dropped linked argument for {conclusion}; dropped")
                continue
            record = Flow({"from": premise, "to": conclusion})
            if scheme:
                record["scheme"] = scheme
            self.nodes[source].add("undercuts", record)

    # -- the map ----------------------------------------------------------------------------
    def convert(self) -> ImportResult:
        header = self.doc.header or {}
        self.speakers = read_speakers(self.doc.header, self.notes)
        self._place()
        if not self.nodes:
            raise ArgmapError("the Argdown file has no statements or arguments to import")
        self._reconstructions()
        self.described: dict[str, list[str]] = {}
        self._described()
        self._relations()
        self._links: set = set()
        self.undercut_by: dict[tuple[str, str], list] = {}   # (undercutter, conclusion) -> [(group, record)]
        for (source, group, conclusion), record in self.undercuts.items():
            self.undercut_by.setdefault((source, conclusion), []).append((group, record))
        for node in self.nodes.values():
            self._data_relations(node)
        self._declare()
        premises = {p for inference in self.supports.values() for p in inference.group}
        nodes = {node_id: self._node(node, premises) for node_id, node in self.nodes.items()}
        quotes = list(dict.fromkeys(q for n in nodes.values() for q in n["quote"]))
        source_raw = header.get("source") if isinstance(header.get("source"), dict) else {}
        wanted_seed = safe_id(source_raw.get("seed"))
        seed_name, seed_text, seed_new = choose_seed(quotes, "", wanted_seed, f"{self.map_id[:100]}.txt",
                                                     self.request.seeds_dir, self.notes)
        for node in nodes.values():
            if len(node["quote"]) == 1:
                node["quote"] = node["quote"][0]
        source = read_source(source_raw, seed_name, seed_text, self.speakers, self.request.genre, self.notes)
        speakers = {}
        for sid, fields in self.speakers.items():
            speaker = {"name": fields["name"]}
            for key in ("role", "via", "adopts"):
                if fields[key]:
                    speaker[key] = fields[key]
            speakers[sid] = speaker
        title = prose(header.get("title")) or self.doc.first_heading or \
            truncate("Imported from " + clean(self.request.source_name), MAX_TEXT)
        document = {"map": self.map_id, "title": title, "source": source, "speakers": speakers, "nodes": nodes}
        comments = ["yaml-language-server: $schema=../docs/argmap.schema.json",
                    f"Imported by 'argmap import argdown' from {truncate(clean(self.request.source_name), 200)}."]
        relations = sum(len(v) for n in self.nodes.values() for v in n.relations.values())
        return ImportResult(self.map_id, dump(document, comments), seed_name, seed_text, seed_new,
                            self.notes.summary(),
                            {"nodes": len(nodes), "relations": relations, "speakers": len(speakers),
                             "elsewhere": self.elsewhere}, self.references)

    def _node(self, node: _Node, premises: set[str]) -> dict:
        data = node.data
        rel = node.relations
        tags = [t for t in node.tags if t not in _RESERVED_TAGS]
        kind = data.get("kind") if is_one_of(data.get("kind"), _KINDS) else next((t for t in node.tags if t in _KINDS), None)
        if kind is None:
            kind = Kind.PREMISE.value if "supports" in rel or node.id in premises else \
                Kind.REBUTTAL.value if "attacks" in rel or "undercuts" in rel else Kind.CLAIM.value
        by = self._speaker(data.get("by"))
        out: dict = {"kind": kind, "by": by}
        via = data.get("via")
        if is_one_of(via, self.speakers) and via != by:
            out["via"] = via
        force = data.get("force") if is_one_of(data.get("force"), _FORCES) else next((t for t in node.tags if t in _FORCES),
                                                                             None)
        said_by = data.get("said_by") if is_one_of(data.get("said_by"), self.speakers) and data.get("said_by") != by else None
        if force == Force.ASCRIBED.value and said_by is None or force == Force.REPORTED.value and said_by is None \
                and out.get("via") is None and self.speakers[by]["via"] is None:
            self.notes.add(f"{node.id}: '{force}' without who says so; the force is dropped",
                           f"{force} without said_by")
            force = None
        # A force read from a tag is written only where it is not the kind's default (the export tags
        # every concession #conceded); one in argmap's data is written as it was.
        default = Force.CONCEDED.value if kind == Kind.CONCESSION.value else Force.ASSERTED.value
        if force is not None and ("force" in data or force != default):
            out["force"] = force
        if said_by is not None and force in (Force.ASCRIBED.value, Force.REPORTED.value):
            out["said_by"] = said_by
        out["text"] = node.text
        quotes = [fast_clean(q[:4 * MAX_TEXT])[:MAX_TEXT].rstrip() for q in strings(data.get("quote"))]
        quotes = [q for q in quotes if q]
        out["quote"] = list(dict.fromkeys(quotes)) or [node.text]
        tags += strings(data.get("tags"))
        tags = [t if safe_id(t) else slug(t) for t in tags]
        if tags := list(dict.fromkeys(t for t in tags if t))[:_MAX_TAGS]:
            out["tags"] = tags
        if stance := self._stances(node):
            out["stance"] = stance
        for key in ("supports", "attacks", "undercuts", "qualifies", "same_as", "related_to"):
            if key in rel:
                out[key] = rel[key]
        if is_one_of(data.get("expect"), _LABELS):
            out["expect"] = data["expect"]
        notes = ([data["note"]] if isinstance(data.get("note"), str) else []) + self.described.get(node.id, [])
        if note := prose(" ".join(notes)):
            out["note"] = note
        return out

    def _stances(self, node: _Node) -> Flow:
        raw = node.data.get("stance")
        stances = Flow()
        if not isinstance(raw, dict):
            return stances
        topics = self.request.topics or ()
        for topic, value in raw.items():
            if topic not in topics:
                self.notes.add(f"{node.id}: a stance on {shown(topic)}, which the destination's topics.yaml does not "
                               f"define; dropped", "a stance on an unknown topic")
                continue
            if isinstance(value, str) and value in _STANCES:
                stances[topic] = value
            elif isinstance(value, dict) and is_one_of(value.get("is"), _STANCES):
                record = Flow({"is": value["is"]})
                for key in ("if", "only"):
                    if text := prose(value.get(key)):
                        record[key] = text
                if is_date(value.get("as_of")):
                    record["as_of"] = value["as_of"]
                stances[topic] = record if len(record) > 1 else value["is"]
        return stances


def announced(data: bytes) -> tuple[str, frozenset[str]] | None:
    """The map an Argdown file of argmap's own makes (its header's map id, its statements' ids), for a batch.

    Other files are recognised without reading them (no header marker); an
    Argdown document of argmap's own goes through the Argdown CLI for it.
    """
    if b"argmap-argdown" not in data:
        return None
    try:
        document = read_document(parse_json(data if is_json(data) else run_cli(data)))
    except ArgmapError:
        return None
    map_id = document.header.get("map") if document.header else None
    if not safe_id(map_id):
        return None
    own = {s.data["id"] for s in document.statements.values()
           if safe_id(s.data.get("id")) and s.data.get("context") is not True}
    return map_id, frozenset(own)


def convert(document: dict, request: ImportRequest) -> ImportResult:
    """Convert the parsed JSON of ``argdown json`` (see :func:`.argdown_read.parse_json`) into a map."""
    with gc_paused():  # many small objects, none cyclic garbage: collections would only slow it
        return _Converter(read_document(document), request).convert()


def convert_file(data: bytes, request: ImportRequest) -> ImportResult:
    """The converter ``argmap import argdown`` runs (the contract: :mod:`argmap.commands.import_`)."""
    suffix = request.path.suffix.lower() if request.path is not None else ""
    if suffix != ".json" and (suffix in ARGDOWN_SUFFIXES or not is_json(data)):
        data = run_cli(data)   # an Argdown document (standard input: one that does not start with '{')
    return convert(parse_json(data), request)

