"""Golden-file tests of every renderer on the two shipped examples.

Each case renders a Result with ``partnerfit.render.render(result, fmt, RenderOptions(...))`` and
compares the text, byte for byte, with ``tests/render/golden/NAME.txt``.

When a change of output is intended, rewrite the golden files and review the diff by eye::

    PARTNERFIT_UPDATE_GOLDEN=1 pytest tests/render
    git diff tests/render/golden

With PARTNERFIT_UPDATE_GOLDEN=1 the tests write the files instead of comparing (and pass).
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

import partnerfit
from partnerfit.render import RenderOptions, render
from partnerfit.result.model import Result

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLES = {"packaging": ROOT / "examples" / "packaging.yaml", "assessors": ROOT / "examples" / "assessors.yaml"}
UPDATE = os.environ.get("PARTNERFIT_UPDATE_GOLDEN") == "1"

# golden name suffix -> (format, options)
CASES: dict[str, tuple[str, RenderOptions]] = {
    "table-80-en": ("table", RenderOptions(lang="en", width=80)),
    "table-80-fr": ("table", RenderOptions(lang="fr", width=80)),
    "table-120-en": ("table", RenderOptions(lang="en", width=120)),
    "table-120-fr": ("table", RenderOptions(lang="fr", width=120)),
    "table-100-top3": ("table", RenderOptions(width=100, top=3)),
    "json": ("json", RenderOptions()),
    "json-top3": ("json", RenderOptions(top=3)),
    "csv": ("csv", RenderOptions()),
    "markdown-en": ("markdown", RenderOptions(lang="en")),
    "markdown-fr": ("markdown", RenderOptions(lang="fr")),
    "markdown-top3": ("markdown", RenderOptions(top=3)),
}
NAMES = [f"{example}-{case}" for example in EXAMPLES for case in CASES]


_results: dict[str, Result] = {}


def result_of(example: str) -> Result:
    if example not in _results:
        _results[example] = partnerfit.score(partnerfit.load(EXAMPLES[example]))
    return _results[example]


def rendered(name: str) -> str:
    example, case = name.split("-", 1)
    fmt, options = CASES[case]
    return render(result_of(example), fmt, options)


@pytest.mark.parametrize("name", NAMES)
def test_golden(name):
    text = rendered(name)
    path = GOLDEN / f"{name}.txt"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert path.exists(), f"no golden file {path}; create it with PARTNERFIT_UPDATE_GOLDEN=1"
    expected = path.read_bytes().decode("utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                text.splitlines(keepends=True),
                f"golden/{name}.txt",
                "rendered",
            )
        )
        pytest.fail(f"{name} differs from its golden file (PARTNERFIT_UPDATE_GOLDEN=1 to accept):\n{diff}")


def test_no_stray_golden_files():
    assert sorted(p.stem for p in GOLDEN.glob("*.txt")) == sorted(NAMES)


@pytest.mark.parametrize("name", [n for n in NAMES if "-table-" in n])
def test_golden_tables_fit_their_width(name):
    from rich.cells import cell_len

    _fmt, options = CASES[name.split("-", 1)[1]]
    assert max(cell_len(line) for line in rendered(name).splitlines()) <= options.width


@pytest.mark.parametrize("name", NAMES)
def test_rendering_is_deterministic_and_plain(name):
    text = rendered(name)
    example, case = name.split("-", 1)
    fmt, options = CASES[case]
    fresh = partnerfit.score(partnerfit.load(EXAMPLES[example]))  # a second load and scoring
    assert render(fresh, fmt, options) == text
    assert "\x1b[" not in text
    assert text.endswith("\n")
    assert "\r" not in text
