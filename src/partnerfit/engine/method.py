"""What a scoring method declares (name, properties, words) and the arrays it reads and returns."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the registry is read by `--help` too, which must not wait for numpy
    import numpy as np
    import numpy.typing as npt

    from partnerfit.mcda.promethee import Preference

    FloatArray = npt.NDArray[np.float64]
    BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Table:
    """The rows a method scores: raw scores on each criterion's own scale, and what reading them needs.

    ``values`` hold NaN for a missing score only for a method that accepts gaps (``needs_complete``
    False); otherwise a missing score was already replaced by the scale's worst point, or refused.
    ``weights`` sum to 1. ``v`` is VIKOR's weight of the group utility and ``preferences`` are
    PROMETHEE's preference functions, one per criterion: other methods ignore them.
    """

    ids: tuple[str, ...]
    criteria: tuple[str, ...]
    values: FloatArray
    weights: FloatArray
    low: FloatArray
    high: FloatArray
    lower: BoolArray
    v: float = 0.5
    preferences: tuple[Preference, ...] = ()

    @property
    def benefit(self) -> BoolArray:
        """True where a higher score is better."""
        result: BoolArray = ~self.lower
        return result

    def anchored(self) -> FloatArray:
        """Scale-anchored values in 0–1 (1 = the best point of each scale), NaN where missing."""
        import numpy as np

        v = (self.values - self.low) / (self.high - self.low)
        result: FloatArray = np.where(self.lower, 1.0 - v, v)
        return result


@dataclass(frozen=True)
class Figures:
    """What a method computes for the rows of a Table, one value per row.

    ``value`` is the method's own figure (C for topsis, Q for vikor…); ``score`` the 0–100 score,
    left None for ``Method.to_score(value)`` to give it. ``details`` hold per-row figures under
    the keys the method declares; ``summary`` method-level facts; ``rank_key`` orders rows as the
    score does but finer, where the score underflows. ``contributions`` (rows × criteria) are the
    points each criterion adds to the score and ``counted`` where a criterion counts: additive
    methods only.
    """

    value: FloatArray
    score: FloatArray | None = None
    details: Mapping[str, FloatArray] = field(default_factory=dict)
    summary: Mapping[str, Any] = field(default_factory=dict)
    rank_key: FloatArray | None = None
    contributions: FloatArray | None = None
    counted: BoolArray | None = None


def _no_check(table: Table) -> None:
    """Every table a method accepts: no precondition beyond the complete scores it may declare."""


@dataclass(frozen=True)
class Method:
    """A scoring method as the registry knows it: what every command, analysis and renderer reads of it.

    - ``figures`` computes the method on a Table; ``to_score`` maps its value to the 0–100 score
      (higher is better), clipped to 0–100.
    - ``additive``: the score is 100 × Σ w·v / Σ w over the criteria counted, v scale-anchored
      (the weighted sum): points add up to the score, weight stability intervals and explain's
      targets are exact, samples are scored in bulk. Otherwise the method is re-run.
    - ``needs_complete``: the method compares candidates with each other, so it runs on the
      eligible rows and every score is needed (a gap is an error, or the worst point with
      ``missing: worst``). Otherwise it scores each row on its own, excluded ones too, a gap left out.
    - ``positive``: every score must be above 0 (sampled score ranges stop above 0); ``check``
      raises MethodError on a table the method refuses.
    - ``details``: the per-candidate figures it reports, in order (keys of ``Figures.details``).
    - ``label`` and ``formula``: keys of the words that name it and give its formula (the
      translation catalogues, else ``texts``, where a method brings its own words by key and language).
    """

    name: str
    figures: Callable[[Table], Figures]
    to_score: Callable[[FloatArray], FloatArray]
    additive: bool = False
    needs_complete: bool = True
    positive: bool = False
    check: Callable[[Table], None] = _no_check
    details: tuple[str, ...] = ()
    label: str = ""
    formula: str = ""
    texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.name.isidentifier() or not self.name.islower():
            raise ValueError(f"a method's name is a lowercase identifier, such as 'wsm'; got {self.name!r}")
        object.__setattr__(self, "label", self.label or self.name)
        object.__setattr__(self, "formula", self.formula or f"report_formula_{self.name}")

    def run(self, table: Table) -> Figures:
        """The method's figures on ``table``, with the 0–100 score."""
        import numpy as np

        figures = self.figures(table)
        missing = [key for key in self.details if key not in figures.details]
        if missing:
            raise ValueError(f"{self.name} declares the detail {missing[0]!r} but did not compute it")
        score = self.to_score(figures.value) if figures.score is None else figures.score
        return replace(figures, score=np.clip(score, 0.0, 100.0))
