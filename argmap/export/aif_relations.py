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

    def add(self, node_id: str, kind: str, value: object, key: tuple) -> None:
        if key not in self._seen:
            self._seen.add(key)
            self.out.setdefault(node_id, {}).setdefault(kind, []).append(value)

    def build(self) -> None:
        self._supports()
        self._conflicts()
        self._rephrases()
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
                if len(group) == 1:
                    self.add(declarer, "supports", target, ("supports", ids[group[0]], target))
                else:
                    self.add(declarer, "supports", {"to": target, "with": [ids[p] for p in group if p != declarer]},
                             ("supports", frozenset(ids[p] for p in group), target))
            if len(conclusions) > 1:
                c.skip(f"RA {shown(ra)} has {len(conclusions):,} conclusions; imported as one support each",
                       "an RA has several conclusions")

    def _conflicts(self) -> None:
        c, ids = self.c, self.c.ids
        for ca in c.of_type("CA"):
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
                        self.add(attacker, "attacks", ids[target], ("attacks", attacker, target))
                    elif inferences:
                        for group, conclusion in inferences:
                            if attacker in group or attacker == conclusion:
                                c.skip(f"CA {shown(ca)}: a node undercutting its own inference; skipped",
                                       "a self-undercut")
                                continue
                            value = {"from": ids[self._undercut_premise(attacker, group, conclusion)],
                                     "to": ids[conclusion]}
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
