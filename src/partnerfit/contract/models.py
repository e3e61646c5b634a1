"""pydantic models of the two file kinds: the single definition of the FORMAT.md contract."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from partnerfit import numbers
from partnerfit.errors import Msg, msg

Id = Annotated[str, StringConstraints(pattern=r"^\S+$", min_length=1)]
# beyond ±1e15 a double no longer holds every integer, and sums or squares of such numbers overflow
# or swallow the small ones: scales, weights and thresholds are kept well inside that range
MAX_MAGNITUDE = 1e15
MIN_WEIGHT = 1e-15
# a scale's range must hold a millionth of its largest bound (and of 1): steps of a tenth of the range
# then stay far above rounding for every method, including ratio methods such as wpm
MIN_SCALE_SPAN = 1e-6


def refuse(error: str, template: str, at: str | None = None, /, **values: str | Msg) -> PydanticCustomError:
    """A validation error whose message is kept as data (template and values) to be worded in a language."""
    ctx: dict[str, Any] = {**values, "msgid": template}
    if at:
        ctx["at"] = at
    return PydanticCustomError(error, template, ctx)


def _not_tiny(weight: float) -> float:
    if weight < MIN_WEIGHT:
        raise refuse(
            "weight_too_small",
            "a weight below 1e-15 cannot be told from zero; give every sibling a larger weight (only ratios matter)",
        )
    return weight


AnyNumber = Annotated[float, Strict(), AllowInfNan(False)]  # a score: its scale bounds it (checked later)
Number = Annotated[float, Strict(), AllowInfNan(False), Field(ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE)]
Weight = Annotated[float, Strict(), AllowInfNan(False), Field(gt=0, le=MAX_MAGNITUDE), AfterValidator(_not_tiny)]
Magnitude = Annotated[float, Strict(), AllowInfNan(False), Field(ge=0, le=MAX_MAGNITUDE)]
Text = Annotated[str, Strict()]
MissingPolicy = Literal["ignore", "worst", "error"]
Direction = Literal["higher", "lower"]


def _check_label(value: Any) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        return value
    raise refuse(
        "label_type",
        "expected a text, or a mapping of language to text such as {example}",
        example="{en: ..., fr: ...}",
    )


Label = Annotated[str | dict[str, str], BeforeValidator(_check_label)]
# pydantic's lax booleans: true/false, yes/no, on/off, y/n, 1/0 in any case; null = not answered
GateAnswer = bool | None


def label_text(label: Label | None, lang: str, default: str = "") -> str:
    """The text of a label in ``lang``, else English, else its first language, else ``default``."""
    if label is None:
        return default
    if isinstance(label, str):
        return label
    return label.get(lang) or label.get("en") or next(iter(label.values()), default)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Scale(_Model):
    """Not a file object: the [min, max] pair after validation."""

    low: float
    high: float


def _check_scale(value: Any) -> Any:
    if (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    ):
        low, high = value
        if not low < high:
            raise refuse(
                "scale_order",
                "a scale is [min, max] with min < max; found [{low}, {high}]",
                low=str(low),
                high=str(high),
            )
        if high - low < MIN_SCALE_SPAN * max(1.0, abs(low), abs(high)):
            # scores on such a scale differ by less than rounding: methods would rank a dominated
            # candidate level with the one that dominates it (or underflow to equal scores)
            raise refuse(
                "scale_span",
                "the scale [{low}, {high}] is too narrow to compute with: max - min must be at least "
                "1e-6 × the largest of 1, |min| and |max|; use other units, such as [0, 1]",
                low=str(low),
                high=str(high),
            )
        return value
    texts = [v for v in value if isinstance(v, str)] if isinstance(value, list | tuple) else []
    hint = numbers.text_hint(texts[0]) if texts else ""
    raise refuse("scale_type", "a scale is a list of two numbers [min, max], such as [1, 5]{hint}", hint=hint)


ScaleBounds = Annotated[list[Number], BeforeValidator(_check_scale)]


PreferenceKind = Literal["usual", "u-shape", "v-shape", "level", "linear", "gaussian"]
_PREFERENCE_NEEDS = {
    "usual": (),
    "u-shape": ("q",),
    "v-shape": ("p",),
    "level": ("q", "p"),
    "linear": ("q", "p"),
    "gaussian": ("s",),
}
Threshold = Magnitude


class Preference(_Model):
    """PROMETHEE preference function of a criterion; thresholds in the criterion's scale units."""

    type: PreferenceKind = "usual"
    """Preference function: usual, u-shape (q), v-shape (p), level (q, p), linear (q, p) or gaussian (s)."""
    q: Threshold | None = None
    """Indifference threshold, in the criterion's scale units."""
    p: Threshold | None = None
    """Strict-preference threshold, in the criterion's scale units (q <= p)."""
    s: Annotated[float, Strict(), AllowInfNan(False), Field(gt=0, le=MAX_MAGNITUDE)] | None = None
    """Gaussian parameter, in the criterion's scale units."""

    @model_validator(mode="after")
    def _thresholds(self) -> Preference:
        needed = _PREFERENCE_NEEDS[self.type]
        missing = [name for name in needed if getattr(self, name) is None]
        extra = [name for name in ("q", "p", "s") if name not in needed and getattr(self, name) is not None]
        if missing or extra:
            names = ", ".join(missing or extra)
            problem = msg("missing {names}", names=names) if missing else msg("{names} does not apply", names=names)
            raise refuse(
                "preference_thresholds",
                "a {function} preference function takes {wanted}; {problem}",
                (missing or extra)[0],
                function=repr(self.type),
                wanted=", ".join(needed) if needed else msg("no threshold"),
                problem=problem,
            )
        if self.q is not None and self.p is not None and self.q > self.p:
            raise refuse("preference_order", "q ({q}) must not exceed p ({p})", "q", q=f"{self.q:g}", p=f"{self.p:g}")
        return self


