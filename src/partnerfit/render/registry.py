"""The one renderer registry: each (document, format) pair names the function that renders it, imported when used.

A renderer is a function ``(document, options) -> text``: the document is the object a command
computed (a Result, an Explanation, a ProjectDiff…), the options say how to present it (language,
rows, colour, width). A new format is one module (or one function in the document's module) and one
line below; each command's ``--format`` choices and help are read from here. This module imports
nothing heavy: ``partnerfit --help`` reads it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

if TYPE_CHECKING:
    from partnerfit.render import RenderOptions

# text, a file's bytes, or UTF-8 pieces to write one after the other (a large JSON result)
Rendered: TypeAlias = str | bytes | Iterator[bytes]


class Renderer(Protocol):
    """What every renderer is: a document and the options in, the document in one format out."""

    def __call__(self, document: Any, options: RenderOptions, /) -> Rendered:
        """``document`` in this renderer's format."""
        ...


# (document, format) -> "module:function". Documents, and the object each renderer receives:
#   ranking            result.model.Result             the candidates ranked by one method (`score`)
#   method-comparison  analysis.compare.MethodComparison   ranks under every method (`score --compare`)
#   explanation        analysis.explain.Explanation    one candidate's score taken apart (`explain`)
#   head-to-head       analysis.head_to_head.HeadToHead    candidates side by side (`compare`)
#   sensitivity        analysis.sensitivity.SensitivityReport  stability and acceptability
#   weights            analysis.weights_report.WeightsReport   where each weight comes from
#   diff               analysis.diff.ProjectDiff       two versions of a candidates file (`diff`), or a
#                      analysis.diff_criteria.CriteriaSetsDiff  of two criteria files
#   criteria           contract.criteria_set.CriteriaSet   one criteria set (`criteria NAME`)
#   criteria-sets      [(name, title, criteria count)]  the built-in sets (`criteria`)
#   report             analysis.report.ReportData      the shortlist report (`report -o FILE`)
#   diagnostics        render.diagnostics.Findings     what `check` found
#   agreement          analysis.agreement_model.Agreement  how far the assessors agree (`agreement`)
#   perspectives       analysis.perspectives.Perspectives  the ranking under each role's weights (`score --perspectives`)
#   scenarios          analysis.scenarios.Scenarios    the ranking under each named scenario (`score --scenarios`)
#   team               render.team_words.TeamView      the optimal team of a `team:` block (`team`)
RENDERERS: dict[tuple[str, str], str] = {
    ("ranking", "table"): "partnerfit.render.table:render_table",
    ("ranking", "json"): "partnerfit.render.json:json_chunks",
    ("ranking", "csv"): "partnerfit.render.csv:render_csv",
    ("ranking", "markdown"): "partnerfit.render.markdown:render_markdown",
    ("ranking", "xlsx"): "partnerfit.render.xlsx:ranking_xlsx",
    ("method-comparison", "table"): "partnerfit.render.compare:compare_table",
    ("method-comparison", "json"): "partnerfit.render.compare:compare_json",
    ("method-comparison", "csv"): "partnerfit.render.compare:compare_csv",
    ("method-comparison", "markdown"): "partnerfit.render.compare:compare_markdown",
    ("explanation", "table"): "partnerfit.render.explain:explain_table",
    ("explanation", "json"): "partnerfit.render.explain:explain_json",
    ("explanation", "markdown"): "partnerfit.render.explain:explain_markdown",
    ("head-to-head", "table"): "partnerfit.render.head_to_head:compare_table",
    ("head-to-head", "json"): "partnerfit.render.head_to_head:compare_json",
    ("head-to-head", "markdown"): "partnerfit.render.head_to_head:compare_markdown",
    ("sensitivity", "table"): "partnerfit.render.sensitivity:sensitivity_table",
    ("sensitivity", "json"): "partnerfit.render.sensitivity:sensitivity_json",
    ("sensitivity", "markdown"): "partnerfit.render.sensitivity:sensitivity_markdown",
    ("weights", "table"): "partnerfit.render.weights:weights_table",
    ("weights", "json"): "partnerfit.render.weights:weights_json",
    ("weights", "markdown"): "partnerfit.render.weights:weights_markdown",
    ("diff", "table"): "partnerfit.render.diff:diff_table",
    ("diff", "json"): "partnerfit.render.diff:diff_json",
    ("diff", "markdown"): "partnerfit.render.diff:diff_markdown",
    ("criteria", "table"): "partnerfit.render.criteria:criteria_tree",
    ("criteria", "json"): "partnerfit.render.criteria:criteria_json",
    ("criteria-sets", "table"): "partnerfit.render.criteria:sets_table",
    ("report", "html"): "partnerfit.render.html:report_html",
    ("report", "markdown"): "partnerfit.render.report_markdown:report_markdown",
    ("report", "xlsx"): "partnerfit.render.xlsx:report_xlsx",
    ("report", "pdf"): "partnerfit.render.pdf:report_pdf",
    ("diagnostics", "text"): "partnerfit.render.diagnostics:findings_text",
    ("diagnostics", "json"): "partnerfit.render.diagnostics:findings_json",
    ("diagnostics", "github"): "partnerfit.render.diagnostics:findings_github",
    ("diagnostics", "sarif"): "partnerfit.render.diagnostics:findings_sarif",
    ("diagnostics", "junit"): "partnerfit.render.diagnostics:findings_junit",
    ("agreement", "table"): "partnerfit.render.agreement:agreement_table",
    ("agreement", "json"): "partnerfit.render.agreement:agreement_json",
    ("agreement", "markdown"): "partnerfit.render.agreement:agreement_markdown",
    ("perspectives", "table"): "partnerfit.render.perspectives:perspectives_table",
    ("perspectives", "json"): "partnerfit.render.perspectives:perspectives_json",
    ("perspectives", "markdown"): "partnerfit.render.perspectives:perspectives_markdown",
    ("scenarios", "table"): "partnerfit.render.scenarios:scenarios_table",
    ("scenarios", "json"): "partnerfit.render.scenarios:scenarios_json",
    ("scenarios", "markdown"): "partnerfit.render.scenarios:scenarios_markdown",
    ("team", "table"): "partnerfit.render.team:team_table",
    ("team", "json"): "partnerfit.render.team:team_json",
    ("team", "markdown"): "partnerfit.render.team:team_markdown",
}

