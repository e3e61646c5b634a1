"""The report's "How the scores were gathered" section as plain grids and lines, for Markdown and HTML alike."""

from __future__ import annotations

import dataclasses

from partnerfit.analysis.gathered import Gathered
from partnerfit.analysis.report import ReportData
from partnerfit.i18n import t, tn
from partnerfit.i18n.numerals import PRECISION, figure, percent
from partnerfit.render import perspectives as views
from partnerfit.render.consensus import consensus_lines
from partnerfit.render.report_content import Grid


def _alpha(value: float | None, lang: str) -> str:
    return t("agreement_undefined", lang) if value is None else figure("ratio", value, lang)


def assessors_grid(g: Gathered, lang: str) -> Grid:
    """Who scored (name, or "Assessor N"), for which role, and how much of what they were asked."""
    rows = [
        [
            f"{a.name} ({a.label})" if a.name else a.label,
            a.role or "—",
            f"{percent(a.completeness, lang, PRECISION['share'])} ({a.scored}/{a.expected})",
        ]
        for a in g.assessors
    ]
    heads = [
        t("report_gathered_assessors", lang),
        t("report_gathered_role", lang),
        t("report_gathered_completeness", lang),
    ]
    return Grid(heads, rows, [False, False, True])


def agreement_grid(data: ReportData, g: Gathered, lang: str) -> Grid:
    """Krippendorff's alpha of each criterion, then pooled."""
    criteria = data.result.criteria
    rows = [[criteria.criterion(c).text(lang), _alpha(a, lang)] for c, a in g.alphas.items()]
    rows.append([t("agreement_overall", lang), _alpha(g.alpha_overall, lang)])
    return Grid([t("criterion", lang), t("agreement_alpha", lang)], rows, [False, True])


def round_lines(g: Gathered, lang: str) -> list[str]:
    """Alpha per round, when there were several."""
    if len(g.rounds) < 2:
        return []
    return [tn("agreement_round", r.assessors, lang, round=r.round, alpha=_alpha(r.alpha, lang)) for r in g.rounds]


def resolved_lines(data: ReportData, g: Gathered, lang: str) -> list[str]:
    """The pairs whose spread shrank between rounds (none listed with a single round)."""
    if len(g.rounds) < 2:
        return []
    if not g.resolved:
        return [t("report_gathered_none_resolved", lang)]
    criteria, names = data.result.criteria, {c.id: c.name for c in data.result.ranking}
    lines = [
        t(
            "report_gathered_resolved_item",
            lang,
            candidate=names.get(r.candidate, r.candidate),
            criterion=criteria.criterion(r.criterion).text(lang),
            before=figure("value", r.before, lang),
            after=figure("value", r.after, lang),
        )
        for r in g.resolved
    ]
    more = g.resolved_total - len(g.resolved)
    return lines + ([tn("report_gathered_more", more, lang)] if more > 0 else [])


def consensus_text(data: ReportData, g: Gathered, lang: str) -> list[str]:
    """Whether the file's consensus rules hold (nothing without rules)."""
    return consensus_lines(dataclasses.replace(data.result, consensus=g.consensus), lang)


def perspectives_grid(g: Gathered, lang: str) -> Grid | None:
    """Each candidate's rank in the compromise and under each role's weights."""
    if g.perspectives is None:
        return None
    heads = views.heads(g.perspectives, lang)
    return Grid(heads, views.rows(g.perspectives, lang), [False] + [True] * (len(heads) - 1))


def perspective_lines(g: Gathered, lang: str) -> list[str]:
    """The compromise's basis and who would disagree with which pick."""
    return views.verdicts(g.perspectives, lang) if g.perspectives is not None else []
