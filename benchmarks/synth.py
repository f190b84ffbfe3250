"""Generate synthetic argument maps for benchmarks.

    python benchmarks/synth.py 10000 /tmp/synth-10k      # writes maps/ and seeds/ there

Each node paraphrases and quotes its own sentence of a generated source
text; relations of every kind (convergent and linked supports, attacks,
undercuts of existing supports, same-as links) connect it to earlier nodes,
so the graph is deep and connected like a real map, only bigger.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SUBJECTS = [
    "the health secretary", "local commissioners", "hospital managers", "integrated care boards",
    "the white paper", "GP practices", "social care providers", "the treasury", "patients",
    "NHS England", "the think tank", "ministers", "clinicians", "the select committee",
    "regional leaders", "the regulator", "trust boards", "community services",
]
VERBS = [
    "will reduce", "cannot justify", "should rethink", "has increased", "undermines", "supports",
    "depends on", "would weaken", "must protect", "has ignored", "could improve", "risks",
    "is expected to cut", "will strengthen", "has failed to measure", "ought to fund",
]
OBJECTS = [
    "competitive tendering", "waiting times", "the internal market", "national targets",
    "bed blocking", "data sharing", "local autonomy", "hospital budgets", "procurement rules",
    "preventive care", "the private sector's role", "workforce planning", "social care funding",
    "clinical outcomes", "accountability", "administrative costs", "emergency admissions",
]
TAILS = [
    "across England", "within two years", "for the poorest areas", "despite the pandemic",
    "according to the latest figures", "in every region", "without new legislation",
    "as the review recommends", "before the next election", "for older patients",
    "by a wide margin", "in the long term", "at considerable cost", "under the new framework",
]
KINDS = ["claim", "premise", "premise", "premise", "rebuttal", "concession"]
STANCES = ["for", "against", "mixed", "neutral"]
TOPICS = ["tendering", "integration", "central-control", "targets", "private-sector"]


def sentence(rng: random.Random, i: int) -> str:
    # The numbered clause keeps every sentence unique, so each quote has one home.
    return (f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"{rng.choice(TAILS)}, point {i} of the {rng.choice(OBJECTS)} debate.")


def _yaml_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def generate_map(n_nodes: int, map_id: str, seed_name: str, rng: random.Random,
                 other_maps: list[tuple[str, int]] = ()) -> tuple[str, str]:
    """Return (map YAML, seed text) for one map of *n_nodes* nodes."""
    sentences = [sentence(rng, i) for i in range(n_nodes)]
    paragraphs = [" ".join(sentences[i:i + 6]) for i in range(0, n_nodes, 6)]
    seed_text = "\n\n".join(paragraphs) + "\n"
    speakers = [f"speaker-{k}" for k in range(12)]
    out = [
        "# yaml-language-server: $schema=../docs/argmap.schema.json",
        f"map: {map_id}",
        f"title: Synthetic map {map_id} ({n_nodes} nodes)",
        "source:",
        f"  seed: {seed_name}",
        "  genre: opinion-column",
        "  outlet: Synthetic Times",
        "  date: 2021-02-11",
        "speakers:",
    ]
    for k, sid in enumerate(speakers):
        out.append(f"  {sid}:")
        out.append(f"    name: Speaker {k}")
        if k:
            out.append("    via: speaker-0")
    out.append("nodes:")
    supports: list[tuple[int, int]] = []  # (premise, conclusion) pairs that exist
    # Nodes taken as the co-premise of a later-declared linked support: they declare
    # nothing themselves, so no node is both a linked co-premise and a premise of its own
    # (which the checker rightly flags).
    co_premises: set[int] = set()
    for i, text in enumerate(sentences):
        kind = "claim" if i == 0 else ("premise" if i in co_premises else rng.choice(KINDS))
        out.append(f"  n{i}:")
        kind_line = len(out)
        out.append(f"    kind: {kind}")
        out.append(f"    by: {rng.choice(speakers)}")
        out.append(f"    text: {_yaml_str(text.split(',')[0] + '.')}")
        # Quote the operative clause, sometimes the whole sentence, sometimes as a list.
        clause = text.split(",")[0]
        if i % 7 == 3:
            out.append("    quote:")
            out.append(f"      - {_yaml_str(clause)}")
            out.append(f"      - {_yaml_str(text.split(', ')[1])}")
        else:
            out.append(f"    quote: {_yaml_str(clause if i % 2 else text)}")
        if i % 5 == 0:
            out.append("    tags: [synthetic, " + rng.choice(["policy", "evidence", "framing"]) + "]")
        if i % 4 == 0:
            out.append(f"    stance: {{{rng.choice(TOPICS)}: {rng.choice(STANCES)}}}")
        if i == 0 or i in co_premises:
            continue
        target = rng.randrange(max(0, i - 50), i)  # near neighbours keep chains deep
        roll = rng.random()
        if kind == "rebuttal" or roll < 0.15:
            # Whatever attacks is a rebuttal (a premise that only attacks is flagged).
            out[kind_line] = "    kind: rebuttal"
            if supports and roll < 0.05:
                p, c = rng.choice(supports)
                out.append(f"    undercuts: {{from: n{p}, to: n{c}}}")
            else:
                out.append(f"    attacks: n{target}")
        elif roll < 0.25 and i + 1 < n_nodes and (i + 1) not in co_premises:
            # Every support runs from a later node to an earlier one, so none forms a cycle;
            # the co-premise is the next node, which then declares nothing of its own.
            co = i + 1
            co_premises.add(co)
            out.append(f"    supports: [{{to: n{target}, with: [n{co}]}}]")
            supports.append((i, target))
        else:
            out.append(f"    supports: n{target}")
            supports.append((i, target))
        if other_maps and i % 50 == 7:
            other, size = rng.choice(other_maps)
            out.append(f"    same_as: {other}:n{rng.randrange(size)}")
    return "\n".join(out) + "\n", seed_text


TOPICS_YAML = "\n".join(
    ["# yaml-language-server: $schema=../docs/argmap.schema.json", "topics:"]
    + [f"  {t}:\n    question: Synthetic question about {t}?" for t in TOPICS]
) + "\n"


def write(root: Path, n_nodes: int, n_maps: int = 1, seed: int = 0) -> Path:
    """Write *n_maps* maps of *n_nodes* nodes each under *root*; return root/maps."""
    rng = random.Random(seed)
    maps_dir, seeds_dir = root / "maps", root / "seeds"
    maps_dir.mkdir(parents=True, exist_ok=True)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    made: list[tuple[str, int]] = []
    for m in range(n_maps):
        map_id = f"synth-{m}"
        text, seed_text = generate_map(n_nodes, map_id, f"{map_id}.txt", rng, made)
        (maps_dir / f"{map_id}.yaml").write_text(text, encoding="utf-8")
        (seeds_dir / f"{map_id}.txt").write_text(seed_text, encoding="utf-8")
        made.append((map_id, n_nodes))
    (maps_dir / "topics.yaml").write_text(TOPICS_YAML, encoding="utf-8")
    return maps_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("nodes", type=int, help="nodes per map")
    parser.add_argument("out", type=Path, help="folder to write maps/ and seeds/ into")
    parser.add_argument("--maps", type=int, default=1, help="how many maps")
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    args = parser.parse_args()
    print(write(args.out, args.nodes, args.maps, args.seed))


if __name__ == "__main__":
    main()
