"""Everything a shortlist report needs, gathered once: ranking, explanations, robustness, methods, weights."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from partnerfit.analysis.compare import MethodComparison, compare_methods
from partnerfit.analysis.explain import Explanation, explain
from partnerfit.analysis.gathered import Gathered, anonymised, gathered
from partnerfit.analysis.scenarios import Scenarios, scenarios_if_any
from partnerfit.analysis.sensitivity import SensitivityReport, sensitivity
from partnerfit.analysis.smaa import Acceptability
from partnerfit.analysis.team_model import TeamResult
from partnerfit.analysis.weights_report import WeightsReport, weights_report
from partnerfit.contract.candidates import Candidate
from partnerfit.contract.criteria_set import CriteriaSet, ResolvedCriterion
from partnerfit.contract.models import MissingPolicy, label_text
from partnerfit.contract.team import Team
from partnerfit.engine.matrix import Aggregate
from partnerfit.engine.registry import additive
from partnerfit.engine.run import score
from partnerfit.project.loading import Project
from partnerfit.result.model import Result

SHORTLIST = 5  # candidates given a card by default
SEED = 0  # a fixed seed: the same input and date give a byte-identical report
SAMPLES_WSM = 10_000  # wsm scores every sample at once: 10,000 samples of 30 candidates take a few ms
SAMPLES_OTHER = 2_000  # other methods run once per sample (promethee: about 0.4 s for 30 candidates)
TOP_K = 3  # size of the top set whose stability and acceptability are reported
TEAM_SAMPLES = 100  # weight samples of the proposed team's core indexes (as `partnerfit team`'s default)


@dataclass(frozen=True)
class ReportData:
    """A scored project with the analyses a shortlist report presents, and who assessed it when."""

    result: Result  # its close_call is the sensitivity report's verdict
    shortlist: tuple[Explanation, ...]  # the first ``top`` ranked candidates, in rank order
    sensitivity: SensitivityReport | None  # None without an eligible candidate
    comparison: MethodComparison
    weights: WeightsReport
    candidates: Mapping[str, Candidate]  # the candidates as written: type, description, tags, info
    assessors: tuple[str, ...]  # assessor names in order of first appearance; empty for single score sheets
    date: datetime.date
    title: str | None  # the report's title (None: the file's title, else a default)
    description: str | None
    source: str  # the candidates file's name, without its folder
    top: int
    # the missing-score policy the method comparison used instead of the ranking's, when the
    # ranking's ('ignore') would have stopped the methods that compare candidates with each other
    comparison_missing: MissingPolicy | None = None
    gathered: Gathered | None = None  # how the scores were gathered: None without assessments
    team: TeamResult | None = None  # the proposed team: None without a team: block, or when none is feasible
    team_block: Team | None = None  # the block it answers (its words: mix rules, bounds)
    scenarios: Scenarios | None = None  # the ranking under each named scenario: None without scenarios:

    @property
    def heading(self) -> str | None:
        """The title to show: the one asked for, else the candidates file's."""
        return self.title or self.result.title


def assessor_names(candidates: Mapping[str, Candidate]) -> tuple[str, ...]:
    """Names of the assessors of ``assessments`` sheets, in order of first appearance."""
    seen: dict[str, None] = {}
    for candidate in candidates.values():
        seen.update(dict.fromkeys(candidate.assessments or {}))
    return tuple(seen)


