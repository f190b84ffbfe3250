"""Write a map as an Argdown document (https://argdown.org), for the Argdown tools.

The mapping (docs/export.md has it in full, with an example):

* the map's nodes are statements, in the map's order, titled readably by
  the first words of their text (``[Rolling back the internal market]``);
  the node's id, kind, speaker, force, quotes, stances and the rest are
  the statement's data, and its kind and force are Argdown tags
  (``#claim #hedged``), each kind with a colour of its own so that
  ``argdown map`` draws claims, premises, rebuttals and concessions apart;
* only the map's own relations are written (those its nodes declare), and
  of other maps only the nodes those relations reach, as statements tagged
  ``#context`` (a ``same_as`` or ``related_to`` link is data, and pulls in
  nothing);
* a plain support is ``+> [conclusion]`` under its premise, an attack
  ``-> [target]``; a linked support, one with a scheme or drawn by someone
  else, and one that is undercut, is an argument ``<...>`` with a
  premise-conclusion structure, the scheme and who draws the inference in
  the inference's data; an undercut is ``_> <argument>``;
* a qualification is no arrow (every Argdown arrow supports or attacks): it
  is the tag ``#qualifies`` and ``qualifies`` data on the qualifying node;
* the map itself (id, title, source, speakers with ``adopts``) is the data
  of a last heading, since ``argdown json`` keeps headings' data but not
  the front matter.

Text is escaped with backslashes wherever Argdown would read markup, and
every string in data is written with ``\\u`` escapes for anything but
letters, digits and plain punctuation, so the Argdown parser reads back
exactly our statements and data, whatever the map says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import ArgMap, Force, Kind, Node, Project, Ref, RelKind
from ..palette import KIND_COLOURS
from .argdown_cli import find_cli  # re-exported: tests and benchmarks find the CLI here
from .escape import clean

__all__ = ["to_argdown", "escape_text", "data_text", "short_title", "find_cli", "TAG_COLOURS", "CONTEXT_TAG",
           "QUALIFIES_TAG", "METADATA_KEY"]

# Always escaped: characters that open Argdown markup anywhere in a line.  A "." or ":"
# is escaped when a non-space follows, which is how special characters (".name.",
# ":name:") begin.
_ALWAYS = set("\\@#*_[]<>{}/=")
CONTEXT_TAG = "context"        # a node of another map that the map's relations reach
QUALIFIES_TAG = "qualifies"    # a node that qualifies another (no Argdown arrow: data)
METADATA_KEY = "argmap"        # the last heading's data key: the map's header
TAG_COLOURS: dict[str, str] = {**{kind.value: colour for kind, colour in KIND_COLOURS.items()},
                               CONTEXT_TAG: "#9a9a9a"}
_TITLE_WORDS = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_TITLE_CHARS = 36
# Characters written as themselves inside a double-quoted data string; every other one
# is a \u escape, so no text can end the data token ("} x"), open markup or a comment.
_DATA_SAFE = " -.,;:?!'()%&+_#"
_UNSAFE = re.compile(f"[^A-Za-z0-9{re.escape(_DATA_SAFE)}]")


def escape_text(text: str) -> str:
    """*text* (one line) with Argdown's markup characters escaped."""
    out = []
    for i, ch in enumerate(text):
        if ch in _ALWAYS or (ch in ".:" and i + 1 < len(text) and not text[i + 1].isspace()):
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _escape_char(match: re.Match[str]) -> str:
    ch = match.group()
    if ch.isalnum() and ch.isprintable():   # a letter or digit of any script
        return ch
    return f"\\U{ord(ch):08x}" if ord(ch) > 0xFFFF else f"\\u{ord(ch):04x}"


def _quoted(text: str) -> str:
    """*text* as a YAML double-quoted string of safe characters only."""
    return f'"{_UNSAFE.sub(_escape_char, text)}"'  # ASCII letters, digits and _DATA_SAFE pass at C speed


