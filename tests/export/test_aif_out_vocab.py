"""The shared AIF vocabulary: ids from real files, names found in every spelling AIF tools use."""

from __future__ import annotations

from argmap.export import aif_vocab as v
from argmap.model import Force, RelKind
from argmap.schemes import SCHEMES


def test_ova3_defaults_are_the_ids_ova3_gives_new_s_nodes() -> None:
    # OVA3 res/js/ova-ctrl.js saveNodeEdit: 72 RA, 71 CA, 168 YA, 144 MA, 161 PA; ova-init.js: Asserting 74.
    assert [v.scheme_id_for(n, t) for n, t in [("Default Inference", "RA"), ("Default Conflict", "CA"),
                                               ("Default Illocuting", "YA"), ("Default Rephrase", "MA"),
                                               ("Default Preference", "PA"), ("Asserting", "YA")]] == \
        ["72", "71", "168", "144", "161", "74"]


def test_names_match_in_aifdb_and_ova_spellings() -> None:
    assert v.illocution("PureQuestioning").scheme_id == "91"  # AIFdb's scheme column
    assert v.illocution("pure  questioning").name == "Pure Questioning"
    assert v.argmap_scheme("ExpertOpinion").id == "expert-opinion"
    assert v.argmap_scheme("Argument from Position to Know").id == "position-to-know"
    assert v.argmap_scheme("Nonsense") is None
    assert v.force_of_illocution("RhetoricalQuestioning") is Force.RHETORICAL_QUESTION
    assert v.force_of_illocution("Arguing") is None


def test_every_force_has_an_illocution_and_every_scheme_an_s_node_id() -> None:
    for force in Force:
        assert v.illocution_of_force(force).type == "YA"
    for scheme in SCHEMES:
        node_type = "CA" if scheme.use == "conflict" else "RA"
        assert v.scheme_id_for(scheme.aif, node_type).isdigit()
    # A scheme whose AIFdb id is not known falls back to the type's default, never to another type's.
    assert v.scheme_id_for("Slippery Slope", "CA") == "71"
    assert v.scheme_id_for("Popular Opinion", "RA") == "72"
    assert v.scheme_id_for("Conceding", "YA") == "168"


def test_relations_map_to_their_s_nodes() -> None:
    assert v.RELATION_SNODE[RelKind.SUPPORTS].type == "RA"
    assert v.RELATION_SNODE[RelKind.UNDERCUTS].type == "CA"
    assert v.RELATION_SNODE[RelKind.RELATED_TO] == v.DEFAULT_REPHRASE
    assert v.RELATION_SNODE[RelKind.QUALIFIES] is None
    assert v.aif_scheme_name("expert-opinion", RelKind.ATTACKS) == "Expert Opinion"
    assert v.aif_scheme_name(None, RelKind.SAME_AS) == "Default Rephrase"
