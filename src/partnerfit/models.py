"""pydantic models of the two file kinds: the single definition of the FORMAT.md contract."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
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

Id = Annotated[str, StringConstraints(pattern=r"^\S+$", min_length=1)]
Number = Annotated[float, Strict(), AllowInfNan(False)]
Weight = Annotated[float, Strict(), AllowInfNan(False), Field(gt=0)]
Text = Annotated[str, Strict()]
MissingPolicy = Literal["ignore", "worst", "error"]
Direction = Literal["higher", "lower"]


def _check_label(value: Any) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        return value
    raise PydanticCustomError(
        "label_type", "expected a text, or a mapping of language to text such as {en: ..., fr: ...}"
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
    model_config = ConfigDict(extra="forbid", frozen=True)


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
            raise PydanticCustomError(
                "scale_order",
                "a scale is [min, max] with min < max; found [{low}, {high}]",
                {"low": low, "high": high},
            )
        return value
    raise PydanticCustomError("scale_type", "a scale is a list of two numbers [min, max], such as [1, 5]")


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
Threshold = Annotated[float, Strict(), AllowInfNan(False), Field(ge=0)]


class Preference(_Model):
    """PROMETHEE preference function of a criterion; thresholds in the criterion's scale units."""

    type: PreferenceKind = "usual"
    q: Threshold | None = None
    p: Threshold | None = None
    s: Annotated[float, Strict(), AllowInfNan(False), Field(gt=0)] | None = None

    @model_validator(mode="after")
    def _thresholds(self) -> Preference:
        needed = _PREFERENCE_NEEDS[self.type]
        missing = [name for name in needed if getattr(self, name) is None]
        extra = [name for name in ("q", "p", "s") if name not in needed and getattr(self, name) is not None]
        if missing or extra:
            wanted = ", ".join(needed) if needed else "no threshold"
            problem = f"missing {', '.join(missing)}" if missing else f"{', '.join(extra)} does not apply"
            raise PydanticCustomError(
                "preference_thresholds",
                f"a {self.type!r} preference function takes {wanted}; {problem}",
                {"at": (missing or extra)[0]},
            )
        if self.q is not None and self.p is not None and self.q > self.p:
            raise PydanticCustomError("preference_order", f"q ({self.q:g}) must not exceed p ({self.p:g})", {"at": "q"})
        return self


def _saaty_value(value: Any) -> Any:
    if isinstance(value, str) and "/" in value:
        top, _, bottom = value.partition("/")
        try:
            value = float(top) / float(bottom)
        except (ValueError, ZeroDivisionError):
            raise PydanticCustomError("saaty", 'a comparison is a number from 1/9 to 9, such as 3 or "1/3"') from None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 1 / 9 - 1e-9 <= value <= 9 + 1e-9:
        raise PydanticCustomError(
            "saaty",
            'a comparison is a number from 1/9 to 9 (Saaty\'s scale), such as 3 or "1/3"; found {found}',
            {"found": repr(value)},
        )
    return float(value)


SaatyValue = Annotated[float, BeforeValidator(_saaty_value)]


class Weighting(_Model):
    """How sibling weights are derived: given directly, from AHP comparisons, or from a rank order."""

    method: Literal["direct", "ahp", "roc", "rank_sum"]
    comparisons: list[tuple[Id, Id, SaatyValue]] | None = None
    order: Annotated[list[Id], Field(min_length=1)] | None = None

    @model_validator(mode="after")
    def _inputs(self) -> Weighting:
        if self.method == "ahp" and not self.comparisons:
            raise PydanticCustomError(
                "weighting", "AHP weighting lists its 'comparisons': [[a, b, 3], ...]", {"at": "method"}
            )
        if self.method in ("roc", "rank_sum") and not self.order:
            raise PydanticCustomError(
                "weighting", f"{self.method} weighting lists the 'order', most important first", {"at": "method"}
            )
        if self.method != "ahp" and self.comparisons is not None:
            raise PydanticCustomError(
                "weighting", "'comparisons' belong to AHP weighting (method: ahp)", {"at": "comparisons"}
            )
        if self.method not in ("roc", "rank_sum") and self.order is not None:
            raise PydanticCustomError(
                "weighting", "'order' belongs to rank-order weighting (method: roc or rank_sum)", {"at": "order"}
            )
        return self


