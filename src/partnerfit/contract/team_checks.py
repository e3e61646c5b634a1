"""Checks of a team block against its candidates and criteria set: ids, covers, mix rules, sizes, budget."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from partnerfit.contract.candidates import Candidate
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.suggest import did_you_mean
from partnerfit.contract.team import MixRule, Team
from partnerfit.errors import Diagnostic, Msg, msg
from partnerfit.io.document import Document, Loc

MAX_NAMED = 10  # candidates named in one message; the count says how many in all
Candidates = Mapping[str, Candidate]


def check_team(
    team: Team, candidates: Candidates, criteria: CriteriaSet, doc: Document, where: Loc = ("team",)
) -> list[Diagnostic]:
    """Every problem of ``team`` that spans the candidates and the criteria set, located under ``where`` in ``doc``."""
    found = _unknown_ids(team, candidates, doc, where)
    found += _covers(team, criteria, doc, where)
    found += _mix(team, candidates, doc, where)
    found += _contradictions(team, candidates, doc, where)
    found += _sizes(team, candidates, doc, where)
    found += _budget(team, candidates, doc, where)
    return found


def eligible(team: Team, candidates: Candidates) -> list[str]:
    """Candidates that may be members: not excluded by the team block, and no gate answered true."""
    return [
        cid
        for cid, c in candidates.items()
        if cid not in team.exclude and not any(answer is True for answer in c.gates.values())
    ]


def _figure(value: float) -> str:
    return format(value, ".10g")  # no grouping: the same figure reads in every language


def _named(ids: Sequence[str]) -> str:
    shown = ", ".join(repr(cid) for cid in ids[:MAX_NAMED])
    return shown + (", …" if len(ids) > MAX_NAMED else "")


def _hint(word: str, choices: Sequence[str]) -> Msg | str:
    """ "Did you mean" the same word in another case (SME for sme), else the closest one."""
    same = [c for c in choices if c.casefold() == word.casefold()]
    return msg(" — did you mean {choice}?", choice=repr(same[0])) if same else did_you_mean(word, choices)


def _unknown_ids(team: Team, candidates: Candidates, doc: Document, where: Loc) -> list[Diagnostic]:
    places: list[tuple[Loc, str]] = [((*where, "include", i), cid) for i, cid in enumerate(team.include)]
    places += [((*where, "exclude", i), cid) for i, cid in enumerate(team.exclude)]
    places += [
        ((*where, "never_together", i, j), cid)
        for i, group in enumerate(team.never_together)
        for j, cid in enumerate(group)
    ]
    return [
        doc.diagnostic(
            loc, msg("unknown candidate {id}{hint}", id=repr(cid), hint=did_you_mean(cid, candidates)), code="PF150"
        )
        for loc, cid in places
        if cid not in candidates
    ]


def _covers(team: Team, criteria: CriteriaSet, doc: Document, where: Loc) -> list[Diagnostic]:
    found = []
    ranges = criteria.ranges
    high_size = team.bounds[1]
    for crit_id, cover in team.cover.items():
        loc = (*where, "cover", crit_id)
        if crit_id not in ranges:
            hint = did_you_mean(crit_id, ranges)
            message = msg(
                "cover names an unknown criterion {id}{hint} (criteria set {set})",
                id=repr(crit_id),
                hint=hint,
                set=repr(criteria.name),
            )
            found.append(doc.diagnostic(loc, message, key=True, code="PF151"))
            continue
        low, high = ranges[crit_id]
        if not low <= cover.min <= high:
            message = msg(
                "cover min {min} is outside the scale [{low}, {high}] of {criterion}",
                min=f"{cover.min:g}",
                low=f"{low:g}",
                high=f"{high:g}",
                criterion=repr(crit_id),
            )
            found.append(doc.diagnostic((*loc, "min"), message, code="PF152"))
        if cover.at_least > high_size:
            message = msg(
                "the cover of {criterion} needs {count} members; the team has at most {max}",
                criterion=repr(crit_id),
                count=str(cover.at_least),
                max=str(high_size),
            )
            found.append(doc.diagnostic((*loc, "at_least"), message, code="PF153"))
    return found


def _mix(team: Team, candidates: Candidates, doc: Document, where: Loc) -> list[Diagnostic]:
    found = []
    high_size = team.bounds[1]
    for i, rule in enumerate(team.mix):
        loc = (*where, "mix", i)
        found += _unmatched(rule, candidates, doc, loc)
        if rule.at_least is not None and rule.at_least > high_size:
            message = msg(
                "this mix rule needs at least {count} members; the team has at most {max}",
                count=str(rule.at_least),
                max=str(high_size),
            )
            found.append(doc.diagnostic((*loc, "at_least"), message, code="PF153"))
        if rule.distinct_at_least is not None and rule.distinct_at_least > high_size:
            message = msg(
                "this mix rule needs {count} distinct values of {key}; the team has at most {max} members",
                count=str(rule.distinct_at_least),
                key=repr(rule.info),
                max=str(high_size),
            )
            found.append(doc.diagnostic((*loc, "distinct_at_least"), message, code="PF153"))
    return found


def _unmatched(rule: MixRule, candidates: Candidates, doc: Document, loc: Loc) -> list[Diagnostic]:
    """A warning when no candidate has the rule's type, tag, info key or info value."""
    if rule.type is not None:
        types = sorted({c.type for c in candidates.values() if c.type is not None})
        if rule.type in types:
            return []
        hint = _hint(rule.type, types)
        message = msg("no candidate has the type {type}{hint}", type=repr(rule.type), hint=hint)
        return [doc.diagnostic((*loc, "type"), message, severity="warning", code="PW215")]
    if rule.tag is not None:
        tags = sorted({tag for c in candidates.values() for tag in c.tags})
        if rule.tag in tags:
            return []
        message = msg("no candidate carries the tag {tag}{hint}", tag=repr(rule.tag), hint=_hint(rule.tag, tags))
        return [doc.diagnostic((*loc, "tag"), message, severity="warning", code="PW215")]
    key = str(rule.info)
    keys = sorted({k for c in candidates.values() for k in c.info})
    if key not in keys:
        message = msg("no candidate has the info key {key}{hint}", key=repr(key), hint=_hint(key, keys))
        return [doc.diagnostic((*loc, "info"), message, severity="warning", code="PW215")]
    values = [c.info[key] for c in candidates.values() if key in c.info]
    if rule.equals is None or any(_same(rule.equals, v) for v in values):
        return []
    hint = _hint(str(rule.equals), sorted({str(v) for v in values}))
    message = msg("no candidate has {value} as its info {key}{hint}", value=repr(rule.equals), key=repr(key), hint=hint)
    return [doc.diagnostic((*loc, "equals"), message, severity="warning", code="PW215")]


