"""Golden files of the team renderers (PARTNERFIT_UPDATE_GOLDEN=1 rewrites them), on tests/data/team/team.yaml."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

import pytest

from partnerfit.analysis.team import choose
from partnerfit.project.loading import load
from partnerfit.render import RenderOptions
from partnerfit.render.registry import as_text, formats, render
from partnerfit.render.team_words import TeamView

DATA = Path(__file__).resolve().parents[1] / "data" / "team"
GOLDEN = Path(__file__).resolve().parent / "golden" / "team"
UPDATE = os.environ.get("PARTNERFIT_UPDATE_GOLDEN") == "1"


@cache
def _view() -> TeamView:
    project = load(DATA / "team.yaml")
    result = choose(project, samples=50, seed=7, why="lab_b")
    assert project.file.team is not None
    return TeamView(result, project.criteria, project.file.team)


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs (PARTNERFIT_UPDATE_GOLDEN=1 to rewrite)"


CASES = [("table", "en", "table-80-en.txt"), ("table", "fr", "table-80-fr.txt"), ("json", "en", "json.txt")]
CASES += [("markdown", "en", "markdown-en.txt"), ("markdown", "fr", "markdown-fr.txt")]


@pytest.mark.parametrize(("fmt", "lang", "name"), CASES)
def test_golden(fmt: str, lang: str, name: str) -> None:
    _check(name, as_text(render("team", fmt, _view(), RenderOptions(lang=lang, width=80))))


def test_registered_formats() -> None:
    assert formats("team") == ("table", "json", "markdown")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_table_fits_80_columns_and_marks_every_constraint(lang: str) -> None:
    text = as_text(render("team", "table", _view(), RenderOptions(lang=lang, width=80)))
    assert max(len(line) for line in text.splitlines()) <= 80
    assert text.count("✓") >= len(_view().result.constraints)  # every constraint holds: one mark each at least


def test_json_is_the_result_dict() -> None:
    text = as_text(render("team", "json", _view(), RenderOptions()))
    data = json.loads(text)
    assert data["team"]["members"] == ["bank_f", "lab_a", "sme_c"]
    assert {"objective", "team", "constraints", "alternatives", "core_index", "samples", "seed"} <= set(data)
    assert data["why"]["candidate"] == "lab_b"
