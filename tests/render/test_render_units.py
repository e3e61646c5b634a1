"""Small pieces of the renderers: the score bar, the number of decimals, format dispatch, colour."""

from __future__ import annotations

from pathlib import Path

import pytest

import partnerfit
from partnerfit.render import FORMATS, RenderOptions, render
from partnerfit.render.common import fmt_score, score_digits
from partnerfit.render.table import BAR_WIDTH, score_bar
from partnerfit.result.model import CandidateResult

ROOT = Path(__file__).resolve().parents[2]
BLOCKS = " ▏▎▍▌▋▊▉█"  # index = eighths of a cell


def eighths(bar: str) -> int:
    """How many eighths of a cell a bar fills."""
    return sum(BLOCKS.index(cell) for cell in bar)


# --- score_bar -----------------------------------------------------------------------------


def test_score_bar_empty_at_zero():
    assert score_bar(0) == " " * BAR_WIDTH
    assert score_bar(0).strip() == ""


def test_score_bar_full_at_100():
    assert score_bar(100) == "█" * BAR_WIDTH


@pytest.mark.parametrize("width", [1, 5, 10, 20])
def test_score_bar_has_a_fixed_width(width):
    for score in [0, 0.1, 12.5, 33.3, 50, 62.5, 99.9, 100]:
        bar = score_bar(score, width)
        assert len(bar) == width
        assert set(bar) <= set(BLOCKS)


@pytest.mark.parametrize("width", [1, 5, 10])
def test_score_bar_is_monotonic(width):
    fills = [eighths(score_bar(tenth / 10, width)) for tenth in range(1001)]
    assert fills == sorted(fills)
    assert fills[0] == 0
    assert fills[-1] == 8 * width
    assert set(range(8 * width + 1)) <= set(fills)  # every eighth is reachable


def test_score_bar_resolution_is_an_eighth_of_a_cell():
    assert score_bar(50, 10) == "█████     "
    assert score_bar(12.5, 1) == "▏"
    assert score_bar(25, 2) == "▌ "
    assert score_bar(79, 5) == "████ "  # 31.6 eighths round to 32
    assert eighths(score_bar(78.375, 10)) == round(78.375 / 100 * 80)


@pytest.mark.parametrize(("score", "expected"), [(-5, " " * BAR_WIDTH), (150, "█" * BAR_WIDTH)])
def test_score_bar_clamps(score, expected):
    assert score_bar(score) == expected


def test_score_bar_ends_with_blanks_only():
    bar = score_bar(37)
    filled = bar.rstrip()
    assert " " not in filled
    assert all(cell == "█" for cell in filled[:-1])


# --- score_digits --------------------------------------------------------------------------


def entry(cid: str, rank: int | None, score: float) -> CandidateResult:
    return CandidateResult(
        id=cid,
        name=cid,
        rank=rank,
        score=score,
        value=score,
        coverage=1.0,
        reasons=(),
        groups={},
        contributions={},
        scores={},
        spread={},
    )


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([], 1),
        ([50.0], 1),
        ([79.0, 78.375, 73.0], 1),
        ([71.76470588235294, 71.75000000000001], 2),  # 71.8 and 71.8 would look tied
        ([50.004, 50.001], 3),
        ([50.00041, 50.00012], 4),
        ([50.000001, 50.0000002], 4),  # never more than 4
    ],
)
def test_score_digits_distinct_ranks(scores, expected):
    entries = [entry(f"c{i}", i + 1, s) for i, s in enumerate(scores)]
    assert score_digits(entries) == expected


def test_score_digits_ties_need_no_more_decimals():
    tied = [entry("a", 1, 60.0), entry("b", 1, 60.0 + 1e-10), entry("c", 3, 40.0)]
    assert score_digits(tied) == 1


def test_score_digits_makes_different_ranks_look_different():
    scores = [88.8449, 88.8451, 88.85, 12.0]
    entries = [entry(f"c{i}", i + 1, s) for i, s in enumerate(scores)]
    digits = score_digits(entries)
    shown = [f"{s:.{digits}f}" for s in scores]
    assert len(set(shown)) == len(shown)


def test_score_digits_on_the_examples():
    packaging = partnerfit.score(partnerfit.load(ROOT / "examples" / "packaging.yaml"))
    assessors = partnerfit.score(partnerfit.load(ROOT / "examples" / "assessors.yaml"))
    assert score_digits(packaging.ranked) == 2  # École de design 71.76 vs Coopérative 71.75
    assert score_digits(packaging.ranked[:3]) == 1
    assert score_digits(assessors.ranked) == 1


def test_fmt_score():
    assert fmt_score(None) == "–"
    assert fmt_score(71.76470588235294) == "71.8"
    assert fmt_score(71.76470588235294, 2) == "71.76"
    assert fmt_score(100.0) == "100.0"


# --- dispatch and options ------------------------------------------------------------------


@pytest.fixture(scope="module")
def result():
    return partnerfit.score(partnerfit.load(ROOT / "examples" / "assessors.yaml"))


def test_formats():
    assert FORMATS == ("table", "json", "csv", "markdown")


def test_unknown_format(result):
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render(result, "xml")


def test_default_options(result):
    assert RenderOptions() == RenderOptions(lang="en", top=None, color=False, width=100)
    for fmt in FORMATS:
        assert render(result, fmt) == render(result, fmt, RenderOptions())


def test_colour_only_in_the_table(result):
    assert "\x1b[" in render(result, "table", RenderOptions(color=True))
    for fmt in ["json", "csv", "markdown"]:
        assert render(result, fmt, RenderOptions(color=True)) == render(result, fmt)


def test_markdown_escapes_pipes(tmp_path):
    path = tmp_path / "pipes.yaml"
    path.write_text(
        "kind: candidates\ntitle: A | B\ncriteria:\n  criteria: {q: {}}\ncandidates:\n"
        "  acme: {name: 'Acme | Co', scores: {q: 4}}\n",
        encoding="utf-8",
    )
    text = render(partnerfit.score(partnerfit.load(path)), "markdown")
    assert "| Acme \\| Co |" in text
    assert "## A \\| B" in text
    row = next(line for line in text.splitlines() if "Acme" in line)
    assert row.replace("\\|", "").count("|") == 4  # rank, candidate, score: 3 cells
