"""The relations of an imported map, from the RA, CA and MA nodes of an AIF graph.

RA → supports (one linked group per RA), CA → attacks (into an I-node) or
undercuts (into an RA), MA → same_as.  Every relation is declared by a node
of the map being imported; one that only nodes of other maps could declare
is left to them (counted as "elsewhere").  Each step looks nodes up in
dicts and sets; what an RA or CA makes grows with the product of the nodes
it joins, so that is charged to the converter's budget first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .aif_read import NONE, shown
from .aif_write import json_key
from .aif_snode import scheme_of

if TYPE_CHECKING:
    from .aif_import import _Converter

__all__ = ["Relations"]

_DIALOGUE_TYPES = {"L", "YA", "TA"}
_KNOWN_TYPES = {"I", "RA", "CA", "MA"} | _DIALOGUE_TYPES


class Relations:
    """Builds ``out``: per home node with relations, its supports, attacks, undercuts and same_as (those it has)."""

    def __init__(self, converter: _Converter) -> None:
        self.c = converter
        # Only nodes with relations have an entry (most nodes of a big file have few kinds).
        self.out: dict[str, dict[str, list]] = {}
        self.arguments: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # RA -> [(premises, conclusion)]
        self.premises: set[str] = set()  # nodes that are a premise of some argument
        self._seen: set[tuple] = set()
        self._ranks: dict[str, dict[tuple[str, str], int]] = {}
        # Schemes the catalogue lacks (AraucariaDB's Ignorance, FearAppeal...): kept in the declarer's note.
        self.unknown_schemes: dict[str, list[str]] = {}
        self._groups: dict[tuple[str, str], set[tuple[str, ...]]] | None = None

    def add(self, node_id: str, kind: str, value: object, key: tuple) -> None:
        if key not in self._seen:
            self._seen.add(key)
            self.out.setdefault(node_id, {}).setdefault(kind, []).append(value)

    def build(self) -> None:
        self._supports()
        self._conflicts()
        self._rephrases()
        if any(info.relations is not None for info in self.c.home.values()):
            self._from_records()
        skipped: dict[str, int] = {}
        for info in self.c.g.nodes.values():
            if info.type not in _KNOWN_TYPES:
                skipped[info.type or "(no type)"] = skipped.get(info.type or "(no type)", 0) + 1
        for type_, count in sorted(skipped.items()):
            what = "preference (PA)" if type_ == "PA" else repr(shown(type_))
            self.c.skip(f"{count:,} {what} node{'s' * (count != 1)} {'have' if count != 1 else 'has'} no place "
                        f"in an argmap map; skipped")

    def _i_preds(self, node_id: str) -> list[str]:
        return [p for p in self.c.g.pred.get(node_id, NONE) if p in self.c.ids]

    def _supports(self) -> None:
        c, ids = self.c, self.c.ids
        for ra in c.of_type("RA"):
            scheme, unknown = scheme_of(c.g.nodes[ra])
            premises = self._i_preds(ra)
            if len(premises) > 1:
                premises.sort(key=ids.__getitem__)
            conclusions = [s for s in c.g.succ.get(ra, NONE) if s in ids]
            if not premises or not conclusions:
                what = "premises" if not premises else "conclusion"
                c.skip(f"RA {shown(ra)} has no {what} among the imported I-nodes; skipped", f"an RA has no {what}")
                continue
            c.spend(len(conclusions) * (len(premises) + 1))
            for conclusion in conclusions:
                group = tuple(p for p in premises if p != conclusion)
                if not group:
                    c.skip(f"RA {shown(ra)}: {ids[conclusion]} would support itself; skipped", "a self-support")
                    continue
                self.arguments.setdefault(ra, []).append((group, conclusion))
                self.premises.update(group)
                declarer = next((p for p in group if p in c.home), None)
                if declarer is None:  # declared by a node of another map, in that map
                    c.counts["elsewhere"] = c.counts.get("elsewhere", 0) + 1
                    continue
                target = ids[conclusion]
                value: dict = {"to": target}
                if len(group) > 1:
                    value["with"] = [ids[p] for p in group if p != declarer]
                if scheme:
                    value["scheme"] = scheme
                self._unknown(ra, unknown, declarer, "support", target)
                self.add(declarer, "supports", value if len(value) > 1 else target,
                         ("supports", frozenset(ids[p] for p in group), target))
            if len(conclusions) > 1:
                c.skip(f"RA {shown(ra)} has {len(conclusions):,} conclusions; imported as one support each",
                       "an RA has several conclusions")

    def _conflicts(self) -> None:
        c, ids = self.c, self.c.ids
        for ca in c.of_type("CA"):
            scheme, unknown = scheme_of(c.g.nodes[ca])
            preds = self._i_preds(ca)
            attackers = [a for a in preds if a in c.home]
            targets = list(c.g.succ.get(ca, NONE))
            if not attackers and preds and targets:
                c.counts["elsewhere"] = c.counts.get("elsewhere", 0) + 1
                continue
            if not attackers or not targets:
                c.skip(f"CA {shown(ca)} has no {'attacker' if not attackers else 'target'} among the imported "
                       f"nodes; skipped", "a CA has no attacker or target")
                continue
            for target in targets:
                kind = c.g.nodes[target].type
                inferences = self.arguments.get(target, ()) if kind == "RA" else ()
                c.spend(len(attackers) * (1 + sum(len(group) for group, _ in inferences)))
                for attacker in attackers:
                    if kind == "I" and target in ids:
                        if target == attacker:
                            c.skip(f"CA {shown(ca)}: a node attacking itself; skipped", "a self-attack")
                            continue
                        self._unknown(ca, unknown, attacker, "attack", ids[target])
                        self.add(attacker, "attacks", {"to": ids[target], "scheme": scheme} if scheme else ids[target],
                                 ("attacks", attacker, target))
                    elif inferences:
                        for group, conclusion in inferences:
                            if attacker in group or attacker == conclusion:
                                c.skip(f"CA {shown(ca)}: a node undercutting its own inference; skipped",
                                       "a self-undercut")
                                continue
                            value = {"from": ids[self._undercut_premise(attacker, group, conclusion)],
                                     "to": ids[conclusion]}
                            if scheme:
                                value["scheme"] = scheme
                            self._unknown(ca, unknown, attacker, "undercut", ids[conclusion])
                            self.add(attacker, "undercuts", value, ("undercuts", attacker, group, conclusion))
                    else:
                        c.skip(f"CA {shown(ca)} attacks a {shown(kind) or 'typeless'} node ({shown(target)}) that "
                               f"was not imported; skipped", "a CA attacks a node not imported")

    def _rephrases(self) -> None:
        c, ids = self.c, self.c.ids
        for ma in c.of_type("MA"):
            sources = [s for s in self._i_preds(ma) if s in c.home]
            chosen = set(sources)
            targets = [t for t in c.g.succ.get(ma, NONE) if t in ids and t not in chosen]
            if not sources or not targets:
                c.skip(f"MA {shown(ma)} (rephrase) does not join two imported I-nodes; skipped",
                       "an MA does not join two I-nodes")
                continue
            c.spend(len(sources) * len(targets))
            for source in sources:
                for target in targets:
                    if ("same_as", target, source) not in self._seen:
                        self.add(source, "same_as", ids[target], ("same_as", source, target))

    def _from_records(self) -> None:
        """argmap's own relations (block version 2): each node's, in the order the map declares them.

        The graph gave every relation it can carry above; for a node whose
        block lists its relations, those replace them, exactly: schemes as
        named (a Default Inference the map named too), who draws each
        inference, qualifications and related_to (which AIF lacks or shares
        with same_as), and which premise each undercut names.
        """
        c, ids = self.c, self.c.ids
        for node_id, info in c.home.items():
            if info.relations is None:
                continue
            self.out.pop(node_id, None)
            for record in info.relations:
                target = c.id_of_ref.get(record.to)
                if target is None or target == ids[node_id]:
                    c.skip(f"a relation of {ids[node_id]} to {shown(record.to)}, a node not imported, was dropped",
                           "a relation to a node not imported")
                    continue
                value: dict = {"to": target}
                if record.kind == "supports":
                    others = self._co_premises(node_id, record.snodes, target)
                    if others:
                        value["with"] = [ids[p] for p in others]
                    if record.by:
                        value["by"] = record.by
                elif record.kind == "undercuts":
                    premise = c.id_of_ref.get(record.premise or "")
                    if premise is None:
                        c.skip(f"an undercut by {ids[node_id]} names a premise not imported; dropped",
                               "an undercut names a premise not imported")
                        continue
                    value = {"from": premise, "to": target}
                elif record.kind == "qualifies" and record.how:
                    value["how"] = record.how
                if record.scheme and record.kind in ("supports", "attacks", "undercuts"):
                    value["scheme"] = record.scheme
                key = (record.kind, node_id, json_key(value))
                self.add(node_id, record.kind, value if len(value) > 1 or record.kind == "undercuts" else target,
                         key)

    def _co_premises(self, node_id: str, snodes: tuple[str, ...], target: str) -> list[str]:
        """The other premises of a support: its RA's (as the record names it), else the graph's one inference."""
        ids = self.c.ids
        for ra in snodes[:1]:
            for group, conclusion in self.arguments.get(ra, ()):
                if ids[conclusion] == target and node_id in group:
                    return [p for p in group if p != node_id]
        if self._groups is None:  # once: (premise, conclusion id) -> the groups it is in
            self._groups = {}
            for groups in self.arguments.values():
                for group, conclusion in groups:
                    for premise in group:
                        self._groups.setdefault((premise, ids[conclusion]), set()).add(group)
        found = self._groups.get((node_id, target), ())
        return [p for p in next(iter(found)) if p != node_id] if len(found) == 1 else []

    def _unknown(self, s_node: str, name: str | None, declarer: str, what: str, target: str) -> None:
        """Keep a scheme *name* the catalogue lacks in the declarer's note."""
        if name:
            self.unknown_schemes.setdefault(declarer, []).append(f"the {what} of {target} uses the scheme {name}")
            self.c.skip(f"{self.c.g.nodes[s_node].type} {shown(s_node)}: the scheme {shown(name)} is not in "
                        f"argmap's catalogue; kept in the note of {self.c.ids[declarer]}",
                        "a scheme not in argmap's catalogue")

    def _undercut_premise(self, attacker: str, group: tuple[str, ...], conclusion: str) -> str:
        """The premise an undercut names: as the map had it (``argmap`` block), else the first."""
        ranks = self._ranks.get(attacker)
        if ranks is None:  # once per attacker: (premise ref, conclusion ref) -> its place in the block's list
            ranks = self._ranks[attacker] = {}
            for rank, pair in enumerate(self.c.home[attacker].undercuts):
                ranks.setdefault(pair, rank)
        if ranks:
            target = self._ref_of(conclusion)
            ranked = [(ranks[(ref, target)], p) for p in group if (ref := self._ref_of(p)) and (ref, target) in ranks]
            if ranked:
                return min(ranked)[1]
        return group[0]

    def _ref_of(self, node_id: str) -> str | None:
        info = self.c.home.get(node_id)
        if info is None:
            return self.c.ids.get(node_id)  # a context node's id is its ref
        return f"{info.ref_map}:{info.ref_node}" if info.ref_map else None
