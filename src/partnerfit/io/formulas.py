"""What a spreadsheet runs as a formula: the rule partnerfit's writers apply and its importer undoes."""

from __future__ import annotations

import re

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Google Sheets (OWASP
# "CSV injection"), also after white space, tabs or line breaks, which some of them skip; full-width forms
# too, which some input methods turn into the ASCII ones.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_SKIPPED = re.compile("[\\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]*")
QUOTE = "'"


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula."""
    return text[_SKIPPED.match(text).end() :].startswith(FORMULA_TRIGGERS)  # type: ignore[union-attr]
