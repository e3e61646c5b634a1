"""The `diff` command: what changed between two candidates files (or criteria sets), and the effect on the ranking."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnerfit.cli.common import (
    EXIT_INVALID,
    EXIT_MISUSE,
    Lang,
    LangOption,
    OutputOption,
    WeightOption,
    core_errors,
    fail,
    load_project,
    overrides_notice,
    parse_weights,
    render_options,
    say,
    spoken,
    write_output,
)
from partnerfit.cli.score import MethodName
from partnerfit.render.registry import formats

if TYPE_CHECKING:
    from partnerfit.analysis.diff import ProjectDiff
    from partnerfit.project.loading import Project


# output formats of `diff`, read from the renderer registry (mypy cannot see members made at run time)
DiffFormat = StrEnum("DiffFormat", {name: name for name in formats("diff")})  # type: ignore[misc]


class FailOn(StrEnum):
    """Conditions that make `diff` exit 1 (a review gate)."""

    leader_change = "leader-change"
    top_k_change = "top-k-change"
    any_rank_change = "any-rank-change"
    exclusion_change = "exclusion-change"


_FAIL_ON_HELP = (
    "Exit 1 (after printing the diff) when this holds; repeatable. "
    "leader-change: another candidate is ranked first; "
    "top-k-change: a candidate entered or left the top K (--top); "
    "any-rank-change: any rank changed, counting candidates added, removed, excluded or readmitted; "
    "exclusion-change: a candidate was newly excluded or is no longer excluded."
)


InputFile = Annotated[
    Path,
    typer.Argument(
        exists=True,
        dir_okay=False,
        readable=True,
        metavar="OLD",
        help="The old version of a candidates file; with --rev, the working copy to compare with REV.",
    ),
]
NewFile = Annotated[
    Path | None,
    typer.Argument(
        exists=True,
        dir_okay=False,
        readable=True,
        metavar="NEW",
        help="The new version of the candidates file (omit it with --rev).",
        show_default=False,
    ),
]


def diff(
    old: InputFile,
    new: NewFile = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev",
            "-r",
            metavar="REV",
            help="Compare OLD (the working copy) with the same file at this git revision (a branch, tag or commit).",
        ),
    ] = None,
    method: Annotated[
        MethodName, typer.Option("--method", "-m", help="Scoring method of both rankings.")
    ] = MethodName.wsm,
    top: Annotated[
        int, typer.Option("--top", "-n", min=1, metavar="K", help="Report entries into and exits from the top K.")
    ] = 5,
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat["table"],
    lang: LangOption = Lang.en,
    output: OutputOption = None,
    fail_on: Annotated[
        list[FailOn] | None,
        typer.Option("--fail-on", metavar="CONDITION", help=_FAIL_ON_HELP, show_default=False),
    ] = None,
    candidates: Annotated[
        Path | None,
        typer.Option(
            "--candidates",
            exists=True,
            dir_okay=False,
            readable=True,
            metavar="FILE",
            help="With two criteria files: also the effect on this candidates file's ranking.",
            show_default=False,
        ),
    ] = None,
    weight: WeightOption = None,
) -> None:
    """Show what changed between two versions of a candidates file: criteria and weights, scores, and the ranking.

    Give OLD and NEW, or one file and --rev REV: the file as it was at REV (with the criteria
    file it names, at REV too) is then the old version, the working copy the new one.
    OLD and NEW may also be two criteria files: the diff of their weights and definitions, and
    with --candidates FILE the effect on FILE's ranking (FILE scored with each set).
    -w ID=N applies the same what-if weights to both versions.
    Exit 0 unless a --fail-on condition holds (exit 1).
    """
    from partnerfit.analysis.diff import diff_projects
    from partnerfit.render.registry import render

    if rev is not None and new is not None:
        raise fail(say("diff_rev_and_new"), EXIT_MISUSE)
    options = render_options(fmt == "table", lang, output)
    overrides = parse_weights(weight)
    with core_errors():
        kinds = _criteria_kinds(old, new, rev, candidates)
        if kinds and candidates is None:
            if fail_on or overrides:
                what = "--fail-on" if fail_on else "--weight"
                raise fail(say("diff_needs_ranking", option=what), EXIT_MISUSE)
            from partnerfit.analysis.diff import diff_criteria_files

            assert new is not None  # _criteria_kinds said both are criteria files
            sets_diff = diff_criteria_files(old, new)
            write_output(render("diff", fmt.value, sets_diff, options), output, [old, new])
            return
        if kinds and candidates is not None:
            before = load_project(candidates, old, weights=overrides)
            after = load_project(candidates, new, weights=overrides)
        elif rev is not None:
            before, after = _at_revision(old, rev, overrides), load_project(old, None, weights=overrides)
        elif new is not None:
            before, after = load_project(old, None, weights=overrides), load_project(new, None, weights=overrides)
        else:
            raise fail(say("diff_missing_new"), EXIT_MISUSE)
        result = diff_projects(before, after, method=method.value, top=top)
        if kinds:  # name the two criteria files, which are what changed
            result = replace(result, old_path=str(old), new_path=str(new))
    overrides_notice(after)
    text = render("diff", fmt.value, result, options)
    inputs = [old, *([new] if new is not None else []), *([candidates] if candidates is not None else [])]
    inputs += [p.criteria.path for p in (before, after) if p.criteria.path is not None]
    write_output(text, output, inputs)
    conditions = result.conditions
    held = [c.value for c in dict.fromkeys(fail_on or []) if conditions[c.value]]
    if held:
        from partnerfit.render.sanitize import terminal  # the line names candidates: their controls shown escaped

        for condition in held:
            typer.echo(terminal(f"--fail-on {condition}: {_explain(result, condition, lang.value)}"), err=True)
        raise typer.Exit(EXIT_INVALID)


def _at_revision(file: Path, rev: str, overrides: dict[str, float]) -> Project:
    """The file at git revision ``rev`` with the --weight overrides; one naming no id there exits 2."""
    from partnerfit.analysis.diff import load_at_revision
    from partnerfit.errors import InvalidWeightsError, said

    try:
        return load_at_revision(file, rev, weights=overrides)
    except InvalidWeightsError as exc:
        raise fail(f"--weight: {spoken(said(exc))}", EXIT_MISUSE) from None


def _criteria_kinds(old: Path, new: Path | None, rev: str | None, candidates: Path | None) -> bool:
    """True when OLD and NEW are two criteria files; a clear error for a mix, or --candidates without them."""
    from partnerfit.analysis.diff import is_criteria_file

    if rev is not None or new is None:
        if candidates is not None:
            raise fail(say("diff_candidates_needs_criteria"), EXIT_MISUSE)
        return False
    old_criteria, new_criteria = is_criteria_file(old), is_criteria_file(new)
    if old_criteria != new_criteria:
        which = old if old_criteria else new
        raise fail(say("diff_mixed_kinds", path=which), EXIT_MISUSE)
    if candidates is not None and not old_criteria:
        raise fail(say("diff_candidates_needs_criteria"), EXIT_MISUSE)
    return old_criteria


def _explain(result: ProjectDiff, condition: str, lang: str) -> str:
    """Why ``condition`` holds, in one line for the CI log (the ``--fail-on CONDITION:`` prefix stays as typed)."""
    from partnerfit.i18n import t, tn

    def names(ids: Sequence[str]) -> str:
        return ", ".join(result.names.get(cid, cid) for cid in ids) or t("fail_on_nobody", lang)

    if condition == "leader-change":
        return t("fail_on_leader", lang, new=names(result.new_leaders), old=names(result.old_leaders))
    if condition == "top-k-change":
        return t("fail_on_top", lang, top=result.top, entered=names(result.entered), left=names(result.left))
    if condition == "exclusion-change":
        excluded = names([r.id for r in result.newly_excluded])
        readmitted = names([r.id for r in result.readmitted])
        return t("fail_on_exclusion", lang, excluded=excluded, readmitted=readmitted)
    return tn("fail_on_ranks", len(result.ranks), lang)
