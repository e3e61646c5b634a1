"""Named what-if weight sets (``scenarios:``): one scenario's ranking, or every scenario's beside the baseline."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from partnerfit.analysis.perspectives import COMPROMISE, Perspective, rank_under, view_of
from partnerfit.contract.models import Label, MissingPolicy
from partnerfit.contract.scenario_checks import no_scenarios, unknown_scenario_msg
from partnerfit.engine.matrix import Aggregate
from partnerfit.errors import PartnerfitError, UnknownNameError
from partnerfit.mcda.agreement import kendall_tau
from partnerfit.project.loading import Project
from partnerfit.result.model import Result


class NoScenariosError(PartnerfitError):
    """The file gives no ``scenarios:``: there is nothing to rank under."""


class UnknownScenarioError(UnknownNameError):
    """``--scenario NAME`` names no scenario of the file (a misuse of the command line)."""


@dataclass(frozen=True)
class ScenarioView:
    """One scenario's ranking, how far it departs from the baseline, and Kendall's tau with it."""

    id: str
    label: Label | None
    description: str | None
    given: Mapping[str, float]  # the scenario's own overrides, as the file writes them
    view: Perspective  # its ranking beside the baseline's (role = the scenario's id)
    tau: float | None  # Kendall's tau-b with the baseline over the candidates ranked in both (None: < 2)

    def to_dict(self) -> dict[str, Any]:
        """The scenario's part of the ``scenarios`` JSON document."""
        view = self.view.to_dict()
        for key in ("role", "assessors"):
            view.pop(key)
        view["baseline_leader_rank"] = view.pop("compromise_leader_rank")
        return {
            "id": self.id,
            "label": self.label,
            "description": self.description,
            "overrides": dict(self.given),
            **view,
            "kendall_tau": self.tau,
        }


@dataclass(frozen=True)
class Scenarios:
    """The ranking under each scenario beside the baseline's (the file's own weights, with -w)."""

    candidates: Mapping[str, str]  # id -> name, in the baseline's order
    baseline: Perspective
    scenarios: tuple[ScenarioView, ...]
    method: str

    def to_dict(self) -> dict[str, Any]:
        """The ``scenarios`` JSON document."""
        baseline = self.baseline.to_dict()
        for key in ("role", "assessors", "leader_differs", "compromise_leader_rank", "gap", "top_missing"):
            baseline.pop(key)
        return {
            "kind": "scenarios",
            "method": self.method,
            "baseline": {"basis": COMPROMISE, **baseline},
            "candidates": dict(self.candidates),
            "scenarios": [s.to_dict() for s in self.scenarios],
        }


def unknown_scenario(project: Project, name: str) -> UnknownScenarioError | NoScenariosError:
    """``--scenario NAME`` for a name the file does not give, with the closest one; the file may give none."""
    known = list(project.file.scenarios)
    if not known:  # the file lacks what the option needs, as for --scenarios: invalid input, not a typo
        return NoScenariosError(no_scenarios(project.path))
    return UnknownScenarioError(unknown_scenario_msg(project.path, name, known))


def tau(base: Result | Perspective, other: Perspective) -> float | None:
    """Kendall's tau-b between two rankings, over the candidates ranked in both (None when fewer than 2)."""
    ranks = base.ranks if isinstance(base, Perspective) else {c.id: c.rank for c in base.ranking}
    both = [c for c, r in ranks.items() if r is not None and other.ranks.get(c) is not None]
    if len(both) < 2:
        return None
    return kendall_tau([float(ranks[c] or 0) for c in both], [float(other.ranks[c] or 0) for c in both])


def under_scenario(project: Project, name: str, overrides: Mapping[str, float] | None = None) -> Project:
    """``project`` with scenario ``name``'s weights over the file's own, then ``overrides`` (-w) over both."""
    scenario = project.file.scenarios.get(name)
    if scenario is None:
        raise unknown_scenario(project, name)
    criteria = project.criteria.with_weights({**scenario.weights, **(overrides or {})})
    return dataclasses.replace(project, criteria=criteria)


def scenario_tag(project: Project, name: str) -> dict[str, Any]:
    """What a ranking under scenario ``name`` carries to name it: {id, label}."""
    return {"id": name, "label": project.file.scenarios[name].label}


def scenarios(
    project: Project,
    *,
    overrides: Mapping[str, float] | None = None,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
) -> Scenarios:
    """Rank ``project`` under each scenario (then ``overrides``, as -w) and under its own weights: the baseline."""
    if not project.file.scenarios:
        raise NoScenariosError(no_scenarios(project.path))
    base = rank_under(project, {}, method=method, aggregate=aggregate, missing=missing)
    baseline = view_of("", (), base, None)
    views = []
    for sid, scenario in project.file.scenarios.items():
        result = rank_under(
            project, scenario.weights, overrides=overrides, method=method, aggregate=aggregate, missing=missing
        )
        view = view_of(sid, (), result, baseline)
        views.append(
            ScenarioView(sid, scenario.label, scenario.description, scenario.weights, view, tau(baseline, view))
        )
    names = {c.id: c.name for c in base.ranking}
    return Scenarios(names, baseline, tuple(views), method)


def scenarios_if_any(
    project: Project,
    *,
    overrides: Mapping[str, float] | None = None,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
) -> Scenarios | None:
    """The report's Scenarios section: every scenario's ranking, or None for a file without ``scenarios:``."""
    if not project.file.scenarios:
        return None
    return scenarios(project, overrides=overrides, method=method, aggregate=aggregate, missing=missing)
