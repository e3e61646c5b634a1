"""The agreement between assessors for people (table, Markdown), machines (JSON), and each assessor's feedback."""

from __future__ import annotations

import io

from partnerfit.analysis.agreement_model import Agreement, Divergent, FeedbackItem
from partnerfit.i18n import t, tn
from partnerfit.i18n.numerals import PRECISION, figure, percent
from partnerfit.render import RenderOptions
from partnerfit.render.sanitize import json_dumps, md, md_row
from partnerfit.render.table import columns_table, finish, make_console, plain


def agreement_json(report: Agreement, options: RenderOptions | None = None) -> str:
    """The document of FORMAT.md's "Agreement" (the same in every language: ``options`` is not read)."""
    return json_dumps(report.to_dict()).decode()


def _alpha(value: float | None, lang: str) -> str:
    return t("agreement_undefined", lang) if value is None else figure("ratio", value, lang)


def _assessor_rows(report: Agreement, lang: str) -> list[list[str]]:
    rows = []
    for a in report.assessors:
        scored, expected = report.expected[a]
        share = percent(report.completeness[a], lang, PRECISION["share"])
        who = f"{a} ({name})" if (name := report.names.get(a)) else a
        rows.append([who, f"{share} ({scored}/{expected})", figure("points", report.deviation[a], lang, signed=True)])
    return rows


def _criterion_rows(report: Agreement, lang: str) -> list[list[str]]:
    rows = [[report.criteria.criterion(c).text(lang), _alpha(a, lang)] for c, a in report.alpha_criteria.items()]
    return [*rows, [t("agreement_overall", lang), _alpha(report.alpha_overall, lang)]]


def _scores(d: Divergent, lang: str) -> str:
    return ", ".join(f"{a} {figure('value', v, lang)}" for a, v in d.scores.items())


def _notes(d: Divergent) -> str:
    return "; ".join(f"{a}: {note}" for a, note in d.notes.items())


def _divergent_rows(report: Agreement, lang: str) -> list[list[str]]:
    return [
        [
            report.candidates.get(d.candidate, d.candidate),
            report.criteria.criterion(d.criterion).text(lang),
            figure("value", d.spread, lang),
            _scores(d, lang),
            _notes(d),
        ]
        for d in report.divergent
    ]


def _footer(report: Agreement, lang: str) -> list[str]:
    lines = [t("agreement_kendall", lang, w=_alpha(report.kendall_w, lang), count=report.kendall_candidates)]
    if len(report.rounds) > 1:
        lines.append(t("agreement_rounds", lang))
        lines += [
            tn("agreement_round", r.assessors, lang, round=r.round, alpha=_alpha(r.alpha, lang)) for r in report.rounds
        ]
    lines.append(t("agreement_legend", lang))
    return lines


def _divergent_head(report: Agreement, lang: str) -> str:
    if not report.divergent:
        return t("agreement_no_divergent", lang)
    return t("agreement_divergent", lang, shown=len(report.divergent), total=report.divergent_total)


def agreement_table(report: Agreement, options: RenderOptions) -> str:
    """Assessors (completeness, deviation), alpha per criterion, the divergent pairs, then W, rounds and legend."""
    lang = options.lang
    buffer = io.StringIO()
    console = make_console(options, buffer)
    console.print(plain(t("agreement_title", lang, round=report.round), style="bold"))
    people = columns_table(
        [
            (t("agreement_assessor", lang), False, 0),
            (t("agreement_scored", lang), True, 8),
            (t("agreement_deviation", lang), True, 9),
        ]
    )
    for row in _assessor_rows(report, lang):
        people.add_row(*(plain(cell) for cell in row))
    console.print(people)
    alphas = columns_table([(t("criterion", lang), False, 0), (t("agreement_alpha", lang), True, 9)])
    for row in _criterion_rows(report, lang):
        alphas.add_row(*(plain(cell) for cell in row))
    console.print(alphas)
    console.print(plain(_divergent_head(report, lang), style="bold"))
    if report.divergent:
        pairs = columns_table(
            [
                (t("candidate", lang), False, 0),
                (t("criterion", lang), False, 0),
                (t("agreement_spread", lang), True, 6),
                (t("agreement_scores", lang), False, 0),
                (t("agreement_notes", lang), False, 0),
            ]
        )
        for row in _divergent_rows(report, lang):
            pairs.add_row(*(plain(cell) for cell in row))
        console.print(pairs)
    for line in _footer(report, lang):
        console.print(plain(line, style="dim"))
    return finish(buffer, options)


def agreement_markdown(report: Agreement, options: RenderOptions) -> str:
    """The same sections as the table, ready to paste."""
    lang = options.lang
    lines = [f"## {md(t('agreement_title', lang, round=report.round))}", ""]
    heads = [t("agreement_assessor", lang), t("agreement_scored", lang), t("agreement_deviation", lang)]
    lines += [md_row(heads), "|:---|---:|---:|", *(md_row(r) for r in _assessor_rows(report, lang)), ""]
    lines += [md_row([t("criterion", lang), t("agreement_alpha", lang)]), "|:---|---:|"]
    lines += [*(md_row(r) for r in _criterion_rows(report, lang)), ""]
    lines += [f"### {md(_divergent_head(report, lang))}", ""]
    if report.divergent:
        heads = [
            t("candidate", lang),
            t("criterion", lang),
            t("agreement_spread", lang),
            t("agreement_scores", lang),
            t("agreement_notes", lang),
        ]
        lines += [md_row(heads), "|:---|:---|---:|:---|:---|", *(md_row(r) for r in _divergent_rows(report, lang)), ""]
    lines += [f"- {md(line)}" for line in _footer(report, lang)]
    return "\n".join(lines) + "\n"


def _item(report: Agreement, item: FeedbackItem, lang: str) -> list[str]:
    def value(x: float) -> str:
        return figure("value", x, lang)

    name = report.candidates.get(item.candidate, item.candidate)
    label = report.criteria.criterion(item.criterion).text(lang)
    lines = [f"## {md(name)} — {md(label)}", "", f"- {md(t('feedback_yours', lang, own=value(item.own)))}"]
    group = tn(
        "feedback_group",
        item.others,
        lang,
        median=value(item.median),
        q1=value(item.q1),
        q3=value(item.q3),
        low=value(item.low),
        high=value(item.high),
    )
    lines.append(f"- {md(group)}")
    if item.notes:
        lines.append(f"- {md(t('feedback_notes', lang))}")
        lines += [f"  - {md(note)}" for note in item.notes]
    return [*lines, ""]


def feedback_markdown(report: Agreement, assessor: str, lang: str = "en") -> str:
    """What ``assessor`` reads before the next round: their scores outside the group's IQR, the others anonymised."""
    lines = [f"# {md(t('feedback_title', lang, assessor=assessor, round=report.round))}", ""]
    items = report.feedback.get(assessor, ())
    lines += [md(t("feedback_intro" if items else "feedback_nothing", lang)), ""]
    for item in items:
        lines += _item(report, item, lang)
    return "\n".join(lines).rstrip("\n") + "\n"
