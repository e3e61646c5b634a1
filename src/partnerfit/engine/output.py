"""What every scoring method receives (options) and returns (a 0–100 score and its own figures)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class MethodOptions:
    """Settings of a run: the missing-score policy and method parameters."""

    missing: str = "ignore"
    vikor_v: float = 0.5


@dataclass(frozen=True)
class MethodOutput:
    """A method's result, one value per candidate row (NaN for rows the method did not score).

    ``score`` is 0–100, higher is better (what tables show and rank by); ``value`` is the method's
    own figure (the score for wsm, C for topsis, Q for vikor, φ for promethee, the product for
    wpm); ``contributions`` are points per criterion (additive methods only, else NaN);
    ``details`` hold per-candidate figures such as D⁺/D⁻, and ``summary`` method-level facts.
    ``rank_key``, when set, orders candidates as the score does but finer (wpm: log10 of the
    product), where the 0–100 score underflows: ties need both within 1e-9.
    """

    score: FloatArray
    value: FloatArray
    contributions: FloatArray
    counted: npt.NDArray[np.bool_]
    coverage: FloatArray
    details: Mapping[str, FloatArray] = field(default_factory=dict)
    summary: Mapping[str, Any] = field(default_factory=dict)
    rank_key: FloatArray | None = None
