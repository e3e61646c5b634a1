"""The shortlist report as Markdown (charts given as tables), and the methodology sentences html.py shares."""

from __future__ import annotations

from collections.abc import Mapping

from partnerfit._version import __version__
from partnerfit.analysis.explain import Explanation
from partnerfit.analysis.report import ReportData, levels_of, parts_of
from partnerfit.contract.criteria_set import ResolvedCriterion
from partnerfit.contract.models import label_text
from partnerfit.engine.registry import get as method_of
from partnerfit.i18n import method_text, t, tn
from partnerfit.i18n.numerals import PRECISION, count, figure, percent
from partnerfit.render import RenderOptions, report_scenarios, report_team
from partnerfit.render import report_content as content
from partnerfit.render import report_gathered as gathered
from partnerfit.render.common import colon, fmt_score, score_digits
from partnerfit.render.explain import raw
from partnerfit.render.sanitize import md
from partnerfit.render.sensitivity import acceptability_title, leaders_line, stability_title, verdict_lines


def criterion_meta(c: ResolvedCriterion, lang: str) -> str:
    """A criterion's effective weight, scale and direction, and knock-out bounds."""
    meta = [f"{c.effective_weight:.1%}", t(f"report_scale_{c.direction}", lang, low=raw(c.low), high=raw(c.high))]
    bounds = (("minimum", c.minimum), ("maximum", c.maximum))
    return " · ".join(meta + [t(f"report_knockout_{k}", lang, bound=raw(v)) for k, v in bounds if v is not None])


def origin_lines(data: ReportData, lang: str) -> list[str]:
    """How each set of sibling weights was obtained (given, AHP with its CR, rank order), and overrides."""
    criteria = data.result.criteria
    groups = {g.id: g.text(lang) for g in criteria.groups}
    found: dict[str, list[str]] = {}  # how -> the scopes it applies to
    for origin in criteria.origins:
        verdict = t("report_ahp_inconsistent" if origin.inconsistent else "report_ahp_consistent", lang)
        how = t(f"report_origin_{origin.method}", lang, cr=origin.cr or 0.0, verdict=verdict)
        found.setdefault(how, []).append(origin.scope)
    lines = []
    top = t("report_scope_groups" if criteria.groups else "report_scope_criteria", lang)
    for how, scopes in found.items():
        inner = [s for s in scopes if s]
        named = [top] * (len(inner) < len(scopes))
        if inner and len(inner) == len(groups) > 1:
            named.append(t("report_scope_every_group", lang))
        elif inner:
            named.append(t("report_scope_within", lang, groups=", ".join(groups.get(s, s) for s in inner)))
        lines += [f"{scope}{colon(lang)}{how}" for scope in named]
    labels = {**groups, **{c.id: c.text(lang) for c in criteria.criteria}}
    return lines + [f"{labels.get(i, i)}{colon(lang)}{t('report_overridden', lang)}" for i in criteria.overrides]


def method_paragraphs(data: ReportData, lang: str) -> list[str]:
    """The formula, exclusions, missing-score policy, ties, aggregation and how robustness was measured."""
    result, sep, v = data.result, colon(lang), data.result.method_details.get("v", 0.5)
    method = method_of(result.method)
    lines = [
        f"{t('method', lang)}{sep}{method_text(method, 'label', lang, v=v)}. {method_text(method, 'formula', lang, v=v)}",
        t("report_exclusions", lang),
        f"{t('missing_policy', lang)}{sep}{t('missing_' + result.missing, lang)}.",
        f"{t('ties', lang)}{sep}{t('tie_rule', lang)}.",
    ]
    lines.append(t("report_positions", lang))
    lines += [t("explain_what_it_takes", lang)] if method.additive else []
    if data.assessors:
        lines.append(t("report_aggregation", lang, how=t(result.aggregate, lang)))
    if data.sensitivity is not None:
        a = data.sensitivity.acceptability
        lines.append(
            t("report_robustness_method", lang, samples=count(a.samples, lang), spread=a.spread or 0.0, seed=a.seed)
        )
    return lines


def _table(grid: content.Grid) -> list[str]:
    lines = ["| " + " | ".join(md(h) for h in grid.head) + " |"]
    lines.append("|" + "|".join("---:" if n else ":---" for n in grid.numeric) + "|")
    for k, row in enumerate(grid.rows):
        cells = [md(c) if c else "" for c in row]
        if k < len(grid.strong) and grid.strong[k]:
            cells[0 if grid.nested else 1] = f"**{cells[0 if grid.nested else 1]}**"
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _items(lines: list[str]) -> list[str]:
    return [f"- {md(line)}" for line in lines] + [""]


def _points(contributions: Mapping[str, float], members: tuple[str, ...], lang: str) -> str:
    found = [contributions[i] for i in members if i in contributions]
    return figure("points", sum(found), lang) if found else "–"


