"""pydantic model of a ``kind: team`` file: a team block for the candidates file it names (FORMAT.md)."""

from __future__ import annotations

from typing import Literal

from partnerfit.contract.models import Text, _Model
from partnerfit.contract.team import Team


class TeamFile(_Model):
    """A team file (``kind: team``): another team block for a candidates file, which it names."""

    partnerfit: Literal[1] | None = None
    """Format version: 1."""
    kind: Literal["team"]
    """team."""
    title: Text | None = None
    """Title of this rule set."""
    description: Text | None = None
    """More about this rule set."""
    candidates: Text
    """The candidates file, a path relative to this file; its own team block, if any, is replaced by this one."""
    team: Team
    """The team to build from those candidates: size, budget, covers, mix, objective (partnerfit team)."""
