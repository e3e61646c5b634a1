"""One candidate explained, for people (table with contribution bars, Markdown) and machines (JSON)."""

from __future__ import annotations

import io
import math

from rich import box
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from partnerfit.analysis.explain import CriterionExplanation, Evidence, Explanation, Target
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.models import label_text
from partnerfit.engine.registry import additive
from partnerfit.i18n import t
from partnerfit.i18n.numerals import PRECISION, figure, number, percent
from partnerfit.render import RenderOptions
from partnerfit.render.common import colon, fmt_score, reasons_text, score_digits
from partnerfit.render.sanitize import json_dumps, md, md_row
from partnerfit.render.table import finish, make_console, plain, score_bar
from partnerfit.result.model import CandidateResult


def explain_json(explanation: Explanation, options: RenderOptions | None = None) -> str:
    """The explanation document (the same in every language: ``options`` is not read)."""
    return json_dumps(explanation.to_dict()).decode()


def raw(value: float | None, lang: str = "en") -> str:
    """A score on its own scale as written: whole numbers plainly, others to two decimals at most."""
    return figure("value", value, lang)


def signed(value: float | None, digits: int = PRECISION["points"], lang: str = "en") -> str:
    """A difference with its sign."""
    return number(value, lang, digits, signed=True)


def target_text(target: Target, current: float | None, criteria: CriteriaSet, criterion: str, lang: str) -> str:
    """What a criterion needs: ``4 → 4.26 (whole: 5)``, or why it cannot get there."""
    if target.status != "reachable" or target.score is None:
        key = f"explain_target_{target.status}" + (f"_{target.limit}" if target.limit else "")
        return t(key, lang)
    lower = criteria.criterion(criterion).direction == "lower"
    # rounded towards the better end, so that the figure shown still lifts the candidate
    shown = math.floor(target.score * 100 + 1e-9) / 100 if lower else math.ceil(target.score * 100 - 1e-9) / 100
    text = f"{raw(current, lang)} → {raw(shown, lang)}"
    if target.whole is not None and abs(target.whole - shown) > 1e-9:
        text += f" ({t('explain_target_whole', lang, whole=raw(target.whole, lang))})"
    return text


def evidence_text(entry: Evidence, lang: str) -> str:
    """``(amina 4 ±1): note — evidence: ref`` in one line."""
    head = f"{entry.assessor} {raw(entry.score, lang)}" if entry.assessor else raw(entry.score, lang)
    if entry.uncertainty is not None:
        head += f" ±{raw(entry.uncertainty, lang)}"
    parts = [entry.note] if entry.note else []
    if entry.evidence:
        parts.append(f"{t('explain_evidence', lang)}{colon(lang)}{', '.join(entry.evidence)}")
    return f"({head})" + (f"{colon(lang)}{' — '.join(parts)}" if parts else "")


def same(a: CandidateResult | None, b: CandidateResult | None) -> bool:
    """Whether two entries are the same candidate."""
    return a is not None and b is not None and a.id == b.id


def _other(key: str, entry: CandidateResult, gap: float, lang: str, digits: int) -> str:
    return t(
        key, lang, name=entry.name, score=fmt_score(entry.score, digits, lang), gap=figure("points", abs(gap), lang)
    )


