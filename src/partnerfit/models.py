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


class Group(_Model):
    """A weighted group of criteria; weights are normalised among siblings."""

    label: Label | None = None
    short: Label | None = None
    description: Label | None = None
    weight: Weight = 1.0
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
