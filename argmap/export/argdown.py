"""Write a map as an Argdown document (https://argdown.org), for the Argdown tools.

The mapping (docs/export.md has an example):

* every node is a statement ``[node-id]: text {kind: ..., by: ...}`` (the
  kind and speaker in the statement's data, so the text stays the text);
  nodes of other maps that this map's relations reach are statements titled
  ``[map-id:node-id]``;
* a convergent support is ``+> [target]`` under its premise; an attack is
  ``-> [target]``;
* a linked support, and any support that is undercut, becomes an argument
  ``<...>`` with a premise-conclusion structure ((1) premises, ``----``, the
  conclusion); an undercut is ``_> <argument>`` under the undercutting node;
* ``same_as`` has no Argdown relation: it is kept in the statement's data.

Text is escaped with backslashes wherever Argdown would read markup (tags,
mentions, links, bold and italic, comments, data, front matter, special
characters), so the Argdown parser reads back exactly our statements.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from ..model import Argument, Project, Ref, RelKind
from .escape import clean

__all__ = ["to_argdown", "escape_text", "argument_title"]

# Always escaped: characters that open Argdown markup anywhere in a line.  A "." or ":"
# is escaped when a non-space follows, which is how special characters (".name.",
# ":name:") begin.
_ALWAYS = set("\\@#*_[]<>{}/=")


def escape_text(text: str) -> str:
    """*text* (one line) with Argdown's markup characters escaped."""
    out = []
    for i, ch in enumerate(text):
        if ch in _ALWAYS or (ch in ".:" and i + 1 < len(text) and not text[i + 1].isspace()):
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _title(ref: Ref, map_id: str) -> str:
    return ref.node_id if ref.map_id == map_id else str(ref)


def argument_title(argument: Argument, map_id: str) -> str:
    """The Argdown title of an inference: ``p1 + p2 to c``."""
    premises = " + ".join(_title(p, map_id) for p in argument.premises)
    return f"{premises} to {_title(argument.conclusion, map_id)}"


def to_argdown(project: Project, map_id: str) -> str:
    """The Argdown document of map *map_id*."""
    from .scene import build_scene

    argmap = project.maps[map_id]
    scene = build_scene(project, map_id)
    lines = ["===", f"title: {_yaml_str(argmap.title)}", "===", "",
             f"// Exported by argmap from {clean(argmap.path).replace('*/', '')}.",
             "// Statements are titled by node id, with kind and speaker as data; linked and undercut",
             "// supports are arguments with premise-conclusion structures.", ""]
    # What each node declares.
    children: dict[Ref, list[str]] = {ref: [] for ref in scene.nodes}
    argument_blocks: list[list[str]] = []
    for edge in scene.edges:
        if edge.role == "support":
            children[edge.source].append(f"  +> [{_title(edge.target, map_id)}]")
        elif edge.role == "attack":
            children[edge.source].append(f"  -> [{_title(edge.target, map_id)}]")
        elif edge.role == "undercut":
            argument = scene.junctions[edge.target].argument
            children[edge.source].append(f"  _> <{argument_title(argument, map_id)}>")
    for junction in scene.junctions:
        argument = junction.argument
        title = argument_title(argument, map_id)
        kind = "Linked argument" if junction.linked else "Argument"
        block = [f"<{title}>: {kind} for {escape_text(_title(argument.conclusion, map_id))}.", ""]
        for i, premise in enumerate(argument.premises, 1):
            block.append(f"({i}) [{_title(premise, map_id)}]")
        block.append("----")
        block.append(f"({len(argument.premises) + 1}) [{_title(argument.conclusion, map_id)}]")
        argument_blocks.append(block)

    for ref, scene_node in scene.nodes.items():
        node = scene_node.node
        title = _title(ref, map_id)
        if node is None:
            text, data = "(a node of a map that is not loaded)", {}
        else:
            text = clean(node.text) or "(no text)"
            data = {"kind": node.kind.value, "by": node.by}
            same = sorted(str(r.target) for r in node.relations if r.kind is RelKind.SAME_AS)
            if same:
                data["same_as"] = same
        if not scene_node.home:
            data["context"] = True
        lines.append(f"[{title}]: {escape_text(text)}{_data(data)}")
        lines.extend(children[ref])
        lines.append("")
    for block in argument_blocks:
        lines.extend(block)
        lines.append("")
    return "\n".join(lines)


def _yaml_str(text: str) -> str:
    text = clean(text).replace("\\", "\\\\").replace('"', '\\"').replace("=", "\\u003d")
    return f'"{text}"'


def _data(data: dict) -> str:
    """Statement data in Argdown's YAML braces (ids only, which need no quoting beyond this)."""
    if not data:
        return ""
    items = []
    for key, value in data.items():
        if isinstance(value, list):
            items.append(f"{key}: [{', '.join(_yaml_str(v) for v in value)}]")
        elif isinstance(value, bool):
            items.append(f"{key}: {'true' if value else 'false'}")
        else:
            items.append(f"{key}: {_yaml_str(value)}")
    return " {" + ", ".join(items) + "}"


def find_cli(search: Iterable[os.PathLike | str] = ()) -> list[str] | None:
    """The command that runs the Argdown CLI (``@argdown/cli``), if it is installed.

    ``$ARGDOWN_CLI`` wins; then ``argdown`` on PATH; then an npm install
    (``node_modules/.bin/argdown``) in one of the *search* folders, which
    also needs ``node`` on PATH.  Tests and benchmarks use this to compare
    our Argdown output with what the real parser makes of it.
    """
    explicit = os.environ.get("ARGDOWN_CLI")
    if explicit:
        return explicit.split()
    found = shutil.which("argdown")
    if found:
        return [found]
    if shutil.which("node") is None:
        return None
    for folder in search:
        candidate = Path(folder) / "node_modules" / ".bin" / "argdown"
        if candidate.exists():
            return [str(candidate)]
    return None
