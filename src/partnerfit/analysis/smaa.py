"""SMAA-2 rank acceptability: how often each candidate takes each rank when weights and scores vary."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from partnerfit.analysis.stability import Problem
from partnerfit.contract.candidates import Candidate, ScoreEntry
from partnerfit.engine.matrix import FloatArray
from partnerfit.result.model import TIE_TOLERANCE

IntArray = npt.NDArray[np.int64]
Progress = Callable[[int, int], None]
SAMPLES = 10_000
SPREAD = 0.1
CHUNK = 1000  # samples scored at once (additive methods); bounds memory to CHUNK × candidates
LOOP_CHUNK = 100  # samples between progress reports for methods run one sample at a time


def concentration(spread: float) -> float:
    """Dirichlet concentration c = 1/s² − 1: a weight w then varies with standard deviation s·√(w(1 − w))."""
    if not 0.0 < spread < 1.0:
        raise ValueError(f"spread must be between 0 and 1 (exclusive), got {spread!r}")
    return 1.0 / spread**2 - 1.0


@dataclass(frozen=True)
class ScoreRanges:
    """The scores sampled within a range, by (row, column) of a Problem in row order, with raw-score bounds."""

    rows: IntArray
    cols: IntArray
    low: FloatArray
    high: FloatArray

    def __len__(self) -> int:
        """How many scores are sampled."""
        return len(self.rows)

    @classmethod
    def none(cls) -> ScoreRanges:
        """No score sampled: every score fixed."""
        return cls(np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), np.empty(0), np.empty(0))


def score_ranges(problem: Problem, candidates: Mapping[str, Candidate]) -> ScoreRanges:
    """Ranges of uncertain scores: ± a declared ``uncertainty``, or the assessors' lowest to highest, within the scale.

    A missing score stays what the method counts it as; ranges stop above 0 for a method that needs positive scores.
    """
    column = {cid: j for j, cid in enumerate(problem.criteria)}
    found: list[tuple[int, int, float, float]] = []
    for i, cid in enumerate(problem.ids):
        candidate = candidates[cid]
        sheets = [candidate.scores] if candidate.scores is not None else list((candidate.assessments or {}).values())
        spans: dict[str, tuple[float, float]] = {}
        for sheet in sheets:
            for crit, value in sheet.items():
                if type(value) is float and len(sheets) == 1:
                    continue
                x, u = (value.score, value.uncertainty or 0.0) if isinstance(value, ScoreEntry) else (value, 0.0)
                low, high = spans.get(crit, (np.inf, -np.inf))
                spans[crit] = (min(low, x - u), max(high, x + u))
        for crit, (low, high) in spans.items():
            j = column[crit]
            low, high = max(low, float(problem.low[j])), min(high, float(problem.high[j]))
            if problem.spec.positive:
                low = max(low, float(np.finfo(float).tiny))
            if high > low:
                found.append((i, j, low, high))
    if not found:
        return ScoreRanges.none()
    rows, cols, lows, highs = zip(*found, strict=True)
    as_int = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
    return ScoreRanges(*as_int, np.array(lows, dtype=float), np.array(highs, dtype=float))


@dataclass(frozen=True)
class Acceptability:
    """Per candidate (declared ranking order): samples at each rank, in the top K, and the mean weights when first."""

    ids: tuple[str, ...]
    criteria: tuple[str, ...]
    counts: IntArray  # counts[i, r]: samples in which ids[i] takes rank r + 1
    top_counts: IntArray
    central: FloatArray  # mean sampled weights where ids[i] ranks first; NaN when it never does
    samples: int
    seed: int
    top_k: int
    spread: float | None  # None: weights drawn uniformly
    uncertain: int  # scores sampled within a range

    def ranks(self, i: int) -> list[float]:
        """Probability of each rank 1..n for the i-th candidate (sums to 1)."""
        return [float(p) for p in self.counts[i] / self.samples]

    def top_share(self, i: int) -> float:
        """Probability that the i-th candidate ranks within the top K."""
        return float(self.top_counts[i] / self.samples)

    def central_weights(self, i: int) -> dict[str, float] | None:
        """The mean weight vector under which the i-th candidate ranks first, or None if it never does."""
        if not self.counts[i, 0]:
            return None
        return dict(zip(self.criteria, self.central[i].tolist(), strict=True))


def sample_ranks(scores: FloatArray) -> IntArray:
    """0-based competition ranks of each row's scores (ties within 1e-9 of their neighbour share the better rank)."""
    k, n = scores.shape
    order = np.argsort(-scores, axis=1, kind="stable")
    ordered = np.take_along_axis(scores, order, axis=1)
    starts = np.ones((k, n), dtype=bool)
    starts[:, 1:] = ordered[:, :-1] - ordered[:, 1:] > TIE_TOLERANCE
    place = np.maximum.accumulate(np.where(starts, np.arange(n), 0), axis=1)
    ranks = np.empty((k, n), dtype=np.int64)
    np.put_along_axis(ranks, order, place, axis=1)
    return ranks


