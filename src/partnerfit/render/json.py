"""JSON output exactly as FORMAT.md's contract: full-precision numbers, stable key order."""

from __future__ import annotations

import json
from typing import Any

from partnerfit.render import RenderOptions
from partnerfit.result import Result


def _dump(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, indent=indent)


def render_json(result: Result, options: RenderOptions) -> str:
    """The result document: top-level keys indented, one ranking entry per line.

    One line per candidate keeps the file readable and diff-friendly, and lets the standard
    library's C encoder write it (indenting everything forces the slow pure-Python encoder:
    about 5 s instead of 1 s for 100,000 candidates).
    """
    document = result.to_dict(options.top)
    ranking = document.pop("ranking")
    lines = ["{"]
    for key, value in document.items():
        nested = _dump(value, 2).replace("\n", "\n  ")
        lines.append(f"  {_dump(key)}: {nested},")
    entries = ",\n".join(f"    {_dump(entry)}" for entry in ranking)
    lines.append(f'  "ranking": [\n{entries}\n  ]' if ranking else '  "ranking": []')
    lines.append("}")
    return "\n".join(lines) + "\n"
