"""The HTML report: well-formed, complete, self-contained (no script, no external resource), escaped, reproducible."""

from __future__ import annotations

import datetime
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

import partnerfit
from partnerfit.analysis.report import ReportData, gather
from partnerfit.render import RenderOptions
from partnerfit.render.html import CSS, report_html

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "examples" / "packaging.yaml"
ASSESSORS = ROOT / "examples" / "assessors.yaml"
DAY = datetime.date(2026, 11, 26)
VOID = {"meta", "br", "link", "img", "hr", "input", "col", "wbr"}
TAGS = {
    *("html", "head", "meta", "title", "style", "body", "section", "article", "nav", "div", "p", "h1", "h2", "h3"),
    *("h4", "dl", "dt", "dd", "ul", "ol", "li", "a", "b", "br", "span", "table", "thead", "tbody", "tr", "th", "td"),
    *("figure", "figcaption", "svg", "g", "rect", "path", "circle", "line", "polygon", "text", "tspan"),
}

HOSTILE = """\
kind: candidates
title: "Hostile </title><script>alert('title')</script>"
objective: "<img src=x onerror=alert(1)> & \\"quotes\\" 'single'"
description: "background: url(https://evil.example/x.png); see //evil.example"
criteria:
  name: hostile
  title: {en: "<b>bold</b> set", fr: "<i>jeu</i>"}
  groups:
    g1:
      label: {en: "<script>alert('g1')</script>", fr: "<script>g1</script>"}
      short: {en: "<u>G1</u>", fr: "<u>G1</u>"}
      criteria:
        c1:
          label: "<svg onload=alert(1)>"
          description: "</style><script>alert(2)</script>"
          levels: {1: "<a href='https://evil.example'>x</a>", 5: "fine"}
        c2: {label: "C2 \\"quoted\\""}
    g2: {label: "G2", criteria: {c3: {label: "C3", minimum: 2}}}
    g3: {label: "G3", criteria: {c4: {label: "C4"}}}
  gates:
    bad: {label: "<iframe src='//evil.example'>", description: "<object data=x>"}
candidates:
  x:
    name: "<script>alert(1)</script>"
    type: "<b>lab</b>"
    description: "javascript:alert(1)"
    tags: ["<i>t</i>"]
    info: {website: "javascript:alert(1)", "<k>": "<v>"}
    gates: {bad: false}
    assessments:
      "<alice>": {c1: {score: 5, note: "<script>n</script>", evidence: ["https://evil.example/<x>"]}, c2: 1, c3: 3, c4: 2}
      bob: {c1: 1, c2: 5, c3: 3, c4: 4}
  y: {name: "Normal & Co", gates: {bad: false}, scores: {c1: 3, c2: 3, c3: 3, c4: 3}}
  z: {name: "Z | pipe", gates: {bad: true}, scores: {c1: 2, c2: 4, c3: 1, c4: 5}}
  w: {name: "W", scores: {c1: 4, c2: 2, c3: 1, c4: 5}}
"""


