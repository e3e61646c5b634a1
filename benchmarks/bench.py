"""partnerfit benchmarks: CLI start-up, loading and scoring large candidates files.

Not a test: a plain script that prints Markdown tables. See benchmarks/README.md.

    python benchmarks/bench.py                      # sizes 1000,10000,100000, 3 runs each
    python benchmarks/bench.py --sizes 1000 --repeat 5
    python benchmarks/bench.py --yaml-large         # also YAML at >= 100,000 (slow)
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
EXAMPLE = ROOT / "examples" / "packaging.yaml"
SEED = 20240917
GENERATOR = 1  # bump when the generated files change shape
LARGE = 100_000  # from this size, YAML is only generated with --yaml-large

CRITERIA = (
    "complementary_expertise",
    "knowledge_sharing",
    "financial_resources",
    "human_resources",
    "loyalty",
    "diversity_acceptance",
    "transparency",
    "shared_vision",
    "mutual_benefit",
    "risk_exposure",
    "interpersonal_intelligence",
    "paradox_intelligence",
    "gut_feeling",
)
TYPES = ("start-up", "sme", "large company", "ngo", "research lab", "public body", "cooperative")
NOTES = (
    "Confirmed in the first meeting",
    "Two references checked",
    "Based on their 2024 annual report",
    "Site visit, see minutes",
    "Needs a second opinion",
)
TARGETS = {
    "version": 0.3,
    "help": 0.3,
    "example": 0.6,
    "yaml_ratio": 1.5,
    "e2e_seconds": 5.0,
    "e2e_bytes": 1024**3,
}

# --- generated files -----------------------------------------------------------------------


def candidates_data(n: int, seed: int = SEED) -> dict[str, Any]:
    """``n`` candidates scored 1–5 on the 13 criteria of ``partnership``; ~20 % as mappings."""
    rng = random.Random(seed + n)
    candidates: dict[str, Any] = {}
    width = len(str(n))
    for i in range(1, n + 1):
        scores: dict[str, Any] = {}
        for criterion in CRITERIA:
            value = rng.choices((1, 2, 3, 4, 5), weights=(1, 3, 5, 5, 3))[0]
            if rng.random() < 0.2:
                scores[criterion] = {"score": value, "note": rng.choice(NOTES)}
            else:
                scores[criterion] = value
        candidates[f"c{i:0{width}d}"] = {
            "name": f"Candidate {i}",
            "type": rng.choice(TYPES),
            "gates": {"sanctions_listed": False},
            "scores": scores,
        }
    return {
        "partnerfit": 1,
        "kind": "candidates",
        "title": f"Benchmark: {n} candidates",
        "objective": "Measure partnerfit on a large file",
        "criteria": "partnership",
        "candidates": candidates,
    }


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)  # a double-quoted YAML string


def write_yaml(data: dict[str, Any], path: Path) -> None:
    """Block-style YAML as a person would write it (much faster than yaml.dump)."""
    lines = [f"{k}: {_yaml_scalar(v)}" for k, v in data.items() if k != "candidates"]
    lines.append("candidates:")
    for cid, candidate in data["candidates"].items():
        lines.append(f"  {cid}:")
        lines.append(f"    name: {_yaml_scalar(candidate['name'])}")
        lines.append(f"    type: {_yaml_scalar(candidate['type'])}")
        gates = ", ".join(f"{g}: {_yaml_scalar(a)}" for g, a in candidate["gates"].items())
        lines.append(f"    gates: {{{gates}}}")
        lines.append("    scores:")
        for criterion, value in candidate["scores"].items():
            if isinstance(value, dict):
                inner = ", ".join(f"{k}: {_yaml_scalar(v)}" for k, v in value.items())
                lines.append(f"      {criterion}: {{{inner}}}")
            else:
                lines.append(f"      {criterion}: {value}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_json(data: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def generated_files(sizes: list[int], yaml_large: bool, regenerate: bool) -> list[Path]:
    """Create (once) and return the files to measure, under benchmarks/data/."""
    DATA.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    for n in sizes:
        suffixes = ([".yaml"] if n < LARGE or yaml_large else []) + ([".json"] if n >= LARGE else [])
        for suffix in suffixes:
            path = DATA / f"candidates_{n}_g{GENERATOR}{suffix}"
            if regenerate or not path.is_file():
                started = time.perf_counter()
                data = candidates_data(n)
                (write_yaml if suffix == ".yaml" else write_json)(data, path)
                took = time.perf_counter() - started
                print(f"generated {path.relative_to(ROOT)} in {took:.1f} s", file=sys.stderr)
            files.append(path)
    return files


# --- measuring ------------------------------------------------------------------------------


def median_time(repeat: int, run: Callable[[], object]) -> float:
    """Median wall time of ``repeat`` calls of ``run``."""
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def cli_path() -> Path | None:
    """The ``partnerfit`` executable installed next to this Python, if any."""
    for name in ("partnerfit", "partnerfit.exe"):
        path = Path(sys.executable).with_name(name)
        if path.is_file() and os.access(path, os.X_OK):
            return path
    return None


@dataclass
class Child:
    seconds: float
    returncode: int
    max_rss: int | None  # bytes
    error: str = ""


def run_child(argv: list[str]) -> Child:
    """Run ``argv`` with stdout discarded: wall time, exit status and the child's own peak RSS.

    stdout goes to /dev/null through a file descriptor (never ``-o /dev/null``: an atomic
    writer would replace the device with a regular file when run as root).

    The peak RSS comes from wait4() on this child alone: getrusage(RUSAGE_CHILDREN) would give
    the largest of every child waited for so far.
    """
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT
    )
    if hasattr(os, "wait4"):
        assert process.stderr is not None
        error = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stderr.close()
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB on Linux
        max_rss: int | None = usage.ru_maxrss * scale
    else:  # pragma: no cover - Windows
        _, error = process.communicate()
        seconds = time.perf_counter() - started
        max_rss = None
    message = error.decode("utf-8", "replace").strip().splitlines()
    return Child(seconds, process.returncode, max_rss, message[-1] if message else "")


def median_child(repeat: int, argv: list[str]) -> Child | None:
    """The run of median wall time (and the largest peak RSS), or None when a run fails."""
    runs = [run_child(argv) for _ in range(repeat)]
    failed = [r for r in runs if r.returncode != 0]
    if failed:
        print(f"failed ({failed[0].returncode}): {' '.join(argv)}: {failed[0].error}", file=sys.stderr)
        return None
    seconds = statistics.median(r.seconds for r in runs)
    rss = [r.max_rss for r in runs if r.max_rss is not None]
    return Child(seconds, 0, max(rss) if rss else None)


@dataclass
class FileRow:
    path: Path
    candidates: int
    size: int
    csafe: float | None = None
    json_loads: float | None = None
    load: float | None = None
    score: float | None = None
    error: str = ""

    @property
    def ratio(self) -> float | None:
        """(load + score) / CSafeLoader: what partnerfit adds on top of parsing alone."""
        if self.load is None or self.score is None or not self.csafe:
            return None
        return (self.load + self.score) / self.csafe

    @property
    def per_10k(self) -> float | None:
        return None if self.load is None else self.load / self.candidates * 10_000


def parse_baselines(path: Path, repeat: int, csafe: bool) -> tuple[float | None, float | None]:
    """Median CSafeLoader time (YAML, or JSON when ``csafe``) and json.loads time (JSON)."""
    text = path.read_text(encoding="utf-8")
    is_json = path.suffix == ".json"
    csafe_time = json_time = None
    if not is_json or csafe:
        csafe_time = median_time(repeat, lambda: yaml.load(text, Loader=yaml.CSafeLoader))
    if is_json:
        json_time = median_time(repeat, lambda: json.loads(text))
    return csafe_time, json_time


def measure_file(path: Path, n: int, repeat: int, csafe_json: bool) -> FileRow:
    import partnerfit

    row = FileRow(path, n, path.stat().st_size)
    row.csafe, row.json_loads = parse_baselines(path, repeat, csafe_json)
    try:
        project = partnerfit.load(path)
    except partnerfit.PartnerfitError as exc:
        row.error = str(exc).splitlines()[0]
        return row
    row.load = median_time(repeat, lambda: partnerfit.load(path))
    row.score = median_time(repeat, lambda: partnerfit.score(project))
    return row


# --- report ---------------------------------------------------------------------------------


def seconds(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("ok" if ok else "**MISSED**")


def mib(size: int | None) -> str:
    return "n/a" if size is None else f"{size / 2**20:.0f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated sizes")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (median)")
    parser.add_argument("--yaml-large", action="store_true", help=f"also YAML at >= {LARGE:,} (minutes)")
    parser.add_argument(
        "--csafe-json",
        action="store_true",
        help="also time CSafeLoader on JSON files (slow; json.loads is the JSON baseline)",
    )
    parser.add_argument("--regenerate", action="store_true", help="rewrite benchmarks/data/")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    repeat = max(1, args.repeat)

    files = generated_files(sizes, args.yaml_large, args.regenerate)
    exe = cli_path()
    cli: dict[str, Child | None] = {}
    if exe is None:
        print("no partnerfit executable next to sys.executable: CLI rows are n/a", file=sys.stderr)
    else:
        cli["version"] = median_child(repeat, [str(exe), "--version"])
        cli["help"] = median_child(repeat, [str(exe), "--help"])
        cli["example"] = median_child(repeat, [str(exe), "score", str(EXAMPLE)])

    rows = []
    for path in files:
        n = int(path.name.split("_")[1])
        print(f"measuring {path.name} ...", file=sys.stderr)
        rows.append(measure_file(path, n, repeat, args.csafe_json))

    end_to_end: dict[Path, Child | None] = {}
    if exe is not None:
        for path in files:
            if path.suffix == ".json":
                print(f"end to end {path.name} ...", file=sys.stderr)
                argv_ = [str(exe), "score", str(path), "--format", "json"]
                end_to_end[path] = median_child(repeat, argv_)

    print(f"\npartnerfit benchmarks — Python {sys.version.split()[0]}, {sys.platform}, ", end="")
    print(f"median of {repeat} run(s)\n")
    print("| measure | median | target | verdict |")
    print("|---|---:|---|---|")
    labels = {
        "version": "`partnerfit --version` (cold process)",
        "help": "`partnerfit --help` (cold process)",
        "example": "`partnerfit score examples/packaging.yaml` (cold process)",
    }
    for key, label in labels.items():
        child = cli.get(key)
        value = child.seconds if child else None
        ok = None if value is None else value < TARGETS[key]
        print(f"| {label} | {seconds(value)} | < {TARGETS[key]} s | {verdict(ok)} |")
    for row in rows:
        if row.path.suffix == ".yaml" and row.candidates == 10_000:
            ratio = row.ratio
            ok = None if ratio is None else ratio <= TARGETS["yaml_ratio"]
            shown = "n/a" if ratio is None else f"{ratio:.2f}×"
            label = f"10k YAML: (load + score) / CSafeLoader, `{row.path.name}`"
            print(f"| {label} | {shown} | ≤ {TARGETS['yaml_ratio']}× | {verdict(ok)} |")
    for path, child in end_to_end.items():
        n = int(path.name.split("_")[1])
        wall = child.seconds if child else None
        rss = child.max_rss if child else None
        label = f"{n:,} JSON × 13 end to end, `partnerfit score --format json`"
        ok = None if wall is None else wall < TARGETS["e2e_seconds"]
        print(f"| {label} | {seconds(wall)} | < {TARGETS['e2e_seconds']:g} s | {verdict(ok)} |")
        ok = None if rss is None else rss < TARGETS["e2e_bytes"]
        print(f"| {n:,} JSON end to end: peak RSS | {mib(rss)} | < 1 GiB | {verdict(ok)} |")
    if not end_to_end and any(p.suffix == ".json" for p in files):
        print("| JSON end to end | n/a | < 5 s, < 1 GiB | n/a |")

    print()
    print(
        "| file | candidates | size | CSafeLoader | json.loads | `partnerfit.load()` "
        "| `partnerfit.score()` | (load+score)/CSafeLoader | load per 10k |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        ratio = "n/a" if row.ratio is None else f"{row.ratio:.2f}×"
        load = seconds(row.load) if not row.error else f"error: {row.error}"
        print(
            f"| `{row.path.name}` | {row.candidates:,} | {mib(row.size)} | {seconds(row.csafe)} "
            f"| {seconds(row.json_loads)} | {load} | {seconds(row.score)} | {ratio} "
            f"| {seconds(row.per_10k)} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
