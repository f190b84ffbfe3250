"""Read AIF (AIFdb / OVA JSON) into an argmap map: the reverse of :mod:`.aif`.

Real AIF files are messy: RAs without premises or conclusions, edges to
nodes that do not exist, MA and PA nodes, several speakers per locution,
ids that are numbers in one file and strings in another.  And an AIF file
may come from anybody.  The importer places what it can and reports, in
plain words, everything it skips; it refuses (:class:`ArgmapError`) a file
that is not AIF at all or has nothing to import, and a map it writes passes
``argmap check``.  The file's shape is checked once, by :mod:`.aif_read`
and :mod:`.aif_ext`; the YAML is written by :mod:`.aif_write`.

Mapping (the reverse of :mod:`.aif`): I-node → node; RA → support (premises
of one RA are a linked group); CA between I-nodes → attack; CA into an RA →
undercut of that inference; MA between I-nodes → same_as; L-node -YA->
I-node, with its locution's participant, → the node's speaker and quote.
Node kinds, when the file does not carry argmap's own ``argmap`` object, are
read from the structure: a node that only attacks is a rebuttal, one that
supports is a premise, the rest are claims.

Every step is linear in the file: lookups go through dicts and sets, never
scans of lists, and an RA or CA joining many nodes to many others may only
make relations up to a budget proportional to the file (beyond it the file
is refused), so a small file cannot make a huge map.

Every quote must be found in the map's seed: see :mod:`.aif_seed`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path

from ..errors import ArgmapError
from ..gcpause import gc_paused
from ..model import Force, Kind
from ..spec import MAX_TEXT
from .aif_ext import read_extension, safe_id, source_text
from .aif_read import NONE, AifGraph, Extension, NodeInfo, Notes, is_id, parse_aif, read_graph, shown
from .aif_seed import choose_seed
from .aif_snode import force_of
from .aif_write import dump
from .escape import clean, truncate
from .importing import ImportRequest, ImportResult

__all__ = ["ImportResult", "parse_aif", "convert", "convert_file", "announced", "slug"]

MAX_QUOTES = 50  # quotes per node: an I-node asserted by more locutions keeps the first ones
_NAME_CHARS = 200  # a speaker's name
_NO_INFO = NodeInfo()  # what argmap's block says of a node it does not mention (shared: never changed)
_FANOUT = 20  # relations (counted with their premises) per node and edge of the file, at most


def slug(text: str, limit: int = 48) -> str:
    """A kebab-case id from *text*: its first few words."""
    words = _words(fast_clean(text[:4 * limit]).lower())
    out = "-".join(words[:6])
    if len(out) > limit:  # fewer words, as many as fit
        out = ""
        for word in words:
            if len(out) + len(word) + bool(out) > limit:
                break
            out = f"{out}-{word}" if out else word
    return out or (words[0][:limit] if words else "")


_words = re.compile(r"[a-z0-9]+").findall


def fast_clean(text: str) -> str:
    """:func:`~.escape.clean` of *text*, at once when there is nothing to clean (most text).

    ``isprintable()`` is false for every character clean() replaces, drops or
    reads as whitespace, but the space; so printable text with no double,
    leading or trailing space is clean already.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return clean(text)


class Names:
    """Unique ids: *base*, else base-2, base-3...  Linear overall: each base remembers its next number.

    Ids are compared case-insensitively: ``Case`` and ``case`` would be one
    file on a case-insensitive file system, and the checker reports them.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}

    def reserve(self, name: str) -> bool:
        key = name.casefold()
        if key in self._taken:
            return False
        self._taken.add(key)
        return True

    def new(self, base: str, fallback: str) -> str:
        """A new id: *base*, else *fallback* (else 'node'), numbered if taken."""
        if not safe_id(base):
            base = fallback if safe_id(fallback) else "node"
        if self.reserve(base):
            return base
        k = self._next.get(base.casefold(), 2)
        while not self.reserve(f"{base}-{k}"):
            k += 1
        self._next[base.casefold()] = k + 1
        return f"{base}-{k}"


def _split_locution(text: str) -> tuple[str | None, str]:
    """``"Name : words"`` -> (name, words); (None, text) when there is no such prefix.

    By hand rather than by regex: a pattern with a lazy prefix and optional
    spaces backtracks on long runs of whitespace.
    """
    body = text.lstrip()
    colon = body.find(":", 0, 200)
    name = body[:colon].rstrip() if colon > 0 else ""
    if not name or len(name) > 80 or not body[colon + 1:colon + 2].isspace():
        return None, text
    return name, body[colon + 1:].lstrip()


def _split_says(text: str) -> tuple[str | None, str]:
    """AraucariaDB's ``VCBrown says 'words'`` -> (name, words); (None, text) otherwise."""
    body = text.strip()
    at = body.find(" says ", 0, 120)
    if at <= 0 or body[at + 6:at + 7] not in ("'", '"', "\u2018", "\u201c"):
        return None, text
    words = body[at + 7:]
    if words[-1:] in ("'", '"', "\u2019", "\u201d"):
        words = words[:-1]
    return body[:at].strip() or None, words.strip()


