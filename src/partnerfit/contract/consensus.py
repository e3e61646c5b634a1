"""pydantic model of a candidates file's consensus rules (``consensus: {min_assessors, min_alpha}``)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictInt

from partnerfit.contract.models import _Model


class Consensus(_Model):
    """Rules the assessments must meet before a decision (check warns, check --strict fails)."""

    min_assessors: Annotated[StrictInt, Field(ge=1, le=1_000_000)] | None = None
    """Every candidate scored on every criterion by at least this many assessors."""
    min_alpha: Annotated[float, Field(ge=-1.0, le=1.0, strict=True, allow_inf_nan=False)] | None = None
    """Krippendorff's alpha (ordinal) of every criterion at least this."""
