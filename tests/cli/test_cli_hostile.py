"""A hostile-text corpus through every command and output format: each medium keeps its safety property.

Names, ids, types, tags, info, notes, evidence, assessors, criteria and group labels, descriptions,
anchors, gates, titles and objectives carry escape sequences, CR/LF, bidi and C1 controls, HTML,
Markdown links, images and @mentions, formula prefixes behind white space and a 10,000-character
name. Every output is then checked as what it is opened in (see ``MEDIUM``).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt
from openpyxl import load_workbook

from partnerfit.render.sanitize import is_formula_like

HOSTILE = [
    "\x1b]0;pwned\x07",
    "\x1b[2J",
    "\x1b[31mred",
    "fake\r\n  1  Evil   100.0 ██████████",
    "over\rwrite",
    "abc\u202edcba \u2066x\u2069 \u200f",
    "\x9b31m c1",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[click](http://evil.example)",
    "![x](http://evil.example/x.png)",
    "<http://evil.example>",
    "@org/team cc @bob",
    " =1+1",
    "\n=cmd|' /C calc'!A0",
    "\t@SUM(A1)",
    "\r+1",
    "\uff1d1+1",
    "x\x7fy | z",
]
IDS = ["\x1b]0;id\x07", "<img/src=x/onerror=alert(1)>", "=1+1", "@org/team", "[x](http://e.example)", "\u202eabc"]
CRITERIA = ["c\x1b[2J", "c<script>", "=c", "c|d", "plain"]
GATE = "gate\x1b]0;g\x07"
LONG = "L" * 10_000 + "\x1b[2J"


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text)


def pick(k: int) -> str:
    return HOSTILE[k % len(HOSTILE)] + " " + HOSTILE[(k + 7) % len(HOSTILE)]


def criteria_file(drop: int = 0) -> str:
    everything = q(" ".join(HOSTILE))
    lines = ["partnerfit: 1", "kind: criteria", f"name: {q('set' + HOSTILE[0])}", f"title: {everything}"]
    lines += ["scale: [0, 10]", "groups:"]
    members = {"g1": CRITERIA[:2], "g2": CRITERIA[2 : 4 - drop], "g3": CRITERIA[4:]}
    for k, (group, ids) in enumerate(members.items()):
        lines += [f"  {group}:", f"    label: {q(pick(k))}", f"    weight: {k + 1 + drop}", "    criteria:"]
        for j, cid in enumerate(ids):
            lines.append(
                f"      {q(cid)}: {{label: {q(pick(k + j + 3))}, description: {everything}, "
                f"levels: {{1: {q(pick(j))}}}{', minimum: 1' if cid == 'plain' else ''}}}"
            )
    return "\n".join([*lines, "gates:", f"  {q(GATE)}: {{label: {q(pick(5))}, description: {everything}}}"]) + "\n"


def candidates_file(criteria: str, shift: int = 0, *, long: bool = True, scored: int = len(CRITERIA)) -> str:
    everything = q(" ".join(HOSTILE))
    lines = ["partnerfit: 1", "kind: candidates", f"title: {everything}", f"objective: {everything}"]
    lines += [f"criteria: {criteria}", "candidates:"]
    for k, cid in enumerate([*IDS, "assessed", "knocked", "gated", *(["plain_long"] if long else [])]):
        name = LONG if cid == "plain_long" else pick(k + shift)
        lines += [f"  {q(cid)}:", f"    name: {q(name)}", f"    type: {q(HOSTILE[7])}"]
        lines += [
            f"    tags: [{q(HOSTILE[0])}, {q(HOSTILE[9])}]",
            f"    info: {{site: {q(HOSTILE[11])}, x: {q(HOSTILE[14])}}}",
        ]
        lines.append(f"    gates: {{{q(GATE)}: {'true' if cid == 'gated' else 'false'}}}")
        scores = [((k * 3 + j * 7 + shift) % 11, c) for j, c in enumerate(CRITERIA) if j != scored]
        scores[-1] = (0 if cid == "knocked" else 5 + k % 5, "plain")
        note = f"{{score: {scores[0][0]}, note: {everything}, evidence: [{q(HOSTILE[8])}, {q(HOSTILE[15])}]}}"
        if cid == "assessed":
            lines.append("    assessments:")
            for who in ("\x1b]0;who\x07", "<b>bob</b>"):
                lines += [f"      {q(who)}:"] + [f"        {q(c)}: {min(10, v + len(who) % 3)}" for v, c in scores]
            continue
        lines += ["    scores:", f"      {q(scores[0][1])}: {note}"] + [f"      {q(c)}: {v}" for v, c in scores[1:]]
    return "\n".join(lines) + "\n"


SHEET_ROWS = [["id", "name", "type", "plain", "note:plain", "evidence:plain"]] + [
    [cid, pick(k).strip(), HOSTILE[k + 3].strip(), str(k + 1), pick(k + 2).strip(), HOSTILE[k].strip()]
    for k, cid in enumerate(["a\x1b]0;x\x07", "=b", "@c"])
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile files, written once: a criteria set, two versions of a candidates file, a sheet, a folder."""
    root = tmp_path_factory.mktemp("hostile")
    (root / "crit.yaml").write_text(criteria_file(), encoding="utf-8")
    (root / "old-crit.yaml").write_text(criteria_file(drop=1), encoding="utf-8")
    (root / "new.yaml").write_text(candidates_file("crit.yaml"), encoding="utf-8")
    (root / "short.yaml").write_text(candidates_file("crit.yaml", long=False), encoding="utf-8")
    (root / "old.yaml").write_text(candidates_file("old-crit.yaml", shift=2, long=False, scored=3), encoding="utf-8")
    with (root / "sheet.csv").open("w", encoding="utf-8", newline="") as sheet:
        csv.writer(sheet).writerows(SHEET_ROWS)
    folder = root / "folder"
    folder.mkdir()
    shutil.copy(root / "crit.yaml", folder)
    (folder / "new.yaml").write_text(candidates_file("crit.yaml", long=False), encoding="utf-8")
    bad = candidates_file("crit.yaml", long=False).replace(q("plain") + ":", q("plain\x1b[2J<img src=x>") + ":")
    (folder / "\x1b]0;file\x07<img src=x onerror=1>.yaml").write_text(bad, encoding="utf-8")
    (folder / "surrogate.yaml").write_text('kind: candidates\ntitle: "bad \\ud800 text"\ncandidates: {}\n')
    json_doc = {"partnerfit": 1, "kind": "candidates", "title": "t\ud800", "criteria": "crit.yaml"}
    json_doc["candidates"] = {
        "s\ud800": {"name": "N\ud800\x1b[2J", "scores": {"plain": 3}},
        "t": {"scores": {"plain": 4}},
    }
    (root / "surrogate.json").write_bytes(json.dumps(json_doc).encode())
    return root