class _Converter:
    def __init__(self, graph: AifGraph, text: str, ext: Extension | None, map_id: str, *,
                 seeds_dir: Path | None, topics: set[str], maps: Mapping[str, Collection[str]] | None,
                 genre: str | None, source_name: str) -> None:
        self.g = graph
        self.text = text
        self.ext = ext or Extension()
        self.has_ext = ext is not None
        self.map_id = map_id
        self.seeds_dir = seeds_dir
        self.topics = topics
        self.maps = maps
        # A file of dialogue (transitions between locutions, OVA's "dialog": QT30, US2016) is a debate.
        self.genre = genre or ("debate" if graph.by_type.get("TA") or graph.body.get("dialog") is True
                               else "news-report")
        self.references: set[str] = set()  # the other maps the map refers to
        self.source_name = source_name
        self.notes: Notes = graph.notes
        self.counts: dict[str, int] = {}
        edges = sum(map(len, graph.succ.values()))
        self.budget = _FANOUT * (len(graph.nodes) + edges) + 100_000
        self._l_of_ya: dict[str, list[str]] = {}
        self._locution: dict[str, tuple[str | None, str]] = {}

    def skip(self, message: str, kind: str | None = None) -> None:
        self.notes.add(message, kind)

    def spend(self, amount: int) -> None:
        """Count relations about to be made; refuse a file that makes far more than it holds."""
        self.budget -= amount
        if self.budget < 0:
            raise ArgmapError("the file's RA, CA and MA nodes join so many nodes to so many others that the "
                              "map would be far larger than the file; not imported")

    def of_type(self, type_: str) -> list[str]:
        return self.g.by_type.get(type_, [])

    # -- nodes -----------------------------------------------------------------------------
    def _place_i_nodes(self) -> None:
        """Our nodes (home) and references to nodes of other maps (context), with their ids."""
        self.ids: dict[str, str] = {}        # AIF nodeID -> our node id, or "map:node" for context
        self.home: dict[str, NodeInfo] = {}  # AIF nodeID -> what argmap's block says of it
        self.texts: dict[str, str] = {}
        self.id_of_ref: dict[str, str] = {}  # "map:node" as the block writes it -> our id (or the ref)
        self.borrowed: dict[str, str] = {}   # AIF nodeID -> the ref of another map's node imported here
        names = self.names = Names()
        slugs: dict[str, str] = {}  # text -> its slug: files repeat texts
        ext_map = self.ext.map_id
        i_nodes = self.of_type("I")
        if self.has_ext:  # the map's own order, as the block lists its nodes
            i_nodes = sorted(i_nodes, key=lambda n: self.ext.nodes.get(n, _NO_INFO).order)
        for node_id in i_nodes:
            info = self.ext.nodes.get(node_id, _NO_INFO)
            ref = f"{info.ref_map}:{info.ref_node}" if info.ref_map else ""
            if info.context and info.ref_map and info.ref_map != ext_map:
                if self.maps is None or info.ref_node in self.maps.get(info.ref_map, ()):
                    self.ids[node_id] = self.id_of_ref[ref] = ref
                    self.references.add(info.ref_map)
                    continue
                # Another map's node, drawn for context, and the destination lacks it: imported as a
                # node of this map, so that the relations to it stay and the map checks anywhere.
                self.borrowed[node_id] = ref
                self.skip(f"I-node {shown(node_id)} stands for {shown(ref)}, which the destination does not have; "
                          f"imported as a node of this map, quoted after the source text",
                          "a context node the destination does not have")
                self.counts["borrowed"] = self.counts.get("borrowed", 0) + 1
                info = NodeInfo(ref_node=info.ref_node, kind=info.kind, by=info.by, text=info.text,
                                speaker=info.speaker, map_title=info.map_title, context=True)
            text = info.text if info.text and info.text.strip() else fast_clean(self.g.nodes[node_id].text)
            if not text:
                self.skip(f"I-node {shown(node_id)} has no text; skipped", "an I-node has no text")
                continue
            if len(text) > MAX_TEXT:
                self.skip(f"I-node {shown(node_id)}: text cut to {MAX_TEXT:,} characters", "a text was cut")
                text = truncate(text, MAX_TEXT)
            own = (info.ref_map == ext_map and not info.context) or node_id in self.borrowed
            if own and info.ref_node:
                wanted = info.ref_node
            elif (wanted := slugs.get(text)) is None:
                wanted = slugs[text] = slug(text)
            self.ids[node_id] = names.new(wanted, f"node-{node_id}")
            if ref:
                self.id_of_ref[ref] = self.ids[node_id]
            self.home[node_id] = info
            self.texts[node_id] = text
        if not self.home:
            why = self.notes.lines[:3]
            raise ArgmapError("the AIF file has no I-nodes (propositions) to import"
                              + (f" ({'; '.join(why)})" if why else ""))

    # -- relations -------------------------------------------------------------------------
    def _relations(self) -> dict[str, dict[str, list]]:
        """Per home node: supports (convergent refs and linked groups), attacks, undercuts, same_as."""
        from .aif_relations import Relations

        relations = Relations(self)
        relations.build()
        self.arguments = relations.arguments
        self.premises = relations.premises
        self.unknown_schemes = relations.unknown_schemes
        return relations.out

    # -- speakers and quotes ---------------------------------------------------------------
    def _l_nodes(self, node_id: str) -> list[tuple[str, str | None]]:
        """The L-nodes asserting I-node *node_id*, each with its YA (L -> YA -> I, or L -> I): the first MAX_QUOTES."""
        nodes, found = self.g.nodes, []
        for p in self.g.pred.get(node_id, NONE):
            type_ = nodes[p].type
            if type_ == "L":
                found.append((p, None))
            elif type_ == "YA":
                if p not in self._l_of_ya:  # once per YA, however many I-nodes it asserts
                    self._l_of_ya[p] = [q for q in self.g.pred.get(p, NONE) if nodes[q].type == "L"][:MAX_QUOTES]
                found.extend((l, p) for l in self._l_of_ya[p])
            if len(found) >= MAX_QUOTES:
                return found[:MAX_QUOTES]
        return found

    def _speaker_of_l(self, l_node: str) -> tuple[str | None, str]:
        """(speaker name, quoted words) of an L-node ``"Name : words"`` or ``Name says 'words'``, and its locution."""
        if l_node in self._locution:
            return self._locution[l_node]
        text = self.g.nodes[l_node].text
        person = self.g.locutions.get(l_node)
        name = self.g.participants.get(person) if person is not None else None
        name = truncate(fast_clean(name), _NAME_CHARS) if name and fast_clean(name) else None
        prefix, words = _split_locution(text)
        if prefix is None:
            prefix, words = _split_says(text)
        prefix = truncate(fast_clean(prefix), _NAME_CHARS) if prefix and fast_clean(prefix) else None
        if prefix is None:
            result = name, text
        elif name is None or prefix.lower() == name.lower():
            result = name or prefix, words
        else:
            result = name, text  # the colon belongs to the words
        self._locution[l_node] = result
        return result

    def _voices(self, node_id: str) -> list[tuple[str | None, list[str], Force | None]]:
        """Who asserts I-node *node_id*: per speaker (first seen first), their quotes and the force of their YA."""
        voices: dict[str | None, tuple[list[str], list[Force]]] = {}
        for l_node, ya in self._l_nodes(node_id):
            name, words = self._speaker_of_l(l_node)
            quotes, forces = voices.setdefault(name, ([], []))
            if (quote := fast_clean(words)):
                quotes.append(quote)
            if ya is not None and (force := force_of(self.g.nodes[ya])) is not None:
                forces.append(force)
        if None in voices and len(voices) > 1:  # words nobody is named for: the first speaker's
            quotes, forces = voices.pop(None)
            first = voices[next(iter(voices))]
            first[0].extend(quotes)
            first[1].extend(forces)
        return [(name, quotes, forces[0] if forces else None) for name, (quotes, forces) in voices.items()]

    def _speakers(self) -> tuple[dict[str, dict], dict[str, str]]:
        """Speakers (id -> fields), each home node's speaker id, its quotes, force and copies for other speakers.

        Where several speakers assert one I-node (QT30: one restates or agrees
        with another), the first keeps the node and each other speaker gets a
        copy of it with their own quotes, ``same_as`` the node (docs/export.md).
        """
        speakers: dict[str, dict] = {}
        names = Names()
        for raw in self.ext.speakers:
            if names.reserve(raw.id):
                speakers[raw.id] = {"name": truncate(clean(raw.name), _NAME_CHARS),
                                    "role": truncate(clean(raw.role), MAX_TEXT), "via": raw.via,
                                    "adopts": raw.adopts}
        for sid, fields in speakers.items():
            if fields["via"] not in speakers or fields["via"] == sid:
                fields["via"] = None
            fields["adopts"] = [a for a in fields["adopts"] if a in speakers and a != sid]
        if via_loops(speakers):
            for fields in speakers.values():
                fields["via"] = None
            self.skip("the speakers' 'via' chain loops; dropped every 'via'")
        by_name = {fields["name"]: sid for sid, fields in speakers.items()}

        def speaker_id(name: str, preferred: str | None = None, role: str = "") -> str:
            sid = by_name.get(name)
            if sid is None:
                sid = names.new(preferred if preferred and is_id(preferred) else slug(name, 32), "speaker")
                speakers[sid] = {"name": name, "role": role or ("" if name != "Unattributed" else
                                 "no speaker recorded in the AIF file"), "via": None, "adopts": []}
                by_name[name] = sid
            return sid

        by: dict[str, str] = {}
        self.quotes: dict[str, list[str]] = {}
        self.forces: dict[str, str] = {}
        self.copies: dict[str, list[tuple[str, str, list[str], str | None]]] = {}
        for node_id, info in self.home.items():
            if node_id in self.borrowed:  # another map's node: its speaker as the block names them
                name, role = info.speaker or ("Unattributed", "")
                by[node_id] = speaker_id(truncate(clean(name), _NAME_CHARS) or "Unattributed", info.by,
                                         truncate(clean(role), MAX_TEXT))
                self.quotes[node_id] = [self.texts[node_id]]
                continue
            voices = [] if info.by in speakers else self._voices(node_id)
            by[node_id] = info.by if info.by in speakers else speaker_id(voices[0][0] if voices and voices[0][0]
                                                                         else "Unattributed")
            found = info.quotes[:MAX_QUOTES] or (voices[0][1] if voices else [])
            self.quotes[node_id] = self._clean_quotes(found, node_id)
            force = info.force or (voices[0][2].value if voices and voices[0][2] else None)
            if force and (force != "asserted" or info.force):
                self.forces[node_id] = force
            for name, quotes, voice_force in voices[1:]:
                sid = speaker_id(name or "Unattributed")
                copy = self.names.new(f"{self.ids[node_id]}-{slug(name or '', 20) or 'other'}", "node")
                self.copies.setdefault(node_id, []).append(
                    (copy, sid, self._clean_quotes(quotes, node_id),
                     voice_force.value if voice_force and voice_force.value != "asserted" else None))
                self.counts["copies"] = self.counts.get("copies", 0) + 1
        if self.counts.get("copies"):
            self.skip(f"{self.counts['copies']:,} time(s) a second speaker asserts a proposition: each such speaker "
                      f"has a copy of the node, with their own words, same_as it")
        return speakers, by

    def _clean_quotes(self, found: list[str], node_id: str) -> list[str]:
        """Quotes cleaned, none empty, the node's text when there are none; a prefix is cut, not ellipsised."""
        kept = [q for q in map(fast_clean, found[:MAX_QUOTES]) if q] or [self.texts[node_id]]
        return list(dict.fromkeys(q[:MAX_TEXT].rstrip() for q in kept))

    # -- the map ---------------------------------------------------------------------------
    def convert(self) -> ImportResult:
        self._place_i_nodes()
        relations = self._relations()
        speakers, by = self._speakers()
        quotes = self.quotes
        every = list(dict.fromkeys([q for qs in quotes.values() for q in qs]
                                   + [q for cs in self.copies.values() for c in cs for q in c[2]]))
        seed_name, seed_text, seed_new = choose_seed(every, self.text, self.ext.source.get("seed"),
                                                     f"{self.map_id[:100]}.txt", self.seeds_dir, self.notes)
        from .aif_document import map_document

        document = map_document(self, relations, speakers, by, quotes, seed_name, seed_text)
        header = ["yaml-language-server: $schema=../docs/argmap.schema.json",
                  f"Imported by 'argmap import aif' from {truncate(clean(self.source_name), 200)}."]
        self.counts.update(nodes=len(document["nodes"]), speakers=len(document["speakers"]),
                           relations=sum(len(v) for r in relations.values() for v in r.values()))
        return ImportResult(self.map_id, dump(document, header), seed_name, seed_text, seed_new,
                            self.notes.summary(), self.counts, self.references)

    def kind(self, node_id: str, rel: dict[str, list]) -> str:
        info = self.home[node_id]
        if info.kind:
            return info.kind
        if "supports" in rel or node_id in self.premises:
            return Kind.PREMISE.value
        if "attacks" in rel or "undercuts" in rel:
            return Kind.REBUTTAL.value
        return Kind.CLAIM.value


