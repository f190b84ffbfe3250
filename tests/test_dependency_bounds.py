"""The lowest-versions CI job tests the lower bounds that pyproject.toml declares."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parent.parent


def _declared() -> dict[str, Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    lines = project["dependencies"] + [r for group in project["optional-dependencies"].values() for r in group]
    return {canonicalize_name(req.name): req for req in map(Requirement, lines)}


def _lowest_pins() -> dict[str, Version]:
    pins = {}
    for line in (REPO / ".ci" / "lowest.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            req = Requirement(line)
            [spec] = req.specifier
            assert spec.operator == "==", line
            pins[canonicalize_name(req.name)] = Version(spec.version)
    return pins


def test_every_direct_dependency_is_pinned_to_its_lower_bound() -> None:
    declared, pins = _declared(), _lowest_pins()
    assert set(pins) == set(declared)
    for name, req in declared.items():
        floors = [Version(spec.version) for spec in req.specifier if spec.operator in (">=", "==")]
        assert floors, f"{name} has no lower bound"
        assert [pins[name]] == floors, f"{name}: .ci/lowest.txt pins {pins[name]}, pyproject.toml says {req}"


def test_only_textual_is_pinned_exactly_and_nothing_is_capped() -> None:
    for name, req in _declared().items():
        operators = {spec.operator for spec in req.specifier}
        assert operators == ({"=="} if name == "textual" else {">="}), f"{name}: {req}"
