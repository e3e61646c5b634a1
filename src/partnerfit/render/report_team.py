"""The report's "Proposed team" section as plain grids: members, the coverage matrix and the core indexes."""

from __future__ import annotations

from partnerfit.analysis.report import ReportData
from partnerfit.render import team
from partnerfit.render.report_content import Grid
from partnerfit.render.team_words import TeamView


def view_of(data: ReportData) -> TeamView | None:
    """The team the report proposes, with what words it, or None (no team: block, or no feasible team)."""
    if data.team is None or data.team_block is None:
        return None
    return TeamView(data.team, data.result.criteria, data.team_block)


def intro(view: TeamView, lang: str) -> str:
    """The section's opening line: size and value."""
    return team.headline(view, lang)


def members_grid(view: TeamView, lang: str) -> Grid:
    """Members with their score, cost and what each brings."""
    return Grid(team.member_heads(lang), team.member_rows(view, lang), [True, False, True, True, False])


def coverage_grid(view: TeamView, lang: str) -> Grid:
    """Every constraint × member, ✓ where the member counts toward it, and whether the team meets it."""
    heads = team.coverage_heads(view, lang)
    return Grid(heads, team.coverage_rows(view, lang), [False] * len(heads))


def summary_lines(view: TeamView, lang: str) -> list[str]:
    """Value, budget used, tie rule."""
    return team.summary_lines(view, lang)


def core_grid(view: TeamView, lang: str) -> Grid | None:
    """Core index and class of every ranked candidate, or None when not sampled."""
    if not view.result.core_index:
        return None
    return Grid(team.core_heads(lang), team.core_rows(view, lang), [False, True, False])


def core_note(view: TeamView, lang: str) -> str:
    """How the core indexes were sampled."""
    return team.core_note(view, lang)