def _card(x: Explanation, data: ReportData, lang: str) -> list[str]:
    entry, groups = x.entry, x.result.criteria.groups
    shown = fmt_score(entry.score, score_digits(x.result.ranked), lang)  # as in the ranking table
    sub = t("report_card_sub", lang, rank=entry.rank, count=len(x.result.ranked), score=shown)
    lines = [
        f"### {entry.rank}. {md(entry.name)}",
        "",
        f"*{md(sub + (f' · {entry.type}' if entry.type else ''))}*",
        "",
    ]
    lines += _table(content.groups_grid(x, lang)) if groups else []
    about = content.profile(data, entry.id, lang)
    lines += [md(about), ""] if about else []
    lines += _items(content.card_facts(x, lang))
    labels = {c.id: c.text(lang) for c in x.result.criteria.criteria}
    for key, ids in (("report_strengths", x.strengths), ("report_weaknesses", x.weaknesses)):
        names = ", ".join(md(labels[i]) for i in ids) or t("explain_none", lang)
        lines.append(f"- **{t(key, lang)}**{colon(lang)}{names}")
    lines += ["", f"**{t('report_what_it_takes', lang)}**", ""]
    lines += [f"*{t('report_leads_already', lang)}*", ""] if entry.rank == 1 else []
    grid = content.criteria_grid(x, lang)
    exact = method_of(x.result.method).additive  # what it would take is computed for additive methods only
    lines += _table(grid) + ([] if exact else [f"*{t('report_wsm_only', lang)}*", ""])
    notes, disagreements, rules = content.card_lists(x, lang)
    lines += [f"**{t('explain_notes_evidence', lang).rstrip(' :')}**", ""]
    lines += [f"- **{md(a)}** {md(b)}" for a, b in notes] or [t("report_no_notes", lang)]
    if disagreements:
        lines += ["", f"**{t('report_disagreements', lang)}**", "", *_items(disagreements)[:-1]]
    return [*lines, "", *_items(rules)]


def _robustness(data: ReportData, lang: str, number: int) -> list[str]:
    lines = [f"## {number}. {t('report_robustness', lang)}", "", t("report_robustness_intro", lang), ""]
    report = data.sensitivity
    if report is not None:
        lines += _items([leaders_line(report, lang), *verdict_lines(report, lang)])
        if report.acceptability.ids:
            head, probabilities = content.heat_rows(report, lang)
            rows = [
                [name, *("·" if p == 0 else percent(p, lang, PRECISION["share"], sign=False) for p in ps)]
                for name, ps in probabilities
            ]
            lines += [
                f"### {t('report_heat_title', lang)}",
                "",
                *_table(content.Grid(head, rows, [False] + [True] * len(head))),
            ]
            lines += [f"*{md(acceptability_title(report, lang))}; {t('sens_probabilities', lang)}*", ""]
        if report.stability.intervals and report.stability.runner_up is not None:
            lines += [f"### {stability_title(report, lang)}", "", *_table(content.stability_grid(report, lang))]
            lines += [f"*{t('report_stability_caption', lang)}*", ""]
    lines += [f"### {t('report_methods_title', lang)}", ""]
    lines += _table(content.comparison_grid(data.comparison, lang)) if content.compared(data.comparison) else []
    return lines + _items(content.comparison_notes(data.comparison, lang, data.comparison_missing))


def _gathered(data: ReportData, lang: str, number: int) -> list[str]:
    g = data.gathered
    if g is None:
        return []
    lines = [f"## {number}. {t('report_gathered', lang)}", "", *_table(gathered.assessors_grid(g, lang))]
    lines += [f"### {t('report_gathered_agreement', lang)}", "", *_table(gathered.agreement_grid(data, g, lang))]
    rounds = gathered.round_lines(g, lang)
    if rounds:
        lines += [f"### {t('report_gathered_rounds', lang)}", "", *_items(rounds)]
        lines += [f"**{t('report_gathered_resolved', lang)}**", "", *_items(gathered.resolved_lines(data, g, lang))]
    lines += _items(gathered.consensus_text(data, g, lang)) if g.consensus is not None else []
    grid = gathered.perspectives_grid(g, lang)
    if grid is not None:
        lines += [f"### {t('report_gathered_perspectives', lang)}", "", *_table(grid)]
        lines += _items(gathered.perspective_lines(g, lang))
    return lines


def _team(data: ReportData, lang: str, number: int) -> list[str]:
    view = report_team.view_of(data)
    if view is None:
        return []
    lines = [f"## {number}. {t('report_team', lang)}", "", md(report_team.intro(view, lang)), ""]
    lines += _table(report_team.members_grid(view, lang))
    lines += [f"### {t('team_coverage', lang)}", "", *_table(report_team.coverage_grid(view, lang))]
    lines += _items(report_team.summary_lines(view, lang))
    core = report_team.core_grid(view, lang)
    if core is not None:
        note = f"*{md(report_team.core_note(view, lang))}*"
        lines += [f"### {t('team_robustness', lang)}", "", *_table(core), note, ""]
    return lines


