"""The team document for people (table, Markdown) and machines (JSON): members, coverage, alternatives, core indexes."""

from __future__ import annotations

import io

from rich.table import Table

from partnerfit.i18n import t, tn
from partnerfit.i18n.numerals import figure, percent
from partnerfit.render import RenderOptions
from partnerfit.render.common import colon
from partnerfit.render.sanitize import json_dumps, md, md_row
from partnerfit.render.table import columns_table, finish, make_console, plain
from partnerfit.render.team_words import (
    TeamView,
    amount,
    criterion,
    klass,
    name,
    objective,
    requirement,
    state,
    team_line,
    tie_rule,
    why_lines,
)


def team_json(view: TeamView, options: RenderOptions | None = None) -> str:
    """FORMAT.md's team document (the same in every language: ``options`` is not read)."""
    return json_dumps(view.result.to_dict()).decode() + "\n"


def headline(view: TeamView, lang: str) -> str:
    """The team's size and value."""
    best = view.result.best
    return tn("team_headline", best.size, lang, value=figure("points", best.value, lang))


def member_heads(lang: str) -> list[str]:
    """The members table's headings."""
    return ["#", t("team_member", lang), t("score", lang), t("team_cost", lang), t("team_brings", lang)]


def member_rows(view: TeamView, lang: str) -> list[list[str]]:
    """One row per member: number, name, score, cost, the covers it meets then its strongest criteria."""
    rows = []
    for index, m in enumerate(view.result.members, 1):
        covers = ", ".join(criterion(view, c, lang) for c in m.covers)
        best = ", ".join(criterion(view, c, lang) for c in m.best)
        brings = t("team_brings_covers", lang, covers=covers) if covers else ""
        strongest = t("team_brings_best", lang, best=best) if best else ""
        rows.append(
            [
                str(index),
                m.name,
                figure("score", m.score, lang),
                amount(m.cost, lang),
                "; ".join(x for x in (brings, strongest) if x) or "–",
            ]
        )
    return rows


def coverage_heads(view: TeamView, lang: str) -> list[str]:
    """The coverage matrix's headings: the requirement, one numbered column per member, the status."""
    return [t("team_requirement", lang), *(str(i) for i in range(1, len(view.result.members) + 1)), t("team_met", lang)]


def coverage_rows(view: TeamView, lang: str) -> list[list[str]]:
    """Every constraint: a ✓ under each member that counts toward it, and whether the team meets it."""
    ids = [m.id for m in view.result.members]
    return [
        [requirement(view, c, lang), *("✓" if cid in c.by else "" for cid in ids), state(c, lang)]
        for c in view.result.constraints
    ]


def summary_lines(view: TeamView, lang: str) -> list[str]:
    """Value, budget used and the tie rule."""
    result = view.result
    lines = [t("team_value", lang, value=figure("points", result.best.value, lang), objective=objective(result, lang))]
    if result.budget is not None and result.best.cost is not None:
        share = percent(result.best.cost / result.budget, lang) if result.budget else "–"
        used = amount(result.best.cost, lang)
        lines.append(t("team_budget_used", lang, used=used, budget=amount(result.budget, lang), share=share))
    lines.append(f"{t('team_tie_heading', lang)}{colon(lang)}{tie_rule(result, lang)}")
    return lines


def alternative_heads(lang: str) -> list[str]:
    """The alternatives table's headings."""
    return [
        "#",
        t("team_members", lang),
        t("team_value_head", lang),
        t("team_difference", lang),
        t("team_changes", lang),
    ]


def alternative_rows(view: TeamView, lang: str) -> list[list[str]]:
    """The next-best teams, with what changes from the best one."""
    rows = []
    for index, alt in enumerate(view.result.alternatives, 1):
        changes = [f"+ {name(view, c)}" for c in alt.added] + [f"− {name(view, c)}" for c in alt.removed]
        rows.append(
            [
                str(index),
                team_line(view, alt.team, lang),
                figure("points", alt.team.value, lang),
                figure("points", alt.difference, lang, signed=True),
                ", ".join(changes),
            ]
        )
    return rows


def core_heads(lang: str) -> list[str]:
    """The core index table's headings."""
    return [t("candidate", lang), t("team_core_index", lang), t("team_class", lang)]


