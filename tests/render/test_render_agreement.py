"""Golden files of the agreement renderers and the feedback files (PARTNERFIT_UPDATE_GOLDEN=1 rewrites them)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from partnerfit.analysis.agreement import agreement
from partnerfit.analysis.agreement_model import Agreement
from partnerfit.project.loading import load
from partnerfit.render import RenderOptions
from partnerfit.render.agreement import feedback_markdown
from partnerfit.render.registry import as_text, render

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden" / "agreement"
UPDATE = os.environ.get("PARTNERFIT_UPDATE_GOLDEN") == "1"
EXAMPLES = {
    "mini": ROOT / "tests" / "data" / "agreement" / "mini.yaml",
    "consortium": ROOT / "examples" / "consortium-assessments" / "candidates.yaml",
}
CASES = {
    "table-80-en": ("table", RenderOptions(lang="en", width=80)),
    "table-80-fr": ("table", RenderOptions(lang="fr", width=80)),
    "json": ("json", RenderOptions()),
    "markdown-en": ("markdown", RenderOptions(lang="en")),
    "markdown-fr": ("markdown", RenderOptions(lang="fr")),
}


def _report(example: str) -> Agreement:
    return agreement(load(EXAMPLES[example]))


def _check(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.txt"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
        return
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs (PARTNERFIT_UPDATE_GOLDEN=1 to rewrite)"


@pytest.mark.parametrize("example", list(EXAMPLES))
@pytest.mark.parametrize("case", list(CASES))
def test_golden(example: str, case: str) -> None:
    fmt, options = CASES[case]
    _check(f"{example}-{case}", as_text(render("agreement", fmt, _report(example), options)))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_feedback_golden(lang: str) -> None:
    report = _report("mini")
    _check(f"feedback-{lang}", "".join(feedback_markdown(report, a, lang) for a in report.assessors))


def test_table_fits_80_columns() -> None:
    for example in EXAMPLES:
        text = as_text(render("agreement", "table", _report(example), RenderOptions(width=80)))
        assert max(len(line) for line in text.splitlines()) <= 80


def test_json_has_the_format_keys() -> None:
    data = json.loads(as_text(render("agreement", "json", _report("consortium"), RenderOptions())))
    assert {"partnerfit", "assessors", "round", "completeness", "alpha", "divergent", "rounds"} <= set(data)
    assert set(data["alpha"]) == {"overall", "criteria"}
    assert {"candidate", "criterion", "scores", "spread"} <= set(data["divergent"][0])
    assert [r["round"] for r in data["rounds"]] == [1, 2]


def test_feedback_names_nobody_else_and_is_inert() -> None:
    report = _report("mini")
    for assessor in report.assessors:
        text = feedback_markdown(report, assessor, "en")
        for other in report.assessors:
            if other != assessor:
                assert not re.search(rf"\b{other}\b", text, re.IGNORECASE), (assessor, other)
    cat = feedback_markdown(report, "cat", "en")
    assert "<script>" not in cat and "](" not in cat and "<b>" not in cat
    assert "\n# never" not in feedback_markdown(report, "dan", "en")