def additive_scores(problem: Problem, weights: FloatArray, ranges: ScoreRanges, sampled: FloatArray) -> FloatArray:
    """An additive method's scores of a chunk of samples at once: one row of weights and of sampled raw scores per sample."""
    v = problem.normalised()
    base = np.nan_to_num(v)
    points = weights @ base.T
    if len(ranges):
        j = ranges.cols
        new = (sampled - problem.low[j]) / (problem.high[j] - problem.low[j])
        new = np.where(problem.lower[j], 1.0 - new, new)
        delta = (new - base[ranges.rows, j]) * weights[:, j]
        starts = np.flatnonzero(np.r_[True, ranges.rows[1:] != ranges.rows[:-1]])
        points[:, ranges.rows[starts]] += np.add.reduceat(delta, starts, axis=1)
    total = weights @ (~np.isnan(v)).T
    result: FloatArray = np.clip(np.where(total > 0, 100.0 * points / np.where(total > 0, total, 1.0), 0.0), 0, 100)
    return result


def method_scores(problem: Problem, weights: FloatArray, ranges: ScoreRanges, sampled: FloatArray) -> FloatArray:
    """Scores of a chunk of samples, running the problem's method once per sample."""
    table = problem.values.copy()
    result = np.empty((len(weights), len(problem.ids)))
    for k, w in enumerate(weights):
        if len(ranges):
            table[ranges.rows, ranges.cols] = sampled[k]
        result[k] = problem.scores(w, table)
    return result


def rank_acceptability(
    problem: Problem,
    ranges: ScoreRanges | None = None,
    *,
    samples: int = SAMPLES,
    seed: int | None = None,
    spread: float = SPREAD,
    uniform: bool = False,
    top_k: int = 3,
    progress: Progress | None = None,
) -> Acceptability:
    """SMAA-2 (Lahdelma & Salminen 2001): rank each of ``samples`` draws of weights and uncertain scores.

    Weights follow a Dirichlet law around the declared ones (α = w·concentration(spread)), or
    uniformly over all weight vectors with ``uniform``; scores in ``ranges`` are uniform within
    their range. Without ``seed`` one is drawn and reported. Weights and scores come from two
    streams of the seed, so the result does not depend on how samples are chunked.
    """
    if samples < 1:
        raise ValueError(f"samples must be at least 1, got {samples}")
    n, m = problem.values.shape
    ranges = ScoreRanges.none() if ranges is None else ranges
    seed = secrets.randbits(32) if seed is None else seed
    alpha = np.ones(m) if uniform else problem.weights * concentration(spread)
    weight_stream, score_stream = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(2))
    counts = np.zeros((n, n), dtype=np.int64)
    top = np.zeros(n, dtype=np.int64)
    central = np.zeros((n, m))
    score = additive_scores if problem.additive else method_scores
    chunk = CHUNK if problem.additive else LOOP_CHUNK
    done = 0
    if progress is not None:
        progress(0, samples)
    while n and done < samples:
        size = min(chunk, samples - done)
        weights = weight_stream.dirichlet(alpha, size)
        weights /= weights.sum(axis=1, keepdims=True)
        sampled = ranges.low + (ranges.high - ranges.low) * score_stream.random((size, len(ranges)))
        ranks = sample_ranks(score(problem, weights, ranges, sampled))
        if n <= CHUNK:  # one count per (candidate, rank) cell; past CHUNK candidates, no n² array per chunk
            counts += np.bincount((np.arange(n) * n + ranks).ravel(), minlength=n * n).reshape(n, n)
        else:
            np.add.at(counts, (np.broadcast_to(np.arange(n), ranks.shape), ranks), 1)
        top += (ranks < top_k).sum(axis=0)
        central += (ranks == 0).T.astype(float) @ weights
        done += size
        if progress is not None:
            progress(done, samples)
    order = problem.order(problem.scores(problem.weights)) if n else []
    with np.errstate(invalid="ignore", divide="ignore"):
        central = central / counts[:, :1] if n else central
    return Acceptability(
        tuple(problem.ids[i] for i in order),
        problem.criteria,
        counts[order],
        top[order],
        central[order],
        samples,
        seed,
        top_k,
        None if uniform else spread,
        len(ranges),
    )
