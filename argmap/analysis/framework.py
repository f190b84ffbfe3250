"""The argumentation framework a project makes, and its grounded labelling (docs/analysis.md).

How a project becomes a framework is described in :mod:`argmap.analysis.semantics`,
which is the module to import; this one holds the framework itself, its
element names and the linear-time grounded solver that every semantics starts from.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from ..errors import ArgmapError
from ..model import Argument, Label, Project, Ref, RelKind

SEMANTICS = ("grounded", "preferred", "stable")
MAX_STEPS = 200_000          # search decisions per dispute (preferred, stable)
MAX_LABELLINGS = 20_000      # complete labellings kept per dispute while searching

# Label codes in the solvers' arrays.
_NONE, _IN, _OUT, _UNDEC = 0, 1, 2, 3
_CODE = {_IN: Label.IN, _OUT: Label.OUT, _UNDEC: Label.UNDEC, _NONE: Label.UNDEC}
_LABEL_CODE = {Label.IN: _IN, Label.OUT: _OUT, Label.UNDEC: _UNDEC}


def label_of_code(code: int) -> Label:
    """The Label of a solver code (as in :attr:`Dispute.alternatives`)."""
    return _CODE[code]


class TooHard(ArgmapError):
    """An exact preferred/stable search would take too long."""


# --------------------------------------------------------------------------------------------
# The framework


class Framework:
    """An abstract argumentation framework: elements and who attacks whom.

    ``elements[:n_nodes]`` are the map's nodes (or, for an abstract framework,
    every argument); the rest are inferences.  ``attackers[i]`` lists the
    indices of the elements that attack element *i* (no duplicates).
    """

    __slots__ = ("elements", "attackers", "n_nodes", "index", "_targets", "undercuts")

    def __init__(self, elements: Sequence[Hashable], attackers: list[list[int]], n_nodes: int | None = None,
                 undercuts: set[tuple[int, int]] | None = None) -> None:
        self.elements = list(elements)
        self.attackers = attackers
        self.n_nodes = len(self.elements) if n_nodes is None else n_nodes
        self.index = {e: i for i, e in enumerate(self.elements)}
        self._targets: list[list[int]] | None = None
        # (attacker, inference) pairs that are undercuts, for explanations.
        self.undercuts = undercuts or set()

    @classmethod
    def from_attacks(cls, arguments: Iterable[Hashable], attacks: Iterable[tuple[Hashable, Hashable]]) -> Framework:
        """An abstract framework: ``from_attacks("abc", [("b", "a"), ("c", "b")])``."""
        elements = list(dict.fromkeys(arguments))
        index = {e: i for i, e in enumerate(elements)}
        attackers: list[list[int]] = [[] for _ in elements]
        for a, b in attacks:
            for e in (a, b):
                if e not in index:
                    index[e] = len(elements)
                    elements.append(e)
                    attackers.append([])
            if index[a] not in attackers[index[b]]:
                attackers[index[b]].append(index[a])
        return cls(elements, attackers)

    @property
    def targets(self) -> list[list[int]]:
        """``targets[i]``: the elements that element *i* attacks."""
        if self._targets is None:
            targets: list[list[int]] = [[] for _ in self.elements]
            for b, atts in enumerate(self.attackers):
                for a in atts:
                    targets[a].append(b)
            self._targets = targets
        return self._targets

    def __len__(self) -> int:
        return len(self.elements)

    @property
    def n_attacks(self) -> int:
        return sum(map(len, self.attackers))


@dataclass(frozen=True, slots=True)
class NoStandingReason:
    """The framework element "every stated reason for *conclusion* is defeated".

    One per node that the maps give reasons for (that some ``supports``
    targets).  It is attacked by each inference for the node and attacks the
    node, and every inference that uses the node as a premise: so it is IN
    (and the node OUT) exactly when all the node's inferences are OUT.  See
    docs/analysis.md, "support and defeat".
    """

    conclusion: Ref


def framework(project: Project) -> Framework:
    """The argumentation framework of *project* (see the module docstring).

    Relations naming nodes that do not exist (a broken map) are skipped.
    """
    nodes = list(project.nodes())
    elements: list[Hashable] = [node.ref for node in nodes]
    index = {ref: i for i, ref in enumerate(elements)}
    n_nodes = len(elements)
    attackers: list[list[int]] = [[] for _ in range(n_nodes)]
    undercutters: dict[tuple[Ref, Ref], list[int]] = {}
    for i, node in enumerate(nodes):
        for relation in node.relations:
            kind = relation.kind
            if kind is RelKind.ATTACKS:  # qualifies, same_as and related_to never attack
                t = index.get(relation.target)
                if t is not None:
                    attackers[t].append(i)
            elif kind is RelKind.UNDERCUTS and relation.premise is not None:
                undercutters.setdefault((relation.premise, relation.target), []).append(i)
    for t, atts in enumerate(attackers):
        if len(atts) > 1:
            attackers[t] = list(dict.fromkeys(atts))
    undercuts: set[tuple[int, int]] = set()
    reasons: dict[int, list[int]] = {}    # node -> its inferences
    uses: list[tuple[int, list[int]]] = []  # inference -> its premises
    for argument in project.arguments():
        c = index.get(argument.conclusion)
        premises = [index.get(p) for p in argument.premises]
        if c is None or None in premises:
            continue
        k = len(elements)
        elements.append(argument)
        atts: list[int] = []
        for p in argument.premises:
            for u in undercutters.get((p, argument.conclusion), ()):
                atts.append(u)
                undercuts.add((u, k))
        for p in premises:
            atts.extend(attackers[p])
        atts.extend(attackers[c])
        attackers.append(list(dict.fromkeys(atts)) if len(atts) > 1 else atts)
        reasons.setdefault(c, []).append(k)
        uses.append((k, premises))
    # Support and defeat: a node the maps give reasons for stands only while
    # one of them does (docs/analysis.md).  Added after the inferences, so an
    # inference is never attacked by the lack of reasons for its own conclusion.
    lack: dict[int, int] = {}
    for c, ks in reasons.items():
        v = len(elements)
        elements.append(NoStandingReason(elements[c]))
        attackers.append(ks)
        attackers[c].append(v)
        lack[c] = v
    for k, premises in uses:
        for p in premises:
            v = lack.get(p)
            if v is not None and v not in attackers[k]:
                attackers[k].append(v)
    return Framework(elements, attackers, n_nodes, undercuts)


# --------------------------------------------------------------------------------------------
# Grounded semantics: linear time


def grounded_codes(af: Framework) -> tuple[bytearray, list[int]]:
    """The grounded labelling as codes, and for each OUT element the IN attacker that settled it.

    A queue-based propagation: an element with no attacker left that is not
    OUT is IN; whatever an IN element attacks is OUT.  Each element enters the
    queue at most once and each attack is followed at most twice: O(n + m).
    """
    attackers = af.attackers
    targets = af.targets
    n = len(attackers)
    codes = bytearray(n)
    witness = [-1] * n
    pending = [len(a) for a in attackers]       # attackers not (yet) OUT
    queue = [i for i in range(n) if not pending[i]]
    for i in queue:
        codes[i] = _IN
    while queue:
        x = queue.pop()
        for y in targets[x]:
            if codes[y]:
                continue
            codes[y] = _OUT
            witness[y] = x
            for z in targets[y]:
                pending[z] -= 1
                if not pending[z] and not codes[z]:
                    codes[z] = _IN
                    queue.append(z)
    for i in range(n):
        if not codes[i]:
            codes[i] = _UNDEC
    return codes, witness


# --------------------------------------------------------------------------------------------
# Labellings and their explanations


def element_name(af: Framework, i: int, context: Hashable | None = None) -> str:
    """A short name for element *i*: a bare node id inside the map of *context*."""
    element = af.elements[i]
    if isinstance(element, Ref):
        home = context.map_id if isinstance(context, Ref) else (
            context.conclusion.map_id if isinstance(context, Argument) else None)
        return element.node_id if element.map_id == home else str(element)
    if isinstance(element, Argument):
        home = element.conclusion.map_id
        names = [p.node_id if p.map_id == home else str(p) for p in element.premises]
        return " + ".join(names) + " ⇒ " + element.conclusion.node_id
    if isinstance(element, NoStandingReason):
        return f"no standing reason for {element_name(af, af.index[element.conclusion], context)}"
    return str(element)


def _names(af: Framework, items: Sequence[int], context: Hashable, most: int = 3, joiner: str = "and") -> str:
    shown = [element_name(af, i, context) for i in items[:most]]
    if len(items) > most:
        shown.append(f"{len(items) - most} more")
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + f" {joiner} " + shown[-1]
