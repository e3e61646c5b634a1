"""The weights report for people (table, Markdown) and machines (JSON)."""

from __future__ import annotations

import io
import re

from rich import box
from rich.table import Table
from rich.text import Text

from partnerfit.analysis.weights_report import CriterionWeight, WeightsReport
from partnerfit.contract.weighting import WeightOrigin
from partnerfit.i18n import t, tn
from partnerfit.i18n.numerals import PRECISION, figure, percent
from partnerfit.render import RenderOptions
from partnerfit.render.sanitize import json_dumps, md, md_row
from partnerfit.render.table import finish, make_console, plain


def weights_json(report: WeightsReport, options: RenderOptions | None = None) -> str:
    """The report document (the same in every language: ``options`` is not read)."""
    return json_dumps(report.to_dict()).decode()


def _pct(value: float | None, lang: str) -> str:
    return percent(value, lang, PRECISION["weight"])


def _weights(report: WeightsReport, r: CriterionWeight, lang: str) -> list[str]:
    return [_pct(r.weight, lang), _origin(report, r, lang), _pct(r.entropy, lang), _pct(r.critic, lang)]


def _origin(report: WeightsReport, r: CriterionWeight, lang: str) -> str:
    """Where the weight comes from, in ``lang`` (the row's ``origin`` is the English of the JSON document)."""
    criteria = report.criteria
    group = criteria.criterion(r.id).group or ""
    origin = next((o for o in report.origins if o.scope == group), None)
    if origin is None or origin.method == "direct":
        how = t("weighting_direct", lang)
    elif origin.method == "ahp":
        how = f"ahp (CR {figure('ratio', origin.cr, lang)})"
    else:
        how = origin.method
    if r.id in criteria.overrides or group in criteria.overrides:
        how += f" ({t('xlsx_overridden', lang)})"
    return how


# Goepel's word scale for the AHP consensus S* (AHP-OS): below 50 % very low, then steps of 12.5 %
_CONSENSUS_WORDS = ((0.875, "very_high"), (0.75, "high"), (0.625, "moderate"), (0.5, "low"), (-1.0, "very_low"))


def _participants(report: WeightsReport, origin: WeightOrigin, lang: str) -> list[str]:
    """The group judgements of one scope: how many people, their consensus, each one's weights and CR."""
    if not origin.participants or origin.consensus is None:
        return []
    scope = _scope_label(report, origin.scope, lang)
    word = next(w for limit, w in _CONSENSUS_WORDS if origin.consensus >= limit)
    lines = [
        tn(
            "weights_participants",
            len(origin.participants),
            lang,
            scope=scope,
            consensus=percent(origin.consensus, lang, 1),
            word=t(f"weights_consensus_{word}", lang),
        )
    ]
    for p in origin.participants:
        shares = ", ".join(f"{_item_label(report, k, lang)} {_pct(v, lang)}" for k, v in p.weights.items())
        lines.append(f"  {p.id}: {shares} (CR {figure('ratio', p.cr, lang)})")
        if p.inconsistent and p.worst:
            w = p.worst[0]
            lines.append("  " + t("weights_participant_revisit", lang, who=p.id, first=w.first, second=w.second))
    return lines


def _scope_label(report: WeightsReport, scope: str, lang: str) -> str:
    return _item_label(report, scope, lang) if scope else t("top_level", lang)


def _item_label(report: WeightsReport, item: str, lang: str) -> str:
    group = next((g for g in report.criteria.groups if g.id == item), None)
    return group.text(lang) if group is not None else report.criteria.criterion(item).text(lang)


# the analysis words its note in English (the JSON document's); shown to people, it is worded again here
_PARTIAL = re.compile(r"^entropy and CRITIC use the (\d+) candidates scored on every criterion$")
_TOO_FEW = "entropy and CRITIC need at least two eligible candidates scored on every criterion"


def _note(note: str, lang: str) -> str:
    partial = _PARTIAL.match(note)
    if partial:
        return tn("weights_note_partial", int(partial.group(1)), lang)
    return t("weights_note_too_few", lang) if note == _TOO_FEW else note


def _notes(report: WeightsReport, lang: str) -> list[str]:
    lines = []
    top = next((o for o in report.origins if not o.scope), None)
    if top is not None and top.method != "direct" and report.criteria.groups:
        how = f"ahp (CR {figure('ratio', top.cr, lang)})" if top.method == "ahp" else top.method
        lines.append(t("group_weights_from", lang, how=how))
    for origin in report.origins:
        if origin.method == "ahp" and origin.inconsistent:
            scope = origin.scope or t("top_level", lang)
            worst = "; ".join(f"{j.first} vs {j.second}" for j in origin.worst[:3])
            lines.append(t("ahp_inconsistent", lang, scope=scope, cr=origin.cr or 0.0, worst=worst))
    for origin in report.origins:
        lines += _participants(report, origin, lang)
    flagged = [report.criteria.criterion(r.id).text(lang) for r in report.rows if r.barely_differs]
    if flagged:
        lines.append(t("barely_differ", lang, criteria=", ".join(flagged)))
    if report.note:
        lines.append(_note(report.note, lang))
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
        lines.append(md_row([labels[r.id] + flag, *_weights(report, r, lang)]))
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
        table.add_row(plain(label), *_weights(report, r, lang), warn)
    console.print(table)
    for line in _notes(report, lang):
        console.print(plain(line, style="dim"))
    return finish(buffer, options)
