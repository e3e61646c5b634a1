"""The Markdown report: a golden file of the packaging example (pinned date), French, escaping.

When a change of output is intended, rewrite the golden file and review the diff by eye::

    PARTNERFIT_UPDATE_GOLDEN=1 pytest tests/render/test_render_report_markdown.py
    git diff tests/render/golden/report-packaging.md
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
from pathlib import Path

import pytest

import partnerfit
from partnerfit.analysis.report import gather
from partnerfit.render import RenderOptions
from partnerfit.render.report_markdown import report_markdown

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden" / "report-packaging.md"
DAY = datetime.date(2026, 11, 26)
UPDATE = os.environ.get("PARTNERFIT_UPDATE_GOLDEN") == "1"


def rendered(lang: str = "en", example: str = "packaging") -> str:
    project = partnerfit.load(ROOT / "examples" / f"{example}.yaml")
    return report_markdown(gather(project, today=DAY), RenderOptions(lang=lang))


def test_golden():
    text = rendered()
    if UPDATE:
        GOLDEN.write_bytes(text.encode("utf-8"))
        return
    expected = GOLDEN.read_bytes().decode("utf-8")
    if text != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True), "golden", "rendered"))
        pytest.fail(f"report-packaging.md differs from its golden file (PARTNERFIT_UPDATE_GOLDEN=1 to accept):\n{diff}")


def test_sections_and_charts_as_tables():
    text = rendered()
    for heading in (
        "# Recyclable food packaging — partner search",
        "## 1. Shortlist",
        "## 2. Shortlisted candidates",
        "### 1. Institut des Biopolymères (public research lab)",
        "## 3. Robustness",
        "### Rank acceptability",
        "### Method comparison",
        "## 4. Methodology",
        "### Weights and where they come from",
    ):
        assert f"\n{heading}\n" in f"\n{text}", heading
    assert "**Contributions by group**" in text  # the stacked bars as a table
    assert (
        "| Group | Institut des Biopolymères (public research lab) | Fibrea (moulded-fibre start-up) |" in text
    )  # radar
    assert not re.search(r"<[A-Za-z/!?]", text)  # no HTML: every < that could open a tag is escaped
    assert text.endswith("\n") and "\r" not in text and not any(line.endswith(" ") for line in text.splitlines())


def test_french():
    text = rendered("fr", "assessors")
    for expected in (
        "## 1. Présélection",
        "## 4. Comment les notes ont été recueillies",  # the file has assessments
        "## 5. Méthodologie",
        "| **Évalué par** | amina, bruno, chloe |",
        "Compétences clés",
    ):
        assert expected in text, expected
    for english in ("Shortlist", "Key competences", "Assessed by", "Strengths"):
        assert english not in text, english


def test_user_text_is_inert(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(
        'kind: candidates\ntitle: "*t* [x](javascript:1)"\ncandidates:\n'
        '  a: {name: "<script>alert(1)</script> | b", scores: {loyalty: 4}}\n'
        '  b: {name: "`code` _u_", scores: {loyalty: 3}}\n',
        encoding="utf-8",
    )
    text = report_markdown(gather(partnerfit.load(path), today=DAY))
    assert "# \\*t\\* \\[x\\]\\(javascript:1)" in text
    assert "&lt;script>alert(1)&lt;/script> \\| b" in text
    assert not re.search(r"<[A-Za-z/!?]", text) and "\\`code\\`" in text  # every < that opens a tag is escaped