# (command line, output file or None for stdout, medium) of every command and output format
MEDIA = {"table": "text", "json": "json", "csv": "csv", "markdown": "markdown", "text": "text", "github": "text"}
MEDIA |= {"sarif": "json", "junit": "xml"}


def each(args: list[str], *formats: str) -> list[tuple[list[str], str | None, str]]:
    return [([*args, "-f", fmt], None, MEDIA[fmt]) for fmt in formats]


ALL = ("table", "json", "csv", "markdown")
CASES: list[tuple[list[str], str | None, str]] = [
    *each(["score", "new.yaml"], *ALL),
    (["score", "new.yaml"], None, "colour"),
    (["explain", "new.yaml", "assessed"], None, "colour"),
    (["score", "new.yaml", "-o", "out.xlsx"], "out.xlsx", "xlsx"),
    (["score", "new.yaml", "--top", "3", "-f", "markdown", "--lang", "fr"], None, "markdown"),
    *each(["score", "short.yaml", "--compare"], *ALL),
    *each(["explain", "new.yaml", IDS[0]], "table", "json", "markdown"),
    *each(["explain", "new.yaml", "knocked"], "table", "json", "markdown"),
    *each(["compare", "short.yaml", IDS[0], IDS[1], "assessed"], "table", "json", "markdown"),
    *each(["sensitivity", "short.yaml", "--samples", "200", "--seed", "1"], "table", "json", "markdown"),
    *each(["weights", "new.yaml"], "table", "json", "markdown"),
    *each(["diff", "old.yaml", "short.yaml"], "table", "json", "markdown"),
    *each(["diff", "old.yaml", "short.yaml", "--fail-on", "leader-change", "--fail-on", "top-k-change"], "table"),
    (["criteria", "crit.yaml"], None, "text"),
    (["criteria", "crit.yaml", "--json"], None, "json"),
    *[
        (["report", "short.yaml", "-o", f"r.{ext}", "--date", "2026-01-02"], f"r.{ext}", m)
        for ext, m in [("html", "html"), ("md", "markdown"), ("xlsx", "xlsx")]
    ],
    *each(["check", "folder"], "text", "json", "github", "sarif", "junit"),
    (["import", "sheet.csv", "--criteria", "crit.yaml", "-o", "imported.yaml"], "imported.yaml", "yaml"),
    (["init", "started.yaml", "--criteria", "crit.yaml"], "started.yaml", "starter"),
    (["schema", "candidates", "--criteria", "crit.yaml"], None, "json"),
    *each(["score", "surrogate.json"], *ALL),
    *each(["check", "surrogate.json"], "sarif", "junit"),
]
CASE_IDS = [f"{args[0]}-{args[1].split('.')[0]}-{medium}-{k}" for k, (args, _, medium) in enumerate(CASES)]


