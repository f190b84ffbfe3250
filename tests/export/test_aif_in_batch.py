"""`argmap import`: many files or a folder in one run, and a destination read only as far as needed."""

from __future__ import annotations

import json

import pytest

from argmap.cli import main
from argmap.export.aif import to_aif
from argmap.export.importing import Destination, header_id

from .conftest import build_project

TOPICS = "topics:\n  t:\n    question: Q?\n"


def aif_file(path, map_id: str, text: str = "Taxes should rise.") -> None:
    project = build_project({"a": {"kind": "claim", "text": text},
                             "b": {"text": "Schools need money.", "supports": ["a"]}}, map_id=map_id)
    path.write_text(json.dumps(to_aif(project, map_id)), encoding="utf-8")


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for k in range(3):
        aif_file(folder / f"nodeset{k}.json", f"m{k}", text=f"Claim number {k}.")
    (folder / "readme.txt").write_text("not a json file")
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "topics.yaml").write_text(TOPICS)
    return folder, maps


def test_a_folder_imports_one_map_per_file_and_checks(corpus, capsys):
    folder, maps = corpus
    assert main(["import", "aif", str(folder), "-o", str(maps)]) == 0
    err = capsys.readouterr().err
    assert "imported 3 of 3 files" in err
    assert sorted(p.name for p in maps.glob("*.yaml")) == ["nodeset0.yaml", "nodeset1.yaml", "nodeset2.yaml",
                                                           "topics.yaml"]
    assert main(["check", str(maps), "-q"]) == 0
    assert "\r[" not in err  # no progress bar when stderr is not a terminal


def test_a_bad_file_in_a_batch_is_named_and_the_others_are_imported(corpus, capsys):
    folder, maps = corpus
    (folder / "broken.json").write_text("{nope")
    assert main(["import", "aif", str(folder), "-o", str(maps), "-q"]) == 1
    err = capsys.readouterr().err
    assert "broken.json: the AIF file is not JSON" in err and "imported 3 of 4 files" in err
    assert len(list(maps.glob("nodeset*.yaml"))) == 3


def test_two_files_of_one_name_make_two_maps(corpus, tmp_path):
    folder, maps = corpus
    other = tmp_path / "other"
    other.mkdir()
    aif_file(other / "nodeset0.json", "x", text="A different claim.")
    args = ["import", "aif", str(folder / "nodeset0.json"), str(other / "nodeset0.json"), "-o", str(maps), "-q"]
    assert main(args) == 0
    assert "Claim number 0." in (maps / "nodeset0.yaml").read_text()
    assert "A different claim." in (maps / "nodeset0-2.yaml").read_text()
    assert main(["check", str(maps), "-q"]) == 0


def test_a_map_written_earlier_in_the_run_is_never_replaced(corpus, tmp_path, capsys, monkeypatch):
    """Even with --force: were two files to make one map, the second is refused, not written over the first."""
    import argmap.commands.import_ as command

    folder, maps = corpus
    real = command._jobs

    def same_output(args, spec):
        return [job._replace(output=maps / "one.yaml") for job in real(args, spec)]

    monkeypatch.setattr(command, "_jobs", same_output)
    args = ["import", "aif", str(folder / "nodeset0.json"), str(folder / "nodeset1.json"), "-o", str(maps)]
    assert main(args + ["--force", "-q"]) == 1
    assert "written from another file in this run" in capsys.readouterr().err
    assert "Claim number 0." in (maps / "one.yaml").read_text()


def test_batch_arguments_that_make_no_sense_are_refused(corpus, tmp_path):
    folder, maps = corpus
    assert main(["import", "aif", str(folder), "-o", str(maps), "--map-id", "x"]) == 2
    assert main(["import", "aif", str(folder), "-o", str(maps / "one.yaml")]) == 2
    assert main(["import", "aif", str(folder / "nodeset0.json"), "-", "-o", str(maps)]) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["import", "aif", str(empty), "-o", str(maps)]) == 2


def test_an_import_reads_only_the_headers_of_the_other_maps(corpus, monkeypatch):
    """Importing into a big folder costs what the new file costs: other maps are not composed or built."""
    folder, maps = corpus
    assert main(["import", "aif", str(folder / "nodeset0.json"), str(folder / "nodeset1.json"), "-o", str(maps),
                 "-q"]) == 0
    composed = []
    import argmap.yamlsource as yamlsource
    real = yamlsource.parse_yaml

    def spy(data, name):
        composed.append(name)
        return real(data, name)

    monkeypatch.setattr(yamlsource, "parse_yaml", spy)
    monkeypatch.setattr("argmap.project.parse_yaml", spy)
    assert main(["import", "aif", str(folder / "nodeset2.json"), "-o", str(maps / "nodeset2.yaml"), "-q"]) == 0
    assert not [name for name in composed if "nodeset0" in name or "nodeset1" in name]
    # and an existing id is still found from the header alone
    assert main(["import", "aif", str(folder / "nodeset2.json"), "-o", str(maps / "n.yaml"),
                 "--map-id", "nodeset0", "-q"]) == 2


def test_header_id(tmp_path):
    cases = {
        "plain.yaml": ("map: abc\ntitle: t\n", "abc"),
        "later.yaml": ("title: t\nsource: {seed: s.txt}\nmap: 'x-1'\n", "x-1"),
        "comment.yaml": ("#" + "c" * 70_000 + "\nmap: far\n", "far"),
        "nested.yaml": ("title: t\nnodes:\n  map: no\n", None),
        "list.yaml": ("- map: x\n", None),
        "broken.yaml": ("map: [\n", None),
        "binary.yaml": ("\udcff", None),
    }
    for name, (text, expected) in cases.items():
        (tmp_path / name).write_bytes(text.encode("utf-8", "surrogateescape"))
        assert header_id(tmp_path / name) == expected, name
    (tmp_path / "topics.yaml").write_text(TOPICS)
    destination = Destination(tmp_path, None)
    assert destination.topics == {"t"}
    assert set(destination.map_paths) == {"abc", "x-1", "far"}


def test_a_batch_shows_a_progress_bar_on_a_terminal(corpus, monkeypatch):
    import io
    import sys

    import argmap.commands.export as export

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    folder, maps = corpus
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(export._Progress, "DELAY", 0)
    assert main(["import", "aif", str(folder), "-o", str(maps)]) == 0
    shown = terminal.getvalue()
    assert "\r[" in shown and "/3 nodeset" in shown
    assert shown.index("\r" + " " * 80 + "\r") < shown.index("imported 3 of 3")  # cleared before the summary
    # What a terminal shows of each line is what follows its last carriage return: never bar and message.
    seen = [line.split("\r")[-1] for line in shown.split("\n")]
    assert [line for line in seen if line.startswith("wrote")] and not [line for line in seen if "[#" in line]