def via_loops(speakers: dict[str, dict]) -> bool:
    """Whether some speaker's 'via' chain comes back to itself: one walk per chain, each speaker seen once."""
    walk_of: dict[str, str] = {}
    for start in speakers:
        current = start
        while current is not None and current not in walk_of:
            walk_of[current] = start
            current = speakers[current]["via"]
        if current is not None and walk_of[current] == start:
            return True
    return False


def announced(data: bytes) -> tuple[str, frozenset[str]] | None:
    """The map an AIF file of argmap's own makes (its block's map id and node ids), for a batch; else None.

    Files without argmap's block (most corpora) are recognised without parsing them.
    """
    if b'"argmap-aif"' not in data:
        return None
    try:
        document = parse_aif(data)
    except ArgmapError:
        return None
    body = document.get("AIF") if isinstance(document.get("AIF"), dict) else document
    block = document.get("argmap", body.get("argmap"))
    if not isinstance(block, dict) or block.get("format") != "argmap-aif":
        return None
    map_id = block.get("map", {}).get("id") if isinstance(block.get("map"), dict) else None
    nodes = block.get("nodes")
    if not isinstance(map_id, str) or not is_id(map_id) or not isinstance(nodes, dict):
        return None
    own = set()
    for info in nodes.values():
        ref = info.get("ref") if isinstance(info, dict) and info.get("context") is not True else None
        if isinstance(ref, str) and ref.startswith(map_id + ":") and is_id(ref[len(map_id) + 1:]):
            own.add(ref[len(map_id) + 1:])
    return map_id, frozenset(own)


