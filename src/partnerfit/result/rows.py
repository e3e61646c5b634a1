"""Read-only mappings over one row of a shared table, built only when a renderer asks."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

Numbers = Callable[[npt.NDArray[np.float64]], npt.NDArray[np.float64]]  # e.g. how an output writes floats


class RowTable:
    """A candidates × keys float matrix whose rows become ``{key: value}`` mappings on demand.

    ``gaps`` says what NaN means: ``"none"`` keeps the key with None, ``"drop"`` leaves it out.
    Turning 100,000 rows into dicts up front costs more than scoring them; most renderers read
    only the rows they show.
    """

    def __init__(self, keys: tuple[str, ...], matrix: npt.NDArray[np.float64], gaps: str) -> None:
        self.keys = keys
        self.matrix = matrix
        self.drop = gaps == "drop"
        nan = np.isnan(matrix)
        empty = [False] * len(matrix)
        self.has_gap: list[bool] = np.any(nan, axis=1).tolist() if matrix.size else empty
        self.has_value: list[bool] = np.any(~nan, axis=1).tolist() if matrix.size else empty

    def row(self, i: int) -> RowMapping:
        """The lazy mapping of row ``i``."""
        return RowMapping(self, i)

    def as_dict(self, i: int) -> dict[str, Any]:
        """Row ``i`` as a fresh dict."""
        values = self.matrix[i].tolist()
        if not self.has_gap[i]:
            return dict(zip(self.keys, values))  # noqa: B905 - rows have one value per key
        if self.drop:
            return {k: x for k, x in zip(self.keys, values, strict=True) if x == x} if self.has_value[i] else {}
        return {k: (x if x == x else None) for k, x in zip(self.keys, values, strict=True)}

    def dicts(self, indices: list[int], numbers: Numbers | None = None) -> list[dict[str, Any]]:
        """Rows ``indices`` as fresh dicts, converted in one pass (for whole JSON chunks).

        ``numbers`` maps the rows' matrix first (the JSON writer's rounding, once per chunk, not per float).
        """
        keys, drop = self.keys, self.drop
        matrix = self.matrix[indices] if indices else self.matrix[:0]
        values = (numbers(matrix) if numbers is not None else matrix).tolist()
        result = []
        for i, row in zip(indices, values, strict=True):
            if not self.has_gap[i]:
                result.append(dict(zip(keys, row)))  # noqa: B905 - rows have one value per key
            elif drop:
                result.append({k: x for k, x in zip(keys, row, strict=True) if x == x} if self.has_value[i] else {})
            else:
                result.append({k: (x if x == x else None) for k, x in zip(keys, row, strict=True)})
        return result


class RowMapping(Mapping[str, Any]):
    """One row of a RowTable, materialised on first use."""

    __slots__ = ("_cache", "_index", "_table")

    def __init__(self, table: RowTable, index: int) -> None:
        self._table = table
        self._index = index
        self._cache: dict[str, Any] | None = None

    def _data(self) -> dict[str, Any]:
        if self._cache is None:
            self._cache = self._table.as_dict(self._index)
        return self._cache

    def __getitem__(self, key: str) -> Any:
        return self._data()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())

    def __repr__(self) -> str:
        return repr(self._data())

    def as_dict(self) -> dict[str, Any]:
        """A fresh plain dict of the row."""
        return dict(self._data()) if self._cache is not None else self._table.as_dict(self._index)


def plain(mapping: Mapping[str, Any]) -> dict[str, Any]:
    """A fresh dict of any mapping, cheaply for a RowMapping."""
    if type(mapping) is RowMapping and mapping._cache is None:
        return mapping._table.as_dict(mapping._index)
    return dict(mapping)
