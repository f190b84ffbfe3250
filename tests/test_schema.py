"""The checked-in JSON Schema is the one the spec generates, and it heads every map."""

from __future__ import annotations

import json

from argmap.spec import MAP_FILE, json_schema_text

from .conftest import MAPS, REPO

SCHEMA = REPO / "docs" / "argmap.schema.json"


def test_checked_in_schema_is_current() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == json_schema_text(), \
        "regenerate with: argmap schema -o docs/argmap.schema.json --force"


def test_schema_lists_every_node_field() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    map_schema = schema["anyOf"][0]
    node = map_schema["properties"]["nodes"]["additionalProperties"]
    spec_node = MAP_FILE.by_name["nodes"].spec.value
    assert set(node["properties"]) == set(spec_node.by_name)
    assert set(node["required"]) == {f.name for f in spec_node.fields if f.required}
    assert node["additionalProperties"] is False


def test_every_map_has_the_schema_modeline() -> None:
    for path in MAPS.glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../docs/argmap.schema.json", path.name
