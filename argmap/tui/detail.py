"""Node detail: everything about the row under the cursor, with its links.

One OptionList: information lines are disabled options (they scroll with
the rest but the cursor skips them) and every relation in and out, every
cross-map link, is an enabled option that Enter follows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import ClassVar, Protocol

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import Reactive
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..diagnostics import Diagnostic
from ..model import ArgMap, Force, Kind, Label, Node, Project, Ref, Relation, RelKind
from ..plural import plural
from ..palette import KIND_COLOURS, LABEL_COLOURS, RELATION_COLOURS, STANCE_COLOURS
from ..visible import visible
from .argtree import Row
from .commentary import (adopted_by, expected_words, force_gloss, force_phrase, force_sentence, qualify_how,
                         reason_words, relation_words, stance_qualifiers, debate_state)
from .rowtext import FORCE_STYLE, RELATION_GLYPHS

__all__ = ["NodeDetail", "Analysis", "speaker_text"]

# Map text comes from strangers: terminal controls in it are shown, never sent.
_line = partial(visible, one_line=True)  # an id, a name, a path, a title
_text = visible  # a paraphrase, a quote, a note: newlines kept

MAX_ROOTS = 200  # main claims listed for a map; the tree has them all

# How a relation reads from each end.
_OUT_WORDS = {RelKind.SUPPORTS: "supports", RelKind.ATTACKS: "attacks",
              RelKind.UNDERCUTS: "undercuts", RelKind.SAME_AS: "same as", RelKind.QUALIFIES: "qualifies",
              RelKind.RELATED_TO: "related to"}
_IN_WORDS = {RelKind.SUPPORTS: "supported by", RelKind.ATTACKS: "attacked by",
             RelKind.UNDERCUTS: "undercut by", RelKind.SAME_AS: "same as", RelKind.QUALIFIES: "qualified by",
             RelKind.RELATED_TO: "related to"}
_LINKS = (RelKind.SAME_AS, RelKind.RELATED_TO)  # listed apart: they bear on nothing


class Analysis(Protocol):
    """Acceptability labels (argmap.analysis.semantics.Labelling has this shape)."""

    semantics: str
    labels: Mapping[Ref, Label]

    def explain(self, element: Ref) -> str: ...


class NodeDetail(OptionList):
    """Paraphrase, kind, speaker chain, tags, stances, label, and links."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "select", "Follow", show=True),
    ]

    class LinkChosen(Message):
        """The user chose a link in the detail: go to *ref*."""

        def __init__(self, ref: Ref) -> None:
            super().__init__()
            self.ref = ref

    # Every row shown gives the list a new height; Widget's virtual_size
    # asks for a layout of the whole screen on each change (26 ms at 120x40,
    # most of a cursor move).  The pane's box is fixed by the layout, and its
    # scrollbar always shown (overflow-y: scroll in app.tcss), so a repaint
    # and a scrollbar update are all a new height needs.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._targets: dict[int, Ref] = {}
        self.shown: Row | None = None

    # -- building -------------------------------------------------------------------------------

    def show(self, project: Project, row: Row | None, analysis: Analysis | None = None,
             analysis_note: str = "", roots: Sequence[Ref] = (), problems: Sequence[Diagnostic] = ()) -> None:
        """Describe *row* (a map, node, group, link or broken-file row).

        *roots* are a map row's main claims, *problems* a broken file's errors.
        """
        self.shown = row
        self._targets = {}
        self._pending: list[Option] = []
        if row is None:
            self._info(Text("Nothing selected.", "dim"))
        elif row.kind == "broken":
            self._broken(row.map_id, problems)
        elif row.kind == "map":
            self._map(project, project.maps[row.map_id], roots)
        elif row.kind == "group":
            self._group(project, row)
        else:
            node = project.node(row.ref)
            if node is None:
                self._info(Text(f"{_line(row.ref)} is not loaded", "dim"))
            else:
                self._node(project, node, analysis, analysis_note)
        self.set_options(self._pending)
        self.border_title = "Detail"
        self.scroll_home(animate=False)

    def _info(self, text: Text | str) -> None:
        self._pending.append(Option(text, disabled=True))

    def _heading(self, title: str) -> None:
        self._pending.append(Option(Text(title, "bold underline"), disabled=True))

    def _link(self, ref: Ref, text: Text) -> None:
        self._targets[len(self._pending)] = ref
        self._pending.append(Option(text))

    def _map(self, project: Project, argmap: ArgMap, roots: Sequence[Ref]) -> None:
        src = argmap.source
        self._info(Text(_line(argmap.title), "bold"))
        facts = [("outlet", src.outlet), ("author", src.author), ("date", src.date),
                 ("genre", src.genre.value), ("seed", src.seed), ("file", argmap.path), ("url", src.url)]
        for name, value in facts:
            if value:
                self._info(Text.assemble((f"{name}: ", "dim"), _line(value)))
        kinds: dict[str, int] = {}
        for node in argmap.nodes.values():
            kinds[node.kind.value] = kinds.get(node.kind.value, 0) + 1
        counts = Text(f"{plural(len(argmap.nodes), 'node')}: ", "dim")
        for i, (kind, n) in enumerate(sorted(kinds.items())):
            counts.append(f"{', ' if i else ''}{n} {kind}", Style(color=KIND_COLOURS[Kind(kind)]))
        self._info(counts)
        if src.parts:
            self._heading("Parts")
            for part in src.parts:
                who = _line(", ".join(b for b in (part.outlet, part.author, part.date) if b))
                line = Text.assemble(f"  {_line(part.id)}", (f"  {part.genre.value}", "dim"),
                                     (f"  {who}" if who else "", "dim"))
                if part.adopts:
                    line.append(f"  adopts the text of {_line(', '.join(part.adopts))}", "italic")
                self._info(line)
        self._heading("Speakers")
        for speaker in argmap.speakers.values():
            chain = project.attribution(argmap.id, speaker.id)[1:]
            line = Text.assemble("  ", speaker_text(speaker.name, speaker.role, width=200))
            if chain:
                line.append(" via " + " \u2190 ".join(_line(s.name) for s in chain), "dim italic")
            if speaker.adopts:
                names = [argmap.speakers[a].name if a in argmap.speakers else a for a in speaker.adopts]
                line.append(f"  adopts {_line(', '.join(names))} as their own", "italic")
            self._info(line)
        if roots:
            self._heading("Main claims")
            for ref in roots[:MAX_ROOTS]:
                node = project.node(ref)
                if node is not None:
                    self._link(ref, _node_text(project, node))
            if len(roots) > MAX_ROOTS:
                self._info(Text(f"\u2026 and {len(roots) - MAX_ROOTS} more (in the tree)", "dim"))

    def _broken(self, path: str, problems: Sequence[Diagnostic]) -> None:
        self._info(Text(_line(path), "bold"))
        self._info(Text("This file does not load; the other maps do. e opens it at the first problem.", "dim"))
        self._heading("Problems")
        for problem in problems:
            where = problem.pos.path if problem.pos else problem.path
            at = f"{problem.pos.line}:{problem.pos.col}: " if problem.pos and where == path else ""
            self._info(Text.assemble((at, "bold"), (f"{problem.severity}[{problem.code}]: ", "red"),
                                     _text(problem.message)))
            if problem.hint:
                self._info(Text(f"    hint: {_text(problem.hint)}", "dim"))

    def _group(self, project: Project, row: Row) -> None:
        conclusion = project.node(row.ref)
        self._info(Text("Linked argument", "bold"))
        self._info(Text("These premises support the conclusion only together.", "dim"))
        self._heading("Premises")
        for member in row.members:
            node = project.node(member)
            if node is not None:
                self._link(member, _node_text(project, node, glyph=RelKind.SUPPORTS))
        if conclusion is not None:
            self._heading("Conclusion")
            self._link(conclusion.ref, _node_text(project, conclusion))

    def _node(self, project: Project, node: Node, analysis: Analysis | None, analysis_note: str) -> None:
        argmap = project.maps[node.map_id]
        head = Text()
        head.append(node.kind.value, Style(color=KIND_COLOURS[node.kind], bold=True))
        head.append(f"  {_line(node.id)}", "dim")
        self._info(head)
        self._info(Text(_text(node.text), "bold"))
        force = force_phrase(project, node)
        if force:  # how it is put forward: ascribed to X by Y, reported by Y, hedged, a rhetorical question
            self._info(Text.assemble((_line(force_sentence(project, node)), FORCE_STYLE),
                                     (f": {force_gloss(node)}", "dim")))
        # Who holds it, and through whom their words reach the article.
        chain = project.attribution_of(node)
        if chain:
            self._info(Text.assemble(("by ", "dim"), speaker_text(chain[0].name, chain[0].role)))
            for via in chain[1:]:
                self._info(Text.assemble(("   reported by ", "dim"), _line(via.name)))
        else:
            self._info(Text.assemble(("by ", "dim"), _line(node.by)))
        adopters = adopted_by(project, node)
        if adopters:
            self._info(Text.assemble(("   adopted as their own by ", "dim"), _line(", ".join(adopters))))
        # The relations next, so that they are on the first screen of a
        # short pane; the longer facts (quotes, explanations) follow them.
        self._relations(project, node)
        self._heading("About")
        part = argmap.part_of(node)
        genre = argmap.genre_of(node)
        where = f"in {_line(part.id)} ({genre.value})" if part else f"in a {genre.value}"
        self._info(Text(where, "dim"))
        if node.tags:
            self._info(Text.assemble(("tags: ", "dim"), " ".join(f"#{_line(t)}" for t in node.tags)))
        # An ascribed node's stances are not its holder's (the topics screen keeps them apart).
        whose = f"stance {force}: " if node.effective_force is Force.ASCRIBED else "stance: "
        for topic, stance in node.stances.items():
            question = project.topics[topic].question if topic in project.topics else ""
            qualifiers = stance_qualifiers(node.stance_details.get(topic))
            self._info(Text.assemble((_line(whose), "dim"), f"{_line(topic)} ",
                                     (stance.value, Style(color=STANCE_COLOURS[stance.value], bold=True)),
                                     (f" ({_line(qualifiers)})" if qualifiers else "", "italic"),
                                     (f"  {_line(question)}" if question else "", "dim")))
        self._label_lines(project, node, analysis, analysis_note)
        for quote in node.quotes:
            mark = "" if quote.span is not None else "  (not found in the seed)"
            self._info(Text.assemble(("\u201c", "dim"), (_text(quote.text), "italic"), ("\u201d", "dim"), (mark, "red")))
        if node.note:
            self._info(Text.assemble(("note: ", "dim"), (_text(node.note), "dim")))
        self._info(Text(f"map {_line(node.map_id)} \u00b7 {_line(node.pos.path)}:{node.pos.line}", "dim"))

    def _label_lines(self, project: Project, node: Node, analysis: Analysis | None, note: str) -> None:
        # The state in the debate as the maps record it (docs/analysis.md), never a bare IN or OUT.
        label = analysis.labels.get(node.ref) if analysis is not None else None
        state = debate_state(project, analysis.labels, node.ref) if label is not None else None
        if state is not None:
            line = Text.assemble(("in the debate: ", "dim"),
                                 (state.value, Style(color=LABEL_COLOURS[label], bold=True)),
                                 (f" ({_line(analysis.semantics)})", "dim"))
            if node.expect is not None and node.expect is not label:
                line.append(f"  {expected_words(node.expect)}", "bold red")
            self._info(line)
            try:
                why = reason_words(analysis.explain(node.ref))
            except Exception as exc:  # the analysis is another module's: never let it break the view
                why = f"(no explanation: {exc})"
            if why:
                self._info(Text(_text(why), "dim"))
        else:
            if note:
                self._info(Text.assemble(("in the debate: ", "dim"), (_line(note), "dim")))
            if node.expect is not None:
                self._info(Text.assemble(("the map says: ", "dim"), expected_words(node.expect)))

    def _relations(self, project: Project, node: Node) -> None:
        ref = node.ref
        outgoing = [r for r in project.outgoing(ref) if r.kind not in _LINKS]
        # A co-premise's linked support counts as this node's too.
        outgoing += [r for r in project.premise_in(ref) if r.source != ref]
        incoming = [r for r in project.incoming(ref) if r.kind not in _LINKS]
        same = sorted(project.same_as_class(ref) - {ref})
        related = [r.target for r in project.outgoing(ref) if r.kind is RelKind.RELATED_TO]
        related += [r.source for r in project.incoming(ref) if r.kind is RelKind.RELATED_TO]
        if outgoing:
            self._heading("Out")
            for relation in outgoing:
                self._relation_link(project, relation, relation.target, _OUT_WORDS, node.map_id)
        if incoming:
            self._heading("In")
            for relation in incoming:
                self._relation_link(project, relation, relation.source, _IN_WORDS, node.map_id)
        if same:
            self._heading("Same proposition")
            for other in same:
                target = project.node(other)
                if target is not None:
                    self._link(other, _node_text(project, target, glyph=RelKind.SAME_AS, words="same as",
                                                 home=node.map_id))
        if related:
            self._heading("Related, not identical")
            for other in dict.fromkeys(related):
                target = project.node(other)
                if target is not None:
                    self._link(other, _node_text(project, target, glyph=RelKind.RELATED_TO, words="related to",
                                                 home=node.map_id))

    def _relation_link(self, project: Project, relation: Relation, other: Ref,
                       words: dict[RelKind, str], home: str) -> None:
        target = project.node(other)
        if target is None:
            return
        word = words[relation.kind]
        if relation.is_linked:
            word += f" (linked, with {len(relation.group) - 1} more)"
        if relation.kind is RelKind.UNDERCUTS and relation.premise is not None:
            step = f"the step from {_line(relation.premise.node_id)} to {_line(relation.target.node_id)}"
            word = f"undercuts {step}:" if words is _OUT_WORDS else f"{step} is undercut by"
        if relation.kind is RelKind.QUALIFIES:
            word += f" ({qualify_how(relation)}; never defeats)"
        else:
            detail = relation_words(project, relation)  # scheme, who draws the inference
            if detail:
                word += f" [{_line(detail)}]"
        self._link(other, _node_text(project, target, glyph=relation.kind, words=word, home=home))

    # -- following --------------------------------------------------------------------------------

    def on_focus(self) -> None:
        """Tab lands on the first link, so Enter follows something at once."""
        self.highlight_first_link()

    def highlight_first_link(self) -> None:
        if self.link_at(self.highlighted) is None and self._targets:
            self.highlighted = min(self._targets)

    def link_at(self, index: int | None) -> Ref | None:
        return self._targets.get(index) if index is not None else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        ref = self.link_at(event.option_index)
        if ref is not None:
            self.post_message(self.LinkChosen(ref))

    def links(self) -> list[Ref]:
        return [self._targets[i] for i in sorted(self._targets)]


