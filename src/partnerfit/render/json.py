"""JSON output exactly as FORMAT.md's contract: full-precision numbers, stable key order."""

from __future__ import annotations

import json

from partnerfit.render import RenderOptions
from partnerfit.result import Result


def render_json(result: Result, options: RenderOptions) -> str:
    """The result document, indented, UTF-8 text kept as is, never NaN."""
    return json.dumps(result.to_dict(options.top), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
