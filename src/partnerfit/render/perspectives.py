"""Stakeholder perspectives for people (table, Markdown) and machines (JSON): ranks per role, who disagrees."""

from __future__ import annotations

import io

from rich import box
from rich.table import Table

from partnerfit.analysis.perspectives import Perspective, Perspectives
from partnerfit.i18n import t
from partnerfit.i18n.numerals import count, figure
from partnerfit.render import RenderOptions
from partnerfit.render.sanitize import json_dumps, md, md_row
from partnerfit.render.table import finish, make_console, plain

NONE = "—"  # an excluded candidate has no rank


def perspectives_json(report: Perspectives, options: RenderOptions | None = None) -> str:
    """The ``perspectives`` document (the same in every language: ``options`` is not read)."""
    return json_dumps(report.to_dict()).decode()


def _rank(value: int | None, lang: str) -> str:
    return NONE if value is None else count(value, lang)


def rows(report: Perspectives, lang: str) -> list[list[str]]:
    """One row per candidate, in the compromise's order: its name, its rank in the compromise, then per role."""
    return [
        [name, _rank(report.compromise.ranks.get(cid), lang), *(_rank(p.ranks.get(cid), lang) for p in report.roles)]
        for cid, name in report.candidates.items()
    ]


def heads(report: Perspectives, lang: str) -> list[str]:
    """The column titles: candidate, compromise, then each role."""
    return [t("candidate", lang), t("perspectives_compromise", lang), *(p.role for p in report.roles)]


def verdicts(report: Perspectives, lang: str) -> list[str]:
    """For each role: whether its leader and top 3 differ from the compromise's, and by how much."""
    name = report.candidates.get
    lines = [t("perspectives_basis", lang)]
    for p in report.roles:
        role = _who(p)
        if p.leader is None:
            lines.append(t("perspectives_none", lang, role=role))
            continue
        if not p.leader_differs:
            lines.append(t("perspectives_same_leader", lang, role=role, leader=name(p.leader, p.leader)))
        else:
            pick = report.compromise.leader or ""
            lines.append(
                t(
                    "perspectives_other_leader",
                    lang,
                    role=role,
                    leader=name(p.leader, p.leader),
                    pick=name(pick, pick),
                    rank=_rank(p.compromise_rank, lang),
                    gap=figure("points", p.gap, lang),
                )
            )
        if p.top_missing:
            lacks = ", ".join(name(c, c) for c in p.top_missing)
            lines.append(t("perspectives_top_differs", lang, role=p.role, missing=lacks))
        else:
            lines.append(t("perspectives_top_same", lang, role=p.role))
    return lines


def _who(p: Perspective) -> str:
    return f"{p.role} ({', '.join(p.assessors)})" if p.assessors else p.role


def perspectives_table(report: Perspectives, options: RenderOptions) -> str:
    """The ranks side by side, then who would disagree with which pick."""
    lang = options.lang
    title = t("perspectives_title", lang)
    return side_by_side_table(title, heads(report, lang), rows(report, lang), verdicts(report, lang), options)


def side_by_side_table(
    title: str, titles: list[str], cells: list[list[str]], lines: list[str], options: RenderOptions
) -> str:
    """Ranks under several weight sets side by side (perspectives, scenarios), then one line per verdict."""
    buffer = io.StringIO()
    console = make_console(options, buffer)
    console.print(plain(title, style="bold"))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 1))
    for i, head in enumerate(titles):
        if i:  # role names wrap rather than widen the table past 80 columns
            table.add_column(head, justify="right", min_width=4, overflow="fold")
        else:
            table.add_column(head, min_width=10, ratio=1, overflow="fold")
    for row in cells:
        table.add_row(*(plain(cell) for cell in row))
    console.print(table)
    for line in lines:
        console.print(plain(line))
    return finish(buffer, options)


def perspectives_markdown(report: Perspectives, options: RenderOptions) -> str:
    """The same as the table, ready to paste."""
    lang = options.lang
    titles = heads(report, lang)
    lines = [f"## {md(t('perspectives_title', lang))}", "", md_row(titles), "|:---|" + "---:|" * (len(titles) - 1)]
    lines += [*(md_row(r) for r in rows(report, lang)), ""]
    lines += [f"- {md(line)}" for line in verdicts(report, lang)]
    return "\n".join(lines) + "\n"
