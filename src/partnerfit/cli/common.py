"""What every command shares: the stderr console, error-to-exit-code mapping, the guarded output writer."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnerfit.cli.output import Refused, check_target, write_file, write_stdout
from partnerfit.errors import Diagnostic, InvalidInputError, Msg, PartnerfitError, UnknownNameError, said, text_of
from partnerfit.render.registry import formats

if TYPE_CHECKING:
    from partnerfit.contract.models import MissingPolicy
    from partnerfit.project.loading import Project
    from partnerfit.render import RenderOptions

EXIT_INVALID = 1
EXIT_MISUSE = 2


class Lang(StrEnum):
    """Languages of the interface."""

    en = "en"
    fr = "fr"


# options shared by the commands that read a candidates file
CriteriaOption = Annotated[
    str | None,
    typer.Option(
        "--criteria", "-c", metavar="NAME|PATH", help="Built-in set name or criteria file path (overrides the file's)."
    ),
]


def resolve_lang(ctx: typer.Context, param: typer.CallbackParam, value: Lang) -> Lang:
    """--lang when given, else PARTNERFIT_LANG, else the locale, else English (partnerfit.i18n.language)."""
    from partnerfit.i18n.language import choose_language

    # by name: typer may vendor its own click, whose ParameterSource is not click's
    source = ctx.get_parameter_source(param.name) if param.name else None
    if getattr(source, "name", "") != "DEFAULT":
        return value
    choice = choose_language(os.environ)
    if choice.refused is not None:
        notice(f"warning: PARTNERFIT_LANG={choice.refused!r} is not a supported language (en, fr): English is used")
    return Lang(choice.lang)


LangOption = Annotated[
    Lang,
    typer.Option(
        "--lang",
        "-l",
        callback=resolve_lang,
        help="Language of labels and headings [default: PARTNERFIT_LANG, else the locale's, else en].",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write the result to this file (atomically) instead of stdout."
    ),
]


WeightOption = Annotated[
    list[str] | None,
    typer.Option("--weight", "-w", metavar="ID=NUMBER", help="What-if weight override ID=NUMBER (repeatable)."),
]


def parse_weights(pairs: list[str] | None) -> dict[str, float]:
    """The --weight ID=NUMBER pairs as overrides, read by the one number reader (a file and --weight agree)."""
    from partnerfit.numbers import read_number, text_hint

    weights: dict[str, float] = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        number = read_number(value)
        if not sep or not name or number is None or not number > 0 or number == float("inf"):
            hint = spoken(text_hint(value)) if number is None else ""
            raise fail(say("cli_weight_pair", pair=repr(pair), hint=hint), EXIT_MISUSE)
        weights[name] = number
    return weights


def load_project(
    file: Path,
    criteria: str | Path | None,
    missing: MissingPolicy | None = None,
    weights: dict[str, float] | None = None,
) -> Project:
    """``project.loading.load`` with the --weight overrides; one naming no id, or out of range, exits 2.

    Called inside ``core_errors``: the file's own problems exit 1 as with every command.
    """
    from partnerfit.errors import InvalidWeightsError
    from partnerfit.project.loading import load

    try:
        return load(file, criteria=criteria, missing=missing, weights=weights)
    except InvalidWeightsError as exc:
        raise fail(f"--weight: {spoken(said(exc))}", EXIT_MISUSE) from None


def overrides_notice(project: Project) -> None:
    """Say on stderr which weights were overridden, for the documents that do not show it themselves."""
    overrides = project.criteria.overrides
    if overrides:
        listed = ", ".join(f"{k}={v:g}" for k, v in overrides.items())
        notice(
            "note: " + say("cli_weights_overridden", overrides=listed)
        )  # the prefix stays English, as for diagnostics


def color_wanted(stream: object) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def terminal_width() -> int:
    """The width to lay tables out for: COLUMNS, the terminal's, or 100 when piped."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:  # a narrow one too: the renderers print a plain list under 40
        return int(columns)
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns if sys.stdout.isatty() else 100
    except (OSError, ValueError):
        return 100


