"""The statistics of `partnerfit agreement` at the size of issue 13's target, in numpy only.

Not a test: a plain script that prints a Markdown table and never fails on a missed target.

    python benchmarks/bench_reliability.py                  # 50 units × 13 criteria × 12 coders × 3 rounds
    python benchmarks/bench_reliability.py --repeat 21 --compare   # also time the krippendorff package

Per round: Krippendorff's ordinal alpha per criterion (13 calls), the pooled alpha over all
(unit, criterion) pairs mapped to 0–1 (one call on 650 units), and Kendall's W of the coders'
own rankings (their mean scores). The target for the whole `agreement` command is 0.3 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from partnerfit.mcda.reliability import kendall_w, krippendorff_alpha

Scores = NDArray[np.float64]


def generate(rounds: int, coders: int, units: int, criteria: int, seed: int = 0) -> list[Scores]:
    """Scores 1..5 per round (coders × units × criteria), noisy around a truth, 10% missing."""
    rng = np.random.default_rng(seed)
    truth = rng.integers(1, 6, size=(units, criteria))
    out = []
    for r in range(rounds):
        noise = rng.integers(-2 + min(r, 1), 3 - min(r, 1), size=(coders, units, criteria))  # rounds converge
        scores = np.clip(truth + noise, 1, 5).astype(np.float64)
        scores[rng.random(scores.shape) < 0.10] = np.nan
        out.append(scores)
    return out


def agreement(rounds: list[Scores], alpha: Callable[[Scores], float | None]) -> list[object]:
    """What the command computes, without the files: alpha per criterion, pooled, and Kendall's W."""
    results: list[object] = []
    for scores in rounds:
        coders, units, criteria = scores.shape
        results.extend(alpha(scores[:, :, c]) for c in range(criteria))
        pooled = ((scores - 1.0) / 4.0).reshape(coders, units * criteria)  # v on a 1..5 scale
        results.append(alpha(pooled))
        mean = np.nanmean(scores, axis=2)  # each coder's own ranking: their mean score per unit
        results.append(kendall_w(np.nan_to_num(mean, nan=0.0)))
    return results


def measure(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and best wall time of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--criteria", type=int, default=13)
    parser.add_argument("--coders", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--compare", action="store_true", help="also time the krippendorff package (GPL, tests only)")
    args = parser.parse_args()
    data = generate(args.rounds, args.coders, args.units, args.criteria)

    rows = [("partnerfit.mcda.reliability", lambda: agreement(data, lambda x: krippendorff_alpha(x, "ordinal")))]
    if args.compare:
        import krippendorff  # optional: only for this comparison

        def theirs(x: Scores) -> float | None:
            return float(krippendorff.alpha(x, level_of_measurement="ordinal"))

        rows.append(("krippendorff package", lambda: agreement(data, theirs)))
    print(
        f"{args.units} units × {args.criteria} criteria × {args.coders} coders × {args.rounds} rounds", file=sys.stderr
    )
    print("| implementation | median (ms) | best (ms) | target (ms) |")
    print("|---|---:|---:|---:|")
    for name, run in rows:
        median, best = measure(run, args.repeat)
        print(f"| {name} | {median * 1e3:.2f} | {best * 1e3:.2f} | 300 |")


if __name__ == "__main__":
    main()
