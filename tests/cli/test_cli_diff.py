"""`partnerfit diff`: two files or a file against a git revision, every format, --fail-on, errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from partnerfit.cli.app import app as main_app
from partnerfit.cli.diff import diff


def _app() -> typer.Typer:
    """The real application once `diff` is registered there; until then a local one."""
    if any(command.name == "diff" for command in main_app.registered_commands):
        return main_app
    local = typer.Typer(add_completion=False, rich_markup_mode=None)
    local.command(name="diff")(diff)

    @local.callback()
    def _root() -> None:
        """Test application."""

    return local


APP = _app()

# x leads on a (weight 2), y on b; with the weights swapped y leads. z is second either way.
OLD = """\
kind: candidates
title: Pair
criteria:
  name: pair
  criteria:
    a: {label: {en: Quality, fr: Qualité}, weight: 2}
    b: {label: Cost control, minimum: 2}
  gates:
    sanctions: {label: On a sanctions list}
candidates:
  x: {name: Xylo, scores: {a: 5, b: 3}}
  y: {name: Yuzu, scores: {a: 3, b: 5}}
  z: {name: Zeta | Co, scores: {a: 4, b: 4}}
"""
# weights swapped, a noted score change for z, x sanctioned, a new candidate w
NEW = (
    OLD.replace("weight: 2}", "weight: 1}")
    .replace("b: {label: Cost control, minimum: 2}", "b: {label: Cost control, minimum: 2, weight: 2}")
    .replace("{a: 4, b: 4}", '{a: 4, b: {score: 5, note: "Alice, 2025-03: new quote"}}')
    .replace("x: {name: Xylo,", "x: {name: Xylo, gates: {sanctions: true},")
    + "  w: {name: Wren, scores: {a: 1, b: 2}}\n"
)


CLEAN_ENV: dict[str, str | None] = {"COLUMNS": None, "NO_COLOR": None, "FORCE_COLOR": None, "TERM": None}


def run(args: Sequence[str | Path]) -> Result:
    return CliRunner().invoke(APP, ["diff", *(str(a) for a in args)], env=CLEAN_ENV)


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """old.yaml and new.yaml, named relative to the working directory (their folder)."""
    monkeypatch.chdir(tmp_path)
    old, new = Path("old.yaml"), Path("new.yaml")
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


# --- formats -------------------------------------------------------------------------------------


def test_table(pair: tuple[Path, Path]) -> None:
    result = run(pair)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == "Changes from old.yaml to new.yaml"
    assert lines[1] == "New leader: Zeta | Co (was Xylo)"
    assert "Rank changes (wsm)" in out
    assert "Xylo" in out and "excluded: gate: sanctions" in out
    assert "Alice, 2025-03: new quote" in out
    assert "Candidates added: Wren" in out
    assert "Xylo: gate sanctions: not answered → yes" in out
    assert "66.7%" in out and "33.3%" in out
    assert all(line == line.rstrip() for line in lines)
    assert "\x1b[" not in out


def test_json(pair: tuple[Path, Path]) -> None:
    result = run([*pair, "--format", "json", "--top", "1"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["method"] == "wsm"
    assert document["ranking"]["leader"] == {"old": ["x"], "new": ["z"], "changed": True}
    assert document["ranking"]["top"] == {"k": 1, "old": ["x"], "new": ["z"], "entered": ["z"], "left": ["x"]}
    changes = {c["id"]: c["change"] for c in document["ranking"]["changes"]}
    assert changes == {"z": "moved", "y": "moved", "w": "added", "x": "excluded"}
    assert document["candidates"]["added"] == [{"id": "w", "name": "Wren"}]
    [z] = [c for c in document["candidates"]["changed"] if c["id"] == "z"]
    assert z["scores"] == [
        {"criterion": "b", "assessor": None, "old": 4, "new": 5, "note": "Alice, 2025-03: new quote"}
    ]
    assert document["conditions"] == {
        "leader-change": True,
        "top-k-change": True,
        "any-rank-change": True,
        "exclusion-change": True,
    }


def test_markdown(pair: tuple[Path, Path]) -> None:
    result = run([*pair, "--format", "markdown"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == "### Changes from `old.yaml` to `new.yaml`"
    assert lines[2] == "**New leader: Zeta \\| Co (was Xylo)**"
    assert "#### Rank changes (wsm)" in lines
    assert "| Candidate | Rank | Score | Change |" in lines
    assert "| Zeta \\| Co | 2 → 1 | 75.00 → 91.67 | ↑1 |" in lines
    assert "| Xylo | 1 → excl. | 83.33 → 66.67 | excluded: gate: sanctions |" in lines
    assert "#### Score changes" in lines
    assert "| Zeta \\| Co | Cost control | 4 | 5 | Alice, 2025-03: new quote |" in lines
    assert "#### Criteria and weights" in lines
    assert "| Quality | 66.7% | 33.3% | -33.3 pt |" in lines
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_french(pair: tuple[Path, Path]) -> None:
    result = run([*pair, "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "Nouveau premier : Zeta | Co (auparavant Xylo)" in result.stdout
    assert "Qualité" in result.stdout


def test_no_changes(pair: tuple[Path, Path]) -> None:
    for fmt in ("table", "markdown"):
        result = run([pair[0], pair[0], "--format", fmt])
        assert result.exit_code == 0, result.output
        assert "Leader unchanged: Xylo" in result.stdout
        assert "No changes." in result.stdout
    result = run([pair[0], pair[0], "--format", "json"])
    assert json.loads(result.stdout)["unchanged"] is True


def test_output_file(pair: tuple[Path, Path], tmp_path: Path) -> None:
    target = Path("diff.md")
    result = run([*pair, "--format", "markdown", "-o", target])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("### ")
    result = run([*pair, "-o", pair[1]])
    assert result.exit_code == 2
    assert "refusing to write the output over the input file" in result.stderr


def test_method(pair: tuple[Path, Path]) -> None:
    result = run([*pair, "--method", "topsis", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["method"] == "topsis"


# --- --fail-on -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("conditions", "code"),
    [
        ([], 0),
        (["leader-change"], 1),
        (["exclusion-change"], 1),
        (["top-k-change", "any-rank-change"], 1),
    ],
)
def test_fail_on(pair: tuple[Path, Path], conditions: list[str], code: int) -> None:
    args = [a for c in conditions for a in ("--fail-on", c)]
    result = run([*pair, *args])
    assert result.exit_code == code, result.output
    assert result.stdout.startswith("Changes from")  # the diff is printed either way
    for condition in conditions:
        assert f"--fail-on {condition}: " in result.stderr
    if "leader-change" in conditions:
        assert "--fail-on leader-change: new leader Zeta | Co (was Xylo)" in result.stderr


def test_fail_on_a_condition_that_does_not_hold(pair: tuple[Path, Path], tmp_path: Path) -> None:
    small = tmp_path / "small.yaml"
    small.write_text(OLD.replace("{a: 3, b: 5}", "{a: 3, b: 4}"), encoding="utf-8")  # y: third still
    args = ["--fail-on", "leader-change", "--fail-on", "top-k-change", "--fail-on", "exclusion-change"]
    result = run([pair[0], small, *args])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    result = run([pair[0], small, "--fail-on", "any-rank-change", "--top", "2"])
    assert result.exit_code == 0, result.output
    result = run([pair[0], small, "--fail-on", "bogus"])
    assert result.exit_code == 2


# --- misuse and errors ---------------------------------------------------------------------------


def test_both_or_neither(pair: tuple[Path, Path]) -> None:
    result = run([*pair, "--rev", "HEAD"])
    assert result.exit_code == 2
    assert "not both" in result.stderr
    result = run([pair[0]])
    assert result.exit_code == 2
    assert "missing NEW" in result.stderr


def test_missing_file(pair: tuple[Path, Path], tmp_path: Path) -> None:
    result = run([pair[0], tmp_path / "absent.yaml"])
    assert result.exit_code == 2


def test_an_invalid_file(pair: tuple[Path, Path]) -> None:
    pair[1].write_text(OLD.replace("{a: 5, b: 3}", "{a: 7, b: 3}"), encoding="utf-8")
    result = run(pair)
    assert result.exit_code == 1
    assert result.stderr.startswith("new.yaml:11:31: error: ")
    assert "Traceback" not in result.output


# --- against a git revision ----------------------------------------------------------------------

requires_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CRITERIA_FILE = """\
kind: criteria
name: pair
criteria:
  a: {label: Quality, weight: 2}
  b: {label: Cost control, minimum: 2}
