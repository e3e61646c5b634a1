"""pydantic models of a candidates file: the candidates, their scores and assessments (FORMAT.md)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from partnerfit.contract.consensus import Consensus
from partnerfit.contract.models import AnyNumber, GateAnswer, Id, Magnitude, SaatyValue, Text, Weight, _Model, refuse
from partnerfit.contract.scenarios import Scenario
from partnerfit.contract.team import Team


class ScoreEntry(_Model):
    """A score with the reasons behind it."""

    score: AnyNumber
    """The score, a number on the criterion's scale."""
    note: Text | None = None
    """Why this score."""
    evidence: Text | list[Text] | None = None
    """Where it comes from: a reference, or a list of them."""
    uncertainty: Magnitude | None = None  # ± on the scale
    """± half-width on the scale: the score may lie anywhere within score ± uncertainty."""


# left to right: a plain number (the common case) matches first, without trying the model
ScoreValue = Annotated[AnyNumber | ScoreEntry, Field(union_mode="left_to_right")]
Scores = dict[Id, ScoreValue]
# role (an assessor's ``role``) -> group or criterion id -> weight, overriding the set's as ``weights:`` does
WeightsByRole = dict[Text, dict[Id, Weight]]


class Candidate(_Model):
    """One candidate partner: who it is, its gate answers, and its scores or assessments."""

    name: Text | None = None
    """Display name (default: the id)."""
    type: Text | None = None
    """Kind of partner, free text (lab, start-up, NGO, ...)."""
    description: Text | None = None
    """A few words about the candidate."""
    tags: list[Text] = Field(default_factory=list)
    """Free tags."""
    info: dict[str, Text | AnyNumber | bool | None] = Field(default_factory=dict)
    """Free key/value information shown in reports (website, contact, ...)."""
    gates: dict[Id, GateAnswer] = Field(default_factory=dict)
    """Answers to the criteria set's gates: true/false (or yes/no); true excludes."""
    scores: Scores | None = None
    """Criterion id -> a number, or {score, note, evidence, uncertainty}."""
    assessments: Annotated[dict[Id, Scores], Field(min_length=1)] | None = None
    """Instead of 'scores': assessor name -> a scores mapping."""

    @model_validator(mode="after")
    def _scores_or_assessments(self) -> Candidate:
        if self.scores is not None and self.assessments is not None:
            raise refuse("scores_and_assessments", "a candidate has 'scores' or 'assessments', not both", "assessments")
        return self


class CandidatesFile(_Model):
    """A candidates file (``kind: candidates``): the objective, the criteria used, the candidates."""

    partnerfit: Literal[1] | None = None
    """Format version: 1."""
    kind: Literal["candidates"] | None = None
    """candidates."""
    title: Text | None = None
    """Title of the search."""
    objective: Text | None = None
    """The shared objective of the partnership."""
    description: Text | None = None
    """More about the search."""
    criteria: Text | dict[str, Any] | None = None
    """A built-in set's name, a path relative to this file, or an inline criteria set. Default: partnership."""
    weights: dict[Id, Weight] = Field(default_factory=dict)
    """What-if overrides of group or criterion weights, by id."""
    weights_by_role: WeightsByRole = Field(default_factory=dict)
    """Weights per stakeholder role (an assessor's role): role -> {group or criterion id: weight} (score --perspectives)."""
    judgements_by_participant: dict[Id, list[tuple[Id, Id, SaatyValue]]] = Field(default_factory=dict)
    """AHP judgements per participant: id -> [[a, b, v], ...] as in a weighting's comparisons; merged by geometric mean."""
    candidates: Annotated[dict[Id, Candidate], Field(min_length=1)]
    """The candidate partners, by id."""
    assessment_files: Text | list[Text] | None = None
    """Assessment files (kind: assessment), paths or globs relative to this file: one assessor each."""
    consensus: Consensus | None = None
    """Rules the assessments must meet: {min_assessors, min_alpha} (check warns, check --strict fails)."""
    scenarios: dict[Id, Scenario] = Field(default_factory=dict)
    """Named what-if weight sets: id -> {label, description, weights} (score --scenario NAME, --scenarios)."""
    team: Team | None = None
    """The team to build from the candidates: size, budget, covers, mix, objective (partnerfit team)."""
