"""argmap's header in an Argdown document (the last heading's data), read back: speakers and source.

:mod:`.argdown` writes the map's id, title, source (with its parts) and
speakers as the data of a last heading, since ``argdown json`` keeps
headings' data but not the front matter.  Every value is checked here:
what is written passes ``argmap check`` (a 'via' or 'adopts' only to a
speaker of the map, parts only where their start is found in the seed).
Also the small value checks the Argdown importer shares.
"""

from __future__ import annotations

import re

from ..model import Genre
from ..quotes import SeedText
from ..spec import DATE_PATTERN, MAX_TEXT
from .aif_ext import safe_id
from .aif_import import via_loops
from .aif_read import Notes, shown
from .aif_seed import locate
from .escape import clean, truncate

__all__ = ["read_speakers", "read_source", "prose", "is_one_of", "strings", "is_date"]

_GENRES = frozenset(g.value for g in Genre)
_SOURCE_GENRES = _GENRES - {Genre.PAGE_FURNITURE.value}
_DATE = re.compile(DATE_PATTERN).fullmatch


def prose(value: object) -> str | None:
    """A string value cleaned and within the format's length limit; None when empty or not a string."""
    if not isinstance(value, str):
        return None
    text = clean(value[:4 * MAX_TEXT])
    return truncate(text, MAX_TEXT) if text else None


def is_one_of(value: object, allowed) -> bool:
    """Whether *value* is a string among *allowed* (data from a file may be a list or an object)."""
    return isinstance(value, str) and value in allowed


def strings(value: object) -> list[str]:
    """The strings of a list from the file (nothing when it is no list)."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def is_date(value: object) -> bool:
    """Whether *value* is a date as the map format writes them (YYYY, YYYY-MM, YYYY-MM-DD)."""
    return isinstance(value, str) and _DATE(value) is not None


def read_speakers(header: dict | None, notes: Notes) -> dict[str, dict]:
    """The speakers of argmap's header, each checked (id, name, role; 'via' and 'adopts' to speakers of it)."""
    raw = header.get("speakers") if header else None
    speakers: dict[str, dict] = {}
    if raw is not None and not isinstance(raw, dict):
        notes.add("the map's speakers are not an object; ignored")
        raw = {}
    for sid, fields in (raw or {}).items():
        name = prose(fields.get("name")) if isinstance(fields, dict) else None
        if not safe_id(sid) or name is None:
            notes.add(f"speaker {shown(sid)} needs an id and a name; dropped", "a speaker is incomplete")
            continue
        speakers[sid] = {"name": name, "role": prose(fields.get("role")) or "",
                         "via": fields.get("via"), "adopts": strings(fields.get("adopts"))}
    for sid, fields in speakers.items():
        if fields["via"] not in speakers or fields["via"] == sid:
            fields["via"] = None
        fields["adopts"] = [a for a in dict.fromkeys(fields["adopts"]) if a in speakers and a != sid]
    if via_loops(speakers):
        for fields in speakers.values():
            fields["via"] = None
        notes.add("the speakers' 'via' chain loops; dropped every 'via'")
    return speakers


def read_source(raw: dict, seed_name: str, seed_text: str, speakers: dict, genre: str | None, notes: Notes) -> dict:
    """The map's ``source`` from argmap's header: the seed chosen, parts only where their start is in it."""
    genre = raw.get("genre") if is_one_of(raw.get("genre"), _SOURCE_GENRES) else genre or "news-report"
    source: dict = {"seed": seed_name, "genre": genre}
    for key in ("original", "outlet", "author", "url"):
        if value := prose(raw.get(key)):
            source[key] = value
    if is_date(raw.get("date")):
        source["date"] = raw["date"]
    parts_raw = raw.get("parts") if isinstance(raw.get("parts"), dict) else {}
    wanted = {pid: p for pid, p in parts_raw.items() if safe_id(pid) and isinstance(p, dict)
              and is_one_of(p.get("genre"), _GENRES) and prose(p.get("starts"))}
    if len(wanted) < len(parts_raw):
        notes.add("parts of the source without an id, a genre or where they start were dropped")
    found, _ = locate(SeedText(seed_text), [prose(p["starts"]) for p in wanted.values()])
    parts = {}
    for pid, raw_part in wanted.items():
        starts = prose(raw_part["starts"])
        if starts not in found:
            notes.add("a part of the source whose start is not in the seed was dropped",
                           "a part is not in the seed")
            continue
        fields: dict = {"genre": raw_part["genre"]}
        for key in ("title", "outlet", "author"):
            if value := prose(raw_part.get(key)):
                fields[key] = value
        if is_date(raw_part.get("date")):
            fields["date"] = raw_part["date"]
        if is_one_of(raw_part.get("speaker"), speakers):
            fields["speaker"] = raw_part["speaker"]
        fields["starts"] = starts
        parts[pid] = fields
    for pid, raw_part in wanted.items():
        adopts = [a for a in dict.fromkeys(strings(raw_part.get("adopts"))) if a in parts and a != pid]
        if pid in parts and adopts and "speaker" in parts[pid]:
            parts[pid]["adopts"] = adopts
    if parts:
        source["parts"] = parts
    return source
