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


class Back(Exception):
    """The assessor typed b: ask the previous question again, to revise its answer."""


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
    show_others: Annotated[
        bool,
        typer.Option(
            "--show-others", help="Show the other assessors' scores of each pair (counted round); blind by default."
        ),
    ] = False,
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
    stopped = interview(project, sheet, lang.value, saver(sheet, others), show_others=show_others)
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
    project: Project,
    sheet: Sheet,
    lang: str,
    save: Callable[[bytes], None],
    *,
    input: Any = None,
    output: Any = None,
    show_others: bool = False,
) -> str:
    """Ask every pair left, saving after each answer (b goes back one question); the closing line."""
    from prompt_toolkit import PromptSession, print_formatted_text

    from partnerfit.i18n import t, tn
    from partnerfit.project import questionnaire as q

    pairs = q.remaining(sheet, project.criteria, project.file.candidates)
    if not pairs:
        return t("assess_nothing", lang, id=sheet.data.get("assessor", ""), path=str(sheet.path))
    session: PromptSession[str] = PromptSession(
        input=input, output=output, bottom_toolbar=t("assess_toolbar_back", lang), erase_when_done=False
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

    saved: set[Any] = set()
    try:
        _ask_all(project, sheet, pairs, lang, show, ask, save, saved, show_others)
    except Stop:
        return tn("assess_stopped", len(saved), lang, path=str(sheet.path))
    return tn("assess_done", len(saved), lang, path=str(sheet.path))


def _ask_all(
    project: Project,
    sheet: Sheet,
    pairs: list[Any],
    lang: str,
    show: Callable[..., None],
    ask: Callable[[str], str],
    save: Callable[[bytes], None],
    saved: set[Any],
    show_others: bool,
) -> None:
    """The questions in order; b takes the last one back (a new score replaces its answer, s removes it)."""
    from partnerfit.i18n import t
    from partnerfit.project import questionnaire as q

    criteria = project.criteria.ids
    asked: list[int] = []  # the questions answered or skipped this session, to go back through
    index, shown = 0, None
    while index < len(pairs):
        pair = pairs[index]
        criterion = project.criteria.criterion(pair.criterion)
        if pair.criterion != shown:
            shown = pair.criterion
            _header(show, criterion, criteria.index(pair.criterion) + 1, len(criteria), lang)
        if show_others:
            _others(show, q.others(project, str(sheet.data.get("assessor", "")), pair), lang)
        candidate = project.file.candidates[pair.candidate]
        try:
            answer = _answer(ask, show, criterion, candidate.name or pair.candidate, index + 1, len(pairs), lang)
        except Back:
            if not asked:
                show(t("assess_back_none", lang), "  ")
                continue
            index, shown = asked.pop(), None
            continue
        changed = q.apply(sheet, pair, answer) if answer.score is not None else q.retract(sheet, pair)
        if changed:
            save(q.dump(sheet))
            sheet.new = False
        (saved.add if answer.score is not None else saved.discard)(pair)
        asked.append(index)
        index += 1


def _others(show: Callable[..., None], scores: dict[str, float], lang: str) -> None:
    from partnerfit.i18n import t
    from partnerfit.render.sanitize import terminal

    if not scores:
        show(t("assess_others_none", lang), "  ")
        return
    listed = ", ".join(f"{terminal(who)} {_num(value)}" for who, value in sorted(scores.items()))
    show(t("assess_others", lang, scores=listed), "  ")


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
        if text.lower() in ("b", "back"):
            raise Back
        if text.lower() in ("s", "skip", "-"):
            return Answer(None)
        score = read_score(text.replace(",", "."), criterion)  # a French keyboard writes 3,5
        if score is not None:
            break
        show(t("assess_bad_score", lang, low=low, high=high), "  ")
    note = ask(t("assess_note", lang) + " ").strip() or None
    evidence = tuple(e.strip() for e in ask(t("assess_evidence", lang) + " ").split(";") if e.strip())
    return Answer(score, note, evidence)