def _same(wanted: object, value: object) -> bool:
    """Equal, a boolean never equal to a number (True is not 1 here)."""
    return isinstance(wanted, bool) == isinstance(value, bool) and wanted == value


def _contradictions(team: Team, candidates: Candidates, doc: Document, where: Loc) -> list[Diagnostic]:
    found = []
    included = set(team.include)
    for j, cid in enumerate(team.exclude):
        if cid in included:
            message = msg("{id} is both included and excluded", id=repr(cid))
            found.append(doc.diagnostic((*where, "exclude", j), message, code="PF154"))
    for i, cid in enumerate(team.include):
        candidate = candidates.get(cid)
        gates = [g for g, answer in candidate.gates.items() if answer is True] if candidate else []
        if gates:
            message = msg("{id} is included but the gate {gate} excludes it", id=repr(cid), gate=repr(gates[0]))
            found.append(doc.diagnostic((*where, "include", i), message, code="PF154"))
    for i, group in enumerate(team.never_together):
        both = list(dict.fromkeys(cid for cid in group if cid in included))
        if len(both) >= 2:
            message = msg(
                "{first} and {second} are both included but may not be together",
                first=repr(both[0]),
                second=repr(both[1]),
            )
            found.append(doc.diagnostic((*where, "never_together", i), message, code="PF154"))
    return found


def _sizes(team: Team, candidates: Candidates, doc: Document, where: Loc) -> list[Diagnostic]:
    found = []
    low, high = team.bounds
    sized = isinstance(team.size, list)
    count = len(eligible(team, candidates))
    if low > count:
        message = msg(
            "the team needs at least {min} members; eligible candidates (not excluded): {count}",
            min=str(low),
            count=str(count),
        )
        found.append(doc.diagnostic((*where, "size", *((0,) if sized else ())), message, code="PF153"))
    included = list(dict.fromkeys(cid for cid in team.include if cid in candidates))
    if len(included) > high:
        message = msg(
            "{count} candidates are included; the team has at most {max} members",
            count=str(len(included)),
            max=str(high),
        )
        found.append(doc.diagnostic((*where, "include"), message, code="PF153"))
    return found


def _cost(candidate: Candidate, key: str) -> float | None:
    value = candidate.info.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _budget(team: Team, candidates: Candidates, doc: Document, where: Loc) -> list[Diagnostic]:
    if team.budget is None:
        return []
    found = []
    lacking = [cid for cid in eligible(team, candidates) if _cost(candidates[cid], team.cost) is None]
    if lacking:
        message = msg(
            "a budget needs a number in each eligible candidate's info {key}; missing for {count}: {ids}",
            key=repr(team.cost),
            count=str(len(lacking)),
            ids=_named(lacking),
        )
        found.append(doc.diagnostic((*where, "budget"), message, code="PF155"))
    included = list(dict.fromkeys(cid for cid in team.include if cid in candidates))
    spent = sum(_cost(candidates[cid], team.cost) or 0.0 for cid in included)
    if spent > team.budget:
        message = msg(
            "the included candidates cost {cost} together, over the budget {budget}",
            cost=_figure(spent),
            budget=_figure(team.budget),
        )
        found.append(doc.diagnostic((*where, "include"), message, code="PF156"))
    return found
