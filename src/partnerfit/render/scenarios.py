"""Named scenarios for people (table, Markdown) and machines (JSON): ranks per scenario, Kendall's tau, leaders."""

from __future__ import annotations

from partnerfit.analysis.scenarios import Scenarios, ScenarioView
from partnerfit.contract.models import label_text
from partnerfit.i18n import t
from partnerfit.i18n.numerals import count, figure
from partnerfit.render import RenderOptions
from partnerfit.render.perspectives import NONE, side_by_side_table
from partnerfit.render.sanitize import json_dumps, md, md_row


def scenarios_json(report: Scenarios, options: RenderOptions | None = None) -> str:
    """The ``scenarios`` document (the same in every language: ``options`` is not read)."""
    return json_dumps(report.to_dict()).decode()


def name_of(view: ScenarioView, lang: str) -> str:
    """What a scenario is called in ``lang``: its label, else its id."""
    return label_text(view.label, lang, view.id)


def _rank(value: int | None, lang: str) -> str:
    return NONE if value is None else count(value, lang)


def rows(report: Scenarios, lang: str) -> list[list[str]]:
    """One row per candidate, in the baseline's order: its name, its baseline rank, then its rank per scenario."""
    return [
        [
            name,
            _rank(report.baseline.ranks.get(cid), lang),
            *(_rank(s.view.ranks.get(cid), lang) for s in report.scenarios),
        ]
        for cid, name in report.candidates.items()
    ]


def heads(report: Scenarios, lang: str) -> list[str]:
    """The column titles: candidate, baseline, then each scenario."""
    return [t("candidate", lang), t("scenarios_baseline", lang), *(name_of(s, lang) for s in report.scenarios)]


def verdict(report: Scenarios, s: ScenarioView, lang: str) -> str:
    """One scenario's line: Kendall's tau with the baseline, and whether the leader changes."""
    name, view = report.candidates.get, s.view
    who, tau = name_of(s, lang), figure("ratio", s.tau, lang)
    if view.leader is None:
        return t("scenarios_none", lang, name=who)
    if not view.leader_differs:
        return t("scenarios_same_leader", lang, name=who, tau=tau, leader=name(view.leader, view.leader))
    pick = report.baseline.leader or ""
    return t(
        "scenarios_other_leader",
        lang,
        name=who,
        tau=tau,
        leader=name(view.leader, view.leader),
        pick=name(pick, pick),
        rank=_rank(view.compromise_rank, lang),
        gap=figure("points", view.gap, lang),
    )


def verdicts(report: Scenarios, lang: str) -> list[str]:
    """What the baseline is, then one line per scenario."""
    return [t("scenarios_basis", lang), *(verdict(report, s, lang) for s in report.scenarios)]


def scenarios_table(report: Scenarios, options: RenderOptions) -> str:
    """The ranks side by side, then each scenario's tau and leader."""
    lang = options.lang
    title = t("scenarios_title", lang)
    return side_by_side_table(title, heads(report, lang), rows(report, lang), verdicts(report, lang), options)


def scenarios_markdown(report: Scenarios, options: RenderOptions) -> str:
    """The same as the table, ready to paste."""
    lang = options.lang
    titles = heads(report, lang)
    lines = [f"## {md(t('scenarios_title', lang))}", "", md_row(titles), "|:---|" + "---:|" * (len(titles) - 1)]
    lines += [*(md_row(r) for r in rows(report, lang)), ""]
    lines += [f"- {md(line)}" for line in verdicts(report, lang)]
    return "\n".join(lines) + "\n"
