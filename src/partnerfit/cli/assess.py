"""The `assess` command: one assessor's questionnaire in the terminal (prompt_toolkit), saved after each answer."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from partnerfit.cli.common import EXIT_MISUSE, Lang, LangOption, core_errors, fail, load_project, notice, say
from partnerfit.cli.output import files_read, reads_recorded
from partnerfit.cli.score import ExistingFile

if TYPE_CHECKING:
    from partnerfit.project.loading import Project
    from partnerfit.project.questionnaire import Sheet

EPILOG = """\b
Examples:
  partnerfit assess candidates.yaml --assessor alice
  partnerfit assess candidates.yaml --assessor eve --name "Eve Durand" --role legal --lang fr
"""


class Stop(Exception):
    """The assessor stopped (q, Ctrl-D or Ctrl-C): every answer given is already saved."""


def assess(
    file: ExistingFile,
    assessor: Annotated[str, typer.Option("--assessor", "-a", metavar="ID", help="The assessor's id.")],
    lang: LangOption = Lang.en,
    name: Annotated[
        str | None, typer.Option("--name", metavar="TEXT", help="The assessor's name, for a new file.")
    ] = None,
    role: Annotated[
        str | None,
        typer.Option("--role", metavar="TEXT", help="The stakeholder group the assessor speaks for, for a new file."),
    ] = None,
) -> None:
    """Score the candidates as one assessor, criterion by criterion, in the terminal; saved after each answer."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise fail(say("assess_no_terminal"), EXIT_MISUSE)
    from partnerfit.project.questionnaire import Refusal, open_sheet

    # the assessor's own file is read, then replaced: the guard is given every file read but that one
    with reads_recorded():
        with core_errors():
            project = load_project(file, None)
        read = files_read()
    try:
        sheet = open_sheet(project, assessor, name, role)
    except Refusal as exc:
        raise fail(say(exc.key, **exc.values)) from None
    others = [Path(p) for p in read if not _same(p, sheet.path)]
    stopped = interview(project, sheet, lang.value, saver(sheet, others))
    notice(stopped)


def _same(path: str, other: Path) -> bool:
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


def saver(sheet: Sheet, inputs: list[Path]) -> Callable[[bytes], None]:
    """Write the sheet's file atomically, through the guard (never over another file the command read)."""
    from partnerfit.cli.common import write_output

    def save(text: bytes) -> None:
        if sheet.new:
            sheet.path.parent.mkdir(parents=True, exist_ok=True)  # the glob's folder of a first assessor
        write_output(text, sheet.path, inputs, label="")

    return save


def interview(
    project: Project, sheet: Sheet, lang: str, save: Callable[[bytes], None], *, input: Any = None, output: Any = None
) -> str:
    """Ask every pair left, saving after each answer; the closing line (stopped, or done)."""
    from prompt_toolkit import PromptSession, print_formatted_text

    from partnerfit.i18n import t, tn
    from partnerfit.project import questionnaire as q

    pairs = q.remaining(sheet, project.criteria, project.file.candidates)
    if not pairs:
        return t("assess_nothing", lang, id=sheet.data.get("assessor", ""), path=str(sheet.path))
    session: PromptSession[str] = PromptSession(
        input=input, output=output, bottom_toolbar=t("assess_toolbar", lang), erase_when_done=False
    )
    width = max(40, min(session.output.get_size().columns, 100) - 1)

    def show(text: str = "", indent: str = "") -> None:
        lines = textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent + "  ") or [""]
        print_formatted_text("\n".join(lines), output=session.output)

    def ask(message: str) -> str:
        try:
            return session.prompt(message)
        except (EOFError, KeyboardInterrupt):
            raise Stop from None

    criteria = project.criteria.ids
    saved, shown = 0, None
    try:
        for index, pair in enumerate(pairs, 1):
            criterion = project.criteria.criterion(pair.criterion)
            if pair.criterion != shown:
                shown = pair.criterion
                _header(show, criterion, criteria.index(pair.criterion) + 1, len(criteria), lang)
            candidate = project.file.candidates[pair.candidate]
            answer = _answer(ask, show, criterion, candidate.name or pair.candidate, index, len(pairs), lang)
            if q.apply(sheet, pair, answer):
                save(q.dump(sheet))
                sheet.new = False
                saved += 1
    except Stop:
        return tn("assess_stopped", saved, lang, path=str(sheet.path))
    return tn("assess_done", saved, lang, path=str(sheet.path))


def _header(show: Callable[..., None], criterion: Any, number: int, count: int, lang: str) -> None:
    from partnerfit.contract.models import label_text
    from partnerfit.i18n import t
    from partnerfit.render.sanitize import terminal

    show()
    show(t("assess_criterion", lang, index=number, count=count, label=terminal(criterion.text(lang))))
    if criterion.description:
        show(terminal(label_text(criterion.description, lang)), "  ")
    direction = "assess_scale_lower" if criterion.direction == "lower" else "assess_scale_higher"
    show(t(direction, lang, low=_num(criterion.low), high=_num(criterion.high)), "  ")
    for level, words in sorted(criterion.levels.items(), key=lambda kv: float(kv[0])):
        show(f"{terminal(level)} = {terminal(label_text(words, lang))}", "    ")


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _answer(
    ask: Callable[[str], str], show: Callable[..., None], criterion: Any, name: str, index: int, count: int, lang: str
) -> Any:
    from partnerfit.i18n import t
    from partnerfit.project.questionnaire import Answer, read_score
    from partnerfit.render.sanitize import terminal

    low, high = _num(criterion.low), _num(criterion.high)
    message = t("assess_prompt", lang, index=index, count=count, candidate=terminal(name), low=low, high=high)
    while True:
        text = ask(message + " ").strip()
        if text.lower() in ("q", "quit"):
            raise Stop
        if text.lower() in ("s", "skip", "-"):
            return Answer(None)
        score = read_score(text.replace(",", "."), criterion)  # a French keyboard writes 3,5
        if score is not None:
            break
        show(t("assess_bad_score", lang, low=low, high=high), "  ")
    note = ask(t("assess_note", lang) + " ").strip() or None
    evidence = tuple(e.strip() for e in ask(t("assess_evidence", lang) + " ").split(";") if e.strip())
    return Answer(score, note, evidence)
