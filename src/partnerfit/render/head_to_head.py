"""Candidates side by side, for people (table, Markdown) and machines (JSON)."""

from __future__ import annotations

import io

from rich import box
from rich.padding import Padding
from rich.table import Table

from partnerfit.analysis.head_to_head import HeadToHead, Row, Side
from partnerfit.engine.registry import additive
from partnerfit.i18n import t
from partnerfit.i18n.numerals import figure, percent
from partnerfit.render import RenderOptions
from partnerfit.render.common import colon, fmt_score, reasons_text, score_digits
from partnerfit.render.explain import evidence_text, raw
from partnerfit.render.sanitize import json_dumps, md, md_row
from partnerfit.render.table import finish, make_console, plain


def compare_json(h2h: HeadToHead, options: RenderOptions | None = None) -> str:
    """The comparison document (the same in every language: ``options`` is not read)."""
    return json_dumps(h2h.to_dict()).decode()


def _side(h2h: HeadToHead, side: Side, lang: str) -> str:
    shown = side.contribution if additive(h2h.result.method) else side.value
    return f"{raw(side.score, lang)} · {figure('points', shown, lang)}"


def letters(h2h: HeadToHead) -> dict[str, str]:
    """A, B, C… for each candidate compared, in the order given."""
    return {e.id: chr(ord("A") + k) if k < 26 else e.id for k, e in enumerate(h2h.entries)}


def _ahead(h2h: HeadToHead, row: Row, lang: str, names: dict[str, str]) -> str:
    if not row.ahead:
        return t("h2h_level", lang) if sum(s.value is not None for s in row.sides.values()) > 1 else "–"
    points = (
        f" ({figure('points', row.points, lang, signed=True)} {t('h2h_pts', lang)})" if row.points is not None else ""
    )
    return f"{' = '.join(names[cid] for cid in row.ahead)} +{raw(row.by, lang)}{points}"


def heading_lines(h2h: HeadToHead, lang: str, short: bool = False) -> list[str]:
    """Who is compared (with their letters when ``short``): rank, score, criteria led, and exclusions."""
    wins, marks = h2h.wins, letters(h2h)
    digits = score_digits(h2h.result.ranked)  # every output of a result shows its scores alike
    lines = [" vs ".join(e.name for e in h2h.entries)]
    for e in h2h.entries:
        place = t("h2h_rank", lang, rank=e.rank) if e.rank is not None else t("excluded", lang).lower()
        name = f"{marks[e.id]} = {e.name}" if short else e.name
        text = t("h2h_standing", lang, name=name, place=place, score=fmt_score(e.score, digits, lang), wins=wins[e.id])
        if e.excluded:
            text += f"{colon(lang)}{reasons_text(h2h.result, e, lang)}"
        lines.append(text)
    return lines


def swap_line(h2h: HeadToHead, lang: str) -> str:
    """The weight change that swaps the first two candidates, or why there is none."""
    first, second = h2h.entries[0], h2h.entries[1]
    swap = h2h.swap
    if swap is None:
        return t(f"h2h_swap_{h2h.swap_note or 'none'}", lang, a=first.name, b=second.name)
    names = {e.id: e.name for e in h2h.entries}
    label = h2h.result.criteria.criterion(swap.criterion).text(lang)
    overrides = ", ".join(f"{k}: {v:g}" for k, v in swap.overrides.items())
    return t(
        "h2h_swap",
        lang,
        passer=names[swap.passer],
        leader=names[swap.leader],
        criterion=label,
        old=percent(swap.weight, lang),
        new=percent(swap.new_weight, lang),
        overrides="{" + overrides + "}",
    )


def note_lines(h2h: HeadToHead, lang: str, names: dict[str, str]) -> list[str]:
    """The notes and evidence behind each compared score, criterion by criterion."""
    lines: list[str] = []
    sep = colon(lang)
    for row in h2h.rows:
        said = [
            f"{names[e.id]} {evidence_text(ev, lang)}"
            for e in h2h.entries
            for ev in row.sides[e.id].entries
            if ev.note or ev.evidence or ev.uncertainty is not None
        ]
        if said:
            lines.append(f"{h2h.result.criteria.criterion(row.id).text(lang)}{sep}")
            lines += [f"  {s}" for s in said]
    return [t("explain_notes_evidence", lang), *lines] if lines else []


def _legend(h2h: HeadToHead, lang: str) -> str:
    return t("h2h_legend_wsm" if additive(h2h.result.method) else "h2h_legend_other", lang, method=h2h.result.method)


def compare_markdown(h2h: HeadToHead, options: RenderOptions) -> str:
    """The comparison as Markdown: standings, a criterion table, the swap, the notes."""
    lang = options.lang
    head, names = heading_lines(h2h, lang), {e.id: e.name for e in h2h.entries}
    lines = [f"## {md(head[0])}", "", *(f"- {md(s)}" for s in head[1:]), ""]
    header = [
        t("criterion", lang),
        t("weight", lang).capitalize(),
        *(e.name for e in h2h.entries),
        t("h2h_ahead", lang),
    ]
    lines += [md_row(header), "|:---|---:|" + "---:|" * len(h2h.entries) + ":---|"]
    for row in h2h.rows:
        cells = [h2h.result.criteria.criterion(row.id).text(lang), percent(row.weight, lang)]
        cells += [_side(h2h, row.sides[e.id], lang) for e in h2h.entries] + [_ahead(h2h, row, lang, names)]
        lines.append(md_row(cells))
    lines += ["", f"*{md(_legend(h2h, lang))}*", "", f"- {md(swap_line(h2h, lang))}"]
    notes = note_lines(h2h, lang, names)
    lines += [f"- {md(s.strip())}" if not s.startswith("  ") else f"  - {md(s.strip())}" for s in notes]
    return "\n".join(lines) + "\n"


def compare_table(h2h: HeadToHead, options: RenderOptions) -> str:
    """The comparison for a terminal: one column per candidate, who is ahead, the swap and the notes."""
    lang = options.lang
    buffer = io.StringIO()
    console = make_console(options, buffer)
    head, marks = heading_lines(h2h, lang, short=True), letters(h2h)
    console.print(plain(head[0], style="bold"))
    for line in head[1:]:
        console.print(plain(line))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 1, 0, 0))
    table.add_column(t("criterion", lang), min_width=12, ratio=2, overflow="fold")
    table.add_column(t("weight", lang).capitalize(), justify="right", no_wrap=True)
    for e in h2h.entries:
        table.add_column(plain(marks[e.id]), justify="right", min_width=9, no_wrap=True)
    table.add_column(t("h2h_ahead", lang), min_width=10, ratio=2, overflow="fold")
    for row in h2h.rows:
        ahead = plain(_ahead(h2h, row, lang, marks), style="green" if row.ahead else "dim")
        sides = [_side(h2h, row.sides[e.id], lang) for e in h2h.entries]
        weight = percent(row.weight, lang)
        table.add_row(plain(h2h.result.criteria.criterion(row.id).text(lang)), weight, *sides, ahead)
    console.print(table)
    console.print(plain(_legend(h2h, lang), style="dim"))
    console.print(plain(swap_line(h2h, lang), style="bold"))
    for line in note_lines(h2h, lang, marks):
        console.print(Padding(plain(line.strip()), (0, 0, 0, 2)) if line.startswith("  ") else plain(line))
    return finish(buffer, options)
