"""The checks and messages of ``scenarios:``: weights naming the set's ids, scenario names on the command line."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from partnerfit.contract.roles import unknown_weight_ids
from partnerfit.contract.scenarios import Scenario
from partnerfit.contract.suggest import did_you_mean
from partnerfit.errors import Diagnostic, Msg, msg

if TYPE_CHECKING:
    from partnerfit.contract.criteria_set import CriteriaSet
    from partnerfit.io.document import Document


def check_scenarios(scenarios: Mapping[str, Any], criteria: CriteriaSet, doc: Document) -> list[Diagnostic]:
    """Each scenario's weights must name a group or a criterion of the set (located, with "did you mean")."""
    found = []
    for sid, scenario in scenarios.items():
        raw = scenario.get("weights") if isinstance(scenario, Mapping) else None
        weights = scenario.weights if isinstance(scenario, Scenario) else raw
        if isinstance(weights, Mapping):  # else the model reports the wrong type
            found += unknown_weight_ids(weights, ("scenarios", sid, "weights"), criteria, doc)
    return found


def no_scenarios(path: str) -> Msg:
    """Why ``score --scenarios`` (or ``--scenario NAME``) refuses a file without ``scenarios:``."""
    return msg("{path}: the file gives no 'scenarios'; there is no scenario to rank under", path=path)


def unknown_scenario_msg(path: str, name: str, known: list[str]) -> Msg:
    """``--scenario NAME`` for a name the file does not give, with the closest one."""
    return msg(
        "{path}: no scenario {name}{hint} (the file gives: {known})",
        path=path,
        name=repr(name),
        hint=did_you_mean(name, known),
        known=", ".join(known),
    )
