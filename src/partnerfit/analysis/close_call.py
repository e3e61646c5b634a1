"""The public ``score``: the engine's ranking, with the close-call verdict ("no clear winner") when asked for."""

from __future__ import annotations

import dataclasses

from partnerfit.analysis.sensitivity import CLOSE_CALL_SAMPLES
from partnerfit.analysis.sensitivity import close_call as verdict_of
from partnerfit.contract.models import MissingPolicy
from partnerfit.engine.matrix import Aggregate
from partnerfit.engine.run import score as rank
from partnerfit.project.loading import Project
from partnerfit.result.close_call import CloseCall
from partnerfit.result.model import Result

# The verdict costs more than the ranking, and grows with it: bounded by the ranked candidates.
SAMPLED_UP_TO = 500  # up to here the leader's rank-1 acceptability is sampled (CLOSE_CALL_SAMPLES samples)
JUDGED_UP_TO = 2_000  # up to here the margin and the smallest change are judged; beyond, no verdict


def score(
    project: Project,
    *,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
    vikor_v: float = 0.5,
    close_call: bool = False,
) -> Result:
    """Score and rank every candidate of ``project`` with ``method`` (see partnerfit.engine.run.score).

    With ``close_call``, ``Result.close_call`` holds the verdict the `score` command shows (see
    ``judge``); it is off by default because it costs up to a few hundred times the ranking.
    """
    result = rank(project, method=method, aggregate=aggregate, missing=missing, vikor_v=vikor_v)
    if not close_call:
        return result
    verdict = judge(project, result, method=method, aggregate=aggregate, missing=missing, vikor_v=vikor_v)
    return result if verdict is None else dataclasses.replace(result, close_call=verdict)


def judge(
    project: Project,
    result: Result,
    *,
    method: str = "wsm",
    aggregate: Aggregate = "mean",
    missing: MissingPolicy | None = None,
    vikor_v: float = 0.5,
) -> CloseCall | None:
    """The close-call verdict of ``result`` (scored from ``project`` with these options), when affordable.

    None with fewer than 2 or more than JUDGED_UP_TO ranked candidates; the rank-1 share is
    sampled (seed 0: the same verdict every run) up to SAMPLED_UP_TO ranked candidates.
    """
    ranked = len(result.ranked)
    if ranked < 2 or ranked > JUDGED_UP_TO:
        return None
    samples = CLOSE_CALL_SAMPLES if ranked <= SAMPLED_UP_TO else 0
    return verdict_of(
        project, method=method, aggregate=aggregate, missing=missing, vikor_v=vikor_v, samples=samples, seed=0
    )