class Criterion(_Model):
    """One weighted criterion, scored on its own scale."""

    label: Label | None = None
    short: Label | None = None
    description: Label | None = None
    weight: Weight = 1.0
    scale: ScaleBounds | None = None
    direction: Direction = "higher"
    levels: dict[str, Label] = Field(default_factory=dict)
    minimum: Number | None = None
    maximum: Number | None = None
    preference: Preference | None = None


class Group(_Model):
    """A weighted group of criteria; weights are normalised among siblings."""

    label: Label | None = None
    short: Label | None = None
    description: Label | None = None
    weight: Weight = 1.0
    weighting: Weighting | None = None
    criteria: Annotated[dict[Id, Criterion], Field(min_length=1)]


class Gate(_Model):
    """A yes/no exclusion question: a candidate answering true is excluded."""

    label: Label | None = None
    description: Label | None = None


class CriteriaFile(_Model):
    """A criteria set (``kind: criteria``): groups or flat criteria, gates, defaults."""

    partnerfit: Literal[1] | None = None
    kind: Literal["criteria"] | None = None
    name: Id | None = None
    title: Label | None = None
    description: Label | None = None
    scale: ScaleBounds = Field(default_factory=lambda: [1.0, 5.0])
    missing: MissingPolicy = "ignore"
    groups: Annotated[dict[Id, Group], Field(min_length=1)] | None = None
    criteria: Annotated[dict[Id, Criterion], Field(min_length=1)] | None = None
    weighting: Weighting | None = None
    gates: dict[Id, Gate] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _groups_or_criteria(self) -> CriteriaFile:
        if (self.groups is None) == (self.criteria is None):
            which = "both" if self.groups is not None else "neither"
            raise PydanticCustomError(
                "groups_or_criteria",
                f"a criteria set has 'groups' or 'criteria' (not both); found {which}",
                {"at": "criteria"} if which == "both" else {},
            )
        return self


class ScoreEntry(_Model):
    """A score with the reasons behind it."""

    score: Number
    note: Text | None = None
    evidence: Text | list[Text] | None = None
    uncertainty: Annotated[float, Strict(), AllowInfNan(False), Field(ge=0)] | None = None  # ± on the scale


# left to right: a plain number (the common case) matches first, without trying the model
ScoreValue = Annotated[Number | ScoreEntry, Field(union_mode="left_to_right")]
Scores = dict[Id, ScoreValue]


class Candidate(_Model):
    """One candidate partner: who it is, its gate answers, and its scores or assessments."""

    name: Text | None = None
    type: Text | None = None
    description: Text | None = None
    tags: list[Text] = Field(default_factory=list)
    info: dict[str, Text | Number | bool | None] = Field(default_factory=dict)
    gates: dict[Id, GateAnswer] = Field(default_factory=dict)
    scores: Scores | None = None
    assessments: Annotated[dict[Id, Scores], Field(min_length=1)] | None = None

    @model_validator(mode="after")
    def _scores_or_assessments(self) -> Candidate:
        if self.scores is not None and self.assessments is not None:
            raise PydanticCustomError(
                "scores_and_assessments", "a candidate has 'scores' or 'assessments', not both", {"at": "assessments"}
            )
        return self


class CandidatesFile(_Model):
    """A candidates file (``kind: candidates``): the objective, the criteria used, the candidates."""

    partnerfit: Literal[1] | None = None
    kind: Literal["candidates"] | None = None
    title: Text | None = None
    objective: Text | None = None
    description: Text | None = None
    criteria: Text | dict[str, Any] | None = None
    weights: dict[Id, Weight] = Field(default_factory=dict)
    candidates: Annotated[dict[Id, Candidate], Field(min_length=1)]
