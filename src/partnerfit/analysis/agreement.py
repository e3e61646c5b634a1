"""How far the assessors agree: completeness, Krippendorff's alpha, divergences, deviations, Kendall's W, feedback."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from partnerfit.analysis.agreement_model import Agreement, Divergent, FeedbackItem, RoundAlpha
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.errors import PartnerfitError
from partnerfit.mcda.reliability import kendall_w, krippendorff_alpha
from partnerfit.project.assessment_files import Loaded, sheets_of
from partnerfit.project.assessment_sheet import AssessmentSheet

__all__ = ["DEFAULT_TOP", "NoAssessmentsError", "agreement"]

DEFAULT_TOP = 10
DIGITS = 12  # mapped 0–1 values are rounded so that the same scale point maps to one float on every criterion
MAX_POINTS = 1000  # integer scale points listed as `values`; a wider scale passes only the observed ones


class NoAssessmentsError(PartnerfitError):
    """The file has no assessments (neither inline nor in assessment files): nothing to agree on."""


def _cube(sheets: Sequence[AssessmentSheet], candidates: Sequence[str], criteria: Sequence[str]) -> np.ndarray:
    """Assessors × candidates × criteria raw scores, NaN where not scored or under conflict of interest."""
    cube = np.full((len(sheets), len(candidates), len(criteria)), np.nan)
    for i, sheet in enumerate(sheets):
        for j, cid in enumerate(candidates):
            row = sheet.scores.get(cid)
            if row:
                cube[i, j] = [np.nan if (x := row.get(k)) is None else x for k in criteria]
    return cube


def _points(criteria: CriteriaSet, crit: str, observed: np.ndarray) -> np.ndarray:
    """The criterion's scale points: its whole numbers from low to high, and every value observed."""
    c = criteria.criterion(crit)
    points = observed[~np.isnan(observed)]
    if float(c.low).is_integer() and float(c.high).is_integer() and c.high - c.low <= MAX_POINTS:
        points = np.concatenate([points, np.arange(c.low, c.high + 1)])
    return np.unique(np.concatenate([points, [c.low, c.high]]))


def _anchored(criteria: CriteriaSet, ids: Sequence[str], cube: np.ndarray) -> np.ndarray:
    """The wsm's v on 0–1 (flipped where lower is better), rounded to DIGITS."""
    low = np.array([criteria.criterion(k).low for k in ids])
    high = np.array([criteria.criterion(k).high for k in ids])
    lower = np.array([criteria.criterion(k).direction == "lower" for k in ids])
    v = (cube - low) / (high - low)
    out: np.ndarray = np.round(np.where(lower, 1.0 - v, v), DIGITS)
    return out


def _alphas(
    criteria: CriteriaSet, ids: Sequence[str], cube: np.ndarray
) -> tuple[float | None, dict[str, float | None]]:
    """Alpha per criterion (units = candidates) and overall (units = every (candidate, criterion) pair pooled)."""
    per: dict[str, float | None] = {}
    for k, crit in enumerate(ids):
        data = cube[:, :, k]
        per[crit] = krippendorff_alpha(data, "ordinal", _points(criteria, crit, data)) if len(cube) else None
    v = _anchored(criteria, ids, cube)
    # the pooled scale: every criterion's points mapped the same way as the values
    mapped = [
        _anchored(criteria, [k], _points(criteria, k, cube[:, :, i]).reshape(1, -1, 1)) for i, k in enumerate(ids)
    ]
    scale = np.unique(np.concatenate([m.ravel() for m in mapped])) if mapped else None
    overall = krippendorff_alpha(v.reshape(len(cube), -1), "ordinal", scale) if len(cube) else None
    return overall, per


def _divergent(
    sheets: Sequence[AssessmentSheet], candidates: Sequence[str], ids: Sequence[str], cube: np.ndarray
) -> list[Divergent]:
    """Every pair with two scores or more that differ, largest spread first, then candidate and criterion id."""
    count = (~np.isnan(cube)).sum(axis=0)
    # max and min with the gaps as ∓inf: no all-NaN warning on a pair nobody scored
    high = np.where(np.isnan(cube), -np.inf, cube).max(axis=0, initial=-np.inf)
    low = np.where(np.isnan(cube), np.inf, cube).min(axis=0, initial=np.inf)
    spread = np.where(count >= 2, high - low, 0.0)
    found = []
    for j, k in zip(*np.nonzero(spread > 0), strict=True):
        cid, crit = candidates[j], ids[k]
        scores = {s.assessor: float(cube[i, j, k]) for i, s in enumerate(sheets) if not np.isnan(cube[i, j, k])}
        notes = {s.assessor: note for s in sheets if (note := s.notes.get((cid, crit)))}
        found.append(Divergent(cid, crit, scores, float(spread[j, k]), notes))
    return sorted(found, key=lambda d: (-d.spread, d.candidate, d.criterion))