ROLE_WIDTH = 60  # a role is a reminder here; the map row's speaker list has it whole


def speaker_text(name: str, role: str | None, width: int = ROLE_WIDTH) -> Text:
    """*name* and, once, a short form of *role*: ``UK government (ministers and …)``.

    Curators often put the start of a role in the name too ("UK government
    (ministers and the draft White Paper)" with the role "ministers and the
    draft White Paper on …"): the name's bracket is then dropped, so the
    role is not said twice, and a long role is cut to *width* characters.
    """
    name, role = _line(name), _line(role or "").strip()
    if role and name.endswith(")") and " (" in name:
        base, _, aside = name[:-1].rpartition(" (")
        if role.casefold().startswith(aside.casefold()):
            name = base
        elif aside.casefold().startswith(role.casefold()):
            role = ""  # the name already says it all
    if len(role) > width:
        role = role[:width - 1].rstrip(" ,;(") + "\u2026"
    return Text.assemble(name, (f" ({role})" if role else "", "dim"))


def _node_text(project: Project, node: Node, glyph: RelKind | None = None, words: str = "",
               home: str | None = None) -> Text:
    text = Text()
    if glyph is not None:
        text.append(RELATION_GLYPHS[glyph] + " ", Style(color=RELATION_COLOURS[glyph], bold=True))
    if words:
        text.append(words + " ", Style(color=RELATION_COLOURS[glyph]) if glyph else "")
    text.append(node.kind.value, Style(color=KIND_COLOURS[node.kind], italic=True))
    force = force_phrase(project, node)
    if force:
        text.append(f" [{_line(force)}]", FORCE_STYLE)
    text.append(" " + _line(node.text))
    if home is not None and node.map_id != home:
        text.append(f"  \u21d2 {_line(node.map_id)}", "bold")
    return text
