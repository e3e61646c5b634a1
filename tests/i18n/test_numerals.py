"""The display rule of partnerfit.i18n.numerals: half-up once on the decimal value, one string everywhere."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from partnerfit.cli.app import app
from partnerfit.i18n import numerals
from partnerfit.i18n.numerals import NARROW_NBSP, count, figure, number, percent, rounded
from partnerfit.render import decimals

CLEAN_ENV: dict[str, str | None] = {"COLUMNS": "100", "NO_COLOR": "1", "FORCE_COLOR": None, "TERM": None}


@pytest.mark.parametrize(
    ("value", "digits", "shown"),
    [
        (0.125, 2, "0.13"),
        (76.25, 1, "76.3"),
        (58.25, 1, "58.3"),
        (2.675, 2, "2.68"),  # the binary float is 2.67499999…: its decimal value decides
        (-0.05, 1, "-0.1"),  # halves go away from zero
        (-0.04, 1, "0.0"),  # never -0.0
        (-0.0, 2, "0.00"),
        (79.0 - 78.37500000000001, 2, "0.63"),  # the 0.625 JSON writes, not 0.62499999999999
        (1234.5, 1, "1,234.5"),
        (7, 0, "7"),
    ],
)
def test_rounds_half_up_on_the_decimal_value(value: float, digits: int, shown: str) -> None:
    assert number(value, "en", digits) == shown


@given(st.integers(-(10**9), 10**9), st.integers(0, 3))
def test_a_written_half_always_rounds_away_from_zero(units: int, digits: int) -> None:
    # units·10^-(digits+1) with a trailing 5: exactly half-way at ``digits`` decimals
    text = f"{units * 10 + (5 if units >= 0 else -5)}e-{digits + 1}"
    value = float(text)
    expected = Decimal(text).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    assert rounded(value, digits) == expected
    assert abs(rounded(value, digits)) > abs(Decimal(text))


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12), st.integers(0, 4))
def test_one_rounding_of_the_value_json_writes(value: float, digits: int) -> None:
    shown = rounded(value, digits)
    expected = Decimal(repr(decimals.written(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    assert shown == expected
    assert not shown.is_signed() or not shown.is_zero()
    text = number(value, "en", digits)
    assert not re.fullmatch(r"-0(\.0*)?", text)
    assert text.replace(",", "") == format(shown, "f")
    assert number(value, "fr", digits) == text.replace(",", NARROW_NBSP).replace(".", ",")


def test_machine_and_display_agree_on_the_decimal_value() -> None:
    assert numerals.WRITTEN == decimals.DECIMALS


def test_french_typography() -> None:
    assert number(76.25, "fr") == "76,3"
    assert percent(0.632, "fr") == f"63,2{NARROW_NBSP}%"
    assert percent(0.632, "en") == "63.2%"
    assert count(10000, "fr") == f"10{NARROW_NBSP}000"
    assert count(10000, "en") == "10,000"
    assert number(-1234.56, "fr", 2) == f"-1{NARROW_NBSP}234,56"
    assert number(0.5, "fr", 2, signed=True) == "+0,50"


def test_kinds() -> None:
    assert figure("value", 3.5) == "3.5"  # a score on its scale as written
    assert figure("value", 4.0) == "4"
    assert figure("value", 4.256, "fr") == "4,26"
    assert figure("points", 0.125) == "0.13"
    assert figure("group", None) == "–"
    assert number(float("nan")) == "–"
    assert percent(None) == "–"
    assert percent(0.1234, "en", sign=False) == "12.3"


HALVES = """\
partnerfit: 1
kind: candidates
title: Halves
criteria:
  name: halves
  scale: [0, 100]
  criteria:
    a: {weight: 1}
    b: {weight: 1}
candidates:
  first: {name: First, scores: {a: 76.5, b: 76}}
  second: {name: Second, scores: {a: 58.5, b: 58}}
  third: {name: Third, scores: {a: 40, b: 40.5}}
"""


@pytest.fixture
def halves(tmp_path: Path) -> Path:
    path = tmp_path / "halves.yaml"
    path.write_text(HALVES, encoding="utf-8")
    return path


_GEOMETRY = r'\b(?:d|points|x\d?|y\d?|cx|cy|width|height|viewBox)="[^"]*"'  # chart coordinates, not figures


def _run(args: list[str]) -> str:
    result = CliRunner().invoke(app, args, env=CLEAN_ENV)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(("lang", "scores"), [("en", ("76.3", "58.3", "40.3")), ("fr", ("76,3", "58,3", "40,3"))])
def test_a_score_reads_the_same_everywhere(halves: Path, tmp_path: Path, lang: str, scores: tuple[str, ...]) -> None:
    # 76.25, 58.25 and 40.25 land on a half: every document shows them rounded up, to one decimal
    path, opt = str(halves), ["--lang", lang]
    outputs = {
        "table": _run(["score", path, *opt]),
        "markdown": _run(["score", path, "-f", "markdown", *opt]),
        "explain": _run(["explain", path, "second", *opt]),
        "compare": _run(["compare", path, "first", "second", "third", *opt]),
    }
    for ext in ("md", "html"):
        out = tmp_path / f"report.{ext}"
        _run(["report", path, "-o", str(out), "--date", "2026-01-01", *opt])
        outputs[f"report.{ext}"] = re.sub(_GEOMETRY, "", out.read_text(encoding="utf-8"))
    wrong = [s[:-1] + "2" for s in scores] + [s[:-1] + "25" for s in scores]  # 76.2 (binary), 76.25 (unrounded)
    for name, text in outputs.items():
        assert scores[1] in text, name
        for bad in wrong:
            assert not re.search(rf"(?<![\d.,]){re.escape(bad)}(?![\d])", text), (name, bad)
    for name in ("table", "markdown", "compare", "report.md", "report.html"):
        assert all(s in outputs[name] for s in scores), name


def test_numbers_inside_catalogue_texts_follow_the_language() -> None:
    """A ``{cr:.3f}`` or ``{v:g}`` placed in a French text reads ``0,5``, never ``0.5`` (the text's own format kept)."""
    import re
    import string
    from pathlib import Path

    from partnerfit.i18n import t

    po = Path(__file__).resolve().parents[2] / "src/partnerfit/locale/fr/LC_MESSAGES/partnerfit.po"
    keys = re.findall(r'^msgid "(\w+)"\nmsgstr "(.*)"$', po.read_text(encoding="utf-8"), flags=re.M)
    checked = 0
    for key, text in keys:
        fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name]
        if not any(spec.endswith(("f", "g")) for _, spec in fields):
            continue
        values = {name: 0.5 if spec.endswith(("f", "g")) else "x" for name, spec in fields}
        french, english = t(key, "fr", **values), t(key, "en", **values)
        assert "0,5" in french and not re.search(r"\b0\.5", french), (key, french)
        assert re.search(r"\b0\.5", english), (key, english)
        checked += 1
    assert checked >= 6  # compare_agreement, ahp_inconsistent, sens_dirichlet, vikor, ...
