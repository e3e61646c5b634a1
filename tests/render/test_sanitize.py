"""The sanitiser of each output medium: what it lets through, what it escapes, and that it never loses a row."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import partnerfit
from partnerfit.render import render
from partnerfit.render.decimals import written
from partnerfit.render.sanitize import (
    cell,
    csv_text,
    html_text,
    is_formula_like,
    json_bytes,
    json_dumps,
    json_text,
    md,
    md_code,
    md_row,
    safe_cell,
    safe_text,
    terminal,
    terminal_lines,
    xml_attr,
    xml_text,
)

BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# text with every kind of trouble in it, and plain text often enough that "unchanged" is tested too
HOSTILE = st.text(
    st.one_of(
        st.characters(codec=None),
        st.sampled_from(["\x1b", "\r", "\n", "\t", "\x9b", "\x7f", "\u202e", "\u2066", "\ud800", "\ufffe", "|", "@"]),
        st.sampled_from(["<", ">", "[", "]", "(", ")", "!", "`", "*", "\\", "&", "#", "=", "+", "-", " "]),
    ),
    max_size=40,
)


def unsafe_on_terminal(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cs") or char in BIDI or char in "\u2028\u2029\ufffe\uffff"


# --- terminal ---------------------------------------------------------------------------------------


@given(HOSTILE)
def test_terminal_text_has_no_control_character_and_safe_text_is_unchanged(text):
    shown = terminal(text)
    assert not any(unsafe_on_terminal(c) for c in shown)
    shown.encode("utf-8")  # a lone surrogate would fail here
    if not any(unsafe_on_terminal(c) for c in text):
        assert shown == text


def test_terminal_shows_controls_as_escapes():
    assert (
        terminal("a\x1b]0;pwned\x07\r\n\t\x9b\x7f\u202eb\ud800")
        == "a\\x1b]0;pwned\\x07\\r\\n\\t\\x9b\\x7f\\u202eb\ufffd"
    )
    assert terminal("Zéro Déchet\u00a0— 60\u202f%") == "Zéro Déchet\u00a0— 60\u202f%"


def test_terminal_lines_keep_newlines_and_only_the_colours_asked_for():
    text = "\x1b[1mtitle\x1b[0m\nrow\x1b]0;x\x07"
    assert terminal_lines(text) == "\\x1b[1mtitle\\x1b[0m\nrow\\x1b]0;x\\x07"
    assert terminal_lines(text, colour=True) == "\x1b[1mtitle\x1b[0m\nrow\\x1b]0;x\\x07"


# --- spreadsheet cells --------------------------------------------------------------------------------


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
        " =1+1",
        "\n=cmd",
        "\t@x",
        "\r+1",
        "\u00a0\u200b=1",
        "\uff1d1+1",
        "\uff20x",
        "=",
        "-",
    ],
)
def test_formula_like_text_is_quoted_even_after_white_space(text):
    assert is_formula_like(text)
    assert safe_text(text) == "'" + text
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["", "Acme", "Zéro Déchet", "'=already quoted", "5", "1-2", "a=b", "#N/A", "\tAcme"])
def test_other_text_is_unchanged(text):
    assert not is_formula_like(text)
    assert safe_text(text) == text


@pytest.mark.parametrize("value", [-5, -5.5, 0, 3.25, float("-inf"), True, False, None])
def test_numbers_booleans_and_none_are_never_changed(value):
    assert safe_cell(value) is value


@given(HOSTILE)
def test_a_cell_never_starts_like_a_formula_and_keeps_tab_cr_lf(text):
    safe = cell(text)
    assert not is_formula_like(safe)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]", safe)
    assert [c for c in safe if c in "\t\r\n"] == [c for c in text if c in "\t\r\n"]


@given(st.lists(st.lists(st.one_of(HOSTILE, st.floats(allow_nan=False), st.integers(), st.none()), max_size=5)))
def test_csv_parses_strictly_into_one_record_per_row(rows):
    rows = [row for row in rows if row]  # an empty row is an empty line, which readers skip
    text = csv_text(rows)
    records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    assert len(records) == len(rows)
    for record, row in zip(records, rows, strict=True):
        expected = [
            "" if v is None else cell(v) if isinstance(v, str) else repr(v) if isinstance(v, int) else repr(written(v))
            for v in row
        ]
        assert record == expected
        assert not any(is_formula_like(field) for field, v in zip(record, row, strict=True) if isinstance(v, str))


def test_a_bare_carriage_return_is_quoted():
    assert csv_text([["a\rb", "c"]]) == '"a\rb",c\n'


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
    name: " -5 (note)"
    scores: {"-gain": 1, risk: -5}
"""