def summary_lines(x: Explanation, lang: str) -> list[str]:
    """Heading, the candidates above and at the top, exclusion and how to pass it, method note."""
    e, result = x.entry, x.result
    labels = {c.id: c.text(lang) for c in result.criteria.criteria}
    digits = score_digits(result.ranked)  # every output of a result shows its scores alike
    if e.rank is None:
        lines = [t("explain_excluded_heading", lang, name=e.name, score=fmt_score(e.score, digits, lang))]
        lines.append(t("explain_excluded", lang, reasons=reasons_text(result, e, lang)))
        for cid, bound in x.fixes.items():
            reason = next(r for r in e.reasons if r.subject == cid)
            lines.append(
                t(
                    f"explain_fix_{reason.code}",
                    lang,
                    criterion=labels[cid],
                    bound=raw(bound, lang),
                    value=raw(reason.value, lang),
                )
            )
        if x.would_rank is not None:
            lines.append(t("explain_would_rank", lang, rank=x.would_rank))
        if any(r.code == "gate" for r in e.reasons):
            lines.append(t("explain_gate_cannot", lang))
    else:
        heading = t("explain_heading", lang, name=e.name, rank=e.rank, count=len(result.ranked))
        lines = [f"{heading} · {t('score', lang).lower()} {fmt_score(e.score, digits, lang)} ({result.method})"]
    score = e.score or 0.0
    if x.above is not None and not same(x.above, x.leader):
        lines.append(_other("explain_above", x.above, (x.above.score or 0.0) - score, lang, digits))
    if x.versus is not None and same(x.versus, x.leader):
        lines.append(_other("explain_leader", x.versus, (x.versus.score or 0.0) - score, lang, digits))
    elif x.versus is not None:
        lines.append(_other("explain_runner_up", x.versus, score - (x.versus.score or 0.0), lang, digits))
    if e.coverage < 1 - 1e-9:
        lines.append(t("explain_coverage", lang, coverage=percent(e.coverage, lang, PRECISION["coverage"])))
    if additive(result.method):
        lines.append(t("explain_additive", lang, score=fmt_score(e.score, digits, lang)))
    else:
        details = ", ".join(f"{k} {figure('ratio', v, lang)}" for k, v in e.details.items() if v is not None)
        lines.append(t("explain_not_additive", lang, method=result.method) + (f" ({details})" if details else ""))
        lines.append(t("explain_wsm_only", lang))
    return lines


def detail_lines(x: Explanation, lang: str) -> list[str]:
    """Strengths, weaknesses, disagreements, notes and evidence, knock-outs and gates."""
    labels = {c.id: c.text(lang) for c in x.result.criteria.criteria}
    sep, nothing = colon(lang), t("explain_none", lang)
    lines = [
        f"{t('explain_strengths', lang)}{sep}{', '.join(labels[c] for c in x.strengths) or nothing}",
        f"{t('explain_weaknesses', lang)}{sep}{', '.join(labels[c] for c in x.weaknesses) or nothing}",
    ]
    for c in x.criteria:
        if c.disagreement:
            given = ", ".join(f"{ev.assessor} {raw(ev.score, lang)}" for ev in c.entries)
            lines.append(
                t("explain_disagreement_on", lang, criterion=labels[c.id], spread=raw(c.spread, lang), scores=given)
            )
    noted = [c for c in x.criteria if any(ev.note or ev.evidence or ev.uncertainty is not None for ev in c.entries)]
    if noted:
        lines.append(t("explain_notes_evidence", lang))
        for c in noted:
            lines += [f"  {labels[c.id]} {evidence_text(ev, lang)}" for ev in c.entries]
    bounded = [c for c in x.criteria if c.knockout is not None]
    if bounded:
        lines.append(
            f"{t('explain_knockouts', lang)}{sep}" + "; ".join(_bound_text(x, c, labels, lang) for c in bounded)
        )
    if x.gates:
        answers = {True: t("explain_gate_yes", lang), False: t("no", lang), None: t("explain_gate_unanswered", lang)}
        gates = x.result.criteria.gates
        said = "; ".join(f"{label_text(gates[g].label, lang, g)} {answers[a]}" for g, a in x.gates.items())
        lines.append(f"{t('explain_gates_heading', lang)}{sep}{said}")
    return lines


def _bound_text(x: Explanation, c: CriterionExplanation, labels: dict[str, str], lang: str) -> str:
    criterion = x.result.criteria.criterion(c.id)
    bounds = [f"≥ {raw(criterion.minimum, lang)}"] if criterion.minimum is not None else []
    bounds += [f"≤ {raw(criterion.maximum, lang)}"] if criterion.maximum is not None else []
    status = t(f"explain_ko_{c.knockout or 'pass'}", lang)
    return f"{labels[c.id]} {' '.join(bounds)}{colon(lang)}{raw(c.score, lang)} {status}"


def _heads(x: Explanation, lang: str) -> list[str]:
    """Column headings of the what-it-would-take part: passing the one above, and leading."""
    if x.entry.rank is None or x.above is None or not additive(x.result.method):
        return []
    return (
        [t("explain_to_first", lang)]
        if same(x.above, x.leader)
        else [t("explain_one_up", lang), t("explain_to_first", lang)]
    )


