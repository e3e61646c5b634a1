"""Checks that span fields, run on a criteria set the models rejected: every problem in one run."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from partnerfit.errors import Diagnostic, Msg, msg
from partnerfit.io.document import Document


def check_raw_criteria(data: Any, doc: Document, prefix: Sequence[str | int] = ()) -> list[Diagnostic]:
    """Duplicate ids and knock-outs outside the scale of a set the models rejected (every problem in one run).

    Only what reads cleanly is checked: a bad scale or bound is the models' to report.
    """
    root = _mapping(data)
    sections: dict[tuple[str, ...], Mapping[str, Any]] = {
        ("groups", str(gid), "criteria"): _mapping(_mapping(g).get("criteria"))
        for gid, g in _mapping(root.get("groups")).items()
    }
    sections[("criteria",)] = _mapping(root.get("criteria"))
    default = _raw_scale(root.get("scale", [1.0, 5.0]))
    found: list[Diagnostic] = []
    seen: dict[str, str] = {}
    for where, members in sections.items():
        for cid, criterion in members.items():
            loc = (*prefix, *where, cid)
            if cid in seen:
                message = msg(
                    "criterion id {id} is already used in {where}; ids are unique across the set",
                    id=repr(cid),
                    where=seen[cid],
                )
                found.append(doc.diagnostic(loc, message, code="PF131", key=True))
            seen.setdefault(cid, ".".join(where))
            fields = _mapping(criterion)
            scale = _raw_scale(fields["scale"]) if "scale" in fields else default
            for bound in ("minimum", "maximum"):
                value = fields.get(bound)
                if (
                    scale
                    and isinstance(value, int | float)
                    and not isinstance(value, bool)
                    and not scale[0] <= value <= scale[1]
                ):
                    message = outside_scale(bound, value, *scale)
                    found.append(doc.diagnostic((*loc, bound), message, code="PF133"))
    return found


def outside_scale(bound: str, value: float, low: float, high: float) -> Msg:
    """The message of a knock-out bound outside its criterion's scale."""
    values = {"value": f"{value:g}", "low": f"{low:g}", "high": f"{high:g}"}
    if bound == "maximum":
        return msg("knock-out maximum {value} is outside the scale [{low}, {high}]", **values)
    return msg("knock-out minimum {value} is outside the scale [{low}, {high}]", **values)


def _raw_scale(value: Any) -> tuple[float, float] | None:
    ok = isinstance(value, list) and len(value) == 2 and all(type(v) in (int, float) for v in value)
    return (float(value[0]), float(value[1])) if ok and value[0] < value[1] else None


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}
