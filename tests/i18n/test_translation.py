"""Words at run time: stdlib gettext catalogues, English fallback, plurals, read only when a word is needed."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from partnerfit.i18n import t, tn, translator


def test_a_key_reads_in_each_language() -> None:
    assert t("rank", "en") == "Rank"
    assert t("rank", "fr") == "Rang"
    assert t("compare_only", "fr", method="TOPSIS") == "seule TOPSIS a pu être appliquée : rien à comparer"


def test_an_unsupported_language_is_english() -> None:
    assert t("rank", "de") == "Rank"
    assert translator("de", "partnerfit") is translator("en", "partnerfit")


def test_an_unknown_key_is_an_error_as_before() -> None:
    with pytest.raises(KeyError):
        t("no_such_key", "fr")
    with pytest.raises(KeyError):
        tn("no_such_key", 2, "fr")


@pytest.mark.parametrize(
    ("count", "en", "fr"),
    [
        (0, "0 excluded candidates not shown", "0 candidat exclu non affiché"),
        (1, "1 excluded candidate not shown", "1 candidat exclu non affiché"),
        (2, "2 excluded candidates not shown", "2 candidats exclus non affichés"),
        (12345, "12,345 excluded candidates not shown", "12\u202f345 candidats exclus non affichés"),
    ],
)
def test_plurals_follow_each_languages_rule(count: int, en: str, fr: str) -> None:
    """English: 1 is singular; French: 0 and 1 are (plural=(n > 1)); counts grouped as the language does."""
    assert tn("excluded_not_shown", count, "en") == en
    assert tn("excluded_not_shown", count, "fr") == fr


def test_plural_values_beside_the_count() -> None:
    assert tn("more_not_shown", 1, "fr", top=5) == "1 autre candidat classé non affiché (--top 5)"


def test_catalogues_are_cached_per_language_and_domain() -> None:
    assert translator("fr", "partnerfit") is translator("fr", "partnerfit")
    assert translator("fr", "partnerfit") is not translator("en", "partnerfit")


def test_no_catalogue_is_read_until_a_word_is_needed() -> None:
    """Importing the command line and `--version` open no .mo file (start-up stays as fast as before)."""
    script = textwrap.dedent(
        """
        import builtins, io, pathlib
        opened = []
        real = pathlib.Path.open
        def spy(self, *args, **kwargs):
            opened.append(self.suffix)
            return real(self, *args, **kwargs)
        pathlib.Path.open = spy
        from typer.testing import CliRunner
        from partnerfit.cli.app import app
        assert CliRunner().invoke(app, ["--version"]).exit_code == 0
        before = opened.count(".mo")
        from partnerfit.i18n import t
        t("rank", "fr")
        print(before, opened.count(".mo"))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "2"]  # then French and its English fallback
