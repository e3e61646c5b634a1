"""The words shown to people, in English and French: ``t(key, lang)`` looks them up in the catalogues."""

from partnerfit.i18n.words import LANGUAGES, t

__all__ = ["LANGUAGES", "t"]
