"""One sanitiser per output medium: terminal, spreadsheet cell (CSV, XLSX), Markdown, HTML, XML and JSON."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr

import orjson

from partnerfit.render.decimals import written, written_numbers

# Bidirectional controls reorder the text that follows them (Trojan Source, CVE-2021-42574).
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Lone surrogates and the non-characters U+FFFE, U+FFFF: no UTF-8 file and no XML document can hold them.
_BROKEN = "\ud800-\udfff\ufffe\uffff"
# What a terminal acts on instead of showing: C0 controls (ESC starts a sequence that clears the screen or
# retitles the window, CR goes back to the start of the line, LF draws a new row), DEL, C1 controls
# (U+009B is a one-character CSI for some terminals), bidi controls, Unicode line and paragraph separators.
_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f" + _BIDI + "\u2028\u2029" + _BROKEN + "]")
_LINES = re.compile("(\x1b\\[[0-9;]*m)|[\x00-\x09\x0b-\x1f\x7f-\x9f" + _BIDI + "\u2028\u2029" + _BROKEN + "]")
# HTML and XML text: tab and line ends are ordinary white space there.
_DOCUMENT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + _BIDI + _BROKEN + "]")
# A spreadsheet cell is data: tab, CR, LF (CSV quotes them) and bidi controls (right-to-left names) are kept.
_CELL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + _BROKEN + "]")


_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _shown_char(char: str) -> str:
    """A character as visible text: ``\\x1b``, ``\\u202e``; a lone surrogate or non-character as U+FFFD."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
        return "\ufffd"
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def _visible(match: re.Match[str]) -> str:
    return match.group(1) or _shown_char(match.group())


def _escape(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda m: _shown_char(m.group()), text) if pattern.search(text) else text


# --- terminal -----------------------------------------------------------------------------------


def terminal(text: str) -> str:
    """One line of user text made inert on a terminal: every control, newline and bidi control shown escaped."""
    return _escape(_TERMINAL, text)


def terminal_lines(text: str, *, colour: bool = False) -> str:
    """A whole rendered text: newlines kept, and with ``colour`` the SGR colour codes rich wrote; the rest escaped."""
    if colour:
        return _LINES.sub(_visible, text) if _LINES.search(text) else text
    return "\n".join(terminal(line) for line in text.split("\n"))


# --- spreadsheet cells (CSV and XLSX) -------------------------------------------------------------

# the formula rule lives with the spreadsheet reader, which undoes exactly what the writers add
from partnerfit.io.formulas import FORMULA_TRIGGERS as FORMULA_TRIGGERS  # noqa: E402
from partnerfit.io.formulas import QUOTE as QUOTE  # noqa: E402
from partnerfit.io.formulas import is_formula_like as is_formula_like  # noqa: E402


def safe_text(text: str) -> str:
    """``text`` with a single quote in front when it could start a formula, else unchanged."""
    return QUOTE + text if is_formula_like(text) else text


def safe_cell(value: object) -> object:
    """A cell value made safe: texts through :func:`cell`; numbers, booleans and None unchanged."""
    return cell(value) if isinstance(value, str) else value


def cell_text(text: str) -> str:
    """Text a spreadsheet (and its XML) can hold: controls other than tab, CR and LF shown escaped."""
    return _escape(_CELL, text)


def cell(text: str) -> str:
    """A user's text as a spreadsheet cell: never a formula, no control character but tab, CR and LF."""
    return safe_text(cell_text(text))


_CSV_QUOTED = re.compile('[",\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]')


def csv_field(value: object) -> str:
    """One CSV field: integers as they are, floats to 10 decimal places (decimals.written), None empty,
    text through :func:`cell` and quoted when it must be.

    Python's csv writer leaves a bare CR unquoted when lines end in LF; a strict reader then splits
    the record, so every line-breaking character is quoted here.
    """
    kind = type(value)
    if kind is float:  # most fields: tested first, by identity (a CSV may have millions)
        return repr(written(value))  # type: ignore[arg-type]  # 10 decimal places, as in JSON
    if kind is int:
        return repr(value)
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(written(float(value)))
    if isinstance(value, int):
        return repr(value)
    text = cell(str(value))
    return '"' + text.replace('"', '""') + '"' if _CSV_QUOTED.search(text) else text


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """Rows as CSV, one record per row, lines ending in LF (a lone empty field as ``""``, as Python's writer)."""
    return "".join((",".join(map(csv_field, row)) or ('""' if row else "")) + "\n" for row in rows)


# --- Markdown -------------------------------------------------------------------------------------

