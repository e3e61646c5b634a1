"""`partnerfit agreement` at issue 13's target size: 50 candidates × 13 criteria × 12 assessors × 3 rounds.

Not a test: a plain script that prints a Markdown table and never fails on a missed target (0.3 s).

    python benchmarks/bench_agreement.py              # best of 7: load, agreement(), each format, the command
    python benchmarks/bench_agreement.py --repeat 21

The project is written to a temporary folder: a candidates file naming 36 assessment files (each
assessor's three rounds, 10 % of the scores left out, one conflict of interest each).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import yaml

from partnerfit.analysis.agreement import agreement
from partnerfit.analysis.agreement_model import Agreement
from partnerfit.project.loading import load
from partnerfit.render import RenderOptions
from partnerfit.render.agreement import feedback_markdown
from partnerfit.render.registry import as_text, render


def write_project(folder: Path, candidates: int, criteria: int, assessors: int, rounds: int) -> Path:
    """The candidates file and its assessment files, scores 1..5 noisy around a truth, converging by round."""
    rng = np.random.default_rng(0)
    crits = {
        f"c{k:02d}": {"weight": int(rng.integers(1, 6)), "direction": "lower" if k % 4 == 3 else "higher"}
        for k in range(criteria)
    }
    ids = [f"cand{j:02d}" for j in range(candidates)]
    (folder / "assessments").mkdir()
    head = {
        "partnerfit": 1,
        "kind": "candidates",
        "assessment_files": ["assessments/*.yaml"],
        "criteria": {"name": "bench", "scale": [1, 5], "criteria": crits},
        "candidates": {c: {} for c in ids},
    }
    (folder / "candidates.yaml").write_text(yaml.safe_dump(head, sort_keys=False), encoding="utf-8")
    truth = rng.integers(1, 6, size=(candidates, criteria))
    for a in range(assessors):
        for r in range(1, rounds + 1):
            noise = rng.integers(-2 + min(r - 1, 1), 3 - min(r - 1, 1), size=truth.shape)
            scores = np.clip(truth + noise, 1, 5)
            listed: dict[str, object] = {}
            for j, cid in enumerate(ids):
                if j == a:
                    listed[cid] = {"conflict_of_interest": True}
                    continue
                row = {k: int(scores[j, i]) for i, k in enumerate(crits) if rng.random() >= 0.10}
                listed[cid] = {"scores": row}
            sheet = {"partnerfit": 1, "kind": "assessment", "assessor": f"a{a:02d}", "round": r, "candidates": listed}
            path = folder / "assessments" / f"a{a:02d}-r{r}.yaml"
            path.write_text(yaml.safe_dump(sheet, sort_keys=False), encoding="utf-8")
    return folder / "candidates.yaml"


def best(repeat: int, job: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def _renders(fmt: str, report: Agreement) -> Callable[[], object]:
    return lambda: as_text(render("agreement", fmt, report, RenderOptions(width=80)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_project(Path(tmp), 50, 13, 12, 3)
        project = load(path)
        report = agreement(project)
        rows = [
            ("load (candidates + 36 assessment files)", best(args.repeat, lambda: load(path))),
            ("agreement() analysis", best(args.repeat, lambda: agreement(project))),
        ]
        rows += [(f"render {fmt}", best(args.repeat, _renders(fmt, report))) for fmt in ("table", "json", "markdown")]
        rows.append(
            (
                "12 feedback files (rendered)",
                best(args.repeat, lambda: [feedback_markdown(report, a) for a in report.assessors]),
            )
        )
        rows.append(
            (
                "agreement() + table (target 0.3 s)",
                best(
                    args.repeat,
                    lambda: as_text(render("agreement", "table", agreement(project), RenderOptions(width=80))),
                ),
            )
        )
        rows.append(
            (
                "load + agreement() + table (the command, in-process)",
                best(
                    args.repeat,
                    lambda: as_text(render("agreement", "table", agreement(load(path)), RenderOptions(width=80))),
                ),
            )
        )
    print(f"50 candidates × 13 criteria × 12 assessors × 3 rounds; best of {args.repeat}\n")
    print("| step | seconds |\n|---|---:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.4f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
