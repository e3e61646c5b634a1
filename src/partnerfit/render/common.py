"""Text pieces shared by the human-readable renderers: labels, footer lines, number format."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from partnerfit.contract.models import label_text
from partnerfit.engine.registry import get as method_of
from partnerfit.i18n import method_text, reason_text, t, tn
from partnerfit.i18n.numerals import PRECISION, figure, number, percent
from partnerfit.result.model import CandidateResult, Result


def fmt_score(value: float | None, digits: int = PRECISION["score"], lang: str = "en") -> str:
    """A 0–100 figure for people (full precision stays in JSON and CSV)."""
    return number(value, lang, digits)


def reasons_text(result: Result, entry: CandidateResult, lang: str) -> str:
    """An excluded candidate's reasons, with criterion labels in ``lang``."""
    labels = {c.id: c.text(lang) for c in result.criteria.criteria}
    return "; ".join(
        reason_text(r, lang, labels.get(r.subject) if r.code != "gate" else r.subject) for r in entry.reasons
    )


def group_columns(result: Result, lang: str, *, short: bool = False) -> list[tuple[str, str]]:
    """(id, label) of each group, or (id, short header); flat sets have none."""
    return [(g.id, g.short_text(lang) if short else g.text(lang)) for g in result.criteria.groups]


def score_digits(entries: Sequence[CandidateResult]) -> int:
    """Decimals needed so that candidates with different ranks never show the same score."""
    for digits in (1, 2, 3):
        shown: dict[str, int | None] = {}
        if all(shown.setdefault(number(e.score or 0.0, "en", digits), e.rank) == e.rank for e in entries):
            return digits
    return 4


TIE_GROUPS = 5  # tie groups named in a footer; JSON lists them all


def colon(lang: str) -> str:
    """': ' in English, ' : ' in French typography."""
    return " : " if lang == "fr" else ": "


def footer_lines(result: Result, lang: str, shown: Sequence[CandidateResult] | None = None) -> list[str]:
    """Method, criteria set and weights, ties, missing policy, assessors, notes, disagreements.

    Notes and disagreements concern the candidates ``shown`` (all of them by default); lines that
    detail a footnote start with two spaces.
    """
    criteria = result.criteria
    entries = result.ranking if shown is None else shown
    sep = colon(lang)
    if criteria.groups:
        weights = " · ".join(f"{g.text(lang)} {percent(g.effective_weight, lang)}" for g in criteria.groups)
    else:
        weights = " · ".join(f"{c.text(lang)} {percent(c.effective_weight, lang)}" for c in criteria.criteria)
    shown_ids = {c.id for c in entries}
    ties = [group for group in result.ties if shown_ids.intersection(group)]
    tie_text = "; ".join(" = ".join(group) for group in ties[:TIE_GROUPS]) if ties else t("no_ties", lang)
    if len(ties) > TIE_GROUPS:
        tie_text += f" {tn('and_more_ties', len(ties) - TIE_GROUPS, lang)}"
    lines = [
        f"{t('method', lang)}{sep}{method_text(method_of(result.method), 'label', lang, **_method_values(result))}",
        f"{t('criteria_set', lang)}{sep}{criteria.name} — {criteria.title_text(lang)}",
        f"{t('weights', lang)}{sep}{weights}",
        *(
            [
                f"{t('weights_overridden', lang)}{sep}"
                + ", ".join(f"{k}={figure('value', v, lang)}" for k, v in criteria.overrides.items())
            ]
            if criteria.overrides
            else []
        ),
        *([f"{t('scenario', lang)}{sep}{scenario_name(result.scenario, lang)}"] if result.scenario else []),
        f"{t('ties', lang)}{sep}{tie_text} ({t('tie_rule', lang)})",
        f"{t('missing_policy', lang)}{sep}{t('missing_' + result.missing, lang)}",
    ]
    if "acceptable_advantage" in result.method_details:
        details = result.method_details
        lines.append(
            t(
                "vikor_conditions",
                lang,
                advantage=t("yes" if details.get("acceptable_advantage") else "no", lang),
                stability=t("yes" if details.get("acceptable_stability") else "no", lang),
                compromise=", ".join(details.get("compromise", [])),
            )
        )
    if any(c.assessors > 1 for c in result.ranking):
        lines.append(f"{t('aggregate', lang)}{sep}{t(result.aggregate, lang)}")
    lines += _close_call_lines(result, lang)
    lines += note_lines(result, entries, lang)
    labels = {c.id: c.text(lang) for c in criteria.criteria}
    flagged = [c for c in entries if c.disagreement]
    if flagged:
        lines.append(t("disagreement_note", lang))
        lines += [
            f"  {entry.name}{sep}"
            + ", ".join(f"{labels[cid]} ({figure('value', entry.spread[cid], lang)})" for cid in entry.disagreement)
            for entry in flagged
        ]
    return lines


def _close_call_lines(result: Result, lang: str) -> list[str]:
    """⚠ no clear winner, the margin and rank-1 share, and the smallest weight change that flips it."""
    verdict = result.close_call
    if verdict is None or not verdict.close:
        return []
    names = {c.id: c.name for c in result.ranked[:2]}
    leader, runner = verdict.leader, verdict.runner_up or ""
    line = t("sens_close", lang, leader=names.get(leader, leader), runner=names.get(runner, runner))
    line += t("sens_margin", lang, margin=figure("points", verdict.margin or 0.0, lang))
    if verdict.first_rank is not None:
        line += t("sens_first_share", lang, share=percent(verdict.first_rank, lang))
    lines = [line]
    change = verdict.change
    if change is not None:
        criteria = result.criteria
        if change.level == "group":
            item = next((g.text(lang) for g in criteria.groups if g.id == change.id), change.id)
        else:
            item = criteria.criterion(change.id).text(lang)
        new = names.get(change.leader) or next((c.name for c in result.ranked if c.id == change.leader), change.leader)
        lines.append(
            "  "
            + t(
                "sens_change",
                lang,
                item=item,
                weight=percent(change.weight, lang),
                to=percent(change.to, lang),
                leader=new,
            )
        )
    return lines


def _method_values(result: Result) -> dict[str, Any]:
    return {"v": result.method_details.get("v", 0.5)} if "v" in result.method_details else {}


def note_lines(result: Result, entries: Sequence[CandidateResult], lang: str, shown: int = 3) -> list[str]:
    """One line per unanswered gate and unscored knock-out criterion, by its label, with the candidates concerned."""
    labels = {c.id: c.text(lang) for c in result.criteria.criteria}
    labels |= {g: label_text(gate.label, lang, g) for g, gate in result.criteria.gates.items()}
    concerned: dict[str, list[str]] = {}
    for entry in entries:
        for note in entry.notes:
            text = reason_text(note, lang, labels.get(note.subject))
            concerned.setdefault(text[:1].upper() + text[1:], []).append(entry.name)
    lines = []
    for text, names in concerned.items():
        more = f" {tn('and_more', len(names) - shown, lang)}" if len(names) > shown else ""
        lines.append(f"{text}{colon(lang)}{', '.join(names[:shown])}{more}")
    return lines


def scenario_name(scenario: Mapping[str, Any], lang: str) -> str:
    """What a scenario ({id, label}) is called in ``lang``: its label, else its id."""
    return label_text(scenario.get("label"), lang, str(scenario.get("id", "")))