def _scenarios(data: ReportData, lang: str, number: int) -> list[str]:
    grid = report_scenarios.grid(data, lang)
    lines = [f"## {number}. {t('report_scenarios', lang)}", "", md(report_scenarios.intro(lang)), ""]
    return lines + (_table(grid) if grid is not None else []) + _items(report_scenarios.lines(data, lang))


def _methodology(data: ReportData, lang: str, number: int) -> list[str]:
    criteria = data.result.criteria
    lines = [f"## {number}. {t('report_methodology', lang)}", "", f"### {t('report_how_computed', lang)}", ""]
    for paragraph in method_paragraphs(data, lang):
        lines += [md(paragraph), ""]
    lines += [f"### {t('report_weights_title', lang)}", "", *_items(origin_lines(data, lang))]
    lines += _table(content.weights_grid(data, lang)) + _items(content.weights_notes(data, lang))
    lines += [f"### {t('report_criteria_title', lang)}", ""]
    sections = [(g.text(lang), g.effective_weight, g.criteria) for g in criteria.groups] or [("", 1.0, criteria.ids)]
    for label, weight, members in sections:
        lines += [f"#### {md(label)} · {percent(weight, lang)}", ""] if label else []
        for c in (criteria.criterion(cid) for cid in members):
            text = f"{colon(lang)}{md(label_text(c.description, lang))}" if c.description else ""
            lines.append(f"- **{md(c.text(lang))}** ({md(criterion_meta(c, lang))}){text}")
            lines += [f"  - {md(k)} — {md(v)}" for k, v in levels_of(c, lang)]
        lines.append("")
    gates = [(label_text(g.label, lang, gid), label_text(g.description, lang)) for gid, g in criteria.gates.items()]
    lines += [f"### {t('gates', lang)}", ""]
    return lines + ([f"- **{md(a)}**" + (f" — {md(b)}" if b else "") for a, b in gates] or [t("report_no_gates", lang)])


def report_markdown(data: ReportData, options: RenderOptions | None = None) -> str:
    """The whole report as Markdown, in ``options.lang``: the same sections as the HTML report, charts given as tables."""
    result, lang = data.result, (options or RenderOptions()).lang
    lines = [f"# {md(data.heading or t('report_default_title', lang))}", "", f"*{t('report_kicker', lang)}*", ""]
    lines += [f"**{t('objective', lang)}**{colon(lang)}{md(result.objective)}", ""] if result.objective else []
    lines += [md(data.description), ""] if data.description else []
    lines += _table(
        content.Grid(["", ""], [[a, b] for a, b in content.meta_rows(data, lang)], [False, False], [True] * 6, True)
    )
    lines += [f"**{t('report_key_findings', lang)}**", "", *_items(content.findings(data, lang))]
    ranked = result.ranked
    lines += [f"## 1. {t('report_shortlist', lang)}", "", content.shortlist_intro(data, lang), ""]
    close = content.close_line(data, lang)
    lines += [f"> ⚠ {md(close)}", ""] if close else []
    lines += _table(content.ranking_grid(data, lang)) if len(ranked) else []
    if method_of(result.method).additive and len(ranked):
        parts = parts_of(result.criteria, lang)
        rows = [[c.name] + [_points(c.contributions, m, lang) for _, m in parts] for c in ranked[: content.MAX_ROWS]]
        grid = content.Grid([t("candidate", lang), *(label for label, _ in parts)], rows, [False] + [True] * len(parts))
        lines += [f"**{content.contributions_title(result, lang)}**", "", *_table(grid)]
    if len(ranked) > content.MAX_ROWS:
        lines += [tn("report_more_ranked", len(ranked) - content.MAX_ROWS, lang), ""]
    lines += [f"### {t('excluded', lang)}", ""]
    excluded = content.excluded_grid(result, lang)
    lines += _table(excluded) if excluded.rows else [t("report_no_excluded", lang), ""]
    notes = content.shortlist_notes(result, lang)
    lines += [f"**{t('report_notes', lang)}**", "", *_items(notes)] if notes else []
    number = 2
    if data.shortlist:
        lines += [f"## 2. {t('report_cards', lang)}", ""]
        for x in data.shortlist:
            lines += _card(x, data, lang)
        number = 3
    lines += _robustness(data, lang, number)
    if report_team.view_of(data) is not None:
        number += 1
        lines += _team(data, lang, number)
    if data.gathered is not None:
        number += 1
        lines += _gathered(data, lang, number)
    if data.scenarios is not None:
        number += 1
        lines += _scenarios(data, lang, number)
    lines += _methodology(data, lang, number + 1)
    colophon = t(
        "report_colophon", lang, version=__version__, source=data.source, date=content.date_text(data.date, lang)
    )
    return "\n".join([*lines, "", "---", "", f"*{md(colophon)}*"]) + "\n"