# pairs a command writes only to ``-o FILE``, chosen by the file's suffix (`score -o ranking.xlsx`):
# not among the document's --format choices, which formats() lists
SUFFIX_ONLY: frozenset[tuple[str, str]] = frozenset({("ranking", "xlsx"), ("report", "pdf")})


def documents() -> tuple[str, ...]:
    """Every document with a renderer, in registry order."""
    return tuple(dict.fromkeys(document for document, _ in RENDERERS))


def formats(document: str) -> tuple[str, ...]:
    """The formats ``document`` offers to --format, in registry order (empty for an unknown document).

    A pair of SUFFIX_ONLY is left out: it renders, but only a file's suffix picks it.
    """
    return tuple(fmt for doc, fmt in RENDERERS if doc == document and (doc, fmt) not in SUFFIX_ONLY)


def renderer(document: str, fmt: str) -> Renderer:
    """The function that renders ``document`` in ``fmt``, imported now; ValueError when there is none."""
    target = RENDERERS.get((document, fmt))
    if target is None:
        known = ", ".join(formats(document)) or "none"
        raise ValueError(f"unknown format {fmt!r} for {document}; expected one of {known}")
    module, _, name = target.partition(":")
    function: Renderer = getattr(importlib.import_module(module), name)
    return function


def render(document: str, fmt: str, value: Any, options: RenderOptions) -> Rendered:
    """``value`` (a ``document``) rendered in ``fmt``."""
    return renderer(document, fmt)(value, options)


def as_text(rendered: Rendered) -> str:
    """What a renderer gave, as text (UTF-8 pieces joined and decoded)."""
    if isinstance(rendered, str):
        return rendered
    return (rendered if isinstance(rendered, bytes) else b"".join(rendered)).decode("utf-8")


def as_chunks(rendered: Rendered) -> Iterable[bytes]:
    """What a renderer gave, as UTF-8 pieces to write one after the other."""
    if isinstance(rendered, str):
        return [rendered.encode("utf-8")]
    return [rendered] if isinstance(rendered, bytes) else rendered
