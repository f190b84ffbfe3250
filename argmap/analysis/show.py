"""The argument tree of a map as indented text or Markdown, for reading or pasting into a report.

Each conclusion is followed by what bears on it: its supports (a linked
support as one group), the undercuts of each support, and its attackers,
recursively, then what qualifies it and what is related to it.  Labels are
shown as debate states (:mod:`argmap.analysis.states`), and each node's force
(ascribed, reported, hedged, a rhetorical question) is named beside it.
A node that appears twice is written out once and referred to
("see above") after that, so shared premises and cycles stay finite.
The roots are the map's nodes that bear on nothing else in the map.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import LINKS, ArgMap, Argument, Force, Kind, Label, Node, Project, Ref, Relation, RelKind
from ..schemes import name_of
from ..visible import visible
from .states import LEGEND, debate_state

__all__ = ["Item", "tree", "roots", "render_text", "render_markdown", "force_phrase", "relation_detail"]

MARKERS = {"supports": "+", "attacks": "−", "undercuts": "⊘", "linked": "+", "same_as": "=", "root": "",
           "qualifies": "~", "related_to": "≈"}


@dataclass
class Item:
    relation: str                      # root, supports, attacks, undercuts, linked (a group), same_as,
                                       # qualifies, related_to
    ref: Ref | None = None             # None for a linked group
    children: list[Item] = field(default_factory=list)
    repeated: bool = False             # written out earlier: refer to it
    truncated: bool = False            # --depth cut its children off
    detail: str = ""                   # the relation's scheme, who draws it, how it qualifies


def force_phrase(project: Project, node: Node) -> str:
    """How *node* is put forward, in words ("ascribed by Allister Heath"), or "" for a plain assertion.

    A concession's own force (conceded) goes without saying: its kind says it.
    """
    force = node.effective_force
    if force is Force.ASSERTED or (force is Force.CONCEDED and node.kind is Kind.CONCESSION):
        return ""
    if force is Force.ASCRIBED or force is Force.REPORTED:
        sid = project.said_by(node)
        argmap = project.maps.get(node.map_id)
        speaker = argmap.speakers.get(sid) if argmap and sid else None
        who = speaker.name if speaker else (sid or "?")
        return f"{force.value} by {who}"
    return force.value.replace("-", " ")


def relation_detail(project: Project, relation: Relation) -> str:
    """A relation's scheme, who draws it and how it qualifies, in words ("not enough; scheme example")."""
    parts = []
    if relation.how is not None:
        parts.append(relation.how.value.replace("-", " "))
    if relation.drawn_by is not None:
        argmap = project.maps.get(relation.source.map_id)
        speaker = argmap.speakers.get(relation.drawn_by) if argmap else None
        parts.append(f"inference drawn by {speaker.name if speaker else relation.drawn_by}")
    if relation.scheme is not None:
        parts.append(f"scheme: {name_of(relation.scheme)}")
    return "; ".join(parts)


def roots(project: Project, argmap: ArgMap) -> list[Ref]:
    """The map's nodes that support, attack and undercut nothing in the map (its top conclusions)."""
    tops = []
    for node in argmap.nodes.values():
        bears = any(r.kind not in LINKS and r.target.map_id == argmap.id for r in node.relations)
        bears = bears or any(r.target.map_id == argmap.id for r in project.premise_in(node.ref))
        if not bears:
            tops.append(node.ref)
    return tops