def data_text(value: object) -> str:
    """*value* (dicts, lists, strings, bools, ints) as YAML flow, every string quoted safely."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_quoted(str(k))}: {data_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(data_text(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return _quoted(str(value))


def short_title(text: str, fallback: str = "") -> str:
    """A readable Argdown title: the first words of *text* (letters and digits only), about 36 characters."""
    words = _TITLE_WORDS.findall(text[:400]) or _TITLE_WORDS.findall(fallback) or ["Statement"]
    title = words[0][:_TITLE_CHARS]
    for word in words[1:]:
        if len(title) + 1 + len(word) > _TITLE_CHARS:
            return title + "\u2026"  # cut: say so
        title = f"{title} {word}"
    return title


class _Titles:
    """Unique titles (case-insensitively: Argdown users read them as names), numbered when taken."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next: dict[str, int] = {}  # per base, the number to try next: linear however many share it

    def new(self, base: str) -> str:
        title, k = base, self.next.get(base.casefold(), 2)
        if title.casefold() in self.taken:
            while (title := f"{base} {k}").casefold() in self.taken:
                k += 1
            self.next[base.casefold()] = k + 1
        self.taken.add(title.casefold())
        return title


@dataclass
class _Inference:
    premises: tuple[Ref, ...]
    conclusion: Ref
    scheme: str | None = None
    drawn_by: str | None = None
    undercut: bool = False
    own: bool = True      # a support of this map (else another map's, needed to anchor an undercut)
    title: str = ""

    @property
    def as_argument(self) -> bool:
        return len(self.premises) > 1 or self.undercut or bool(self.scheme or self.drawn_by) or not self.own


