"""The shortlist report as one self-contained HTML file: the report's content laid out by the Jinja2 templates of templates/report/."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, partial
from importlib.resources import files
from typing import Any, NamedTuple

from jinja2 import Environment, PackageLoader, StrictUndefined
from jinja2.ext import Extension
from markupsafe import Markup

from partnerfit._version import __version__
from partnerfit.analysis.explain import Explanation
from partnerfit.analysis.report import ReportData, levels_of, parts_of
from partnerfit.contract.models import label_text
from partnerfit.engine.registry import get as method_of
from partnerfit.i18n import t, tn
from partnerfit.i18n.numerals import figure, percent_sign
from partnerfit.render import RenderOptions, report_gathered, report_scenarios, report_team, svg
from partnerfit.render import report_content as content
from partnerfit.render.common import colon, fmt_score, score_digits
from partnerfit.render.report_markdown import criterion_meta, method_paragraphs, origin_lines
from partnerfit.render.sanitize import html_text
from partnerfit.render.sensitivity import acceptability_title, leaders_line, stability_title, verdict_lines

CSS = (files("partnerfit.render") / "templates" / "report" / "report.css").read_text(encoding="utf-8")


class JoinLines(Extension):
    """``{% oneline %}…{% endoneline %}``: line breaks and the indentation around them are dropped.

    The templates are laid out for people; the report keeps each section on one line, as it always has.
    """

    _BLOCK = re.compile(r"{% oneline %}(.*?){% endoneline %}", re.DOTALL)
    _BREAK = re.compile(r"[ \t]*\n[ \t]*")

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        """The template's text with each oneline block joined into one line."""
        return self._BLOCK.sub(lambda block: self._BREAK.sub("", block.group(1)), source)


def _escaped(value: object) -> Markup:
    """What a template writes: SVG and sections already made markup, anything else through sanitize.html_text."""
    return value if isinstance(value, Markup) else Markup(html_text(value))


@cache
def environment() -> Environment:
    """The report's templates; every value they write is escaped (autoescape, through the one HTML sanitiser)."""
    return Environment(
        loader=PackageLoader("partnerfit.render", "templates"),
        autoescape=True,
        finalize=_escaped,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=[JoinLines],
    )


class Cell(NamedTuple):
    """A table cell: its text (or a chart) and its class (``num``, ``chart`` or none)."""

    text: str | Markup
    css: str = ""


class Row(NamedTuple):
    """A table row: its cells and its classes (``strong``, ``sub``, ``cut``)."""

    cells: list[Cell]
    css: str = ""


class Table(NamedTuple):
    """A grid laid out for the table macro of templates/report/parts.html."""

    head: list[Cell]
    rows: list[Row]
    kind: str = ""


def table(
    grid: content.Grid, extra: tuple[int, str, Sequence[str]] | None = None, cut: int = -1, kind: str = ""
) -> Table:
    """A grid as a table; ``extra`` inserts a column of charts (SVG), ``cut`` rules off a row."""
    align = ["num" if n else "" for n in grid.numeric]
    head = [Cell(h, a) for a, h in zip(align, grid.head, strict=True)]
    cells = [[Cell(c, a) for a, c in zip(align, row, strict=True)] for row in grid.rows]
    if extra is not None:
        at, title, charts = extra
        head.insert(at, Cell(title, "chart"))
        for row, chart in zip(cells, charts, strict=True):
            row.insert(at, Cell(Markup(chart), "chart"))
    rows = []
    for k, row in enumerate(cells):
        stressed = k < len(grid.strong) and grid.strong[k]
        css = ["strong"] * stressed + ["sub"] * (grid.nested and not stressed) + ["cut"] * (k == cut)
        rows.append(Row(row, " ".join(css)))
    return Table(head, rows, kind)