def render_options(table: bool, lang: Lang, output: Path | None, top: int | None = None) -> RenderOptions:
    """How to render for where the text goes: colour and the terminal's width only for a table on a terminal."""
    from partnerfit.render import RenderOptions

    to_terminal = output is None or str(output) == "-"
    return RenderOptions(
        lang=lang.value,
        top=top,
        color=table and to_terminal and color_wanted(typer.get_text_stream("stdout")),
        width=terminal_width() if to_terminal else 100,
    )


def project_inputs(file: Path, project: Project) -> list[Path]:
    """The files a command read: -o may never point at one of them."""
    return [file, *([project.criteria.path] if project.criteria.path else [])]


def format_choices(document: str, *extra: str) -> dict[str, str]:
    """The --format choices of a command printing ``document``: the renderer registry's formats, then ``extra``.

    Each command makes its own enum of them, so that its --help lists only what it can print.
    """
    return {name: name for name in (*formats(document), *extra)}


# --format of score (mypy cannot see members made at run time)
Format = StrEnum("Format", format_choices("ranking"))  # type: ignore[misc]


def require_format(document: str, fmt: str, lang: Lang) -> None:
    """Refuse (exit 2) a format ``document`` has no renderer for, naming the ones it has."""
    from partnerfit.i18n import t

    known = formats(document)
    if fmt not in known:
        raise fail(
            t("usage_format_unavailable", lang.value, option="--format", value=repr(fmt), choices=", ".join(known)),
            EXIT_MISUSE,
        )


def print_diagnostics(diagnostics: Iterable[Diagnostic], *, source: bool = False, lang: str | None = None) -> None:
    """One plain line per diagnostic on stderr (no markup: messages may hold [brackets]; controls escaped).

    Messages are worded in ``lang``, by default the running command's ``--lang`` (so that every
    command's ``core_errors`` follows it); the ``file:line:col: severity:`` prefix stays English for
    CI parsers. With ``source``, the line it points at follows, indented, with a caret under the
    column (as ruff and rustc show it).
    """
    from partnerfit.contract.wording import translation
    from partnerfit.render.sanitize import terminal

    translate = translation(lang if lang is not None else _command_lang())
    texts: dict[str, list[str] | None] = {}
    for diagnostic in diagnostics:
        typer.echo(terminal(diagnostic.format(translate)), err=True)
        if source:
            for line in _source_excerpt(diagnostic, texts):
                typer.echo(line, err=True)


def command_language() -> str:
    """The language of the running command's words: its --lang, else PARTNERFIT_LANG, else the locale, else en."""
    lang = _command_lang()
    if lang is None:
        from partnerfit.i18n.language import choose_language

        lang = choose_language(os.environ).lang
    return lang


def say(key: str, /, **values: object) -> str:
    """The interface text ``key`` (partnerfit.po) in the running command's language."""
    from partnerfit.i18n import t

    return t(key, command_language(), **values)


def spoken(message: str | Msg) -> str:
    """A message of the core (plain text, or a ``Msg`` worded through diagnostics.po) in the command's language."""
    from partnerfit.contract.wording import translation

    return text_of(message, translation(command_language()))


def _command_lang() -> str | None:
    """The ``lang`` parameter of the command running, if any (typer may vendor click: both are looked up)."""
    import importlib

    for name in ("typer._click.globals", "click.globals"):
        try:
            current = importlib.import_module(name).get_current_context(silent=True)
        except ImportError:
            continue
        while current is not None:
            value = current.params.get("lang")
            if value is not None:
                return str(getattr(value, "value", value))
            current = current.parent
    return None


SOURCE_WIDTH = 100  # characters of a source line shown around the column (a minified JSON file is one line)
_NO_SOURCE = {"PF002", "PF005", "PF008"}  # unreadable, hostile or summary: nothing worth showing
# a file shows its lines only when it reads as a partnerfit file: one found in a folder, or named by
# a criteria path, may be any file the user can read (PF121: its content is never shown)
_OURS = re.compile(r"""^[ \t{]*["']?(kind|candidates|criteria|groups)["']?[ \t]*:""", re.MULTILINE)


