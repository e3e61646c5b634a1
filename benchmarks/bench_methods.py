"""partnerfit benchmarks: MCDA method timings, and scikit-criteria / pymcdm on the same matrices.

Not a test: a plain script that prints Markdown tables. See benchmarks/README.md.

    python benchmarks/bench_methods.py                  # median of 3 runs
    python benchmarks/bench_methods.py --repeat 5 --sizes 1000,10000,100000 --pairwise-sizes 500,1000,2000
    python benchmarks/bench_methods.py --no-libraries   # partnerfit only

scikit-criteria and pymcdm are benchmark-only (``pip install -e '.[bench]'``); partnerfit's own
code never imports them. When one is missing or fails, its cells read ``n/a`` with the reason.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.metadata
import json
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
SEED = 20240917
GENERATOR = 1  # bump when the generated files change shape
CRITERIA_SET = "partnership"
LEVEL_WEIGHTS = (1, 3, 5, 5, 3)  # relative frequency of the integer scores 1, 2, 3, 4, 5
HALF_SHARE = 0.2  # share of scores moved by half a point (3 -> 3.5)
VIKOR_V = 0.5

METHODS = ("wsm", "wpm", "topsis", "vikor", "promethee")
PAIRWISE = frozenset({"promethee"})  # cost grows with n² · m: measured on --pairwise-sizes
TARGET_SECONDS = 1.0
TARGET_ROWS = {"wsm": 100_000, "wpm": 100_000, "topsis": 100_000, "vikor": 100_000, "promethee": 2_000}

# pinned versions the comparison was written against (the `bench` extra)
LIBRARIES = {"scikit-criteria": ("skcriteria", "0.10"), "pymcdm": ("pymcdm", "1.4.0")}

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]

# --- the decision problem -------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """The built-in criteria set as arrays, in the engine's column order."""

    ids: tuple[str, ...]
    weights: FloatArray  # effective weights, summing to 1
    benefit: BoolArray  # False for cost criteria (risk_exposure)
    low: FloatArray
    high: FloatArray
    floor: FloatArray  # the lowest score that passes the knock-outs (the scale's low if none)
    ceiling: FloatArray
    gates: tuple[str, ...]
    preferences: tuple[str, ...]  # PROMETHEE preference type per criterion ("usual" when none)


def load_problem() -> Problem:
    import partnerfit

    cs = partnerfit.load_criteria(CRITERIA_SET)
    crit = cs.criteria
    low = np.array([c.low for c in crit], dtype=float)
    high = np.array([c.high for c in crit], dtype=float)
    return Problem(
        ids=tuple(c.id for c in crit),
        weights=np.array([c.effective_weight for c in crit], dtype=float),
        benefit=np.array([c.direction != "lower" for c in crit], dtype=bool),
        low=low,
        high=high,
        floor=np.array([c.minimum if c.minimum is not None else c.low for c in crit], dtype=float),
        ceiling=np.array([c.maximum if c.maximum is not None else c.high for c in crit], dtype=float),
        gates=tuple(cs.gates),
        preferences=tuple(c.preference.type if c.preference is not None else "usual" for c in crit),
    )


def scores_matrix(n: int, problem: Problem) -> FloatArray:
    """n × m scores: integers 1–5 (weighted towards 3–4), about 20 % moved by half a point.

    Scores on knock-out criteria stay at or above the criterion's minimum, so that no candidate is
    excluded and the engine ranks exactly this matrix (the one given to the libraries).
    """
    rng = np.random.default_rng([SEED, GENERATOR, n])
    m = len(problem.ids)
    x = np.empty((n, m))
    for j in range(m):
        levels = np.arange(problem.low[j], problem.high[j] + 1.0)
        if len(levels) != len(LEVEL_WEIGHTS):
            raise SystemExit(f"{problem.ids[j]}: expected a 1–5 scale, found {problem.low[j]:g}–{problem.high[j]:g}")
        p = np.array(LEVEL_WEIGHTS, dtype=float)
        allowed = (levels >= problem.floor[j]) & (levels <= problem.ceiling[j])
        x[:, j] = rng.choice(levels[allowed], size=n, p=p[allowed] / p[allowed].sum())
    half = rng.random((n, m)) < HALF_SHARE
    up, down = x + 0.5, x - 0.5
    moved = np.where(up <= problem.ceiling, up, np.where(down >= problem.floor, down, x))
    return np.where(half, moved, x)


