"""`partnerfit report FILE -o FILE.pdf`: the PDF written atomically and reproducibly, or one message saying what to install."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from partnerfit.render import pdf

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "examples" / "packaging.yaml"


@pytest.fixture
def report(invoke):
    def run(*args: str | Path, env: dict[str, str | None] | None = None):
        return invoke(["report", PACKAGING, *args], env={"SOURCE_DATE_EPOCH": None, **(env or {})})

    return run


def test_pdf_written_atomically_and_the_same_twice(report, tmp_path):
    out = tmp_path / "shortlist.pdf"
    first = report("-o", out, "--date", "2026-11-26", "--top", "3")
    assert first.exit_code == 0, first.output
    assert first.stdout == ""
    document = out.read_bytes()
    assert document.startswith(b"%PDF-") and document.rstrip().endswith(b"%%EOF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shortlist.pdf"]  # no temporary file left behind
    assert report("-o", out, "--date", "2026-11-26", "--top", "3").exit_code == 0
    assert out.read_bytes() == document


def test_the_suffix_is_read_in_any_case(report, tmp_path):
    out = tmp_path / "SHORTLIST.PDF"
    assert report("-o", out, "--date", "2026-11-26").exit_code == 0
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "writing a PDF needs WeasyPrint"), ("fr", "écrire un PDF demande WeasyPrint")],
)
def test_without_weasyprint_one_line_and_exit_1(report, tmp_path, monkeypatch, lang, words):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # `import weasyprint` now raises ImportError
    out = tmp_path / "shortlist.pdf"
    out.write_bytes(b"the previous report")
    result = report("-o", out, "--lang", lang)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0] and "pip install 'partnerfit[pdf]'" in lines[0]
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in lines[0]
    assert "Traceback" not in result.output and result.stdout == ""
    assert out.read_bytes() == b"the previous report"  # nothing replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shortlist.pdf"]


def test_a_target_that_cannot_be_written_is_refused_before_the_layout(invoke, report, tmp_path, monkeypatch):
    def never(*_: object) -> bytes:
        raise AssertionError("the PDF was laid out for a target that is refused")

    monkeypatch.setattr(pdf, "report_pdf", never)
    (tmp_path / "folder.pdf").mkdir()
    result = report("-o", tmp_path / "folder.pdf")
    assert result.exit_code == 1
    assert "is a directory" in result.stderr
    source = tmp_path / "candidates.pdf"  # a YAML file with an unusual name, and -o over it
    source.write_text(PACKAGING.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke(["report", source, "-o", source])
    assert result.exit_code == 2
    assert source.read_text(encoding="utf-8") == PACKAGING.read_text(encoding="utf-8")


def test_an_unknown_suffix_names_pdf(report, tmp_path):
    result = report("-o", tmp_path / "shortlist.txt")
    assert result.exit_code == 2
    assert ".pdf" in result.stderr
