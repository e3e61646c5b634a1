"""The root of the command line: --version, --help / -h everywhere, no arguments, the entry point."""

from __future__ import annotations

import sys

import pytest

import partnerfit
from partnerfit.cli import main

COMMANDS = ["score", "check", "criteria", "init"]


def test_version(invoke):
    result = invoke(["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"partnerfit {partnerfit.__version__}\n"


def test_version_is_eager_before_a_command(invoke):
    result = invoke(["--version", "score"])
    assert result.exit_code == 0
    assert result.stdout == f"partnerfit {partnerfit.__version__}\n"


def test_main_version_fast_path(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["partnerfit", "--version"])
    main()
    captured = capsys.readouterr()
    assert captured.out == f"partnerfit {partnerfit.__version__}\n"
    assert captured.err == ""


def test_main_runs_the_app(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["partnerfit", "criteria"])
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code in (0, None)
    assert "partnership" in capsys.readouterr().out


def test_main_reports_misuse_with_exit_2(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["partnerfit", "--no-such-option"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    assert capsys.readouterr().err == "error: unknown option --no-such-option\nsee partnerfit --help\n"


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_root_help(invoke, flag):
    result = invoke([flag])
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: partnerfit")
    assert "Examples" in result.stdout
    for command in COMMANDS:
        assert command in result.stdout
    assert "--version" in result.stdout


@pytest.mark.parametrize("flag", ["--help", "-h"])
@pytest.mark.parametrize("command", COMMANDS)
def test_command_help(invoke, command, flag):
    result = invoke([command, flag])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Usage: partnerfit {command}")
    assert "Examples" in result.stdout
    assert f"partnerfit {command}" in result.stdout.split("Examples", 1)[1]


def test_score_help_lists_every_option(invoke):
    text = invoke(["score", "--help"]).stdout
    for option in [
        "--criteria",
        "--format",
        "--top",
        "--lang",
        "--missing",
        "--aggregate",
        "--method",
        "--weight",
        "--output",
    ]:
        assert option in text


def test_help_examples_only_use_existing_options(invoke):
    """Every --option in an Examples section is an option of that command."""
    for command in COMMANDS:
        text = invoke([command, "--help"]).stdout
        options, examples = text.split("Examples", 1)
        for word in examples.split():
            if word.startswith("--"):
                assert word in options, f"{command} help example uses unknown option {word}"


def test_no_arguments_prints_usage(invoke):
    result = invoke([])
    assert result.exit_code == 2
    assert "Usage: partnerfit" in result.output
    for command in COMMANDS:
        assert command in result.output


def test_unknown_command(invoke):
    result = invoke(["rank"])
    assert result.exit_code == 2
    assert "error: unknown command 'rank'" in result.stderr
    assert "did you mean 'score'?" in invoke(["scor"]).stderr


BUG = """
import sys
import partnerfit.project.loading
from partnerfit.cli import run

def broken(*args, **kwargs):
    raise RuntimeError("engine exploded\\nsecond line")

partnerfit.project.loading.load = broken
sys.argv = ["partnerfit", "score", sys.argv[1]]
run()
"""


@pytest.mark.parametrize("show", [False, True])
def test_an_internal_error_is_one_line_unless_asked(show: bool):
    import os
    import subprocess
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "examples" / "packaging.yaml"
    env = {k: v for k, v in os.environ.items() if k != "PARTNERFIT_TRACEBACK"}
    if show:
        env["PARTNERFIT_TRACEBACK"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", BUG, str(example)], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 1
    assert "RuntimeError: engine exploded" in done.stderr
    if show:
        assert "Traceback" in done.stderr
    else:
        assert "Traceback" not in done.stderr and "second line" not in done.stderr
        assert done.stderr.startswith("error: internal error (RuntimeError: engine exploded). This is a bug")
