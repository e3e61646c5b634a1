"""One grammar for every command: misuse is one `error:` line naming the option, in the user's language, exit 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.cli.conftest import Invoke

from partnerfit.cli.app import app
from partnerfit.render import registry

ROOT = Path(__file__).resolve().parents[2]
FILE = str(ROOT / "examples" / "packaging.yaml")
CRITERIA = str(ROOT / "criteria" / "partnership.yaml")
SHEET = FILE  # any existing file: each misuse is refused before it is read

# command -> (valid arguments, an unknown choice, a bad number or None, what a missing argument looks like)
COMMANDS: dict[str, tuple[list[str], list[str], list[str] | None, list[str] | None]] = {
    "score": ([FILE], ["-f", "jsn"], ["--top", "0"], []),
    "check": ([FILE], ["-f", "jsn"], None, []),
    "criteria": (["partnership"], ["-f", "jsn"], None, None),
    "init": (["x.yaml"], ["--kind", "jsn"], None, None),
    "weights": ([FILE], ["-f", "jsn"], None, []),
    "schema": (["candidates"], ["jsn"], None, []),
    "diff": ([FILE, FILE], ["-f", "jsn"], ["--top", "x"], []),
    "explain": ([FILE, "startup_fibre"], ["-f", "jsn"], None, [FILE]),
    "compare": ([FILE, "startup_fibre", "coop_dairy"], ["-f", "jsn"], None, [FILE]),
    "sensitivity": ([FILE], ["-f", "jsn"], ["--samples", "abc"], []),
    "import": ([SHEET, "-o", "out.yaml"], ["--lang", "jsn"], None, [SHEET]),
    "report": ([FILE, "-o", "r.html"], ["--method", "jsn"], ["--top", "0"], [FILE]),
    "agreement": ([FILE], ["-f", "jsn"], ["--top", "x"], []),
    "assess": ([FILE, "--assessor", "eve"], ["--lang", "jsn"], None, []),
    "weigh": ([FILE], ["--lang", "jsn"], None, []),
    "tune": ([FILE], ["--method", "jsn"], ["--vikor-v", "2"], []),
    "team": ([FILE], ["-f", "jsn"], ["--alternatives", "-1"], []),
}
CASES = [
    pytest.param(command, kind, id=f"{command}-{kind}")
    for command, (_, choice, number, missing) in COMMANDS.items()
    for kind, given in (("choice", choice), ("number", number), ("option", ["--bogus"]), ("missing", missing))
    if given is not None
]


def _args(command: str, kind: str) -> tuple[list[str], str]:
    """The command line of a misuse of ``kind``, and what its error line must name."""
    valid, choice, number, missing = COMMANDS[command]
    if kind == "choice" and not choice[0].startswith("-"):  # an argument's value
        return [command, *choice], "KIND"
    if kind == "choice":
        return [command, *valid, *choice], choice[0]
    if kind == "number":
        assert number is not None
        return [command, *valid, *number], number[0]
    if kind == "option":
        return [command, *valid, "--bogus"], "--bogus"
    assert missing is not None
    return [command, *missing], ""


def _lang_fr(command: str, kind: str) -> tuple[list[str], dict[str, str]]:
    """French through --lang where the command has it (and the misuse is not of --lang), else PARTNERFIT_LANG."""
    if command == "schema" or (COMMANDS[command][1][0] == "--lang" and kind == "choice"):
        return [], {"PARTNERFIT_LANG": "fr"}
    return ["--lang", "fr"], {}


@pytest.mark.parametrize(("command", "kind"), CASES)
def test_misuse_is_one_error_line_exit_2(invoke: Invoke, tmp_path: Path, command: str, kind: str) -> None:
    args, named = _args(command, kind)
    args = [a.replace("x.yaml", str(tmp_path / "x.yaml")).replace("out.yaml", str(tmp_path / "o.yaml")) for a in args]
    result = invoke(args)
    assert result.exit_code == 2, (args, result.output)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("error: ") and named in lines[0], lines
    assert sum(line.startswith("error") for line in lines) == 1
    assert "Value error" not in result.stderr and "Usage:" not in result.stderr
    assert "Invalid value" not in result.stderr and "Try '" not in result.stderr
    extra, env = _lang_fr(command, kind)
    french = invoke([*args, *extra], env=env)
    assert french.exit_code == 2
    first = french.stderr.splitlines()[0]
    assert first.startswith("error: ") and named in first
    assert first != lines[0], "not translated"
    assert re.search(r"inconnue?|attendu|manquant|voir", french.stderr), french.stderr


def test_the_wording_of_each_kind_of_misuse(invoke: Invoke) -> None:
    def first(*args: str) -> str:
        return invoke(list(args)).stderr.splitlines()[0]

    assert first("score", FILE, "-f", "jsn") == (
        "error: --format: unknown value 'jsn'; expected one of table, json, csv, markdown — did you mean 'json'?"
    )
    assert first("score", FILE, "--top", "0") == "error: --top: expected a whole number of at least 1, found 0"
    assert first("sensitivity", FILE, "--samples", "abc") == "error: --samples: expected a whole number, found 'abc'"
    assert (
        first("sensitivity", FILE, "--seed", "-1") == "error: --seed: expected a whole number of at least 0, found -1"
    )
    assert first("score", FILE, "--vikor-v", "2") == "error: --vikor-v: expected a number from 0 to 1, found 2"
    assert first("score", FILE, "--method", "topsys").endswith("— did you mean 'topsis'?")
    assert first("score", FILE, "--fromat", "json") == "error: unknown option --fromat — did you mean '--format'?"
    assert first("score") == "error: missing argument FILE"
    assert first("import", SHEET) == "error: missing option --output"
    assert first("scor") == "error: unknown command 'scor' — did you mean 'score'?"
    assert first("score", FILE, "--top") == "error: --top: a value is needed after it"
    assert first("score", str(ROOT / "nope.yaml")).endswith("nope.yaml' does not exist")
    assert invoke(["score", FILE, "-f", "jsn"]).stderr.splitlines()[1] == "see partnerfit score --help"


def test_french_wording_and_language_from_the_environment(invoke: Invoke) -> None:
    french = "error: --top : nombre entier d'au moins 1 attendu, trouvé 0"
    assert invoke(["score", FILE, "--top", "0", "-l", "fr"]).stderr.splitlines()[0] == french
    assert invoke(["score", FILE, "--top", "0", "--lang=fr"]).stderr.splitlines()[0] == french
    assert invoke(["score", FILE, "--top", "0"], env={"PARTNERFIT_LANG": "fr"}).stderr.splitlines()[0] == french
    assert invoke(["score", FILE, "--top", "0"], env={"LANG": "fr_FR.UTF-8"}).stderr.splitlines()[0] == french
    # --lang wins over the environment
    english = invoke(["score", FILE, "--top", "0", "-l", "en"], env={"PARTNERFIT_LANG": "fr"})
    assert english.stderr.startswith("error: --top: expected")


FORMATTED = {
    "score": "ranking",
    "check": "diagnostics",
    "criteria": "criteria",
    "weights": "weights",
    "diff": "diff",
    "explain": "explanation",
    "compare": "head-to-head",
    "sensitivity": "sensitivity",
    "agreement": "agreement",
    "team": "team",
}


@pytest.mark.parametrize(("command", "document"), FORMATTED.items())
def test_help_lists_exactly_the_formats_of_the_registry(invoke: Invoke, command: str, document: str) -> None:
    result = invoke([command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    listed = re.search(r"--format <([^>]*)>", result.stdout)
    assert listed is not None, result.stdout
    extra = ["auto"] if command == "check" else []
    assert listed.group(1).split("|") == [*registry.formats(document), *extra]


def test_every_command_is_in_the_matrix() -> None:
    from typer.main import get_command

    commands = set(get_command(app).commands)  # type: ignore[attr-defined]
    assert commands == set(COMMANDS)
