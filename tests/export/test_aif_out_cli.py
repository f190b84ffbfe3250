"""argmap export -f aif --aif-flavour aifdb|ova, as a user runs it."""

from __future__ import annotations

import json

import pytest

from argmap.cli import main


def test_the_flavour_picks_the_layout(small_maps, tmp_path):
    flat, ova = tmp_path / "flat.aif.json", tmp_path / "ova.json"
    assert main(["export", str(small_maps / "small.yaml"), "-f", "aif", "-o", str(flat), "-q"]) == 0
    assert main(["export", str(small_maps / "small.yaml"), "-f", "aif", "--aif-flavour", "ova", "-o", str(ova),
                 "-q"]) == 0
    flat_data, ova_data = json.loads(flat.read_text("utf-8")), json.loads(ova.read_text("utf-8"))
    assert {"nodes", "edges", "schemefulfillments", "participants", "locutions"} <= set(flat_data)
    assert set(ova_data) == {"AIF", "OVA", "text", "argmap"}
    assert "the reforms would cut red tape" in ova_data["text"]
    assert flat_data["argmap"]["source"]["text"].startswith("The minister said")


def test_an_unknown_flavour_is_refused(small_maps, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(small_maps / "small.yaml"), "-f", "aif", "--aif-flavour", "ova2",
              "-o", str(tmp_path / "x.json")])
    assert exit_.value.code == 2
    assert "ova2" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()
