"""Suggestions for a mistyped id or key: the closest known one, shown as "did you mean"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` — did you mean 'x'?`` when a choice is close to ``word``, else an empty string."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" — did you mean {matches[0]!r}?" if matches else ""