def _saaty_value(value: Any) -> Any:
    if isinstance(value, str) and "/" in value:
        top, _, bottom = (numbers.read_number(part.strip()) for part in value.partition("/"))
        if top is None or not bottom:  # bottom: None, or zero
            raise refuse("saaty", 'a comparison is a number from 1/9 to 9, such as 3 or "1/3"')
        value = top / bottom
    if isinstance(value, bool) or not isinstance(value, int | float) or not 1 / 9 - 1e-9 <= value <= 9 + 1e-9:
        raise refuse(
            "saaty",
            'a comparison is a number from 1/9 to 9 (Saaty\'s scale), such as 3 or "1/3"; found {found}',
            found=repr(value),
        )
    return float(value)


SaatyValue = Annotated[float, BeforeValidator(_saaty_value)]


class Weighting(_Model):
    """How sibling weights are derived: given directly, from AHP comparisons, or from a rank order."""

    method: Literal["direct", "ahp", "roc", "rank_sum"]
    """direct (the written weights), ahp (pairwise comparisons), roc or rank_sum (a rank order)."""
    comparisons: list[tuple[Id, Id, SaatyValue]] | None = None
    """AHP judgements [a, b, v]: a is v times as important as b, v from 1/9 to 9 (Saaty); reciprocals implied."""
    order: Annotated[list[Id], Field(min_length=1)] | None = None
    """For roc and rank_sum: every item, from the most to the least important."""

    @model_validator(mode="after")
    def _inputs(self) -> Weighting:
        if self.method == "ahp" and not self.comparisons:
            raise refuse("weighting", "AHP weighting lists its 'comparisons': [[a, b, 3], ...]", "method")
        if self.method in ("roc", "rank_sum") and not self.order:
            raise refuse(
                "weighting", "{method} weighting lists the 'order', most important first", "method", method=self.method
            )
        if self.method != "ahp" and self.comparisons is not None:
            raise refuse("weighting", "'comparisons' belong to AHP weighting (method: ahp)", "comparisons")
        if self.method not in ("roc", "rank_sum") and self.order is not None:
            raise refuse("weighting", "'order' belongs to rank-order weighting (method: roc or rank_sum)", "order")
        return self