def parts_of(criteria: CriteriaSet, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    """(label, criterion ids) of each part a score splits into: the groups, or each criterion of a flat set."""
    if criteria.groups:
        return [(g.text(lang), g.criteria) for g in criteria.groups]
    return [(c.text(lang), (c.id,)) for c in criteria.criteria]


def levels_of(criterion: ResolvedCriterion, lang: str) -> list[tuple[str, str]]:
    """The level anchors of a criterion in ``lang``, lowest point first."""

    def point(key: str) -> float:
        try:
            return float(key)
        except ValueError:
            return 0.0

    return [(k, label_text(v, lang)) for k, v in sorted(criterion.levels.items(), key=lambda kv: point(kv[0]))]


def rank_shares(acceptability: Acceptability, limit: int) -> tuple[int, list[tuple[str, list[float]]]]:
    """Rank columns shown (``limit``, or all when one more) and each candidate's shares of them, the rest summed, top K."""
    n = len(acceptability.ids)
    ranks = n if n <= limit + 1 else limit
    rows = []
    for k, cid in enumerate(acceptability.ids):
        p = acceptability.ranks(k)
        rows.append((cid, p[:ranks] + [sum(p[ranks:])] * (ranks < n) + [acceptability.top_share(k)]))
    return ranks, rows


def proposed_team(
    project: Project, *, method: str, aggregate: Aggregate, missing: MissingPolicy | None
) -> TeamResult | None:
    """The optimal team of the file's ``team:`` block with its core indexes, or None (no block, or no feasible team)."""
    if project.file.team is None:
        return None
    from partnerfit.analysis.team import choose
    from partnerfit.errors import InfeasibleTeamError

    try:
        return choose(project, method=method, aggregate=aggregate, missing=missing, samples=TEAM_SAMPLES, seed=SEED)
    except InfeasibleTeamError:  # `partnerfit team` explains it; the report leaves the section out
        return None


def samples_for(method: str) -> int:
    """Rank-acceptability samples drawn for ``method``: as many as a report of 30 candidates affords in well under 3 s."""
    return SAMPLES_WSM if additive(method) else SAMPLES_OTHER


def gather(
    project: Project,
    *,
    today: datetime.date,
    top: int = SHORTLIST,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
    title: str | None = None,
    samples: int | None = None,
    anonymous: Callable[[int], str] | None = None,
    overrides: Mapping[str, float] | None = None,
) -> ReportData:
    """Score ``project`` and gather explanations of the first ``top``, robustness, method comparison and weights.

    ``anonymous`` names the n-th assessor instead of their name, everywhere in the report;
    ``overrides`` (the --weight pairs) win over each role's weights in the perspectives, as in
    ``score --perspectives``.
    """
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    if anonymous is not None:
        project = anonymised(project, anonymous)
    result = score(project, method=method, aggregate=aggregate, missing=missing)
    report = None
    if result.ranked:
        report = sensitivity(
            project,
            method=method,
            aggregate=aggregate,
            missing=missing,
            top_k=min(TOP_K, len(result.ranked)),
            samples=samples or samples_for(method),
            seed=SEED,
        )
        verdict = report.close_call
        result = dataclasses.replace(result, close_call=verdict)
    shortlist = tuple(
        dataclasses.replace(
            explain(project, entry.id, method=method, aggregate=aggregate, missing=missing), result=result
        )
        for entry in result.ranked[:top]
    )
    candidates = project.file.candidates
    comparison = compare_methods(project, aggregate=aggregate, missing=missing)
    comparison_missing: MissingPolicy | None = None
    if comparison.incomplete and result.missing == "ignore":
        # a client report does not stop at "use --missing worst": it does so, and says it did
        comparison_missing = "worst"
        comparison = compare_methods(project, aggregate=aggregate, missing=comparison_missing)
    return ReportData(
        result=result,
        shortlist=shortlist,
        sensitivity=report,
        comparison=comparison,
        weights=weights_report(project),
        candidates=candidates,
        assessors=assessor_names(candidates),
        date=today,
        title=title,
        description=project.file.description,
        source=Path(project.path).name,
        top=top,
        comparison_missing=comparison_missing,
        gathered=gathered(project, method=method, aggregate=aggregate, missing=missing, overrides=overrides),
        team=proposed_team(project, method=method, aggregate=aggregate, missing=missing),
        team_block=project.file.team,
        scenarios=scenarios_if_any(project, overrides=overrides, method=method, aggregate=aggregate, missing=missing),
    )
