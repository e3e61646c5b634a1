"""pydantic model of a candidates file's named what-if weight sets (``scenarios:``): the board's view, the CSR view."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from partnerfit.contract.models import Id, Label, Text, Weight, _Model


class Scenario(_Model):
    """A named set of weight overrides, applied as ``weights:`` or ``-w`` apply theirs."""

    label: Label | None = None
    """What the scenario is called in tables and reports: a text or {language: text} (default: its id)."""
    description: Text | None = None
    """Whose view it is, and why."""
    weights: Annotated[dict[Id, Weight], Field(min_length=1)]
    """Group or criterion id -> weight, overriding the criteria set's (and the file's own ``weights:``)."""
