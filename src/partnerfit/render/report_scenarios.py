"""The report's "Scenarios" section as a plain grid and lines, for Markdown and HTML alike."""

from __future__ import annotations

from partnerfit.analysis.report import ReportData
from partnerfit.i18n import t
from partnerfit.render import scenarios as views
from partnerfit.render.report_content import Grid


def grid(data: ReportData, lang: str) -> Grid | None:
    """Each candidate's rank under the baseline and under each scenario (None: the file has no scenarios)."""
    if data.scenarios is None:
        return None
    heads = views.heads(data.scenarios, lang)
    return Grid(heads, views.rows(data.scenarios, lang), [False] + [True] * (len(heads) - 1))


def intro(lang: str) -> str:
    """What the section shows."""
    return t("report_scenarios_intro", lang)


def lines(data: ReportData, lang: str) -> list[str]:
    """The baseline's basis, then each scenario's Kendall's tau and whether the leader changes."""
    return views.verdicts(data.scenarios, lang) if data.scenarios is not None else []
