"""The `tune` screen (Textual): the criteria tree with weights and stability bands, the live ranking, the verdict."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.console import Console
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Static

from partnerfit.analysis.tuning import Item, Tuning, View
from partnerfit.contract.models import MissingPolicy
from partnerfit.errors import PartnerfitError
from partnerfit.i18n import t
from partnerfit.i18n.numerals import figure, percent
from partnerfit.project.loading import Project
from partnerfit.render.sanitize import terminal

# Okabe–Ito colours, told apart by colour-blind readers; every move also has its own symbol
UP, DOWN, BAND = "bold #56B4E9", "bold #E69F00", "#0072B2"
SCENARIO_ID = re.compile(r"^\S+$")


@dataclass
class Session:
    """What the screen works on: the file, its loaded project, the tuning state and the words' language."""

    path: Path
    project: Project
    tuning: Tuning


def open_tuning(path: Path, *, method: str = "wsm", missing: MissingPolicy | None = None) -> Session:
    """Load ``path`` and start tuning it with ``method`` (for tests and benchmarks; the command loads its own)."""
    from partnerfit.project.loading import load

    project = load(path)
    return Session(path, project, Tuning.of(project, method=method, missing=missing))


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, an ellipsis marking the cut."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def band(view: View, item: Item, share: float, width: int, axis: float) -> Text:
    """The weight's axis 0–``axis``: ━ where the leader stays first, · where another leads, ● the weight.

    A nested criterion moves within its group: past the group's total (its keys cannot take it
    there) the axis is left blank, and a criterion alone in its group cannot move at all.
    """
    interval = view.interval(item.id)
    low, high = (0.0, 1.0) if interval is None else (interval.low, interval.high)
    reach = view.weights[item.group] if item.nested else 1.0
    fixed = item.nested and len(item.pool) == 1
    cells = Text()
    at = min(int(share / axis * width), width - 1)
    for i in range(width):
        middle = (i + 0.5) * axis / width
        if i == at:
            cells.append("●", style="bold")
        elif fixed or middle > reach:
            cells.append(" ")
        elif low <= middle <= high:
            cells.append("━", style=BAND)
        else:
            cells.append("·", style="dim")
    cells.append("»" if high > axis else " ", style=BAND)
    return cells


