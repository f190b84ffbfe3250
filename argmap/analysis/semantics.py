"""Which claims stand: a map read as an abstract argumentation framework.

How a project becomes a framework (docs/analysis.md has the worked example):

* Its **elements** are every node (``map:node``) and one element per inference,
  i.e. per :class:`~argmap.model.Argument` of :meth:`Project.arguments`
  (premises ⇒ conclusion; a linked group is one inference).
* ``x attacks y`` (rebut or undermine) makes x attack the node y.
* ``u undercuts p ⇒ c`` makes u attack every inference from p to c (a linked
  inference with p among its premises included).
* An inference is also attacked by whatever attacks one of its premises or
  its conclusion (as in ASPIC+: an argument falls with its premises, and a
  rebutted conclusion takes the argument for it down).
* Supports, ``qualifies``, ``same_as`` and ``related_to`` add no attacks, and
  inference elements attack nothing: a qualification never defeats.
* A node the maps give reasons for stands only while one of them does: one
  :class:`NoStandingReason` element per supported node, attacked by each of
  its inferences, attacks the node and the inferences that use it as a
  premise.  A node given no reason stands or falls by its attackers alone.

Semantics:

* ``grounded``: the sceptical, unique labelling, computed in linear time by
  a queue (each element and attack is visited a bounded number of times).
* ``preferred`` and ``stable``: every labelling agrees with the grounded one
  outside the *open disputes* (the weakly connected parts of the attack graph
  restricted to grounded-UNDEC elements), and the disputes are independent,
  so each is solved on its own by a labelling-based backtracking search with
  propagation.  The search is exponential in the worst case; it stops with
  :class:`TooHard` past :data:`MAX_STEPS` decisions or :data:`MAX_LABELLINGS`
  labellings of one dispute.  :func:`label` then returns the *sceptical*
  view (IN or OUT where every labelling agrees, UNDEC elsewhere);
  :func:`solve` gives every labelling.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import product

from ..errors import ArgmapError
from ..gcpause import gc_paused
from ..model import Argument, Label, Project, Ref, RelKind

__all__ = ["SEMANTICS", "Framework", "NoStandingReason", "Labelling", "Solution", "TooHard", "label", "solve",
           "framework", "element_name", "label_of_code", "MAX_STEPS", "MAX_LABELLINGS"]

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
# Preferred and stable semantics: search within each open dispute


@dataclass(frozen=True)
class Dispute:
    """A weakly connected set of grounded-UNDEC elements and its labellings under some semantics."""

    members: tuple[int, ...]
    alternatives: tuple[tuple[int, ...], ...]   # one code per member, per labelling


def _disputes(af: Framework, codes: bytearray) -> list[list[int]]:
    """Weakly connected components of the attack graph restricted to UNDEC elements."""
    parent = {i: i for i in range(len(codes)) if codes[i] == _UNDEC}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for b in parent:
        for a in af.attackers[b]:
            if a in parent:
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in parent:
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _complete_labellings(af: Framework, members: list[int], stable: bool, max_steps: int,
                         max_labellings: int, describe: str) -> list[tuple[int, ...]]:
    """Every complete (or, if *stable*, stable) labelling of one dispute.

    Outside the dispute everything is settled: attackers from outside are OUT
    (an IN attacker would have made the element OUT in the grounded labelling),
    so only attacks inside the dispute matter.
    """
    local = {g: k for k, g in enumerate(members)}
    m = len(members)
    att = [[local[a] for a in af.attackers[g] if a in local] for g in members]
    tgt: list[list[int]] = [[] for _ in range(m)]
    for v, atts in enumerate(att):
        for a in atts:
            tgt[a].append(v)
    lab = [_NONE] * m
    trail: list[int] = []

    def put(v: int, code: int, queue: list[int]) -> bool:
        if lab[v] == _NONE:
            lab[v] = code
            trail.append(v)
            queue.append(v)
            return True
        return lab[v] == code

    def check(x: int, queue: list[int]) -> bool:
        """Enforce the labelling rule of x: IN iff all attackers OUT; OUT iff some attacker IN."""
        n_undec = 0
        free = []
        for a in att[x]:
            la = lab[a]
            if la == _IN:
                return put(x, _OUT, queue)
            if la == _UNDEC:
                n_undec += 1
            elif la == _NONE:
                free.append(a)
        lx = lab[x]
        if not free:
            if n_undec:
                return not stable and put(x, _UNDEC, queue)
            return put(x, _IN, queue)
        if lx == _IN:
            if n_undec:
                return False
            return all(put(a, _OUT, queue) for a in free)
        if lx == _OUT and len(free) == 1:
            return put(free[0], _IN, queue)
        if lx == _UNDEC and not n_undec and len(free) == 1:
            return put(free[0], _UNDEC, queue)
        return True

    def propagate(queue: list[int]) -> bool:
        while queue:
            v = queue.pop()
            if not check(v, queue):
                return False
            for x in tgt[v]:
                if not check(x, queue):
                    return False
        return True

    def undo(length: int) -> None:
        while len(trail) > length:
            lab[trail.pop()] = _NONE

    def first_free(start: int) -> int:
        for v in range(start, m):
            if lab[v] == _NONE:
                return v
        return -1

    found: list[tuple[int, ...]] = []
    if not propagate(list(range(m))):
        return found
    values = (_IN, _OUT) if stable else (_IN, _OUT, _UNDEC)
    v = first_free(0)
    if v < 0:
        return [tuple(lab)]
    frames = [[v, len(trail), 0]]          # variable, trail length before it, next value index
    steps = 0
    while frames:
        frame = frames[-1]
        var, mark, k = frame
        undo(mark)
        if k == len(values):
            frames.pop()
            continue
        frame[2] = k + 1
        steps += 1
        if steps > max_steps:
            raise TooHard(f"the open dispute around {describe} ({m} elements) is too large to solve exactly "
                          f"(more than {max_steps:,} search steps); grounded semantics answers at once")
        queue: list[int] = []
        if put(var, values[k], queue) and propagate(queue):
            nxt = first_free(var + 1)
            if nxt < 0:
                found.append(tuple(lab))
                if len(found) > max_labellings:
                    raise TooHard(f"the open dispute around {describe} ({m} elements) has more than "
                                  f"{max_labellings:,} complete labellings; grounded semantics answers at once")
            else:
                frames.append([nxt, len(trail), 0])
    return found


def _maximal_in(labellings: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """The labellings whose IN set no other labelling's IN set strictly contains."""
    def in_set(codes: tuple[int, ...]) -> int:
        bits = 0
        for k, c in enumerate(codes):
            if c == _IN:
                bits |= 1 << k
        return bits

    ranked = sorted(((in_set(c), c) for c in labellings), key=lambda p: -p[0].bit_count())
    kept: list[tuple[int, tuple[int, ...]]] = []
    for bits, codes in ranked:
        if not any(bits & other == bits for other, _ in kept):
            kept.append((bits, codes))
    return [codes for _, codes in kept]


