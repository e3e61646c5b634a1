"""partnerfit.analysis.diff: criteria, weights, scores and ranking effects between two versions of a file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import partnerfit
from partnerfit.analysis.diff import (
    CONDITIONS,
    DefinitionChange,
    GateChange,
    ProjectDiff,
    RevisionError,
    ScoreChange,
    diff_projects,
    load_at_revision,
)
from partnerfit.errors import InvalidInputError
from partnerfit.i18n import reason_text

# x leads on a (weight 2), y on b; swapping the weights swaps the leader; z stays second.
#   a:2 b:1  ->  x 83.3, z 75.0, y 66.7      a:1 b:2  ->  y 83.3, z 75.0, x 66.7
CRITERIA = """\
  name: pair
  criteria:
    a: {{label: {{en: Quality, fr: Qualité}}, weight: {wa}}}
    b: {{label: Cost control, weight: {wb}, minimum: 2}}
  gates:
    sanctions: {{label: On a sanctions list}}
"""

CANDIDATES = """\
kind: candidates
criteria:
{criteria}candidates:
  x: {{name: Xylo, scores: {{a: 5, b: 3}}}}
  y: {{name: Yuzu, scores: {{a: 3, b: 5}}}}
  z: {{name: Zeta, scores: {{a: 4, b: 4}}}}
