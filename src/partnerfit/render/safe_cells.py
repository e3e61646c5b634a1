"""Neutralise spreadsheet formula injection in the text cells partnerfit writes (CSV and XLSX)."""

from __future__ import annotations

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Google Sheets
# (OWASP "CSV injection"): = + - @, and tab or carriage return, which some of them skip first.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def safe_text(text: str) -> str:
    """``text`` with a single quote in front when it starts like a formula, else unchanged."""
    return QUOTE + text if text.startswith(FORMULA_TRIGGERS) else text


def safe_cell(value: object) -> object:
    """A cell value made safe: texts through :func:`safe_text`; numbers, booleans and None unchanged.

    A negative number stays a number: only text is ever quoted.
    """
    return safe_text(value) if isinstance(value, str) else value
