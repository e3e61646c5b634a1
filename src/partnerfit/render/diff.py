"""The diff of two candidates files (or two criteria sets) as a table, as Markdown for a pull request, as JSON."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table

from partnerfit.analysis.diff import ProjectDiff
from partnerfit.analysis.diff_criteria import CriteriaSetsDiff
from partnerfit.i18n import t
from partnerfit.render import RenderOptions
from partnerfit.render.diff_parts import (
    AnyDiff,
    _candidate_lines,
    _counts_line,
    _criteria_lines,
    _Grid,
    _md_table,
    _rank_grid,
    _score_grid,
    _title,
    _top_lines,
    _weight_grid,
    summary_line,
)
from partnerfit.render.diff_scenarios import scenario_lines
from partnerfit.render.diff_team import team_lines
from partnerfit.render.sanitize import json_dumps, md, md_code
from partnerfit.render.table import finish, make_console, plain


def diff_json(diff: ProjectDiff | CriteriaSetsDiff, options: RenderOptions | None = None) -> str:
    """The diff document, see ProjectDiff.to_dict and CriteriaSetsDiff.to_dict (the same in every language: ``options`` is not read)."""
    return json_dumps(diff.to_dict()).decode()


def diff_markdown(diff: ProjectDiff | CriteriaSetsDiff, options: RenderOptions) -> str:
    """A heading, the leader line, then tables of rank moves, score changes and weights: a PR comment."""
    if isinstance(diff, CriteriaSetsDiff):
        return criteria_diff_markdown(diff, options)
    lang = options.lang
    title = t("diff_title", lang, old=md_code(diff.old_path), new=md_code(diff.new_path))
    lines = [f"### {title}", "", f"**{md(summary_line(diff, lang))}**", "", md(_counts_line(diff, lang))]
    if diff.unchanged:
        lines += ["", f"_{t('diff_no_changes', lang)}_"]
        return "\n".join(lines) + "\n"
    if diff.ranks or _top_lines(diff, lang):
        grid = _rank_grid(diff, lang)
        lines += ["", f"#### {md(grid.title)}", ""]
        if grid.rows:
            lines += [*_md_table(grid), ""]
        lines += [f"- {md(line)}" for line in _top_lines(diff, lang)]
        if lines[-1] == "":
            lines.pop()
    if any(c.scores for c in diff.changed):
        grid = _score_grid(diff, lang)
        lines += ["", f"#### {md(grid.title)}", "", *_md_table(grid)]
    candidate_lines = _candidate_lines(diff, lang)
    lines += _md_part(t("diff_candidates", lang), candidate_lines)
    if diff.criteria.changed:
        lines += ["", f"#### {t('diff_weights', lang)}", ""]
        if diff.criteria.weights:
            lines += [*_md_table(_weight_grid(diff, lang)), ""]
        lines += [f"- {md(line)}" for line in _criteria_lines(diff, lang)]
        if lines[-1] == "":
            lines.pop()
    lines += _md_part(t("diff_scenarios", lang), scenario_lines(diff, lang))
    lines += _md_part(t("diff_team", lang), team_lines(diff, lang))
    return "\n".join(lines) + "\n"


def _md_part(heading: str, lines: list[str]) -> list[str]:
    """A heading and its lines as a Markdown list; nothing when there are no lines."""
    return ["", f"#### {md(heading)}", "", *(f"- {md(line)}" for line in lines)] if lines else []


# --- the terminal table --------------------------------------------------------------------------


def _rich_table(grid: _Grid) -> Table:
    table = Table(
        title=grid.title,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        header_style="bold",
    )
    for index, (header, align) in enumerate(grid.headers):
        wide = index == 0 or (header == grid.headers[-1][0] and align == "l")
        table.add_column(
            header,
            justify="right" if align == "r" else "left",
            overflow="fold",
            no_wrap=not wide,
            ratio=2 if wide else None,
        )
    for row in grid.rows:
        table.add_row(*(plain(cell) for cell in row))
    return table


def diff_table(diff: ProjectDiff | CriteriaSetsDiff, options: RenderOptions) -> str:
    """The leader line, then rank changes, score changes, candidates and criteria, as terminal tables."""
    if isinstance(diff, CriteriaSetsDiff):
        return criteria_diff_table(diff, options)
    lang = options.lang
    buffer = io.StringIO()
    console = make_console(options, buffer)
    console.print(plain(_title(diff, lang), style="bold"))
    console.print(plain(summary_line(diff, lang), style="bold green" if diff.leader_changed else "bold"))
    console.print(plain(_counts_line(diff, lang), style="dim"))
    if diff.unchanged:
        console.print(plain(t("diff_no_changes", lang)))
        return finish(buffer, options)
    if diff.ranks or _top_lines(diff, lang):
        console.print()
        grid = _rank_grid(diff, lang)
        if grid.rows:
            console.print(_rich_table(grid))
        else:
            console.print(plain(grid.title, style="bold"))
        for line in _top_lines(diff, lang):
            console.print(plain(line))
    if any(c.scores for c in diff.changed):
        console.print()
        console.print(_rich_table(_score_grid(diff, lang)))
    _print_part(console, t("diff_candidates", lang), _candidate_lines(diff, lang))
    if diff.criteria.changed:
        console.print()
        _print_criteria(console, diff, lang)
    _print_part(console, t("diff_scenarios", lang), scenario_lines(diff, lang))
    _print_part(console, t("diff_team", lang), team_lines(diff, lang))
    return finish(buffer, options)


def _print_part(console: Console, heading: str, lines: list[str]) -> None:
    """A heading and its lines on the console, after a blank line; nothing when there are no lines."""
    if not lines:
        return
    console.print()
    console.print(plain(heading, style="bold"))
    for line in lines:
        console.print(plain(line))


def _print_criteria(console: Console, diff: AnyDiff, lang: str) -> None:
    """The weight table (or its heading) and the other changes of the criteria, on the console."""
    if diff.criteria.weights:
        console.print(_rich_table(_weight_grid(diff, lang)))
    else:
        console.print(plain(t("diff_weights", lang), style="bold"))
    for line in _criteria_lines(diff, lang):
        console.print(plain(line))


# --- two criteria files --------------------------------------------------------------------------


def criteria_diff_markdown(diff: CriteriaSetsDiff, options: RenderOptions) -> str:
    """A heading, then the weight table and the other changes of two criteria sets, in Markdown."""
    lang = options.lang
    title = t("diff_title", lang, old=md_code(diff.old_path), new=md_code(diff.new_path))
    lines = [f"### {title}", ""]
    if diff.unchanged:
        return "\n".join([*lines, f"_{t('diff_no_changes', lang)}_"]) + "\n"
    lines += [f"#### {t('diff_weights', lang)}", ""]
    if diff.criteria.weights:
        lines += [*_md_table(_weight_grid(diff, lang)), ""]
    lines += [f"- {md(line)}" for line in _criteria_lines(diff, lang)]
    if lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def criteria_diff_table(diff: CriteriaSetsDiff, options: RenderOptions) -> str:
    """The weight table and the other changes of two criteria sets, for the terminal."""
    lang = options.lang
    buffer = io.StringIO()
    console = make_console(options, buffer)
    console.print(plain(_title(diff, lang), style="bold"))
    if diff.unchanged:
        console.print(plain(t("diff_no_changes", lang)))
        return finish(buffer, options)
    console.print()
    _print_criteria(console, diff, lang)
    return finish(buffer, options)
