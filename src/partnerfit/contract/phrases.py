"""The phrases messages are built from: a found value described, the kinds of values, lists of words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from partnerfit.errors import Msg, msg

A_NUMBER = msg("a number")
SCORE_ENTRY = "{score: 4, note: ...}"  # the example of a score written as a mapping


def describe(value: Any) -> Msg:
    """How a found value reads in a message: its kind and, when short, the value itself."""
    if value is None:
        return msg("nothing (null)")
    if isinstance(value, bool):
        return msg("the boolean {value}", value=str(value).lower())
    if isinstance(value, int) and abs(value) > 1e300:
        return msg("a number of {digits} digits (too large to compute with)", digits=str(len(str(abs(value)))))
    if isinstance(value, int | float):
        big = isinstance(value, float) and abs(value) >= 1e15
        return msg("the number {value}", value=f"{value:g}" if big else repr(value))
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return msg("the text {value}", value=repr(shown))
    if isinstance(value, dict):
        return msg("a mapping")
    if isinstance(value, list):
        return msg("a list")
    return msg("a {kind}", kind=type(value).__name__)


_TAG_WORDS = {
    "float": A_NUMBER,
    "str": msg("a text"),
    "bool": msg("true/false"),
    "none": msg("nothing (null)"),
    "int": msg("a whole number"),
}
SCORE_ENTRY = "{score: 4, note: ...}"


def tag_word(tag: str) -> Msg | str:
    if tag == "ScoreEntry":
        return msg("a mapping such as {example}", example=SCORE_ENTRY)
    if tag.startswith("list"):
        return msg("a list of texts") if "str" in tag else msg("a list")
    if tag.startswith("dict") or tag[0].isupper():
        return msg("a mapping")
    return _TAG_WORDS.get(tag, tag)


def either(words: Sequence[Msg | str]) -> Msg | str:
    """``a, b or c`` in the language the message is shown in."""
    if len(words) == 1:
        return words[0]
    return msg("{some} or {last}", some=commas(words[:-1]), last=words[-1])


def commas(words: Sequence[Msg | str]) -> Msg | str:
    """``a, b, c`` (the words may be phrases to translate)."""
    return listed(words, ", ")


def listed(words: Sequence[Msg | str], separator: str) -> Msg | str:
    """The words joined by a separator that reads the same in every language (", ", "; ")."""
    if len(words) == 1:
        return words[0]
    return msg("{first}{separator}{rest}", first=listed(words[:-1], separator), separator=separator, rest=words[-1])