def test_csv_text_cells_are_neutralised_and_numbers_are_not(tmp_path):
    path = tmp_path / "tricky.yaml"
    path.write_text(CSV_TRICKY, encoding="utf-8")
    rows = list(csv.reader(io.StringIO(render(partnerfit.score(partnerfit.load(path)), "csv"))))
    assert rows[0][-2:] == ["'-gain", "risk"]
    by_id = {row[1]: row for row in rows[1:]}
    assert by_id["'@evil"][2] == '\'=HYPERLINK("http://evil.example","click")'
    assert by_id["plain"][2] == "' -5 (note)"
    assert by_id["'@evil"][-2:] == ["-3.0", "2.0"]  # numbers written by partnerfit stay numbers


# --- Markdown -----------------------------------------------------------------------------------------

PARSER = MarkdownIt("commonmark").enable("table")
ALLOWED_TAGS = {"p", "table", "thead", "tbody", "tr", "th", "td", "code", "em", "strong"}  # _emphasis_ is allowed


class Tags(HTMLParser):
    """The elements and attributes of an HTML text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs if name != "style"]


def tags_of(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    parser.close()
    return parser


@given(HOSTILE, HOSTILE)
def test_markdown_cells_and_paragraphs_render_as_text_only(first, second):
    table = "\n".join([md_row(["a", "b"]), "|---|---|", md_row([first, second])])
    rendered = PARSER.render(table + "\n\n" + md(first) + "\n")
    found = tags_of(rendered)
    assert set(found.tags) <= ALLOWED_TAGS and not found.attributes, rendered
    body = PARSER.parse(table)
    assert sum(token.type == "td_open" for token in body) == 2  # the row keeps its two columns
    assert "\n" not in md(first) and not re.search(r"@[0-9A-Za-z]", md(first))


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)>"),
        ("[click](http://evil.example)", "\\[click\\]\\(http://evil.example)"),
        ("![x](y)", "!\\[x\\]\\(y)"),
        ("<http://evil.example>", "&lt;http://evil.example>"),
        ("@org/team and @bob", "@&#8203;org/team and @&#8203;bob"),
        ("a|b\nc\r\nd", "a\\|b c d"),
        ("# title", "\\# title"),
        ("&lt;b&gt; AT&T", "&amp;lt;b&amp;gt; AT&T"),
        ("1 < 2 and x@example.org", "1 < 2 and x@&#8203;example.org"),
        ("\x1b[2J", "\\\\x1b\\[2J"),
    ],
)
def test_markdown_escapes(text, shown):
    assert md(text) == shown


@pytest.mark.parametrize("path", ["old.yaml", "a`b.yaml", "`x`", "<img src=x>"])
def test_a_code_span_shows_its_text_exactly(path):
    rendered = PARSER.render(f"from {md_code(path)} on")
    assert tags_of(rendered).tags == ["p", "code"]
    assert PARSER.parse(f"x {md_code(path)}")[1].children[1].content == path


# --- HTML, XML, JSON ----------------------------------------------------------------------------------


@given(HOSTILE)
def test_html_text_is_never_an_element_nor_breaks_an_attribute(text):
    found = tags_of(f'<p title="{html_text(text)}">{html_text(text)}</p>')
    assert found.tags == ["p"] and found.attributes == ["title"]
    html_text(text).encode("utf-8")


@given(HOSTILE, HOSTILE)
def test_xml_text_and_attributes_always_parse(text, attribute):
    root = ET.fromstring(f"<a b={xml_attr(attribute)}>{xml_text(text)}</a>".encode())
    assert root.tag == "a" and list(root.attrib) == ["b"]


@given(st.dictionaries(HOSTILE, st.lists(HOSTILE, max_size=3), max_size=4))
def test_json_is_valid_utf8_and_keeps_the_text(document):
    data = json_dumps(document)
    decoded = json.loads(data.decode("utf-8"))
    fixed = re.compile("[\ud800-\udfff]")
    assert decoded == {fixed.sub("\ufffd", k): [fixed.sub("\ufffd", v) for v in vs] for k, vs in document.items()}
    raw = data.decode("utf-8")
    assert not any(unicodedata.category(c) in ("Cc", "Cs") or c in BIDI for c in raw if c != "\n")
    text = json_text(json.dumps(document, ensure_ascii=False))
    assert json.loads(text.encode("utf-8")) == decoded


def test_json_bytes_escapes_what_a_terminal_acts_on():
    assert json_bytes('"\x9b\u202e\u2066é—"'.encode()) == '"\\u009b\\u202e\\u2066é—"'.encode()
