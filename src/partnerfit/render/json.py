"""JSON output exactly as FORMAT.md's contract: numbers to 10 decimal places, stable key order."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import orjson

from partnerfit.i18n import reason_text
from partnerfit.render import RenderOptions
from partnerfit.render.decimals import written_array
from partnerfit.render.sanitize import json_dumps
from partnerfit.result.model import Result, Wording
from partnerfit.result.ranking_view import LazyRanking

CHUNK = 2000
_BETWEEN = b'},{"rank":'


def json_chunks(result: Result, options: RenderOptions) -> Iterator[bytes]:
    """The document as UTF-8 pieces: top-level keys indented, then one ranking entry per line.

    Entries are encoded by orjson in chunks (a large result never holds every entry as a dict at
    once) and split one per line at the only place ``},{"rank":`` can occur, between two entries
    (inside a string the quote would be escaped). Floats are written rounded to 10 decimal places
    (decimals.written; a lazy ranking rounds its columns a chunk at a time, far faster than float by
    float); a result never holds NaN. Text goes through the JSON sanitiser (see
    sanitize.json_dumps): DEL, C1 and bidi controls as \\u escapes, a lone surrogate as U+FFFD.
    """
    header = json_dumps(result.header_dict(), option=orjson.OPT_INDENT_2)
    entries = result.entries(options.top)
    if not entries:
        yield header[:-2] + b',\n  "ranking": []\n}\n'
        return
    yield header[:-2] + b',\n  "ranking": [\n    '
    lazy = isinstance(entries, LazyRanking)
    wording = Wording(partial(reason_text, lang="en"))  # FORMAT.md: reasons and notes in English, ids as names
    for start in range(0, len(entries), CHUNK):
        if isinstance(entries, LazyRanking):
            chunk = entries.entry_dicts(start, start + CHUNK, wording, numbers=written_array)
        else:
            chunk = entries.entry_dicts(start, start + CHUNK, wording)
        encoded = json_dumps(chunk, option=0, numbers_written=lazy)[1:-1].replace(_BETWEEN, b'},\n    {"rank":')
        yield (b",\n    " + encoded) if start else encoded
    yield b"\n  ]\n}\n"


def json_bytes(result: Result, options: RenderOptions) -> bytes:
    """The whole document as UTF-8."""
    return b"".join(json_chunks(result, options))


def render_json(result: Result, options: RenderOptions) -> str:
    """The document as text."""
    return json_bytes(result, options).decode("utf-8")
