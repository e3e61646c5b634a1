"""The shortlist report as a PDF: the HTML report laid out by WeasyPrint with its print stylesheet (A4, page numbers)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from partnerfit.errors import PartnerfitError
from partnerfit.i18n import t
from partnerfit.render import RenderOptions
from partnerfit.render.html import report_html

if TYPE_CHECKING:
    from partnerfit.analysis.report import ReportData


class PdfUnavailableError(PartnerfitError):
    """WeasyPrint, or the system libraries it loads (Pango), cannot be imported: the message says what to install."""


def _weasyprint(lang: str) -> Any:
    """The weasyprint module, imported only now: it is heavy and optional (``pip install 'partnerfit[pdf]'``)."""
    try:
        import weasyprint  # type: ignore[import-untyped]  # no type hints shipped
    except (ImportError, OSError):  # OSError: the package is there but Pango's shared libraries are not
        raise PdfUnavailableError(t("report_pdf_unavailable", lang)) from None
    return weasyprint


def report_pdf(data: ReportData, options: RenderOptions | None = None) -> bytes:
    """The whole report as PDF bytes in ``options.lang``; the same report gives the same bytes.

    Nothing is fetched: the HTML holds its styles and charts inline, the fetcher refuses every
    scheme but ``data:``, and fonts come from the system. No date and no file identifier are
    written into the file, so two runs on the same input and ``--date`` are byte-identical.
    """
    options = options or RenderOptions()
    weasyprint = _weasyprint(options.lang)
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols=("data",), allow_redirects=False)
    document = weasyprint.HTML(string=report_html(data, options), url_fetcher=fetcher, media_type="print")
    pdf: bytes = document.write_pdf(pdf_identifier=False, custom_metadata=False)
    return pdf
