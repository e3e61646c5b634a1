"""The CI guide's snippets (docs/ci.md) are valid GitHub Actions, GitLab CI and pre-commit files, install partnerfit
in a way that works, and run on the layout the guide recommends."""

from __future__ import annotations

import json
import re
import shlex
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from partnerfit.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
SECTION = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```yaml\n(.*?)```", SECTION, re.S)
LAYOUT = re.search(r"```text\n(.*?)```", SECTION, re.S)
# What the guide's layout holds (its tree), and files the hook must leave alone.
RECOMMENDED = ["partners/packaging.yaml", "partners/cold-hub.yaml", "criteria/partnership.yaml"]
OTHERS = ["docs/notes.yaml", ".github/workflows/ci.yml", "mkdocs.yml", "partners/readme.md"]


def vendored_schema(name: str) -> dict[str, object]:
    """A schema that check-jsonschema (a test dependency) vendors from SchemaStore."""
    files = resources.files("check_jsonschema.builtin_schemas.vendor")
    schema: dict[str, object] = json.loads((files / f"{name}.json").read_text(encoding="utf-8"))
    return schema


def test_the_section_has_the_four_snippets() -> None:
    assert len(BLOCKS) == 4


@pytest.mark.parametrize("block", [0, 1])
def test_github_actions_steps_make_a_valid_workflow(block: int) -> None:
    steps = yaml.safe_load(BLOCKS[block])
    workflow = {
        "name": "partners",
        "on": {"pull_request": {}},
        "jobs": {"check": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@v4"}, *steps]}},
    }
    errors = list(jsonschema.Draft7Validator(vendored_schema("github-workflows")).iter_errors(workflow))
    assert errors == [], [e.message for e in errors]


def test_gitlab_job_is_valid() -> None:
    config = yaml.safe_load(BLOCKS[2])
    validator = jsonschema.Draft7Validator(vendored_schema("gitlab-ci"))
    errors = list(validator.iter_errors(config))
    assert errors == [], [e.message for e in errors]


def test_pre_commit_config_names_the_shipped_hook() -> None:
    config = yaml.safe_load(BLOCKS[3])
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [repo] = config["repos"]
    assert {h["id"] for h in repo["hooks"]} <= {h["id"] for h in hooks}
    for hook in hooks:
        assert {"id", "name", "entry", "language", "files"} <= set(hook)
        assert hook["entry"].split()[0] == "partnerfit"
        pattern = re.compile(hook["files"])
        assert pattern.search("partners/candidates.yaml")
        assert pattern.search("criteria/partnership.yaml")
        assert not pattern.search("docs/notes.yaml")


def test_the_pre_commit_pattern_matches_the_recommended_layout() -> None:
    assert LAYOUT is not None
    for path in RECOMMENDED:
        assert path.split("/")[-1] in LAYOUT.group(1), path
    [repo] = yaml.safe_load(BLOCKS[3])["repos"]
    for hook in repo["hooks"]:
        pattern = re.compile(hook["files"])  # pre-commit matches `files` with re.search on the path from the root
        assert all(pattern.search(path) for path in RECOMMENDED), hook["files"]
        assert not any(pattern.search(path) for path in OTHERS), hook["files"]


def test_the_snippets_install_partnerfit_from_its_repository() -> None:
    from packaging.requirements import Requirement

    [repo] = yaml.safe_load(BLOCKS[3])["repos"]
    installs = re.findall(r"pip install (.+)", "".join(BLOCKS))
    assert len(installs) == 2  # GitHub Actions and GitLab; code scanning follows the GitHub install step
    for install in installs:
        [argument] = shlex.split(install)
        requirement = Requirement(argument)  # what pip parses: a name and a direct URL
        assert requirement.name == "partnerfit"
        assert requirement.url == f"git+{repo['repo']}@{repo['rev']}"
    assert "pip install partnerfit\n" not in SECTION  # not on PyPI: it would fail


def test_the_commands_of_the_snippets_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "partners").mkdir()
    (tmp_path / "criteria").mkdir()
    (tmp_path / "partners" / "cold-hub.yaml").write_bytes((ROOT / "examples" / "assessors.yaml").read_bytes())
    (tmp_path / "criteria" / "partnership.yaml").write_bytes((ROOT / "criteria" / "partnership.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    commands = re.findall(r"(?:- run: |- )(partnerfit check [^|\n]*)", SECTION)
    assert len(commands) == 3
    for command in commands:
        args = [str(p) for part in shlex.split(command)[1:] for p in (sorted(tmp_path.glob(part)) or [part])]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, (command, result.output)
    assert (tmp_path / "partnerfit.sarif").is_file() and (tmp_path / "partnerfit.xml").is_file()
