"""Each score as the candidates file gives it (assessor, note, evidence, uncertainty), read only when asked for."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from partnerfit.contract.candidates import Candidate, ScoreEntry


@dataclass(frozen=True)
class Evidence:
    """One score given on a criterion, with its note and evidence, and the assessor who gave it."""

    assessor: str | None
    score: float
    note: str | None = None
    evidence: tuple[str, ...] = ()
    uncertainty: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The entry as JSON."""
        return asdict(self)


# criterion id -> every score given there that carries something beyond its number, in the file's order
CandidateEvidence = Mapping[str, tuple[Evidence, ...]]


def candidate_evidence(candidate: Candidate) -> CandidateEvidence:
    """Every assessor's score on each criterion; for a single sheet, the scores that carry a note or evidence."""
    sheets = candidate.assessments or ({"": candidate.scores} if candidate.scores else {})
    found: dict[str, list[Evidence]] = {}
    for assessor, sheet in sheets.items():
        for criterion, value in sheet.items():
            if isinstance(value, ScoreEntry):
                proof = (value.evidence,) if isinstance(value.evidence, str) else tuple(value.evidence or ())
                given = Evidence(assessor or None, value.score, value.note, proof, value.uncertainty)
            elif value is not None and assessor:
                given = Evidence(assessor, value)
            else:
                continue
            found.setdefault(criterion, []).append(given)
    return {criterion: tuple(scores) for criterion, scores in found.items()}


@dataclass(frozen=True)
class EvidenceBook:
    """The candidates of the file a Result was scored from, read for their evidence one candidate at a time.

    Holding the file's candidates costs nothing; nothing is read until a renderer asks (scoring
    100,000 candidates never builds their evidence).
    """

    candidates: Mapping[str, Candidate] = field(default_factory=dict)

    def of(self, candidate_id: str) -> CandidateEvidence:
        """The evidence of ``candidate_id`` by criterion (empty for a candidate the file does not hold)."""
        candidate = self.candidates.get(candidate_id)
        return {} if candidate is None else candidate_evidence(candidate)
