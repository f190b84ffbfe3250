"""A starter map for a new source text: what ``argmap new seeds/TEXT.txt`` writes.

The modeline, the header (id, title and source guessed from the file), parts
for the site furniture the text shows (a "Read the full article here"
footer, a comment form), and a commented example node quoting the text's
first sentence.  It passes ``argmap check`` as written: the example is a
comment until the curator fills it in.
"""

from __future__ import annotations

import json
import re

from .spec import ID_PATTERN, MAP_FILE, Choice

__all__ = ["starter_map", "map_id_for"]

# Lines that open a stretch of page furniture: not part of any argument.
_FURNITURE = re.compile(r"^(?:read the full article|read more|leave a reply|share this|share on|related"
                        r"(?: articles| stories)?\b|sign up|subscribe|copyright|©|comments?\b|advertisement)",
                        re.IGNORECASE)
_SENTENCE = re.compile(r"\S[^\n]*?(?:[.!?](?=\s)|$)", re.MULTILINE)
_TITLE_CHARS = 120
_STARTS_CHARS = 60


def map_id_for(stem: str) -> str:
    """A map id from a seed's file name: lower case, runs of other characters as '-'."""
    slug = re.sub(r"[^a-z0-9_.]+", "-", stem.casefold()).strip("-._")
    return slug if re.match(ID_PATTERN, slug) else "new-map"


def _scalar(text: str) -> str:
    """*text* as a YAML double-quoted scalar (JSON's escapes are YAML's), which reads back as *text*."""
    return json.dumps(text, ensure_ascii=False)


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else " " for c in text)


def _cut(text: str, width: int) -> str:
    """The first words of *text*, at most *width* characters (verbatim, for a part's ``starts``)."""
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width)
    return text[:cut if cut > 0 else width]


def starter_map(seed_name: str, text: str, map_id: str) -> str:
    """The YAML of a starter map for the seed *seed_name* holding *text*."""
    genres = MAP_FILE.by_name["source"].spec.by_name["genre"].spec
    assert isinstance(genres, Choice)
    lines = [line.strip() for line in text.splitlines()]
    body = [line for line in lines if line]
    title = _cut(_printable(body[0]), _TITLE_CHARS) if body else map_id
    out = [
        "# yaml-language-server: $schema=../docs/argmap.schema.json",
        f"map: {map_id}",
        f"title: {_scalar(title or map_id)}",
        "source:",
        f"  seed: {_scalar(seed_name)}",
        f"  genre: {genres.values[0]}  # {' | '.join(genres.values)}",
        "  # outlet: ...",
        "  # author: ...",
        "  # date: YYYY-MM-DD",
    ]
    footer = next((line for line in body[1:] if _FURNITURE.match(line)), None)
    if footer is not None:
        out += ["  parts:",
                "    # Site furniture (share links, comment forms) that no argument quotes.",
                "    furniture:",
                "      genre: page-furniture",
                f"      starts: {_scalar(_cut(footer, _STARTS_CHARS))}"]
    first = next((m.group() for line in body[1:] for m in [_SENTENCE.search(line)] if m), None)
    example = _cut(first, 200) if first else "a verbatim passage of the seed"
    out += [
        "",
        "speakers: {}",
        "  # author:",
        "  #   name: Full Name",
        "  #   role: who they are, as the text presents them",
        "",
        "nodes: {}",
        "  # An example: replace 'nodes: {}' by 'nodes:' and 'speakers: {}' by 'speakers:', then uncomment.",
        "  # first-claim:",
        "  #   kind: claim",
        "  #   by: author",
        "  #   text: A short, neutral paraphrase of the passage.",
        f"  #   quote: {_scalar(_printable(example))}",
        "  #   supports: another-node",
        "",
    ]
    return "\n".join(out)
