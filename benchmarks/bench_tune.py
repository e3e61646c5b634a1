"""`tune` timings: re-rank and stability intervals after one key press, and start-up to the first frame.

Not a test: a plain script that prints a Markdown table (targets: 30 ms wsm, 150 ms topsis for
50 candidates × 13 criteria; 1 s to the first frame).

    python benchmarks/bench_tune.py
    python benchmarks/bench_tune.py --candidates 50 --repeat 20
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

TARGETS_MS = {"wsm": 30.0, "wpm": None, "topsis": 150.0, "vikor": None, "promethee": None}
FIRST_FRAME_MS = 1000.0


def candidates_file(folder: Path, count: int, seed: int = 7) -> Path:
    """A complete candidates file on the built-in `partnership` set (13 criteria), scores 1–5."""
    from partnerfit.project.criteria_ref import load_criteria

    criteria = load_criteria("partnership").ids
    rng = np.random.default_rng(seed)
    lines = ["partnerfit: 1", "kind: candidates", "criteria: partnership", "candidates:"]
    for i in range(count):
        scores = ", ".join(f"{c}: {int(rng.integers(1, 6))}" for c in criteria)
        lines += [f"  c{i:03d}:", f"    scores: {{{scores}}}"]
    path = folder / f"tune_{count}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def key_press_ms(path: Path, method: str, repeat: int) -> float:
    """Median time of one move (alternately up and down) followed by the view: re-rank and intervals."""
    from partnerfit.analysis.tuning import Tuning
    from partnerfit.project.loading import load

    tuning = Tuning.of(load(path), method=method)
    tuning.view()  # the baseline ranking is computed once, at the first frame
    times = []
    for k in range(repeat):
        item = tuning.items[k % len(tuning.items)]
        start = time.perf_counter()
        tuning.move(item, 0.01 if k % 2 == 0 else -0.01)
        tuning.view()
        times.append(time.perf_counter() - start)
    return 1000.0 * statistics.median(times)


def first_frame_ms(path: Path) -> float:
    """From importing the command to the app's first rendered screen (Textual's headless driver)."""
    start = time.perf_counter()
    from partnerfit.cli.tune_app import TuneApp, open_tuning

    app = TuneApp(open_tuning(path), lang="en")
    spent: list[float] = []

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            spent.append(time.perf_counter() - start)

    asyncio.run(run())
    return 1000.0 * spent[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = candidates_file(Path(folder), args.candidates)
        frame = first_frame_ms(path)
        print(f"| {args.candidates} candidates × 13 criteria | median ms per key press | target |")
        print("|---|---:|---:|")
        for method, target in TARGETS_MS.items():
            spent = key_press_ms(path, method, args.repeat)
            print(f"| {method} | {spent:.1f} | {'—' if target is None else f'{target:.0f}'} |")
        print(f"| start-up to first frame (80×24) | {frame:.0f} | {FIRST_FRAME_MS:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
