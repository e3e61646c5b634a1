"""Every gettext domain under partnerfit/locale: complete in English and French, same placeholders, compiled."""

from __future__ import annotations

import ast
import gettext
import io
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from partnerfit.i18n import LANGUAGES
from partnerfit.i18n.catalog import LOCALE_DIR

DOMAINS = sorted({po.stem for po in LOCALE_DIR.glob("*/LC_MESSAGES/*.po")})


def catalogue(lang: str, domain: str) -> Catalog:
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
    assert path.is_file(), f"{domain}: no {lang} catalogue at {path}"
    with path.open("rb") as file:
        return read_po(file, locale=lang, domain=domain, abort_invalid=True)


def texts(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Every message's forms by key (one for a plain message, one per plural form for a plural one)."""
    found = {}
    for message in catalog:
        if not message.id:
            continue  # the header
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        found[key] = tuple(forms)
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_catalogues_are_found() -> None:
    assert "partnerfit" in DOMAINS
    assert len(texts(catalogue("en", "partnerfit"))) > 200


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_key_has_every_language_with_the_same_placeholders(domain: str) -> None:
    english = texts(catalogue("en", domain))
    for lang in LANGUAGES:
        translated = texts(catalogue(lang, domain))
        assert sorted(set(english) - set(translated)) == [], f"{domain}/{lang}: keys without a translation"
        assert sorted(set(translated) - set(english)) == [], f"{domain}/{lang}: keys English does not have"
        for key, forms in translated.items():
            assert all(forms), f"{domain}/{lang}: {key} is empty"
            wanted = fields(english[key][0])
            for form in forms:
                assert fields(form) == wanted, f"{domain}/{lang}: {key} {form!r} has not the fields {sorted(wanted)}"


@pytest.mark.parametrize("domain", DOMAINS)
def test_plural_messages_are_plural_in_every_language(domain: str) -> None:
    english = {m.id[0] for m in catalogue("en", domain) if m.pluralizable}
    for lang in LANGUAGES:
        catalog = catalogue(lang, domain)
        plural = {m.id[0]: m.string for m in catalog if m.pluralizable}
        assert set(plural) == english, f"{domain}/{lang}: not plural in every language"
        assert all(len(forms) == 2 for forms in plural.values())
    if english:
        assert "plural=(n > 1)" in catalogue("fr", domain).plural_forms  # French: 0 and 1 are singular


@pytest.mark.parametrize("domain", DOMAINS)
def test_no_text_guesses_its_number(domain: str) -> None:
    """``(s)`` is what plurals replace: a text with a count says it as a plural entry (tn)."""
    for lang in LANGUAGES:
        guessed = [key for key, forms in texts(catalogue(lang, domain)).items() if any("(s)" in f for f in forms)]
        assert guessed == [], f"{domain}/{lang}: write these as plurals"


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalogue_is_the_source(domain: str, lang: str) -> None:
    """The .mo read at run time holds the .po's messages (after editing a .po: `python hatch_build.py`)."""
    compiled = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.mo"
    assert compiled.is_file(), f"{compiled} missing: run `python hatch_build.py` (or pip install -e .)"
    expected = io.BytesIO()
    write_mo(expected, catalogue(lang, domain))
    with compiled.open("rb") as file:
        found = gettext.GNUTranslations(file)._catalog  # type: ignore[attr-defined]
    wanted = gettext.GNUTranslations(io.BytesIO(expected.getvalue()))._catalog  # type: ignore[attr-defined]
    # the header (key "") holds the compile date: only the messages are compared
    assert {k: v for k, v in found.items() if k != ""} == {k: v for k, v in wanted.items() if k != ""}, (
        f"{compiled} is stale: run `python hatch_build.py`"
    )


def test_the_french_comments_show_the_english() -> None:
    """A translator sees the English beside each key (Poedit and Weblate show #. comments)."""
    english = texts(catalogue("en", "partnerfit"))
    for message in catalogue("fr", "partnerfit"):
        if message.id:
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            assert message.auto_comments, f"{key} has no English comment"
            shown = " ".join(message.auto_comments).split()
            assert shown[: len(f"en: {english[key][0]}".split())] == f"en: {english[key][0]}".split(), key


def test_keys_written_in_the_sources_are_in_the_catalogue() -> None:
    """Every literal key of a t(...) or tn(...) call exists in English (keys built at run time are not seen)."""
    src = Path(__file__).resolve().parents[2] / "src" / "partnerfit"
    english = texts(catalogue("en", "partnerfit"))
    missing = []
    for path in src.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"t", "tn"}:
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value not in english:
                    missing.append(f"{path.relative_to(src)}:{node.lineno} {first.value}")
    assert missing == []
