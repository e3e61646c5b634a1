"""The one number writer of machine outputs (JSON, CSV, XLSX): floats rounded to 10 decimal places."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

DECIMALS = 10  # docs/format.md, "JSON output": as pandas' to_json writes by default
_SCALE = 10.0**DECIMALS
_EXACT = 2.0**52  # beyond it a scaled float has no fraction left to round


def written(x: float) -> float:
    """``x`` as outputs write it: Python's ``round(x, 10)`` (on its exact decimal value), ``-0.0`` as ``0.0``."""
    return round(x, DECIMALS) + 0.0  # adding 0.0 turns -0.0 into 0.0 and leaves every other float as it is


def written_array(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """:func:`written` of every element, vectorised: the same floats, bit for bit; NaN stays NaN.

    numpy rounds ``x * 1e10``, a product rounded once more: it can land on the other side of a half
    when the exact product is within an ulp of one, or lose the fraction when huge. Those rare
    elements (and only them) are rounded again by Python's exact ``round``.
    """
    with np.errstate(invalid="ignore", over="ignore"):
        scaled = values * _SCALE
        rounded = np.rint(scaled) / _SCALE + 0.0
        near_half = np.abs(np.abs(scaled - np.floor(scaled)) - 0.5) <= 2 * np.spacing(np.abs(scaled))
        doubtful = np.flatnonzero(near_half | (np.abs(scaled) >= _EXACT))
    flat = rounded.reshape(-1)
    source = values.reshape(-1)
    for k in doubtful.tolist():
        flat[k] = written(float(source[k]))
    return rounded


def written_numbers(document: Any) -> Any:
    """A copy of a JSON-ready document with every float written (ints, bools, texts and None as they are)."""
    kind = type(document)
    if kind is float:
        return written(document)
    if kind is dict:
        return {key: written_numbers(value) for key, value in document.items()}
    if kind is list or kind is tuple:
        return [written_numbers(value) for value in document]
    if isinstance(document, float):  # a float subclass (numpy.float64)
        return written(float(document))
    return document
