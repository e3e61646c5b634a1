"""The pieces of a diff's rendering: labels, cells and grids shared by its table and Markdown forms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from partnerfit.analysis.diff import DefinitionChange, ProjectDiff, RankChange, Standing, WeightChange
from partnerfit.analysis.diff_criteria import CriteriaSetsDiff
from partnerfit.i18n import reason_text, t, tn
from partnerfit.i18n.numerals import figure, number, percent
from partnerfit.render.common import colon
from partnerfit.render.sanitize import md_row
from partnerfit.result.model import Reason

ARROW = " → "

# what the criteria parts read: a candidates diff, or a diff of two criteria files
AnyDiff = ProjectDiff | CriteriaSetsDiff


@dataclass(frozen=True)
class _Grid:
    """A table to show: its heading, column headers with alignment ('l' or 'r'), and rows of text."""

    title: str
    headers: Sequence[tuple[str, str]]
    rows: Sequence[Sequence[str]]


def _criterion_label(diff: AnyDiff, cid: str, lang: str) -> str:
    for criteria in (diff.new_criteria, diff.old_criteria):
        if cid in criteria.ids:
            return criteria.criterion(cid).text(lang)
    return cid


def _group_label(diff: AnyDiff, gid: str, lang: str) -> str:
    for criteria in (diff.new_criteria, diff.old_criteria):
        for group in criteria.groups:
            if group.id == gid:
                return group.text(lang)
    return gid


def _names(diff: ProjectDiff, ids: Sequence[str]) -> str:
    return ", ".join(diff.names.get(cid, cid) for cid in ids)


def _reasons(diff: ProjectDiff, reasons: Sequence[Reason], lang: str) -> str:
    return "; ".join(
        reason_text(r, lang, r.subject if r.code == "gate" else _criterion_label(diff, r.subject, lang))
        for r in reasons
    )


def summary_line(diff: ProjectDiff, lang: str) -> str:
    """``Leader unchanged: X`` or ``New leader: Y (was X)``."""
    old = _names(diff, diff.old_leaders) or t("diff_nobody", lang)
    new = _names(diff, diff.new_leaders) or t("diff_nobody", lang)
    if diff.leader_changed:
        return t("diff_new_leader", lang, name=new, old=old)
    return t("diff_leader_unchanged", lang, name=new)


def _counts_line(diff: ProjectDiff, lang: str) -> str:
    scores = sum(len(c.scores) for c in diff.changed)
    return t(
        "diff_counts",
        lang,
        method=diff.method,
        top=diff.top,
        entered=tn("n_entered", len(diff.entered), lang),
        left=tn("n_left", len(diff.left), lang),
        ranks=tn("n_changed_standing", len(diff.ranks), lang),
        scores=tn("n_scores_changed", scores, lang),
        candidates=tn("n_candidates", sum(bool(c.scores) for c in diff.changed), lang),
    )


def _num(value: float | None, lang: str) -> str:
    return t("diff_none", lang) if value is None else figure("value", value, lang)


def _rank_cell(standing: Standing, lang: str) -> str:
    if standing.status == "ranked":
        return str(standing.rank)
    return t("diff_excluded_short", lang) if standing.status == "excluded" else "–"


def _score_pair(change: RankChange, lang: str) -> str:
    def fmt(standing: Standing) -> str:
        return figure("points", standing.score, lang)  # to two decimals, so that a small move shows

    if change.old.status == "absent":
        return fmt(change.new)
    if change.new.status == "absent":
        return fmt(change.old)
    return fmt(change.old) + ARROW + fmt(change.new)


def _change_cell(diff: ProjectDiff, change: RankChange, lang: str) -> str:
    kind = change.kind
    if kind == "moved" and change.old.rank is not None and change.new.rank is not None:
        step = change.old.rank - change.new.rank
        text = f"↑{step}" if step > 0 else f"↓{-step}"
        top = diff.top
        if change.old.rank > top >= change.new.rank:
            text += f" ({t('diff_enters_top', lang, top=top)})"
        elif change.new.rank > top >= change.old.rank:
            text += f" ({t('diff_leaves_top', lang, top=top)})"
        return text
    sep = colon(lang)
    if kind == "excluded":
        return f"{t('diff_kind_excluded', lang)}{sep}{_reasons(diff, change.new.reasons, lang)}"
    if kind == "readmitted":
        return f"{t('diff_kind_readmitted', lang)} ({t('diff_was', lang, reasons=_reasons(diff, change.old.reasons, lang))})"
    if kind == "added" and change.new.status == "excluded":
        return (
            f"{t('diff_kind_added', lang)}, {t('diff_kind_excluded', lang)}: {_reasons(diff, change.new.reasons, lang)}"
        )
    return t(f"diff_kind_{kind}", lang)


def _rank_grid(diff: ProjectDiff, lang: str) -> _Grid:
    rows = [
        [
            change.name,
            _rank_cell(change.old, lang) + ARROW + _rank_cell(change.new, lang),
            _score_pair(change, lang),
            _change_cell(diff, change, lang),
        ]
        for change in diff.ranks
    ]
    headers = [
        (t("candidate", lang), "l"),
        (t("rank", lang), "l"),
        (t("score", lang), "r"),
        (t("diff_change", lang), "l"),
    ]
    return _Grid(t("diff_rank_changes", lang, method=diff.method), headers, rows)


def _top_lines(diff: ProjectDiff, lang: str) -> list[str]:
    lines = []
    if diff.entered:
        lines.append(t("diff_entered", lang, top=diff.top, names=_names(diff, diff.entered)))
    if diff.left:
        lines.append(t("diff_left", lang, top=diff.top, names=_names(diff, diff.left)))
    return lines


def _pct_pair(old: float, new: float, lang: str) -> tuple[str, str, str]:
    """Both percentages and their difference in points, with the decimals that tell them apart."""
    digits = next((d for d in (1, 2, 3, 4) if percent(old, lang, d) != percent(new, lang, d)), 6)
    change = number((new - old) * 100, lang, digits, signed=True)
    return percent(old, lang, digits), percent(new, lang, digits), f"{change} pt"


def _weight_grid(diff: AnyDiff, lang: str) -> _Grid:
    rows = [[_weight_label(diff, w, lang), *_pct_pair(w.old, w.new, lang)] for w in diff.criteria.weights]
    headers = [
        (t("diff_criterion_or_group", lang), "l"),
        (t("diff_before", lang), "r"),
        (t("diff_after", lang), "r"),
        (t("diff_change", lang), "r"),
    ]
    return _Grid(t("diff_weights", lang), headers, rows)


def _weight_label(diff: AnyDiff, change: WeightChange, lang: str) -> str:
    if change.kind == "group":
        return f"{_group_label(diff, change.id, lang)} ({t('diff_group', lang)})"
    return _criterion_label(diff, change.id, lang)


def _definition_value(change: DefinitionChange, value: Any, lang: str) -> str:
    if value is None:
        return t("diff_none", lang)
    if change.field == "scale":
        low, high = value
        return f"[{low:g}, {high:g}]"
    if change.field == "direction":
        return t(f"direction_{value}", lang)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _criteria_lines(diff: AnyDiff, lang: str) -> list[str]:
    c = diff.criteria
    sep = colon(lang)
    lines = []
    if c.set_changed:
        old = c.old_name if c.old_source in (c.old_name, "inline") else f"{c.old_name} ({c.old_source})"
        new = c.new_name if c.new_source in (c.new_name, "inline") else f"{c.new_name} ({c.new_source})"
        lines.append(f"{t('criteria_set', lang)}{sep}{old}{ARROW}{new}")
    if c.old_missing != c.new_missing:
        lines.append(f"{t('missing_policy', lang)}{sep}{c.old_missing}{ARROW}{c.new_missing}")
    listed = [
        ("diff_criteria_added", [_criterion_label(diff, x, lang) for x in c.added]),
        ("diff_criteria_removed", [_criterion_label(diff, x, lang) for x in c.removed]),
        ("diff_groups_added", [_group_label(diff, x, lang) for x in c.groups_added]),
        ("diff_groups_removed", [_group_label(diff, x, lang) for x in c.groups_removed]),
        ("diff_gates_added", list(c.gates_added)),
        ("diff_gates_removed", list(c.gates_removed)),
    ]
    lines += [f"{t(key, lang)}{sep}{', '.join(items)}" for key, items in listed if items]
    for d in c.definitions:
        label = _criterion_label(diff, d.criterion, lang)
        field = t(f"diff_field_{d.field}", lang)
        if d.field == "group":
            old, new = _group_label(diff, str(d.old), lang), _group_label(diff, str(d.new), lang)
        else:
            old, new = _definition_value(d, d.old, lang), _definition_value(d, d.new, lang)
        lines.append(f"{label}{sep}{field} {old}{ARROW}{new}")
    return lines


def _score_grid(diff: ProjectDiff, lang: str) -> _Grid:
    with_assessor = any(s.assessor is not None for c in diff.changed for s in c.scores)
    with_note = any(s.note for c in diff.changed for s in c.scores)
    headers = [(t("candidate", lang), "l"), (t("criterion", lang), "l")]
    if with_assessor:
        headers.append((t("diff_assessor", lang), "l"))
    headers += [(t("diff_before", lang), "r"), (t("diff_after", lang), "r")]
    if with_note:
        headers.append((t("diff_note", lang), "l"))
    rows = []
    for change in diff.changed:
        for s in change.scores:
            row = [change.name, _criterion_label(diff, s.criterion, lang)]
            if with_assessor:
                row.append(s.assessor or "–")
            row += [_num(s.old, lang), _num(s.new, lang)]
            if with_note:
                row.append(s.note or "")
            rows.append(row)
    return _Grid(t("diff_score_changes", lang), headers, rows)


def _answer(value: bool | None, lang: str) -> str:
    return t("diff_unanswered", lang) if value is None else t("yes" if value else "no", lang)


def _candidate_lines(diff: ProjectDiff, lang: str) -> list[str]:
    sep = colon(lang)
    lines = []
    if diff.added:
        lines.append(f"{t('diff_candidates_added', lang)}{sep}{', '.join(m.name for m in diff.added)}")
    if diff.removed:
        lines.append(f"{t('diff_candidates_removed', lang)}{sep}{', '.join(m.name for m in diff.removed)}")
    for change in diff.changed:
        lines += [
            t(
                "diff_gate_change",
                lang,
                candidate=change.name,
                gate=g.gate,
                old=_answer(g.old, lang),
                new=_answer(g.new, lang),
            )
            for g in change.gates
        ]
    return lines


def _title(diff: AnyDiff, lang: str) -> str:
    return t("diff_title", lang, old=diff.old_path, new=diff.new_path)


# --- Markdown ------------------------------------------------------------------------------------


def _md_table(grid: _Grid) -> list[str]:
    lines = [md_row(h for h, _ in grid.headers)]
    lines.append("|" + "|".join(":---" if align == "l" else "---:" for _, align in grid.headers) + "|")
    return lines + [md_row(row) for row in grid.rows]