class _Document:
    """One map's statements, inferences and relations, chosen before anything is written."""

    def __init__(self, project: Project, map_id: str) -> None:
        self.project = project
        self.argmap: ArgMap = project.maps[map_id]
        self.map_id = map_id
        self.refs: dict[Ref, Node | None] = {node.ref: node for node in self.argmap.nodes.values()}
        self.inferences: dict[tuple[frozenset[Ref], Ref], _Inference] = {}
        self.undercuts: list[tuple[Ref, _Inference]] = []
        for node in self.argmap.nodes.values():
            for relation in node.relations:
                if relation.kind is RelKind.SUPPORTS:
                    group = relation.group or (relation.source,)
                    inference = self.inferences.setdefault((frozenset(group), relation.target),
                                                           _Inference(tuple(group), relation.target))
                    inference.scheme = inference.scheme or relation.scheme
                    inference.drawn_by = inference.drawn_by or relation.drawn_by
                    self._reach(*group, relation.target)
                elif relation.kind in (RelKind.ATTACKS, RelKind.QUALIFIES):
                    self._reach(relation.target)
        self.by_conclusion: dict[Ref, list[_Inference]] = {}  # an undercut finds its inference in its conclusion's
        for inference in self.inferences.values():
            self.by_conclusion.setdefault(inference.conclusion, []).append(inference)
        for node in self.argmap.nodes.values():
            for relation in node.relations:
                if relation.kind is RelKind.UNDERCUTS:
                    inference = self._undercut_target(relation.premise or relation.target, relation.target)
                    inference.undercut = True
                    self.undercuts.append((node.ref, inference))
        titles = _Titles()
        plain = {ref: short_title(clean(node.text) if node else "", ref.node_id) for ref, node in self.refs.items()}
        self.titles = {}
        for ref, node in self.refs.items():
            # The force shows in the title: argdown map colours a statement by its kind alone.
            mark = self.force_mark(ref, node)
            self.titles[ref] = titles.new(f"{plain[ref]} ({mark})" if mark else plain[ref])
        arguments = _Titles()
        for inference in self.inferences.values():
            if inference.as_argument:
                inference.title = arguments.new(f"For {plain[inference.conclusion]}")

    def force_mark(self, ref: Ref, node: Node | None) -> str | None:
        """How a title shows the node's force: ``hedged``, ``rhetorical question``... (None: as its kind implies)."""
        if node is None or ref.map_id != self.map_id:
            return None
        force = node.effective_force
        if force is Force.ASSERTED or (force is Force.CONCEDED and node.kind is Kind.CONCESSION):
            return None
        return force.value.replace("-", " ")

    def _reach(self, *refs: Ref) -> None:
        for ref in refs:
            if ref not in self.refs:
                self.refs[ref] = self.project.node(ref)

    def _undercut_target(self, premise: Ref, conclusion: Ref) -> _Inference:
        """The inference an undercut names: this map's, else the other map's, else just premise to conclusion."""
        for inference in self.by_conclusion.get(conclusion, ()):
            if premise in inference.premises:
                return inference
        group: tuple[Ref, ...] = (premise,)
        for relation in self.project.incoming(conclusion):
            if relation.kind is RelKind.SUPPORTS and premise in (relation.group or (relation.source,)):
                group = relation.group or (relation.source,)
                break
        inference = _Inference(tuple(group), conclusion, own=False)
        self.inferences[(frozenset(group), conclusion)] = inference
        self.by_conclusion.setdefault(conclusion, []).append(inference)
        self._reach(*group, conclusion)
        return inference

    def ident(self, ref: Ref) -> str:
        return ref.node_id if ref.map_id == self.map_id else str(ref)

    def statement_data(self, ref: Ref, node: Node | None) -> dict:
        data: dict = {"id": self.ident(ref)}
        if ref.map_id != self.map_id:
            data["context"] = True
        if node is None:
            return data
        data.update(kind=node.kind.value, by=node.by)
        if ref.map_id != self.map_id:
            return data
        if node.via:
            data["via"] = node.via
        if node.force is not None:
            data["force"] = node.force.value
        if node.said_by:
            data["said_by"] = node.said_by
        data["quote"] = [q.text for q in node.quotes]
        if node.tags:
            data["tags"] = list(node.tags)
        if node.stances:
            data["stance"] = {topic: _stance(node, topic) for topic in node.stances}
        qualifies = [{"to": self.ident(r.target), **({"how": r.how.value} if r.how else {})}
                     for r in node.relations if r.kind is RelKind.QUALIFIES]
        if qualifies:
            data["qualifies"] = qualifies
        schemes = [{"to": self.ident(r.target), "scheme": r.scheme}
                   for r in node.relations if r.kind is RelKind.ATTACKS and r.scheme]
        if schemes:
            data["attacks"] = schemes
        undercuts = [{"from": self.ident(r.premise or r.target), "to": self.ident(r.target),
                      **({"scheme": r.scheme} if r.scheme else {})}
                     for r in node.relations if r.kind is RelKind.UNDERCUTS]
        if undercuts:
            data["undercuts"] = undercuts
        for kind in (RelKind.SAME_AS, RelKind.RELATED_TO):
            links = [self.ident(r.target) for r in node.relations if r.kind is kind]
            if links:
                data[kind.value] = links
        if node.expect is not None:
            data["expect"] = node.expect.value
        if node.note:
            data["note"] = node.note
        return data

    def tags(self, ref: Ref, node: Node | None) -> list[str]:
        tags = [CONTEXT_TAG] if ref.map_id != self.map_id else []
        if node is None:
            return tags
        tags.append(node.kind.value)   # first colour-carrying tag: Argdown colours by the first
        if ref.map_id != self.map_id:
            return tags
        if node.effective_force is not Force.ASSERTED:
            tags.append(node.effective_force.value)
        if any(r.kind is RelKind.QUALIFIES for r in node.relations):
            tags.append(QUALIFIES_TAG)
        return tags

    def render(self) -> str:
        argmap = self.argmap
        colours = "\n".join(f"        {tag}: {_quoted(colour)}" for tag, colour in TAG_COLOURS.items())
        lines = ["===", f"title: {_quoted(clean(argmap.title))}", "color:", "    tagColors:", colours,
                 "model:", "    removeTagsFromText: true",
                 # every node in the map, a qualifier or a node linked only by same_as included
                 "selection:", "    excludeDisconnected: false", "===", "",
                 f"// Exported by argmap from {escape_text(clean(argmap.path))}.",
                 "// Statements are titled by their first words; the node's id and the rest are its data.", ""]
        children: dict[Ref, list[str]] = {ref: [] for ref in self.refs}
        for inference in self.inferences.values():
            if not inference.as_argument:
                children[inference.premises[0]].append(f"  +> [{self.titles[inference.conclusion]}]")
        for node in argmap.nodes.values():
            for relation in node.relations:
                if relation.kind is RelKind.ATTACKS:
                    children[node.ref].append(f"  -> [{self.titles[relation.target]}]")
        for source, inference in self.undercuts:
            children[source].append(f"  _> <{inference.title}>")
        for ref, node in self.refs.items():
            text = (clean(node.text) or "(no text)") if node else "(a node of a map that is not loaded)"
            tags = "".join(f" #{tag}" for tag in self.tags(ref, node))
            lines.append(f"[{self.titles[ref]}]: {escape_text(text)}{tags} {data_text(self.statement_data(ref, node))}")
            lines.extend(children[ref])
            lines.append("")
        for inference in self.inferences.values():
            if inference.as_argument:
                lines.extend(self._argument(inference))
                lines.append("")
        lines.append(f"# About this map {data_text({METADATA_KEY: self._header()})}")
        lines.append("")
        return "\n".join(lines)

    def _argument(self, inference: _Inference) -> list[str]:
        data: dict = {"premises": [self.ident(p) for p in inference.premises],
                      "conclusion": self.ident(inference.conclusion)}
        if not inference.own:
            data["context"] = True
        kind = "Linked argument" if len(inference.premises) > 1 else "Argument"
        description = f"{kind} for {escape_text(self.titles[inference.conclusion])}."
        block = [f"<{inference.title}>: {description} {data_text(data)}", ""]
        for i, premise in enumerate(inference.premises, 1):
            block.append(f"({i}) [{self.titles[premise]}]")
        if inference.scheme or inference.drawn_by:
            from ..schemes import SCHEMES

            names = {s.id: s.aif for s in SCHEMES}
            rule = names.get(inference.scheme or "", "Inference")
            details = {k: v for k, v in (("scheme", inference.scheme), ("drawn_by", inference.drawn_by)) if v}
            block += ["--", f"{rule} {data_text(details)}", "--"]
        else:
            block.append("----")
        block.append(f"({len(inference.premises) + 1}) [{self.titles[inference.conclusion]}]")
        return block

    def _header(self) -> dict:
        """The map's header as data: what a map needs beyond its nodes, for ``argmap import argdown``."""
        argmap = self.argmap
        source = argmap.source
        header_source: dict = {"seed": source.seed, "genre": source.genre.value}
        for key in ("original", "outlet", "author", "date", "url"):
            if getattr(source, key):
                header_source[key] = getattr(source, key)
        parts = {}
        for part in source.parts:
            fields: dict = {"genre": part.genre.value}
            for key in ("title", "outlet", "author", "date", "speaker", "starts"):
                if getattr(part, key):
                    fields[key] = getattr(part, key)
            if part.adopts:
                fields["adopts"] = list(part.adopts)
            parts[part.id] = fields
        if parts:
            header_source["parts"] = parts
        speakers = {}
        for speaker in argmap.speakers.values():
            fields = {"name": speaker.name}
            if speaker.role:
                fields["role"] = speaker.role
            if speaker.via:
                fields["via"] = speaker.via
            if speaker.adopts:
                fields["adopts"] = list(speaker.adopts)
            speakers[speaker.id] = fields
        return {"format": "argmap-argdown", "version": 1, "map": argmap.id, "title": argmap.title,
                "source": header_source, "speakers": speakers}


def _stance(node: Node, topic: str) -> object:
    stance = node.stances[topic].value
    detail = node.stance_details.get(topic)
    if detail is None or not any(detail):
        return stance
    record = {"is": stance}
    for key, value in (("if", detail.condition), ("only", detail.scope), ("as_of", detail.as_of)):
        if value:
            record[key] = value
    return record


def to_argdown(project: Project, map_id: str) -> str:
    """The Argdown document of map *map_id*."""
    return _Document(project, map_id).render()