"""


def text(wa: float = 2, wb: float = 1, extra: str = "", **replace: str) -> str:
    body = CANDIDATES.format(criteria=CRITERIA.format(wa=wa, wb=wb)) + extra
    for old, new in replace.items():
        body = body.replace(old.replace("_", " "), new)
    return body


def load_text(tmp_path: Path, name: str, content: str) -> partnerfit.Project:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return partnerfit.load(path)


def diff_texts(tmp_path: Path, old: str, new: str, **options: object) -> ProjectDiff:
    return diff_projects(load_text(tmp_path, "old.yaml", old), load_text(tmp_path, "new.yaml", new), **options)  # type: ignore[arg-type]


# --- ranking effects -----------------------------------------------------------------------------


def test_a_weight_change_moves_the_leader(tmp_path: Path) -> None:
    d = diff_texts(tmp_path, text(), text(wa=1, wb=2), top=1)
    assert d.old_leaders == ("x",)
    assert d.new_leaders == ("y",)
    assert d.leader_changed
    assert [(w.id, w.kind, round(w.old, 4), round(w.new, 4)) for w in d.criteria.weights] == [
        ("a", "criterion", 0.6667, 0.3333),
        ("b", "criterion", 0.3333, 0.6667),
    ]
    assert {(m.id, m.old.rank, m.new.rank) for m in d.moves} == {("x", 1, 3), ("y", 3, 1)}
    assert [r.id for r in d.ranks] == ["y", "x"]  # new rank order
    assert d.entered == ("y",)
    assert d.left == ("x",)
    assert d.conditions == {
        "leader-change": True,
        "top-k-change": True,
        "any-rank-change": True,
        "exclusion-change": False,
    }
    assert not d.changed  # no input score changed
    assert not d.unchanged


def test_the_top_k_is_by_rank(tmp_path: Path) -> None:
    d = diff_texts(tmp_path, text(), text(wa=1, wb=2), top=2)
    assert d.old_top == ("x", "z")
    assert d.new_top == ("y", "z")
    assert d.entered == ("y",)
    assert d.left == ("x",)
    d = diff_texts(tmp_path, text(), text(wa=1, wb=2), top=3)
    assert d.conditions["top-k-change"] is False
    assert d.conditions["any-rank-change"] is True


def test_a_small_weight_change_that_moves_nobody(tmp_path: Path) -> None:
    d = diff_texts(tmp_path, text(), text(wa=2.1))
    assert [w.id for w in d.criteria.weights] == ["a", "b"]
    assert d.ranks == ()
    assert d.conditions == dict.fromkeys(CONDITIONS, False)
    assert not d.unchanged


def test_an_identical_file_changes_nothing(tmp_path: Path) -> None:
    d = diff_texts(tmp_path, text(), text())
    assert d.unchanged
    assert not d.criteria.changed
    assert d.conditions == dict.fromkeys(CONDITIONS, False)
    assert d.to_dict()["unchanged"] is True


def test_weights_within_tolerance_are_not_changes(tmp_path: Path) -> None:
    # weights: overrides that give the same effective weights
    d = diff_texts(tmp_path, text(), text(wa=4, wb=2))
    assert d.criteria.weights == ()
    assert d.unchanged


# --- scores --------------------------------------------------------------------------------------


def test_a_score_change_with_its_note(tmp_path: Path) -> None:
    new = text().replace("{a: 5, b: 3}", '{a: {score: 2, note: "Alice, 2025-03: the audit found no lab"}, b: 3}')
    d = diff_texts(tmp_path, text(), new)
    [change] = d.changed
    assert change.id == "x"
    assert change.name == "Xylo"
    assert change.scores == (ScoreChange("a", None, 5, 2, "Alice, 2025-03: the audit found no lab"),)
    assert change.old_score == pytest.approx(250 / 3)
    assert change.new_score == pytest.approx(100 * (2 * 0.25 + 0.5) / 3)
    assert d.new_leaders == ("z",)


def test_a_note_alone_is_not_a_score_change(tmp_path: Path) -> None:
    new = text().replace("{a: 5, b: 3}", '{a: {score: 5, note: "checked again"}, b: 3}')
    assert diff_texts(tmp_path, text(), new).changed == ()


def test_assessors_whose_scores_changed(tmp_path: Path) -> None:
    old = text(extra="  w: {assessments: {alice: {a: 3, b: 3}, bob: {a: 4, b: 2}}}\n")
    new = text(
        extra='  w: {assessments: {alice: {a: 3, b: 3}, bob: {a: {score: 5, note: "bob visited"}}, carol: {b: 4}}}\n'
    )
    d = diff_texts(tmp_path, old, new)
    [change] = d.changed
    assert change.scores == (
        ScoreChange("a", "bob", 4, 5, "bob visited"),
        ScoreChange("b", "bob", 2, None, None),
        ScoreChange("b", "carol", None, 4, None),
    )
    document = d.to_dict()["candidates"]["changed"][0]
    assert document["scores"][0] == {"criterion": "a", "assessor": "bob", "old": 4, "new": 5, "note": "bob visited"}


def test_candidates_added_and_removed(tmp_path: Path) -> None:
    new = text().replace("  z: {name: Zeta, scores: {a: 4, b: 4}}\n", "  v: {name: Vega, scores: {a: 5, b: 5}}\n")
    d = diff_texts(tmp_path, text(), new, top=2)
    assert [(m.id, m.name) for m in d.added] == [("v", "Vega")]
    assert [(m.id, m.name) for m in d.removed] == [("z", "Zeta")]
    kinds = {r.id: (r.kind, r.old.rank, r.new.rank) for r in d.ranks}
    assert kinds == {"v": ("added", None, 1), "x": ("moved", 1, 2), "z": ("removed", 2, None)}  # y: third in both
    assert d.new_leaders == ("v",)
    assert d.entered == ("v",)
    assert d.left == ("z",)
    changes = d.to_dict()["ranking"]["changes"]
    assert changes[0] == {
        "id": "v",
        "name": "Vega",
        "change": "added",
        "old": {"status": "absent", "rank": None, "score": None, "reasons": []},
        "new": {"status": "ranked", "rank": 1, "score": 100.0, "reasons": []},
    }


# --- criteria ------------------------------------------------------------------------------------


def test_criteria_definition_changes(tmp_path: Path) -> None:
    old = text()
    new = (
        text()
        .replace("name: pair", "name: pair2")
        .replace("weight: 1, minimum: 2}", "weight: 1, minimum: 3, scale: [0, 10], direction: lower}")
        .replace("    sanctions: {label: On a sanctions list}\n", "    fraud: {label: Fraud}\n")
        .replace("  gates:\n", "    c: {label: Climate}\n  gates:\n")
    )
    new = new.replace("{a: 5, b: 3}", "{a: 5, b: 3, c: 2}")
    d = diff_texts(tmp_path, old, new)
    c = d.criteria
    assert c.set_changed
    assert (c.old_name, c.new_name) == ("pair", "pair2")
    assert c.added == ("c",)
    assert c.removed == ()
    assert c.gates_added == ("fraud",)
    assert c.gates_removed == ("sanctions",)
    assert c.definitions == (
        DefinitionChange("b", "scale", (1.0, 5.0), (0.0, 10.0)),
        DefinitionChange("b", "direction", "higher", "lower"),
        DefinitionChange("b", "minimum", 2, 3),
    )
    assert [w.id for w in c.weights] == ["a", "b"]  # c takes a share of the weight
    document = d.to_dict()["criteria"]
    assert document["definitions"][0] == {"criterion": "b", "field": "scale", "old": [1.0, 5.0], "new": [0.0, 10.0]}
    assert document["old"] == {"name": "pair", "source": "inline", "missing": "ignore"}


def test_groups_and_their_weights(tmp_path: Path) -> None:
    grouped = """\
