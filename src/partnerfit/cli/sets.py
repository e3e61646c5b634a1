"""The `criteria` and `init` commands: show criteria sets, write a starter candidates or criteria file."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from partnerfit.cli.common import (
    EXIT_INVALID,
    Lang,
    check_output,
    color_wanted,
    core_errors,
    fail,
    format_choices,
    notice,
    require_format,
    resolve_lang,
    terminal_width,
    write_output,
)

# what `criteria NAME` prints, from the renderer registry (mypy cannot see members made at run time)
CriteriaFormat = StrEnum("CriteriaFormat", format_choices("criteria"))  # type: ignore[misc]


def show_criteria(
    name: Annotated[
        str | None,
        typer.Argument(help="A built-in set's name or a criteria file; omitted: list the built-in sets."),
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Language of labels.", callback=resolve_lang)] = Lang.en,
    fmt: Annotated[CriteriaFormat, typer.Option("--format", "-f", help="Output format.")] = CriteriaFormat["table"],
    as_json: Annotated[
        bool, typer.Option("--json", help="Same as --format json (kept for scripts).", hidden=True)
    ] = False,
) -> None:
    """List the built-in criteria sets, or show one as a tree with effective weights."""
    from partnerfit.project.builtin import builtin_names
    from partnerfit.project.loading import load_criteria
    from partnerfit.render import RenderOptions
    from partnerfit.render.registry import render

    chosen = "json" if as_json else fmt.value
    require_format("criteria" if name is not None else "criteria-sets", chosen, lang)
    options = RenderOptions(
        lang=lang.value, color=color_wanted(typer.get_text_stream("stdout")), width=terminal_width()
    )
    with core_errors():
        if name is None:
            sets = [load_criteria(n) for n in builtin_names()]
            listing = [(s.name, s.title_text(lang.value), len(s.criteria)) for s in sets]
            write_output(render("criteria-sets", "table", listing, options), None)
            return
        criteria = load_criteria(name)
    write_output(render("criteria", chosen, criteria, options), None)


class StarterKind(StrEnum):
    """What `init` writes."""

    candidates = "candidates"
    criteria = "criteria"


def init(
    path: Annotated[
        Path | None,
        typer.Argument(help="Where to write the starter file.  [default: candidates.yaml, or criteria.yaml]"),
    ] = None,
    kind: Annotated[
        StarterKind, typer.Option("--kind", "-k", help="A candidates file, or a criteria set to edit.")
    ] = StarterKind.candidates,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    criteria: Annotated[
        str, typer.Option("--criteria", "-c", metavar="NAME|PATH", help="Built-in set or criteria file to start from.")
    ] = "partnership",
    lang: Annotated[
        Lang, typer.Option("--lang", "-l", help="Language of the comments.", callback=resolve_lang)
    ] = Lang.en,
) -> None:
    """Write a commented starter candidates file for a criteria set (the built-in one by default).

    With --kind criteria, write a commented starter criteria set instead (--criteria is not read).
    """
    from partnerfit.i18n import t
    from partnerfit.project.builtin import builtin_path
    from partnerfit.project.loading import load_criteria
    from partnerfit.render.starter import starter_text

    path = path or Path(f"{kind.value}.yaml")
    check_output(path, label="")  # a path the system rejects (too long, ...) is one error line, before exists()
    if path.exists() and not force:
        raise fail(t("file_exists", lang.value, path=path), EXIT_INVALID)
    if kind is StarterKind.criteria:
        from partnerfit.render.criteria_starter import criteria_starter_text

        write_output(criteria_starter_text(lang.value), path, [], label="")
        notice(t("wrote_file", lang.value, path=path))
        return
    with core_errors():
        criteria_set = load_criteria(criteria)
    reference = criteria_set.name
    if builtin_path(criteria) is None:  # a file: name it relative to the new file, as the loader reads it
        reference = os.path.relpath(Path(criteria).resolve(), path.resolve().parent)
    text = starter_text(criteria_set, lang.value, reference)
    write_output(text, path, [criteria_set.path] if criteria_set.path is not None else [], label="")
    notice(t("wrote_file", lang.value, path=path))