@dataclass(frozen=True)
class Solution:
    """Every labelling of a framework under one semantics, as independent disputes.

    Outside the disputes every labelling agrees with the grounded one; a
    labelling picks one alternative per dispute, so there are
    ``count = ∏ len(alternatives)`` of them.
    """

    semantics: str
    framework: Framework
    grounded: bytearray
    witness: list[int]
    disputes: tuple[Dispute, ...]
    dispute_of: dict[int, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        total = 1
        for dispute in self.disputes:
            total *= len(dispute.alternatives)
        return total

    def labellings(self, limit: int | None = None, context: Project | None = None) -> Iterator[Labelling]:
        """Each labelling in turn (at most *limit*)."""
        if self.count == 0:
            return
        choices = [d.alternatives for d in self.disputes]
        for n, pick in enumerate(product(*choices)):
            if limit is not None and n >= limit:
                return
            codes = bytearray(self.grounded)
            for dispute, alternative in zip(self.disputes, pick):
                for g, c in zip(dispute.members, alternative):
                    codes[g] = c
            yield Labelling(self.semantics, self.framework, codes, None, None)

    def labelling(self) -> Labelling:
        """The grounded labelling, or the sceptical view of this solution's labellings."""
        af = self.framework
        if self.semantics == "grounded":
            return Labelling("grounded", af, self.grounded, self.witness, self)
        codes = bytearray(self.grounded)
        if self.count == 0:
            codes = bytearray([_UNDEC]) * len(codes)
        else:
            for dispute in self.disputes:
                for pos, g in enumerate(dispute.members):
                    values = {alt[pos] for alt in dispute.alternatives}
                    codes[g] = values.pop() if len(values) == 1 else _UNDEC
        # Outside the disputes every labelling is the grounded one, so the grounded witnesses hold there.
        return Labelling(self.semantics, af, codes, self.witness, self)

    def tally(self, element: int) -> dict[Label, int]:
        """How many of the labellings give *element* each label."""
        k = self.dispute_of.get(element)
        if k is None:
            return {_CODE[self.grounded[element]]: self.count}
        dispute = self.disputes[k]
        rest = self.count // len(dispute.alternatives) if dispute.alternatives else 0
        pos = dispute.members.index(element)
        tally: dict[Label, int] = {}
        for alternative in dispute.alternatives:
            lab = _CODE[alternative[pos]]
            tally[lab] = tally.get(lab, 0) + rest
        return tally


def solve(target: Project | Framework, semantics: str = "preferred", *, max_steps: int = MAX_STEPS,
          max_labellings: int = MAX_LABELLINGS) -> Solution:
    """Every labelling of *target* under *semantics* (grounded has exactly one)."""
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; choose one of {', '.join(SEMANTICS)}")
    with gc_paused():
        af = target if isinstance(target, Framework) else framework(target)
        codes, witness = grounded_codes(af)
    if semantics == "grounded":
        return Solution(semantics, af, codes, witness, ())
    disputes = []
    dispute_of: dict[int, int] = {}
    for members in _disputes(af, codes):
        describe = element_name(af, members[0], None)
        found = _complete_labellings(af, members, semantics == "stable", max_steps, max_labellings, describe)
        if semantics == "preferred":
            found = _maximal_in(found)
        for g in members:
            dispute_of[g] = len(disputes)
        disputes.append(Dispute(tuple(members), tuple(found)))
    return Solution(semantics, af, codes, witness, tuple(disputes), dispute_of)


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


class Labelling:
    """A label for every element of a framework, with the reason for each.

    ``labels`` maps every node's :class:`Ref` (or, for an abstract framework,
    every argument) to its :class:`Label`; ``inferences`` does the same for
    each :class:`Argument`.  ``count`` is the number of labellings this one
    stands for: 1, or for the sceptical view of preferred/stable semantics
    the number of labellings summarised (0: no stable labelling exists).
    """

    def __init__(self, semantics: str, af: Framework, codes: bytearray, witness: list[int] | None,
                 solution: Solution | None) -> None:
        self.semantics = semantics
        self.framework = af
        self._codes = codes
        self._witness = witness
        self._solution = solution
        elements = af.elements
        n = af.n_nodes
        self.labels: dict = {elements[i]: _CODE[codes[i]] for i in range(n)}
        self.inferences: dict[Argument, Label] = {elements[i]: _CODE[codes[i]] for i in range(n, len(elements))
                                                  if type(elements[i]) is Argument}

    @property
    def count(self) -> int:
        return self._solution.count if self._solution is not None else 1

    def __getitem__(self, element: Hashable) -> Label:
        return _CODE[self._codes[self.framework.index[element]]]

    def get(self, element: Hashable, default: Label | None = None) -> Label | None:
        i = self.framework.index.get(element)
        return default if i is None else _CODE[self._codes[i]]

    def __contains__(self, element: Hashable) -> bool:
        return element in self.framework.index

    def extension(self) -> set:
        """The accepted (IN) nodes."""
        return {e for e, lab in self.labels.items() if lab is Label.IN}

    def explain(self, element: Hashable) -> str:
        """Why *element* (a Ref, an Argument, or an abstract argument) has its label."""
        af = self.framework
        i = af.index.get(element)
        if i is None:
            raise KeyError(element)
        lab = _CODE[self._codes[i]]
        head = lab.value.upper()
        solution = self._solution
        if solution is not None and self.semantics != "grounded":
            if solution.count == 0:
                return f"{head}: no {self.semantics} labelling exists ({self._no_stable_reason()})"
            if i in solution.dispute_of:
                return f"{head}: {self._dispute_reason(i, element, lab)}"
        return f"{head}: {self._local_reason(i, element, lab)}"

    # -- the reasons ---------------------------------------------------------------------------

    def _dispute_reason(self, i: int, element: Hashable, lab: Label) -> str:
        """The reason for an element of an open dispute in the sceptical view of several labellings."""
        af = self.framework
        solution = self._solution
        total = solution.count
        tally = solution.tally(i)
        many = f"{total:,} {self.semantics} labelling{'s' * (total != 1)}"
        attackers = af.attackers[i]
        if len(tally) > 1:
            parts = [f"{t.value.upper()} in {c:,}" for t, c in sorted(tally.items())]
            return f"the {many} disagree ({', '.join(parts)}); {self._cycle_phrase(i, element)}"
        if total == 1:
            many = f"the only {self.semantics} labelling"
            every = many
        else:
            every = f"all {many}"
        if lab is Label.IN:
            return f"IN in {every}: every attacker ({_names(af, attackers, element)}) is OUT"
        if lab is Label.OUT:
            return f"OUT in {every}: one of its attackers ({_names(af, attackers, element, joiner='or')}) is IN"
        return f"UNDEC in {every}; {self._cycle_phrase(i, element)}"

    def _label_of(self, i: int) -> int:
        return self._codes[i]

    def _local_reason(self, i: int, element: Hashable, lab: Label) -> str:
        af = self.framework
        attackers = af.attackers[i]
        if lab is Label.IN:
            real = [a for a in attackers if not isinstance(af.elements[a], NoStandingReason)]
            backed = ", and a stated reason for it stands" if len(real) < len(attackers) else ""
            if not real:
                return "unattacked" + backed
            return f"every attacker is OUT ({_names(af, real, element)}){backed}"
        if lab is Label.OUT:
            w = self._witness[i] if self._witness is not None and self._witness[i] >= 0 else None
            if w is None:
                w = next((a for a in attackers if self._codes[a] == _IN), attackers[0] if attackers else None)
            if w is None:
                return "OUT without an attacker (inconsistent labelling)"
            if isinstance(af.elements[w], NoStandingReason):
                return self._attack_phrase(i, w, element)
            return f"{self._attack_phrase(i, w, element)}, which is IN"
        undecided = [a for a in attackers if self._codes[a] in (_UNDEC, _NONE)]
        if not undecided:
            return "no attacker is IN, and not every attacker is OUT"
        if undecided == [i] or (i in undecided and len(undecided) == 1):
            return "it attacks itself, and nothing IN attacks it"
        if i in undecided:
            undecided.remove(i)
        undecided.sort(key=lambda a: isinstance(af.elements[a], NoStandingReason))  # name a real attacker first
        phrase = self._attack_phrase(i, undecided[0], element)
        lack = af.elements[undecided[0]]
        if isinstance(lack, NoStandingReason):
            whose = "it" if lack.conclusion == element else \
                f"its premise {element_name(af, af.index[lack.conclusion], element)}"
            return f"no stated reason for {whose} is IN, and not all are OUT; {self._cycle_phrase(i, element)}"
        more = f" (and {len(undecided) - 1} more UNDEC)" if len(undecided) > 1 else ""
        return f"{phrase}, which is UNDEC{more}, and by nothing IN; {self._cycle_phrase(i, element)}"

    def _attack_phrase(self, i: int, a: int, context: Hashable) -> str:
        """How a attacks i, in words: 'attacked by x', 'undercut by u', 'its premise p is attacked by x'."""
        af = self.framework
        who = element_name(af, a, context)
        element = af.elements[i]
        attacker = af.elements[a]
        if isinstance(attacker, NoStandingReason):
            ks = af.attackers[a]
            reasons = _names(af, ks, context, joiner="and")
            name = element_name(af, af.index[attacker.conclusion], context)
            if attacker.conclusion == element:
                return f"every stated reason for it is defeated ({reasons})"
            return f"every stated reason for its premise {name} is defeated ({reasons})"
        if isinstance(element, Argument):
            if (a, i) in af.undercuts:
                return f"undercut by {who}"
            for p in element.premises:
                pi = af.index.get(p)
                if pi is not None and a in af.attackers[pi]:
                    return f"its premise {element_name(af, pi, context)} is attacked by {who}"
            return f"its conclusion {element.conclusion.node_id} is attacked by {who}"
        if a == i:
            return "attacked by itself"
        return f"attacked by {who}"

    def _cycle(self, i: int) -> list[int] | None:
        """The attack cycle of UNDEC elements that *i* is in or hangs from, in the direction of attack."""
        af = self.framework
        undecided = (_UNDEC, _NONE)
        codes = self._solution.grounded if self._solution is not None else self._codes
        seen: dict[int, int] = {}
        path: list[int] = []
        cur = i
        while cur not in seen:
            seen[cur] = len(path)
            path.append(cur)
            nxt = next((a for a in af.attackers[cur] if codes[a] in undecided), None)
            if nxt is None:
                return None
            cur = nxt
        cycle = path[seen[cur]:]
        # path[k+1] attacks path[k]: turn it round to read in the direction of attack.
        return [cycle[0], *reversed(cycle[1:])]

    def _ring(self, cycle: list[int], context: Hashable) -> str:
        if len(cycle) == 1:
            return f"{element_name(self.framework, cycle[0], context)}, which attacks itself"
        kind = "odd" if len(cycle) % 2 else "even"
        text = " → ".join(element_name(self.framework, c, context) for c in [*cycle, cycle[0]])
        return f"the {kind} attack cycle {text}"

    def _cycle_phrase(self, i: int, context: Hashable) -> str:
        """Name the attack cycle an UNDEC element is caught in or hangs from."""
        cycle = self._cycle(i)
        if cycle is None:
            return "grounded semantics cannot settle it"
        if cycle == [i]:
            return "it attacks itself"
        return f"{'it is in' if i in cycle else 'it depends on'} {self._ring(cycle, context)}"

    def no_labelling_reason(self) -> str:
        """Why no labelling exists (when ``count`` is 0): the dispute that admits none."""
        return self._no_stable_reason()

    def _no_stable_reason(self) -> str:
        for dispute in self._solution.disputes:
            if not dispute.alternatives:
                first = dispute.members[0]
                cycle = self._cycle(first)
                context = self.framework.elements[first]
                if cycle and len(cycle) == 1:
                    where = f"the self-attacking {element_name(self.framework, cycle[0], context)}"
                elif cycle:
                    where = self._ring(cycle, context)
                else:
                    where = f"the dispute around {element_name(self.framework, first, None)}"
                return f"{where} admits none"
        return "no labelling satisfies the semantics"


def label(target: Project | Framework, semantics: str = "grounded", **limits: int) -> Labelling:
    """The labelling of *target* under *semantics*.

    For ``grounded`` this is the grounded labelling.  For ``preferred`` and
    ``stable`` it is the sceptical view of all their labellings: IN (or OUT)
    where every labelling says so, UNDEC where they differ (``explain`` gives
    the tally); with no stable labelling at all, every element is UNDEC and
    ``count`` is 0.  ``labels`` always holds every node of the project.
    """
    with gc_paused():
        return solve(target, semantics, **limits).labelling()
