"""The report's content in plain text (sentences, tables); html.py lays it out in HTML, report_markdown.py in Markdown."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from partnerfit.analysis.compare import MethodComparison
from partnerfit.analysis.explain import Explanation
from partnerfit.analysis.report import ReportData, rank_shares
from partnerfit.analysis.sensitivity import SensitivityReport
from partnerfit.contract.criteria_set import ResolvedCriterion
from partnerfit.engine.registry import get as method_of
from partnerfit.i18n import method_text, t, tn
from partnerfit.i18n.numerals import PRECISION, figure, percent
from partnerfit.render.common import colon, fmt_score, note_lines, reasons_text, score_digits
from partnerfit.render.compare import notes as compare_notes
from partnerfit.render.explain import detail_lines, evidence_text, raw, same, signed, target_text
from partnerfit.render.sensitivity import verdict_lines
from partnerfit.result.model import Result

MAX_ROWS = 50  # ranked candidates listed in the shortlist table
MAX_RANKS = 10  # rank columns of the heat map; later ranks are summed in one column
NAMED = 5  # candidates named by a note (unanswered gate, unscored knock-out) before "and N more"


@dataclass(frozen=True)
class Grid:
    """A table in plain text: header, rows, right-aligned columns, stressed rows (groups, the shortlist)."""

    head: list[str]
    rows: list[list[str]]
    numeric: list[bool]
    strong: list[bool] = field(default_factory=list)
    nested: bool = False  # rows not stressed sit under the stressed one above them


def date_text(day: datetime.date, lang: str) -> str:
    """``26 November 2026`` or ``1er novembre 2026``."""
    month = t("report_months", lang).split()[day.month - 1]
    return f"{'1er' if lang == 'fr' and day.day == 1 else day.day} {month} {day.year}"


def meta_rows(data: ReportData, lang: str) -> list[tuple[str, str]]:
    """The cover's facts: date, assessors, criteria set, method, candidates, source file."""
    result, c = data.result, data.result.criteria
    ranked, excluded = len(result.ranked), len(result.excluded)
    sizes = {"criteria": tn("n_criteria", len(c.criteria), lang), "groups": tn("n_groups", len(c.groups), lang)}
    sizes["gates"] = tn("n_gates", len(c.gates), lang)
    key = "report_criteria_summary" if c.groups else "report_criteria_flat"
    counts = {"total": tn("n_assessed", ranked + excluded, lang), "ranked": tn("n_ranked", ranked, lang)}
    counts |= {"excluded": tn("n_excluded", excluded, lang), "top": str(min(data.top, ranked))}
    label = method_text(method_of(result.method), "label", lang, v=result.method_details.get("v", 0.5))
    return [
        (t("report_date", lang), date_text(data.date, lang)),
        (t("report_assessed_by", lang), ", ".join(data.assessors) or t("report_single_sheet", lang)),
        (t("criteria_set", lang), t(key, lang, title=c.title_text(lang), name=c.name, **sizes)),
        (t("method", lang), label),
        (t("report_candidates", lang), t(f"report_candidates_{'summary' if ranked else 'unranked'}", lang, **counts)),
        (t("report_source", lang), data.source),
    ]


def comparison_notes(comparison: MethodComparison, lang: str, missing_as: str | None = None) -> list[str]:
    """The methods' verdict and agreement, how missing scores were counted for it, methods that could not run.

    ``missing_as`` is the policy the comparison used instead of the ranking's (ReportData.comparison_missing).
    """
    kept = compare_notes(comparison, lang)[: -len(comparison.failures) or None]
    if missing_as == "worst":
        kept.append(t("report_methods_missing_worst", lang))
    short = [m for m in comparison.failures if m in comparison.incomplete]
    if short:
        kept.append(t("report_method_needs_scores", lang, method=", ".join(short)))
    others = [(m, r) for m, r in comparison.failures.items() if m not in short]
    return kept + [t("compare_failed", lang, method=m, reason=r) for m, r in others]


