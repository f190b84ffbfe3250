"""Read AIF (AIFdb / OVA JSON) into an argmap map: the reverse of :mod:`.aif`.

Real AIF files are messy: RAs without premises or conclusions, edges to
nodes that do not exist, MA and PA nodes, several speakers per locution,
ids that are numbers in one file and strings in another.  The importer
places what it can and reports, in plain words, everything it skips; it
never raises on bad input except when there is nothing to import.

Mapping (the reverse of :mod:`.aif`): I-node → node; RA → support (premises
of one RA are a linked group); CA between I-nodes → attack; CA into an RA →
undercut of that inference; MA between I-nodes → same_as; L-node -YA->
I-node, with its locution's participant, → the node's speaker and quote.
Node kinds, when the file does not carry argmap's own ``argmap`` object, are
read from the structure: a node that only attacks is a rebuttal, one that
supports is a premise, the rest are claims.

Every quote must be found in the map's seed: the seed is the file's source
text (OVA's ``text``, HTML removed) when it has one, followed by any quote
not found in it, so the imported map passes ``argmap check``.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ArgmapError
from ..model import Genre, Kind, Label, Stance
from ..quotes import SeedText
from ..spec import ID_PATTERN
from .escape import clean

__all__ = ["ImportResult", "parse_aif", "convert", "slug"]

_ID = re.compile(ID_PATTERN)
_WORD = re.compile(r"[a-z0-9]+")
_TAG = re.compile(r"<[^>]*>")
_BR = re.compile(r"<br\s*/?>|</p\s*>|</div\s*>", re.IGNORECASE)
_DIALOGUE_TYPES = {"L", "YA", "TA"}
_L_PREFIX = re.compile(r"^\s*([^:]{1,80}?)\s*:\s+(.*)$", re.DOTALL)


@dataclass
class ImportResult:
    """A converted map: its YAML, its seed and what was skipped."""

    map_id: str
    yaml: str
    seed_name: str
    seed_text: str
    seed_is_new: bool
    report: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def parse_aif(data: bytes | str) -> dict:
    """The JSON document of an AIF file (errors name the problem, not a traceback)."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ArgmapError(f"the AIF file is not UTF-8 (byte {exc.start})") from None
    try:
        document = json.loads(data)
    except json.JSONDecodeError as exc:
        raise ArgmapError(f"the AIF file is not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise ArgmapError("the AIF file is nested too deeply") from None
    if not isinstance(document, dict):
        raise ArgmapError("the AIF file is not a JSON object with 'nodes' and 'edges'")
    return document


def slug(text: str, limit: int = 48) -> str:
    """A kebab-case id from *text*: its first few words."""
    words = _WORD.findall(clean(text).lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit or candidate.count("-") >= 6:
            break
        out = candidate
    return out or (words[0][:limit] if words else "")


def _unique(base: str, taken: set[str], fallback: str) -> str:
    base = base if base and _ID.match(base) else fallback
    name, k = base, 2
    while name in taken:
        name, k = f"{base}-{k}", k + 1
    taken.add(name)
    return name


def _as_id(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int)):
        return str(value).strip() or None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None


def _html_to_text(value: object) -> str:
    if isinstance(value, dict):
        value = value.get("txt", "")
    if not isinstance(value, str):
        return ""
    text = _BR.sub("\n", value)
    text = _TAG.sub("", text)
    return html.unescape(text).replace("\r\n", "\n")


def _yaml(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(clean(text), ensure_ascii=False)


class _Converter:
    def __init__(self, document: dict, map_id: str, *, seeds_dir: Path | None, topics: set[str] | None,
                 genre: str, source_name: str) -> None:
        self.document = document
        self.map_id = map_id
        self.seeds_dir = seeds_dir
        self.topics = topics
        self.genre = genre
        self.source_name = source_name
        self.report: list[str] = []
        self.counts: dict[str, int] = {}

    def skip(self, message: str) -> None:
        self.report.append(message)

    # -- reading ---------------------------------------------------------------------------
    def read(self) -> None:
        doc = self.document
        aif = doc
        for key in ("AIF", "aif"):
            if isinstance(doc.get(key), dict):
                aif = doc[key]
                break
        self.text = _html_to_text(doc.get("text", aif.get("text")))
        ext = doc.get("argmap", aif.get("argmap"))
        self.ext = ext if isinstance(ext, dict) and ext.get("format") == "argmap-aif" else None

        self.nodes: dict[str, dict] = {}
        raw_nodes = aif.get("nodes")
        if not isinstance(raw_nodes, list):
            raise ArgmapError("the AIF file has no 'nodes' list")
        for i, raw in enumerate(raw_nodes):
            node_id = _as_id(raw.get("nodeID")) if isinstance(raw, dict) else None
            if node_id is None:
                self.skip(f"nodes[{i}]: no nodeID; skipped")
                continue
            if node_id in self.nodes:
                self.skip(f"node {node_id}: a second node with this nodeID; skipped")
                continue
            type_ = raw.get("type")
            text = raw.get("text")
            self.nodes[node_id] = {"type": type_.strip().upper() if isinstance(type_, str) else "",
                                   "text": text if isinstance(text, str) else ""}

        self.succ: dict[str, list[str]] = {n: [] for n in self.nodes}
        self.pred: dict[str, list[str]] = {n: [] for n in self.nodes}
        raw_edges = aif.get("edges")
        if not isinstance(raw_edges, list):
            self.skip("the file has no 'edges' list: no relations imported")
            raw_edges = []
        dangling = 0
        for i, raw in enumerate(raw_edges):
            if not isinstance(raw, dict):
                self.skip(f"edges[{i}]: not an object; skipped")
                continue
            source, target = _as_id(raw.get("fromID")), _as_id(raw.get("toID"))
            if source not in self.nodes or target not in self.nodes:
                dangling += 1
                if dangling <= 20:
                    self.skip(f"edge {raw.get('edgeID', i)}: {source} -> {target} names a node that does "
                              f"not exist; skipped")
                continue
            if target not in self.succ[source]:
                self.succ[source].append(target)
                self.pred[target].append(source)
        if dangling > 20:
            self.skip(f"... and {dangling - 20} more dangling edges")

        self.participants: dict[str, str] = {}
        for raw in aif.get("participants") or []:
            if isinstance(raw, dict) and _as_id(raw.get("participantID")) is not None:
                name = " ".join(str(raw.get(k) or "").strip() for k in ("firstname", "surname")).strip()
                self.participants[_as_id(raw["participantID"])] = clean(name) or f"Participant {raw['participantID']}"
        self.locutions: dict[str, str] = {}
        for raw in aif.get("locutions") or []:
            if isinstance(raw, dict):
                node_id, person = _as_id(raw.get("nodeID")), _as_id(raw.get("personID"))
                if node_id is not None and person is not None:
                    self.locutions.setdefault(node_id, person)

    def of_type(self, type_: str) -> list[str]:
        return [n for n, info in self.nodes.items() if info["type"] == type_]

    # -- converting ------------------------------------------------------------------------
    def convert(self) -> ImportResult:
        self.read()
        ext_nodes = self.ext.get("nodes") if self.ext and isinstance(self.ext.get("nodes"), dict) else {}
        ext_map = (self.ext or {}).get("map") if isinstance((self.ext or {}).get("map"), dict) else {}
        ext_map_id = ext_map.get("id") if isinstance(ext_map.get("id"), str) else None

        # I-nodes: ours (home), or references to nodes of other maps (context).
        self.ids: dict[str, str] = {}       # AIF nodeID -> our node id, or "map:node" for context
        self.home: dict[str, dict] = {}     # AIF nodeID -> ext info (or {})
        taken: set[str] = set()
        for node_id in self.of_type("I"):
            info = ext_nodes.get(node_id) if isinstance(ext_nodes.get(node_id), dict) else {}
            ref = info.get("ref") if isinstance(info.get("ref"), str) else ""
            ref_map, _, ref_node = ref.partition(":")
            if info.get("context") and ref_map and ref_node and ref_map != ext_map_id \
                    and _ID.match(ref_map) and _ID.match(ref_node):
                self.ids[node_id] = f"{ref_map}:{ref_node}"
                continue
            text = clean(self.nodes[node_id]["text"])
            if not text:
                self.skip(f"I-node {node_id} has no text; skipped")
                continue
            wanted = ref_node if ref_map == ext_map_id and ref_node else slug(text)
            self.ids[node_id] = _unique(wanted, taken, f"node-{node_id}" if _ID.match(f"node-{node_id}") else "node")
            self.home[node_id] = info
        if not self.home:
            raise ArgmapError("the AIF file has no I-nodes (propositions) to import")

        relations = self._relations()
        speakers, by = self._speakers()
        quotes = self._quotes()
        seed_name, seed_text, seed_new = self._seed(quotes, ext_map_id)
        yaml_text = self._yaml(relations, speakers, by, quotes, seed_name, seed_text)
        self.counts.update(nodes=len(self.home), speakers=len(speakers),
                           relations=sum(len(v) for r in relations.values() for v in r.values()))
        return ImportResult(self.map_id, yaml_text, seed_name, seed_text, seed_new, self.report, self.counts)

    def _i_preds(self, node_id: str) -> list[str]:
        return [p for p in self.pred[node_id] if p in self.ids]

    def _i_succs(self, node_id: str) -> list[str]:
        return [s for s in self.succ[node_id] if s in self.ids]

    def _relations(self) -> dict[str, dict[str, list]]:
        """Per home node: supports (convergent refs and linked groups), attacks, undercuts, same_as."""
        out: dict[str, dict[str, list]] = {n: {"supports": [], "attacks": [], "undercuts": [], "same_as": []}
                                           for n in self.home}
        self.arguments: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # RA -> [(premises, conclusion)]
        seen: set[tuple] = set()

        def add(node_id: str, kind: str, value, key: tuple) -> None:
            if key in seen:
                return
            seen.add(key)
            out[node_id][kind].append(value)

        for ra in self.of_type("RA"):
            premises = sorted(set(self._i_preds(ra)), key=lambda n: self.ids[n])
            conclusions = self._i_succs(ra)
            if not premises or not conclusions:
                what = "premises" if not premises else "conclusion"
                self.skip(f"RA {ra} has no {what} among the imported I-nodes; skipped")
                continue
            for conclusion in conclusions:
                group = tuple(p for p in premises if p != conclusion)
                if not group:
                    self.skip(f"RA {ra}: {self.ids[conclusion]} would support itself; skipped")
                    continue
                self.arguments.setdefault(ra, []).append((group, conclusion))
                declarer = next((p for p in group if p in self.home), None)
                if declarer is None:  # declared by a node of another map, in that map
                    self.counts["elsewhere"] = self.counts.get("elsewhere", 0) + 1
                    continue
                target = self.ids[conclusion]
                key = ("supports", frozenset(self.ids[p] for p in group), target)
                if len(group) == 1:
                    add(declarer, "supports", target, key)
                else:
                    add(declarer, "supports", {"to": target, "with": [self.ids[p] for p in group if p != declarer]},
                        key)
            if len(conclusions) > 1:
                self.skip(f"RA {ra} has {len(conclusions)} conclusions; imported as one support each")

        for ca in self.of_type("CA"):
            attackers = [a for a in self._i_preds(ca) if a in self.home]
            targets = self.succ[ca]
            if not attackers and self._i_preds(ca) and targets:
                self.counts["elsewhere"] = self.counts.get("elsewhere", 0) + 1
                continue
            if not attackers or not targets:
                self.skip(f"CA {ca} has no {'attacker' if not attackers else 'target'} among the imported "
                          f"nodes; skipped")
                continue
            for target in targets:
                kind = self.nodes[target]["type"]
                for attacker in attackers:
                    if kind == "I" and target in self.ids:
                        if target == attacker:
                            self.skip(f"CA {ca}: a node attacking itself; skipped")
                            continue
                        add(attacker, "attacks", self.ids[target], ("attacks", attacker, target))
                    elif kind == "RA" and target in self.arguments:
                        for group, conclusion in self.arguments[target]:
                            if attacker in group or attacker == conclusion:
                                self.skip(f"CA {ca}: a node undercutting its own inference; skipped")
                                continue
                            value = {"from": self.ids[self._undercut_premise(attacker, group, conclusion)],
                                     "to": self.ids[conclusion]}
                            add(attacker, "undercuts", value, ("undercuts", attacker, group, conclusion))
                    else:
                        self.skip(f"CA {ca} attacks a {kind or 'typeless'} node ({target}) that was not "
                                  f"imported; skipped")

        for ma in self.of_type("MA"):
            sources = [s for s in self._i_preds(ma) if s in self.home]
            targets = [t for t in self._i_succs(ma) if t not in sources]
            if not sources or not targets:
                self.skip(f"MA {ma} (rephrase) does not join two imported I-nodes; skipped")
                continue
            for source in sources:
                for target in targets:
                    if ("same_as", target, source) not in seen:
                        add(source, "same_as", self.ids[target], ("same_as", source, target))

        skipped_types: dict[str, int] = {}
        for info in self.nodes.values():
            if info["type"] not in {"I", "RA", "CA", "MA"} | _DIALOGUE_TYPES:
                skipped_types[info["type"] or "(no type)"] = skipped_types.get(info["type"] or "(no type)", 0) + 1
        for type_, count in sorted(skipped_types.items()):
            what = "preference (PA)" if type_ == "PA" else f"{type_!r}"
            self.skip(f"{count} {what} node{'s' * (count != 1)} {'have' if count != 1 else 'has'} no place "
                      f"in an argmap map; skipped")
        return out

    def _undercut_premise(self, attacker: str, group: tuple[str, ...], conclusion: str) -> str:
        """The premise an undercut names: as the map had it (``argmap`` object), else the first."""
        wanted = self.home.get(attacker, {}).get("undercuts")
        if isinstance(wanted, list):
            refs = {self._ref_of(p): p for p in group}
            for item in wanted:
                if isinstance(item, list) and len(item) == 2 and item[1] == self._ref_of(conclusion) \
                        and item[0] in refs:
                    return refs[item[0]]
        return group[0]

    def _ref_of(self, node_id: str) -> str | None:
        info = self.home.get(node_id)
        if info is None:
            return self.ids.get(node_id)  # a context node's id is its ref
        ref = info.get("ref")
        return ref if isinstance(ref, str) else None

    def _l_nodes(self, node_id: str) -> list[str]:
        """The L-nodes that assert I-node *node_id* (L -> YA -> I, or L -> I)."""
        found = []
        for p in self.pred[node_id]:
            type_ = self.nodes[p]["type"]
            if type_ == "L":
                found.append(p)
            elif type_ == "YA":
                found.extend(q for q in self.pred[p] if self.nodes[q]["type"] == "L")
        return found

    def _speaker_of_l(self, l_node: str) -> tuple[str | None, str]:
        """(speaker name, quoted words) of an L-node ``"Name : words"`` and its locution."""
        text = self.nodes[l_node]["text"]
        person = self.locutions.get(l_node)
        name = self.participants.get(person) if person is not None else None
        match = _L_PREFIX.match(text)
        if match is None:
            return name, text
        prefix = clean(match.group(1))
        if name is None or prefix.lower() == name.lower():
            return name or prefix, match.group(2)
        return name, text  # the colon belongs to the words

    def _speakers(self) -> tuple[dict[str, dict], dict[str, str]]:
        """Speakers (id -> fields) and each home node's speaker id."""
        speakers: dict[str, dict] = {}
        by: dict[str, str] = {}
        taken: set[str] = set()
        ext_speakers = (self.ext or {}).get("speakers")
        if isinstance(ext_speakers, list):
            for raw in ext_speakers:
                if isinstance(raw, dict) and isinstance(raw.get("id"), str) and _ID.match(raw["id"]) \
                        and isinstance(raw.get("name"), str) and clean(raw["name"]):
                    speakers[raw["id"]] = {"name": raw["name"], "role": raw.get("role") or "",
                                           "via": raw.get("via")}
                    taken.add(raw["id"])
            for sid, fields in speakers.items():
                if fields["via"] not in speakers or fields["via"] == sid:
                    fields["via"] = None
            if any(self._via_loops(speakers, sid) for sid in speakers):
                for fields in speakers.values():
                    fields["via"] = None
                self.skip("the speakers' 'via' chain loops; dropped every 'via'")
        by_name = {fields["name"]: sid for sid, fields in speakers.items()}
        for node_id, info in self.home.items():
            wanted = info.get("by")
            if isinstance(wanted, str) and wanted in speakers:
                by[node_id] = wanted
                continue
            names = [self._speaker_of_l(l)[0] for l in self._l_nodes(node_id)]
            name = next((n for n in names if n), None)
            if name is None:
                name = "Unattributed"
            sid = by_name.get(name)
            if sid is None:
                sid = _unique(slug(name, 32), taken, "speaker")
                speakers[sid] = {"name": name, "role": "" if name != "Unattributed" else
                                 "no speaker recorded in the AIF file", "via": None}
                by_name[name] = sid
            by[node_id] = sid
        return speakers, by

    @staticmethod
    def _via_loops(speakers: dict[str, dict], start: str) -> bool:
        seen, current = set(), start
        while current is not None:
            if current in seen:
                return True
            seen.add(current)
            current = speakers.get(current, {}).get("via")
        return False

    def _quotes(self) -> dict[str, list[str]]:
        quotes: dict[str, list[str]] = {}
        for node_id, info in self.home.items():
            wanted = info.get("quotes")
            found = [q for q in wanted if isinstance(q, str) and clean(q)] if isinstance(wanted, list) else []
            if not found:
                found = [self._speaker_of_l(l)[1] for l in self._l_nodes(node_id)]
                found = [q for q in found if clean(q)]
            if not found:
                found = [self.nodes[node_id]["text"]]
            quotes[node_id] = list(dict.fromkeys(clean(q) for q in found))
        return quotes

    def _seed(self, quotes: dict[str, list[str]], ext_map_id: str | None) -> tuple[str, str, bool]:
        """(file name, text, is new) of a seed in which every quote is found."""
        source = (self.ext or {}).get("source") if isinstance((self.ext or {}).get("source"), dict) else {}
        wanted = source.get("seed") if isinstance(source.get("seed"), str) else None
        if wanted and not re.match(r"^[^/\\]+$", wanted):
            wanted = None
        every = [q for qs in quotes.values() for q in qs]
        if wanted and self.seeds_dir is not None and (self.seeds_dir / wanted).is_file():
            try:
                existing = (self.seeds_dir / wanted).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                existing = None
            if existing is not None and all(v is not None for v in SeedText(existing).find_all(every).values()):
                return wanted, existing, False
        base = self.text.strip("\n")
        found = SeedText(base).find_all(every) if base else {q: None for q in every}
        missing = list(dict.fromkeys(q for q in every if found.get(q) is None))
        if base and missing:
            self.skip(f"{len(missing)} quote(s) are not in the file's source text; they are appended to the seed")
        if base and not missing:
            text = self.text  # the source text exactly as the file gives it
        else:
            text = "\n\n".join(([base] if base else []) + missing) + "\n"
        name = wanted or f"{self.map_id}.txt"
        stem, suffix = (name.rsplit(".", 1) + ["txt"])[:2] if "." in name else (name, "txt")
        k = 2
        while self.seeds_dir is not None and (self.seeds_dir / name).exists():
            try:
                if (self.seeds_dir / name).read_text(encoding="utf-8") == text:
                    return name, text, False
            except (OSError, UnicodeDecodeError):
                pass
            name, k = f"{stem}-{k}.{suffix}", k + 1
        return name, text, True

    # -- writing ---------------------------------------------------------------------------
    def _yaml(self, relations, speakers, by, quotes, seed_name, seed_text) -> str:
        ext = self.ext or {}
        source = ext.get("source") if isinstance(ext.get("source"), dict) else {}
        title = ext.get("map", {}).get("title") if isinstance(ext.get("map"), dict) else None
        lines = ["# yaml-language-server: $schema=../docs/argmap.schema.json",
                 f"# Imported by 'argmap import aif' from {clean(self.source_name)}."]
        lines.append(f"map: {self.map_id}")
        lines.append(f"title: {_yaml(title if isinstance(title, str) and clean(title) else 'Imported from ' + clean(self.source_name))}")
        lines.append("source:")
        lines.append(f"  seed: {_yaml(seed_name)}")
        genres = {g.value for g in Genre if g is not Genre.PAGE_FURNITURE}
        genre = source.get("genre") if source.get("genre") in genres else self.genre
        lines.append(f"  genre: {genre}")
        for key in ("original", "outlet", "author", "url"):
            if isinstance(source.get(key), str) and clean(source[key]):
                lines.append(f"  {key}: {_yaml(source[key])}")
        if isinstance(source.get("date"), str) and re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", source["date"]):
            lines.append(f"  date: {_yaml(source['date'])}")
        parts = self._parts(source.get("parts"), seed_text, speakers)
        if parts:
            lines.append("  parts:")
            lines.extend(parts)
        lines.append("speakers:")
        used = set(by.values())
        for sid, fields in speakers.items():
            if sid not in used and not self.ext:
                continue
            lines.append(f"  {sid}:")
            lines.append(f"    name: {_yaml(fields['name'])}")
            if clean(fields.get("role") or ""):
                lines.append(f"    role: {_yaml(fields['role'])}")
            if fields.get("via"):
                lines.append(f"    via: {fields['via']}")
        lines.append("nodes:")
        for node_id, info in self.home.items():
            nid = self.ids[node_id]
            lines.append(f"  {nid}:")
            kind = info.get("kind") if info.get("kind") in {k.value for k in Kind} else self._kind(relations[node_id], node_id)
            lines.append(f"    kind: {kind}")
            lines.append(f"    by: {by[node_id]}")
            via = info.get("via")
            if isinstance(via, str) and via in speakers and via != by[node_id]:
                lines.append(f"    via: {via}")
            lines.append(f"    text: {_yaml(self.nodes[node_id]['text'])}")
            node_quotes = quotes[node_id]
            if len(node_quotes) == 1:
                lines.append(f"    quote: {_yaml(node_quotes[0])}")
            else:
                lines.append("    quote:")
                lines.extend(f"      - {_yaml(q)}" for q in node_quotes)
            tags = [t for t in info.get("tags") or [] if isinstance(t, str) and _ID.match(t)]
            if tags:
                lines.append(f"    tags: [{', '.join(tags)}]")
            stances = info.get("stances") if isinstance(info.get("stances"), dict) else {}
            kept = {t: s for t, s in stances.items() if isinstance(t, str) and _ID.match(t)
                    and s in {v.value for v in Stance} and t in self.topics}
            self.counts["stances-dropped"] = self.counts.get("stances-dropped", 0) + len(stances) - len(kept)
            if kept:
                lines.append("    stance: {" + ", ".join(f"{t}: {s}" for t, s in kept.items()) + "}")
            rel = relations[node_id]
            if rel["supports"]:
                lines.append("    supports:")
                for value in rel["supports"]:
                    if isinstance(value, dict):
                        lines.append(f"      - {{to: {value['to']}, with: [{', '.join(value['with'])}]}}")
                    else:
                        lines.append(f"      - {value}")
            for kind_name in ("attacks", "same_as"):
                if rel[kind_name]:
                    lines.append(f"    {kind_name}: [{', '.join(rel[kind_name])}]")
            if rel["undercuts"]:
                lines.append("    undercuts:")
                lines.extend(f"      - {{from: {u['from']}, to: {u['to']}}}" for u in rel["undercuts"])
            if info.get("expect") in {v.value for v in Label}:
                lines.append(f"    expect: {info['expect']}")
            if isinstance(info.get("note"), str) and clean(info["note"]):
                lines.append(f"    note: {_yaml(info['note'])}")
        if self.counts.get("stances-dropped"):
            self.skip(f"{self.counts['stances-dropped']} stance(s) on topics that the destination's "
                      f"topics.yaml does not define were dropped")
        return "\n".join(lines) + "\n"

    def _kind(self, rel: dict[str, list], node_id: str) -> str:
        if rel["supports"] or any(node_id in group for args in self.arguments.values() for group, _ in args):
            return Kind.PREMISE.value
        if rel["attacks"] or rel["undercuts"]:
            return Kind.REBUTTAL.value
        return Kind.CLAIM.value

    def _parts(self, raw_parts: object, seed_text: str, speakers: dict) -> list[str]:
        if not isinstance(raw_parts, list):
            return []
        seed = SeedText(seed_text)
        genres = {g.value for g in Genre}
        lines: list[str] = []
        taken: set[str] = set()
        for raw in raw_parts:
            if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not _ID.match(raw["id"]) \
                    or raw["id"] in taken or raw.get("genre") not in genres \
                    or not isinstance(raw.get("starts"), str) or seed.find(raw["starts"]) is None:
                self.skip("a part of the source whose start is not in the seed was dropped")
                continue
            taken.add(raw["id"])
            lines.append(f"    {raw['id']}:")
            lines.append(f"      genre: {raw['genre']}")
            for key in ("title", "outlet", "author"):
                if isinstance(raw.get(key), str) and clean(raw[key]):
                    lines.append(f"      {key}: {_yaml(raw[key])}")
            if isinstance(raw.get("date"), str) and re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", raw["date"]):
                lines.append(f"      date: {_yaml(raw['date'])}")
            if isinstance(raw.get("speaker"), str) and raw["speaker"] in speakers:
                lines.append(f"      speaker: {raw['speaker']}")
            lines.append(f"      starts: {_yaml(raw['starts'])}")
        return lines


def convert(document: dict, map_id: str, *, seeds_dir: Path | None = None, topics: Iterable[str] | None = None,
            genre: str = "news-report", source_name: str = "an AIF file") -> ImportResult:
    """Convert an AIF *document* (from :func:`parse_aif`) into map *map_id*.

    *seeds_dir* is where the map's seed will live (an existing seed with the
    same text is reused, a different one is never overwritten); *topics*
    the topic ids the destination defines (stances on others, or on any
    topic when *topics* is None, are dropped: they would not pass the check).
    """
    if not _ID.match(map_id):
        raise ArgmapError(f"{map_id!r} is not a valid map id (letters, digits, '-', '_', '.')")
    converter = _Converter(document, map_id, seeds_dir=seeds_dir,
                           topics=set(topics) if topics is not None else set(),
                           genre=genre, source_name=source_name)
    return converter.convert()
