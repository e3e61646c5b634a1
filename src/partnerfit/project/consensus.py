"""Who has not scored what, and whether the consensus rules hold (``consensus: {min_assessors, min_alpha}``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from partnerfit.errors import Diagnostic, Msg, msg
from partnerfit.io.document import Document
from partnerfit.mcda.reliability import krippendorff_alpha
from partnerfit.project.assessment_files import Loaded, sheets_of
from partnerfit.project.assessment_sheet import AssessmentSheet
from partnerfit.result.consensus import ConsensusStatus, Failing

if TYPE_CHECKING:
    from collections.abc import Sequence

MAX_FAILING = 1000  # listed in JSON at most: a rule failed on 100,000 candidates is one verdict, not a dump
SHOWN = 10  # (candidate, criterion) pairs named in one warning


def _counted(project: Loaded) -> list[AssessmentSheet]:
    return [s for s in sheets_of(project) if s.counted]


def _pairs(pairs: Sequence[str]) -> tuple[str, Msg | str]:
    """The first pairs, and the words for the rest."""
    more = len(pairs) - SHOWN
    return ", ".join(pairs[:SHOWN]), msg(" and {count} more", count=f"{more:,}") if more > 0 else ""


def consensus_status(project: Loaded) -> ConsensusStatus | None:
    """The verdict on the file's consensus rules, or None when it has none."""
    rules = project.file.consensus
    if rules is None:
        return None
    sheets = _counted(project)
    failing: list[Failing] = []
    if rules.min_assessors is not None:
        for cid in project.file.candidates:
            for crit in project.criteria.ids:
                n = sum(1 for s in sheets if s.scores.get(cid, {}).get(crit) is not None)
                if n < rules.min_assessors:
                    failing.append(Failing("min_assessors", crit, candidate=cid, assessors=n))
    if rules.min_alpha is not None:
        for crit, alpha in criterion_alphas(project, sheets).items():
            if alpha is None or alpha < rules.min_alpha:
                failing.append(Failing("min_alpha", crit, alpha=alpha))
    return ConsensusStatus(rules.min_assessors, rules.min_alpha, tuple(failing[:MAX_FAILING]), len(failing))


def criterion_alphas(project: Loaded, sheets: Sequence[AssessmentSheet]) -> dict[str, float | None]:
    """Krippendorff's alpha (ordinal) of each criterion: coders = assessors, units = candidates (None: undefined)."""
    ids = list(project.file.candidates)
    alphas: dict[str, float | None] = {}
    for crit in project.criteria.ids:
        data = np.full((len(sheets), len(ids)), np.nan)
        for i, sheet in enumerate(sheets):
            for j, cid in enumerate(ids):
                value = sheet.scores.get(cid, {}).get(crit)
                if value is not None:
                    data[i, j] = value
        alphas[crit] = krippendorff_alpha(data, metric="ordinal") if sheets else None
    return alphas


def assessment_rules(project: Loaded, doc: Document) -> list[Diagnostic]:
    """check's warnings: who has not scored what (with assessment files), and the consensus rules not met."""
    found: list[Diagnostic] = []
    if project.file.assessment_files is not None:
        found += [d for s in _counted(project) if (d := _not_scored(s)) is not None]
    status = consensus_status(project)
    if status is None or status.held:
        return found
    everything = status.failing
    short = [f"{f.candidate}/{f.criterion} ({f.assessors})" for f in everything if f.rule == "min_assessors"]
    if short:
        pairs, more = _pairs(short)
        message = msg(
            "consensus: {count} (candidate, criterion) pairs have fewer than {min} assessors: {pairs}{more}",
            count=f"{len(short):,}" if status.failing_count <= MAX_FAILING else f"{len(short):,}+",
            min=str(status.min_assessors),
            pairs=pairs,
            more=more,
        )
        found.append(doc.diagnostic(("consensus", "min_assessors"), message, severity="warning", code="PW210"))
    for f in everything:
        if f.rule != "min_alpha":
            continue
        if f.alpha is None:
            message = msg(
                "consensus: Krippendorff's alpha of {criterion} is undefined (fewer than two scores per candidate, "
                "or no variation); at least {min} is required",
                criterion=repr(f.criterion),
                min=f"{status.min_alpha:g}",
            )
        else:
            message = msg(
                "consensus: Krippendorff's alpha of {criterion} is {alpha}, below {min}",
                criterion=repr(f.criterion),
                alpha=f"{f.alpha:.3f}",
                min=f"{status.min_alpha:g}",
            )
        found.append(doc.diagnostic(("consensus", "min_alpha"), message, severity="warning", code="PW211"))
    return found


def _not_scored(sheet: AssessmentSheet) -> Diagnostic | None:
    """One warning per assessor naming the pairs they were expected to score and did not (conflicts not expected)."""
    missing = [f"{c}/{k}" for c, row in sheet.scores.items() for k, v in row.items() if v is None]
    if not missing:
        return None
    expected = sum(len(row) for row in sheet.scores.values())
    pairs, more = _pairs(missing)
    message = msg(
        "{assessor} has not scored {missing} of {expected} (candidate, criterion) pairs: {pairs}{more}",
        assessor=sheet.assessor,
        missing=f"{len(missing):,}",
        expected=f"{expected:,}",
        pairs=pairs,
        more=more,
    )
    return Diagnostic.of(sheet.path, *sheet.where, "warning", message, "assessor", "PW209")
