"""Semantic checks of a team block: every problem located at its value, with "did you mean", in English and French."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerfit.contract.wording import translation
from partnerfit.errors import Diagnostic, InvalidInputError
from partnerfit.project.loading import check_file, load

HEAD = """\
partnerfit: 1
kind: candidates
criteria:
  name: tiny
  scale: [1, 5]
  criteria:
    quality: {weight: 2}
    price: {direction: lower}
  gates:
    sanctioned: {label: On a sanctions list}
candidates:
  lab_a: {type: lab, tags: [public], info: {country: DE, cost: 100}, gates: {sanctioned: false}, scores: {quality: 4, price: 2}}
  lab_b: {type: lab, tags: [public], info: {country: FR, cost: 120}, scores: {quality: 3, price: 3}}
  sme_c: {type: company, tags: [sme], info: {country: FR, cost: 80}, scores: {quality: 5, price: 4}}
  sme_d: {type: company, tags: [sme], info: {country: IT, cost: 60}, scores: {quality: 2, price: 1}}
  gated: {type: company, info: {country: IT, cost: 10}, gates: {sanctioned: true}, scores: {quality: 1, price: 1}}
team:
"""
TEAM_LINE = HEAD.count("\n") + 1  # the first line of the team block's body


def write(tmp_path: Path, body: str, name: str = "candidates.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def found(path: Path) -> list[tuple[int, int, str, str, str]]:
    return [(d.line, d.column, d.severity, d.code, d.message) for d in check_file(path)]


def test_a_sound_team_block_loads_without_a_diagnostic(tmp_path: Path) -> None:
    body = """\
  size: [2, 3]
  budget: 300
  cover: {quality: {min: 4}}
  mix:
    - {type: lab, at_least: 1}
    - {tag: sme, at_most: 1}
    - {info: country, distinct_at_least: 2}
    - {info: country, equals: FR, at_most: 2}
  include: [lab_a]
  exclude: [sme_d]
  never_together: [[lab_a, lab_b]]