def findings(data: ReportData, lang: str) -> list[str]:
    """The leader, the close-call verdict with the smallest weight change that flips it, and method agreement."""
    ranked = data.result.ranked
    if not len(ranked):
        return [t("report_nobody", lang)]
    lines = [
        t(
            "report_leads",
            lang,
            name=ranked[0].name,
            score=fmt_score(ranked[0].score or 0.0, score_digits(ranked), lang),
        )
    ]
    if data.sensitivity is not None:
        decisive = any(i.decisive for i in data.sensitivity.stability.intervals)
        lines += verdict_lines(data.sensitivity, lang)[1 if decisive else 0 :]
    if len(data.comparison.methods) > 1:
        verdict = comparison_notes(data.comparison, lang, data.comparison_missing)[0]
        lines.append(verdict[:1].upper() + verdict[1:])
    return lines


def shortlist_intro(data: ReportData, lang: str) -> str:
    """What the shortlist table shows, or that no candidate could be ranked."""
    ranked = len(data.result.ranked)
    return (
        t("report_shortlist_intro", lang, ranked=ranked, top=min(data.top, ranked))
        if ranked
        else t("report_nobody", lang)
    )


def contributions_title(result: Result, lang: str) -> str:
    """The heading of the points each group (or criterion, in a flat set) adds to the score."""
    return t("report_contributions" if result.criteria.groups else "report_contributions_flat", lang)


def compared(comparison: MethodComparison) -> bool:
    """Whether the method comparison has a table to show: ranked candidates under two methods or more."""
    return bool(comparison.ids) and len(comparison.methods) > 1


def close_line(data: ReportData, lang: str) -> str | None:
    """The "no clear winner" sentence, when the race is close."""
    verdict = data.sensitivity.close_call if data.sensitivity is not None else None
    if verdict is None or not verdict.close:
        return None
    start = t("sens_close", lang, leader="", runner="").split()[0]
    return next((line for line in findings(data, lang) if line.startswith(start)), None)


def card_facts(x: Explanation, lang: str) -> list[str]:
    """The candidates just ahead and at the top, and the coverage when a score rests on part of the weight."""
    lines, score = [], x.entry.score or 0.0
    digits = score_digits(x.result.ranked)  # every output of a result shows its scores alike
    if x.above is not None and not same(x.above, x.leader):
        gap = figure("points", (x.above.score or 0.0) - score, lang)
        above = fmt_score(x.above.score, digits, lang)
        lines.append(t("explain_above", lang, name=x.above.name, score=above, gap=gap))
    if x.versus is not None:
        key = "explain_leader" if same(x.versus, x.leader) else "explain_runner_up"
        gap = figure("points", abs((x.versus.score or 0.0) - score), lang)
        lines.append(t(key, lang, name=x.versus.name, score=fmt_score(x.versus.score, digits, lang), gap=gap))
    if x.entry.coverage < 1 - 1e-9:
        lines.append(t("explain_coverage", lang, coverage=percent(x.entry.coverage, lang, PRECISION["coverage"])))
    return lines


def profile(data: ReportData, candidate_id: str, lang: str) -> str:
    """The candidate as its file describes it: description, tags and details, in one line."""
    candidate = data.candidates.get(candidate_id)
    if candidate is None:
        return ""
    parts = [candidate.description or "", ", ".join(candidate.tags)]
    parts += [f"{k}{colon(lang)}{v}" for k, v in candidate.info.items() if v is not None]
    return " · ".join(part for part in parts if part)


def ranking_grid(data: ReportData, lang: str) -> Grid:
    """Rank, name (⚠ on disagreement), score, each group's score, coverage; the shortlist stressed."""
    ranked, groups = data.result.ranked[:MAX_ROWS], data.result.criteria.groups
    coverage, digits = any(c.coverage < 1 - 1e-9 for c in ranked), score_digits(data.result.ranked)
    head = [t("rank", lang), t("candidate", lang), t("score", lang), *(g.short_text(lang) for g in groups)]
    rows = [
        [str(c.rank), c.name + (" ⚠" if c.disagreement else ""), fmt_score(c.score, digits, lang)]
        + [figure("group", c.groups.get(g.id), lang) for g in groups]
        + ([percent(c.coverage, lang, PRECISION["coverage"])] if coverage else [])
        for c in ranked
    ]
    numeric = [True, False, True] + [True] * (len(groups) + coverage)
    strong = [k < data.top for k in range(len(rows))]
    return Grid(head + ([t("coverage_short", lang)] if coverage else []), rows, numeric, strong)