class Criterion(_Model):
    """One weighted criterion, scored on its own scale."""

    label: Label | None = None
    """Name shown to people: a text, or {en: ..., fr: ...}."""
    short: Label | None = None
    """Short column header (narrow tables): a text or {language: text}."""
    description: Label | None = None
    """One line saying what is assessed: a text or {language: text}."""
    weight: Weight = 1.0
    """Weight among sibling criteria (> 0; only ratios matter). Default 1."""
    scale: ScaleBounds | None = None
    """[min, max] of the scores (min < max); default: the set's scale."""
    direction: Direction = "higher"
    """higher (default) or lower: lower is better (cost, risk)."""
    levels: dict[str, Label] = Field(default_factory=dict)
    """What points of the scale mean, e.g. {1: ..., 3: ..., 5: ...}."""
    minimum: Number | None = None
    """Knock-out: a candidate scoring below it is excluded."""
    maximum: Number | None = None
    """Knock-out: a candidate scoring above it is excluded."""
    preference: Preference | None = None
    """PROMETHEE preference function of this criterion."""


class Group(_Model):
    """A weighted group of criteria; weights are normalised among siblings."""

    label: Label | None = None
    """Name shown to people: a text, or {en: ..., fr: ...}."""
    short: Label | None = None
    """Short column header (narrow tables)."""
    description: Label | None = None
    """One line saying what the group covers."""
    weight: Weight = 1.0
    """Weight among sibling groups (> 0; only ratios matter). Default 1."""
    weighting: Weighting | None = None
    """How the weights of this group's criteria are derived (AHP, rank order)."""
    criteria: Annotated[dict[Id, Criterion], Field(min_length=1)]
    """The group's criteria, by id (ids unique across the whole set)."""


class Gate(_Model):
    """A yes/no exclusion question: a candidate answering true is excluded."""

    label: Label | None = None
    """The yes/no question; a candidate answering true is excluded."""
    description: Label | None = None
    """What counts as yes."""


class CriteriaFile(_Model):
    """A criteria set (``kind: criteria``): groups or flat criteria, gates, defaults."""

    partnerfit: Literal[1] | None = None
    """Format version: 1."""
    kind: Literal["criteria"] | None = None
    """criteria."""
    name: Id | None = None
    """Id of the set (default: the file name)."""
    title: Label | None = None
    """Title: a text or {language: text}."""
    description: Label | None = None
    """What the set is for."""
    scale: ScaleBounds = Field(default_factory=lambda: [1.0, 5.0])
    """Default [min, max] scale of every criterion. Default [1, 5]."""
    missing: MissingPolicy = "ignore"
    """What a missing score counts as: ignore (default), worst or error."""
    groups: Annotated[dict[Id, Group], Field(min_length=1)] | None = None
    """Weighted groups of criteria (or use 'criteria', not both)."""
    criteria: Annotated[dict[Id, Criterion], Field(min_length=1)] | None = None
    """Flat weighted criteria (or use 'groups', not both)."""
    weighting: Weighting | None = None
    """How the top-level weights (groups, or flat criteria) are derived: AHP or a rank order."""
    gates: dict[Id, Gate] = Field(default_factory=dict)
    """Yes/no exclusion questions (no weight)."""

    @model_validator(mode="after")
    def _groups_or_criteria(self) -> CriteriaFile:
        if (self.groups is None) == (self.criteria is None):
            both = self.groups is not None
            if both:
                raise refuse(
                    "groups_or_criteria", "a criteria set has 'groups' or 'criteria' (not both); found both", "criteria"
                )
            raise refuse("groups_or_criteria", "a criteria set has 'groups' or 'criteria' (not both); found neither")
        return self
