"""`diff -w ID=N`: the same what-if weights on both versions (two files, a git revision, two criteria sets)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.test_cli_diff import CRITERIA_FILE, NEW, OLD, git, requires_git, run

WITH_A_AT_5 = ("weight: 2}", "weight: 5}")


def _json(args: list[str | Path]) -> dict[str, object]:
    result = run([*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    document: dict[str, object] = json.loads(result.stdout)
    return document


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.chdir(tmp_path)
    paths = {"old": Path("old.yaml"), "new": Path("new.yaml")}
    paths["old"].write_text(OLD, encoding="utf-8")
    paths["new"].write_text(NEW, encoding="utf-8")
    # the same two versions whose own `weights:` say what -w says
    for name, text in (("old_w", OLD), ("new_w", NEW)):
        paths[name] = Path(f"{name}.yaml")
        paths[name].write_text(text + "weights: {a: 5}\n", encoding="utf-8")
    return paths


def test_override_applies_to_both_versions_as_the_files_weights_would(files: dict[str, Path]) -> None:
    what_if = _json([files["old"], files["new"], "-w", "a=5"])
    assert what_if["ranking"] == _json([files["old_w"], files["new_w"]])["ranking"]
    assert what_if["ranking"] != _json([files["old"], files["new"]])["ranking"]


def test_the_override_is_said_on_stderr(files: dict[str, Path]) -> None:
    result = run([files["old"], files["new"], "--weight", "a=5"])
    assert result.exit_code == 0, result.output
    assert "weights overridden: a=5" in result.stderr
    assert "overridden" not in run([files["old"], files["new"]]).stderr


@pytest.mark.parametrize(("value", "message"), [("nope=3", "nope"), ("a=-1", "a=-1"), ("a", "ID=NUMBER")])
def test_a_bad_override_is_misuse(files: dict[str, Path], value: str, message: str) -> None:
    result = run([files["old"], files["new"], "-w", value])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_two_criteria_sets_with_candidates_take_the_override(tmp_path: Path) -> None:
    old, new = tmp_path / "old_set.yaml", tmp_path / "new_set.yaml"
    old.write_text(CRITERIA_FILE, encoding="utf-8")
    new.write_text(CRITERIA_FILE.replace("minimum: 2}", "minimum: 2, weight: 3}"), encoding="utf-8")
    candidates = tmp_path / "c.yaml"
    candidates.write_text("kind: candidates\ncriteria: old_set.yaml\n" + OLD[OLD.index("candidates:") :], "utf-8")
    plain = _json([old, new, "--candidates", candidates])
    what_if = _json([old, new, "--candidates", candidates, "-w", "a=9"])
    assert plain["ranking"] != what_if["ranking"]
    # with a at 9 in both sets, x (best on a) leads before and after
    assert what_if["ranking"]["leader"] == {"old": ["x"], "new": ["x"], "changed": False}  # type: ignore[index]


def test_two_criteria_sets_alone_refuse_the_override(tmp_path: Path) -> None:
    old, new = tmp_path / "old_set.yaml", tmp_path / "new_set.yaml"
    old.write_text(CRITERIA_FILE, encoding="utf-8")
    new.write_text(CRITERIA_FILE.replace("weight: 2", "weight: 3"), encoding="utf-8")
    result = run([old, new, "-w", "a=9"])
    assert result.exit_code == 2
    assert "--weight needs a ranking: add --candidates FILE" in result.stderr


@requires_git
def test_override_at_a_git_revision(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.org")
    path = repo / "c.yaml"
    path.write_text(OLD, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "v1")
    path.write_text(NEW, encoding="utf-8")
    what_if = _json([path, "--rev", "HEAD", "-w", "a=5"])
    (tmp_path / "old_w.yaml").write_text(OLD + "weights: {a: 5}\n", encoding="utf-8")
    (tmp_path / "new_w.yaml").write_text(NEW + "weights: {a: 5}\n", encoding="utf-8")
    assert what_if["ranking"] == _json([tmp_path / "old_w.yaml", tmp_path / "new_w.yaml"])["ranking"]
    result = run([path, "--rev", "HEAD", "-w", "zz=1"])
    assert result.exit_code == 2 and "zz" in result.stderr
