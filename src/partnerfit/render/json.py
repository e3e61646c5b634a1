"""JSON output exactly as FORMAT.md's contract: full-precision numbers, stable key order."""

from __future__ import annotations

import orjson

from partnerfit.render import RenderOptions
from partnerfit.result import Result

CHUNK = 2000
_BETWEEN = b'},{"rank":'


def json_bytes(result: Result, options: RenderOptions) -> bytes:
    """The document as UTF-8: top-level keys indented, then one ranking entry per line.

    Entries are encoded by orjson in chunks (a large result never holds every entry as a dict at
    once) and split one per line at the only place ``},{"rank":`` can occur, between two entries
    (inside a string the quote would be escaped). Numbers keep full precision (shortest
    round-trip form); a result never holds NaN.
    """
    header = orjson.dumps(result.header_dict(), option=orjson.OPT_INDENT_2)
    entries = result.entries(options.top)
    if not entries:
        return header[:-2] + b',\n  "ranking": []\n}\n'
    parts = [header[:-2], b',\n  "ranking": [\n    ']
    for start in range(0, len(entries), CHUNK):
        if start:
            parts.append(b",\n    ")
        encoded = orjson.dumps([entry.to_dict() for entry in entries[start : start + CHUNK]])
        parts.append(encoded[1:-1].replace(_BETWEEN, b'},\n    {"rank":'))
    parts.append(b"\n  ]\n}\n")
    return b"".join(parts)


def render_json(result: Result, options: RenderOptions) -> str:
    """The document as text."""
    return json_bytes(result, options).decode("utf-8")