_MD_SPACE = re.compile("\r\n|[\t\n\r\x0b\x0c\x85\u2028\u2029]")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_CHARS = str.maketrans({"\\": "\\\\", "|": "\\|", "*": "\\*", "`": "\\`", "[": "\\[", "]": "\\]"})
_MD_TAG = re.compile("<(?=[A-Za-z/!?])")  # what starts an HTML tag, comment or autolink; ``1 < 2`` stays
_MENTION = re.compile(r"@(?=[0-9A-Za-z])")
# What would open a block at the start of a paragraph: heading, quote, list item, rule, fence, setext line.
_MD_BLOCK = re.compile(r"[#>]|[-+](?: |$)|[=-]+ *$|(?:_ *){3,}$|~~~")
_MD_ORDERED = re.compile(r"\d{1,9}(?=[.)](?: |$))")
ZERO_WIDTH_SPACE = "&#8203;"


def md(text: object) -> str:
    """User text made inert in Markdown, for a table cell or a paragraph alike.

    Line breaks and tabs become spaces (Markdown shows a soft break as one); controls are escaped as
    on a terminal; no HTML or autolink (``<`` before a tag as ``&lt;``), no link or image (``[``,
    ``]`` and ``](`` escaped), no code span or emphasis star, no table break (``|``), no heading,
    quote, list or rule at the start (leading spaces dropped, as Markdown does); an @mention gets a
    zero-width space after the ``@`` (as Dependabot writes them) so that nobody is notified. A bare
    URL stays text that GitHub may link: the link shows its own address.
    """
    out = terminal(_MD_SPACE.sub(" ", str(text)))
    out = _MD_ENTITY.sub("&amp;", out).translate(_MD_CHARS).replace("\\](", "\\]\\(")
    out = _MENTION.sub("@" + ZERO_WIDTH_SPACE, _MD_TAG.sub("&lt;", out)).lstrip(" ")
    ordered = _MD_ORDERED.match(out)
    if ordered:
        return out[: ordered.end()] + "\\" + out[ordered.end() :]
    return "\\" + out if _MD_BLOCK.match(out) else out


def md_code(text: object) -> str:
    """User text as an inline code span (shown exactly, nothing in it is Markdown); not for table cells."""
    body = terminal(_MD_SPACE.sub(" ", str(text)))
    fence = "`" * (max(map(len, re.findall("`+", body)), default=0) + 1)  # longer than any run inside
    pad = " " if body[:1] == "`" or body[-1:] == "`" else ""
    return f"{fence}{pad}{body}{pad}{fence}"


def md_row(cells: Iterable[object]) -> str:
    """A Markdown table row of user texts."""
    return "| " + " | ".join(md(c) for c in cells) + " |"


# --- HTML and XML ---------------------------------------------------------------------------------


def html_text(text: object) -> str:
    """``text`` escaped for HTML content and attribute values, controls and bidi controls shown escaped."""
    return html.escape(_escape(_DOCUMENT, str(text)), quote=True)


def xml_text(text: str) -> str:
    """``text`` as XML 1.0 character data: characters XML cannot hold, controls and bidi controls escaped."""
    return _xml_escape(_escape(_DOCUMENT, text))


def xml_attr(text: str) -> str:
    """``text`` as a quoted XML 1.0 attribute value."""
    return str(quoteattr(_escape(_DOCUMENT, text)))


# --- JSON -----------------------------------------------------------------------------------------

# Characters JSON may carry raw but a terminal acts on (DEL, C1, bidi, line separators): written as
# \\u escapes instead, which every JSON reader turns back into the same text.
_SURROGATE = "[\ud800-\udfff]"  # U+FFFE and U+FFFF are valid in JSON; a lone surrogate is not in UTF-8
_JSON_RAW = re.compile("[\x7f-\x9f" + _BIDI + "\u2028\u2029]|(" + _SURROGATE + ")")
_JSON_RAW_BYTES = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]")


def _json_escape(match: re.Match[str]) -> str:
    return "\ufffd" if match.group(1) else f"\\u{ord(match.group()):04x}"


def json_text(text: str) -> str:
    """A JSON document's text made terminal-safe and encodable: raw controls escaped, lone surrogates U+FFFD."""
    return _JSON_RAW.sub(_json_escape, text) if _JSON_RAW.search(text) else text


def json_bytes(data: bytes) -> bytes:
    """:func:`json_text` for UTF-8 JSON (which never holds a surrogate)."""
    if not _JSON_RAW_BYTES.search(data):
        return data
    return _JSON_RAW_BYTES.sub(lambda m: f"\\u{ord(m.group().decode()):04x}".encode(), data)


def json_dumps(
    document: Any, option: int = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE, *, numbers_written: bool = False
) -> bytes:
    """``document`` as UTF-8 JSON by orjson; a lone surrogate (which orjson refuses) becomes U+FFFD, as everywhere.

    Every float is written rounded to 10 decimal places (decimals.written), unless ``numbers_written``
    says the caller already rounded them (the ranking's columns, a whole array at a time).
    """
    if not numbers_written:
        document = written_numbers(document)
    try:
        data = orjson.dumps(document, option=option)
    except orjson.JSONEncodeError:
        data = orjson.dumps(_scrub(document), option=option)
    return json_bytes(data)


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return re.sub(_SURROGATE, "\ufffd", value)
    if isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(v) for v in value]
    return value
