"""pydantic models of a team block (``team:``, FORMAT.md "Team selection"): the set of partners to choose."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictInt, model_validator

from partnerfit.contract.models import AnyNumber, Id, Magnitude, Text, _Model, refuse

Count = Annotated[StrictInt, Field(ge=0, le=1_000_000)]
Objective = Literal["total", "complementarity"]


class Cover(_Model):
    """A criterion the team must cover: at least ``at_least`` members with an aggregated score >= ``min``."""

    min: AnyNumber
    """The aggregated score on the criterion's own scale a member needs to count as covering it."""
    at_least: Annotated[StrictInt, Field(ge=1, le=1_000_000)] = 1
    """How many members must cover it (default 1)."""


class MixRule(_Model):
    """A rule on the team's mix, by ``type``, by ``tag`` or by an ``info`` key (exactly one of them)."""

    type: Text | None = None
    """Members whose type is this."""
    tag: Text | None = None
    """Members carrying this tag."""
    info: Text | None = None
    """An info key: with ``distinct_at_least``, members must show that many distinct values of it."""
    equals: Text | AnyNumber | bool | None = None
    """With ``info``: members whose info value is this (instead of ``distinct_at_least``)."""
    at_least: Count | None = None
    """At least this many members match."""
    at_most: Count | None = None
    """At most this many members match."""
    distinct_at_least: Count | None = None
    """With ``info``: the members show at least this many distinct values of the key."""

    @model_validator(mode="after")
    def _one_selector_and_a_bound(self) -> MixRule:
        selectors = [name for name in ("type", "tag", "info") if getattr(self, name) is not None]
        if len(selectors) != 1:
            raise refuse("mix_selector", "a mix rule names exactly one of type, tag or info")
        bounds = (self.at_least, self.at_most, self.distinct_at_least)
        if all(bound is None for bound in bounds):
            raise refuse("mix_bound", "a mix rule needs at_least, at_most or distinct_at_least")
        if self.distinct_at_least is not None and self.info is None:
            raise refuse("mix_distinct", "distinct_at_least applies to an info key", "distinct_at_least")
        if self.at_least is not None and self.at_most is not None and self.at_least > self.at_most:
            raise refuse("mix_order", "at_least is larger than at_most", "at_least")
        return self


class Team(_Model):
    """The team to build: its size, budget, the competences it must cover, its mix and its objective."""

    size: (
        Annotated[StrictInt, Field(ge=1, le=1_000)]
        | Annotated[list[Annotated[StrictInt, Field(ge=1, le=1_000)]], Field(min_length=2, max_length=2)]
    )
    """Members: one number, or [min, max]."""
    budget: Magnitude | None = None
    """The members' total cost may not exceed it."""
    cost: Text = "cost"
    """Key of each candidate's ``info`` holding its cost (default ``cost``)."""
    cover: dict[Id, Cover] = Field(default_factory=dict)
    """Criteria the team must cover, by criterion id."""
    mix: list[MixRule] = Field(default_factory=list)
    """Rules on the mix of types, tags or info values."""
    include: list[Id] = Field(default_factory=list)
    """Candidates that must be members."""
    exclude: list[Id] = Field(default_factory=list)
    """Candidates that may not be members."""
    never_together: list[Annotated[list[Id], Field(min_length=2)]] = Field(default_factory=list)
    """Sets of candidates of which at most one may be a member."""
    objective: Objective = "total"
    """total: the sum of the members' scores; complementarity: 100 × Σ_c w_c · max over members of v_c."""

    @model_validator(mode="after")
    def _size_in_order(self) -> Team:
        if isinstance(self.size, list) and self.size[0] > self.size[1]:
            raise refuse("size_order", "size [min, max] has min larger than max", "size")
        return self

    @property
    def bounds(self) -> tuple[int, int]:
        """The team's smallest and largest size."""
        return (self.size, self.size) if isinstance(self.size, int) else (self.size[0], self.size[1])
