"""Without --lang: PARTNERFIT_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from partnerfit.cli.app import app
from partnerfit.i18n.language import Choice, choose_language, language_of

CLEAN = {"PARTNERFIT_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}


@pytest.mark.parametrize(
    ("value", "lang"),
    [("fr", "fr"), ("FR", "fr"), ("fr_FR.UTF-8", "fr"), ("fr-CA", "fr"), ("fr_BE@euro", "fr"), ("en_GB", "en")],
)
def test_a_setting_names_a_language(value: str, lang: str) -> None:
    assert language_of(value) == lang


@pytest.mark.parametrize("value", ["de_DE.UTF-8", "C", "POSIX", "C.UTF-8", "xx", ""])
def test_other_settings_name_none(value: str) -> None:
    assert language_of(value) is None


@pytest.mark.parametrize(
    ("environ", "choice"),
    [
        ({}, Choice("en")),
        ({"LANG": "fr_FR.UTF-8"}, Choice("fr")),
        ({"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, Choice("en")),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_FR", "LC_ALL": ""}, Choice("fr")),
        ({"LC_MESSAGES": "en_US", "LC_ALL": "fr_FR.UTF-8"}, Choice("fr")),
        ({"LANG": "de_DE.UTF-8"}, Choice("en")),
        ({"LANG": "C.UTF-8"}, Choice("en")),
        ({"PARTNERFIT_LANG": "fr", "LANG": "en_US.UTF-8"}, Choice("fr")),
        ({"PARTNERFIT_LANG": "en", "LC_ALL": "fr_FR.UTF-8"}, Choice("en")),
        ({"PARTNERFIT_LANG": "xx", "LANG": "fr_FR.UTF-8"}, Choice("en", "xx")),
    ],
)
def test_the_order_of_the_settings(environ: dict[str, str], choice: Choice) -> None:
    assert choose_language(environ) == choice


def heading(out: str) -> str:
    """The ranking table's first column heading (Rank / Rang)."""
    return next(line.split()[0] for line in out.splitlines() if line.split()[:1] in (["Rank"], ["Rang"]))


def run(args: list[str], **env: str) -> tuple[str, str, int]:
    result = CliRunner().invoke(app, args, env={**CLEAN, "COLUMNS": "200", "NO_COLOR": "1", **env})
    return result.stdout, result.stderr, result.exit_code


@pytest.mark.parametrize(
    ("env", "first"),
    [
        ({}, "Rank"),
        ({"PARTNERFIT_LANG": "fr"}, "Rang"),
        ({"LANG": "fr_FR.UTF-8"}, "Rang"),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "Rang"),
        ({"LANG": "de_DE.UTF-8"}, "Rank"),
    ],
)
def test_score_speaks_the_chosen_language(env: dict[str, str], first: str) -> None:
    out, err, code = run(["score", "examples/packaging.yaml"], **env)
    assert code == 0, err
    assert heading(out) == first


def test_the_command_line_wins() -> None:
    out, _, code = run(["score", "examples/packaging.yaml", "--lang", "en"], PARTNERFIT_LANG="fr")
    assert code == 0
    assert heading(out) == "Rank"


def test_an_unsupported_partnerfit_lang_is_english_with_one_warning() -> None:
    out, err, code = run(["score", "examples/packaging.yaml"], PARTNERFIT_LANG="xx")
    assert code == 0
    assert heading(out) == "Rank"
    assert err.splitlines() == ["warning: PARTNERFIT_LANG='xx' is not a supported language (en, fr): English is used"]


def test_check_speaks_the_locale() -> None:
    out, err, code = run(["check", "examples/packaging.yaml"], LANG="fr_FR.UTF-8")
    assert code == 0, err
    assert out.startswith("1 fichier vérifié : aucune erreur, ")
