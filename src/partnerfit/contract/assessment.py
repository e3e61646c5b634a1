"""pydantic models of an assessment file (``kind: assessment``): one assessor's scores in one round."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictBool, StrictInt

from partnerfit.contract.candidates import Scores
from partnerfit.contract.models import Id, Text, _Model

# rounds are Delphi rounds: a handful in practice; the bound keeps a typo (round: 2026) visible
MAX_ROUND = 1000


class AssessedCandidate(_Model):
    """One assessor's scores for one candidate, or their conflict of interest."""

    scores: Scores | None = None
    """Criterion id -> a number, or {score, note, evidence, uncertainty}."""
    conflict_of_interest: StrictBool = False
    """True: this assessor's scores for this candidate are not used."""


class AssessmentFile(_Model):
    """An assessment file (``kind: assessment``): one assessor's scores in one round."""

    partnerfit: Literal[1] | None = None
    """Format version: 1."""
    kind: Literal["assessment"]
    """assessment."""
    assessor: Id
    """The assessor's id, unique across all files and inline assessments."""
    name: Text | None = None
    """The assessor's name."""
    role: Text | None = None
    """The stakeholder group the assessor speaks for."""
    round: Annotated[StrictInt, Field(ge=1, le=MAX_ROUND)] = 1
    """Delphi round (default 1): the highest round of each assessor counts."""
    candidates: dict[Id, AssessedCandidate] = Field(default_factory=dict)
    """Candidate id -> this assessor's scores for it."""
