"""The argument tree of a map as indented text or Markdown, for reading or pasting into a report.

Each conclusion is followed by what bears on it: its supports (a linked
support as one group), the undercuts of each support, and its attackers,
recursively.  A node that appears twice is written out once and referred to
("see above") after that, so shared premises and cycles stay finite.
The roots are the map's nodes that bear on nothing else in the map.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import ArgMap, Argument, Label, Project, Ref, RelKind
from ..visible import visible

__all__ = ["Item", "tree", "roots", "render_text", "render_markdown"]

MARKERS = {"supports": "+", "attacks": "−", "undercuts": "⊘", "linked": "+", "same_as": "=", "root": ""}


@dataclass
class Item:
    relation: str                      # root, supports, attacks, undercuts, linked (a group), same_as
    ref: Ref | None = None             # None for a linked group
    children: list[Item] = field(default_factory=list)
    repeated: bool = False             # written out earlier: refer to it
    truncated: bool = False            # --depth cut its children off


def roots(project: Project, argmap: ArgMap) -> list[Ref]:
    """The map's nodes that support, attack and undercut nothing in the map (its top conclusions)."""
    tops = []
    for node in argmap.nodes.values():
        bears = any(r.kind is not RelKind.SAME_AS and r.target.map_id == argmap.id for r in node.relations)
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
    undercuts: dict[tuple[Ref, Ref], list[Ref]] = {}
    for node in project.nodes():
        for relation in node.relations:
            if relation.kind is RelKind.UNDERCUTS and relation.premise is not None:
                undercuts.setdefault((relation.premise, relation.target), []).append(relation.source)

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
            cutters = [u for p in argument.premises for u in undercuts.get((p, ref), ())]
            cutters = list(dict.fromkeys(cutters))
            if len(argument.premises) == 1:
                child = Item("supports", argument.premises[0])
                expand(child, level + 1)
                child.children += [expand(Item("undercuts", u), level + 2) for u in cutters]
            else:
                child = Item("linked")
                child.children = [expand(Item("supports", p), level + 2) for p in argument.premises]
                child.children += [expand(Item("undercuts", u), level + 2) for u in cutters]
            item.children.append(child)
        for attacker in _attackers(project, ref):
            item.children.append(expand(Item("attacks", attacker), level + 1))
        for other in sorted(project.same_as_class(ref) - {ref}):
            item.children.append(Item("same_as", other, repeated=other in shown))
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


# -- rendering ------------------------------------------------------------------------------------


def _name(ref: Ref, home: str) -> str:
    return ref.node_id if ref.map_id == home else str(ref)


def render_text(project: Project, argmap: ArgMap, items: list[Item], labels: dict[Ref, Label] | None,
                style, width: int = 100, quotes: bool = False) -> str:
    from ..palette import KIND_COLOURS, RELATION_COLOURS

    lines: list[str] = []
    colours = {"supports": RELATION_COLOURS[RelKind.SUPPORTS], "linked": RELATION_COLOURS[RelKind.SUPPORTS],
               "attacks": RELATION_COLOURS[RelKind.ATTACKS], "undercuts": RELATION_COLOURS[RelKind.UNDERCUTS],
               "same_as": RELATION_COLOURS[RelKind.SAME_AS]}

    def emit(item: Item, indent: int) -> None:
        pad = "  " * indent
        marker = MARKERS[item.relation]
        mark = style.fg(marker, colours[item.relation], bold=True) + " " if marker else ""
        if item.ref is None:
            lines.append(f"{pad}{mark}{style.dim('together:')}")
            for child in item.children:
                emit(child, indent + 1)
            return
        node = project.node(item.ref)
        name = style.bold(_name(item.ref, argmap.id))
        label = ""
        if labels is not None and item.ref in labels:
            label = style.label(labels[item.ref]) + " "
        if item.relation == "same_as":
            lines.append(f"{pad}{mark}{style.dim('same as')} {name}")
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
        head = f"{pad}{mark}{label}{name} ({kind}, {who})"
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
    lines.append(style.dim("+ supports   − attacks   ⊘ undercuts the support above   = same as"
                           + ("   labels: grounded" if labels is not None else "")))
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
    verbs = {"supports": "supports", "attacks": "attacks", "undercuts": "undercuts", "root": ""}

    def emit(item: Item, indent: int) -> None:
        pad = "  " * indent
        if item.ref is None:
            lines.append(f"{pad}- linked support (together):")
            for child in item.children:
                emit(child, indent + 1)
            return
        name = f"`{_name(item.ref, argmap.id)}`"
        if item.relation == "same_as":
            lines.append(f"{pad}- same as {name}")
            return
        node = project.node(item.ref)
        label = f"**{labels[item.ref].value.upper()}** " if labels is not None and item.ref in labels else ""
        verb = verbs[item.relation]
        verb = f"*{verb}:* " if verb else ""
        if node is None:
            lines.append(f"{pad}- {verb}{name} (missing)")
            return
        if item.repeated:
            lines.append(f"{pad}- {verb}{label}{name} (see above)")
            return
        speaker = project.speaker(item.ref)
        who = speaker.name if speaker else node.by
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
