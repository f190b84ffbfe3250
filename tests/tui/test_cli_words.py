"""What the command line says and does with a word (issue 15): `argmap MAP-ID`, paths, plurals.

`argmap WORD`: a map id as the first word opens the explorer on it.

The rule (docs/tui.md): a command name is always the command; otherwise a
file, a folder or a map id of the project opens the explorer; any other
word is an unknown command, with a "did you mean" among commands and map
ids alike.  The app is not run: its ``run`` records what it was given.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import cli
from argmap.tui.app import ArgmapApp

MAP = """\
map: {id}
title: A map
source: {{seed: s.txt, genre: news-report}}
speakers: {{a: {{name: A}}}}
nodes:
  x: {{kind: claim, by: a, text: X.}}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose maps are `may-2018` (in may.yaml, so the id is not the file name) and `check`."""
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "may.yaml").write_text(MAP.format(id="may-2018"))
    (maps / "check.yaml").write_text(MAP.format(id="check"))
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "s.txt").write_text("X.")
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")  # the project is found from a folder inside it
    return tmp_path


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    runs: list[list[str]] = []
    monkeypatch.setattr(ArgmapApp, "run", lambda self, *a, **k: runs.append(self.paths))
    return runs


def test_a_map_id_as_the_first_word_opens_the_explorer_on_it(project: Path, opened: list) -> None:
    assert cli.main(["may-2018"]) == 0
    assert [Path(p).name for p in opened[0]] == ["may.yaml"]
    assert cli.main(["may-2018", "--no-watch"]) == 0  # the explorer's options follow, as with `tui`
    assert len(opened) == 2


def test_a_command_name_wins_over_a_map_id(project: Path, opened: list, capsys) -> None:
    cli.main(["check"])  # runs `argmap check` on the project, not the explorer on map `check`
    assert opened == []
    assert "2 maps" in capsys.readouterr().err  # check's summary line


def test_a_misspelt_map_id_or_command_gets_a_did_you_mean(project: Path, opened: list, capsys) -> None:
    for word, meant in (("may-2019", "may-2018"), ("exprot", "export")):
        with pytest.raises(SystemExit) as exit_:
            cli.main([word])
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        assert f"unknown command '{word}'" in err and f"did you mean '{meant}'?" in err, err
    assert opened == []


def test_a_path_like_word_is_never_taken_for_a_map_id(project: Path, opened: list, capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["may-2018.yaml"])  # no such file here (it is may.yaml, in ../maps)
    assert opened == []


def test_paths_above_the_working_folder_show_as_git_shows_them(project: Path, tmp_path: Path, capsys) -> None:
    """From docs/, a file of the project is ../maps/x.yaml; a file outside the project stays absolute."""
    from argmap.project import display_path

    assert display_path(project / "maps" / "may.yaml") == "../maps/may.yaml"
    assert display_path(project / "docs" / "x.yaml") == "x.yaml"
    outside = tmp_path.parent / "elsewhere.yaml"
    assert display_path(outside) == str(outside)
    cli.main(["check", "may-2018"])
    assert "../maps/may.yaml:6:" in capsys.readouterr().out


def test_export_counts_errors_in_words(project: Path, tmp_path: Path, capsys) -> None:
    """"1 error", not "1 error(s)" (argmap/plural.py)."""
    out = tmp_path / "out.dot"  # the map has one error (a node without a quote): exported anyway
    assert cli.main(["export", "may-2018", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "error(s)" not in err
    assert "exporting despite 1 error (see 'argmap check')" in err, err