def tree(project: Project, argmap: ArgMap, start: Sequence[Ref] | None = None,
         depth: int | None = None) -> list[Item]:
    """The trees under *start* (default: the map's roots, then whatever they do not reach)."""
    shown: set[Ref] = set()
    arguments: dict[Ref, list[Argument]] = {}
    for argument in project.arguments():
        arguments.setdefault(argument.conclusion, []).append(argument)
    undercuts: dict[tuple[Ref, Ref], list[Relation]] = {}
    details: dict[tuple[Ref, Ref], str] = {}  # (premise, conclusion) -> the support's detail
    for node in project.nodes():
        for relation in node.relations:
            if relation.kind is RelKind.UNDERCUTS and relation.premise is not None:
                undercuts.setdefault((relation.premise, relation.target), []).append(relation)
            elif relation.kind is RelKind.SUPPORTS and (relation.scheme or relation.drawn_by):
                details[(relation.source, relation.target)] = relation_detail(project, relation)

    def expand(item: Item, level: int) -> Item:
        ref = item.ref
        if ref in shown:
            item.repeated = True
            return item
        shown.add(ref)
        if project.node(ref) is None:
            return item
        if depth is not None and level >= depth:
            item.truncated = bool(arguments.get(ref) or _attackers(project, ref))
            return item
        for argument in arguments.get(ref, ()):
            cutters = {u.source: relation_detail(project, u)
                       for p in argument.premises for u in undercuts.get((p, ref), ())}
            detail = next((d for p in argument.premises if (d := details.get((p, ref)))), "")
            if len(argument.premises) == 1:
                child = Item("supports", argument.premises[0], detail=detail)
                expand(child, level + 1)
                child.children += [expand(Item("undercuts", u, detail=d), level + 2) for u, d in cutters.items()]
            else:
                child = Item("linked", detail=detail)
                child.children = [expand(Item("supports", p), level + 2) for p in argument.premises]
                child.children += [expand(Item("undercuts", u, detail=d), level + 2) for u, d in cutters.items()]
            item.children.append(child)
        for relation in _incoming(project, ref, RelKind.ATTACKS):
            item.children.append(expand(Item("attacks", relation.source,
                                              detail=relation_detail(project, relation)), level + 1))
        for relation in _incoming(project, ref, RelKind.QUALIFIES):
            item.children.append(expand(Item("qualifies", relation.source,
                                              detail=relation_detail(project, relation)), level + 1))
        for other in sorted(project.same_as_class(ref) - {ref}):
            item.children.append(Item("same_as", other, repeated=other in shown))
        related = [r.target for r in project.outgoing(ref) if r.kind is RelKind.RELATED_TO]
        related += [r.source for r in project.incoming(ref) if r.kind is RelKind.RELATED_TO]
        for other in dict.fromkeys(related):
            item.children.append(Item("related_to", other, repeated=other in shown))
        return item

    if start is not None:
        return [expand(Item("root", ref), 0) for ref in start]
    items = [expand(Item("root", ref), 0) for ref in roots(project, argmap)]
    for node in argmap.nodes.values():  # nodes only reachable through a cycle
        if node.ref not in shown:
            items.append(expand(Item("root", node.ref), 0))
    return items


def _attackers(project: Project, ref: Ref) -> list[Ref]:
    return list(dict.fromkeys(r.source for r in project.incoming(ref) if r.kind is RelKind.ATTACKS))


def _incoming(project: Project, ref: Ref, kind: RelKind) -> list[Relation]:
    """The relations of *kind* on *ref*, one per source."""
    return list({r.source: r for r in reversed(project.incoming(ref)) if r.kind is kind}.values())[::-1]


# -- rendering ------------------------------------------------------------------------------------


def _name(ref: Ref, home: str) -> str:
    return ref.node_id if ref.map_id == home else str(ref)


