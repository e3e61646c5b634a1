"""A Result's evidence: what the file says of each score (inline and per assessor), read only when asked for."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml

import partnerfit
from partnerfit.result.evidence import Evidence, EvidenceBook

ROOT = Path(__file__).resolve().parents[2]

FILE = {
    "partnerfit": 1,
    "kind": "candidates",
    "criteria": {"scale": [0, 5], "criteria": {"a": {}, "b": {}, "c": {}}},
    "candidates": {
        "inline": {
            "scores": {
                "a": 4,
                "b": {"score": 3, "note": "visited", "evidence": "report.pdf", "uncertainty": 0.5},
                "c": {"score": 2, "evidence": ["one", "two"]},
            }
        },
        "panel": {
            "assessments": {
                "zoe": {"a": 5, "b": {"score": 1, "note": "late"}},
                "amy": {"a": 3, "c": 4},
            }
        },
        "plain": {"scores": {"a": 1, "b": 2}},
    },
}


def scored(tmp_path: Path) -> partnerfit.Result:
    path = tmp_path / "evidence.yaml"
    path.write_text(yaml.safe_dump(FILE, sort_keys=False), encoding="utf-8")
    return partnerfit.score(partnerfit.load(path))


def test_inline_scores_give_their_note_and_evidence_only(tmp_path):
    result = scored(tmp_path)
    assert result.evidence("inline") == {
        "b": (Evidence(None, 3, "visited", ("report.pdf",), 0.5),),
        "c": (Evidence(None, 2, None, ("one", "two")),),
    }  # a bare number carries nothing to show
    assert result.evidence("plain") == {}


def test_every_assessors_score_is_evidence_in_the_files_order(tmp_path):
    result = scored(tmp_path)
    assert result.evidence("panel") == {
        "a": (Evidence("zoe", 5), Evidence("amy", 3)),
        "b": (Evidence("zoe", 1, "late"),),
        "c": (Evidence("amy", 4),),
    }
    assert result.evidence("panel")["b"][0].to_dict() == {
        "assessor": "zoe",
        "score": 1,
        "note": "late",
        "evidence": (),
        "uncertainty": None,
    }


def test_an_unknown_candidate_or_a_result_built_by_hand_has_none(tmp_path):
    result = scored(tmp_path)
    assert result.evidence("nobody") == {}
    assert dataclasses.replace(result, evidence_book=EvidenceBook()).evidence("inline") == {}


def test_the_evidence_travels_with_the_result_and_leaves_equality_alone(tmp_path):
    result = scored(tmp_path)
    with_verdict = dataclasses.replace(result, close_call=None)  # what attaching a close call does
    assert with_verdict.evidence("inline") == result.evidence("inline")
    assert dataclasses.replace(result, evidence_book=EvidenceBook()) == result


def test_the_example_files_evidence_is_what_explain_reads():
    from partnerfit.analysis.explain import evidence_of

    for name in ("packaging.yaml", "assessors.yaml"):
        project = partnerfit.load(ROOT / "examples" / name)
        result = partnerfit.score(project)
        for cid, candidate in project.file.candidates.items():
            given = result.evidence(cid)
            for c in project.criteria.criteria:
                assert given.get(c.id, ()) == evidence_of(candidate, c.id), (name, cid, c.id)
        assert any(result.evidence(cid) for cid in project.file.candidates), name
