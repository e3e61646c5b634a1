"""The method comparison as a table, JSON or Markdown: ranks per method and agreement with wsm."""

from __future__ import annotations

import csv
import io

import orjson
from rich import box
from rich.table import Table
from rich.text import Text

from partnerfit.analysis.compare import REFERENCE, MethodComparison
from partnerfit.i18n import t
from partnerfit.render import RenderOptions
from partnerfit.render.safe_cells import safe_text
from partnerfit.render.table import make_console, strip_trailing


def compare_json(comparison: MethodComparison) -> str:
    """The comparison document."""
    return orjson.dumps(comparison.to_dict(), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()


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
    lines = ["| " + " | ".join([t("candidate", lang), *comparison.methods]) + " |"]
    lines.append("|" + "|".join([":---", *["---:"] * len(comparison.methods)]) + "|")
    for cid in ids:
        flag = " ↕" if cid in comparison.moved else ""
        name = comparison.names[cid].replace("|", "\\|")
        lines.append(
            "| " + " | ".join([name + flag, *(str(comparison.ranks[m][cid]) for m in comparison.methods)]) + " |"
        )
    lines.append("")
    lines += [f"- {line}" for line in notes(comparison, lang)]
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
        table.add_row(Text(comparison.names[cid]), *ranks, Text("↕", style="bold yellow") if moved else "")
    console.print(table)
    for line in notes(comparison, lang):
        console.print(Text(line, style="dim"))
    return strip_trailing(buffer.getvalue())


def compare_csv(comparison: MethodComparison) -> str:
    """One row per candidate: id, name, its rank under each method, whether it moves."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "name", *comparison.methods, "moved"])
    for cid in comparison.ids:
        ranks = [comparison.ranks[m][cid] for m in comparison.methods]
        moved = "true" if cid in comparison.moved else "false"
        writer.writerow([safe_text(cid), safe_text(comparison.names[cid]), *ranks, moved])
    return buffer.getvalue()
