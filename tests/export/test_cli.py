"""The export command: where files go, what it refuses, and its exit codes."""

from __future__ import annotations

import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.cli import main

from .conftest import needs_dot


def test_folder_gives_one_file_per_map(workspace):
    assert main(["export", "maps", "-o", "out", "-q", "--renderer", "embedded"]) == 0
    written = sorted(p.name for p in (workspace / "out").iterdir())
    assert written == sorted(f"{p.stem}.svg" for p in (workspace / "maps").glob("*.yaml") if p.stem != "topics")
    for path in (workspace / "out").iterdir():
        ET.parse(path)


def test_default_is_the_working_folder_and_never_maps(workspace):
    assert main(["export", "maps/may-2018.yaml", "-q"]) == 0
    assert (workspace / "may-2018.svg").exists()
    os.chdir(workspace / "maps")
    before = sorted(os.listdir("."))
    assert main(["export", "may-2018.yaml", "-q"]) == 2
    assert sorted(os.listdir(".")) == before
    assert main(["export", "may-2018.yaml", "-q", "--into-maps"]) == 0
    assert Path("may-2018.svg").exists()


def test_never_overwrites_a_map_or_an_existing_file(workspace, capsys):
    original = (workspace / "maps" / "may-2018.yaml").read_bytes()
    for target in ("maps/may-2018.yaml", "maps/topics.yaml", "elsewhere.yaml"):
        assert main(["export", "maps/may-2018.yaml", "-o", target, "--force", "--into-maps"]) == 2
    assert (workspace / "maps" / "may-2018.yaml").read_bytes() == original
    (workspace / "x.svg").write_text("keep me")
    assert main(["export", "maps/may-2018.yaml", "-o", "x.svg"]) == 1
    assert (workspace / "x.svg").read_text() == "keep me"
    assert "exists" in capsys.readouterr().err
    assert main(["export", "maps/may-2018.yaml", "-o", "x.svg", "--force", "-q"]) == 0
    assert (workspace / "x.svg").read_bytes().startswith(b"<?xml")


def test_stdout_and_formats(workspace, capfdbinary):
    assert main(["export", "maps/may-2018.yaml", "-o", "-", "-f", "argdown"]) == 0
    assert capfdbinary.readouterr().out.startswith(b"===\ntitle:")
    assert main(["export", "maps", "-o", "-"]) == 2  # several maps cannot share stdout
    for fmt, start in (("json", b"{"), ("aif", b"{"), ("dot", b"digraph")):
        assert main(["export", "maps/may-2018.yaml", "-f", fmt, "-o", f"may.{fmt}", "-q"]) == 0
        assert (workspace / f"may.{fmt}").read_bytes().startswith(start)


def test_focus(workspace):
    assert main(["export", "maps", "--focus", "may-2018:roll-back-internal-market", "--depth", "1", "-q"]) == 0
    assert (workspace / "may-2018--roll-back-internal-market.svg").exists()
    assert main(["export", "maps/may-2018.yaml", "--focus", "roll-back-internal-market", "-o", "f.svg", "-q"]) == 0
    assert main(["export", "maps", "--focus", "no-such-node"]) == 2
    assert main(["export", "maps", "--depth", "2"]) == 2
    assert main(["export", "maps", "--focus", "roll-back-internal-market", "-f", "json"]) == 2


def test_png_without_system_dot(workspace, monkeypatch, capsys):
    monkeypatch.setenv("ARGMAP_DOT", str(workspace / "no-dot-here"))
    assert main(["export", "maps", "-f", "png", "-o", "out"]) == 1
    assert "needs the system Graphviz" in capsys.readouterr().err
    assert not (workspace / "out").exists()
    assert main(["export", "maps/may-2018.yaml", "--renderer", "dot"]) == 1
    assert main(["export", "maps/may-2018.yaml", "-q"]) == 0  # auto: the embedded renderer


@needs_dot
def test_png_and_pdf_with_system_dot(workspace):
    assert main(["export", "maps/may-2018.yaml", "-f", "png", "-q"]) == 0
    assert (workspace / "may-2018.png").read_bytes().startswith(b"\x89PNG")
    assert main(["export", "maps/may-2018.yaml", "-f", "pdf", "-q", "--group", "speaker"]) == 0
    assert (workspace / "may-2018.pdf").read_bytes().startswith(b"%PDF")


def test_maps_with_errors(workspace, capsys):
    path = workspace / "maps" / "may-2018.yaml"
    path.write_text(path.read_text().replace("kind: claim", "kind: clam", 1))
    assert main(["export", "maps/csw-hancock-2021.yaml", "-q"]) == 0  # other maps are unaffected
    assert main(["export", "maps", "-o", "out", "--strict"]) == 1
    assert "nothing exported" in capsys.readouterr().err and not (workspace / "out").exists()
    assert main(["export", "nowhere.yaml"]) == 2