def tree_lines(session: Session, view: View, lang: str, width: int, height: int, selected: int) -> Text:
    """The criteria tree, one item a line, scrolled to keep ``selected`` in sight."""
    words = labels(session, lang)
    bar = max(8, min(24, width // 3))
    axis = 0.5 if max(view.weights.values(), default=0.0) <= 0.4 else 1.0
    items = session.tuning.items
    first = min(max(0, selected - height + 2), max(0, len(items) - height + 1))
    out = Text(clip(t("tune_tree_title", lang, axis=percent(axis, lang, 0)), width), style="bold")
    for k in range(first, min(len(items), first + height - 1)):
        item = items[k]
        interval = view.interval(item.id)
        mark = "▸ " if k == selected else "  "
        flag = "!" if interval is not None and interval.decisive else " "
        indent = "  " if item.nested else ""
        name = clip(indent + words.get(item.id, item.id), width - bar - 11)
        share = view.weights[item.id]
        line = Text(f"\n{mark}{name:<{width - bar - 11}} {flag}{figure('weight', 100 * share, lang):>5} ")
        if k == selected:  # the name and weight only: the band keeps its own cells readable
            line.stylize("reverse", 1)
        line.append_text(band(view, item, share, bar, axis))
        out.append_text(line)
    return out


def ranking_lines(session: Session, view: View, lang: str, width: int, height: int) -> Text:
    """The ranking: rank, ▲/▼ places moved since the file's weights, name and score."""
    candidates = session.project.file.candidates
    out = Text(clip(t("tune_ranking_title", lang, method=view.method), width), style="bold")
    for row in view.rows[: height - 1]:
        name = clip(terminal(candidates[row.id].name or row.id), width - 15)
        out.append(f"\n{row.rank:>3} ")
        if row.moved > 0:
            out.append(f"▲{min(row.moved, 99):<2}", style=UP)
        elif row.moved < 0:
            out.append(f"▼{min(-row.moved, 99):<2}", style=DOWN)
        else:
            out.append("   ")
        out.append(f" {name:<{width - 15}} {figure('score', row.score, lang):>5}")
    return out


def labels(session: Session, lang: str) -> dict[str, str]:
    """Every group's and criterion's label in ``lang``, made inert for the terminal."""
    criteria = session.project.criteria
    words = {g.id: g.text(lang) for g in criteria.groups} | {c.id: c.text(lang) for c in criteria.criteria}
    return {key: terminal(word) for key, word in words.items()}


def verdict_text(session: Session, view: View, lang: str) -> Text:
    """The close-call verdict of the current weights, as `score` words it under its table."""
    verdict = view.close_call
    if verdict is None or verdict.runner_up is None:
        return Text(t("tune_single", lang))
    names = {cid: terminal(c.name or cid) for cid, c in session.project.file.candidates.items()}
    words = labels(session, lang)
    key = "sens_close" if verdict.close else "sens_clear"
    line = t(key, lang, leader=names[verdict.leader], runner=names[verdict.runner_up])
    line += t("sens_margin", lang, margin=figure("points", verdict.margin or 0.0, lang))
    change = verdict.change
    text = Text(line, style="bold" if verdict.close else "")
    if change is not None:
        item = words.get(change.id, change.id)
        to, weight = percent(change.to, lang), percent(change.weight, lang)
        text.append("\n" + t("sens_change", lang, item=item, weight=weight, to=to, leader=names[change.leader]))
    return text


class TuneApp(App[None]):
    """Walking weights: move one, watch the ranking, the bands and the verdict follow."""

    CSS = """
    Screen { layout: vertical; }
    #top { height: 1fr; }
    #tree { width: 55%; padding: 0 1 0 0; }
    #ranking { width: 45%; border-left: vkey $secondary; padding: 0 0 0 1; }
    #verdict { height: 2; background: $boost; }
    #keys { height: 1; }
    #name { display: none; height: 1; border: none; padding: 0; }
    """
    AUTO_FOCUS = None  # the keys move weights; the name field takes focus only while saving
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "select(-1)", show=False),
        Binding("down,j", "select(1)", show=False),
        Binding("right,l,plus,equals_sign", "move(1)", show=False),
        Binding("left,h,minus", "move(-1)", show=False),
        Binding("shift+right,L", "move(5)", show=False),
        Binding("shift+left,H", "move(-5)", show=False),
        Binding("u", "undo", show=False),
        Binding("r", "reset", show=False),
        Binding("m", "method", show=False),
        Binding("s", "save", show=False),
        Binding("q", "quit", show=False),
        Binding("escape", "cancel", show=False),
    ]

    def __init__(self, session: Session, lang: str = "en") -> None:
        super().__init__()
        self.session, self.lang, self.selected = session, lang, 0
        self.view = session.tuning.view()
        self.title = f"partnerfit tune · {session.path.name}"

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Static(id="tree")
            yield Static(id="ranking")
        yield Static(id="verdict")
        yield Static(id="keys")
        yield Input(placeholder=t("tune_save_prompt", self.lang), id="name")

    def on_mount(self) -> None:
        self.call_after_refresh(self.draw)  # the panels' widths are known once laid out

    def on_resize(self) -> None:
        self.call_after_refresh(self.draw)

    def draw(self, status: str = "") -> None:
        """Redraw every panel from the current view (the screen's size decides widths and lines)."""
        tree, ranking = self.query_one("#tree", Static), self.query_one("#ranking", Static)
        session, view, lang = self.session, self.view, self.lang
        verdict = verdict_text(session, view, lang)
        # the verdict gets every line it needs (up to 6): the panels scroll, the sentence is never cut
        lines = min(len(verdict.wrap(Console(width=max(self.size.width, 20)), max(self.size.width, 20))), 6)
        self.query_one("#verdict", Static).styles.height = lines
        self.query_one("#verdict", Static).update(verdict)
        height = max(self.size.height - lines - 1, 3)
        tree.update(tree_lines(session, view, lang, max(tree.size.width - 1, 30), height, self.selected))
        ranking.update(ranking_lines(session, view, lang, max(ranking.size.width - 1, 22), height))
        # a status replaces the keys' line until the next key press: one line fewer at 80×24
        keys = Text(status, style="bold") if status else Text(t("tune_keys", self.lang), style="dim")
        self.query_one("#keys", Static).update(keys)

    def changed(self, done: bool, status: str = "") -> None:
        if done:
            self.view = self.session.tuning.view()
        self.draw(status)

    def action_select(self, step: int) -> None:
        self.selected = (self.selected + step) % len(self.session.tuning.items)
        self.draw()

    def action_move(self, points: int) -> None:
        tuning = self.session.tuning
        self.changed(tuning.move(tuning.items[self.selected], points / 100.0))

    def action_undo(self) -> None:
        done = self.session.tuning.undo()
        self.changed(done, "" if done else t("tune_nothing_to_undo", self.lang))

    def action_reset(self) -> None:
        self.changed(self.session.tuning.reset(), t("tune_reset", self.lang))

    def action_method(self) -> None:
        tuning = self.session.tuning
        method = tuning.next_method()
        try:
            tuning.switch(method)
        except PartnerfitError:  # this file's data does not suit the method (gaps, scores at 0): skip it
            self.changed(False, t("tune_method_refused", self.lang, method=method))
            return
        self.changed(True)

    def action_save(self) -> None:
        field = self.query_one("#name", Input)
        self.query_one("#keys", Static).display = False
        field.display = True
        field.focus()

    def action_cancel(self) -> None:
        field = self.query_one("#name", Input)
        field.display = False
        field.value = ""
        self.query_one("#keys", Static).display = True
        self.set_focus(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        self.action_cancel()
        if not SCENARIO_ID.match(name):
            self.draw(t("tune_bad_name", self.lang))
            return
        self.draw(save(self.session, name, self.lang))


def save(session: Session, name: str, lang: str) -> str:
    """Write the current weights into the file as scenario ``name``; the status line saying how it went."""
    from partnerfit.cli.common import spoken
    from partnerfit.io.atomic import replace_atomically
    from partnerfit.project.scenario_edit import ScenarioEditError, save_scenario

    try:
        text = save_scenario(session.path, name, session.tuning.overrides(digits=3))
        replace_atomically(session.path, [text.encode("utf-8")])
    except ScenarioEditError as exc:
        return spoken(exc.message)
    except OSError as exc:
        return t("tune_not_saved", lang, path=str(session.path), reason=exc.strerror or str(exc))
    return t("tune_saved", lang, name=name, path=str(session.path))