def core_rows(view: TeamView, lang: str) -> list[list[str]]:
    """Every ranked candidate by core index, highest first."""
    result = view.result
    order = sorted(result.core_index, key=lambda c: (-result.core_index[c], c))
    classes = result.classes
    return [[name(view, c), percent(result.core_index[c], lang), klass(classes[c], lang)] for c in order]


def core_note(view: TeamView, lang: str) -> str:
    """How the core indexes were sampled."""
    return t("team_core_note", lang, samples=view.result.samples, seed=view.result.seed)


def _filled(table: Table, rows: list[list[str]]) -> Table:
    for row in rows:
        table.add_row(*(plain(cell) for cell in row))
    return table


def team_table(view: TeamView, options: RenderOptions) -> str:
    """Members, the coverage matrix, value and budget, the tie rule, alternatives, core indexes and any --why answer."""
    lang, result = options.lang, view.result
    buffer = io.StringIO()
    console = make_console(options, buffer)
    console.print(plain(headline(view, lang), style="bold"))
    heads = member_heads(lang)
    spec = [(heads[0], True, 1), (heads[1], False, 0), (heads[2], True, 5), (heads[3], True, 4), (heads[4], False, 0)]
    console.print(_filled(columns_table(spec), member_rows(view, lang)))
    console.print()
    heads = coverage_heads(view, lang)
    spec = [(heads[0], False, 0), *((h, False, 1) for h in heads[1:-1]), (heads[-1], False, 3)]
    console.print(_filled(columns_table(spec), coverage_rows(view, lang)))
    console.print()
    for line in summary_lines(view, lang):
        console.print(plain(line))
    if result.alternatives:
        console.print()
        console.print(plain(t("team_alternatives", lang), style="bold"))
        heads = alternative_heads(lang)
        spec = [
            (heads[0], True, 1),
            (heads[1], False, 0),
            (heads[2], True, 6),
            (heads[3], True, 6),
            (heads[4], False, 0),
        ]
        console.print(_filled(columns_table(spec), alternative_rows(view, lang)))
    if result.core_index:
        console.print()
        console.print(plain(t("team_robustness", lang), style="bold"))
        heads = core_heads(lang)
        console.print(
            _filled(
                columns_table([(heads[0], False, 0), (heads[1], True, 6), (heads[2], False, 10)]), core_rows(view, lang)
            )
        )
        console.print(plain(core_note(view, lang), style="dim"))
    if result.why is not None:
        console.print()
        console.print(plain(t("team_why_heading", lang, name=name(view, result.why.candidate)), style="bold"))
        for line in why_lines(view, result.why, lang):
            console.print(plain(line))
    return finish(buffer, options)


def _md_table(heads: list[str], align: str, rows: list[list[str]]) -> list[str]:
    return [md_row(heads), align, *(md_row(r) for r in rows), ""]


def team_markdown_lines(view: TeamView, lang: str, level: int = 2) -> list[str]:
    """The team's sections in Markdown, headed at ``level`` (the report embeds them one level down)."""
    result, hashes = view.result, "#" * level
    lines = [f"{hashes} {md(headline(view, lang))}", ""]
    lines += _md_table(member_heads(lang), "|---:|:---|---:|---:|:---|", member_rows(view, lang))
    lines += [f"{hashes}# {md(t('team_coverage', lang))}", ""]
    heads = coverage_heads(view, lang)
    align = "|:---|" + ":---:|" * (len(heads) - 2) + ":---|"
    lines += _md_table(heads, align, coverage_rows(view, lang))
    lines += [f"- {md(line)}" for line in summary_lines(view, lang)] + [""]
    if result.alternatives:
        lines += [f"{hashes}# {md(t('team_alternatives', lang))}", ""]
        lines += _md_table(alternative_heads(lang), "|---:|:---|---:|---:|:---|", alternative_rows(view, lang))
    if result.core_index:
        lines += [f"{hashes}# {md(t('team_robustness', lang))}", ""]
        lines += _md_table(core_heads(lang), "|:---|---:|:---|", core_rows(view, lang))
        lines += [md(core_note(view, lang)), ""]
    if result.why is not None:
        lines += [f"{hashes}# {md(t('team_why_heading', lang, name=name(view, result.why.candidate)))}", ""]
        lines += [f"- {md(line)}" for line in why_lines(view, result.why, lang)] + [""]
    return lines


def team_markdown(view: TeamView, options: RenderOptions) -> str:
    """The same sections as the table, ready to paste."""
    return "\n".join(team_markdown_lines(view, options.lang)).rstrip("\n") + "\n"
