"""How terminal output fits its width: columns left out, rows listed below 40 columns, no word split."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import rich._wrap
from rich.console import Console, RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from partnerfit.i18n import t
from partnerfit.render.common import colon

NARROW = 40  # below this many columns a table is listed row by row: no column layout is readable
_UNBOUNDED = 100_000

# rich wraps at any whitespace, no-break spaces included, and offers no public setting for what a word
# is: French numbers (``63,2 %``, ``10 000``) and ``:`` hold no-break spaces that must not become line
# ends. Its one private hook is patched here, and only here; tests/render/test_widths.py fails the moment
# rich renames it or stops reading it.
NO_BREAK_WORD = re.compile(r"[^\S\u00a0\u202f]*[\S\u00a0\u202f]+[^\S\u00a0\u202f]*")
rich._wrap.re_word = NO_BREAK_WORD


class FitTable(Table):
    """A table whose columns at ``drop_first`` go before any other when the width is short."""

    drop_first: tuple[int, ...] = ()


class FittingConsole(Console):
    """A console on which no word is split mid-word, whatever the width.

    Free text wraps at spaces and a word longer than the line is cut with ``…``; a table too wide even
    with every column at its narrowest loses columns from the right (a :class:`FitTable` names which
    go first) and a line says which; below :data:`NARROW` columns a table becomes a plain list.
    """

    lang: str = "en"

    def print(self, *objects: Any, **kwargs: Any) -> None:
        kwargs.setdefault("overflow", "ellipsis")
        for item in objects:
            if isinstance(item, Table):
                self._print_table(item, **kwargs)
            else:
                super().print(item, **kwargs)
        if not objects:
            super().print(**kwargs)

    def _print_table(self, table: Table, **kwargs: Any) -> None:
        for column in table.columns:
            if column.overflow == "fold":
                column.overflow = "ellipsis"
        if self.width < NARROW:
            for line in listed(table, self.lang):
                super().print(line, **kwargs)
            return
        left_out = fit(self, table)
        super().print(table, **kwargs)
        if left_out:
            note = t("columns_left_out", self.lang, columns=", ".join(left_out))
            super().print(Text(note, style="dim"), **kwargs)


def narrowest(console: Console, table: Table) -> int:
    """The fewest cells the table takes with no word split: a no-wrap column whole, others at their longest word.

    Measured here, column by column: rich's own measure takes a no-wrap header at its longest word.
    """
    wide = console.options.update_width(_UNBOUNDED)
    _, right, _, left = table.padding
    last = len(table.columns) - 1
    total = (last if table.box else 0) + (2 if table.box and table.show_edge else 0)
    for index, column in enumerate(table.columns):
        sizes = [Measurement.get(console, wide, cell) for cell in [column.header, *column.cells]]
        cells = max((m.maximum if column.no_wrap else m.minimum) for m in sizes)
        if column.min_width and not column.no_wrap:
            cells = column.min_width  # a longer word is cut with … rather than widen the table
        cells = max(cells, column.min_width or 0, column.width or 0)
        cells = min(cells, column.max_width) if column.max_width else cells
        edge = not table.pad_edge
        total += cells + (0 if edge and index == 0 else left) + (0 if edge and index == last else right)
    return total


def widest(console: Console, table: Table) -> int:
    """The cells the table takes with no cell wrapped."""
    return Measurement.get(console, console.options.update_width(_UNBOUNDED), table).maximum


def fit(console: Console, table: Table) -> list[str]:
    """Leave out columns until the table fits the console without splitting a word; their headers, in order."""
    columns = list(table.columns)
    order = list(getattr(table, "drop_first", ()))
    while len(table.columns) > 2 and narrowest(console, table) > console.width:
        table.columns.pop(order.pop() if order else len(table.columns) - 1)
    kept = {id(column) for column in table.columns}
    return [as_text(c.header) for c in columns if id(c) not in kept and as_text(c.header).strip()]


def as_text(cell: RenderableType) -> str:
    """A cell's words, without styles."""
    if isinstance(cell, Text):
        return cell.plain
    return cell if isinstance(cell, str) else ""


def listed(table: Table, lang: str) -> Iterable[Text]:
    """The table row by row: the first cell, then each other column as ``header: value``, indented."""
    if table.title:
        yield Text(as_text(table.title), style="bold")
    by_column = [[as_text(cell).strip() for cell in column.cells] for column in table.columns]
    for row in zip(*by_column, strict=True):
        yield Text(row[0])
        for column, cell in zip(table.columns[1:], row[1:], strict=True):
            header = as_text(column.header).strip()
            if cell:
                yield Text(f"  {header}{colon(lang)}{cell}" if header else f"  {cell}")