@pytest.mark.parametrize(("args", "output", "medium"), CASES, ids=CASE_IDS)
def test_every_output_is_safe_for_its_medium(invoke, corpus, monkeypatch, args, output, medium):
    monkeypatch.chdir(corpus)
    if output:
        (corpus / output).unlink(missing_ok=True)
    result = invoke(args, env={"FORCE_COLOR": "1"} if medium == "colour" else None)
    assert "Traceback" not in result.output and "internal error" not in result.stderr, result.output
    assert_terminal_safe(result.stderr)
    if args[0] == "check" or "--fail-on" in args:  # bad files on purpose, a condition that holds: exit 1
        assert result.exit_code == 1, result.output
    elif result.exit_code != 0:  # a lone surrogate in a JSON file is refused: a located error, never a crash
        assert "surrogate" in args[1] and result.exit_code == 1, result.output
        assert re.search(r"^surrogate\.json:\d+:\d+: error: ", result.stderr, re.MULTILINE), result.stderr
        return
    data = (corpus / output).read_bytes() if output else result.stdout_bytes
    MEDIUM[medium](data, args)


# --- the safety property of each medium ---------------------------------------------------------------

BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")
FAKE_ROW = re.compile(r"^\s*1\s+Evil", re.MULTILINE)


def assert_terminal_safe(text: str) -> None:
    """No control character but newline, no bidi control, no lone surrogate: nothing a terminal acts on."""
    bad = {c for c in text if (unicodedata.category(c) in ("Cc", "Cs") and c != "\n") or c in BIDI}
    assert not bad, f"{sorted(bad)!r} in {text[:300]!r}"
    assert not FAKE_ROW.search(text), "a name drew a row of its own"


def text_medium(data: bytes, args: list[str]) -> None:
    text = data.decode("utf-8")
    assert_terminal_safe(text)
    if "github" in args:
        assert all(line.startswith("::") for line in text.splitlines())


def colour_medium(data: bytes, args: list[str]) -> None:
    """On a colour terminal the only escape sequences are the colours partnerfit chose."""
    text = data.decode("utf-8")
    assert "\x1b[" in text
    text_medium(re.sub(r"\x1b\[[0-9;]*m", "", text).encode(), args)


