"""What every command shares: the stderr console, error-to-exit-code mapping, atomic output."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnerfit.errors import Diagnostic, InvalidInputError, PartnerfitError

if TYPE_CHECKING:
    from partnerfit.loading import Project
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
LangOption = Annotated[Lang, typer.Option("--lang", "-l", help="Language of labels and headings.")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write the result to this file (atomically) instead of stdout."
    ),
]


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
    if columns.isdigit() and int(columns) > 20:
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


def by_format(fmt: str, *, json: Callable[[], str], markdown: Callable[[], str], table: Callable[[], str]) -> str:
    """The text of the chosen format (json, markdown, else the table), rendering only that one."""
    return {"json": json, "markdown": markdown}.get(fmt, table)()


def print_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    """One plain line per diagnostic on stderr (no markup: messages may hold [brackets])."""
    for diagnostic in diagnostics:
        typer.echo(diagnostic.format(), err=True)


def fail(message: str, code: int = EXIT_INVALID) -> typer.Exit:
    """Print ``error: message`` on stderr and return the Exit to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def core_errors() -> Iterator[None]:
    """Turn the core's exceptions into messages on stderr and exit code 1."""
    try:
        yield
    except InvalidInputError as exc:
        print_diagnostics(exc.diagnostics)
        raise typer.Exit(EXIT_INVALID) from None
    except PartnerfitError as exc:
        raise fail(str(exc)) from None


def write_output(
    content: str | bytes | Iterable[bytes], output: Path | None, inputs: Iterable[Path] = (), *, label: str = "-o"
) -> None:
    """Write to stdout, or atomically to ``output`` (never over an input file).

    A regular file is replaced atomically (a temporary file in the same folder, renamed into
    place, with the permissions a new file would get); a device or pipe such as /dev/null is
    written in place.
    """
    data: Iterable[bytes] = (
        [content.encode("utf-8")]
        if isinstance(content, str)
        else ([content] if isinstance(content, bytes) else content)
    )
    if output is None or str(output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.writelines(data)
        sys.stdout.buffer.flush()
        return
    target = output.resolve()
    for source in inputs:
        if source.exists() and source.resolve() == target:
            raise fail(f"refusing to write the output over the input file {source}", EXIT_MISUSE)
    if target.is_dir():
        raise fail(f"{label} {output}: is a directory", EXIT_MISUSE)
    if target.exists() and not target.is_file():
        _write_in_place(target, data, output)
        return
    if not target.parent.is_dir():
        raise fail(f"{label} {output}: the folder {target.parent} does not exist", EXIT_MISUSE)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.writelines(data)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise fail(f"cannot write {output}: {exc.strerror or exc}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)  # a half-written result never replaces the target
        raise


def _write_in_place(target: Path, data: Iterable[bytes], shown: Path) -> None:
    try:
        with target.open("wb") as stream:
            stream.writelines(data)
    except OSError as exc:
        raise fail(f"cannot write {shown}: {exc.strerror or exc}") from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