def candidate_ids(n: int) -> list[str]:
    width = len(str(n))
    return [f"c{i:0{width}d}" for i in range(1, n + 1)]


def write_candidates(x: FloatArray, problem: Problem) -> Path:
    """The matrix as a candidates JSON file under benchmarks/data/ (rewritten on every run)."""
    n = x.shape[0]
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"methods_{n}_g{GENERATOR}.json"
    gates = dict.fromkeys(problem.gates, False)
    candidates = {
        cid: {
            "name": f"Candidate {i}",
            "gates": gates,
            "scores": {c: (int(v) if v.is_integer() else v) for c, v in zip(problem.ids, row, strict=True)},
        }
        for i, (cid, row) in enumerate(zip(candidate_ids(n), x.tolist(), strict=True), start=1)
    }
    data = {
        "partnerfit": 1,
        "kind": "candidates",
        "title": f"Method benchmark: {n} candidates",
        "criteria": CRITERIA_SET,
        "candidates": candidates,
    }
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    return path


# --- measuring --------------------------------------------------------------------------------


def median_time(repeat: int, run: Callable[[], object]) -> float:
    """Median wall time of ``repeat`` calls of ``run`` (after one warm-up call)."""
    run()
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def reason(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {lines[0] if lines else ''}".strip().rstrip(":")
    return (text[:117] + "...") if len(text) > 120 else text


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def goodness(values: FloatArray, higher_is_better: bool) -> FloatArray:
    return values if higher_is_better else -values


def _rounded(values: FloatArray) -> FloatArray:
    """Values on 0–1 rounded to 1e-9: last-bit differences between implementations make no order."""
    v = np.asarray(values, dtype=float)
    span = float(v.max() - v.min()) if v.size else 0.0
    return np.zeros_like(v) if span == 0 else np.round((v - v.min()) / span, 9)


def kendall(a: FloatArray, b: FloatArray) -> float | str:
    """Kendall's tau-b (scipy, O(n log n)) between two orderings given as 'higher is better' values."""
    try:
        from scipy.stats import kendalltau
    except ImportError:
        return "n/a (scipy missing)"
    ra, rb = _rounded(a), _rounded(b)
    a_const, b_const = bool((ra == ra[0]).all()), bool((rb == rb[0]).all())
    if a_const or b_const:
        return 1.0 if a_const and b_const else 0.0
    return float(kendalltau(ra, rb).statistic)


# --- partnerfit ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerfitMethod:
    call: str  # what is timed, as shown in the tables
    run: Callable[[FloatArray, FloatArray, BoolArray], Any]
    figure: Callable[[Any], FloatArray]  # the method's own figure from the result
    higher_is_better: bool


def partnerfit_methods(problem: Problem) -> dict[str, PartnerfitMethod]:
    from partnerfit.mcda import promethee2, topsis, vikor, weighted_sum, wpm
    from partnerfit.mcda.promethee import Preference

    prefs = [Preference()] * len(problem.ids)  # "usual" on every criterion, as the built-in set has it
    return {
        "wsm": PartnerfitMethod(
            'weighted_sum(x, w, b, "sum")', lambda x, w, b: weighted_sum(x, w, b, "sum"), lambda r: r, True
        ),
        "wpm": PartnerfitMethod("wpm(x, w, b)", wpm, lambda r: r, True),
        "topsis": PartnerfitMethod("topsis(x, w, b)", topsis, lambda r: r.closeness, True),
        "vikor": PartnerfitMethod(
            f"vikor(x, w, b, {VIKOR_V})", lambda x, w, b: vikor(x, w, b, VIKOR_V), lambda r: r.q, False
        ),
        "promethee": PartnerfitMethod(
            "promethee2(x, w, b, usual)", lambda x, w, b: promethee2(x, w, b, prefs), lambda r: r.phi, True
        ),
    }


def scale_anchored_wsm(x: FloatArray, problem: Problem) -> FloatArray:
    """What the engine's wsm ranks by: (x − low) / (high − low), reversed for cost, weighted sum."""
    v = (x - problem.low) / (problem.high - problem.low)
    result: FloatArray = np.where(problem.benefit, v, 1.0 - v) @ problem.weights
    return result


@dataclass
class EngineRow:
    method: str
    n: int
    m: int
    mcda: float | None = None
    adapter: float | None = None
    score: float | None = None
    agreement: float | str | None = None  # engine ranking vs the mcda figure
    errors: list[str] = field(default_factory=list)


@dataclass
class Size:
    """One generated matrix, its file and the project loaded from it."""

    n: int
    x: FloatArray
    path: Path | None = None
    load: float | None = None
    project: Any = None
    decision: Any = None  # the engine's DecisionMatrix, when the internal API is there
    error: str = ""
    figures: dict[str, FloatArray] = field(default_factory=dict)  # partnerfit's figure per method
    mcda_time: dict[str, float] = field(default_factory=dict)


def prepare(n: int, problem: Problem) -> Size:
    import partnerfit

    size = Size(n, scores_matrix(n, problem))
    try:
        started = time.perf_counter()
        size.path = write_candidates(size.x, problem)
        progress(f"  wrote {size.path.relative_to(ROOT)} in {time.perf_counter() - started:.1f} s")
        gc.collect()
        started = time.perf_counter()
        size.project = partnerfit.load(size.path)
        size.load = time.perf_counter() - started
    except Exception as exc:
        size.error = reason(exc)
        progress(f"  cannot load the {n:,}-candidate file: {size.error}")
        return size
    try:
        from partnerfit.engine.matrix import build_matrix

        p = size.project
        size.decision = build_matrix(p.file.candidates, p.criteria, "mean", p.table)
        if not np.array_equal(size.decision.values, size.x):
            progress(f"  warning: the engine's matrix differs from the generated one at {n:,}")
    except Exception as exc:  # internal API moved: the adapter column reads n/a
        progress(f"  engine adapters not measured: {reason(exc)}")
    return size


def engine_scores(result: Any, n: int) -> FloatArray:
    """The engine's 0–100 scores in row order (NaN for candidates it did not score)."""
    row = {cid: i for i, cid in enumerate(candidate_ids(n))}
    out = np.full(n, np.nan)
    for entry in result.ranking:
        if entry.score is not None:
            out[row[entry.id]] = entry.score
    return out


def measure_engine(method: str, size: Size, problem: Problem, pf: PartnerfitMethod, repeat: int) -> EngineRow:
    import partnerfit

    x, n = size.x, size.n
    row = EngineRow(method, n, x.shape[1])
    w, b = problem.weights, problem.benefit
    try:
        figure = pf.figure(pf.run(x, w, b))
        size.figures[method] = figure
        row.mcda = median_time(repeat, lambda: pf.run(x, w, b))
        size.mcda_time[method] = row.mcda
    except Exception as exc:
        row.errors.append(f"mcda: {reason(exc)}")
    if size.decision is not None:
        try:
            from partnerfit.engine import registry
            from partnerfit.engine.dispatch import run_method
            from partnerfit.engine.output import MethodOptions

            registered = registry.get(method)
            options = MethodOptions(size.project.missing, VIKOR_V)
            row.adapter = median_time(repeat, lambda: run_method(registered, size.decision, options))
        except Exception as exc:
            row.errors.append(f"adapter: {reason(exc)}")
    if size.project is not None:
        try:
            result = partnerfit.score(size.project, method=method)
            row.score = median_time(repeat, lambda: partnerfit.score(size.project, method=method))
            scores = engine_scores(result, n)
            if np.isnan(scores).any():
                row.agreement = f"n/a ({int(np.isnan(scores).sum())} unscored)"
            elif method == "wsm":
                row.agreement = kendall(scores, scale_anchored_wsm(x, problem))
            elif method in size.figures:
                row.agreement = kendall(scores, goodness(size.figures[method], pf.higher_is_better))
        except Exception as exc:
            row.errors.append(f"score: {reason(exc)}")
    else:
        row.errors.append(f"score: {size.error}")
    return row


# --- libraries -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LibraryMethod:
    setup: str
    run: Callable[[FloatArray, FloatArray, BoolArray], tuple[FloatArray, FloatArray]]  # (figure, ranks 1 = best)
    higher_is_better: bool
    log10_of_partnerfit: bool = False  # the figure is log10 of partnerfit's (scikit-criteria WPM)


@dataclass
class Library:
    name: str
    version: str = ""
    error: str = ""  # why it cannot be used at all
    methods: dict[str, LibraryMethod | str] = field(default_factory=dict)  # str: why not


def _version_note(name: str, module: str, pinned: str) -> str:
    try:
        version = importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        version = getattr(importlib.import_module(module), "__version__", "?")
    return version if version == pinned else f"{version} (pinned {pinned})"


def scikit_criteria() -> Library:
    lib = Library("scikit-criteria")
    module, pinned = LIBRARIES[lib.name]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import skcriteria as skc
            from skcriteria.agg.simple import WeightedProductModel, WeightedSumModel
            from skcriteria.agg.topsis import TOPSIS
            from skcriteria.agg.vikor import VIKOR
            from skcriteria.pipelines import mkpipe
            from skcriteria.preprocessing.invert_objectives import InvertMinimize
            from skcriteria.preprocessing.scalers import SumScaler, VectorScaler
        lib.version = _version_note(lib.name, module, pinned)
    except Exception as exc:
        lib.error = f"not installed ({reason(exc)}); pip install -e '.[bench]'"
        return lib

    def runner(pipe: Any, key: str) -> Callable[[FloatArray, FloatArray, BoolArray], tuple[FloatArray, FloatArray]]:
        def run(x: FloatArray, w: FloatArray, b: BoolArray) -> tuple[FloatArray, FloatArray]:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                dm = skc.mkdm(x, np.where(b, 1, -1), weights=w)
                result = pipe.evaluate(dm)
            return np.asarray(result.e_[key], dtype=float), np.asarray(result.values, dtype=float)

        return run

    lib.methods = {
        "wsm": LibraryMethod(
            "InvertMinimize + SumScaler(both) + WeightedSumModel",
            runner(mkpipe(InvertMinimize(), SumScaler(target="both"), WeightedSumModel()), "score"),
            True,
        ),
        "wpm": LibraryMethod(
            "InvertMinimize + SumScaler(both) + WeightedProductModel (log10)",
            runner(mkpipe(InvertMinimize(), SumScaler(target="both"), WeightedProductModel()), "score"),
            True,
            log10_of_partnerfit=True,
        ),
        "topsis": LibraryMethod(
            "VectorScaler(matrix) + SumScaler(weights) + TOPSIS",
            runner(mkpipe(VectorScaler(target="matrix"), SumScaler(target="weights"), TOPSIS()), "similarity"),
            True,
        ),
        "vikor": LibraryMethod(
            f"VIKOR(v={VIKOR_V}), compared on Q",
            runner(mkpipe(SumScaler(target="weights"), VIKOR(v=VIKOR_V)), "q_k"),
            False,
        ),
        "promethee": f"scikit-criteria {lib.version} has no PROMETHEE",
    }
    return lib


def pymcdm_library() -> Library:
    lib = Library("pymcdm")
    module, pinned = LIBRARIES[lib.name]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from pymcdm import methods as pm
            from pymcdm.normalizations import sum_normalization, vector_normalization
        lib.version = _version_note(lib.name, module, pinned)
    except Exception as exc:
        lib.error = f"not installed ({reason(exc)}); pip install -e '.[bench]'"
        return lib

    def runner(method: Any) -> Callable[[FloatArray, FloatArray, BoolArray], tuple[FloatArray, FloatArray]]:
        def run(x: FloatArray, w: FloatArray, b: BoolArray) -> tuple[FloatArray, FloatArray]:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                prefs = np.asarray(method(x, w, np.where(b, 1, -1)), dtype=float)
            return prefs, np.asarray(method.rank(prefs), dtype=float)

        return run

    lib.methods = {
        "wsm": LibraryMethod("WSM(sum_normalization)", runner(pm.WSM(sum_normalization)), True),
        "wpm": LibraryMethod("WPM(sum_normalization)", runner(pm.WPM(sum_normalization)), True),
        "topsis": LibraryMethod(
            "TOPSIS(vector_normalization); cost as 1 − r", runner(pm.TOPSIS(vector_normalization)), True
        ),
        "vikor": LibraryMethod(f"VIKOR(v={VIKOR_V}), compared on Q", runner(pm.VIKOR(v=VIKOR_V)), False),
        "promethee": LibraryMethod('PROMETHEE_II("usual")', runner(pm.PROMETHEE_II("usual")), True),
    }
    return lib


@dataclass
class LibraryRow:
    method: str
    n: int
    library: str
    setup: str = ""
    seconds: float | None = None
    partnerfit: float | None = None
    tau: float | str | None = None  # on the figures
    tau_ranks: float | str | None = None  # the library's own ranks vs partnerfit's figure
    max_diff: float | None = None
    error: str = ""

    @property
    def ratio(self) -> float | None:
        if self.seconds is None or not self.partnerfit:
            return None
        return self.seconds / self.partnerfit


def measure_library(lib: Library, method: str, size: Size, problem: Problem, higher: bool, repeat: int) -> LibraryRow:
    row = LibraryRow(method, size.n, lib.name, partnerfit=size.mcda_time.get(method))
    if lib.error:
        row.error = lib.error
        return row
    spec = lib.methods.get(method, f"{lib.name} has no {method}")
    if isinstance(spec, str):
        row.error = spec
        return row
    row.setup = spec.setup
    x, w, b = size.x, problem.weights, problem.benefit
    try:
        figure, ranks = spec.run(x, w, b)
        row.seconds = median_time(repeat, lambda: spec.run(x, w, b))
    except Exception as exc:
        row.error = reason(exc)
        return row
    ours = size.figures.get(method)
    if ours is None:
        return row
    if spec.log10_of_partnerfit:
        ours = np.log10(ours)
    if figure.shape != ours.shape or not np.isfinite(figure).all():
        row.error = f"unexpected result: shape {figure.shape}, {int((~np.isfinite(figure)).sum())} non-finite"
        return row
    row.max_diff = float(np.abs(figure - ours).max())
    row.tau = kendall(goodness(figure, spec.higher_is_better), goodness(ours, higher))
    row.tau_ranks = kendall(-ranks, goodness(ours, higher))
    return row


# --- report --------------------------------------------------------------------------------------


def seconds(value: float | None) -> str:
    if value is None:
        return "n/a"
    if value < 0.001:
        return f"{value * 1e6:.0f} µs"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def tau_text(value: float | str | None) -> str:
    if value is None:
        return "n/a"
    return value if isinstance(value, str) else f"{value:.6f}"


def cell(text: str) -> str:
    return text.replace("|", "\\|")


def growth(now: float | None, before: float | None) -> str:
    return "" if now is None or not before else f"{now / before:.2f}×"


def target_cells(method: str, n: int, value: float | None) -> tuple[str, str]:
    if TARGET_ROWS.get(method) != n:
        return "", ""
    verdict = "n/a" if value is None else ("ok" if value < TARGET_SECONDS else "**MISSED**")
    return f"< {TARGET_SECONDS:g} s", verdict


def print_report(
    repeat: int,
    sizes: dict[int, Size],
    engine: list[EngineRow],
    libraries: list[Library],
    library_rows: list[LibraryRow],
    pf: dict[str, PartnerfitMethod],
    problem: Problem,
) -> None:
    import partnerfit

    m = len(problem.ids)
    print(f"\n# partnerfit method benchmarks — partnerfit {partnerfit.__version__}, numpy {np.__version__}, ", end="")
    print(f"Python {sys.version.split()[0]}, {sys.platform}, median of {repeat} run(s)\n")
    cost = [c for c, benefit in zip(problem.ids, problem.benefit.tolist(), strict=True) if not benefit]
    print(
        f"Matrix: candidates × {m} criteria of the built-in `{CRITERIA_SET}` set with its effective weights "
        f"(cost: {', '.join(cost)}); integer scores 1–5 (frequencies {LEVEL_WEIGHTS}), about "
        f"{HALF_SHARE:.0%} moved by half a point; knock-out criteria stay at or above their minimum, so the "
        f"engine ranks every row. Seed {SEED}."
    )

    print("\n## Generated files\n")
    print("| candidates | file | size | `partnerfit.load()` (once) |")
    print("|---:|---|---:|---:|")
    for n, size in sorted(sizes.items()):
        name = f"`{size.path.name}`" if size.path else "n/a"
        mib = f"{size.path.stat().st_size / 2**20:.1f} MiB" if size.path and size.path.is_file() else "n/a"
        load = seconds(size.load) if not size.error else f"n/a ({cell(size.error)})"
        print(f"| {n:,} | {name} | {mib} | {load} |")

    print("\n## 1. Engine time\n")
    print(
        "`mcda` is the pure numpy function on the matrix; `adapter` the engine adapter on the engine's "
        "decision matrix (engine/dispatch.py over engine/registry.py); `partnerfit.score()` the whole engine path "
        "on the loaded project (matrix, method, ranking). The target applies to `partnerfit.score()`. "
        "τ: Kendall tau-b between the engine's ranking and the mcda figure (for wsm: the engine's "
        "scale-anchored weighted sum, which is what `score()` ranks by; the `mcda` column times the "
        "sum-normalised `weighted_sum` used for the library comparison).\n"
    )
    print(
        "| method | candidates × criteria | mcda function | mcda | adapter | `partnerfit.score()` | target | verdict | engine vs mcda τ |"
    )
    print("|---|---:|---|---:|---:|---:|---|---|---:|")
    for row in engine:
        target, verdict = target_cells(row.method, row.n, row.score)
        print(
            f"| {row.method} | {row.n:,} × {row.m} | `{pf[row.method].call}` | {seconds(row.mcda)} "
            f"| {seconds(row.adapter)} | {seconds(row.score)} | {target} | {verdict} | {cell(tau_text(row.agreement))} |"
        )
    errors = [(row, e) for row in engine for e in row.errors]
    for row, error in errors:
        print(f"\n- {row.method} at {row.n:,}: {cell(error)}", end="")
    if errors:
        print()

    pairwise = [row for row in engine if row.method in PAIRWISE]
    if pairwise:
        print("\n## 2. PROMETHEE growth (pairwise: n² · m)\n")
        print(
            "| candidates | mcda | × previous | `partnerfit.score()` | × previous | (n / previous)² | mcda ns per pair·criterion |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|")
        previous: EngineRow | None = None
        for row in sorted(pairwise, key=lambda r: r.n):
            expected = "" if previous is None else f"{(row.n / previous.n) ** 2:.2f}×"
            per_pair = "n/a" if row.mcda is None else f"{row.mcda / (row.n * row.n * row.m) * 1e9:.2f}"
            print(
                f"| {row.n:,} | {seconds(row.mcda)} | {growth(row.mcda, previous.mcda if previous else None)} "
                f"| {seconds(row.score)} | {growth(row.score, previous.score if previous else None)} "
                f"| {expected} | {per_pair} |"
            )
            previous = row

    print("\n## 3. scikit-criteria and pymcdm on the same matrices\n")
    for lib in libraries:
        state = lib.error or f"version {lib.version}"
        print(f"- {lib.name}: {cell(state)}")
    print(
        "\nTimes start from the same numpy arrays (the library's own containers, such as scikit-criteria's "
        "DecisionMatrix and pymcdm's default input validation, are part of its time). `ratio` = library "
        "time / partnerfit mcda time: above 1, partnerfit is faster. τ (figure): Kendall tau-b between the "
        "library's figure and partnerfit's for the same method and normalisation (values rounded to 1e-9 "
        "of their range first, so last-bit differences make no order); τ (ranks): the library's own "
        "ranking against partnerfit's figure; max |Δ|: largest difference between the two figures.\n"
    )
    print(
        "| method | candidates | library | setup | library | partnerfit | ratio | τ (figure) | τ (ranks) | max \\|Δ\\| |"
    )
    print("|---|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for row in library_rows:
        if row.error:
            print(
                f"| {row.method} | {row.n:,} | {row.library} | n/a: {cell(row.error)} | n/a | {seconds(row.partnerfit)} | n/a | n/a | n/a | n/a |"
            )
            continue
        ratio = "n/a" if row.ratio is None else f"{row.ratio:.1f}×"
        diff = "n/a" if row.max_diff is None else f"{row.max_diff:.1e}"
        print(
            f"| {row.method} | {row.n:,} | {row.library} | {cell(row.setup)} | {seconds(row.seconds)} "
            f"| {seconds(row.partnerfit)} | {ratio} | {cell(tau_text(row.tau))} | {cell(tau_text(row.tau_ranks))} | {diff} |"
        )

    print("\n### Conventions\n")
    print(
        "- Weights: partnerfit scales them to sum 1; they are passed already summing to 1 to both libraries "
        "(pymcdm warns otherwise; scikit-criteria's SumScaler(weights) keeps them).\n"
        "- WSM, WPM: sum normalisation, x / Σx for benefit and (1/x) / Σ(1/x) for cost, in all three "
        "(scikit-criteria: InvertMinimize then SumScaler). scikit-criteria's WeightedProductModel reports "
        "log10 of the product (partnerfit's `wpm_log10`), so its figure is compared with log10 of `wpm`. "
        "partnerfit's engine `wsm` is different: scale-anchored, (x − low) / (high − low).\n"
        "- TOPSIS: vector normalisation in all three (pymcdm's default is min-max, so "
        "`vector_normalization` is passed). partnerfit and scikit-criteria keep x / ‖x‖ and take the "
        "minimum as ideal for cost; pymcdm turns cost into 1 − x / ‖x‖ and takes the maximum: the "
        "distances, and so the closeness, are the same.\n"
        "- VIKOR: compared on Q (lower is better). scikit-criteria's own ranks are dense and, by default "
        "(use_compromise_set=True), put the whole compromise set at rank 1; pymcdm ranks by Q alone "
        "with average ranks for ties; partnerfit's engine ranks by Q (score 100 × (1 − Q)), ties within "
        "1e-9 by id, and reports the compromise set separately.\n"
        "- PROMETHEE II: usual preference function, flows divided by n − 1, in partnerfit and pymcdm; "
        "scikit-criteria 0.10 has no PROMETHEE.\n"
        "- τ (ranks) below 1 while τ (figure) is 1 is tie handling, not a different result: the libraries rank "
        "their exact floats, so candidates equal on paper but a few ulps apart get different ranks "
        "(partnerfit's engine ties scores within 1e-9), and scikit-criteria's VIKOR ranks its compromise "
        "set first."
    )
    if any(p != "usual" for p in problem.preferences):
        print(
            "- Note: the criteria set defines non-usual PROMETHEE preferences; the engine uses them, the "
            "mcda and library rows use usual on every criterion."
        )


# --- main ------------------------------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    return sorted({int(s.replace("_", "").strip()) for s in text.split(",") if s.strip()})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure; the median is reported")
    parser.add_argument("--sizes", default="1000,10000,100000", help="candidates for wsm, wpm, topsis, vikor")
    parser.add_argument("--pairwise-sizes", default="500,1000,2000", help="candidates for promethee (n² cost)")
    parser.add_argument("--no-libraries", action="store_true", help="skip scikit-criteria and pymcdm")
    args = parser.parse_args(argv)
    repeat = max(1, args.repeat)
    sizes, pairwise_sizes = parse_sizes(args.sizes), parse_sizes(args.pairwise_sizes)

    problem = load_problem()
    pf = partnerfit_methods(problem)
    libraries = [] if args.no_libraries else [scikit_criteria(), pymcdm_library()]
    for lib in libraries:
        progress(f"{lib.name}: {lib.error or lib.version}")

    plan = [(method, n) for method in METHODS for n in (pairwise_sizes if method in PAIRWISE else sizes)]
    prepared: dict[int, Size] = {}
    engine: list[EngineRow] = []
    library_rows: list[LibraryRow] = []
    for n in sorted({n for _, n in plan}):
        progress(f"{n:,} candidates: generating and loading ...")
        size = prepare(n, problem)
        prepared[n] = size
        for method in [m for m, k in plan if k == n]:
            progress(f"  {method} {n:,} × {len(problem.ids)}: partnerfit ...")
            engine.append(measure_engine(method, size, problem, pf[method], repeat))
            for lib in libraries:
                progress(f"  {method} {n:,} × {len(problem.ids)}: {lib.name} ...")
                library_rows.append(measure_library(lib, method, size, problem, pf[method].higher_is_better, repeat))
        size.project = size.decision = None  # free the large projects before the next size
        gc.collect()

    order = {m: i for i, m in enumerate(METHODS)}
    engine.sort(key=lambda r: (order[r.method], r.n))
    library_rows.sort(key=lambda r: (order[r.method], r.n, r.library))
    print_report(repeat, prepared, engine, libraries, library_rows, pf, problem)
    return 0


if __name__ == "__main__":
    sys.exit(main())
