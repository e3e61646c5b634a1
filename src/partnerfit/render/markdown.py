"""Markdown output: a ranking table ready to paste, excluded candidates, the footer."""

from __future__ import annotations

from partnerfit.i18n import t, tn
from partnerfit.i18n.numerals import PRECISION, figure, percent
from partnerfit.render import RenderOptions
from partnerfit.render.common import (
    colon,
    fmt_score,
    footer_lines,
    group_columns,
    reasons_text,
    score_digits,
)
from partnerfit.render.consensus import consensus_lines
from partnerfit.render.sanitize import md, md_row
from partnerfit.result.model import Result


def render_markdown(result: Result, options: RenderOptions) -> str:
    """The ranking as GitHub-flavoured Markdown."""
    lang = options.lang
    groups = group_columns(result, lang)
    lines: list[str] = []
    if result.title:
        lines += [f"## {md(result.title)}", ""]
    if result.objective:
        lines += [f"**{t('objective', lang)}**{colon(lang)}{md(result.objective)}", ""]
    ranked = result.ranked
    shown = ranked[: options.top] if options.top is not None else ranked
    show_coverage = any(c.coverage < 1 - 1e-9 for c in shown)
    header = [t("rank", lang), t("candidate", lang), t("score", lang), *(label for _, label in groups)]
    if show_coverage:
        header.append(t("coverage", lang))
    lines.append(md_row(header))
    lines.append(
        "|"
        + "|".join(
            [
                "---:",
                ":---",
                "---:",
                *(["---:"] * len(groups)),
                *(["---:"] if show_coverage else []),
            ]
        )
        + "|"
    )
    digits = score_digits(ranked)  # every output of a result shows its scores alike
    for entry in shown:
        flag = " ⚠" if entry.disagreement else ""
        row = [
            str(entry.rank),
            entry.name + flag,
            fmt_score(entry.score, digits, lang),
            *(figure("group", entry.groups.get(g), lang) for g, _ in groups),
        ]
        if show_coverage:
            row.append(percent(entry.coverage, lang, PRECISION["coverage"]))
        lines.append(md_row(row))
    if len(shown) < len(ranked):
        lines += ["", tn("more_not_shown", len(ranked) - len(shown), lang, top=options.top)]
    excluded = result.excluded
    if excluded and options.top is None:
        lines += [
            "",
            f"**{t('excluded', lang)}**",
            "",
            f"| {t('candidate', lang)} | {t('score', lang)} | {t('reasons', lang)} |",
            "|:---|---:|:---|",
        ]
        lines += [md_row([e.name, fmt_score(e.score, digits, lang), reasons_text(result, e, lang)]) for e in excluded]
    elif excluded:
        lines += ["", tn("excluded_not_shown", len(excluded), lang)]
    lines.append("")
    shown_all = [*shown, *(result.excluded if options.top is None else ())]
    lines += [
        f"  - {md(line.strip())}" if line.startswith("  ") else f"- {md(line)}"
        for line in [*footer_lines(result, lang, shown_all), *consensus_lines(result, lang)]
    ]
    return "\n".join(lines) + "\n"
