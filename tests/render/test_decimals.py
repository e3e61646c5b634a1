"""Machine outputs write floats rounded to 10 decimal places; ranks stay those of full precision."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from typer.testing import CliRunner

from partnerfit.cli.app import app
from partnerfit.render.decimals import written, written_array, written_numbers

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "packaging.yaml"
COMMANDS = {
    "score": ["score", EXAMPLE],
    "explain": ["explain", EXAMPLE, "lab_biopolymers"],
    "compare": ["compare", EXAMPLE, "lab_biopolymers", "startup_fibre"],
    "sensitivity": ["sensitivity", EXAMPLE, "--samples", "200", "--seed", "1"],
    "weights": ["weights", EXAMPLE],
}
HALVES = st.integers(-(10**13), 10**13).map(lambda k: (k + 0.5) / 1e10)  # exact ties, where numpy alone errs


def _run(args: list[Any], fmt: str) -> str:
    result = CliRunner().invoke(app, [str(a) for a in args] + ["--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


def _floats(document: Any) -> list[float]:
    if isinstance(document, float):
        return [document]
    if isinstance(document, dict):
        return [x for v in document.values() for x in _floats(v)]
    if isinstance(document, list):
        return [x for v in document for x in _floats(v)]
    return []


def _at_most_10_decimals(x: float) -> bool:
    return math.isnan(x) or repr(x) == repr(round(x, 10) + 0.0)


@given(st.one_of(st.floats(), HALVES))
def test_written_is_python_round_to_10_places_without_negative_zero(x):
    y = written(x)
    assert (math.isnan(x) and math.isnan(y)) or repr(y) == repr(round(x, 10) + 0.0)
    assert _at_most_10_decimals(y)


@given(arrays(np.float64, st.integers(0, 40), elements=st.one_of(st.floats(), HALVES, st.floats(-100, 100))))
def test_the_vectorised_writer_gives_the_same_floats_bit_for_bit(values):
    expected = np.array([written(float(x)) for x in values], dtype=np.float64)
    assert written_array(values).tobytes() == expected.tobytes()


def test_ints_ids_and_texts_are_never_rounded():
    document = {"seed": 12345678901234567, "id": "0.12345678901234", "n": [1, True, None], "x": (0.1 + 0.2,)}
    assert written_numbers(document) == {
        "seed": 12345678901234567,
        "id": "0.12345678901234",
        "n": [1, True, None],
        "x": [0.3],
    }


@pytest.mark.parametrize("command", [*sorted(COMMANDS), "diff"])
def test_every_float_of_every_json_output_has_at_most_10_decimals(command, tmp_path):
    changed = tmp_path / "changed.yaml"
    changed.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("gut_feeling: 4", "gut_feeling: 3"), encoding="utf-8"
    )
    floats = _floats(json.loads(_run(COMMANDS.get(command, ["diff", EXAMPLE, changed]), "json")))
    assert floats and all(_at_most_10_decimals(x) for x in floats)


def test_criteria_json_writes_effective_weights_rounded():
    """`criteria --json` (its own indented JSON) follows the same rule: 0.12, never 0.11999999999999998."""
    result = CliRunner().invoke(app, ["criteria", "partnership", "--json"])
    assert result.exit_code == 0, result.output
    floats = _floats(json.loads(result.stdout))
    assert floats and all(_at_most_10_decimals(x) for x in floats)


@pytest.mark.parametrize("command", ["score"])
def test_every_number_of_a_csv_output_has_at_most_10_decimals(command):
    rows = list(csv.reader(io.StringIO(_run(COMMANDS[command], "csv"))))
    numbers = [float(f) for row in rows[1:] for f in row if f.replace(".", "", 1).lstrip("-").isdigit()]
    assert numbers and all(_at_most_10_decimals(x) for x in numbers)


def test_79_is_written_79_not_78_99999999999999():
    # the lab's weighted sum is 78.99999999999999 in binary; JSON and CSV used to write it so
    document = json.loads(_run(COMMANDS["score"], "json"))
    top = document["ranking"][0]
    assert (top["id"], top["score"], top["groups"]["relational"]) == ("lab_biopolymers", 79.0, 75.0)
    assert "78.99999999999999" not in _run(COMMANDS["score"], "json") + _run(COMMANDS["score"], "csv")
    assert "\n1,lab_biopolymers,Institut des Biopolymères (public research lab),79.0,1.0," in _run(
        COMMANDS["score"], "csv"
    )


def test_ranks_are_those_of_full_precision():
    from partnerfit import load, score

    result = score(load(EXAMPLE))
    full = [(e.rank, e.id) for e in result.ranking]
    document = json.loads(_run(COMMANDS["score"], "json"))
    assert [(e["rank"], e["id"]) for e in document["ranking"]] == full
    # scores that differ below 1e-10 are one number when written, yet keep the ranks of full precision
    assert written(79.0 + 3e-11) == written(79.0 - 3e-11) == 79.0
