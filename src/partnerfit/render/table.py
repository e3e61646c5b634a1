"""The terminal table (rich): the product's face, readable at 80 columns, plain when piped."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from partnerfit.i18n import t, tn
from partnerfit.i18n.numerals import PRECISION, figure, percent
from partnerfit.render import RenderOptions
from partnerfit.render.common import (
    colon,
    fmt_score,
    footer_lines,
    group_columns,
    reasons_text,
    score_digits,
)
from partnerfit.render.consensus import consensus_lines
from partnerfit.render.layout import NARROW, FitTable, FittingConsole, widest
from partnerfit.render.sanitize import terminal, terminal_lines
from partnerfit.result.model import Result

BAR_WIDTH = 10
NAME_FLOOR = 13  # the name column is never squeezed below this (or the longest name) to make room for groups
_TRAILING = re.compile(r"[ ]+((?:\x1b\[[0-9;]*m)*)$")  # spaces before the line's closing colour codes


def score_bar(score: float, width: int = BAR_WIDTH) -> str:
    """A bar of ``width`` cells for a 0–100 score, in eighths of a cell."""
    eighths = round(max(0.0, min(100.0, score)) / 100 * width * 8)
    full, part = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[part] if part else ""
    return ("█" * full + partial).ljust(width)


def make_console(options: RenderOptions, buffer: io.StringIO) -> Console:
    """A console writing to ``buffer``, coloured only when asked (never when piped or NO_COLOR).

    Markup is off: a plain string (a column header, a cell) is shown as written, so a label such as
    ``[link=http://…]`` can never become a style or a terminal hyperlink. It fits what it prints to
    ``options.width`` without splitting a word (:class:`~partnerfit.render.layout.FittingConsole`).
    """
    console = FittingConsole(
        file=buffer,
        markup=False,
        width=options.width,
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    console.lang = options.lang
    return console


# user text shown whole on a terminal at most: a 16 MiB name would take rich half a minute to wrap
# into a million lines; machine formats (JSON, CSV, Markdown, report) keep every character
MAX_TERMINAL_TEXT = 500


def for_terminal(text: str) -> str:
    """User text as a terminal shows it: clipped to MAX_TERMINAL_TEXT, its controls shown escaped."""
    if len(text) > MAX_TERMINAL_TEXT:
        text = text[: MAX_TERMINAL_TEXT - 1] + "…"
    return terminal(text)


def plain(text: str, style: str = "") -> Text:
    """User text for rich (see :func:`for_terminal`: rich's Text removes CR and BEL but keeps ESC).

    Wrapped at spaces; a word longer than its line is cut with ``…``, never folded mid-word.
    """
    return Text(for_terminal(text), style=style, overflow="ellipsis")


def columns_table(columns: Iterable[tuple[str, bool, int]]) -> FitTable:
    """A table of (title, right-aligned, width) columns; width 0 takes the room left, wrapped at spaces."""
    table = FitTable(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 1))
    for title, right, width in columns:
        if width:
            table.add_column(title, justify="right" if right else "left", min_width=width, no_wrap=True)
        else:  # names, notes, what a member brings (the console never splits a word: render/layout.py)
            table.add_column(title, min_width=10, ratio=1, overflow="fold")
    return table


def finish(buffer: io.StringIO, options: RenderOptions) -> str:
    """What a console printed, padding removed; a control character that got past :func:`plain` shown escaped."""
    return terminal_lines(strip_trailing(buffer.getvalue()), colour=options.color)


def render_table(result: Result, options: RenderOptions) -> str:
    """Ranked candidates with score bars and group scores, excluded ones, then the footer."""
    lang = options.lang
    buffer = io.StringIO()
    console = make_console(options, buffer)
    if result.title:
        console.print(plain(result.title, style="bold"))
    if result.objective:
        console.print(plain(f"{t('objective', lang)}{colon(lang)}{result.objective}", style="italic"))
    if options.width < NARROW:
        for item in _ranking_list(result, options):
            console.print(item)
    else:
        console.print(_ranking_layout(result, options, console))
    if options.top is not None and len(result.ranked) > options.top:
        console.print(
            Text(
                tn("more_not_shown", len(result.ranked) - options.top, lang, top=options.top),
                style="dim",
            )
        )
    if result.excluded:
        console.print(_excluded_table(result, options))
    shown = result.ranked[: options.top] if options.top is not None else result.ranking
    for line in [*footer_lines(result, lang, shown), *consensus_lines(result, lang)]:
        console.print(plain(line, style="dim"))
    return finish(buffer, options)


def strip_trailing(text: str) -> str:
    """rich pads every line to the full width: trailing spaces only get in the way of a diff."""
    return "\n".join(_TRAILING.sub(r"\1", line) for line in text.split("\n"))


def _ranking_list(result: Result, options: RenderOptions) -> list[Text]:
    """The ranking for a very narrow terminal: one ``rank. name  score`` entry per candidate."""
    entries = result.ranked[: options.top] if options.top is not None else result.ranked
    digits = score_digits(result.ranked)
    return [
        plain(f"{entry.rank}. {entry.name}  {fmt_score(entry.score or 0.0, digits, options.lang)}") for entry in entries
    ]


def _ranking_layout(result: Result, options: RenderOptions, console: Console) -> FitTable:
    """Full group labels and long bars when the names lose at most a third of the longest, else the short ones.

    The width a terminal has beyond the table's narrowest goes to the names first.
    """
    if options.width >= 110:
        table = _ranking_table(result, options, narrow=False)
        longest = max((cell_len(for_terminal(e.name)) for e in result.ranked), default=0)
        if widest(console, table) - options.width <= longest // 3:
            return table
    return _ranking_table(result, options, narrow=True)


def _ranking_table(result: Result, options: RenderOptions, *, narrow: bool) -> FitTable:
    lang = options.lang
    bar = BAR_WIDTH // 2 if narrow else BAR_WIDTH
    groups = group_columns(result, lang, short=narrow)
    entries = result.ranked[: options.top] if options.top is not None else result.ranked
    show_coverage = any(c.coverage < 1 - 1e-9 for c in entries)
    table = FitTable(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 0))
    # group columns are the first to go on a narrow terminal: rank, name and score always stay
    table.drop_first = tuple(range(3, 3 + len(groups)))
    longest = max((cell_len(for_terminal(e.name)) for e in entries), default=12)
    table.add_column(t("rank", lang), justify="right", min_width=4, no_wrap=True)
    table.add_column(t("candidate", lang), min_width=min(longest, NAME_FLOOR), ratio=1, overflow="ellipsis")
    table.add_column(t("score", lang), min_width=6 + 1 + bar, no_wrap=True)
    for _, label in groups:
        table.add_column(
            plain(label),
            justify="right",
            min_width=min(len(label), 9),
            max_width=16,
            overflow="ellipsis",
            no_wrap=narrow,
        )
    if show_coverage:
        table.add_column(
            t("coverage_short" if narrow else "coverage", lang),
            justify="right",
            min_width=4,
            no_wrap=True,
        )
    digits = score_digits(result.ranked)  # every output of a result shows its scores alike
    for entry in entries:
        score = Text(f"{fmt_score(entry.score or 0.0, digits, lang):>{4 + digits}} ")
        score.append(score_bar(entry.score or 0.0, bar), style="green")
        name = plain(entry.name)
        if entry.disagreement:
            name.append(" ⚠", style="bold yellow")
        row: list[Text | str] = [str(entry.rank), name, score]
        row += [figure("group", entry.groups.get(gid), lang) for gid, _ in groups]
        if show_coverage:
            row.append(
                Text(percent(entry.coverage, lang, PRECISION["coverage"]), style="yellow" if entry.coverage < 1 else "")
            )
        table.add_row(*row)
    return table


def _excluded_table(result: Result, options: RenderOptions) -> FitTable | Text:
    lang = options.lang
    if options.top is not None:
        return Text(tn("excluded_not_shown", len(result.excluded), lang), style="dim")
    table = FitTable(
        title=t("excluded", lang),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )
    table.add_column(t("candidate", lang), min_width=14, ratio=2, overflow="ellipsis")
    table.add_column(t("score", lang), justify="right", min_width=5, no_wrap=True)
    table.add_column(t("reasons", lang), min_width=20, ratio=3, overflow="ellipsis")
    for entry in result.excluded:
        table.add_row(
            plain(entry.name),
            fmt_score(entry.score, score_digits(result.ranked), lang),
            plain(reasons_text(result, entry, lang), style="red"),
        )
    return table
