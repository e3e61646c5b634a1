"""The diagnostics catalogue: every message template in the source is in en and fr, with the same fields."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from partnerfit.contract.wording import translation
from partnerfit.errors import Diagnostic, Msg, msg

SRC = Path(__file__).resolve().parents[2] / "src" / "partnerfit"
LOCALE = SRC / "locale"
# where diagnostics are worded: msg("template", ...) and refuse(kind, "template", ...)
SOURCES = [SRC / "errors.py", SRC / "numbers.py", SRC / "cli" / "check.py", SRC / "cli" / "output.py"]
SOURCES += sorted((SRC / "analysis").glob("team*.py")) + [
    path for folder in ("contract", "io", "project") for path in sorted((SRC / folder).glob("*.py"))
]
TEMPLATE_ARG = {"msg": 0, "refuse": 1}
FIELD = re.compile(r"\{(\w*)\}")


def templates_in_source() -> dict[str, str]:
    """Every template written in the source, with where; a template that is not a literal fails."""
    found: dict[str, str] = {}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            position = TEMPLATE_ARG.get(name)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), f"{where}: not a literal template"
            found.setdefault(arg.value, where)
    return found


def catalogue(lang: str) -> dict[str, str]:
    with (LOCALE / lang / "LC_MESSAGES" / "diagnostics.po").open("rb") as file:
        return {m.id: m.string for m in read_po(file) if m.id and isinstance(m.id, str)}


def test_every_template_is_in_both_catalogues_and_none_is_stale() -> None:
    source = templates_in_source()
    assert len(source) > 100
    for lang in ("en", "fr"):
        written = catalogue(lang)
        missing = sorted(set(source) - set(written))
        stale = sorted(set(written) - set(source))
        assert not missing, f"{lang}: templates missing from diagnostics.po: {missing}"
        assert not stale, f"{lang}: diagnostics.po holds templates no code uses: {stale}"


def test_english_is_the_template_and_french_keeps_its_fields() -> None:
    english, french = catalogue("en"), catalogue("fr")
    for msgid, text in english.items():
        assert text == msgid
        assert french[msgid], f"no French for {msgid!r}"
        assert sorted(FIELD.findall(french[msgid])) == sorted(FIELD.findall(msgid)), msgid


def test_a_message_is_data_and_reads_in_each_language() -> None:
    hint = msg(" — did you mean {choice}?", choice="'title'")
    message = msg("unknown key {key}{hint}", key="'titel'", hint=hint)
    assert str(message) == "unknown key 'titel' — did you mean 'title'?"
    assert message.text(translation("fr")) == "clé inconnue 'titel' — vouliez-vous dire 'title' ?"
    assert translation("en") is None


def test_a_diagnostic_keeps_its_english_text_equality_and_hash() -> None:
    message = msg("missing required key {key}", key="'score'")
    made = Diagnostic.of("f.yaml", 3, 5, "error", message, "a.b", "PF105")
    plain = Diagnostic("f.yaml", 3, 5, "error", "missing required key 'score'", "a.b", "PF105")
    assert made == plain and hash(made) == hash(plain)
    assert made.format() == plain.format() == "f.yaml:3:5: error: a.b: missing required key 'score'"
    # the prefix stays the one CI parsers read, in every language; only the message is translated
    assert made.format(translation("fr")) == "f.yaml:3:5: error: a.b: clé obligatoire manquante : 'score'"
    assert plain.format(translation("fr")) == plain.format()  # no template: shown as written


def test_a_message_replaced_after_the_fact_is_shown_as_replaced() -> None:
    made = Diagnostic.of("f.yaml", 1, 1, "error", msg("no such file"))
    replaced = dataclasses.replace(made, message="something else")
    assert replaced.text(translation("fr")) == "something else"
    assert made.text(translation("fr")) == "fichier introuvable"


@pytest.mark.parametrize("lang", ["fr", "de", ""])
def test_a_template_missing_from_a_catalogue_shows_in_english(lang: str) -> None:
    assert Msg("not a known template {x}", (("x", "1"),)).text(translation(lang)) == "not a known template 1"


def test_a_path_renamed_in_a_message_is_renamed_in_every_language() -> None:
    made = Diagnostic.of("f.yaml", 1, 1, "error", msg("cannot be read: {reason}", reason="/tmp/x1/f.yaml is busy"))
    renamed = made.replacing("/tmp/x1/f.yaml", "HEAD:f.yaml")
    assert renamed.message == "cannot be read: HEAD:f.yaml is busy"
    assert renamed.text(translation("fr")) == "illisible : HEAD:f.yaml is busy"
