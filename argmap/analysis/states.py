"""The computed labels in words that describe the debate, for people (docs/analysis.md).

A label says how a claim fares in the debate *as the maps record it*, not
whether it is true; the words shown to users say so.  JSON output and
docs/analysis.md keep the semantics' own terms (IN, OUT, UNDEC).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from ..model import Label, Project, Ref, RelKind

__all__ = ["DebateState", "debate_state", "LEGEND"]


class DebateState(enum.StrEnum):
    UNCHALLENGED = "unchallenged"                        # IN, nothing attacks it
    DEFENDED = "defended"                                # IN, every attack on it is answered
    CHALLENGED = "challenged, no reply in the maps"      # OUT: an attack on it stands unanswered
    REASONS_DEFEATED = "its reasons are defeated"        # OUT: every stated reason for it fell
    UNDECIDED = "undecided"                              # UNDEC

    @property
    def label(self) -> Label:
        return _LABEL[self]


_LABEL = {DebateState.UNCHALLENGED: Label.IN, DebateState.DEFENDED: Label.IN, DebateState.CHALLENGED: Label.OUT,
          DebateState.REASONS_DEFEATED: Label.OUT, DebateState.UNDECIDED: Label.UNDEC}
LEGEND = ("unchallenged · defended (attacks answered) · challenged, no reply in the maps · "
          "its reasons are defeated · undecided")


def debate_state(project: Project, labels: Mapping[Ref, Label], ref: Ref) -> DebateState | None:
    """The state of *ref* in the debate, from its label and who attacks it (None: no label)."""
    lab = labels.get(ref)
    if lab is None:
        return None
    if lab is Label.UNDEC:
        return DebateState.UNDECIDED
    attackers = [r.source for r in project.incoming(ref) if r.kind is RelKind.ATTACKS]
    if lab is Label.IN:
        return DebateState.DEFENDED if attackers else DebateState.UNCHALLENGED
    if any(labels.get(a) is Label.IN for a in attackers):
        return DebateState.CHALLENGED
    return DebateState.REASONS_DEFEATED
