"""One renderer per document and format (see registry.py), all reading the same Result; user text reaches each medium through sanitize.py."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from partnerfit.render.registry import as_chunks, as_text, formats
from partnerfit.render.registry import render as render_document

if TYPE_CHECKING:
    from partnerfit.result.model import Result

FORMATS = formats("ranking")


@dataclass(frozen=True)
class RenderOptions:
    """How to present a document: language, how many ranked rows, colour and width (terminal formats only)."""

    lang: str = "en"
    top: int | None = None
    color: bool = False
    width: int = 100


def render(result: Result, fmt: str, options: RenderOptions | None = None) -> str:
    """The result as text in ``fmt`` (one of FORMATS)."""
    options = options or RenderOptions()
    return as_text(render_document("ranking", fmt, result, options))


def render_chunks(result: Result, fmt: str, options: RenderOptions | None = None) -> Iterator[bytes]:
    """The result in ``fmt`` as UTF-8 pieces, to write one after the other.

    JSON comes in chunks of entries, so a large result is never held whole as one string.
    """
    options = options or RenderOptions()
    yield from as_chunks(render_document("ranking", fmt, result, options))


def render_bytes(result: Result, fmt: str, options: RenderOptions | None = None) -> bytes:
    """The result in ``fmt`` as UTF-8 bytes."""
    return b"".join(render_chunks(result, fmt, options))
