"""Every problem of a criteria set in one run; a knock-out outside its scale; gates nobody answered."""

from __future__ import annotations

from pathlib import Path

import partnerfit

BROKEN = """\
kind: criteria
scale: [0, 10]
criteria:
  price: {weight: 0, minimum: 11}
  quality: {direction: sideways}
"""


def test_a_rejected_set_still_reports_its_knock_outs(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    found = {(d.path, d.code) for d in partnerfit.check_file(path)}
    assert found == {
        ("criteria.price.weight", "PF113"),
        ("criteria.price.minimum", "PF133"),
        ("criteria.quality.direction", "PF113"),
    }


def test_an_inline_set_in_a_candidates_file_too(tmp_path: Path) -> None:
    path = tmp_path / "k.yaml"
    inline = "\n".join("  " + line for line in BROKEN.splitlines()[1:])
    path.write_text(f"kind: candidates\ncriteria:\n{inline}\ncandidates:\n  a: {{}}\n", encoding="utf-8")
    codes = [d.code for d in partnerfit.check_file(path) if d.path == "criteria.criteria.price.minimum"]
    assert codes == ["PF133"]


def test_a_bad_scale_leaves_the_knock_out_to_the_models(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("kind: criteria\ncriteria:\n  p: {scale: [5, 1], weight: 0, minimum: 9}\n", encoding="utf-8")
    assert "PF133" not in {d.code for d in partnerfit.check_file(path)}


GATES = """\
kind: candidates
criteria:
  criteria: {q: {}}
  gates: {sanctions: {}, audit: {}}
candidates:
  a: {gates: {sanctions: false, audit: null}, scores: {q: 3}}
  b: {scores: {q: 4}}
"""


def test_check_warns_about_a_gate_no_candidate_answered(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(GATES, encoding="utf-8")
    found = [(d.severity, d.code, d.message) for d in partnerfit.check_file(path)]
    assert found == [("warning", "PW207", "no candidate answers the gate 'audit'; unanswered, it excludes no one")]


def test_one_warning_names_every_silent_gate_and_score_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(GATES.replace("sanctions: false", "sanctions: null"), encoding="utf-8")
    [warning] = partnerfit.check_file(path)
    assert warning.message == "no candidate answers the gates 'sanctions', 'audit'; unanswered, they exclude no one"
    assert (warning.line, warning.path) == (5, "candidates")
    assert partnerfit.load(path).warnings == ()  # score notes them on each candidate instead
