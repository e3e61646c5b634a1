"""The scenarios part of a diff for people: each scenario added, removed or reweighted, in the table and Markdown."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Console

from partnerfit.analysis.diff_model import ProjectDiff
from partnerfit.i18n import t
from partnerfit.i18n.numerals import figure
from partnerfit.render.sanitize import md
from partnerfit.render.table import plain


def _weights(weights: Mapping[str, float] | None, lang: str) -> str:
    return ", ".join(f"{k}={figure('value', v, lang)}" for k, v in (weights or {}).items())


def scenario_lines(diff: ProjectDiff, lang: str) -> list[str]:
    """One line per scenario added, removed or given other weights (none when the scenarios are the same)."""
    lines = []
    for change in diff.scenarios.changes:
        old, new = _weights(change.old, lang), _weights(change.new, lang)
        lines.append(t(f"diff_scenario_{change.kind}", lang, name=change.id, old=old, new=new))
    return lines


def scenarios_markdown(diff: ProjectDiff, lang: str) -> list[str]:
    """The Markdown lines of the scenarios heading and its changes (none when nothing changed)."""
    lines = scenario_lines(diff, lang)
    return ["", f"#### {md(t('diff_scenarios', lang))}", "", *(f"- {md(line)}" for line in lines)] if lines else []


def print_scenarios(console: Console, diff: ProjectDiff, lang: str) -> None:
    """The scenarios heading and its changes on the console (nothing when nothing changed)."""
    lines = scenario_lines(diff, lang)
    if not lines:
        return
    console.print()
    console.print(plain(t("diff_scenarios", lang), style="bold"))
    for line in lines:
        console.print(plain(line))
