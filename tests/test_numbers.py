"""Numbers mean what the file says: one reader (YAML 1.2 decimals), YAML 1.1 leftovers stay text with a hint."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerfit.io.document import read_document
from partnerfit.numbers import read_number, text_hint


def value_of(tmp_path: Path, token: str) -> object:
    path = tmp_path / "n.yaml"
    path.write_text(f"a: {token}\n", encoding="utf-8")
    return read_document(path).data["a"]


@pytest.mark.parametrize(
    ("token", "number"),
    [
        ("7", 7),
        ("-0", 0),
        ("+5", 5),
        ("1.5e3", 1500.0),
        ("+.5", 0.5),
        ("-.5e1", -5.0),
        ("1e3", 1000.0),
        ("2E-1", 0.2),
        (".5", 0.5),
        ("1.", 1.0),
        ("007.5", 7.5),
    ],
)
def test_yaml_1_2_numbers_are_numbers(tmp_path: Path, token: str, number: float) -> None:
    value = value_of(tmp_path, token)
    assert value == number and type(value) is type(number)


@pytest.mark.parametrize(
    ("token", "yaml_1_1"),
    [
        ("075", 61),
        ("-010", -8),
        ("0x1F", 31),
        ("0b101", 5),
        ("1:30", 90),
        ("190:20:30", 685230),
        ("1_000", 1000),
        ("1:30.5", 90.5),
        ("0o17", "0o17"),
        ("08", "08"),
        ("3,5", "3,5"),
    ],
)
def test_yaml_1_1_leftovers_stay_the_text_written(tmp_path: Path, token: str, yaml_1_1: object) -> None:
    assert yaml.safe_load(f"a: {token}")["a"] == yaml_1_1  # what a plain YAML 1.1 reader silently makes of it
    assert value_of(tmp_path, token) == token  # never 61 or 90: a phone number or a name keeps its zeros
    assert text_hint(token), "a number written another way always gets a hint"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("075", "write 75"),
        ("0x1F", "write the decimal number 31"),
        ("0o17", "write the decimal number 15"),
        ("1:30", "base 60, as 90"),
        ("3,5", "write 3.5"),
        ("1,000", "write 1000"),
        ("4", "remove the quotes"),
        ("4 ", "remove the quotes and spaces"),
        ("1_000", "write 1000"),
        ("50%", "write 50"),
        ("high", ""),
        (".nan", ""),
    ],
)
def test_the_hint_says_how_to_write_the_number(text: str, hint: str) -> None:
    found = str(text_hint(text))
    assert (hint in found) if hint else found == ""


@pytest.mark.parametrize(
    ("text", "number"),
    [(".inf", math.inf), ("-.Inf", -math.inf), ("1" * 5000, math.inf), ("0", 0), ("abc", None), ("", None)],
)
def test_the_reader_handles_specials_and_long_integers(text: str, number: float | None) -> None:
    assert read_number(text) == number


def test_nan_is_read_as_nan() -> None:
    value = read_number(".nan")
    assert isinstance(value, float) and math.isnan(value)


TOKEN = st.builds(
    "".join,
    st.lists(st.sampled_from([*"0123456789", "0", "-", "+", ".", "e", "E", ":", "_", "x", "o", "b", ","]), max_size=8),
)
DECIMAL = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


@settings(max_examples=60, deadline=None)
@given(token=TOKEN)
def test_a_plain_scalar_is_the_reader_s_number_or_the_text_itself(
    tmp_path_factory: pytest.TempPathFactory, token: str
) -> None:
    path = tmp_path_factory.mktemp("n") / "n.yaml"
    path.write_text(f"a: '{token}'\nb: {token}\n", encoding="utf-8")
    try:
        data = read_document(path).data
    except Exception:  # a token such as ':' or '-' is YAML syntax, not a scalar
        return
    assert data["a"] == token
    number = read_number(token)
    if number is not None:
        assert data["b"] == number
        if DECIMAL.fullmatch(token) and not re.fullmatch(r"[-+]?0\d+", token):
            assert data["b"] == float(token)
    elif data["b"] is not None and not isinstance(data["b"], bool):
        assert data["b"] == token.strip()  # never a converted 1.1 reading
