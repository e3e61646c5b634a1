"""Worst-case files at partnerfit's size limits: wall time and peak memory of reading each one.

Not a test (far too slow): a plain script that prints a Markdown table. See benchmarks/README.md.

    python benchmarks/bench_limits.py                         # every shape, at the current limits
    python benchmarks/bench_limits.py --mib 4 --only flow_seq # one shape at 4 MiB, to find a rate
    python benchmarks/bench_limits.py --only xlsx_cells       # an .xlsx at the import cell budget

Each file is read by ``partnerfit check FILE`` and ``partnerfit score FILE`` in a child process,
one at a time; time is wall-clock, memory the child's peak resident set (``ru_maxrss``).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import partnerfit
from partnerfit.io.document import MAX_DEPTH, MAX_JSON_BYTES, MAX_YAML_BYTES
from partnerfit.io.sheet_rows import MAX_CELLS, MAX_PART, MAX_UNPACKED

HEAD = "partnerfit: 1\nkind: candidates\ncriteria: partnership\n"
TIMEOUT = 120.0  # seconds; a shape slower than this is reported as a timeout


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def flow_seq(size: int) -> str:
    """The densest flow sequence: one node every two bytes."""
    body = size - len(HEAD) - 20
    return HEAD + "candidates: [" + _repeat("1,", body) + "1]\n"


def flow_map_nulls(size: int) -> str:
    """A flow mapping of keys without values (``{a0, a1, ...}``): two nodes every few bytes."""
    parts, used, n = [], 0, 0
    while used < size - len(HEAD) - 40:
        part = f"{n:x},"
        parts.append(part)
        used += len(part)
        n += 1
    return HEAD + "candidates: {" + "".join(parts) + "z}\n"


def block_seq(size: int) -> str:
    """A dense block sequence of empty entries (``-`` per line)."""
    return HEAD + "candidates:\n" + _repeat("-\n", size - len(HEAD) - 20)


def short_keys(size: int) -> str:
    """A huge block mapping of short unique keys with tiny values."""
    lines, used, n = [], 0, 0
    while used < size - len(HEAD) - 80:
        line = f"{n:x}: 1\n"
        lines.append(line)
        used += len(line) + 1
        n += 1
    return HEAD + "x-pad:\n" + "".join(" " + line for line in lines) + "candidates: {a: {scores: {loyalty: 3}}}\n"


def duplicate_keys(size: int) -> str:
    """A flow mapping repeating one key: a duplicate-key error per entry, unless they are capped."""
    return HEAD + "candidates: {a: {scores: {loyalty: 3}}}\nx-dup: {" + _repeat("a,", size - len(HEAD) - 60) + "a}\n"


def huge_string(size: int) -> str:
    """One candidate whose name is the whole file: tables, trees and messages must cope."""
    name = "x" * (size - len(HEAD) - 120)
    return HEAD + f"candidates:\n  a:\n    name: {name}\n    scores: {{loyalty: 3}}\n  b: {{scores: {{loyalty: 4}}}}\n"


def deep_nesting(size: int) -> str:
    """Nesting just inside the depth limit, repeated until the file is full."""
    depth = MAX_DEPTH - 3
    unit = "[" * depth + "1" + "]" * depth + ","
    return HEAD + "x-deep: [" + _repeat(unit, size - len(HEAD) - 80) + "1]\ncandidates: {a: {scores: {loyalty: 3}}}\n"


def candidates(size: int) -> str:
    """Many tiny valid candidates with a score each: the whole pipeline runs, scoring included."""
    lines, used, n = [], 0, 0
    while used < size - len(HEAD) - 100:
        line = f" {n:x}: {{scores: {{loyalty: {n % 5 + 1}}}}}\n"
        lines.append(line)
        used += len(line)
        n += 1
    return HEAD + "candidates:\n" + "".join(lines)


def bad_scores(size: int) -> str:
    """Many candidates with a score outside the scale: one error message each."""
    return candidates(size * 9 // 10).replace("loyalty: ", "loyalty: 9")


def json_array(size: int) -> str:
    """The densest JSON: an array of ``1`` (read at the JSON limit)."""
    body = size - 80
    return '{"partnerfit": 1, "kind": "candidates", "candidates": [' + _repeat("1,", body) + "1]}\n"


def json_candidates(size: int) -> str:
    """Many tiny valid JSON candidates."""
    parts, used, n = [], 0, 0
    while used < size - 100:
        part = f'"{n:x}":{{"scores":{{"loyalty":{n % 5 + 1}}}}},'
        parts.append(part)
        used += len(part)
        n += 1
    return '{"partnerfit": 1, "kind": "candidates", "candidates": {' + "".join(parts) + '"z":{"scores":{}}}}\n'


YAML_SHAPES: dict[str, Callable[[int], str]] = {
    "flow_seq": flow_seq,
    "flow_map_nulls": flow_map_nulls,
    "block_seq": block_seq,
    "short_keys": short_keys,
    "duplicate_keys": duplicate_keys,
    "huge_string": huge_string,
    "deep_nesting": deep_nesting,
    "candidates": candidates,
    "bad_scores": bad_scores,
}


def json_nulls(size: int) -> str:
    """Many JSON candidates that are null: one error message each."""
    parts, used, n = [], 0, 0
    while used < size - 100:
        part = f'"{n:x}":null,'
        parts.append(part)
        used += len(part)
        n += 1
    return '{"partnerfit": 1, "kind": "candidates", "candidates": {' + "".join(parts) + '"z":{"scores":{}}}}\n'


def json_duplicates(size: int) -> str:
    """A JSON object repeating one key: read again by the locating composer, one error per key."""
    head = '{"partnerfit": 1, "kind": "candidates", "candidates": {"a": {"scores": {"loyalty": 3}}}, "x-d": {'
    return head + _repeat('"a":1,', size - len(head) - 20) + '"a":1}}\n'


JSON_SHAPES: dict[str, Callable[[int], str]] = {
    "json_duplicates": json_duplicates,
    "json_array": json_array,
    "json_candidates": json_candidates,
    "json_nulls": json_nulls,
}


# the criteria of the built-in set, as the sheets' columns
CRITERIA = [c.id for c in partnerfit.load_criteria("partnership").criteria]


def xlsx_cells(cells: int) -> bytes:
    """An .xlsx of about ``cells`` cells: an id, then a score on each of the 13 criteria, per row."""
    width = len(CRITERIA) + 1

    def sheet() -> Iterator[str]:
        yield '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
        yield "".join(f'<c t="inlineStr"><is><t>{name}</t></is></c>' for name in ["id", *CRITERIA])
        yield "</row>"
        used = 0  # the XML stays within the unpacked limit too
        for r in range(2, cells // width + 1):
            row = f'<row r="{r}"><c t="inlineStr"><is><t>c{r}</t></is></c>' + "<c><v>3</v></c>" * (width - 1) + "</row>"
            used += len(row)
            if used > MAX_UNPACKED - 65536:
                break
            yield row
        yield "</sheetData></worksheet>"

    return _workbook("".join(sheet()))


def xlsx_shared(size: int) -> bytes:
    """A tiny sheet with a shared-strings part of ``size`` bytes of one-letter strings (read whole by openpyxl)."""
    count = size // len("<si><t>a</t></si>")
    strings = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + "<si><t>a</t></si>" * count
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c t="inlineStr"><is><t>id</t></is></c><c t="inlineStr"><is><t>loyalty</t></is></c></row>'
        '<row r="2"><c t="s"><v>0</v></c><c><v>3</v></c></row></sheetData></worksheet>'
    )
    return _workbook(sheet, strings + "</sst>")


def xlsx_styles(size: int) -> bytes:
    """A tiny sheet with a styles part of ``size`` bytes of empty cell formats (parsed whole by openpyxl)."""
    styles = (
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>'
        + "<xf/>" * (size // 5)
        + "</cellXfs></styleSheet>"
    )
    return _workbook(_SMALL_SHEET, styles=styles)


def xlsx_rich(size: int) -> bytes:
    """A tiny sheet whose one shared string has ``size`` bytes of one-letter rich-text runs."""
    runs = "<r><t>a</t></r>" * (size // 15)
    return _workbook(
        _SMALL_SHEET,
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si>' + runs + "</si></sst>",
    )


_SMALL_SHEET = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c t="inlineStr"><is><t>id</t></is></c><c t="inlineStr"><is><t>loyalty</t></is></c></row>'
    '<row r="2"><c t="inlineStr"><is><t>a</t></is></c><c><v>3</v></c></row></sheetData></worksheet>'
)


def csv_cells(cells: int) -> bytes:
    """A CSV of about ``cells`` cells, as xlsx_cells."""
    width = len(CRITERIA) + 1
    lines = ["id," + ",".join(CRITERIA)] + [f"c{r}" + ",3" * (width - 1) for r in range(2, cells // width + 1)]
    return ("\n".join(lines) + "\n").encode()


def _workbook(sheet_xml: str, shared_xml: str | None = None, styles: str | None = None) -> bytes:
    ns = "http://schemas.openxmlformats.org"
    files = {
        "[Content_Types].xml": '<Types xmlns="' + ns + '/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<Relationships xmlns="' + ns + '/package/2006/relationships"><Relationship Id="rId1" '
        'Type="' + ns + '/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": '<workbook xmlns="' + ns + '/spreadsheetml/2006/main" xmlns:r="' + ns + "/officeDocument/"
        '2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="' + ns + '/package/2006/relationships">'
        '<Relationship Id="rId1" Type="' + ns + '/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    if styles is not None:
        files["xl/styles.xml"] = styles
        files["xl/_rels/workbook.xml.rels"] = files["xl/_rels/workbook.xml.rels"].replace(
            "</Relationships>",
            '<Relationship Id="rId3" Type="' + ns + '/officeDocument/2006/relationships/styles" '
            'Target="styles.xml"/></Relationships>',
        )
    if shared_xml is not None:
        files["xl/sharedStrings.xml"] = shared_xml
        files["xl/_rels/workbook.xml.rels"] = files["xl/_rels/workbook.xml.rels"].replace(
            "</Relationships>",
            '<Relationship Id="rId2" Type="' + ns + '/officeDocument/2006/relationships/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>',
        )
        files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
            "</Types>",
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sharedStrings+xml"/></Types>',
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


# A child started from this (large) process inherits its peak memory in ru_maxrss (Linux keeps the
# parent's high-water mark across exec), so a small Python process starts the command and reports
# the peak of its own child: the command's alone.
_PEAK_OF_CHILD = """
import resource, subprocess, sys
code = subprocess.call([sys.executable, "-m", "partnerfit", *sys.argv[1:]],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
"""


def measure(args: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (MiB) and exit code of ``partnerfit ARGS`` run alone in a child."""
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", _PEAK_OF_CHILD, *args], capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        return TIMEOUT, -1, -1
    code, peak = (int(word) for word in done.stdout.split())
    return time.perf_counter() - start, peak, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=float, help="file size in MiB (default: each format's limit)")
    parser.add_argument("--only", help="comma-separated shapes (default: all)")
    parser.add_argument("--cells", type=int, default=MAX_CELLS, help="cells of the .xlsx (default: the budget)")
    parser.add_argument("--commands", default="check,score", help="commands to run (default: check,score)")
    options = parser.parse_args()
    wanted = set(options.only.split(",")) if options.only else None
    print("| file | size | command | time (s) | peak RSS (MiB) | exit |\n|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        jobs: list[tuple[str, Path, list[str]]] = []
        shapes = [(n, f, ".yaml", MAX_YAML_BYTES) for n, f in YAML_SHAPES.items()]
        shapes += [(n, f, ".json", MAX_JSON_BYTES) for n, f in JSON_SHAPES.items()]
        for name, make, suffix, limit in shapes:
            if wanted is None or name in wanted:
                size = int(options.mib * 2**20) if options.mib else limit
                path = Path(folder) / f"{name}{suffix}"
                path.write_text(make(size), encoding="utf-8")
                jobs += [(name, path, [c, str(path)]) for c in options.commands.split(",")]
        sheets: dict[str, Callable[[], bytes]] = {
            "xlsx_cells": lambda: xlsx_cells(options.cells),
            "csv_cells": lambda: csv_cells(options.cells),
            "xlsx_shared": lambda: xlsx_shared(int(options.mib * 2**20) if options.mib else MAX_UNPACKED - 4096),
            "xlsx_styles": lambda: xlsx_styles(int(options.mib * 2**20) if options.mib else MAX_PART - 4096),
            "xlsx_rich": lambda: xlsx_rich(int(options.mib * 2**20) if options.mib else MAX_UNPACKED - 4096),
        }
        for name, make_sheet in sheets.items():
            if wanted is None or name in wanted:
                path = Path(folder) / f"{name}.{name[: name.index('_')]}"
                path.write_bytes(make_sheet())
                jobs.append((name, path, ["import", str(path), "-o", "-"]))
        for name, path, args in jobs:
            seconds, rss, code = measure(args)
            mib = path.stat().st_size / 2**20
            print(f"| {name} | {mib:.1f} MiB | {args[0]} | {seconds:.1f} | {rss} | {code} |", flush=True)
            os.sync()


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
