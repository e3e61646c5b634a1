"""The `weigh` command: weights elicited in the terminal (AHP, swing, rank order), written into the criteria file."""

from __future__ import annotations

import os
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from partnerfit.cli.common import EXIT_MISUSE, Lang, LangOption, core_errors, fail, notice, say
from partnerfit.cli.output import files_read, reads_recorded

if TYPE_CHECKING:
    from partnerfit.contract.criteria_set import CriteriaSet

EPILOG = """\b
Examples:
  partnerfit weigh my-criteria.yaml
  partnerfit weigh my-criteria.yaml --lang fr
  partnerfit weigh my-criteria.yaml --dry-run
  partnerfit weigh my-criteria.yaml --yes
"""


CriteriaFile = Annotated[
    Path,
    typer.Argument(
        exists=True, dir_okay=False, readable=True, metavar="CRITERIA_FILE", help="The criteria file to weigh (YAML)."
    ),
]


class Stop(Exception):
    """The person stopped (q, Ctrl-D or Ctrl-C): nothing is written."""


def weigh(
    file: CriteriaFile,
    lang: LangOption = Lang.en,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Write without asking for confirmation.")] = False,
) -> None:
    """Elicit the weights in the terminal (pairwise, swing or rank order) and write them into the criteria file."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise fail(say("weigh_no_terminal"), EXIT_MISUSE)
    notice(session(file, lang.value, dry_run=dry_run, yes=yes))


def session(path: Path, lang: str, *, dry_run: bool = False, yes: bool = False, talk: Talk | None = None) -> str:
    """Ask, show the diff, confirm and write; the closing line. ``talk``: a prompt on a pipe, for tests."""
    from partnerfit.i18n import t
    from partnerfit.project.criteria_edit import EditRefused, unified
    from partnerfit.project.criteria_ref import load_criteria

    # the criteria file is read, then replaced: the guard is given every file read but that one
    with reads_recorded():
        with core_errors():
            criteria = load_criteria(path)
        text = path.read_text(encoding="utf-8")
        others = [Path(p) for p in files_read() if not _same(p, path)]
    talk = talk or Talk.open(lang)
    try:
        new = elicit(criteria, text, talk)
    except Stop:
        return t("weigh_stopped", lang)
    except EditRefused as exc:
        raise fail(say(exc.key, **exc.values)) from None
    diff = unified(text, new, str(path))
    if not diff:
        return t("weigh_unchanged", lang)
    talk.show(diff.rstrip("\n"), wrap=False)
    if dry_run:
        return t("weigh_dry_run", lang)
    try:
        if not yes and talk.ask(t("weigh_confirm", lang, path=str(path)) + " ").strip().lower() not in _YES:
            return t("weigh_not_written", lang)
    except Stop:
        return t("weigh_not_written", lang)
    from partnerfit.cli.common import write_output

    write_output(new.encode("utf-8"), path, others, label="")
    return t("weigh_written", lang, path=str(path))


_YES = ("y", "yes", "o", "oui")


def _same(path: str, other: Path) -> bool:
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


@dataclass
class Talk:
    """The prompt and the lines shown (kept in ``shown``, so that tests read what a person saw)."""

    lang: str
    session: Any
    width: int
    shown: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, lang: str, input: Any = None, output: Any = None) -> Talk:
        from prompt_toolkit import PromptSession

        session: PromptSession[str] = PromptSession(input=input, output=output, erase_when_done=False)
        return cls(lang, session, max(40, min(session.output.get_size().columns, 100) - 1))

    def show(self, text: str = "", indent: str = "", *, wrap: bool = True) -> None:
        from prompt_toolkit import print_formatted_text

        lines = (
            text.splitlines()
            if not wrap
            else textwrap.wrap(text, self.width, initial_indent=indent, subsequent_indent=indent + "  ") or [""]
        )
        self.shown.extend(lines)
        print_formatted_text("\n".join(lines), output=self.session.output)

    def ask(self, message: str) -> str:
        try:
            answer: str = self.session.prompt(message)
        except (EOFError, KeyboardInterrupt):
            raise Stop from None
        if answer.strip().lower() in ("q", "quit"):
            raise Stop
        return answer


def elicit(criteria: CriteriaSet, text: str, talk: Talk) -> str:
    """Ask about each set of siblings (the groups, then each group's criteria); the edited file text."""
    from partnerfit.i18n import t

    scopes: list[tuple[str, list[str], str]] = []
    if criteria.groups:
        scopes.append(("", [g.id for g in criteria.groups], t("weigh_scope_groups", talk.lang)))
        scopes += [(g.id, list(g.criteria), g.text(talk.lang)) for g in criteria.groups]
    else:
        scopes.append(("", list(criteria.ids), t("weigh_scope_criteria", talk.lang)))
    labels = {c.id: c.text(talk.lang) for c in criteria.criteria} | {g.id: g.text(talk.lang) for g in criteria.groups}
    for scope, items, title in scopes:
        if len(items) > 1:
            text = one_scope(text, scope, items, title, labels, talk)
    return text


def one_scope(text: str, scope: str, items: list[str], title: str, labels: dict[str, str], talk: Talk) -> str:
    """Ask how to weigh one set of siblings, then ask that method's questions; the edited text."""
    from partnerfit.i18n import t
    from partnerfit.project import criteria_edit as edit
    from partnerfit.render.sanitize import terminal

    talk.show()
    talk.show(t("weigh_scope", talk.lang, title=terminal(title), count=len(items)))
    for k, item in enumerate(items, 1):
        talk.show(f"{k}. {terminal(labels.get(item, item))}", "  ")
    while (choice := talk.ask(t("weigh_method", talk.lang) + " ").strip().lower()) not in ("p", "s", "r", "k", ""):
        talk.show(t("weigh_method_again", talk.lang), "  ")
    if choice in ("k", ""):
        return text
    if choice == "p":
        block = pairwise(items, labels, talk)
        return edit.set_weighting(text, scope, block)
    order = ranking(items, talk)
    if choice == "r":
        return edit.set_weighting(text, scope, {"method": "roc", "order": order})
    ratings = rate(order, labels, talk)
    text = edit.set_weighting(text, scope, {"method": "direct", "comment": t("weigh_swing_comment", talk.lang)})
    return edit.set_weights(text, scope, {item: f"{ratings[item]:g}" for item in items})


def pairwise(items: list[str], labels: dict[str, str], talk: Talk) -> dict[str, Any]:
    """Every pair on Saaty's scale, CR shown as soon as it can be computed, then the fixes offered."""
    from partnerfit.analysis import elicitation as e
    from partnerfit.i18n import t
    from partnerfit.render.sanitize import terminal

    pairs = e.questions(items)
    given: list[e.Comparison] = []
    for k, (a, b) in enumerate(pairs, 1):
        names = {"first": terminal(labels.get(a, a)), "second": terminal(labels.get(b, b))}
        talk.show(t("weigh_pair", talk.lang, index=k, count=len(pairs), **names))
        while (value := _judgement(talk.ask(t("weigh_pair_prompt", talk.lang) + " "))) is None:
            talk.show(t("weigh_pair_again", talk.lang), "  ")
        given.append((a, b, value))
        _show_cr(items, given, talk)
    while (fix := e.suggest_fix(items, given)) is not None:
        names = {
            "first": terminal(labels.get(fix.first, fix.first)),
            "second": terminal(labels.get(fix.second, fix.second)),
        }
        talk.show(
            t("weigh_fix", talk.lang, given=e.saaty_text(fix.given), value=e.saaty_text(fix.value), cr=fix.cr, **names)
        )
        if talk.ask(t("weigh_fix_prompt", talk.lang) + " ").strip().lower() not in _YES:
            break
        given = [(a, b, fix.value if (a, b) == (fix.first, fix.second) else v) for a, b, v in given]
        _show_cr(items, given, talk)
    return {"method": "ahp", "comparisons": [(a, b, e.saaty_text(v)) for a, b, v in given]}


def _judgement(answer: str) -> float | None:
    """`3` or `a 3`: the first matters 3 times more; `b 3` or `1/3`: the second does; `=` or `1`: equal."""
    from partnerfit.analysis.elicitation import read_saaty

    words = answer.strip().lower().split()
    if words == ["="]:
        return 1.0
    side = words[0] if len(words) == 2 and words[0] in ("a", "b") else "a"
    value = read_saaty(words[-1]) if words and len(words) <= 2 else None
    return None if value is None else (1.0 / value if side == "b" else value)


def _show_cr(items: list[str], given: list[tuple[str, str, float]], talk: Talk) -> None:
    from partnerfit.analysis.elicitation import ahp
    from partnerfit.i18n import t

    try:
        origin = ahp(items, given)
    except ValueError:
        return  # the comparisons do not link every item yet: no weights, no CR
    if len(items) > 2 and origin.cr is not None:
        talk.show(t("weigh_cr_bad" if origin.inconsistent else "weigh_cr", talk.lang, cr=origin.cr), "  ")


def ranking(items: list[str], talk: Talk) -> list[str]:
    """The items in the order typed as their numbers, most important (or most wanted swing) first."""
    from partnerfit.i18n import t

    while True:
        words = talk.ask(t("weigh_rank", talk.lang) + " ").replace(",", " ").split()
        if sorted(words) == sorted(str(k) for k in range(1, len(items) + 1)):
            return [items[int(w) - 1] for w in words]
        talk.show(t("weigh_rank_again", talk.lang, count=len(items)), "  ")


def rate(order: list[str], labels: dict[str, str], talk: Talk) -> dict[str, float]:
    """Each swing rated 1-100 against the top one's 100."""
    from partnerfit.i18n import t
    from partnerfit.render.sanitize import terminal

    ratings = {order[0]: 100.0}
    top = terminal(labels.get(order[0], order[0]))
    for item in order[1:]:
        message = t("weigh_rate", talk.lang, item=terminal(labels.get(item, item)), top=top)
        while True:
            try:
                value = float(talk.ask(message + " ").strip().replace(",", "."))
            except ValueError:
                value = -1.0
            if 0 < value <= 100:
                break
            talk.show(t("weigh_rate_again", talk.lang), "  ")
        ratings[item] = value
    return ratings