def test_single_file_export_sees_the_other_maps(workspace):
    """Cross-map links of one exported map still show their other end."""
    assert main(["export", "maps/csw-hancock-2021.yaml", "-f", "svg", "-o", "csw.svg", "-q"]) == 0
    svg = (workspace / "csw.svg").read_text()
    assert "csw-hancock-2021---ext-" in svg and "(not loaded)" not in svg


def test_progress_bar_on_a_terminal(monkeypatch, capsys):
    import sys

    from argmap.commands.export import _Progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    progress = _Progress(3, quiet=False)
    progress.update(0, "first")           # too soon: nothing yet
    assert capsys.readouterr().err == ""
    progress.start -= 1
    progress.update(1, "second")
    progress.close()
    err = capsys.readouterr().err
    assert "1/3 second" in err and err.endswith("\r")
    quiet = _Progress(3, quiet=True)
    quiet.start -= 1
    quiet.update(1, "x")
    assert capsys.readouterr().err == ""


# -- the format follows the output's name (issue 14) ------------------------------------------

@pytest.mark.parametrize("name, start", [("x.svg", b"<?xml"), ("x.dot", b"digraph"), ("x.gv", b"digraph"),
                                         ("x.json", b"{"), ("x.aif.json", b"{"), ("X.ARGDOWN", b"===")]
                         + ([("x.png", b"\x89PNG"), ("x.pdf", b"%PDF")] if shutil.which("dot") else []))
def test_the_extension_picks_the_format(workspace, name, start):
    assert main(["export", "maps/may-2018.yaml", "-o", name, "-q"]) == 0
    assert (workspace / name).read_bytes().startswith(start)


def test_aif_json_is_aif_not_argmap_json(workspace):
    assert main(["export", "maps/may-2018.yaml", "-o", "x.aif.json", "-q"]) == 0
    assert main(["export", "maps/may-2018.yaml", "-o", "y.json", "-q"]) == 0
    assert b'"nodes"' in (workspace / "x.aif.json").read_bytes()           # AIF's node list
    assert b'"maps"' in (workspace / "y.json").read_bytes()                 # argmap's model


@pytest.mark.parametrize("args", [["-o", "y.png", "-f", "svg"], ["-o", "y.pdf", "-f", "png"],
                                  ["-o", "y.json", "-f", "argdown"], ["-o", "y.aif.json", "-f", "json"]])
def test_a_contradicting_format_is_refused_and_nothing_written(workspace, capsys, args):
    before = sorted(os.listdir(workspace))
    assert main(["export", "maps/may-2018.yaml", *args]) == 2
    err = capsys.readouterr().err
    assert "contradicts" in err and args[1] in err
    assert sorted(os.listdir(workspace)) == before


@pytest.mark.parametrize("args", [["-o", "out"], ["-o", "out", "-f", "svg"], ["-o", "x.txt"]])
def test_a_name_without_a_known_extension_is_refused_with_a_hint(workspace, capsys, args):
    before = sorted(os.listdir(workspace))
    assert main(["export", "maps/may-2018.yaml", *args]) == 2
    err = capsys.readouterr().err
    assert "add an extension" in err and ".svg" in err and "/" in err
    assert sorted(os.listdir(workspace)) == before


def test_a_folder_gets_one_file_per_map(workspace, capsys):
    assert main(["export", "maps/may-2018.yaml", "-o", "one/", "-q"]) == 0
    assert (workspace / "one" / "may-2018.svg").is_file()
    (workspace / "existing").mkdir()
    assert main(["export", "maps/may-2018.yaml", "-o", "existing", "-f", "dot", "-q"]) == 0
    assert (workspace / "existing" / "may-2018.dot").read_bytes().startswith(b"digraph")
    assert main(["export", "maps", "-o", "many.svg"]) == 2   # several maps, one file name
    assert "folder" in capsys.readouterr().err and not (workspace / "many.svg").exists()


def test_states_in_the_debate_only_with_labels_which_may_stand_before_the_maps(workspace, capsys):
    assert main(["export", "maps/may-2018.yaml", "-o", "plain.svg", "--renderer", "embedded", "-q"]) == 0
    assert b'class="node-state"' not in (workspace / "plain.svg").read_bytes()
    # --labels takes an optional value: before a map it is the default semantics, and the map is a map.
    assert main(["export", "--labels", "maps/may-2018.yaml", "-o", "states.svg", "--renderer", "embedded",
                 "-q"]) == 0
    states = (workspace / "states.svg").read_bytes()
    assert b'class="node-state"' in states and b">IN<" not in states and b">OUT<" not in states
    assert main(["export", "maps/may-2018.yaml", "--labels", "grounde", "-o", "x.svg"]) == 2
    assert "did you mean 'grounded'" in capsys.readouterr().err
    assert not (workspace / "x.svg").exists()
