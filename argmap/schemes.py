"""The catalogue of argument schemes a map may name (``scheme:`` on supports, attacks, undercuts).

Walton's schemes as Araucaria, OVA and AIFdb name them, plus AIF's default
inference and default conflict.  Each entry has the id a curator writes
(kebab-case, like every id of the format), the name AIF files carry
(``schemeID`` / the scheme node's text), and what it may label: an
inference (``support``), a conflict (``conflict``), or either.  The checker
(via :mod:`argmap.spec`) accepts only these ids, with "did you mean".
docs/format.md lists the same table (tests/test_schemes.py checks).
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Scheme", "SCHEMES", "SCHEME_IDS", "SUPPORT", "CONFLICT", "BOTH", "by_aif_name", "name_of"]

SUPPORT, CONFLICT, BOTH = "support", "conflict", "support or conflict"


class Scheme(NamedTuple):
    id: str
    aif: str       # the scheme's name in AIF corpora (AIFdb, OVA, Araucaria)
    use: str       # SUPPORT, CONFLICT or BOTH
    gist: str      # one line, for docs and completion


SCHEMES: tuple[Scheme, ...] = (
    Scheme("default-inference", "Default Inference", SUPPORT, "a reason with no more specific scheme"),
    Scheme("expert-opinion", "Expert Opinion", BOTH, "an expert in the field says so"),
    Scheme("position-to-know", "Position To Know", BOTH, "someone placed to know says so"),
    Scheme("witness-testimony", "Witness Testimony", SUPPORT, "a witness saw it"),
    Scheme("popular-opinion", "Popular Opinion", SUPPORT, "most people accept it"),
    Scheme("popular-practice", "Popular Practice", SUPPORT, "most people do it"),
    Scheme("example", "Example", BOTH, "a case shows it (or, as a conflict, a counter-example)"),
    Scheme("analogy", "Analogy", BOTH, "a similar case is so"),
    Scheme("cause-to-effect", "Cause To Effect", BOTH, "the cause is present, so the effect will follow"),
    Scheme("correlation-to-cause", "Correlation To Cause", SUPPORT, "they go together, so one causes the other"),
    Scheme("sign", "Sign", SUPPORT, "a sign of it is present"),
    Scheme("consequences", "Consequences", BOTH, "doing it has good (or bad) consequences"),
    Scheme("positive-consequences", "Positive Consequences", SUPPORT, "doing it has good consequences"),
    Scheme("negative-consequences", "Negative Consequences", BOTH, "doing it has bad consequences"),
    Scheme("practical-reasoning", "Practical Reasoning", SUPPORT, "it achieves a goal"),
    Scheme("values", "Values", BOTH, "it promotes (or demotes) a value"),
    Scheme("verbal-classification", "Verbal Classification", BOTH, "it falls under a category"),
    Scheme("definition-to-verbal-classification", "Definition To Verbal Classification", SUPPORT,
           "by definition it falls under a category"),
    Scheme("established-rule", "Established Rule", SUPPORT, "a rule in force requires it"),
    Scheme("precedent", "Precedent", BOTH, "an earlier case was decided so"),
    Scheme("commitment", "Commitment", BOTH, "the other side is committed to it"),
    Scheme("inconsistent-commitment", "Inconsistent Commitment", CONFLICT,
           "the other side's commitments contradict each other"),
    Scheme("ad-hominem", "Ad Hominem", CONFLICT, "the arguer is not credible"),
    Scheme("circumstantial-ad-hominem", "Circumstantial Ad Hominem", CONFLICT,
           "the arguer does not act as they argue"),
    Scheme("bias", "Bias", CONFLICT, "the arguer is biased"),
    Scheme("slippery-slope", "Slippery Slope", CONFLICT, "the first step leads to a bad end"),
    Scheme("default-conflict", "Default Conflict", CONFLICT, "a conflict with no more specific scheme"),
)
SCHEME_IDS: tuple[str, ...] = tuple(s.id for s in SCHEMES)
_BY_ID = {s.id: s for s in SCHEMES}
_BY_AIF = {s.aif.casefold(): s for s in SCHEMES}


def get(scheme_id: str) -> Scheme | None:
    return _BY_ID.get(scheme_id)


def name_of(scheme_id: str | None) -> str:
    """The scheme's readable name ("Expert Opinion"), as people see it; an id the catalogue lacks, as written."""
    if not scheme_id:
        return ""
    scheme = _BY_ID.get(scheme_id)
    return scheme.aif if scheme is not None else scheme_id


def by_aif_name(name: str) -> Scheme | None:
    """The scheme an AIF file names (``"Expert Opinion"``, any case; ``Argument From …`` too)."""
    key = " ".join(name.split()).casefold()
    for prefix in ("argument from the ", "argument from ", "arg from "):
        if key.startswith(prefix) and key[len(prefix):] in _BY_AIF:
            return _BY_AIF[key[len(prefix):]]
    return _BY_AIF.get(key)