kind: candidates
criteria:
  groups:
    g1: {{weight: {w1}, criteria: {{a: {{}}, b: {{}}}}}}
    g2: {{weight: 1, criteria: {{c: {{}}}}}}
candidates:
  x: {{scores: {{a: 5, b: 5, c: 1}}}}
  y: {{scores: {{a: 1, b: 1, c: 5}}}}
"""
    d = diff_texts(tmp_path, grouped.format(w1=3), grouped.format(w1=1))
    assert [(w.id, w.kind) for w in d.criteria.weights] == [
        ("g1", "group"),
        ("g2", "group"),
        ("a", "criterion"),
        ("b", "criterion"),
        ("c", "criterion"),
    ]
    assert d.old_leaders == ("x",)
    assert d.new_leaders == ("x", "y")  # a tie at 50
    assert d.leader_changed


# --- exclusions ----------------------------------------------------------------------------------


def test_newly_excluded_and_readmitted(tmp_path: Path) -> None:
    old = text().replace("{a: 4, b: 4}", "{a: 4, b: 1}")  # z below the minimum of b: excluded
    new = text().replace("y: {name: Yuzu,", "y: {name: Yuzu, gates: {sanctions: true},")
    d = diff_texts(tmp_path, old, new)
    [excluded] = d.newly_excluded
    [readmitted] = d.readmitted
    assert excluded.id == "y"
    assert [r.code for r in excluded.new.reasons] == ["gate"]
    assert readmitted.id == "z"
    assert [reason_text(r) for r in readmitted.old.reasons] == ["b 1 < minimum 2"]
    assert d.conditions["exclusion-change"]
    assert d.changed[0].gates == (GateChange("sanctions", None, True),)
    changes = {c["id"]: c for c in d.to_dict()["ranking"]["changes"]}
    assert changes["y"]["change"] == "excluded"
    assert changes["y"]["new"]["status"] == "excluded"
    assert changes["y"]["new"]["reasons"] == ["gate: sanctions"]
    assert changes["z"]["change"] == "readmitted"


def test_relative_methods(tmp_path: Path) -> None:
    d = diff_texts(tmp_path, text(), text(wa=1, wb=2), method="topsis")
    assert d.method == "topsis"
    assert d.leader_changed


def test_to_dict_layout(tmp_path: Path) -> None:
    document = diff_texts(tmp_path, text(), text(wa=1, wb=2)).to_dict()
    assert list(document) == [
        "partnerfit",
        "old",
        "new",
        "method",
        "unchanged",
        "criteria",
        "candidates",
        "ranking",
        "conditions",
    ]
    assert list(document["ranking"]) == ["leader", "top", "changes"]
    assert document["ranking"]["leader"] == {"old": ["x"], "new": ["y"], "changed": True}
    assert document["ranking"]["top"]["k"] == 5
    assert list(document["candidates"]) == ["added", "removed", "changed"]
    assert list(document["conditions"]) == list(CONDITIONS)


# --- a file at a git revision --------------------------------------------------------------------

requires_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CRITERIA_FILE = """\
kind: criteria
name: pair
criteria:
  a: {{weight: {wa}}}
  b: {{weight: {wb}}}
"""
REFERRING = """\
kind: candidates
criteria: ../sets/pair.yaml
candidates:
  x: {scores: {a: 5, b: 3}}
  y: {scores: {a: 3, b: 5}}
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def make_repo(root: Path) -> Path:
    """A repository with sets/pair.yaml (a:2, b:1) and team/candidates.yaml naming it; returns the latter."""
    git(root, "init", "-q")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.org")
    (root / "sets").mkdir()
    (root / "team").mkdir()
    (root / "sets" / "pair.yaml").write_text(CRITERIA_FILE.format(wa=2, wb=1), encoding="utf-8")
    path = root / "team" / "candidates.yaml"
    path.write_text(REFERRING, encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "v1")
    return path


