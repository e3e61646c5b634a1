"""The words shown to people, in English and French: gettext catalogues (partnerfit/locale) read by key."""

from partnerfit.i18n.catalog import LANGUAGES, t, tn, translator
from partnerfit.i18n.reasons import reason_text
from partnerfit.i18n.words import method_text

__all__ = ["LANGUAGES", "method_text", "reason_text", "t", "tn", "translator"]