"""
    path = write(tmp_path, body)
    assert check_file(path) == []
    project = load(path)
    assert project.file.team is not None and project.file.team.include == ["lab_a"]


CASES = [
    # (team body, [(line offset within the body, column, severity, code, words in the message)])
    (
        "  size: 2\n  include: [lab_aa]\n",
        [(1, 13, "error", "PF150", "unknown candidate 'lab_aa' — did you mean 'lab_a'?")],
    ),
    ("  size: 2\n  exclude: [sme_cc]\n", [(1, 13, "error", "PF150", "did you mean 'sme_c'?")]),
    (
        "  size: 2\n  never_together:\n    - [lab_a, lab_bb]\n",
        [(2, 15, "error", "PF150", "unknown candidate 'lab_bb' — did you mean 'lab_b'?")],
    ),
    (
        "  size: 2\n  cover:\n    qualty: {min: 4}\n",
        [(2, 5, "error", "PF151", "unknown criterion 'qualty' — did you mean 'quality'? (criteria set 'tiny')")],
    ),
    (
        "  size: 2\n  cover:\n    quality: {min: 7}\n",
        [(2, 20, "error", "PF152", "cover min 7 is outside the scale [1, 5] of 'quality'")],
    ),
    (
        "  size: 2\n  cover:\n    quality: {min: 4, at_least: 3}\n",
        [(2, 33, "error", "PF153", "needs 3 members; the team has at most 2")],
    ),
    (
        "  size: 2\n  mix:\n    - {type: labs, at_least: 1}\n",
        [(2, 14, "warning", "PW215", "no candidate has the type 'labs' — did you mean 'lab'?")],
    ),
    (
        "  size: 2\n  mix:\n    - {type: Company, at_least: 1}\n",
        [(2, 14, "warning", "PW215", "no candidate has the type 'Company' — did you mean 'company'?")],
    ),
    (
        "  size: 2\n  mix:\n    - {tag: smee, at_least: 1}\n",
        [(2, 13, "warning", "PW215", "no candidate carries the tag 'smee' — did you mean 'sme'?")],
    ),
    (
        "  size: 2\n  mix:\n    - {info: contry, distinct_at_least: 2}\n",
        [(2, 14, "warning", "PW215", "no candidate has the info key 'contry' — did you mean 'country'?")],
    ),
    (
        "  size: 2\n  mix:\n    - {info: country, equals: FRA, at_most: 1}\n",
        [(2, 31, "warning", "PW215", "no candidate has 'FRA' as its info 'country' — did you mean 'FR'?")],
    ),
    (
        "  size: 2\n  mix:\n    - {info: country, distinct_at_least: 3}\n",
        [(2, 42, "error", "PF153", "needs 3 distinct values of 'country'; the team has at most 2 members")],
    ),
    (
        "  size: [5, 6]\n  exclude: [lab_b]\n",
        [(0, 10, "error", "PF153", "at least 5 members; eligible candidates (not excluded): 3")],
    ),
    (
        "  size: 1\n  include: [lab_a, sme_c]\n",
        [(1, 12, "error", "PF153", "2 candidates are included; the team has at most 1 members")],
    ),
    (
        "  size: 2\n  include: [lab_a]\n  exclude: [sme_c, lab_a]\n",
        [(2, 20, "error", "PF154", "'lab_a' is both included and excluded")],
    ),
    ("  size: 2\n  include: [gated]\n", [(1, 13, "error", "PF154", "the gate 'sanctioned' excludes it")]),
    (
        "  size: 3\n  include: [lab_a, sme_c]\n  never_together:\n    - [sme_c, lab_a]\n",
        [(3, 7, "error", "PF154", "'sme_c' and 'lab_a' are both included but may not be together")],
    ),
    (
        "  size: 2\n  budget: 500\n  cost: price_eur\n",
        [(1, 11, "error", "PF155", "'price_eur'; missing for 4: 'lab_a', 'lab_b', 'sme_c', 'sme_d'")],
    ),
    (
        "  size: 2\n  budget: 150\n  include: [lab_a, lab_b]\n",
        [(2, 12, "error", "PF156", "the included candidates cost 220 together, over the budget 150")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), CASES, ids=[c[1][0][3] + "-" + str(i) for i, c in enumerate(CASES)])
def test_every_problem_is_located_in_the_candidates_file(
    tmp_path: Path, body: str, expected: list[tuple[int, int, str, str, str]]
) -> None:
    path = write(tmp_path, body)
    got = found(path)
    assert [(line, col, sev, code) for line, col, sev, code, _ in got] == [
        (TEAM_LINE + offset, col, sev, code) for offset, col, sev, code, _ in expected
    ], got
    for (*_, message), (*_, words) in zip(got, expected, strict=True):
        assert words in message
    if any(sev == "error" for _, _, sev, _, _ in expected):
        with pytest.raises(InvalidInputError):
            load(path)


def test_a_gated_out_or_excluded_candidate_needs_no_cost(tmp_path: Path) -> None:
    body = "  size: 2\n  budget: 500\n  exclude: [sme_d]\n"
    text = (HEAD + body).replace("info: {country: IT, cost: 60}", "info: {country: IT}")
    text = text.replace("info: {country: IT, cost: 10}", "info: {country: IT, cost: cheap}")
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    assert check_file(path) == []


def _french(d: Diagnostic) -> str:
    return d.text(translation("fr"))


def test_team_messages_read_in_french(tmp_path: Path) -> None:
    body = (
        "  size: [5, 6]\n  budget: 100\n  cost: prix\n  cover: {qualty: {min: 4}}\n"
        "  mix: [{tag: smee, at_least: 1}]\n  include: [lab_a, lab_b]\n  exclude: [lab_a]\n"
        "  never_together: [[lab_a, lab_b]]\n"
    )
    diagnostics = check_file(write(tmp_path, body))
    assert {d.code for d in diagnostics} == {"PF151", "PF153", "PF154", "PF155", "PW215"}
    french = [_french(d) for d in diagnostics]
    for en, fr in zip(diagnostics, french, strict=True):
        assert fr != en.message
    assert french == [
        "l'équipe demande au moins 5 membres ; candidats éligibles (non exclus) : 3",
        "un budget demande un nombre dans l'info 'prix' de chaque candidat éligible ; absent pour 3 : "
        "'lab_b', 'sme_c', 'sme_d'",
        "cover nomme un critère inconnu 'qualty' — vouliez-vous dire 'quality' ? (jeu de critères 'tiny')",
        "aucun candidat ne porte l'étiquette 'smee' — vouliez-vous dire 'sme' ?",
        "'lab_a' est à la fois inclus et exclu",
        "'lab_a' et 'lab_b' sont tous deux inclus mais ne peuvent pas être ensemble",
    ]
