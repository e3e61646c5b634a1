"""The weights report for people (table, Markdown) and machines (JSON)."""

from __future__ import annotations

import io

from rich import box
from rich.table import Table
from rich.text import Text

from partnerfit.analysis.weights_report import WeightsReport
from partnerfit.i18n import t
from partnerfit.render import RenderOptions
from partnerfit.render.sanitize import json_dumps, md, md_row
from partnerfit.render.table import finish, make_console, plain


def weights_json(report: WeightsReport, options: RenderOptions | None = None) -> str:
    """The report document (the same in every language: ``options`` is not read)."""
    return json_dumps(report.to_dict()).decode()


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def _notes(report: WeightsReport, lang: str) -> list[str]:
    lines = []
    top = next((o for o in report.origins if not o.scope), None)
    if top is not None and top.method != "direct" and report.criteria.groups:
        how = f"ahp (CR {top.cr:.3f})" if top.method == "ahp" else top.method
        lines.append(t("group_weights_from", lang, how=how))
    for origin in report.origins:
        if origin.method == "ahp" and origin.inconsistent:
            scope = origin.scope or t("top_level", lang)
            worst = "; ".join(f"{j.first} vs {j.second}" for j in origin.worst[:3])
            lines.append(t("ahp_inconsistent", lang, scope=scope, cr=origin.cr or 0.0, worst=worst))
    flagged = [report.criteria.criterion(r.id).text(lang) for r in report.rows if r.barely_differs]
    if flagged:
        lines.append(t("barely_differ", lang, criteria=", ".join(flagged)))
    if report.note:
        lines.append(report.note)
    lines.append(t("weights_legend", lang, candidates=report.candidates))
    return lines


def weights_markdown(report: WeightsReport, options: RenderOptions) -> str:
    """A table ready to paste, then the notes."""
    lang = options.lang
    labels = {c.id: c.text(lang) for c in report.criteria.criteria}
    head = [t("criterion", lang), t("weight", lang).capitalize(), t("origin", lang), t("entropy", lang), "CRITIC"]
    lines = [md_row(head), "|:---|---:|:---|---:|---:|"]
    for r in report.rows:
        flag = " ⚠" if r.barely_differs else ""
        lines.append(md_row([labels[r.id] + flag, _pct(r.weight), r.origin, _pct(r.entropy), _pct(r.critic)]))
    lines.append("")
    lines += [f"- {md(line)}" for line in _notes(report, lang)]
    return "\n".join(lines) + "\n"


def weights_table(report: WeightsReport, options: RenderOptions) -> str:
    """Criteria with weight, origin and the data-driven weights, then the notes."""
    lang = options.lang
    buffer = io.StringIO()
    console = make_console(options, buffer)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 0))
    table.add_column(t("criterion", lang), min_width=14, ratio=1, overflow="fold")
    table.add_column(t("weight", lang).capitalize(), justify="right", min_width=6, no_wrap=True)
    table.add_column(t("origin", lang), min_width=8, no_wrap=True)
    table.add_column(t("entropy", lang), justify="right", min_width=7, no_wrap=True)
    table.add_column("CRITIC", justify="right", min_width=6, no_wrap=True)
    table.add_column("", min_width=1, no_wrap=True)
    for r in report.rows:
        label = report.criteria.criterion(r.id).text(lang)
        warn = Text("⚠", style="bold yellow") if r.barely_differs else ""
        table.add_row(plain(label), _pct(r.weight), r.origin, _pct(r.entropy), _pct(r.critic), warn)
    console.print(table)
    for line in _notes(report, lang):
        console.print(plain(line, style="dim"))
    return finish(buffer, options)
