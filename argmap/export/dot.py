"""Build the Graphviz DOT source of a scene, with every user string escaped.

User text reaches DOT only through :mod:`argmap.export.escape`, in quoted
strings, so no text can add a node, an edge or an attribute.  DOT node names
are our own (``n0``, ``j3``); node ids, texts and speakers appear only in
labels and in the ``id`` attribute (see :mod:`argmap.export.ids`).

Alongside the DOT the builder returns what the SVG post-processor needs to
finish the picture: each element's tooltip, classes and badge.  Tooltips
never pass through Graphviz: the post-processor writes them as SVG
``<title>`` elements, escaped by the XML serialiser.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .. import schemes
from ..analysis.show import force_phrase
from ..analysis.states import DebateState, debate_state
from ..model import Argument, Force, Label, Project, QualifyHow, Ref, RelKind, Speaker
from . import style
from .arrange import node_size, plan
from .escape import clean, dot_label, dot_string, html_label_text, truncate, wrap
from .ids import element_id, node_svg_id
from .scene import Edge, Scene

__all__ = ["DiagramOptions", "Drawing", "ElementInfo", "build_dot", "RANKDIRS", "GROUPS"]

RANKDIRS = ("AUTO", "BT", "TB", "LR", "RL")
# Layout effort by size (nodes + junctions): above BIG, lighter crossing minimisation; above
# HUGE, straight edges too (benchmarks/bench_export.py: 2,000 nodes in a few seconds).
BIG = 400
HUGE = 1200
GROUPS = ("none", "speaker")

_VERB = {RelKind.SUPPORTS: "supports", RelKind.ATTACKS: "attacks", RelKind.UNDERCUTS: "undercuts",
         RelKind.SAME_AS: "states the same as", RelKind.QUALIFIES: "qualifies",
         RelKind.RELATED_TO: "is related to"}
# An inference's label in the debate's words (docs/analysis.md): the semantics' IN/OUT never show.
_INFERENCE_STATE = {Label.IN: "stands", Label.OUT: "defeated", Label.UNDEC: "undecided"}


@dataclass(frozen=True)
class DiagramOptions:
    """How to draw a scene.

    ``labels`` maps node refs to acceptability labels (shown as a badge) and
    ``inference_labels`` maps inferences to theirs (shown on the junction).
    ``html`` uses Graphviz HTML-like labels (system ``dot`` only: the
    embedded renderer has none); SVG output gets the same look from the
    post-processor instead.
    """

    group: str = "none"
    rankdir: str = "AUTO"   # AUTO: conclusions on top or on the left, whichever suits the map
    legend: bool = True
    labels: Mapping[Ref, Label] | None = None
    inference_labels: Mapping[Argument, Label] | None = None
    html: bool = False
    wrap: int = style.WRAP
    max_lines: int = style.MAX_LINES
    arrange: bool = True    # stack main claims' trees page-shaped (argmap.export.arrange)
    correction: tuple[float, float] = (1.0, 1.0)   # for arrange: measured / estimated size
    heading: str | None = None   # a title drawn above the diagram (a page's main claim)


@dataclass
class ElementInfo:
    """What the SVG post-processor adds to one element.

    ``heads`` describes a node's small lines above its text, in order, as
    ``(class, colour)``: ``node-id`` (the header), ``node-state`` (its state
    in the debate, with ``--labels``), ``node-force`` (how it is put forward).
    """

    title: str
    classes: str
    ref: str | None = None
    heads: tuple[tuple[str, str | None], ...] = ()


@dataclass
class Drawing:
    dot: str
    elements: dict[str, ElementInfo] = field(default_factory=dict)
    map_id: str = ""
    legend: bool = False    # the SVG post-processor draws the legend
    labels: bool = False    # nodes carry their state in the debate
    plan: object = None     # the arrangement (argmap.export.arrange.Plan), if any
    used: frozenset[str] = frozenset()   # what the legend lists (argmap.export.legend.legend_items)


class Raw(str):
    """A value already in DOT syntax (a label built by :mod:`.escape`); anything else is quoted."""


def _attrs(attrs: Mapping[str, str]) -> str:
    return ", ".join(f"{k}={v}" if isinstance(v, Raw) else f"{k}={dot_string(v)}" for k, v in attrs.items())


def _speaker_line(chain: list[Speaker], by: str) -> str:
    """'Name (role), via Reporter, via Outlet' for an attribution chain."""
    if not chain:
        return by
    first = chain[0]
    text = first.name + (f" ({first.role})" if first.role else "")
    if len(chain) > 1:
        text += ", via " + ", via ".join(s.name for s in chain[1:])
    return text


def node_tooltip(project: Project, ref: Ref) -> str:
    """The tooltip of node *ref*: its text, its speaker (with the attribution chain), its quotes."""
    node = project.node(ref)
    if node is None:
        return f"{ref}: not loaded"
    lines = [f"{ref}  ({node.kind})", node.text, f"\u2014 {_speaker_line(project.attribution_of(node), node.by)}"]
    for quote in node.quotes:
        lines.append(f"\u201c{quote.text}\u201d")
    return "\n".join(clean(line) for line in lines)


SPEAKER_MIN = 12   # characters a speaker's name keeps, at least, beside a long node id


def header(node_id: str, speaker: str | None, budget: int) -> str:
    """The header line ``id · Speaker``, within *budget* characters.

    A long speaker name is shortened on a word boundary (the full name is in
    the tooltip, and a parenthesis is the first thing dropped); the id is
    kept whole unless it leaves the name fewer than :data:`SPEAKER_MIN`
    characters (then the id is cut: the full id is in the tooltip too).
    """
    node_id = clean(node_id)
    if speaker is None:
        return truncate(node_id, budget)
    speaker = clean(speaker)
    if len(node_id) + 3 + len(speaker) <= budget:
        return f"{node_id} \u00b7 {speaker}"
    room = max(SPEAKER_MIN, budget - 3 - len(node_id))
    if len(speaker) > room and " (" in speaker[1:]:   # "UK government (ministers and …)": the name
        speaker = speaker[: speaker.index(" (", 1)]
    speaker = truncate(speaker, room)
    return f"{truncate(node_id, max(4, budget - 3 - len(speaker)))} \u00b7 {speaker}"


def _height(lines: int) -> str:
    """A box's height in inches for *lines* lines of text, as the embedded Graphviz measures them.

    The system ``dot`` (Pango) measures a line of Arial about 10% shorter, so
    the same DOT gave pictures up to 15% less tall there; with the height
    given, both renderers draw the same boxes (a box is never smaller than
    its label: Graphviz takes the larger).
    """
    return f"{(lines * style.FONT_SIZE * 1.2 + 2 * style.PADDING[1]) / 72:.4f}"


def _short(text: str, limit: int) -> str:
    return truncate(clean(text), limit)


class _Builder:
    def __init__(self, project: Project, scene: Scene, options: DiagramOptions) -> None:
        self.project = project
        self.scene = scene
        self.options = options
        self.map_id = scene.map_id
        self.names: dict[Ref | int, str] = {}
        self.out: list[str] = []
        self.elements: dict[str, ElementInfo] = {}
        self.sizes: dict[Ref, tuple[float, float]] = {}   # estimated box sizes, for arrange
        self.plan = None
        self.states: set[DebateState] = set()   # states in the debate shown, for the legend
        self.forces: set[str] = set()           # forces shown
        self.used_extra: set[str] = set()       # schemes, who draws, qualification kinds shown
        self.stubs = False

    def _header_budget(self) -> int:
        """Characters the header line may take: as wide as a full line of body text."""
        return int(self.options.wrap * style.FONT_SIZE / style.ID_FONT_SIZE) + 4   # ids are narrow

    # -- labels ---------------------------------------------------------------------------
    def _label(self, heads: list[tuple[str, str, str | None]], lines: list[str]) -> str:
        """A node's label: header lines ``(text, class, colour)`` small above the body *lines*."""
        if self.options.html:
            head = []
            for text, cls, colour in heads:
                inner = html_label_text(text)
                if cls == "node-state":
                    inner = f"<B>{inner}</B>"
                elif cls == "node-force":
                    inner = f"<I>{inner}</I>"
                head.append(f'<FONT POINT-SIZE="{style.ID_FONT_SIZE}" COLOR="{colour or style.ID_COLOUR}">'
                            f"{inner}</FONT>")
            body = "<BR/>".join(html_label_text(line) for line in lines)
            return Raw("<" + "<BR/>".join([*head, body]) + ">")
        return Raw(dot_label([text for text, _c, _col in heads] + lines))

    def _heads(self, ref: Ref, header_text: str, node) -> list[tuple[str, str, str | None]]:
        """The small lines above a node's text: its header, its state in the debate, its force."""
        heads: list[tuple[str, str, str | None]] = [(header_text, "node-id", None)]
        labels = self.options.labels
        if labels is not None and node is not None:
            state = debate_state(self.project, labels, ref)
            if state is not None:
                heads.append((str(state), "node-state", style.label_colour(state.label)))
                self.states.add(state)
        if node is not None:
            phrase = force_phrase(self.project, node)
            if phrase:
                heads.append((truncate(clean(phrase), self._header_budget()), "node-force", None))
                self.forces.add(node.effective_force.value)
        return heads

    def node(self, index: int, ref: Ref) -> None:
        scene_node = self.scene.nodes[ref]
        node = scene_node.node
        name = f"n{index}"
        self.names[ref] = name
        home = scene_node.home
        svg_id = node_svg_id(ref) if home else element_id(self.map_id, "ext", node_svg_id(ref))
        shown_id = ref.node_id if home else str(ref)
        if scene_node.elsewhere is not None:
            return self.stub(name, ref, svg_id, scene_node.elsewhere)
        force = node.effective_force if node is not None else None
        if node is None:
            attrs = style.node_style(None)
            lines = ["(not loaded)"]
            classes = "missing"
            shown_id = truncate(clean(shown_id), self._header_budget())
        else:
            attrs = style.node_style(node.kind, context=not home, focus=scene_node.focus, force=force)
            speaker_name = None
            if self.options.group == "none" or not home:
                speaker = self.project.maps[ref.map_id].speakers.get(node.by)
                speaker_name = speaker.name if speaker else node.by
            shown_id = header(shown_id, speaker_name, self._header_budget())
            text = clean(node.text)
            if force is Force.REPORTED:   # reported speech stands in quotation marks
                text = f"{style.QUOTE_OPEN}{text}{style.QUOTE_CLOSE}"
            lines = wrap(text, self.options.wrap, self.options.max_lines)
            classes = f"{node.kind}" + ("" if home else " context") + (" focus" if scene_node.focus else "")
            if force is not None and force is not Force.ASSERTED:
                classes += f" force-{force.value}"
        heads = self._heads(ref, shown_id, node)
        self.sizes[ref] = node_size(lines, [text for text, _c, _col in heads], style.FONT_SIZE,
                                    style.ID_FONT_SIZE, *style.PADDING)
        attrs["label"] = self._label(heads, lines)
        attrs["height"] = _height(len(heads) + len(lines))
        attrs["id"] = svg_id
        attrs["class"] = classes
        self.out.append(f"  {name} [{_attrs(attrs)}];")
        self.elements[svg_id] = ElementInfo(node_tooltip(self.project, ref), classes, str(ref),
                                            heads=tuple((cls, colour) for _t, cls, colour in heads))

    def stub(self, name: str, ref: Ref, svg_id: str, where: str) -> None:
        """A node drawn on another page, where a relation to it starts or ends: "see page 3"."""
        node = self.scene.nodes[ref].node
        heads = [(truncate(clean(f"{where}: {ref.node_id}"), self._header_budget()), "node-id", None)]
        lines = wrap(clean(node.text if node is not None else ""), self.options.wrap, 2) or [""]
        attrs = style.stub_style()
        attrs["label"] = self._label(heads, lines)
        attrs["height"] = _height(len(heads) + len(lines))
        attrs["id"] = element_id(self.map_id, "stub", node_svg_id(ref))
        attrs["class"] = "stub"
        self.sizes[ref] = node_size(lines, [heads[0][0]], style.FONT_SIZE, style.ID_FONT_SIZE, *style.PADDING)
        self.out.append(f"  {name} [{_attrs(attrs)}];")
        self.elements[attrs["id"]] = ElementInfo(clean(f"{where}\n") + node_tooltip(self.project, ref), "stub",
                                                 str(ref), heads=(("node-id", None),))
        self.stubs = True

    def junction(self, index: int, argument: Argument, undercut: bool) -> None:
        name = f"j{index}"
        self.names[index] = name
        svg_id = element_id(self.map_id, "inference", index)
        label = self.options.inference_labels.get(argument) if self.options.inference_labels else None
        colour = style.label_colour(label) if label is not None else style.JUNCTION_COLOUR
        # A defeated inference (OUT) is a hollow ring, so it does not read as an attack.
        fill = "white" if label is Label.OUT else colour
        attrs = {"shape": "circle", "label": Raw('""'), "width": "0.13", "height": "0.13", "fixedsize": "true",
                 "style": "filled", "fillcolor": fill, "color": colour, "penwidth": "1.5", "id": svg_id,
                 "class": "inference" + (" linked" if len(argument.premises) > 1 else "")
                          + (" undercut" if undercut else "")}
        self.out.append(f"  {name} [{_attrs(attrs)}];")
        premises = " + ".join(self._ref_name(p) for p in argument.premises)
        title = f"inference: {premises} \u2192 {self._ref_name(argument.conclusion)}"
        if label is not None:
            title += f" ({_INFERENCE_STATE[label]})"
        self.elements[svg_id] = ElementInfo(title, attrs["class"])

    def _ref_name(self, ref: Ref) -> str:
        return ref.node_id if ref.map_id == self.map_id else str(ref)

    def _end_name(self, end: Ref | int) -> str:
        if isinstance(end, int):
            argument = self.scene.junctions[end].argument
            return f"the inference {' + '.join(map(self._ref_name, argument.premises))} \u2192 " \
                   f"{self._ref_name(argument.conclusion)}"
        return self._ref_name(end)

    def _speaker_name(self, speaker_id: str) -> str:
        argmap = self.project.maps.get(self.map_id)
        speaker = argmap.speakers.get(speaker_id) if argmap else None
        return speaker.name if speaker else speaker_id

    def _edge_lines(self, edge: Edge) -> list[str]:
        """What an edge says in words: how it qualifies, its scheme, who draws the inference."""
        lines = []
        if edge.role == "qualify":
            lines.append((edge.how or QualifyHow.LIMITS).value.replace("-", " "))
            self.used_extra.add(f"how-{(edge.how or QualifyHow.LIMITS).value}")
        if edge.scheme is not None:
            entry = schemes.get(edge.scheme)
            lines.append(entry.aif if entry else edge.scheme)
            self.used_extra.add("scheme")
        if edge.drawn_by is not None:
            lines.append(f"inference: {self._speaker_name(edge.drawn_by)}")
            self.used_extra.add("drawn_by")
        return [truncate(clean(line), 40) for line in lines]

    def edge(self, index: int, edge: Edge) -> None:
        svg_id = element_id(self.map_id, "edge", index)
        attrs = style.edge_style(edge.kind, edge.role, drawn_by_other=edge.drawn_by is not None)
        attrs["id"] = svg_id
        classes = f"{edge.kind.value.replace('_', '-')} {edge.role.replace('_', '-')}"
        if edge.role == "attack":
            classes += " undermines" if edge.undermines else " rebuts"
        attrs["class"] = classes
        words = self._edge_lines(edge)
        if words:
            attrs["label"] = Raw(dot_label(words))
            attrs["fontsize"] = str(style.EDGE_FONT_SIZE)
            attrs["fontcolor"] = style.EDGE_LABEL_COLOUR
        tail, head = self.names[edge.source], self.names[edge.target]
        if self.plan is not None:
            if index in self.plan.minlen:
                attrs["minlen"] = str(self.plan.minlen[index])
            if index in self.plan.tied:   # another map's node hangs under its partner (arrange._parents)
                attrs.pop("constraint", None)
                if self.plan.tied[index]:   # undirected: written the other way round, drawn the same
                    tail, head = head, tail
            if index in self.plan.loose:
                attrs["constraint"] = "false"
        self.out.append(f"  {tail} -> {head} [{_attrs(attrs)}];")
        if edge.role == "premise":
            title = f"{self._end_name(edge.source)} is a premise of {self._end_name(edge.target)}"
        elif edge.role == "conclusion":
            title = f"{self._end_name(edge.source)} supports {self._end_name(edge.target)}"
        elif edge.role == "attack":
            title = f"{self._end_name(edge.source)} {'undermines' if edge.undermines else 'rebuts'} " \
                    f"{self._end_name(edge.target)}"
        else:
            title = f"{self._end_name(edge.source)} {_VERB[edge.kind]} {self._end_name(edge.target)}"
        if words:
            title += f" ({'; '.join(words)})"
        self.elements[svg_id] = ElementInfo(clean(title), classes)

    # -- the graph ------------------------------------------------------------------------
    def build(self) -> Drawing:
        options, scene = self.options, self.scene
        argmap = self.project.maps.get(self.map_id)
        size = len(scene.nodes) + len(scene.junctions)
        graph = {
            "id": element_id(self.map_id, "graph"),
            "rankdir": options.rankdir,
            "fontname": style.FONT,
            "fontsize": "12",
            "bgcolor": "white",
            "nodesep": "0.22",
            "ranksep": "0.42",
            "pad": "0.25",
            "outputorder": "edgesfirst",
            "newrank": "true",
            "margin": "0",          # PDF: no extra half inch around the picture (pad is enough)
        }
        if options.heading and not options.html:   # with HTML labels, the heading tops the legend
            graph.update({"label": Raw(dot_label([truncate(clean(options.heading), 110)])),
                          "labelloc": "t", "labeljust": "l", "fontsize": "14", "fontcolor": "#1a1a1a"})
        if size > BIG:  # fewer crossing-minimisation passes and bounded network simplex
            graph.update({"mclimit": "0.3", "nslimit": "2", "nslimit1": "2", "searchsize": "10",
                          "remincross": "false"})
        if size > HUGE:  # straight edges: spline routing around thousands of boxes costs seconds
            graph.update({"nslimit": "0.5", "splines": "line"})
        self.out.append("digraph argmap {")
        self.graph_line = len(self.out)
        self.out.append(f"  graph [{_attrs(graph)}];")
        self.out.append(f"  node [{_attrs({'fontname': style.FONT, 'fontsize': str(style.FONT_SIZE), 'margin': style.DOT_MARGIN, 'fontcolor': '#1a1a1a'})}];")
        self.out.append(f"  edge [{_attrs({'arrowsize': '0.75', 'penwidth': '1.2', 'fontname': style.FONT})}];")

        refs = list(scene.nodes)
        index = {ref: i for i, ref in enumerate(refs)}
        if options.group == "speaker" and argmap is not None:
            by_speaker: dict[str, list[Ref]] = {}
            for ref in refs:
                scene_node = scene.nodes[ref]
                if scene_node.home and scene_node.node is not None:
                    by_speaker.setdefault(scene_node.node.by, []).append(ref)
            grouped = {r for members in by_speaker.values() for r in members}
            for k, (speaker_id, members) in enumerate(sorted(by_speaker.items())):
                speaker = argmap.speakers.get(speaker_id)
                name = speaker.name if speaker else speaker_id
                cluster_id = element_id(self.map_id, "speaker", speaker_id)
                cattrs = {"label": Raw(dot_label([_short(name, 60)])), "id": cluster_id, "class": "speaker",
                          "style": "rounded,dashed", "color": "#b0b0b0", "fontcolor": "#505050",
                          "fontsize": "10", "margin": "10"}
                self.out.append(f"  subgraph cluster_s{k} {{")
                self.out.append(f"    graph [{_attrs(cattrs)}];")
                for ref in members:
                    self.node(index[ref], ref)
                self.out.append("  }")
                self.elements[cluster_id] = ElementInfo(
                    clean(_speaker_line(self.project.attribution(self.map_id, speaker_id), speaker_id)), "speaker")
            for ref in refs:
                if ref not in grouped:
                    self.node(index[ref], ref)
        else:
            for ref in refs:
                self.node(index[ref], ref)
        if options.arrange:
            self.plan = plan(scene, self.sizes, options.rankdir, correction=options.correction)
            self.out[self.graph_line] = self.out[self.graph_line].replace(
                f'rankdir="{options.rankdir}"', f'rankdir="{self.plan.rankdir}"')
        elif options.rankdir == "AUTO":
            self.out[self.graph_line] = self.out[self.graph_line].replace('rankdir="AUTO"', 'rankdir="BT"')
        for junction in scene.junctions:
            self.junction(junction.index, junction.argument, junction.undercut)
        for i, edge in enumerate(scene.edges):
            self.edge(i, edge)
        if self.plan is not None:
            self.arrangement()
        if options.html and (options.legend or options.heading):
            self.legend()
        self.out.append("}")
        return Drawing("\n".join(self.out) + "\n", self.elements, self.map_id,
                       legend=options.legend and not options.html, labels=options.labels is not None,
                       plan=self.plan, used=self.used())

    def used(self) -> frozenset[str]:
        """What the diagram shows, for the legend (see :func:`argmap.export.legend.legend_items`)."""
        used = {n.node.kind.value for n in self.scene.nodes.values() if n.node is not None and n.elsewhere is None}
        used.update(edge.kind.value for edge in self.scene.edges)
        if self.scene.junctions:
            used.add("inference")
            if self.options.inference_labels is not None:
                used.add("inference-states")
        if any(not n.home for n in self.scene.nodes.values()):
            used.add("context")
        if self.stubs:
            used.add("stub")
        used.update(f"force-{force}" for force in self.forces)
        used.update(f"state-{state.name.lower()}" for state in self.states)
        used.update(self.used_extra)
        return frozenset(used)

    def arrangement(self) -> None:
        """The invisible points and edges that stack the trees on shelves (see :mod:`.arrange`)."""
        for spacer in self.plan.spacers:
            self.out.append(f'  {spacer} [shape=point, style=invis, width=0, height=0, label=""];')
        for tail, head in self.plan.links:
            tail_name = tail if isinstance(tail, str) else self.names[tail]
            head_name = head if isinstance(head, str) else self.names[head]
            self.out.append(f"  {tail_name} -> {head_name} [style=invis, weight=0];")

    def legend(self) -> None:
        """For PNG and PDF only: the heading and legend as the graph's label, on top, the picture's width.

        (SVG gets them from :mod:`.svg`.)  A label, unlike a node, takes no
        part in the layout, so it cannot end up beside the diagram.
        """
        from .legend import html_legend

        rows = []
        if self.options.heading:
            text = html_label_text(truncate(clean(self.options.heading), 110))
            rows.append(f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="14">{text}</FONT></TD></TR>')
        if self.options.legend:
            width = self.plan.estimate[0] if self.plan is not None and self.plan.estimate[0] else 600.0
            table = html_legend(self.used(), self.options.labels is not None, max(300.0, width))
            rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{table}</TD></TR>')
        label = f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2">{"".join(rows)}</TABLE>>'
        self.out.append(f'  graph [label={label}, labelloc="t", labeljust="l"];')


def build_dot(project: Project, scene: Scene, options: DiagramOptions | None = None) -> Drawing:
    """The DOT source of *scene* and what the SVG post-processor adds to it."""
    return _Builder(project, scene, options or DiagramOptions()).build()
