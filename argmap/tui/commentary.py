"""What commentary does, in the explorer's words: force, qualifications, schemes, adoption, states.

docs/format.md ("What commentary does") defines the constructs; this module
says them for the explorer's rows, detail, reading view and topics, reusing
the phrases ``argmap show`` prints (:func:`argmap.analysis.show.force_phrase`,
:func:`~argmap.analysis.show.relation_detail`) and the debate-state names of
:mod:`argmap.analysis.states`, so the explorer and the CLI say the same
thing.  No Textual here: plain strings, for the widgets to style.
"""

from __future__ import annotations

from ..analysis.show import force_phrase, relation_detail
from ..analysis.states import debate_state
from ..model import Force, Label, Node, Project, Relation, RelKind, StanceDetail
from ..schemes import name_of

__all__ = ["force_phrase", "row_force", "force_sentence", "force_gloss", "relation_words", "qualify_how",
           "adopted_by", "stance_qualifiers", "debate_state", "expected_words", "reason_words"]

# What each force means, for the detail pane (docs/format.md's table, shortened).
_GLOSS = {
    Force.CONCEDED: "granted to the other side",
    Force.RHETORICAL_QUESTION: "an assertion in the form of a question",
    Force.REPORTED: "someone else's words, relayed without endorsement",
    Force.ASCRIBED: "a position attributed to its holder in another's words, not the holder's own commitment",
    Force.HEDGED: "put forward tentatively (suggested, thought, possibly)",
}
# How the curator's expected label reads (expect: in / out / undec is the file's own term).
_EXPECTED = {Label.IN: "expected to stand", Label.OUT: "expected to fall", Label.UNDEC: "expected undecided"}


def force_sentence(project: Project, node: Node) -> str:
    """:func:`force_phrase` naming the holder too, for the detail: "ascribed to Labour by Heath"."""
    phrase = force_phrase(project, node)
    if node.effective_force is Force.ASCRIBED and phrase.startswith("ascribed by "):
        speaker = project.speaker(node.ref)
        return f"ascribed to {speaker.name if speaker else node.by} by {phrase.removeprefix('ascribed by ')}"
    return phrase


def force_gloss(node: Node) -> str:
    """What *node*'s force means, or "" for a plain assertion."""
    return _GLOSS.get(node.effective_force, "")


def qualify_how(relation: Relation) -> str:
    """What a ``qualifies`` relation does, in words: "limits", "not enough" or "concedes"."""
    return (relation.how.value if relation.how is not None else "limits").replace("-", " ")


def row_force(project: Project, node: Node) -> str:
    """:func:`force_phrase` for a one-line tree row: a reported node says only "reported".

    In a news report nearly every node is reported by the outlet, and "reported by
    Civil Service World" on each row would push the node's text off the pane; the
    detail and the reading view say who reports it.  Who ascribes a position stays:
    it is what tells Heath's words from Labour's.
    """
    if node.effective_force is Force.REPORTED:
        return "reported"
    return force_phrase(project, node)


def relation_words(project: Project, relation: Relation) -> str:
    """A relation's particulars in words: "Expert Opinion; inference drawn by Labour", "not enough".

    The wording is ``argmap show``'s (how it qualifies, who draws the
    inference), with the scheme by its readable name; a qualification's
    default (limits) is said too, so every qualification says how.
    """
    parts = [relation_detail(project, relation._replace(scheme=None, how=None))] if relation.drawn_by else []
    if relation.kind is RelKind.QUALIFIES:
        parts.insert(0, qualify_how(relation))
    if relation.scheme:
        parts.insert(0, f"scheme: {name_of(relation.scheme)}")
    return "; ".join(p for p in parts if p)


def adopted_by(project: Project, node: Node) -> list[str]:
    """The names of the speakers who adopt *node* as their own (docs/format.md, ``adopts``).

    A speaker adopts every node of the speakers they adopt; a part's speaker
    adopts the nodes quoted from the parts it adopts (:mod:`argmap.analysis.stances`
    counts their stances for the adopter the same way).
    """
    argmap = project.maps.get(node.map_id)
    if argmap is None or node.effective_force is Force.ASCRIBED:
        return []  # an ascribed position is nobody's own, so nobody adopts it (as the stance matrices count)
    who = [s.id for s in argmap.speakers.values() if node.by in s.adopts]
    if any(part.adopts and part.speaker for part in argmap.source.parts):
        part = argmap.part_of(node)
        if part is not None:
            who += [p.speaker for p in argmap.source.parts if p.speaker and part.id in p.adopts]
    names = []
    for sid in dict.fromkeys(who):
        if sid != node.by:
            speaker = argmap.speakers.get(sid)
            names.append(speaker.name if speaker else sid)
    return names


def stance_qualifiers(detail: StanceDetail | None) -> str:
    """A stance's condition, scope and time: "if …; only …; as of 1946" ("" when plain)."""
    if detail is None:
        return ""
    bits = [f"if {detail.condition}" if detail.condition else "", f"only {detail.scope}" if detail.scope else "",
            f"as of {detail.as_of}" if detail.as_of else ""]
    return "; ".join(b for b in bits if b)


def expected_words(label: Label) -> str:
    """The curator's ``expect:`` in words, with the file's term: "expected to stand (expect: in)"."""
    return f"{_EXPECTED[label]} (expect: {label.value})"


def reason_words(explanation: str) -> str:
    """An explanation without its bare label: "OUT: attacked by x, which is IN" -> "attacked by x, ...".

    The semantics' terms inside it are said in words too ("which is IN"
    becomes "which stands"); ids are lower case, so only the terms match.
    """
    head, sep, rest = explanation.partition(": ")
    text = rest if sep and head in ("IN", "OUT", "UNDEC") else explanation
    for term, words in _TERMS:
        text = text.replace(term, words)
    return text


_TERMS = ((" is IN", " stands"), (" is OUT", " has fallen"), (" is UNDEC", " is undecided"),
          (" are OUT", " have fallen"), ("nothing IN", "nothing that stands"), ("more UNDEC", "more undecided"))