class Checker(HTMLParser):
    """Collects tags, attributes and text, and checks that every element closes in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str, str]] = []
        self.ids: list[str] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.attrs.append((tag, name, value or ""))
            if name == "id":
                self.ids.append(value or "")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] not in ("style", "title"):
            self.text.append(data)


def check(document: str) -> Checker:
    checker = Checker()
    checker.feed(document)
    checker.close()
    assert not checker.errors, checker.errors[:5]
    assert not checker.stack, f"unclosed: {checker.stack}"
    return checker


@cache
def report(path: Path, method: str = "wsm", missing: str | None = None) -> ReportData:
    return gather(partnerfit.load(path), today=DAY, method=method, missing=missing)  # type: ignore[arg-type]


@cache
def hostile(tmp: Path) -> ReportData:
    path = tmp / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return gather(partnerfit.load(path), today=DAY, top=3, title="<script>alert('t')</script> & co")


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory: pytest.TempPathFactory) -> ReportData:
    return hostile(tmp_path_factory.mktemp("hostile"))


def assert_self_contained(document: str, checker: Checker) -> None:
    assert "<script" not in document.lower()
    assert "@import" not in document and "<link" not in document.lower()
    assert checker.tags <= TAGS, checker.tags - TAGS
    for tag, name, value in checker.attrs:
        assert not name.startswith("on"), (tag, name)
        assert name not in ("src", "srcset", "action", "formaction", "xlink:href", "data"), (tag, name)
        if name == "href":
            assert value.startswith("#"), value
        for target in re.findall(r"url\(([^)]*)\)", value):
            assert target.startswith("#"), (tag, name, value)
    style = document.split("<style>", 1)[1].split("</style>", 1)[0]
    assert style.strip() == CSS.strip()  # the stylesheet holds no user text
    for target in re.findall(r"url\(([^)]*)\)", style):
        assert target.startswith("#")
    assert not re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", document)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_example_report_is_well_formed_complete_and_self_contained(lang):
    document = report_html(report(PACKAGING), RenderOptions(lang=lang))
    checker = check(document)
    assert document.startswith("<!DOCTYPE html>\n")
    assert f'<html lang="{lang}">' in document
    assert_self_contained(document, checker)
    for anchor in ("cover", "shortlist", "robustness", "methodology", "card-1", "card-5", "shortlist-h", "cards-h"):
        assert anchor in checker.ids
    assert "card-6" not in checker.ids  # five cards by default
    assert len(checker.ids) == len(set(checker.ids))
    assert len(document.encode()) < 1_000_000


def test_example_report_says_what_a_reader_needs():
    document = report_html(report(PACKAGING), RenderOptions(lang="en"))
    text = " ".join(check(document).text)
    for expected in (
        "Recyclable food packaging — partner search",
        "Launch a recyclable, plastic-free food-packaging line by 2027",
        "26 November 2026",
        "Assessed by",
        "Partnership fit (SDG 17)",
        "No clear winner",  # the close race of the example
        "Papeteries Kerlann",
        "Loyalty 1 < minimum 2",
        "gate: sanctions_listed",
        "Strengths",
        "Strengths and weaknesses: the criteria on which a candidate scores above, or below, the median",
        "Owns a thermoforming process for moulded fibre that we lack entirely",  # a note behind a score
        "What it would take to rank higher",
        "Rank acceptability",
        "Weight stability",
        "Method comparison",
        "Weights and where they come from",
        "Brings a critical capability we lack.",  # a level anchor
        "score = 100 × Σ w·v / Σ w",
        "Missing scores",
        "On a sanctions list",
    ):
        assert expected in text, expected
    assert document.count('class="radar"') == 5
    assert document.count('class="bar"') >= 8 + 18  # a stacked bar per ranked candidate, an interval per weight


def test_print_stylesheet_gives_a4_pages():
    assert "@page{size:A4" in CSS
    assert "@media print" in CSS and "break-before:page" in CSS and "print-color-adjust:exact" in CSS
    assert "font-family:system-ui" in CSS and "url(" not in CSS


def test_content_security_policy_blocks_any_request():
    document = report_html(report(PACKAGING))
    assert "Content-Security-Policy" in document and "default-src 'none'" in document


def test_french_report_is_translated():
    data = report(ASSESSORS)
    text = " ".join(check(report_html(data, RenderOptions(lang="fr"))).text)
    for expected in ("Présélection", "Robustesse", "Méthodologie", "Compétences clés", "Évalué par", "amina, bruno"):
        assert expected in text, expected
    for english in ("Key findings", "Shortlist", "Weight stability", "Key competences", "Assessed by", "Strengths"):
        assert english not in text, english
    assert "26 novembre 2026" in text


def test_same_input_and_date_give_the_same_bytes():
    first = report_html(gather(partnerfit.load(PACKAGING), today=DAY), RenderOptions(lang="en"))
    second = report_html(gather(partnerfit.load(PACKAGING), today=DAY), RenderOptions(lang="en"))
    assert first == second


def test_user_strings_are_escaped(hostile_data):
    document = report_html(hostile_data)
    checker = check(document)
    assert_self_contained(document, checker)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document  # the candidate's name, as text
    assert "<title>&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt; &amp; co</title>" in document
    text = " ".join(checker.text)
    assert "<script>alert(1)</script>" in text  # what the reader sees
    assert "<svg onload=alert(1)>" in text and "<iframe src='//evil.example'>" in text and "<alice>" in text
    assert checker.tags <= TAGS


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_hostile_report_in_both_languages(hostile_data, lang):
    assert_self_contained(document := report_html(hostile_data, RenderOptions(lang=lang)), check(document))


def test_other_methods_flat_sets_and_empty_rankings_render(tmp_path):
    flat = tmp_path / "flat.yaml"
    flat.write_text(
        "kind: candidates\ncriteria:\n  name: flat\n  criteria:\n    a: {label: A, minimum: 3}\n    b: {label: B}\n"
        "candidates:\n  x: {scores: {a: 1, b: 5}}\n  y: {scores: {a: 4, b: 4}}\n",
        encoding="utf-8",
    )
    nobody = tmp_path / "nobody.yaml"
    nobody.write_text(flat.read_text(encoding="utf-8").replace("b: 4}", "b: 4}, gates: {}").replace("a: 4", "a: 2"))
    cases = [
        report(PACKAGING, "topsis", "worst"),
        report(PACKAGING, "promethee", "worst"),
        gather(partnerfit.load(flat), today=DAY),
        gather(partnerfit.load(nobody), today=DAY),
    ]
    for data in cases:
        for lang in ("en", "fr"):
            document = report_html(data, RenderOptions(lang=lang))
            assert_self_contained(document, check(document))
    assert 'class="radar"' not in report_html(cases[2])  # two criteria: no radar
    assert "No candidate could be ranked." in report_html(cases[3])
