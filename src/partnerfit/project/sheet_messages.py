"""The problems of an imported sheet's rows and columns, worded as translatable messages."""

from __future__ import annotations

from partnerfit.errors import Msg, msg

OTHER_COLUMNS = "id, name, type, assessor, note:<criterion>, evidence:<criterion>, gate:<gate>, #comment"


def unknown_column(text: str, name: str, gate: bool, hint: Msg | str, criteria: str) -> Msg:
    """A header naming no criterion (or, with ``gate:``, no gate) of the set."""
    values = {"column": repr(text), "name": repr(name), "hint": hint, "set": repr(criteria), "others": OTHER_COLUMNS}
    if gate:
        return msg(
            "unknown column {column}: no gate {name}{hint} (criteria set {set}; other columns: {others})", **values
        )
    return msg(
        "unknown column {column}: no criterion {name}{hint} (criteria set {set}; other columns: {others})", **values
    )


def ambiguous_column(text: str, items: list[str]) -> Msg:
    """A header that names several criteria or gates (by label)."""
    return msg(
        "column {column} could mean {meanings}; name it by id",
        column=repr(text),
        meanings=_and([repr(i) for i in items]),
    )


def _and(words: list[str]) -> Msg | str:
    if len(words) == 1:
        return words[0]
    return msg("{some} and {last}", some=_and(words[:-1]), last=words[-1])


def already_on_row(cid: str, first: int, assessor: str | None, has_assessor_column: bool) -> Msg:
    """A second row for the same candidate (and assessor)."""
    again = msg(" for assessor {assessor}", assessor=repr(assessor)) if assessor else ""
    tip = "" if has_assessor_column else msg("; one row per candidate, or an 'assessor' column for several")
    return msg("candidate {id} is already on row {row}{again}{tip}", id=repr(cid), row=str(first), again=again, tip=tip)


def not_an_answer(gate: str, found: str) -> Msg:
    """A gate's cell that is not yes or no."""
    return msg("expected yes or no for gate {gate}, found {found}", gate=repr(gate), found=found)


def needs_a_score(kind: str, item: str) -> Msg:
    """A note or evidence about a criterion the row gives no score for."""
    if kind == "evidence":
        # "a evidence": the English wording the tests and users have seen, kept byte for byte
        return msg("a evidence about {item} needs a score for {item} on the same row", item=repr(item))
    return msg("a note about {item} needs a score for {item} on the same row", item=repr(item))


def not_a_number(cid: str, low: float, high: float, found: str) -> Msg:
    """A score cell that holds no number."""
    return msg(
        "expected a number on {criterion}'s scale [{low}, {high}], found {found}",
        criterion=cid,
        low=f"{low:g}",
        high=f"{high:g}",
        found=found,
    )


def off_scale(cid: str, score: float, low: float, high: float) -> Msg:
    """A score outside its criterion's scale."""
    return msg(
        "score {score} is outside the scale [{low}, {high}] of {criterion}",
        score=f"{score:g}",
        low=f"{low:g}",
        high=f"{high:g}",
        criterion=repr(cid),
    )