"""
REFERRING = OLD[: OLD.index("criteria:\n")] + "criteria: ../criteria/pair.yaml\n" + OLD[OLD.index("candidates:") :]


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A committed repository: criteria/pair.yaml, and team/candidates.yaml naming it by relative path."""
    root = tmp_path / "repo"
    (root / "criteria").mkdir(parents=True)
    (root / "team").mkdir()
    git(root, "init", "-q")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.org")
    (root / "criteria" / "pair.yaml").write_text(CRITERIA_FILE, encoding="utf-8")
    (root / "team" / "candidates.yaml").write_text(REFERRING.replace("\ncandidates:", "\nx-v: 1\ncandidates:"), "utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "v1")
    return root


@requires_git
def test_rev(repo: Path) -> None:
    path = repo / "team" / "candidates.yaml"
    (repo / "criteria" / "pair.yaml").write_text(CRITERIA_FILE.replace("weight: 2", "weight: 1, maximum: 4"), "utf-8")
    path.write_text(REFERRING.replace("{a: 3, b: 5}", "{a: 3, b: {score: 4, note: 'Bob, after the call'}}"), "utf-8")
    result = run([path, "--rev", "HEAD", "--format", "json", "--fail-on", "leader-change"])
    assert result.exit_code == 1, result.output
    document = json.loads(result.stdout)
    assert document["old"] == "HEAD:team/candidates.yaml"
    assert document["criteria"]["old"]["source"] == document["criteria"]["new"]["source"] == "../criteria/pair.yaml"
    assert document["criteria"]["definitions"] == [{"criterion": "a", "field": "maximum", "old": None, "new": 4.0}]
    assert [w["id"] for w in document["criteria"]["weights"]] == ["a", "b"]
    [y] = document["candidates"]["changed"]
    assert y["scores"] == [{"criterion": "b", "assessor": None, "old": 5, "new": 4, "note": "Bob, after the call"}]
    assert document["ranking"]["leader"] == {"old": ["x"], "new": ["z"], "changed": True}
    assert "--fail-on leader-change: new leader Zeta | Co (was Xylo)" in result.stderr


@requires_git
def test_rev_markdown_against_a_branch(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "proposal")
    path = repo / "team" / "candidates.yaml"
    path.write_text(path.read_text("utf-8").replace("{a: 3, b: 5}", "{a: 5, b: 5}"), "utf-8")
    git(repo, "commit", "-q", "-am", "y is better than we thought")
    result = run([path, "--rev", "main", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert "### Changes from `main:team/candidates.yaml` to `" in result.stdout
    assert "**New leader: Yuzu (was Xylo)**" in result.stdout


@requires_git
def test_rev_unchanged(repo: Path) -> None:
    result = run([repo / "team" / "candidates.yaml", "--rev", "HEAD", "--fail-on", "any-rank-change"])
    assert result.exit_code == 0, result.output
    assert "No changes." in result.stdout


@requires_git
def test_rev_errors(repo: Path, tmp_path: Path) -> None:
    loose = tmp_path / "loose.yaml"
    loose.write_text(OLD, encoding="utf-8")
    path = repo / "team" / "candidates.yaml"
    fresh = repo / "team" / "fresh.yaml"
    fresh.write_text(OLD, encoding="utf-8")
    cases = [
        ([loose, "--rev", "HEAD"], "is not in a git repository"),
        ([path, "--rev", "no-such-branch"], "unknown git revision 'no-such-branch'"),
        ([fresh, "--rev", "HEAD"], "fresh.yaml does not exist at revision 'HEAD'"),
    ]
    for args, message in cases:
        result = run(args)
        assert result.exit_code == 1, (args, result.output)
        assert result.stderr.startswith("error: ")
        assert message in result.stderr
        assert "Traceback" not in result.output
        assert result.stdout == ""


@requires_git
def test_rev_invalid_old_version(repo: Path) -> None:
    path = repo / "team" / "candidates.yaml"
    path.write_text(REFERRING.replace("{a: 5, b: 3}", "{a: 5, b: 30}"), "utf-8")
    git(repo, "commit", "-q", "-am", "broken")
    path.write_text(REFERRING, "utf-8")
    result = run([path, "--rev", "HEAD"])
    assert result.exit_code == 1
    assert result.stderr.startswith("HEAD:team/candidates.yaml:")
    assert "Traceback" not in result.output


# --- two criteria files ----------------------------------------------------------------------------

CRITERIA_OLD = """\
kind: criteria
name: pair
criteria:
  a: {label: {en: Quality, fr: Qualité}, weight: 2}
  b: {label: Cost control, minimum: 2}
"""
CRITERIA_NEW = CRITERIA_OLD.replace("weight: 2", "weight: 1").replace("minimum: 2", "minimum: 3")
PAIR = """\
kind: candidates
criteria: {criteria}
candidates:
  x: {{scores: {{a: 5, b: 2}}}}
  y: {{scores: {{a: 2, b: 5}}}}
"""


@pytest.fixture
def sets(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.yaml").write_text(CRITERIA_OLD, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(CRITERIA_NEW, encoding="utf-8")
    for name in ("old", "new"):
        (tmp_path / f"with_{name}.yaml").write_text(PAIR.format(criteria=f"{name}.yaml"), encoding="utf-8")
    return tmp_path


def test_diff_two_criteria_files_every_format(invoke, sets):
    table = invoke(["diff", "old.yaml", "new.yaml"])
    assert table.exit_code == 0, table.output
    assert "Quality" in table.stdout and "66.7%" in table.stdout and "50.0%" in table.stdout
    assert "minimum 2 → 3" in table.stdout
    markdown = invoke(["diff", "old.yaml", "new.yaml", "-f", "markdown", "-l", "fr"])
    assert markdown.exit_code == 0, markdown.output
    assert markdown.stdout.startswith("### ") and "| Qualité | 66,7\u202f% | 50,0\u202f% |" in markdown.stdout
    data = json.loads(invoke(["diff", "old.yaml", "new.yaml", "-f", "json"]).stdout)
    assert data["old"] == "old.yaml" and data["unchanged"] is False
    weights = {w["id"]: (round(w["old"], 4), round(w["new"], 4)) for w in data["criteria"]["weights"]}
    assert weights == {"a": (0.6667, 0.5), "b": (0.3333, 0.5)}
    assert data["criteria"]["definitions"] == [{"criterion": "b", "field": "minimum", "old": 2.0, "new": 3.0}]
    same = invoke(["diff", "old.yaml", "old.yaml", "-f", "json"])
    assert json.loads(same.stdout)["unchanged"] is True


def test_diff_criteria_with_candidates_equals_embedding_them(invoke, sets):
    via_sets = invoke(["diff", "old.yaml", "new.yaml", "--candidates", "with_old.yaml", "-f", "json"])
    assert via_sets.exit_code == 0, via_sets.output
    via_files = invoke(["diff", "with_old.yaml", "with_new.yaml", "-f", "json"])
    assert via_files.exit_code == 0, via_files.output
    a, b = json.loads(via_sets.stdout), json.loads(via_files.stdout)
    assert a["ranking"] == b["ranking"] and a["conditions"] == b["conditions"]
    assert a["ranking"]["changes"], "x falls under the new minimum: the ranking changes"
    assert a["old"] == "old.yaml" and a["new"] == "new.yaml"
    gate = invoke(["diff", "old.yaml", "new.yaml", "--candidates", "with_old.yaml", "--fail-on", "exclusion-change"])
    assert gate.exit_code == 1
    assert "--fail-on exclusion-change" in gate.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["old.yaml", "with_old.yaml"], "is a criteria file and the other a candidates file"),
        (["with_old.yaml", "with_new.yaml", "--candidates", "with_old.yaml"], "--candidates needs two criteria"),
        (["old.yaml", "new.yaml", "--fail-on", "leader-change"], "--fail-on needs a ranking"),
    ],
)
def test_diff_criteria_misuse(invoke, sets, args, message):
    result = invoke(["diff", *args])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