def _targets(x: Explanation, c: CriterionExplanation, lang: str) -> list[str]:
    targets = [c.next] if same(x.above, x.leader) else [c.next, c.first]
    return [target_text(g, c.score, x.result.criteria, c.id, lang) for g in targets[: len(_heads(x, lang))]]


def _columns(x: Explanation, lang: str) -> list[str]:
    versus = "explain_vs_leader" if same(x.versus, x.leader) else "explain_vs_runner_up"
    points = t("explain_points", lang) if additive(x.result.method) else "v"
    return [
        t("criterion", lang),
        t("weight", lang).capitalize(),
        t("score", lang),
        points,
        t("explain_vs_median", lang),
        t(versus, lang),
    ]


def _cells(x: Explanation, c: CriterionExplanation, lang: str) -> list[str]:
    shown = c.contribution if additive(x.result.method) else c.value
    versus = (c.value - c.versus_value) if c.value is not None and c.versus_value is not None else None
    median = (c.value - c.median) if c.value is not None and c.median is not None else None
    points = figure("points", shown, lang)
    return [percent(c.weight, lang), raw(c.score, lang), points, signed(median, lang=lang), signed(versus, lang=lang)]


def explain_markdown(x: Explanation, options: RenderOptions) -> str:
    """The explanation as Markdown: summary, a table per criterion, what it would take, the details."""
    lang = options.lang
    labels = {c.id: c.text(lang) for c in x.result.criteria.criteria}
    heads = _heads(x, lang)
    lines = [f"## {md(summary_lines(x, lang)[0])}", ""] + [f"- {md(s)}" for s in summary_lines(x, lang)[1:]] + [""]
    header = _columns(x, lang) + heads
    lines += [md_row(header), "|:---|" + "---:|" * 5 + ":---|" * len(heads)]
    for c in x.criteria:
        lines.append(md_row([labels[c.id], *_cells(x, c, lang), *_targets(x, c, lang)]))
    if heads:
        lines += ["", f"*{t('explain_what_it_takes', lang)}*"]
    lines += [""] + [
        f"- {md(s.strip())}" if not s.startswith("  ") else f"  - {md(s.strip())}" for s in detail_lines(x, lang)
    ]
    return "\n".join(lines) + "\n"


def explain_table(x: Explanation, options: RenderOptions, bar: int = 10) -> str:
    """The explanation for a terminal: contribution bars sorted largest first, then the details."""
    lang = options.lang
    buffer = io.StringIO()
    console = make_console(options, buffer)
    summary = summary_lines(x, lang)
    console.print(plain(summary[0], style="bold"))
    for line in summary[1:]:
        console.print(plain(line, style="dim" if line is summary[-1] else ""))
    heads = _heads(x, lang)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 1, 0, 0))
    names = _columns(x, lang)
    table.add_column(names[0], min_width=12, ratio=2, overflow="fold")
    for name in names[1:3]:
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column(names[3], min_width=6 + bar, no_wrap=True)
    for name in names[4:]:
        table.add_column(name, justify="right", no_wrap=True)
    for name in heads:
        table.add_column(name, ratio=1, overflow="fold")
    wsm = additive(x.result.method)
    weight = sum(c.weight for c in x.criteria if c.value is not None) or 1.0
    most = max((c.weight for c in x.criteria), default=1.0) * 100 / weight  # the largest contribution possible
    for c in x.criteria:
        cells = _cells(x, c, lang)
        filled = (c.contribution or 0.0) / most * 100 if wsm else (c.value or 0.0) * 100
        part = Text(f"{cells[2]:>5} ")
        part.append(score_bar(filled, bar), style="green")
        label = plain(x.result.criteria.criterion(c.id).text(lang) + (" ⚠" if c.disagreement else ""))
        table.add_row(label, cells[0], cells[1], part, cells[3], cells[4], *_targets(x, c, lang))
    console.print(table)
    if heads:
        console.print(Text(t("explain_what_it_takes", lang), style="dim"))
    for line in detail_lines(x, lang):
        console.print(Padding(plain(line.strip()), (0, 0, 0, 2)) if line.startswith("  ") else plain(line))
    return finish(buffer, options)
