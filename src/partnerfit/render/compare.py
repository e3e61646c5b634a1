"""The method comparison as a table, JSON or Markdown: ranks per method and agreement with wsm."""

from __future__ import annotations

import io

from rich import box
from rich.table import Table
from rich.text import Text

from partnerfit.analysis.compare import REFERENCE, MethodComparison
from partnerfit.i18n import t
from partnerfit.render import RenderOptions
from partnerfit.render.sanitize import csv_text, json_dumps, md, md_row
from partnerfit.render.table import finish, make_console, plain


def compare_json(comparison: MethodComparison, options: RenderOptions | None = None) -> str:
    """The comparison document (the same in every language: ``options`` is not read)."""
    return json_dumps(comparison.to_dict()).decode()


def _verdict(comparison: MethodComparison, lang: str) -> str:
    if not comparison.ids:
        return t("compare_nothing", lang)
    if len(comparison.methods) == 1:
        return t("compare_only", lang, method=comparison.methods[0])
    top = comparison.same_top
    if top >= min(3, len(comparison.ids)):
        return t("compare_same_top", lang, count=min(top, len(comparison.ids)), methods=len(comparison.methods))
    if top == 0:
        return t("compare_winner_depends", lang)
    return t("compare_same_top", lang, count=top, methods=len(comparison.methods))


def notes(comparison: MethodComparison, lang: str) -> list[str]:
    lines = [_verdict(comparison, lang)]
    for method, agreement in comparison.agreement.items():
        if method != REFERENCE:
            lines.append(t("compare_agreement", lang, method=method, tau=agreement.kendall_tau, ws=agreement.ws))
    if comparison.moved:
        lines.append(t("compare_moved", lang, names=", ".join(comparison.names[c] for c in comparison.moved)))
    lines += [t("compare_failed", lang, method=m, reason=r) for m, r in comparison.failures.items()]
    return lines


def compare_markdown(comparison: MethodComparison, options: RenderOptions) -> str:
    """A rank table ready to paste, then the verdict and agreement lines."""
    lang = options.lang
    ids = comparison.ids[: options.top] if options.top else comparison.ids
    lines = [md_row([t("candidate", lang), *comparison.methods])]
    lines.append("|" + "|".join([":---", *["---:"] * len(comparison.methods)]) + "|")
    for cid in ids:
        flag = " ↕" if cid in comparison.moved else ""
        lines.append(md_row([comparison.names[cid] + flag, *(comparison.ranks[m][cid] for m in comparison.methods)]))
    lines.append("")
    lines += [f"- {md(line)}" for line in notes(comparison, lang)]
    return "\n".join(lines) + "\n"


def compare_table(comparison: MethodComparison, options: RenderOptions) -> str:
    """The rank table for people, with the verdict underneath."""
    lang = options.lang
    buffer = io.StringIO()
    console = make_console(options, buffer)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 0))
    table.add_column(t("candidate", lang), min_width=12, ratio=1, overflow="fold")
    for method in comparison.methods:
        table.add_column(method, justify="right", min_width=len(method), no_wrap=True)
    table.add_column("", min_width=1, no_wrap=True)
    ids = comparison.ids[: options.top] if options.top else comparison.ids
    for cid in ids:
        moved = cid in comparison.moved
        ranks = [str(comparison.ranks[m][cid]) for m in comparison.methods]
        table.add_row(plain(comparison.names[cid]), *ranks, Text("↕", style="bold yellow") if moved else "")
    console.print(table)
    for line in notes(comparison, lang):
        console.print(plain(line, style="dim"))
    return finish(buffer, options)


def compare_csv(comparison: MethodComparison, options: RenderOptions | None = None) -> str:
    """One row per candidate: id, name, its rank under each method, whether it moves (``options`` is not read)."""
    rows = [
        [cid, comparison.names[cid], *(comparison.ranks[m][cid] for m in comparison.methods), cid in comparison.moved]
        for cid in comparison.ids
    ]
    return csv_text([["id", "name", *comparison.methods, "moved"], *rows])
