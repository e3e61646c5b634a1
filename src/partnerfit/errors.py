"""The core's exceptions: one base, one small subclass per kind of failure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


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

        Always one line that is safe on a terminal: messages echo values from the file (an id, a
        label), so their control characters are shown escaped (see partnerfit.render.sanitize).
        """
        from partnerfit.render.sanitize import terminal  # here: render imports the core, which imports errors

        where = f"{self.path}: " if self.path else ""
        return terminal(f"{self.file}:{self.line}:{self.column}: {self.severity}: {where}{self.message}")


class PartnerfitError(Exception):
    """Base of every error the core raises on bad input or impossible requests."""


class InvalidInputError(PartnerfitError):
    """An input file is invalid; carries every diagnostic found in it."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
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
