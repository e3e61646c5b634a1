"""The renderer registry: every pair resolves to a renderer, commands read their formats from it, a new format is one line."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import partnerfit
from partnerfit.cli import common
from partnerfit.cli.app import app
from partnerfit.render import RenderOptions, registry, render, render_bytes
from partnerfit.result.model import Result

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("document", "fmt"), list(registry.RENDERERS))
def test_every_pair_names_a_function_taking_the_document_and_the_options(document, fmt):
    function = registry.renderer(document, fmt)
    positional = [
        p
        for p in inspect.signature(function).parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    assert len(positional) >= 2, (document, fmt)
    assert all(p.default is not inspect.Parameter.empty for p in positional[2:]), (document, fmt)


def test_documents_and_their_formats():
    assert registry.documents() == (
        "ranking",
        "method-comparison",
        "explanation",
        "head-to-head",
        "sensitivity",
        "weights",
        "diff",
        "criteria",
        "criteria-sets",
        "report",
        "diagnostics",
        "agreement",
        "perspectives",
        "scenarios",
        "team",
    )
    assert registry.formats("ranking") == ("table", "json", "csv", "markdown")
    assert registry.formats("explanation") == registry.formats("head-to-head") == ("table", "json", "markdown")
    assert registry.formats("report") == ("html", "markdown", "xlsx")
    assert registry.formats("diagnostics") == ("text", "json", "github", "sarif", "junit")
    assert registry.formats("team") == ("table", "json", "markdown")
    assert registry.formats("scenarios") == ("table", "json", "markdown")
    assert registry.formats("nothing") == ()


def test_an_unknown_pair_names_the_formats_there_are():
    with pytest.raises(ValueError, match=r"unknown format 'csv' for weights; expected one of table, json, markdown"):
        registry.renderer("weights", "csv")
    with pytest.raises(ValueError, match="expected one of none"):
        registry.renderer("poem", "text")


def test_output_shapes():
    assert registry.as_text("é") == "é"
    assert registry.as_text("é".encode()) == "é"
    assert registry.as_text(iter([b"\xc3", b"\xa9"])) == "é"  # pieces may split a character
    assert list(registry.as_chunks("é")) == ["é".encode()]
    assert list(registry.as_chunks(b"x")) == [b"x"]


def toy(result: Result, options: RenderOptions) -> str:
    """A renderer as a new format would add one: the ids, one a line, in ``options.lang``'s order."""
    return "".join(f"{options.lang}:{c.id}\n" for c in result.ranking)


def test_a_new_format_is_one_function_and_one_registry_line(monkeypatch):
    monkeypatch.setitem(registry.RENDERERS, ("ranking", "toy"), f"{__name__}:toy")
    result = partnerfit.score(partnerfit.load(ROOT / "examples" / "packaging.yaml"))
    text = render(result, "toy", RenderOptions(lang="fr"))
    assert text.splitlines() == [f"fr:{c.id}" for c in result.ranking]
    assert render_bytes(result, "toy") == text.replace("fr:", "en:").encode()
    assert "toy" in registry.formats("ranking")


def help_of(command: str) -> str:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_help_lists_the_formats_of_the_registry():
    ranking = "|".join(registry.formats("ranking"))
    assert f"--format <{ranking}> Output format. [default: table]" in help_of("score")
    assert f"--format <{'|'.join(registry.formats('diff'))}> Output format." in help_of("diff")
    assert f"--format <{'|'.join(registry.formats('diagnostics'))}|auto>" in help_of("check")
    for command, document in (
        ("explain", "explanation"),
        ("compare", "head-to-head"),
        ("sensitivity", "sensitivity"),
        ("weights", "weights"),
        ("criteria", "criteria"),
    ):  # each command lists only what it can print
        assert f"--format <{'|'.join(registry.formats(document))}> Output format." in help_of(command), command
    for document in ("explanation", "head-to-head", "sensitivity", "weights"):
        assert registry.formats(document) == ("table", "json", "markdown"), document


def test_format_choices_and_refusal_come_from_the_registry():
    assert list(common.format_choices("weights")) == list(registry.formats("weights"))
    assert list(common.format_choices("diagnostics", "auto"))[-1] == "auto"
    common.require_format("weights", "json", common.Lang.en)
    with pytest.raises(typer.Exit) as refused:
        common.require_format("weights", "csv", common.Lang.en)
    assert refused.value.exit_code == common.EXIT_MISUSE


def test_help_imports_no_renderer_nor_jinja():
    code = (
        "import sys; from partnerfit.cli.app import app; "
        "print(sorted(m for m in sys.modules if m.startswith(('jinja2', 'markupsafe', 'partnerfit.render.'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['partnerfit.render.registry']"


def test_markdown_is_escaped_in_one_place_only():
    render_dir = ROOT / "src" / "partnerfit" / "render"
    escapes = ("\\\\|", "\\\\*", "\\\\`", "\\\\[", "&#8203;")  # what sanitize.md writes
    assert all(e in (render_dir / "sanitize.py").read_text(encoding="utf-8") for e in escapes)
    for path in sorted(render_dir.glob("*.py")):
        if path.name != "sanitize.py":
            source = path.read_text(encoding="utf-8")
            assert not [e for e in escapes if e in source], path.name
    for document, fmt in registry.RENDERERS:
        if fmt == "markdown":
            module = registry.RENDERERS[document, fmt].partition(":")[0]
            source = (ROOT / "src" / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8")
            assert "from partnerfit.render.sanitize import" in source and " md" in source, module
