"""The client report speaks to the client: no command-line advice, and what was done where a missing score stops a method."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from partnerfit.analysis.report import gather
from partnerfit.project.loading import load
from partnerfit.render import RenderOptions
from partnerfit.render.registry import render

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "examples" / "packaging.yaml"  # some candidates lack scores
DAY = datetime.date(2026, 11, 26)
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]+")  # a command-line option, e.g. --missing


def test_missing_scores_do_not_stop_the_method_comparison():
    data = gather(load(PACKAGING), today=DAY, samples=200)
    assert data.result.missing == "ignore"  # the ranking keeps its own policy
    assert data.comparison_missing == "worst"
    assert set(data.comparison.methods) == {"wsm", "wpm", "topsis", "vikor", "promethee"}
    assert not data.comparison.failures


def test_a_ranking_that_counts_gaps_as_worst_is_compared_under_its_own_policy():
    data = gather(load(PACKAGING, missing="worst"), today=DAY, samples=200)
    assert data.comparison_missing is None
    assert not data.comparison.incomplete


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_no_command_line_advice_and_the_substitution_is_said(lang, fmt):
    data = gather(load(PACKAGING, weights={"loyalty": 30}), today=DAY, samples=200)
    text = render("report", fmt, data, RenderOptions(lang=lang))
    words = re.sub(r"<(style|script)\b.*?</\1>", "", text, flags=re.S)  # CSS custom properties look like options
    found = [m.group() for m in OPTION.finditer(words)]
    assert found == [], f"command-line advice in the client report: {found}"
    said = {"en": "each missing score was counted as the worst point", "fr": "comptée au pire niveau"}[lang]
    assert said in text
