"""The team part of a diff for people: members who join or leave the proposed team, and its value before → after."""

from __future__ import annotations

from partnerfit.analysis.diff_model import ProjectDiff
from partnerfit.i18n import t
from partnerfit.i18n.numerals import figure


def team_lines(diff: ProjectDiff, lang: str) -> list[str]:
    """The value before → after, then who joins and who leaves (none without a team block in both versions)."""
    team = diff.team
    if team is None or not team.changed:
        return []

    def named(ids: tuple[str, ...]) -> str:
        return ", ".join(diff.names.get(cid, cid) for cid in ids)

    before, after = figure("points", team.old_value, lang), figure("points", team.new_value, lang)
    lines = [t("diff_team_value", lang, before=before, after=after)]
    lines += [t("diff_team_added", lang, names=named(team.added))] if team.added else []
    lines += [t("diff_team_removed", lang, names=named(team.removed))] if team.removed else []
    return lines if team.added or team.removed else [*lines, t("diff_team_same", lang)]