def json_medium(data: bytes, args: list[str]) -> None:
    json.loads(data.decode("utf-8"))
    assert_terminal_safe(data.decode("utf-8"))


def csv_medium(data: bytes, args: list[str]) -> None:
    text = data.decode("utf-8")
    records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    expected = 1 + len(IDS) + 4 if "new.yaml" in args else None
    assert expected is None or len(records) == expected
    assert len({len(r) for r in records}) == 1
    for field in (f for record in records for f in record):
        assert not is_formula_like(field) or re.fullmatch(r"-?\d+(\.\d+)?(e-?\d+)?", field), field


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}
        self.links += [value or "" for name, value in attrs if name in ("href", "src", "xlink:href")]


def html_tags(text: str) -> _Tags:
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return parser


def markdown_medium(data: bytes, args: list[str]) -> None:
    text = data.decode("utf-8")
    assert_terminal_safe(text)
    assert not re.search(r"<[A-Za-z/!?]", text), "raw HTML or an autolink"
    assert not re.search(r"(?<!\\)\]\(|!\[", text) and "](" not in text, "a link or an image"
    assert not re.search(r"(?<![\w`])@[A-Za-z0-9]", text), "an @mention"
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tags = html_tags(MarkdownIt("commonmark").enable("table").render(text))
    assert not tags.tags & {"a", "img", "script", "iframe"} and not tags.links
    widths: list[int] = []
    for token in tokens:
        if token.type == "tr_open":
            widths.append(0)
        elif token.type in ("th_open", "td_open"):
            widths[-1] += 1
        elif token.type == "table_close":
            assert len(set(widths)) == 1, f"a row lost or gained a column: {widths}"
            widths = []


def html_medium(data: bytes, args: list[str]) -> None:
    tags = html_tags(data.decode("utf-8"))
    assert not tags.tags & {"img", "script", "iframe", "object", "embed"}
    assert not {a for a in tags.attributes if a.startswith("on")}
    assert all(link.startswith("#") for link in tags.links), tags.links


def xml_medium(data: bytes, args: list[str]) -> None:
    root = ET.fromstring(data)
    assert root.tag == "testsuites"
    text = " ".join([*(e.text or "" for e in root.iter()), *(v for e in root.iter() for v in e.attrib.values())])
    assert_terminal_safe(text)


def xlsx_medium(data: bytes, args: list[str]) -> None:
    book = load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                if isinstance(cell.value, str):
                    assert not is_formula_like(cell.value), (sheet.title, cell.coordinate, cell.value)


def yaml_medium(data: bytes, args: list[str]) -> None:
    """The imported file holds every text of the sheet exactly (YAML escapes what it must)."""
    document: Any = yaml.safe_load(data.decode("utf-8"))
    candidates = document["candidates"].values()
    assert sorted(c["name"] for c in candidates) == sorted(row[1] for row in SHEET_ROWS[1:])
    assert sorted(c["scores"]["plain"]["note"] for c in candidates) == sorted(row[4] for row in SHEET_ROWS[1:])


def starter_medium(data: bytes, args: list[str]) -> None:
    """The starter file keeps every id as a key and every label inside its comment; check accepts it."""
    document: Any = yaml.safe_load(data.decode("utf-8"))
    scores = document["candidates"]["example_lab"]["scores"]
    assert list(scores) == CRITERIA and list(document["candidates"]["example_lab"]["gates"]) == [GATE]
    assert_terminal_safe(data.decode("utf-8"))


MEDIUM = {
    "colour": colour_medium,
    "starter": starter_medium,
    "text": text_medium,
    "json": json_medium,
    "csv": csv_medium,
    "markdown": markdown_medium,
    "html": html_medium,
    "xml": xml_medium,
    "xlsx": xlsx_medium,
    "yaml": yaml_medium,
}
