"""The method registry: every scoring method, declared once, as commands, analyses, renderers and words read it."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from partnerfit.engine.method import Figures, Method, Table
from partnerfit.errors import MethodError

if TYPE_CHECKING:
    from partnerfit.engine.method import FloatArray

# The methods' modules (and numpy) are imported when a method runs: `--help` lists the names only.
DEFAULT = "wsm"  # FORMAT.md's method: what a command runs without --method, and what --compare compares with


def _wsm(table: Table) -> Figures:
    """Score = 100 × Σ w·v / Σ w over the criteria scored (every one, a gap being the worst point, under ``worst``)."""
    import numpy as np

    v = table.anchored()
    counted = ~np.isnan(v)
    w = np.where(counted, table.weights, 0.0)
    total = w.sum(axis=1)
    safe = np.where(total > 0, total, 1.0)
    # clipped: rounding must never show 100.00000000000001
    parts = np.clip(np.where(counted, 100.0 * w * np.nan_to_num(v) / safe[:, None], 0.0), 0.0, 100.0)
    score = np.clip(np.where(total > 0, 100.0 * (w * np.nan_to_num(v)).sum(axis=1) / safe, 0.0), 0.0, 100.0)
    return Figures(score, contributions=parts, counted=counted)


def _check_positive(table: Table) -> None:
    import numpy as np

    if (table.values <= 0).any():
        i, j = (int(k[0]) for k in np.nonzero(table.values <= 0))
        raise MethodError(
            f"wpm multiplies scores, so every score must be positive: {table.ids[i]} has "
            f"{table.values[i, j]:g} for {table.criteria[j]}; use another method or a scale above 0"
        )


def _wpm(table: Table) -> Figures:
    """Weighted product on sum-normalised scores: value P, score = 100 × P / max P."""
    import numpy as np

    from partnerfit.mcda.wpm import wpm_log10

    logs = wpm_log10(table.values, table.weights, table.benefit)
    # = 100 P / max P, without dividing underflowed products; log10 P keeps a dominated candidate
    # below its dominator where a product a billion times below the best shows 0
    score = 100.0 * np.power(10.0, logs - logs.max())
    return Figures(np.power(10.0, logs), score=score, rank_key=logs)


def _topsis(table: Table) -> Figures:
    """TOPSIS with vector normalisation: value C, score = 100 × C."""
    from partnerfit.mcda.topsis import topsis

    result = topsis(table.values, table.weights, table.benefit)
    return Figures(result.closeness, details={"d_plus": result.d_plus, "d_minus": result.d_minus})


def _vikor(table: Table) -> Figures:
    """VIKOR with weight v on the group utility: value Q, score = 100 × (1 − Q), a lower Q being better."""
    from partnerfit.mcda.vikor import vikor

    result = vikor(table.values, table.weights, table.benefit, table.v)
    summary = {
        "v": table.v,
        "acceptable_advantage": result.acceptable_advantage,
        "acceptable_stability": result.acceptable_stability,
        "compromise": [table.ids[k] for k in result.compromise],
    }
    return Figures(result.q, details={"s": result.s, "r": result.r, "q": result.q}, summary=summary)


def _promethee(table: Table) -> Figures:
    """PROMETHEE II net flow with each criterion's preference function: value φ, score = 50 × (φ + 1)."""
    from partnerfit.mcda.promethee import promethee2

    result = promethee2(table.values, table.weights, table.benefit, table.preferences or None)
    return Figures(result.phi, details={"phi_plus": result.phi_plus, "phi_minus": result.phi_minus})


def _same(value: FloatArray) -> FloatArray:
    return value


def _hundred(value: FloatArray) -> FloatArray:
    result: FloatArray = 100.0 * value
    return result


def _one_minus(value: FloatArray) -> FloatArray:
    result: FloatArray = 100.0 * (1.0 - value)
    return result


def _half_plus_one(value: FloatArray) -> FloatArray:
    result: FloatArray = 50.0 * (value + 1.0)
    return result


def _percent_of_best(value: FloatArray) -> FloatArray:
    result: FloatArray = 100.0 * (value / value.max())
    return result


_METHODS: dict[str, Method] = {
    m.name: m
    for m in (
        Method("wsm", _wsm, _same, additive=True, needs_complete=False),
        # wpm declares 100 × P / max P, and computes it from log10 P: exact where a product underflows
        Method("wpm", _wpm, _percent_of_best, positive=True, check=_check_positive),
        Method("topsis", _topsis, _hundred, details=("d_plus", "d_minus")),
        Method("vikor", _vikor, _one_minus, details=("s", "r", "q")),
        Method("promethee", _promethee, _half_plus_one, details=("phi_plus", "phi_minus")),
    )
}
METHODS: Mapping[str, Method] = MappingProxyType(_METHODS)  # by name, in the order commands list them
_BUILT_IN = frozenset(_METHODS)


def register(method: Method) -> Method:
    """Add ``method`` to the registry (last in the lists); a name is registered once."""
    if method.name in _METHODS:
        raise ValueError(f"a method named {method.name!r} is already registered")
    _METHODS[method.name] = method
    return method


def get(name: str) -> Method:
    """The registered method ``name``; MethodError names the available ones otherwise."""
    method = _METHODS.get(name)
    if method is None:
        raise MethodError(f"unknown method {name!r}; available: {', '.join(_METHODS)}")
    return method


def additive(name: str) -> bool:
    """Whether method ``name`` is additive: points add up to its score, so exact targets and intervals apply."""
    return get(name).additive


def unregister(name: str) -> Method:
    """Remove a method registered at run time (a test, a plugin being unloaded); the built-in ones stay."""
    if name in _BUILT_IN:
        raise ValueError(f"{name!r} is built in: it cannot be unregistered")
    return _METHODS.pop(name)