def convert_file(data: bytes, request: ImportRequest) -> ImportResult:
    """The converter ``argmap import aif`` runs (the contract: :mod:`argmap.commands.import_`)."""
    return convert(parse_aif(data), request.map_id, seeds_dir=request.seeds_dir, topics=request.topics,
                   genre=request.genre, source_name=request.source_name, maps=request.maps)


def convert(document: dict, map_id: str, *, seeds_dir: Path | None = None, topics: Iterable[str] | None = None,
            genre: str | None = None, source_name: str = "an AIF file",
            maps: Mapping[str, Collection[str]] | None = None) -> ImportResult:
    """Convert an AIF *document* (from :func:`parse_aif`) into map *map_id*.

    *seeds_dir* is where the map's seed will live (an existing seed with the
    same text is reused, a different one is never overwritten); *topics*
    the topic ids the destination defines (stances on others, or on any
    topic when *topics* is None, are dropped: they would not pass the check);
    *maps* the destination's maps and their node ids: a node the file marks
    as another map's is referred to only when it exists there, else skipped
    (None: trust the file).
    """
    if not is_id(map_id):
        raise ArgmapError(f"{shown(map_id)!r} is not a valid map id (letters, digits, '-', '_', '.')")
    with gc_paused():  # millions of small objects, none cyclic garbage: collections would only slow it
        return _convert(document, map_id, seeds_dir, topics, genre, source_name, maps)


def _convert(document: dict, map_id: str, seeds_dir: Path | None, topics: Iterable[str] | None, genre: str | None,
             source_name: str, maps: Mapping[str, Collection[str]] | None) -> ImportResult:
    graph = read_graph(document)
    text = source_text(document.get("text", graph.body.get("text")), graph.notes)
    ext = read_extension(document.get("argmap", graph.body.get("argmap")), graph.notes)
    if ext is not None and ext.seed_text is not None:
        text = ext.seed_text  # the seed exactly (OVA's 'text' is HTML; AIFdb's layout has none)
    converter = _Converter(graph, text, ext, map_id, seeds_dir=seeds_dir,
                           topics=set(topics) if topics is not None else set(), maps=maps,
                           genre=genre, source_name=source_name)
    return converter.convert()