def _deviation(sheets: Sequence[AssessmentSheet], v: np.ndarray) -> dict[str, float | None]:
    """Mean of (own v − the others' mean v) over the pairs shared with someone, in points of the 0–100 score."""
    scored = ~np.isnan(v)
    total, n = np.nansum(v, axis=0), scored.sum(axis=0)
    out: dict[str, float | None] = {}
    for i, sheet in enumerate(sheets):
        shared = scored[i] & (n >= 2)
        if not shared.any():
            out[sheet.assessor] = None
            continue
        others = (total[shared] - v[i][shared]) / (n[shared] - 1)
        out[sheet.assessor] = float(100.0 * np.mean(v[i][shared] - others))
    return out


def _kendall(criteria: CriteriaSet, ids: Sequence[str], v: np.ndarray, worst: bool) -> tuple[float | None, int]:
    """Kendall's W of each assessor's own wsm scores, over the candidates every assessor scored at all.

    A criterion an assessor did not score is left out of that candidate's sums (``missing: worst``:
    counted as 0, as the engine does); a candidate one assessor scored on nothing, or under conflict of
    interest, is left out of every ranking, since W needs each assessor to rank the same items.
    """
    w = np.array([criteria.criterion(k).effective_weight for k in ids])
    scored = ~np.isnan(v)
    filled = np.where(scored, v, 0.0)
    weight = np.broadcast_to(w, v.shape) if worst else np.where(scored, w, 0.0)
    ranked = scored.any(axis=2).all(axis=0)  # candidates every assessor scored on one criterion at least
    if len(v) < 2 or ranked.sum() < 2:
        return None, int(ranked.sum()) if len(v) else 0
    scores = (filled * w).sum(axis=2)[:, ranked] / weight.sum(axis=2)[:, ranked]
    return kendall_w(scores), int(ranked.sum())


def _feedback(
    sheets: Sequence[AssessmentSheet], candidates: Sequence[str], ids: Sequence[str], cube: np.ndarray
) -> dict[str, tuple[FeedbackItem, ...]]:
    """For each assessor, the pairs where their score is outside the group's interquartile range."""
    items: dict[str, list[FeedbackItem]] = {s.assessor: [] for s in sheets}
    count = (~np.isnan(cube)).sum(axis=0)
    for j, k in zip(*np.nonzero(count >= 3), strict=True):
        column = cube[:, j, k]
        given = column[~np.isnan(column)]
        q1, median, q3 = (float(q) for q in np.percentile(given, [25, 50, 75]))
        cid, crit = candidates[j], ids[k]
        for i, sheet in enumerate(sheets):
            own = column[i]
            if np.isnan(own) or q1 <= own <= q3:
                continue
            notes = sorted(n for o in sheets if o is not sheet and (n := o.notes.get((cid, crit))))
            item = FeedbackItem(
                cid,
                crit,
                float(own),
                median,
                q1,
                q3,
                float(given.min()),
                float(given.max()),
                len(given) - 1,
                tuple(notes),
            )
            items[sheet.assessor].append(item)
    return {a: tuple(found) for a, found in items.items()}


def _rounds(
    criteria: CriteriaSet, every: Sequence[AssessmentSheet], candidates: list[str], ids: list[str]
) -> tuple[RoundAlpha, ...]:
    """The overall alpha of each round, over the sheets of that round."""
    out = []
    for r in sorted({s.round for s in every}):
        of_round = [s for s in every if s.round == r]
        overall, _ = _alphas(criteria, ids, _cube(of_round, candidates, ids))
        out.append(RoundAlpha(r, overall, len(of_round)))
    return tuple(out)


def agreement(project: Loaded, top: int | None = DEFAULT_TOP) -> Agreement:
    """The agreement of the assessors' current round (each one's highest), and the alpha of every round."""
    every = sheets_of(project)
    sheets = [s for s in every if s.counted]
    if not sheets:
        raise NoAssessmentsError(
            f"{project.path}: no assessments to compare; add 'assessments' to the candidates, "
            "or name assessment files in 'assessment_files'"
        )
    criteria = project.criteria
    candidates, ids = list(project.file.candidates), list(criteria.ids)
    cube = _cube(sheets, candidates, ids)
    overall, per = _alphas(criteria, ids, cube)
    v = _anchored(criteria, ids, cube)
    divergent = _divergent(sheets, candidates, ids, cube)
    w, ranked = _kendall(criteria, ids, v, criteria.missing == "worst")
    expected = {}
    for s in sheets:
        values = [x for row in s.scores.values() for x in row.values()]
        expected[s.assessor] = (sum(x is not None for x in values), len(values))
    return Agreement(
        criteria=criteria,
        candidates={cid: c.name or cid for cid, c in project.file.candidates.items()},
        assessors=tuple(s.assessor for s in sheets),
        names={s.assessor: s.name for s in sheets},
        round=max(s.round for s in sheets),
        completeness={a: (n / e if e else None) for a, (n, e) in expected.items()},
        expected=expected,
        alpha_overall=overall,
        alpha_criteria=per,
        divergent=tuple(divergent[:top] if top is not None else divergent),
        divergent_total=len(divergent),
        deviation=_deviation(sheets, v),
        kendall_w=w,
        kendall_candidates=ranked,
        rounds=_rounds(criteria, every, candidates, ids),
        feedback=_feedback(sheets, candidates, ids, cube),
    )
