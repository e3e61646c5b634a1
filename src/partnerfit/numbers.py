"""The single number reader: which texts are numbers in a partnerfit file, and how to write the others."""

from __future__ import annotations

import re

from partnerfit.errors import Msg, msg

# YAML 1.2 (core schema) decimal numbers, the only ones read: 7, -0, +5, 2.5, .5, +.5, 1., 1e3, -.5e1.
# YAML 1.1 leftovers are NOT numbers here (a leading-zero octal 075 would silently be 61, the
# sexagesimal 1:30 would be 90), nor are 0x1F, 0o17, 0b101 or 1_000: they stay texts, so a name or a
# phone number keeps what was written and a score written so is reported with a hint (text_hint).
INT_PATTERN = r"[-+]?(?:0|[1-9][0-9]*)"
FLOAT_PATTERN = r"[-+]?(?:(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)"
SPECIAL_PATTERN = r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
INT = re.compile(rf"^(?:{INT_PATTERN})\Z")
FLOAT = re.compile(rf"^(?:{FLOAT_PATTERN}|{SPECIAL_PATTERN})\Z")
INT_FIRST = list("-+0123456789")
FLOAT_FIRST = list("-+.0123456789")

_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")
_RADIX = re.compile(r"^[-+]?0([xob])[0-9a-fA-F_]+$", re.IGNORECASE)
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")
_DECIMAL_COMMA = re.compile(r"^([-+]?[0-9]+),([0-9]+)$")
_THOUSANDS = re.compile(r"^[-+]?[0-9]{1,3}(?:,[0-9]{3})+$")
_PERCENT = re.compile(r"^(.*?)\s*%$")
_RADIX_NAMES = {"x": msg("hexadecimal"), "o": msg("octal"), "b": msg("binary")}
# Python refuses to convert integers of more than 4,300 digits (a guard against slow conversions)
_MAX_INT_DIGITS = 4000


def read_number(text: str) -> int | float | None:
    """The number ``text`` is written as (YAML 1.2 decimal, .inf, .nan), else None.

    Integers too long to convert are read as infinite floats, which validation reports at their place.
    """
    if INT.match(text):
        return int(text) if len(text) <= _MAX_INT_DIGITS else float(text)
    if FLOAT.match(text):
        special = text.lstrip("+-").lower()
        if special in (".inf", ".nan"):
            return float(("-" if text.startswith("-") else "") + special[1:])
        return float(text)
    return None


def text_hint(text: str) -> Msg | str:
    """`` — how to write it`` for a text that looks like a number written another way, else "".

    The hint is a message kept as data (``errors.Msg``), worded in the reader's language where it is shown.
    """
    clean = text.strip()
    if not clean:
        return ""
    number = read_number(clean)
    if number is not None:
        if number != number or number in (float("inf"), float("-inf")):
            return ""
        return msg(" — remove the quotes") if clean == text else msg(" — remove the quotes and spaces")
    if _LEADING_ZERO.match(clean):
        return _leading_zero(clean)
    radix = _RADIX.match(clean)
    if radix:
        try:
            value = int(clean.replace("_", ""), 0)
        except ValueError:
            return ""
        return msg(
            " — {radix} numbers are not read; write the decimal number {value}",
            radix=_RADIX_NAMES[radix.group(1).lower()],
            value=str(value),
        )
    if _SEXAGESIMAL.match(clean):
        return msg(
            " — {text} is not a number (YAML 1.1 reads it in base 60, as {value}); write the decimal number you mean",
            text=clean,
            value=f"{_base60(clean):g}",
        )
    return _separator_hint(clean)


def _leading_zero(clean: str) -> Msg:
    digits = clean.replace("_", "")
    if set(digits.lstrip("+-")) <= set("01234567"):
        return msg(
            " — a leading zero is ambiguous (YAML 1.1 reads {text} as the octal number {octal}); write {plain}",
            text=clean,
            octal=str(int(digits, 8)),
            plain=str(int(digits)),
        )
    return msg(" — write {plain} without the leading zero", plain=str(int(digits)))


def _separator_hint(clean: str) -> Msg | str:
    """The hint for a number written with a thousands separator, a decimal comma, '_' or a % sign."""
    if _THOUSANDS.match(clean):
        return msg(
            " — write {plain} (no thousands separator), or {dotted} if the comma marks decimals",
            plain=clean.replace(",", ""),
            dotted=clean.replace(",", "."),
        )
    comma = _DECIMAL_COMMA.match(clean)
    if comma:
        return msg(" — write {dotted}: decimals take a dot, not a comma", dotted=f"{comma.group(1)}.{comma.group(2)}")
    if "_" in clean and read_number(clean.replace("_", "")) is not None:
        return msg(" — write {plain} without '_'", plain=clean.replace("_", ""))
    percent = _PERCENT.match(clean)
    if percent and read_number(percent.group(1).strip()) is not None:
        return msg(" — write {plain} without the % sign", plain=percent.group(1).strip())
    return ""


def _base60(text: str) -> float:
    """What YAML 1.1 makes of a sexagesimal text such as 1:30 (90): shown so the silent reading is visible."""
    sign = -1 if text.startswith("-") else 1
    value = 0.0
    for part in text.lstrip("+-").replace("_", "").split(":"):
        value = value * 60 + float(part)
    return sign * value