@requires_git
def test_load_at_revision_reads_the_criteria_file_of_that_revision(tmp_path: Path) -> None:
    path = make_repo(tmp_path)
    (tmp_path / "sets" / "pair.yaml").write_text(CRITERIA_FILE.format(wa=1, wb=2), encoding="utf-8")
    path.write_text(REFERRING.replace("{a: 5, b: 3}", "{a: 4, b: 3}"), encoding="utf-8")
    old = load_at_revision(path, "HEAD")
    assert old.path == "HEAD:team/candidates.yaml"
    assert old.criteria.weights == pytest.approx({"a": 2 / 3, "b": 1 / 3})
    assert old.criteria.source == "../sets/pair.yaml"
    assert old.criteria.path is None  # the temporary copy is gone
    new = partnerfit.load(path)
    d = diff_projects(old, new)
    assert not d.criteria.set_changed
    assert [w.id for w in d.criteria.weights] == ["a", "b"]
    assert d.changed[0].scores == (ScoreChange("a", None, 5, 4, None),)
    assert d.old_leaders == ("x",)
    assert d.new_leaders == ("y",)


@requires_git
def test_load_at_revision_from_another_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "repo").mkdir()
    path = make_repo(tmp_path / "repo")
    monkeypatch.chdir(tmp_path)
    old = load_at_revision(Path("repo/team/candidates.yaml"), "main")
    assert old.path == "main:team/candidates.yaml"
    assert set(old.file.candidates) == {"x", "y"}
    assert path.is_file()


@requires_git
def test_load_at_revision_with_builtin_criteria(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.name", "Test")
    git(tmp_path, "config", "user.email", "test@example.org")
    path = tmp_path / "c.yaml"
    path.write_text("criteria: partnership\ncandidates:\n  x: {scores: {loyalty: 4}}\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "v1")
    assert load_at_revision(path, "HEAD").criteria.name == "partnership"


@requires_git
def test_a_criteria_file_outside_the_repository_is_read_from_the_disk(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "pair.yaml").write_text(CRITERIA_FILE.format(wa=1, wb=3), encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.org")
    path = repo / "c.yaml"
    path.write_text(REFERRING.replace("../sets/pair.yaml", "../outside/pair.yaml"), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "v1")
    old = load_at_revision(path, "HEAD")
    assert old.criteria.source == "../outside/pair.yaml"
    assert old.criteria.weights == pytest.approx({"a": 0.25, "b": 0.75})
    assert diff_projects(old, partnerfit.load(path)).unchanged


@requires_git
def test_a_json_file_at_a_revision(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.name", "Test")
    git(tmp_path, "config", "user.email", "test@example.org")
    path = tmp_path / "c.json"
    path.write_text('{"criteria": {"criteria": {"a": {}}}, "candidates": {"x": {"scores": {"a": 2}}}}', "utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "v1")
    path.write_text('{"criteria": {"criteria": {"a": {}}}, "candidates": {"x": {"scores": {"a": 3}}}}', "utf-8")
    d = diff_projects(load_at_revision(path, "HEAD"), partnerfit.load(path))
    assert d.changed[0].scores == (ScoreChange("a", None, 2, 3, None),)


@requires_git
def test_revision_errors(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "c.yaml").write_text(REFERRING, encoding="utf-8")
    with pytest.raises(RevisionError, match=r"is not in a git repository"):
        load_at_revision(plain / "c.yaml", "HEAD")
    repo = tmp_path / "repo"
    repo.mkdir()
    path = make_repo(repo)
    with pytest.raises(RevisionError, match=r"unknown git revision 'nope'"):
        load_at_revision(path, "nope")
    with pytest.raises(RevisionError, match=r"not a git revision"):
        load_at_revision(path, "--output=x")
    fresh = repo / "team" / "fresh.yaml"
    fresh.write_text(REFERRING, encoding="utf-8")
    with pytest.raises(RevisionError, match=r"fresh.yaml does not exist at revision 'HEAD'"):
        load_at_revision(fresh, "HEAD")


@requires_git
def test_a_criteria_file_missing_at_the_revision(tmp_path: Path) -> None:
    path = make_repo(tmp_path)
    path.write_text(REFERRING.replace("../sets/pair.yaml", "../sets/later.yaml"), encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "v2 names a file it does not commit")
    with pytest.raises(RevisionError, match=r"criteria file '../sets/later.yaml' named by .* does not exist"):
        load_at_revision(path, "HEAD")


@requires_git
def test_an_invalid_old_version_is_named_rev_colon_path(tmp_path: Path) -> None:
    path = make_repo(tmp_path)
    path.write_text(REFERRING.replace("{a: 5, b: 3}", "{a: 9, b: 3}"), encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "v2: out of scale")
    path.write_text(REFERRING, encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        load_at_revision(path, "HEAD")
    [diagnostic] = [d for d in caught.value.diagnostics if d.severity == "error"]
    assert diagnostic.file == "HEAD:team/candidates.yaml"
    assert diagnostic.line == 4
    assert "partnerfit-rev-" not in diagnostic.format()