def render_text(project: Project, argmap: ArgMap, items: list[Item], labels: dict[Ref, Label] | None,
                style, width: int = 100, quotes: bool = False) -> str:
    from ..palette import KIND_COLOURS, LABEL_COLOURS, RELATION_COLOURS

    lines: list[str] = []
    colours = {"supports": RELATION_COLOURS[RelKind.SUPPORTS], "linked": RELATION_COLOURS[RelKind.SUPPORTS],
               "attacks": RELATION_COLOURS[RelKind.ATTACKS], "undercuts": RELATION_COLOURS[RelKind.UNDERCUTS],
               "same_as": RELATION_COLOURS[RelKind.SAME_AS], "qualifies": RELATION_COLOURS[RelKind.QUALIFIES],
               "related_to": RELATION_COLOURS[RelKind.RELATED_TO]}

    def emit(item: Item, indent: int) -> None:
        pad = "  " * indent
        marker = MARKERS[item.relation]
        mark = style.fg(marker, colours[item.relation], bold=True) + " " if marker else ""
        detail = style.dim(f"[{visible(item.detail, one_line=True)}]") + " " if item.detail else ""
        if item.ref is None:
            lines.append(f"{pad}{mark}{detail}{style.dim('together:')}")
            for child in item.children:
                emit(child, indent + 1)
            return
        node = project.node(item.ref)
        name = style.bold(_name(item.ref, argmap.id))
        label = ""
        if labels is not None and item.ref in labels:
            state = debate_state(project, labels, item.ref)
            label = style.fg(f"[{state.value}]", LABEL_COLOURS[labels[item.ref]], bold=True) + " "
        if item.relation in ("same_as", "related_to"):
            words = "same as" if item.relation == "same_as" else "related to"
            lines.append(f"{pad}{mark}{style.dim(words)} {name}")
            return
        if node is None:
            lines.append(f"{pad}{mark}{name} {style.dim('(missing)')}")
            return
        if item.repeated:
            lines.append(f"{pad}{mark}{label}{name} {style.dim('(see above)')}")
            return
        speaker = project.speaker(item.ref)
        who = visible(speaker.name if speaker else node.by, one_line=True)
        kind = style.fg(node.kind.value, KIND_COLOURS[node.kind])
        force = force_phrase(project, node)
        force = ", " + style.bold(visible(force, one_line=True)) if force else ""
        head = f"{pad}{mark}{detail}{label}{name} ({kind}, {who}{force})"
        lines.append(head)
        hang = pad + (" " * (len(marker) + 1) if marker else "") + "    "
        body = visible(" ".join(node.text.split()))
        lines.extend(textwrap.wrap(body, width=max(40, width), initial_indent=hang, subsequent_indent=hang)
                     or [hang])
        if quotes:
            for quote in node.quotes:
                text = "“" + visible(" ".join(quote.text.split())) + "”"
                lines.extend(style.dim(line) for line in textwrap.wrap(
                    text, width=max(40, width), initial_indent=hang + "  ", subsequent_indent=hang + "   "))
        if item.truncated:
            lines.append(hang + style.dim("…"))
        for child in item.children:
            emit(child, indent + 1)

    title = style.bold(f"{argmap.id}") + f": {visible(argmap.title, one_line=True)}"
    lines.append(title)
    lines.append(style.dim("+ supports   − attacks   ⊘ undercuts the support above   ~ qualifies (never defeats)"
                           "   = same as   ≈ related to"))
    if labels is not None:
        lines.append(style.dim(f"states in the debate as mapped (grounded): {LEGEND}"))
    lines.append("")
    for item in items:
        emit(item, 0)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_markdown(project: Project, argmap: ArgMap, items: list[Item], labels: dict[Ref, Label] | None,
                    quotes: bool = False) -> str:
    source = argmap.source
    lines = [f"## {_md(argmap.title)}", "", f"Map `{argmap.id}`" + (
        f" ({_md(source.outlet)}" + (f", {_md(source.date)}" if source.date else "") + ")"
        if source.outlet else "") + ".", ""]
    verbs = {"supports": "supports", "attacks": "attacks", "undercuts": "undercuts", "qualifies": "qualifies",
             "root": ""}

    def emit(item: Item, indent: int) -> None:
        pad = "  " * indent
        detail = f" ({_md(item.detail)})" if item.detail else ""
        if item.ref is None:
            lines.append(f"{pad}- linked support (together){detail}:")
            for child in item.children:
                emit(child, indent + 1)
            return
        name = f"`{_name(item.ref, argmap.id)}`"
        if item.relation in ("same_as", "related_to"):
            lines.append(f"{pad}- {'same as' if item.relation == 'same_as' else 'related to'} {name}")
            return
        node = project.node(item.ref)
        label = ""
        if labels is not None and item.ref in labels:
            label = f"**{debate_state(project, labels, item.ref).value}** "
        verb = verbs[item.relation]
        verb = f"*{verb}{detail}:* " if verb else ""
        if node is None:
            lines.append(f"{pad}- {verb}{name} (missing)")
            return
        if item.repeated:
            lines.append(f"{pad}- {verb}{label}{name} (see above)")
            return
        speaker = project.speaker(item.ref)
        who = speaker.name if speaker else node.by
        force = force_phrase(project, node)
        who += f", {force}" if force else ""
        text = " ".join(node.text.split())
        lines.append(f"{pad}- {verb}{label}{name} ({node.kind.value}, {_md(who)}): {_md(text)}")
        if quotes:
            for quote in node.quotes:
                lines.append(f"{pad}  > “{_md(' '.join(quote.text.split()))}”")
        for child in item.children:
            emit(child, indent + 1)

    for item in items:
        emit(item, 0)
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """*text* as one line of literal Markdown: no markup, no HTML, no terminal controls.

    Every field that reaches Markdown passes here once (it is the only
    escaping they get), so a title or a name cannot open a heading, a link or
    a tag, or end its line early.
    """
    text = visible(text, one_line=True)
    for ch in ("\\", "*", "_", "`", "[", "]", "<", ">", "&"):  # &: no character references either
        text = text.replace(ch, "\\" + ch)
    return text
