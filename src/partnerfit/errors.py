"""The core's exceptions: one base, one small subclass per kind of failure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

# problems reported for one file at most: a broken generated file can hold a million, and each
# costs a located message; past this the first ones say what is wrong
MAX_DIAGNOSTICS = 1_000


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

    def format(self) -> str:
        """Render as ``file:line:column: severity: message`` (the form editors and CI parse).

        The text is raw, as found: each output medium makes it safe (a terminal shows control
        characters escaped, see partnerfit.render.sanitize).
        """
        where = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {where}{self.message}"


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
        message = f"more problems are not shown: a file reports its first {MAX_DIAGNOSTICS:,}; fix these first"
        kept.append(Diagnostic(last.file, last.line, last.column, severity, message, "", TOO_MANY))
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


class CandidateNotFoundError(PartnerfitError):
    """A candidate id was asked for that the file does not define."""


class MethodError(PartnerfitError):
    """A scoring method cannot run on this data (unknown method, unsupported option)."""
