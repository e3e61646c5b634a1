"""Time added to `score` by reading a folder of 12 assessor files (target: under 0.1 s)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from partnerfit.project.loading import load

CRITERIA = [f"c{i}" for i in range(13)]


def _files(folder: Path, split: bool) -> Path:
    listed = ", ".join(f"{c}: {{weight: 1}}" for c in CRITERIA)
    head = f"partnerfit: 1\nkind: candidates\ncriteria: {{name: b, scale: [1, 5], criteria: {{{listed}}}}}\n"
    scores = {(a, c): {k: 1 + (hash((a, c, k)) % 5) for k in CRITERIA} for a in range(12) for c in range(50)}
    if split:
        lines = [head + "assessment_files: [assessments/*.yaml]\ncandidates:"] + [f"  p{c}: {{}}" for c in range(50)]
        (folder / "assessments").mkdir()
        for a in range(12):
            body = "".join(f"  p{c}: {{scores: {scores[a, c]}}}\n" for c in range(50))
            text = f"partnerfit: 1\nkind: assessment\nassessor: a{a}\ncandidates:\n{body}"
            (folder / "assessments" / f"a{a}.yaml").write_text(text)
    else:
        lines = [head + "candidates:"]
        for c in range(50):
            lines.append(f"  p{c}:\n    assessments:")
            lines += [f"      a{a}: {scores[a, c]}" for a in range(12)]
    (folder / "candidates.yaml").write_text("\n".join(lines) + "\n")
    return folder / "candidates.yaml"


def best(path: Path, runs: int = 7) -> float:
    """The fastest of ``runs`` loads, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        load(path)
        times.append(time.perf_counter() - start)
    return min(times)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        inline, split = best(_files(Path(a), False)), best(_files(Path(b), True))
        print(
            f"inline {inline * 1000:.1f} ms, 12 assessor files {split * 1000:.1f} ms, added {(split - inline) * 1000:.1f} ms"
        )
