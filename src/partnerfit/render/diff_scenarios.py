"""The scenarios part of a diff for people: one line per scenario added, removed or reweighted."""

from __future__ import annotations

from collections.abc import Mapping

from partnerfit.analysis.diff_model import ProjectDiff
from partnerfit.i18n import t
from partnerfit.i18n.numerals import figure


def _weights(weights: Mapping[str, float] | None, lang: str) -> str:
    return ", ".join(f"{k}={figure('value', v, lang)}" for k, v in (weights or {}).items())


def scenario_lines(diff: ProjectDiff, lang: str) -> list[str]:
    """One line per scenario added, removed or given other weights (none when the scenarios are the same)."""
    lines = []
    for change in diff.scenarios.changes:
        old, new = _weights(change.old, lang), _weights(change.new, lang)
        lines.append(t(f"diff_scenario_{change.kind}", lang, name=change.id, old=old, new=new))
    return lines
