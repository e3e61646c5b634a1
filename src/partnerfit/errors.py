"""The core's exceptions: one base, one small subclass per kind of failure."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Union

Severity = Literal["error", "warning"]

# problems reported for one file at most: a broken generated file can hold a million, and each
# costs a located message; past this the first ones say what is wrong
MAX_DIAGNOSTICS = 1_000


Translate = Callable[[str], str]  # a catalogue's gettext: English msgid -> the text in a language


@dataclass(frozen=True, slots=True)
class Msg:
    """A message kept as data: an English template with ``{named}`` places, and what goes in them.

    The core stays language-neutral: it writes English templates, and whoever shows the message
    passes the catalogue of a language to ``text`` (values that are themselves phrases, such as a
    described value or a "did you mean" hint, are translated the same way).
    """

    template: str
    values: tuple[tuple[str, MsgValue], ...] = ()

    def text(self, translate: Translate | None = None) -> str:
        """The message in English, or through ``translate`` (a catalogue's gettext) in its language."""
        template = translate(self.template) if translate and self.template else self.template
        filled = {k: v.text(translate) if isinstance(v, Msg) else v for k, v in self.values}
        return template.format_map(filled)

    def __str__(self) -> str:
        return self.text()

    def replacing(self, old: str, new: str) -> Msg:
        """The message with ``old`` replaced by ``new`` in the values it quotes (a temporary path renamed)."""
        values = tuple(
            (k, v.replacing(old, new) if isinstance(v, Msg) else v.replace(old, new)) for k, v in self.values
        )
        return Msg(self.template, values)


MsgValue = Union[str, Msg]  # noqa: UP007 - a forward reference, resolved lazily


def msg(template: str, /, **values: MsgValue) -> Msg:
    """A translatable message: ``msg("unknown key {key}", key="'x'")`` (msgids are extracted by this name)."""
    return Msg(template, tuple(values.items()))


def text_of(message: str | Msg, translate: Translate | None = None) -> str:
    """A message that may be plain text or a ``Msg``, in English or through ``translate``."""
    return message.text(translate) if isinstance(message, Msg) else message


def said(exc: BaseException) -> str | Msg:
    """What an exception says: the ``Msg`` it was raised with (to translate), else its text."""
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], Msg) else str(exc)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in an input file, located at a 1-based line and column."""

    file: str
    line: int
    column: int
    severity: Severity
    message: str
    path: str = ""
    code: str = ""  # stable code of the kind of problem (see partnerfit.codes)
    # the message as data, to word it in another language; not part of equality (the text is)
    template: Msg | None = field(default=None, compare=False)

    @classmethod
    def of(
        cls, file: str, line: int, column: int, severity: Severity, message: str | Msg, path: str = "", code: str = ""
    ) -> Diagnostic:
        """A diagnostic whose message may be a ``Msg``: its English text, and the template kept to translate."""
        template = message if isinstance(message, Msg) else None
        return cls(file, line, column, severity, str(message), path, code, template)

    def replacing(self, old: str, new: str) -> Diagnostic:
        """The diagnostic with ``old`` replaced by ``new`` in its message, in every language."""
        template = self.template.replacing(old, new) if self.template is not None else None
        return dataclasses.replace(self, message=self.message.replace(old, new), template=template)

    def text(self, translate: Translate | None = None) -> str:
        """The message, through ``translate`` (a catalogue's gettext) when it was kept as a template.

        A message replaced after the fact (``dataclasses.replace``) no longer matches its template:
        the replaced text is shown as it is.
        """
        if translate is None or self.template is None or str(self.template) != self.message:
            return self.message
        return self.template.text(translate)

    def format(self, translate: Translate | None = None) -> str:
        """Render as ``file:line:column: severity: message`` (the form editors and CI parse).

        Only the message follows ``translate``: the prefix, severity included, stays the same in
        every language so that parsers keep reading it. The text is raw, as found: each output
        medium makes it safe (a terminal shows control characters escaped, see partnerfit.render.sanitize).
        """
        where = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {where}{self.text(translate)}"


TOO_MANY = "PF008"


def capped(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """The first MAX_DIAGNOSTICS diagnostics, then one that says more were left out.

    Readers that stop collecting early leave a TOO_MANY marker; it always comes last, once.
    """
    found = [d for d in diagnostics if d.code != TOO_MANY]
    kept = found[:MAX_DIAGNOSTICS]
    if len(kept) < len(diagnostics):
        last = kept[-1] if kept else diagnostics[0]
        # an error when errors were left out (readers leave markers only for errors): else a warning,
        # so that a valid file with many warnings still passes `check`
        dropped = [*found[MAX_DIAGNOSTICS:], *(d for d in diagnostics if d.code == TOO_MANY)]
        severity: Severity = "error" if any(d.severity == "error" for d in dropped) else "warning"
        message = msg(
            "more problems are not shown: a file reports its first {count}; fix these first",
            count=f"{MAX_DIAGNOSTICS:,}",
        )
        kept.append(Diagnostic.of(last.file, last.line, last.column, severity, message, "", TOO_MANY))
    return kept


class PartnerfitError(Exception):
    """Base of every error the core raises on bad input or impossible requests."""


class InvalidInputError(PartnerfitError):
    """An input file is invalid; carries every diagnostic found in it."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(capped(diagnostics))
        errors = [d for d in self.diagnostics if d.severity == "error"]
        first = errors[0].format() if errors else "invalid input"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(first + more)


class CriteriaNotFoundError(PartnerfitError):
    """A criteria set was named that is neither built in nor an existing file."""


class InvalidWeightsError(PartnerfitError):
    """Weight overrides given through the API or the command line are not positive numbers or name no id."""


class MissingScoreError(PartnerfitError):
    """Scores are missing where the missing-score policy is 'error'."""


class UnknownNameError(PartnerfitError):
    """A name given on the command line (a candidate, a scenario) that the file does not define: a misuse."""


class CandidateNotFoundError(UnknownNameError):
    """A candidate id was asked for that the file does not define."""


class MethodError(PartnerfitError):
    """A scoring method cannot run on this data (unknown method, unsupported option)."""


class IncompleteScoresError(MethodError):
    """A method that compares candidates with each other met a missing score (policy 'ignore')."""


class InfeasibleTeamError(PartnerfitError):
    """No team meets every constraint of a ``team:`` block; carries a smallest set that cannot hold together.

    ``conflict`` holds, for each constraint of that set, its id (``cover:loyalty``), its node path in
    the file (``("team", "cover", "loyalty")``, for a located diagnostic) and what it asks, in words.
    Removing any one of them leaves a feasible team.
    """

    def __init__(self, conflict: Sequence[tuple[str, tuple[str | int, ...], Msg]]) -> None:
        self.conflict = tuple(conflict)
        ids = ", ".join(cid for cid, _, _ in self.conflict)
        super().__init__(msg("no team meets every constraint: these cannot hold together: {ids}", ids=ids))
