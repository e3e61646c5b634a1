"""A YAML syntax error is located on the line that holds the mistake, not where the parser noticed it."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerfit.errors import InvalidInputError
from partnerfit.io.document import read_document

MISSING = "a ':' is missing at the end of this key"


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("kind: candidates\ncandidates:\n  acme\n    scores: {q: 4}\n", 3, 7),  # noticed on line 4
        ("a: 1\nb\nc: 2\n", 2, 2),  # "could not find expected ':'" on line 3
        ("a:\n  x: 1\n\n  # note\n  y # why\n\n  z: 2\n", 5, 4),  # blank lines and comments skipped
        ("a:\n  - x: 1\n    y\n    z: 3\n", 3, 6),
        ("a:\n  x: 1\n  y\n", 3, 4),  # at the end of the file
    ],
)
def test_a_missing_colon_is_reported_on_its_own_line(tmp_path: Path, text: str, line: int, column: int) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        read_document(path)
    (d,) = caught.value.diagnostics
    assert (d.line, d.column, d.code) == (line, column, "PF001")
    assert MISSING in d.message


@pytest.mark.parametrize("text", ["a: b: c\n", "k: 1\nv: 'open\n"])
def test_other_syntax_errors_keep_the_parser_s_place_and_words(tmp_path: Path, text: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        read_document(path)
    assert MISSING not in caught.value.diagnostics[0].message
