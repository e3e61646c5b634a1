"""Record every command × format × example file: stdout, stderr, exit code and written files.

For refactorings that must not change behaviour: record before, record after, compare.

    python tools/record_outputs.py /tmp/before          # on the old commit
    python tools/record_outputs.py /tmp/after           # on the new one
    python tools/record_outputs.py --compare /tmp/before /tmp/after

Not a test (about a minute): it runs ``python -m partnerfit`` in child processes from the
repository root, with COLUMNS=100 and NO_COLOR, and writes ``summary.json`` in the folder given.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
FIRST, SECOND = "__first__", "__second__"  # the file's first and second candidate ids


def _files() -> tuple[list[str], list[str]]:
    found = [*ROOT.glob("examples/*.yaml"), *ROOT.glob("tests/data/valid/**/*.yaml")]
    found += ROOT.glob("tests/data/valid/**/*.json")
    names = sorted(str(p.relative_to(ROOT)) for p in found)
    criteria = [f for f in names if "kind: criteria" in (ROOT / f).read_text(encoding="utf-8")]
    return [f for f in names if f not in criteria], criteria


def _runs() -> list[list[str]]:
    candidates, criteria = _files()
    runs: list[list[str]] = []
    for f in candidates:
        runs += [["score", f, "-f", fmt] for fmt in ("table", "json", "csv", "markdown")]
        runs += [["score", f, "-f", "json", "--method", m, "--missing", "worst"] for m in ("wpm", "topsis", "vikor")]
        runs += [["score", f, "-f", "json", "--method", "promethee", "--missing", "worst"]]
        runs += [["score", f, "--compare", "-f", "json", "--missing", "worst"], ["score", f, "-w", "loyalty=30"]]
        runs += [["check", f, "-f", fmt] for fmt in ("text", "json", "github", "sarif", "junit")]
        runs += [["weights", f, "-f", fmt] for fmt in ("table", "json", "markdown")]
        runs += [["sensitivity", f, "-f", fmt, "--seed", "1", "--samples", "300"] for fmt in ("table", "json")]
        runs += [["report", f, "-o", f"OUT/r.{ext}", "--date", "2026-01-01"] for ext in ("md", "html")]
        runs += [["score", f, "-o", "OUT/r.xlsx"], ["diff", f, f, "-f", "json"]]
        runs += [["explain", f, FIRST], ["explain", f, FIRST, "-f", "json"]]
        runs += [["compare", f, FIRST, SECOND, "-f", "markdown"]]
    for f in criteria:
        runs += [["criteria", f], ["criteria", f, "--json"], ["check", f]]
    runs += [["criteria"], ["criteria", "partnership", "--json"], ["schema", "candidates"], ["schema", "criteria"]]
    runs += [["--help"], ["score", "--help"], ["init", "OUT/new.yaml"], ["init", "OUT/new-fr.yaml", "--lang", "fr"]]
    return runs


def _concrete(args: list[str], folder: Path) -> list[str]:
    real = []
    for arg in args:
        if arg in (FIRST, SECOND):
            data = yaml.safe_load((ROOT / args[1]).read_text(encoding="utf-8"))
            ids = [str(k) for k in data.get("candidates") or {}]
            arg = ids[0] if arg == FIRST else ids[min(1, len(ids) - 1)]
        real.append(arg.replace("OUT/", f"{folder}/"))
    return real


def record(out: Path) -> None:
    """Run every command and write what it printed, its exit code and its files' hashes."""
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    summary: dict[str, Any] = {}
    for args in _runs():
        folder = Path(tempfile.mkdtemp())
        done = subprocess.run(
            [sys.executable, "-m", "partnerfit", *_concrete(args, folder)], cwd=ROOT, capture_output=True, env=env
        )
        written = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}
        summary[" ".join(args)] = {
            "rc": done.returncode,
            "out": done.stdout.decode("utf-8", "replace"),
            "err": done.stderr.decode("utf-8", "replace").replace(str(folder), "OUT"),
            "files": written,
        }
        shutil.rmtree(folder)
    (out / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False, sort_keys=True))
    print(f"{len(summary)} runs recorded in {out}")


def compare(before_dir: Path, after_dir: Path) -> int:
    """Print the runs whose output differs; 1 when any does."""
    before, after = (json.loads((p / "summary.json").read_text(encoding="utf-8")) for p in (before_dir, after_dir))
    differ = [key for key in before if before[key] != after.get(key)]
    print(f"{len(differ)} of {len(before)} runs differ")
    for key in differ:
        parts = [part for part in ("rc", "out", "err", "files") if before[key][part] != after.get(key, {}).get(part)]
        print(f"  {key}: {', '.join(parts)}")
    return 1 if differ else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--compare"] and len(sys.argv) == 4:
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    record(Path(sys.argv[1]))