def criteria_grid(x: Explanation, lang: str) -> Grid:
    """Each criterion's weight, score, points, gaps to the median and the leader, and the scores that would lift it."""
    result, wsm, lead = x.result, method_of(x.result.method).additive, same(x.above, x.leader)
    labels = {c.id: c.text(lang) for c in result.criteria.criteria}
    targets = [] if x.above is None or not wsm else ["next"] if lead else ["next", "first"]
    versus = "explain_vs_leader" if same(x.versus, x.leader) else "explain_vs_runner_up"
    head = [t("criterion", lang), t("weight", lang).capitalize(), t("score", lang), t("explain_points", lang)]
    head = head[:3] + ([head[3]] if wsm else ["v"]) + [t("explain_vs_median", lang), t(versus, lang)]
    head += [t("explain_to_first" if k == "first" or lead else "explain_one_up", lang) for k in targets]
    rows = []
    for c in x.criteria:
        shown = c.contribution if wsm else c.value
        median = None if c.value is None or c.median is None else c.value - c.median
        gap = None if c.value is None or c.versus_value is None else c.value - c.versus_value
        row = [labels[c.id], percent(c.weight, lang), raw(c.score, lang), figure("points", shown, lang)]
        row += [signed(median, lang=lang), signed(gap, lang=lang)]
        rows.append(row + [target_text(getattr(c, k), c.score, result.criteria, c.id, lang) for k in targets])
    return Grid(head, rows, [False] + [True] * (len(head) - 1))


def card_lists(x: Explanation, lang: str) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """A candidate's notes and evidence (criterion, text), assessor disagreements (none asked of one assessor), rules."""
    labels = {c.id: c.text(lang) for c in x.result.criteria.criteria}
    noted = [(c, ev) for c in x.criteria for ev in c.entries if ev.note or ev.evidence or ev.uncertainty is not None]
    details = detail_lines(x, lang)
    disagreements = [line for line in details if line.startswith("⚠")] or [t("report_no_disagreement", lang)]
    rules = [d for d in details if d.startswith((t("explain_knockouts", lang), t("explain_gates_heading", lang)))]
    notes = [(labels[c.id], evidence_text(ev, lang)) for c, ev in noted]
    return notes, disagreements if x.entry.assessors > 1 else [], rules


def shortlist_notes(result: Result, lang: str) -> list[str]:
    """Ties, unanswered gates and unscored knock-outs, and assessor disagreements among the listed candidates."""
    shown = list(result.ranked[:MAX_ROWS])
    names, labels = {c.id: c.name for c in result.ranking}, {c.id: c.text(lang) for c in result.criteria.criteria}
    listed = {c.id for c in shown}
    lines = [t("report_ties", lang, names=" = ".join(names[i] for i in g)) for g in result.ties if listed & set(g)]
    lines += note_lines(result, [*shown, *result.excluded], lang, NAMED)
    for c in (c for c in shown if c.disagreement):
        spreads = ", ".join(f"{labels[i]} ({raw(c.spread[i], lang)})" for i in c.disagreement)
        lines.append(f"{t('disagreement_note', lang)} {c.name}{colon(lang)}{spreads}")
    return lines


def heat_rows(report: SensitivityReport, lang: str) -> tuple[list[str], list[tuple[str, list[float]]]]:
    """Heat-map header and each candidate's probabilities: ranks 1..10 (then the rest summed) and the top K."""
    accept = report.acceptability
    ranks, rows = rank_shares(accept, MAX_RANKS)
    head = [t("candidate", lang), *(str(r) for r in range(1, ranks + 1))]
    head += [f"{ranks + 1}+"] * (ranks < len(accept.ids)) + [t("sens_top", lang, k=accept.top_k)]
    return head, [(report.names[cid], shares) for cid, shares in rows]


