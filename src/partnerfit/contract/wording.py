"""The catalogue that words diagnostics in a language (the ``diagnostics`` gettext domain)."""

from __future__ import annotations

from partnerfit.errors import Diagnostic, Translate
from partnerfit.i18n import translator

DOMAIN = "diagnostics"  # msgid: the English template itself (src/partnerfit/locale/*/LC_MESSAGES/diagnostics.po)


def translation(lang: str | None) -> Translate | None:
    """The gettext of the diagnostics catalogue in ``lang``; None for English (the templates are English)."""
    if not lang or lang == "en":
        return None
    catalogue = translator(lang, DOMAIN)

    def translate(template: str) -> str:
        try:
            return catalogue.gettext(template)
        except KeyError:  # a template the catalogues lack (a test keeps them complete): shown in English
            return template

    return translate


def diagnostic_text(diagnostic: Diagnostic, lang: str | None) -> str:
    """The message of ``diagnostic`` in ``lang`` (English when it has no template)."""
    return diagnostic.text(translation(lang))