def _source_excerpt(diagnostic: Diagnostic, texts: dict[str, list[str] | None]) -> list[str]:
    """The two lines under a diagnostic: its source line and a caret, or none.

    The file is read again, once, only now, and only a regular file that partnerfit reads as text:
    diagnostics point into the files the user named and the criteria files they accept (a path that
    names a file that is not a criteria file is reported on the ``criteria:`` entry, never inside it).
    """
    from partnerfit.io.document import read_text
    from partnerfit.render.sanitize import terminal

    if diagnostic.code in _NO_SOURCE:
        return []
    if diagnostic.file not in texts:
        try:
            text = read_text(Path(diagnostic.file), regular_only=True)[1]
            texts[diagnostic.file] = text.splitlines() if _OURS.search(text) else None
        except (PartnerfitError, OSError, ValueError):
            texts[diagnostic.file] = None
    lines = texts[diagnostic.file]
    if not lines or not 0 < diagnostic.line <= len(lines):
        return []
    text, column = lines[diagnostic.line - 1], max(diagnostic.column, 1)
    start = max(0, min(column - 1 - SOURCE_WIDTH // 2, len(text) - SOURCE_WIDTH))
    before, shown = terminal(text[start : column - 1]), terminal(text[start : start + SOURCE_WIDTH])
    number = str(diagnostic.line)
    return [f"  {number} | {shown.rstrip()}", f"  {' ' * len(number)} | {' ' * len(before)}^"]


def notice(message: str) -> None:
    """One line for the person on stderr (controls shown escaped: it may name a file or echo a value)."""
    from partnerfit.render.sanitize import terminal

    typer.echo(terminal(message), err=True)


def fail(message: str, code: int = EXIT_INVALID) -> typer.Exit:
    """Print ``error: message`` on stderr (controls shown escaped: it may echo a value) and return the Exit."""
    from partnerfit.render.sanitize import terminal

    typer.echo(f"error: {terminal(message)}", err=True)
    return typer.Exit(code)


@contextmanager
def core_errors() -> Iterator[None]:
    """Turn the core's exceptions into messages on stderr: exit 1, or 2 for a name the command line got wrong."""
    try:
        yield
    except InvalidInputError as exc:
        print_diagnostics(exc.diagnostics)
        raise typer.Exit(EXIT_INVALID) from None
    except UnknownNameError as exc:  # `explain FILE nope`, `--scenario nope`: the file is fine, the command is not
        raise fail(spoken(said(exc)), EXIT_MISUSE) from None
    except PartnerfitError as exc:
        raise fail(spoken(said(exc))) from None


def write_output(
    content: str | bytes | Iterable[bytes], output: Path | None, inputs: Iterable[Path] = (), *, label: str = "-o"
) -> None:
    """Write to stdout (``output`` None or ``-``), or to ``output`` through the one guard of every command.

    A regular file is replaced atomically (a temporary file beside it, renamed into place, removed on
    failure or SIGTERM/SIGINT/SIGHUP) and keeps its permission bits; a device or pipe such as
    /dev/null is written in place. Refused, with one ``error:`` line: a file the command read (the
    ``inputs`` and every file it opened, through links too; exit 2), a directory, a file the user
    cannot write, a missing folder, and any write the system fails (exit 1).
    """
    data: Iterable[bytes] = (
        [content.encode("utf-8")]
        if isinstance(content, str)
        else ([content] if isinstance(content, bytes) else content)
    )
    if output is None or str(output) == "-":
        write_stdout(data)
        return
    try:
        write_file(data, output, inputs, label=label)
    except Refused as exc:
        raise fail(spoken(exc.message), EXIT_MISUSE if exc.misuse else EXIT_INVALID) from None


def check_output(output: Path, inputs: Iterable[Path] = (), *, label: str = "-o") -> None:
    """Refuse now, before any work, an output write_output would refuse for what the command has read so far."""
    if str(output) == "-":
        return
    try:
        check_target(output, inputs, label=label)
    except Refused as exc:
        raise fail(spoken(exc.message), EXIT_MISUSE if exc.misuse else EXIT_INVALID) from None
