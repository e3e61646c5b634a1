"""`team` at issue 14's targets: the exact team of 200 candidates, core indexes, and what greedy down the ranking loses.

Not a test: a plain script that prints a Markdown table and never fails on a missed target.

    python benchmarks/bench_team.py                 # best of 5; 1,000 samples; 100 greedy instances
    python benchmarks/bench_team.py --repeat 3 --instances 30

1. 200 candidates × 13 criteria, size [4, 8], a budget, three covers and a country rule
   (distinct_at_least 3): ``choose()`` (the tie rule included, no alternatives) under 1 s.
2. The core index of 50 candidates over 1,000 weight samples: under 10 s.
3. 100 generated instances (60 candidates, the same block): greedy down the ranking (each
   candidate whose cost still fits, up to the largest size) against the exact team — how often
   greedy breaks a rule, how often it is worse, and by how much.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import yaml

from partnerfit.analysis.team import choose
from partnerfit.analysis.team_build import build
from partnerfit.mcda.portfolio import Solver
from partnerfit.project.loading import Project, load

CRITERIA = 13
COUNTRIES = ("DE", "FR", "IT", "ES", "NL", "PL", "PT", "BE")


def write(folder: Path, n: int, seed: int) -> Path:
    """A candidates file: n candidates, 13 criteria scored 1..5, a cost, a country and a type each, and the block."""
    rng = np.random.default_rng(seed)
    crits = {f"c{k:02d}": {"weight": int(rng.integers(1, 6))} for k in range(CRITERIA)}
    candidates = {}
    for j in range(n):
        country = COUNTRIES[int(rng.integers(0, 3))] if j % 3 else COUNTRIES[int(rng.integers(0, len(COUNTRIES)))]
        candidates[f"cand{j:03d}"] = {
            "type": ("lab", "company", "public")[int(rng.integers(0, 3))],
            "info": {"country": country, "cost": int(rng.integers(50, 400)) * 1000},
            "scores": {c: int(rng.integers(1, 6)) for c in crits},
        }
    team = {
        "size": [4, 8],
        "budget": 1_500_000,
        "cover": {"c00": {"min": 5, "at_least": 2}, "c03": {"min": 5}, "c07": {"min": 5}},
        "mix": [{"info": "country", "distinct_at_least": 3}],
    }
    doc = {
        "partnerfit": 1,
        "kind": "candidates",
        "title": "bench",
        "criteria": {"name": "bench", "scale": [1, 5], "criteria": crits},
        "team": team,
        "candidates": candidates,
    }
    path = folder / f"c{n}_{seed}.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def best_of(repeat: int, run: object) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def greedy(project: Project) -> tuple[int, int, list[float]]:
    """Greedy against the exact team on one project: (infeasible, worse, gaps in points).

    Greedy walks the ranking and takes each candidate whose cost still fits the budget, until the
    team has its largest size: what one does by hand from `partnerfit score`.
    """
    assert project.file.team is not None
    inst = build(project, project.file.team)
    p, costs, block = inst.portfolio, inst.costs, project.file.team
    assert p.score is not None and costs is not None and block.budget is not None
    team: list[int] = []
    for i in np.argsort(-p.score, kind="stable").tolist():
        if len(team) < block.bounds[1] and costs[team].sum() + costs[i] <= block.budget:
            team.append(i)
    exact = Solver(p).best()
    assert exact is not None
    if not p.feasible(sorted(team)):
        return 1, 0, []
    gap = p.value(exact) - p.value(team)
    return 0, int(gap > 1e-9), [gap] if gap > 1e-9 else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--samples", type=int, default=1000)
    parser.add_argument("--instances", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = load(write(folder, 200, 0))
        solve = best_of(args.repeat, lambda: choose(big, alternatives_count=0))
        with_alts = best_of(args.repeat, lambda: choose(big, alternatives_count=3))
        fifty = load(write(folder, 50, 1))
        start, cpu = time.perf_counter(), time.process_time()
        result = choose(fifty, samples=args.samples, seed=0, alternatives_count=0)
        core, core_cpu = time.perf_counter() - start, time.process_time() - cpu
        infeasible = worse = 0
        gaps: list[float] = []
        for seed in range(args.instances):
            i, w, g = greedy(load(write(folder, 60, 100 + seed)))
            infeasible, worse, gaps = infeasible + i, worse + w, gaps + g
    classes = result.classes
    print("| measure | target | measured |")
    print("|---|---|---|")
    print(f"| exact team, 200 × 13, size [4, 8], budget, 3 covers, country rule | < 1 s | {solve:.3f} s |")
    print(f"| the same with 3 alternatives | | {with_alts:.3f} s |")
    print(f"| core index, 50 candidates, {args.samples:,} samples | < 10 s | {core:.2f} s ({core_cpu:.2f} s of CPU) |")
    counts = {k: sum(1 for v in classes.values() if v == k) for k in ("core", "borderline", "exterior")}
    print(f"| classes (50 candidates) | | {counts} |")
    n = args.instances
    print(f"| greedy down the ranking infeasible | | {infeasible}/{n} |")
    print(f"| greedy down the ranking feasible but worse | | {worse}/{n} |")
    if gaps:
        print(f"| points lost by greedy when worse: mean / max | | {np.mean(gaps):.2f} / {np.max(gaps):.2f} |")


if __name__ == "__main__":
    main()
