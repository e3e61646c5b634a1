"""The single number reader: which texts are numbers in a partnerfit file, and how to write the others."""

from __future__ import annotations

import re

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
_RADIX_NAMES = {"x": "hexadecimal", "o": "octal", "b": "binary"}
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


def text_hint(text: str) -> str:
    """`` — how to write it`` for a text that looks like a number written another way, else ""."""
    clean = text.strip()
    if not clean:
        return ""
    number = read_number(clean)
    if number is not None:
        if number != number or number in (float("inf"), float("-inf")):
            return ""
        return " — remove the quotes" if clean == text else " — remove the quotes and spaces"
    if _LEADING_ZERO.match(clean):
        digits = clean.replace("_", "")
        if set(digits.lstrip("+-")) <= set("01234567"):
            return f" — a leading zero is ambiguous (YAML 1.1 reads {clean} as the octal number {int(digits, 8)}); write {int(digits)}"
        return f" — write {int(digits)} without the leading zero"
    radix = _RADIX.match(clean)
    if radix:
        try:
            value = int(clean.replace("_", ""), 0)
        except ValueError:
            return ""
        return f" — {_RADIX_NAMES[radix.group(1).lower()]} numbers are not read; write the decimal number {value}"
    if _SEXAGESIMAL.match(clean):
        return f" — {clean} is not a number (YAML 1.1 reads it in base 60, as {_base60(clean):g}); write the decimal number you mean"
    if _THOUSANDS.match(clean):
        plain = clean.replace(",", "")
        return f" — write {plain} (no thousands separator), or {clean.replace(',', '.')} if the comma marks decimals"
    comma = _DECIMAL_COMMA.match(clean)
    if comma:
        return f" — write {comma.group(1)}.{comma.group(2)}: decimals take a dot, not a comma"
    if "_" in clean and read_number(clean.replace("_", "")) is not None:
        return f" — write {clean.replace('_', '')} without '_'"
    percent = _PERCENT.match(clean)
    if percent and read_number(percent.group(1).strip()) is not None:
        return f" — write {percent.group(1).strip()} without the % sign"
    return ""


def _base60(text: str) -> float:
    """What YAML 1.1 makes of a sexagesimal text such as 1:30 (90): shown so the silent reading is visible."""
    sign = -1 if text.startswith("-") else 1
    value = 0.0
    for part in text.lstrip("+-").replace("_", "").split(":"):
        value = value * 60 + float(part)
    return sign * value