def cover(data: ReportData, lang: str, sections: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """The cover page: title, objective, date, assessors, criteria set, key findings and contents."""
    return {
        "heading": data.heading or t("report_default_title", lang),
        "objective": data.result.objective,
        "description": data.description,
        "meta": content.meta_rows(data, lang),
        "close": content.close_line(data, lang),
        "findings": content.findings(data, lang),
        "sections": sections,
        "colophon": t(
            "report_colophon", lang, version=__version__, source=data.source, date=content.date_text(data.date, lang)
        ),
    }


def shortlist(data: ReportData, lang: str, number: int) -> dict[str, Any]:
    """The ranking with a bar of each score's parts by group, the shortlist in bold, then the excluded ones."""
    result, top = data.result, data.top
    ranked, parts = result.ranked, parts_of(result.criteria, lang)
    wsm, bars = method_of(result.method).additive, []  # an additive score splits into its parts' bars
    digits = score_digits(ranked)  # every output of a result shows its scores alike
    for c in ranked[: content.MAX_ROWS]:
        values = [sum(c.contributions.get(i, 0.0) for i in m) for _, m in parts] if wsm else [c.score or 0.0]
        titles = [f"{p}{colon(lang)}{figure('points', v, lang)}" for (p, _), v in zip(parts, values, strict=False)]
        titles = titles if wsm else [""]
        bars.append(svg.stacked_bar(values, titles, f"{c.name}{colon(lang)}{fmt_score(c.score, digits, lang)}"))
    column = (3, content.contributions_title(result, lang) if wsm else "", bars)
    flat = "report_bar_caption" if result.criteria.groups else "report_bar_caption_flat"
    excluded = content.excluded_grid(result, lang)
    more = len(ranked) - content.MAX_ROWS
    return {
        "number": number,
        "intro": content.shortlist_intro(data, lang),
        "close": content.close_line(data, lang),
        "legend": [(Markup(svg.swatch(k)), p) for k, (p, _) in enumerate(parts)] if wsm and len(ranked) else None,
        "ranking": table(content.ranking_grid(data, lang), column, top - 1 if top < len(bars) else -1, "ranking")
        if bars
        else None,
        "caption": t(flat if wsm else "report_bar_not_additive", lang, method=result.method),
        "more": tn("report_more_ranked", more, lang) if more > 0 else None,
        "excluded": table(excluded) if excluded.rows else None,
        "notes": content.shortlist_notes(result, lang),
    }


def card(x: Explanation, data: ReportData, lang: str, place: int) -> dict[str, Any]:
    """One shortlisted candidate: radar against the leader, facts, strengths and weaknesses, evidence, targets."""
    entry, result = x.entry, x.result
    labels = {c.id: c.text(lang) for c in result.criteria.criteria}
    shown = fmt_score(entry.score, score_digits(result.ranked), lang)  # as in the ranking table
    sub = t("report_card_sub", lang, rank=entry.rank, count=len(result.ranked), score=shown)
    notes, disagreements, rules = content.card_lists(x, lang)
    radar, legend = _radar(x, lang)
    return {
        "place": place,
        "rank": entry.rank,
        "name": entry.name,
        "sub": sub + (f" · {entry.type}" if entry.type else ""),
        "profile": content.profile(data, entry.id, lang),
        "radar": radar,
        "legend": legend,
        "strengths": " · ".join(labels[i] for i in x.strengths) or t("explain_none", lang),
        "weaknesses": " · ".join(labels[i] for i in x.weaknesses) or t("explain_none", lang),
        "groups": table(content.groups_grid(x, lang)) if result.criteria.groups else None,
        "facts": content.card_facts(x, lang),
        "criteria": table(content.criteria_grid(x, lang)),
        "wsm_only": not method_of(result.method).additive,  # what it would take: additive methods only
        "notes": notes,
        "disagreements": disagreements,
        "rules": rules,
    }


def _radar(x: Explanation, lang: str) -> tuple[Markup | None, list[tuple[Markup, str]]]:
    """The spider chart of the group scores and its legend (none without three groups)."""
    groups = x.result.criteria.groups
    if len(groups) < 3:
        return None, []
    series = [x.entry] + ([x.versus] if x.versus is not None else [])
    names = {"name": x.entry.name, "other": x.versus.name if x.versus is not None else ""}
    label = t("report_radar_caption" if x.versus is not None else "report_radar_alone", lang, **names)
    chart = svg.radar([g.text(lang) for g in groups], [[c.groups.get(g.id) for g in groups] for c in series], label)
    return Markup(chart), [(Markup(svg.legend_line(k > 0)), c.name) for k, c in enumerate(series)]


def robustness(data: ReportData, lang: str, number: int) -> dict[str, Any]:
    """Verdict, rank-acceptability heat map, weight stability intervals and the method comparison."""
    report, heat, stability = data.sensitivity, None, None
    if report is not None and report.acceptability.ids:
        head, rows = content.heat_rows(report, lang)
        heat = {
            "head": head,
            "rows": [(name, [Markup(svg.heat_cell(p, lang)) for p in ps]) for name, ps in rows],
            "caption": t("report_heat_caption", lang, how=acceptability_title(report, lang)),
        }
    if report is not None and report.stability.intervals and report.stability.runner_up is not None:
        bars = [svg.interval_bar(i.low, i.high, i.weight) for i in report.stability.intervals]
        stability = table(content.stability_grid(report, lang), (2, f"0–100{percent_sign(lang)}", bars))
    compared = content.compared(data.comparison)
    return {
        "number": number,
        "verdict": None if report is None else [leaders_line(report, lang), *verdict_lines(report, lang)],
        "close": content.close_line(data, lang),
        "heat": heat,
        "stability": stability,
        "stability_title": "" if report is None else stability_title(report, lang),
        "methods": table(content.comparison_grid(data.comparison, lang)) if compared else None,
        "method_notes": content.comparison_notes(data.comparison, lang, data.comparison_missing),
    }


def methodology(data: ReportData, lang: str, number: int) -> dict[str, Any]:
    """How the score is computed, where the weights come from, the criteria with their anchors, the gates."""
    criteria = data.result.criteria
    sections = [(g.text(lang), g.effective_weight, g.criteria) for g in criteria.groups] or [("", 1.0, criteria.ids)]
    parts = [
        {
            "label": label,
            "weight": f"{weight:.0%}",
            "criteria": [
                {
                    "label": c.text(lang),
                    "meta": criterion_meta(c, lang),
                    "description": label_text(c.description, lang) if c.description else None,
                    "levels": levels_of(c, lang),
                }
                for c in (criteria.criterion(cid) for cid in members)
            ],
        }
        for label, weight, members in sections
    ]
    return {
        "number": number,
        "paragraphs": method_paragraphs(data, lang),
        "origins": origin_lines(data, lang),
        "weights": table(content.weights_grid(data, lang)),
        "weights_notes": content.weights_notes(data, lang),
        "parts": parts,
        "gates": [
            (label_text(g.label, lang, gid), label_text(g.description, lang)) for gid, g in criteria.gates.items()
        ],
    }


def gathered(data: ReportData, lang: str, number: int) -> dict[str, Any] | None:
    """Assessors and roles, agreement per criterion, rounds, divergences resolved, consensus and perspectives."""
    g = data.gathered
    if g is None:
        return None
    views = report_gathered.perspectives_grid(g, lang)
    return {
        "number": number,
        "assessors": table(report_gathered.assessors_grid(g, lang)),
        "agreement": table(report_gathered.agreement_grid(data, g, lang)),
        "rounds": report_gathered.round_lines(g, lang),
        "resolved": report_gathered.resolved_lines(data, g, lang),
        "consensus": report_gathered.consensus_text(data, g, lang) if g.consensus is not None else [],
        "perspectives": table(views) if views is not None else None,
        "perspective_lines": report_gathered.perspective_lines(g, lang),
    }


def proposed_team(data: ReportData, lang: str, number: int) -> dict[str, Any] | None:
    """The proposed team: members, coverage matrix, value and budget, core indexes (files with a team: block)."""
    view = report_team.view_of(data)
    if view is None:
        return None
    core = report_team.core_grid(view, lang)
    return {
        "number": number,
        "intro": report_team.intro(view, lang),
        "members": table(report_team.members_grid(view, lang)),
        "coverage": table(report_team.coverage_grid(view, lang)),
        "summary": report_team.summary_lines(view, lang),
        "core": None if core is None else table(core),
        "core_note": report_team.core_note(view, lang),
    }


def scenarios_section(data: ReportData, lang: str, number: int) -> dict[str, Any] | None:
    """Each candidate's rank under each named scenario, Kendall's tau and the leader (files with scenarios:)."""
    ranks = report_scenarios.grid(data, lang)
    if ranks is None:
        return None
    return {
        "number": number,
        "intro": report_scenarios.intro(lang),
        "grid": table(ranks),
        "lines": report_scenarios.lines(data, lang),
    }


def report_html(data: ReportData, options: RenderOptions | None = None) -> str:
    """The whole report as one HTML document in ``options.lang``: no script, no external resource, inline SVG charts."""
    lang = (options or RenderOptions()).lang
    keys = ["report_shortlist", "report_cards", "report_robustness", "report_team", "report_gathered"]
    keys += ["report_scenarios", "report_methodology"]
    anchors = ["shortlist-h", "cards-h", "robustness-h", "team-h", "gathered-h", "scenarios-h", "methodology-h"]
    shown = {"cards-h": bool(data.shortlist), "gathered-h": data.gathered is not None}
    shown["team-h"] = report_team.view_of(data) is not None
    shown["scenarios-h"] = data.scenarios is not None
    sections = [(a, t(k, lang)) for a, k in zip(anchors, keys, strict=True) if shown.get(a, True)]
    number = {anchor: k + 1 for k, (anchor, _) in enumerate(sections)}
    report = {
        "cover": cover(data, lang, sections),
        "shortlist": shortlist(data, lang, number["shortlist-h"]),
        "cards": [card(x, data, lang, k) for k, x in enumerate(data.shortlist, start=1)],
        "robustness": robustness(data, lang, number["robustness-h"]),
        "team": proposed_team(data, lang, number.get("team-h", 0)),
        "gathered": gathered(data, lang, number.get("gathered-h", 0)),
        "scenarios": scenarios_section(data, lang, number.get("scenarios-h", 0)),
        "methodology": methodology(data, lang, number["methodology-h"]),
    }
    return (
        environment()
        .get_template("report/page.html")
        .render(
            lang=lang,
            t=partial(t, lang=lang),
            version=__version__,
            title=data.heading or t("report_default_title", lang),
            css=Markup(CSS),
            report=report,
        )
    )
