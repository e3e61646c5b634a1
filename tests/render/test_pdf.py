"""The PDF report: A4 pages, numbered, none blank, candidates in rank order, in the reader's language, reproducible, offline."""

from __future__ import annotations

import builtins
import datetime
import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from PIL import Image

import partnerfit
from partnerfit.analysis.report import ReportData, gather
from partnerfit.render import RenderOptions, pdf
from partnerfit.render.pdf import PdfUnavailableError, report_pdf

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "examples" / "packaging.yaml"
DAY = datetime.date(2026, 11, 26)
A4 = "595.276 x 841.89 pts (A4)"


def poppler() -> None:
    """Skip without poppler's tools on a developer's machine; in CI they must be there (.ci/run installs them)."""
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftoppm/pdftotext missing in CI: .ci/run installs poppler-utils")
        pytest.skip("poppler-utils (pdftoppm, pdftotext) not installed")


@cache
def data() -> ReportData:
    return gather(partnerfit.load(PACKAGING), today=DAY)


@cache
def packaging_pdf(lang: str) -> bytes:
    return report_pdf(data(), RenderOptions(lang=lang))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The English report's pages as greyscale PNGs (pdftoppm, 30 dpi)."""
    poppler()
    folder = tmp_path_factory.mktemp("pages")
    (folder / "report.pdf").write_bytes(packaging_pdf("en"))
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-png", "report.pdf", "page"], cwd=folder, check=True)
    return sorted(folder.glob("page-*.png"))


def text_of(document: bytes, tmp_path: Path, page: int | None = None) -> str:
    """The text pdftotext extracts from ``document`` (one page, or all)."""
    poppler()
    path = tmp_path / "report.pdf"
    path.write_bytes(document)
    only = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", *only, str(path), "-"], capture_output=True, text=True, check=True).stdout


def info(document: bytes, tmp_path: Path) -> dict[str, str]:
    poppler()
    path = tmp_path / "info.pdf"
    path.write_bytes(document)
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def test_a4_pages_with_the_report_title(tmp_path):
    document = packaging_pdf("en")
    assert document.startswith(b"%PDF-")
    meta = info(document, tmp_path)
    assert meta["Page size"] == A4
    assert meta["Title"] == "Recyclable food packaging — partner search"
    assert "CreationDate" not in meta and "ModDate" not in meta  # nothing that changes from run to run


def test_page_count_and_no_blank_page(pages):
    # cover, shortlist, five cards, robustness and methodology: at least 9 pages, and not one per row
    assert 9 <= len(pages) <= 14
    for page in pages:
        with Image.open(page) as image:
            width, height = image.size
            assert 247 <= width <= 249 and height == 351  # A4 (210 × 297 mm) at 30 dpi
            histogram = image.convert("L").histogram()
        inked = sum(histogram[:200])  # pixels clearly darker than white
        assert inked > 1000, f"{page.name} is blank ({inked} inked pixels)"


def test_pages_are_numbered_from_the_second(tmp_path):
    document = packaging_pdf("en")
    count = int(info(document, tmp_path)["Pages"])
    assert f"/ {count}" not in text_of(document, tmp_path, 1)  # no number on the cover
    for page in (2, 7, count):
        assert f"{page} / {count}" in text_of(document, tmp_path, page)


def test_candidates_in_rank_order(tmp_path):
    shortlist = " ".join(text_of(packaging_pdf("en"), tmp_path, 2).split())
    names = [c.name.split(" (")[0] for c in data().result.ranked]
    assert len(names) == 8
    places = [shortlist.find(name) for name in names]
    assert -1 not in places, (names, shortlist)
    assert places == sorted(places)
    assert shortlist.index("Shortlist") < places[0] and "Excluded" in shortlist


def test_one_card_per_shortlisted_candidate_in_order(tmp_path):
    document = packaging_pdf("en")
    for page, candidate in enumerate(data().result.ranked[:5], start=3):
        head = " ".join(text_of(document, tmp_path, page).split())
        assert candidate.name.split(" (")[0] in head[:200], (page, candidate.name)


def test_french_headings(tmp_path):
    text = " ".join(text_of(packaging_pdf("fr"), tmp_path).split()).lower()  # some headings are set in capitals
    for heading in ("Sommaire", "Présélection", "Candidats présélectionnés", "Robustesse", "Méthodologie"):
        assert heading.lower() in text, heading
    assert "shortlisted candidates" not in text and "methodology" not in text


def test_same_report_same_bytes():
    again = report_pdf(gather(partnerfit.load(PACKAGING), today=DAY), RenderOptions(lang="en"))
    assert again == packaging_pdf("en")
    assert b"/CreationDate" not in again and b"/ID" not in again


def test_nothing_is_fetched(monkeypatch):
    """The fetcher refuses http(s) and file URLs before opening anything; the PDF is still written."""
    weasyprint = pytest.importorskip("weasyprint")
    opened: list[object] = []
    monkeypatch.setattr(weasyprint.urls.URLFetcher, "open", lambda self, *a, **k: opened.append(a))
    hostile = (
        '<html><head><link rel="stylesheet" href="https://evil.example/x.css"></head><body>'
        '<img src="http://evil.example/x.png"><img src="file:///etc/passwd">'
        '<p style="background:url(https://evil.example/y.png)">x</p></body></html>'
    )
    monkeypatch.setattr(pdf, "report_html", lambda data, options: hostile)
    assert report_pdf(data()).startswith(b"%PDF-")
    assert opened == []


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "writing a PDF needs WeasyPrint"), ("fr", "écrire un PDF demande WeasyPrint")],
)
def test_without_weasyprint_one_message_says_what_to_install(monkeypatch, lang, words):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # `import weasyprint` now raises ImportError
    with pytest.raises(PdfUnavailableError) as missing:
        report_pdf(data(), RenderOptions(lang=lang))
    message = str(missing.value)
    assert words in message and "\n" not in message
    assert "pip install 'partnerfit[pdf]'" in message
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in message


def test_without_pango_the_same_message(monkeypatch):
    real_import = builtins.__import__

    def no_pango(name: str, *args: object, **kwargs: object) -> object:
        if name == "weasyprint":  # what WeasyPrint raises when cffi cannot load libpango
            raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_pango)
    with pytest.raises(PdfUnavailableError, match=r"pip install 'partnerfit\[pdf\]'"):
        report_pdf(data())


def test_the_command_line_does_not_import_weasyprint():
    code = "import sys, partnerfit.cli.app, partnerfit.render.pdf; print(any('weasyprint' in m for m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "False"
