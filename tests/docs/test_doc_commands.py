"""Every `partnerfit …` command shown in the README and the documentation site runs, with its exit code.

A command is a line of a ```bash or ```console block that starts with `partnerfit ` (or `$ partnerfit `).
Each block runs in a fresh copy of examples/ and criteria/ (with the layout the CI guide recommends,
partners/*.yaml, and a git repository for `diff --rev`), line after line, through CliRunner. A line
expects exit code 0 unless it ends with a comment such as `# exit 1`. Outputs are not compared: the
numbers and layout are the renderers' golden files' business.
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfit.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(r"^```(?:bash|console)\n(.*?)^```", re.M | re.S)
EXPECTED = re.compile(r"#\s*exit\s+(\d+)\b")
STOP = {"|", "||", "&&", ";", "&"}


def doc_commands(text: str) -> list[tuple[int, list[str]]]:
    """The blocks of a page that hold commands: (line of the block, its `partnerfit` lines)."""
    blocks = []
    for match in BLOCK.finditer(text):
        lines = [line.strip().removeprefix("$ ") for line in match.group(1).splitlines()]
        commands = [line for line in lines if line.startswith("partnerfit ")]
        if commands:
            blocks.append((text.count("\n", 0, match.start()) + 1, commands))
    return blocks


BLOCKS = [
    pytest.param(commands, id=f"{page.relative_to(ROOT)}:{line}")
    for page in PAGES
    for line, commands in doc_commands(page.read_text(encoding="utf-8"))
]


def parse(line: str, cwd: Path) -> tuple[list[str], str | None, int]:
    """A shell line as arguments (globs expanded, stopping at a pipe), the `>` target and the expected code."""
    expected = EXPECTED.search(line)
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    args: list[str] = []
    target = None
    tokens = iter(lexer)
    for token in tokens:
        if token in STOP:
            break
        if token == ">":
            target = next(tokens)
        elif any(c in token for c in "*?[") and not token.startswith("-"):
            args.extend(sorted(glob.glob(token, root_dir=cwd)) or [token])
        else:
            args.append(token)
    assert args[0] == "partnerfit", line
    return args[1:], target, int(expected.group(1)) if expected else 0


def workspace(tmp_path: Path, with_git: bool) -> Path:
    """examples/ and criteria/ of the repository, partners/ as the CI guide lays it out, optionally in git."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copytree(ROOT / "criteria", tmp_path / "criteria")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    (tmp_path / "partners").mkdir()
    shutil.copy(ROOT / "examples" / "packaging.yaml", tmp_path / "partners" / "packaging.yaml")
    if with_git:
        env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
        for command in (
            ["git", "init", "-q", "-b", "main"],
            ["git", "add", "-A"],
            ["git", "-c", "user.name=docs", "-c", "user.email=docs@example.org", "commit", "-q", "-m", "docs"],
            ["git", "update-ref", "refs/remotes/origin/main", "HEAD"],
        ):
            subprocess.run(command, cwd=tmp_path, env=env, check=True, capture_output=True)
    return tmp_path


def test_the_pages_show_commands() -> None:
    shown = {page.name for page in PAGES for _ in doc_commands(page.read_text(encoding="utf-8"))}
    assert {"README.md", "getting-started.md", "score.md", "check.md", "ci.md", "report.md"} <= shown


def test_a_line_is_parsed_as_the_shell_would() -> None:
    args, target, code = parse("partnerfit check --strict examples/*.yaml | head  # exit 1", ROOT)
    assert args == [
        "check",
        "--strict",
        "examples/assessors.yaml",
        "examples/criteria-ahp.yaml",
        "examples/packaging.yaml",
    ]
    assert (target, code) == (None, 1)
    assert parse('partnerfit schema candidates > "my schema.json"', ROOT) == (
        ["schema", "candidates"],
        "my schema.json",
        0,
    )


@pytest.mark.parametrize("commands", BLOCKS)
def test_the_documented_commands_run(commands: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cwd = workspace(tmp_path, with_git=any("--rev" in c for c in commands))
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    for line in commands:
        args, target, expected = parse(line, cwd)
        result = CliRunner().invoke(app, args)
        assert result.exit_code == expected, (line, result.output, result.exception)
        if target is not None:
            (cwd / target).write_text(result.stdout, encoding="utf-8")


PYTHON = re.compile(r"^```python\n(.*?)^```", re.M | re.S)


def test_the_python_api_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ```python blocks of the API page run as written, from a folder holding examples/."""
    blocks = PYTHON.findall((ROOT / "docs" / "api.md").read_text(encoding="utf-8"))
    assert blocks
    monkeypatch.chdir(workspace(tmp_path, with_git=False))
    for block in blocks:  # our own documentation, nothing from outside
        exec(compile(block, "docs/api.md", "exec"), {"__name__": "docs_api"})