def stability_grid(report: SensitivityReport, lang: str) -> Grid:
    """Each group's and criterion's weight, the bands over which the leader and the top K stay, ⚠ when decisive."""
    criteria, groups = report.criteria, {g.id: g.text(lang) for g in report.criteria.groups}
    head = [t("sens_item", lang), t("weight", lang).capitalize(), t("report_leader_band", lang)]
    rows = []
    for i in report.stability.intervals:
        label = groups[i.id] if i.level == "group" else criteria.criterion(i.id).text(lang)
        bands = [
            f"{percent(i.low, lang)}–{percent(i.high, lang)}",
            f"{percent(i.top_low, lang)}–{percent(i.top_high, lang)}",
        ]
        rows.append([label, percent(i.weight, lang), *bands, "⚠" if i.decisive else ""])
    strong = [i.level == "group" for i in report.stability.intervals]
    head += [t("sens_top_same", lang, k=report.stability.top_k), ""]
    return Grid(head, rows, [False, True, True, True, False], strong, bool(groups))


def comparison_grid(comparison: MethodComparison, lang: str) -> Grid:
    """Each candidate's rank under each method, ↕ when it moves by more than one place."""
    rows = [
        [comparison.names[c] + (" ↕" if c in comparison.moved else "")]
        + [str(comparison.ranks[m][c]) for m in comparison.methods]
        for c in comparison.ids
    ]
    return Grid([t("candidate", lang), *comparison.methods], rows, [False] + [True] * len(comparison.methods))


def weights_grid(data: ReportData, lang: str) -> Grid:
    """Each group's and criterion's effective weight, with the entropy and CRITIC weights the data suggest."""
    criteria, by_id = data.result.criteria, {r.id: r for r in data.weights.rows}

    def row(c: ResolvedCriterion) -> list[str]:
        r = by_id[c.id]
        pair = " · ".join(percent(w, lang) for w in (r.entropy, r.critic))
        return [c.text(lang), percent(c.effective_weight, lang), pair + (" ⚠" if r.barely_differs else "")]

    rows, strong = [], []
    for g in criteria.groups:
        rows += [[g.text(lang), percent(g.effective_weight, lang), ""]] + [
            row(criteria.criterion(c)) for c in g.criteria
        ]
        strong += [True] + [False] * len(g.criteria)
    if not criteria.groups:
        rows, strong = [row(c) for c in criteria.criteria], [False] * len(criteria.criteria)
    head = [t("criterion", lang), t("report_effective", lang), f"{t('entropy', lang).capitalize()} · CRITIC"]
    return Grid(head, rows, [False, True, True], strong, bool(criteria.groups))


def weights_notes(data: ReportData, lang: str) -> list[str]:
    """What the entropy and CRITIC columns mean, and the criteria weighted high on which candidates barely differ."""
    flagged = [data.result.criteria.criterion(r.id).text(lang) for r in data.weights.rows if r.barely_differs]
    lines = [t("barely_differ", lang, criteria=", ".join(flagged))] if flagged else []
    return [*lines, t("weights_legend", lang, candidates=data.weights.candidates)]


def groups_grid(x: Explanation, lang: str) -> Grid:
    """The radar chart as a table: each group's score for the candidate and the one it is compared with."""
    versus = [x.versus] if x.versus is not None else []
    rows = [
        [g.text(lang), *(figure("group", c.groups.get(g.id), lang) for c in [x.entry, *versus])]
        for g in x.result.criteria.groups
    ]
    head = [t("report_group", lang), x.entry.name, *(v.name for v in versus)]
    return Grid(head, rows, [False] + [True] * (1 + len(versus)))


def excluded_grid(result: Result, lang: str) -> Grid:
    """Excluded candidates with their score and reasons."""
    digits = score_digits(result.ranked)
    rows = [[x.name, fmt_score(x.score, digits, lang), reasons_text(result, x, lang)] for x in result.excluded]
    return Grid([t("candidate", lang), t("score", lang), t("reasons", lang)], rows, [False, True, False])
