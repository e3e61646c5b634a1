"""The words of a team: each constraint, the tie rule, the core classes and the --why answer, in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass

from partnerfit.analysis.team_model import ConstraintStatus, TeamChoice, TeamResult, Why
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.team import MixRule, Team
from partnerfit.i18n import t
from partnerfit.i18n.numerals import figure, number
from partnerfit.render.common import colon


@dataclass(frozen=True)
class TeamView:
    """What the team renderers read: the result, the criteria that label it and the block it answers."""

    result: TeamResult
    criteria: CriteriaSet
    team: Team


def amount(value: float | None, lang: str) -> str:
    """A count or a cost as written (no decimals added)."""
    return number(value, lang, 2, trim=True)


def name(view: TeamView, cid: str) -> str:
    """A candidate's display name (its id when it has none)."""
    return view.result.names.get(cid, cid)


def names(view: TeamView, ids: tuple[str, ...], lang: str) -> str:
    """Candidates by name, listed."""
    return ", ".join(name(view, cid) for cid in ids) or t("team_nobody", lang)


def criterion(view: TeamView, cid: str, lang: str) -> str:
    """A criterion's label."""
    return view.criteria.criterion(cid).text(lang)


def _mix(rule: MixRule, lang: str) -> str:
    if rule.type is not None:
        who = t("team_mix_type", lang, value=rule.type)
    elif rule.tag is not None:
        who = t("team_mix_tag", lang, value=rule.tag)
    elif rule.equals is not None:
        who = t("team_mix_info_equals", lang, info=rule.info, value=str(rule.equals))
    else:
        who = t("team_mix_info", lang, info=rule.info)
    bounds = []
    if rule.at_least is not None:
        bounds.append(t("team_at_least", lang, count=rule.at_least))
    if rule.at_most is not None:
        bounds.append(t("team_at_most", lang, count=rule.at_most))
    if rule.distinct_at_least is not None:
        bounds.append(t("team_distinct_at_least", lang, count=rule.distinct_at_least))
    return f"{who}{colon(lang)}{', '.join(bounds)}"


def requirement(view: TeamView, status: ConstraintStatus, lang: str) -> str:
    """What a constraint asks, in words."""
    kind, _, key = status.id.partition(":")
    team = view.team
    if kind == "size":
        low, high = team.bounds
        size = amount(low, lang) if low == high else f"{amount(low, lang)}–{amount(high, lang)}"
        return t("team_req_size", lang, size=size)
    if kind == "budget":
        return t("team_req_budget", lang, budget=amount(status.high, lang))
    if kind == "cover":
        rule = team.cover[key]
        label = criterion(view, key, lang)
        return t(
            "team_req_cover", lang, criterion=label, min=figure("value", float(rule.min), lang), count=rule.at_least
        )
    if kind == "mix":
        return _mix(team.mix[int(key)], lang)
    if kind == "never_together":
        return t("team_req_never_together", lang, ids=names(view, tuple(team.never_together[int(key)]), lang))
    return t(f"team_req_{kind}", lang, name=name(view, key))


def state(status: ConstraintStatus, lang: str) -> str:
    """Whether the team meets it, and what the team has toward it."""
    mark = "✓" if status.satisfied else "✗"
    if status.kind == "budget":
        return f"{mark} {amount(status.amount, lang)}"
    if status.kind in ("include", "exclude"):
        return mark
    return f"{mark} {amount(status.amount, lang)}"


def tie_rule(result: TeamResult, lang: str) -> str:
    """The tie rule applied, worded."""
    return t(f"team_tie_{result.tie_rule}", lang)


def objective(result: TeamResult, lang: str) -> str:
    """What the value measures."""
    return t(f"team_objective_{result.objective}", lang)


def klass(code: str, lang: str) -> str:
    """core / borderline / exterior, worded."""
    return t(f"team_class_{code}", lang)


def team_line(view: TeamView, choice: TeamChoice, lang: str) -> str:
    """A team by its members' names."""
    return names(view, choice.members, lang)


def why_lines(view: TeamView, why: Why, lang: str) -> list[str]:
    """The --why answer: what keeps the candidate out, and what it would take."""
    who = name(view, why.candidate)
    lines = [
        t(
            f"team_why_{why.reason}",
            lang,
            name=who,
            constraint=why.constraint or "",
            against=names(view, why.against, lang),
        )
    ]
    if why.team_with is not None and why.loss is not None:
        lines.append(
            t(
                "team_why_with",
                lang,
                name=who,
                team=team_line(view, why.team_with, lang),
                value=figure("points", why.team_with.value, lang),
                loss=figure("points", why.loss, lang),
            )
        )
    if why.needed is not None:
        lines.append(t("team_why_needed", lang, name=who, points=figure("points", why.needed, lang)))
    return lines
