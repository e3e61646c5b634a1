"""One renderer per output format, all reading the same Result; user text reaches each medium through sanitize.py."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from partnerfit.gcpause import paused_gc
from partnerfit.result.model import Result

FORMATS = ("table", "json", "csv", "markdown")


@dataclass(frozen=True)
class RenderOptions:
    """How to present a result: language, how many ranked rows, colour and width (table only)."""

    lang: str = "en"
    top: int | None = None
    color: bool = False
    width: int = 100


def render(result: Result, fmt: str, options: RenderOptions | None = None) -> str:
    """The result as text in ``fmt`` (one of FORMATS)."""
    options = options or RenderOptions()
    with paused_gc():
        return _render(result, fmt, options)


def render_chunks(result: Result, fmt: str, options: RenderOptions | None = None) -> Iterator[bytes]:
    """The result in ``fmt`` as UTF-8 pieces, to write one after the other.

    JSON comes in chunks of entries, so a large result is never held whole as one string.
    """
    options = options or RenderOptions()
    if fmt == "json":
        from partnerfit.render.json import json_chunks

        with paused_gc():
            yield from json_chunks(result, options)
        return
    yield render(result, fmt, options).encode("utf-8")


def render_bytes(result: Result, fmt: str, options: RenderOptions | None = None) -> bytes:
    """The result in ``fmt`` as UTF-8 bytes."""
    return b"".join(render_chunks(result, fmt, options))


def _render(result: Result, fmt: str, options: RenderOptions) -> str:
    if fmt == "json":
        from partnerfit.render.json import render_json

        return render_json(result, options)
    if fmt == "csv":
        from partnerfit.render.csv import render_csv

        return render_csv(result, options)
    if fmt == "markdown":
        from partnerfit.render.markdown import render_markdown

        return render_markdown(result, options)
    if fmt == "table":
        from partnerfit.render.table import render_table

        return render_table(result, options)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
