"""The README documents every command and option, and starts with the two commands CI relies on."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from partnerfit.cli.app import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, list[str]]:
    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    return {
        name: [opt for p in cmd.params for opt in getattr(p, "opts", []) if opt.startswith("-")]
        for name, cmd in commands.items()
    }


def test_every_command_has_a_readme_section() -> None:
    for name in _commands():
        assert f"### `partnerfit {name}" in README, name


def test_every_option_is_documented() -> None:
    commands = _commands()
    assert {"score", "check", "criteria", "init", "weights", "schema"} <= set(commands)
    for name, options in commands.items():
        section = README.split(f"### `partnerfit {name}", 1)[1].split("\n### ", 1)[0]
        for option in options:
            if option in ("-h", "--help"):
                continue
            assert re.search(rf"`[^`]*{re.escape(option)}\b", section), f"{name} {option} missing from README"


def test_readme_starts_with_install_and_test_commands() -> None:
    first_block = README.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(first_block) == 2
    assert "pip install ." in first_block[0] and "partnerfit score examples/" in first_block[0]
    assert "pip install -e '.[test]'" in first_block[1] and "pytest" in first_block[1]
    example = first_block[0].split("partnerfit score ", 1)[1].split()[0]
    assert (Path(__file__).resolve().parents[1] / example).is_file()
