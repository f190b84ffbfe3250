"""The command line as a newcomer meets it: map ids everywhere, the project found from any folder
inside it, "did you mean" for commands, plurals, and the settings file under the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from argmap.config import remember
from argmap.locate import find_project

COMMANDS = [["check"], ["coverage"], ["eval"], ["stats"], ["stances"], ["show"], ["search", "reforms"],
            ["export", "-f", "dot", "-o", "-"], ["export", "-f", "json", "-o", "-"]]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def project(small_maps: Path) -> Path:
    """A project: maps/small.yaml, seeds/small.txt and an empty docs/notes/ folder."""
    (small_maps.parent / "docs" / "notes").mkdir(parents=True)
    return small_maps.parent


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("where", [".", "maps", "docs/notes"])
def test_every_command_takes_a_map_id_from_any_folder_of_the_project(project, capsys, monkeypatch,
                                                                      command, where) -> None:
    monkeypatch.chdir(project / where)
    code, out, err = run(capsys, *command, "small")
    assert code == 0, err
    assert "error:" not in err and "error[" not in err


@pytest.mark.parametrize("command", [["check"], ["coverage"], ["stats"], ["eval"]], ids=" ".join)
def test_with_no_map_every_command_finds_the_projects_maps_from_a_subfolder(project, capsys, monkeypatch,
                                                                            command) -> None:
    monkeypatch.chdir(project / "maps")
    code, out, err = run(capsys, *command)
    assert code == 0, err
    assert ("small" in out + err) or ("1 map," in out + err)


def test_check_names_files_relative_to_where_it_runs(project, capsys, monkeypatch) -> None:
    (project / "maps" / "small.yaml").write_text(
        (project / "maps" / "small.yaml").read_text().replace("supports: cut-red-tape", "supports: cut-red"))
    monkeypatch.chdir(project / "docs")
    code, out, _ = run(capsys, "check", "small")
    assert code == 1
    assert out.split(":")[0].endswith("maps/small.yaml")
    assert "did you mean 'cut-red-tape'?" in out


def test_a_path_is_still_a_path(project, capsys, monkeypatch) -> None:
    monkeypatch.chdir(project / "docs")
    assert run(capsys, "check", "../maps/small.yaml")[0] == 0
    assert run(capsys, "check", "../maps")[0] == 0
    code, _, err = run(capsys, "stats", "../maps/smal.yaml")
    assert code == 2 and "did you mean 'small.yaml'" in err


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_an_unknown_map_id_gets_a_did_you_mean(project, capsys, monkeypatch, command) -> None:
    monkeypatch.chdir(project / "maps")
    code, _, err = run(capsys, *command, "smal")
    assert code == 2
    assert "unknown map 'smal'" in err and "did you mean 'small'?" in err
    assert "Traceback" not in err


def test_a_map_id_is_found_by_its_map_line_when_the_file_is_named_otherwise(project, capsys,
                                                                           monkeypatch) -> None:
    (project / "maps" / "small.yaml").rename(project / "maps" / "2024-small-map.yaml")
    monkeypatch.chdir(project / "docs")
    code, out, err = run(capsys, "check", "small")
    assert code == 0, err
    assert "1 file, 1 map, 3 nodes" in err


def test_outside_any_project_the_message_says_what_to_do(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for command in (["check"], ["check", "small"], ["eval", "small"], ["export", "small"]):
        code, _, err = run(capsys, *command)
        assert code == 2 and "no maps folder" in err and "--maps" in err, command


def test_find_project_walks_up_and_stops_at_the_nearest(project, monkeypatch) -> None:
    monkeypatch.chdir(project / "docs" / "notes")
    assert find_project() == Path("../..")
    (project / "docs" / "maps").mkdir()
    assert find_project() == Path("..")
    monkeypatch.chdir(project)
    assert find_project() == Path(".")


# -- misspelt commands ---------------------------------------------------------------------------


@pytest.mark.parametrize("typo, meant", [("exprot", "export"), ("chek", "check"), ("serach", "search"),
                                         ("stat", "stats"), ("tiu", "tui")])
def test_a_misspelt_command_gets_a_did_you_mean(capsys, typo, meant) -> None:
    with pytest.raises(SystemExit) as exited:
        main([typo])
    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert f"unknown command '{typo}'" in err and f"did you mean '{meant}'?" in err


def test_an_unknown_word_that_is_no_command_lists_the_commands(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["zzzzzz"])
    err = capsys.readouterr().err
    assert "unknown command 'zzzzzz'" in err and "export" in err


# -- plurals -------------------------------------------------------------------------------------


def test_check_counts_in_the_singular_and_plural(project, make_maps, capsys) -> None:
    code, _, err = run(capsys, "check", str(project / "maps" / "small.yaml"))
    assert "1 file, 1 map, 3 nodes: 0 errors, 0 warnings" in err
    assert "files" not in err and "maps," not in err


# -- settings under the command line ---------------------------------------------------------------


def test_the_settings_file_gives_evals_default_semantics_and_the_option_wins(project, capsys) -> None:
    target = str(project / "maps" / "small.yaml")
    remember("semantics", "preferred")
    code, out, _ = run(capsys, "eval", target, "-f", "json")
    assert code == 0 and '"semantics": "preferred"' in out
    code, out, _ = run(capsys, "eval", target, "-f", "json", "--semantics", "stable")
    assert code == 0 and '"semantics": "stable"' in out


def test_a_broken_settings_file_is_reported_and_ignored(project, capsys, monkeypatch, tmp_path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('semantics = "preferd"\n')
    monkeypatch.setenv("ARGMAP_CONFIG", str(bad))
    code, out, err = run(capsys, "eval", str(project / "maps" / "small.yaml"), "-f", "json")
    assert code == 0 and '"semantics": "grounded"' in out
    assert f"{bad}:1:1: error[config]: semantics must be one of grounded, preferred, stable" in err


def test_the_settings_file_gives_exports_default_renderer(project, capsys, monkeypatch) -> None:
    import argmap.export.render as render

    chosen = []
    real = render.choose
    monkeypatch.setattr(render, "choose", lambda renderer, fmt: chosen.append(renderer) or real("embedded", fmt))
    remember("renderer", "embedded")
    monkeypatch.chdir(project / "docs")
    code, _, err = run(capsys, "export", "small", "-f", "svg", "-o", "-")
    assert code == 0, err
    assert chosen and set(chosen) == {"embedded"}
    code, _, err = run(capsys, "export", "small", "-f", "svg", "-o", "-", "--renderer", "auto")
    assert chosen[-1] == "auto"


def test_coverage_and_check_of_one_map_report_that_map_only(capsys, monkeypatch) -> None:
    # The maps beside it are loaded as context: their coverage and counts are not the named map's.
    monkeypatch.chdir(Path(__file__).resolve().parent.parent / "maps")
    code, out, _ = run(capsys, "coverage", "may-2018", "--summary")
    assert code == 0 and out.count("\n") == 1 and out.startswith("may-2018 (")
    code, _, err = run(capsys, "check", "may-2018")
    assert code == 0 and err.startswith("1 file, 1 map, ")


def test_looking_up_an_id_never_opens_a_fifo(project, capsys, monkeypatch) -> None:
    import os

    os.mkfifo(project / "maps" / "waiting.yaml")  # opening it would wait for a writer forever
    (project / "maps" / "small.yaml").rename(project / "maps" / "renamed.yaml")  # so the id needs the scan
    monkeypatch.chdir(project / "docs")
    code, _, err = run(capsys, "check", "small")
    assert code == 0, err


def test_the_explorer_opens_a_map_id_and_finds_the_project_from_a_subfolder(project, capsys,
                                                                          monkeypatch) -> None:
    import argmap.tui.app as app

    opened = []

    class Recorder:
        def __init__(self, paths, **options) -> None:
            opened.append([Path(p).resolve() for p in paths])

        def run(self) -> None:
            pass

    monkeypatch.setattr(app, "ArgmapApp", Recorder)
    monkeypatch.chdir(project / "docs")
    assert main(["tui", "small"]) == 0
    assert main([]) == 0
    assert opened == [[(project / "maps" / "small.yaml").resolve()], [(project / "maps").resolve()]]
