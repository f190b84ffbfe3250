"""Write an imported map as YAML that always reads back as exactly what was meant.

The importer builds the map as plain Python data (dicts, lists, strings)
and :func:`dump` writes it in argmap's house style: block mappings, flow
style for short lists and linked supports.  Every string is written
double-quoted (JSON's string syntax, which YAML's double-quoted style
includes), except ids and words that match :data:`_PLAIN` and no YAML
keyword, so nothing a stranger writes in an AIF file can end a scalar,
open a comment, start a new key or be read as null.  Characters YAML
cannot hold raw, or would read as line breaks (NEL, U+2028, U+2029) or a
byte order mark, are escaped.
"""

from __future__ import annotations

import json
import re

__all__ = ["Flow", "dump", "json_key", "scalar"]

# Ids, words and map:node refs that a plain scalar holds as they are, in block and flow context.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*(?::[A-Za-z0-9][A-Za-z0-9_.-]*)?")
# YAML 1.1 keywords: argmap reads them as text, but other YAML tools (editors) do not.
_KEYWORDS = frozenset("null true false yes no on off y n".split())
# What must not appear raw in a double-quoted scalar: C0 and C1 controls (JSON escapes
# C0 itself), DEL, line and paragraph separators, BOM, surrogates, U+FFFE and U+FFFF.
_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def scalar(text: str) -> str:
    """*text* as a YAML scalar that reads back as exactly *text* (plain when that is safe)."""
    if _PLAIN.fullmatch(text) and text.lower() not in _KEYWORDS:
        return text
    if text.isprintable() and text.isascii() and '"' not in text and "\\" not in text:
        return f'"{text}"'  # what json.dumps would write, at once
    quoted = json.dumps(text, ensure_ascii=False)
    return _ESCAPE.sub(_escape, quoted) if _ESCAPE.search(quoted) else quoted


def _flow(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(map(_flow, value)) + "]"
    return scalar(value)  # type: ignore[arg-type]


def _block(value: dict, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for key, item in value.items():
        if isinstance(item, dict) and not getattr(item, "flow", False):
            lines.append(f"{pad}{scalar(key)}:")
            _block(item, indent + 2, lines)
        elif isinstance(item, list) and (len(item) > 1 and len(flow := _flow(item)) > 80
                                         or any(isinstance(v, dict) for v in item)):
            lines.append(f"{pad}{scalar(key)}:")  # one item a line: long quotes, linked supports
            lines.extend(f"{pad}  - {_flow(v)}" for v in item)
        else:
            lines.append(f"{pad}{scalar(key)}: {_flow(item)}")


def json_key(value: object) -> str:
    """A hashable, order-sensitive key for plain data (dicts, lists, strings): its JSON."""
    return json.dumps(value, sort_keys=False)


class Flow(dict):
    """A mapping :func:`dump` writes in flow style, on one line: ``{a: for}``."""

    flow = True


def dump(document: dict, header: list[str]) -> str:
    """*document* as YAML, after the comment lines *header* (already safe: one line each, no controls)."""
    lines = [f"# {line}" for line in header]
    _block(document, 0, lines)
    return "\n".join(lines) + "\n"
