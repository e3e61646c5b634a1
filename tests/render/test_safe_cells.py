"""The formula-injection neutraliser: formula-like text is quoted, everything else left exactly as it was."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnerfit
from partnerfit.render import render
from partnerfit.render.safe_cells import FORMULA_TRIGGERS, is_formula_like, safe_cell, safe_text


@pytest.mark.parametrize(
    "text",
    [
        "=1+2",
        '=HYPERLINK("http://evil.example","click")',
        "+33 1 23 45 67 89",
        "-5 (note)",
        "@SUM(A1:A9)",
        "\t=cmd",
        "\r=cmd",
        "=",
        "-",
    ],
)
def test_formula_like_text_is_quoted(text):
    assert is_formula_like(text)
    assert safe_text(text) == "'" + text
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize(
    "text", ["", "Acme", "Zéro Déchet", " =not at the start", "'=already quoted", "5", "1-2", "a=b", "#N/A", "\n=x"]
)
def test_other_text_is_unchanged(text):
    assert not is_formula_like(text)
    assert safe_text(text) == text


@pytest.mark.parametrize("value", [-5, -5.5, 0, 3.25, float("-inf"), True, False, None])
def test_numbers_booleans_and_none_are_never_changed(value):
    assert safe_cell(value) is value


def test_the_triggers_are_owasp_s():
    assert set(FORMULA_TRIGGERS) == {"=", "+", "-", "@", "\t", "\r"}


@given(st.text())
def test_safe_text_never_starts_like_a_formula_and_keeps_the_text(text):
    safe = safe_text(text)
    assert not is_formula_like(safe)
    assert safe in (text, "'" + text)


CSV_TRICKY = """\
partnerfit: 1
kind: candidates
criteria:
  name: custom
  scale: [-5, 5]
  criteria:
    "-gain": {weight: 2}
    risk: {direction: lower}
candidates:
  "@evil":
    name: '=HYPERLINK("http://evil.example","click")'
    scores: {"-gain": -3, risk: 2}
  plain:
    name: "-5 (note)"
    scores: {"-gain": 1, risk: -5}
"""


def test_csv_text_cells_are_neutralised_and_numbers_are_not(tmp_path):
    path = tmp_path / "tricky.yaml"
    path.write_text(CSV_TRICKY, encoding="utf-8")
    rows = list(csv.reader(io.StringIO(render(partnerfit.score(partnerfit.load(path)), "csv"))))
    assert rows[0][-2:] == ["'-gain", "risk"]
    by_id = {row[1]: row for row in rows[1:]}
    assert by_id["'@evil"][2] == '\'=HYPERLINK("http://evil.example","click")'
    assert by_id["plain"][2] == "'-5 (note)"
    assert by_id["'@evil"][-2:] == ["-3.0", "2.0"]  # numbers written by partnerfit stay numbers
