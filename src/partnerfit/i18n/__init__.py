"""The words shown to people, in English and French: ``t(key, lang)`` looks them up in the catalogues."""

from partnerfit.i18n.reasons import reason_text
from partnerfit.i18n.words import LANGUAGES, method_text, t

__all__ = ["LANGUAGES", "method_text", "reason_text", "t"]
