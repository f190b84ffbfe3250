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


def _as_editor_sees_it(path):
    """The document as plain data, scalars as text (what YAML 1.2 editors see for our values)."""
    import yaml

    from argmap.yamlsource import SafeLoader
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)  # noqa: S506 - safe loader


def test_editors_schema_accepts_the_curated_maps() -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for path in MAPS.glob("*.yaml"):
        errors = list(validator.iter_errors(_as_editor_sees_it(path)))
        assert not errors, (path.name, [e.message for e in errors[:3]])


def test_editors_schema_rejects_what_check_rejects(tmp_path) -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    bad = tmp_path / "bad.yaml"
    bad.write_text("map: m\ntitle: t\nsource: {seed: s.txt, genre: news}\nspeakers: {}\n"
                   "nodes:\n  n1: {kind: clam, by: a, text: t, quote: q, atacks: n2}\n")
    messages = " ".join(e.message for e in validator.iter_errors(_as_editor_sees_it(bad)))
    assert "atacks" in messages or "is not valid under any of the given schemas" in messages
    assert not validator.is_valid(_as_editor_sees_it(bad))
