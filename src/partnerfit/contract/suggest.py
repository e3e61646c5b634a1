"""Suggestions for a mistyped id or key: the closest known one, shown as "did you mean"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from partnerfit.errors import Msg, msg


def did_you_mean(word: str, choices: Iterable[str]) -> Msg | str:
    """`` — did you mean 'x'?`` when a choice is close to ``word``, else an empty string."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return msg(" — did you mean {choice}?", choice=repr(matches[0])) if matches else ""
