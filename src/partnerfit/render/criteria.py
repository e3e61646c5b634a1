"""Show a criteria set: a rich tree for people, a JSON document for machines."""

from __future__ import annotations

import io
import json
from typing import Any

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from partnerfit.contract.criteria_set import CriteriaSet, ResolvedCriterion
from partnerfit.contract.models import label_text
from partnerfit.contract.weighting import WeightOrigin
from partnerfit.i18n import t
from partnerfit.i18n.numerals import figure, percent
from partnerfit.render import RenderOptions
from partnerfit.render.decimals import written_numbers
from partnerfit.render.sanitize import json_text, terminal_lines
from partnerfit.render.table import for_terminal, make_console, plain


def criteria_json(criteria: CriteriaSet, options: RenderOptions) -> str:
    """The set with effective weights, scales, directions, knock-outs and level anchors, labelled in ``options.lang``."""
    lang = options.lang
    document: dict[str, Any] = {
        "name": criteria.name,
        "title": criteria.title_text(lang),
        "missing": criteria.missing,
        "groups": {
            g.id: {
                "label": g.text(lang),
                "weight": g.effective_weight,
                "criteria": list(g.criteria),
            }
            for g in criteria.groups
        },
        "criteria": {
            c.id: {
                "label": c.text(lang),
                "description": label_text(c.description, lang),
                "group": c.group,
                "weight": c.effective_weight,
                "scale": [c.low, c.high],
                "direction": c.direction,
                "minimum": c.minimum,
                "maximum": c.maximum,
                "levels": {k: label_text(v, lang) for k, v in c.levels.items()},
            }
            for c in criteria.criteria
        },
        "gates": {gid: label_text(g.label, lang, gid) for gid, g in criteria.gates.items()},
        "weighting": [
            {"scope": o.scope or None, "method": o.method, **({"cr": o.cr} if o.method == "ahp" else {})}
            for o in criteria.origins
        ],
    }
    return json_text(json.dumps(written_numbers(document), ensure_ascii=False, indent=2)) + "\n"


def _criterion_node(c: ResolvedCriterion, lang: str) -> Text:
    line = Text()
    line.append(f"{percent(c.effective_weight, lang):>6}  ", style="bold")
    line.append(for_terminal(c.text(lang)), style="bold")
    line.append(f"  ({for_terminal(c.id)})", style="dim")
    low, high = figure("value", c.low, lang), figure("value", c.high, lang)
    facts = [f"{t('scale', lang)} {low}–{high}", t(f"direction_{c.direction}", lang)]
    if c.minimum is not None:
        facts.append(f"{t('knockout', lang)} < {figure('value', c.minimum, lang)}")
    if c.maximum is not None:
        facts.append(f"{t('knockout', lang)} > {figure('value', c.maximum, lang)}")
    line.append("\n  " + " · ".join(facts), style="cyan")
    description = label_text(c.description, lang)
    if description:
        line.append(f"\n  {for_terminal(description)}", style="italic")
    for level, anchor in c.levels.items():
        line.append(f"\n  {for_terminal(f'{level}: {label_text(anchor, lang)}')}", style="dim")
    return line


def _origin(origin: WeightOrigin | None, lang: str) -> str:
    """`` — weights: AHP, CR 0.043`` when sibling weights are derived rather than written."""
    if origin is None or origin.method == "direct":
        return ""
    how = f"AHP, CR {figure('ratio', origin.cr, lang)}" if origin.method == "ahp" else origin.method
    return f" — {t('weights', lang).lower()}: {how}"


def criteria_tree(criteria: CriteriaSet, options: RenderOptions) -> str:
    """Groups and criteria with effective weights, then the gates."""
    lang = options.lang
    buffer = io.StringIO()
    console: Console = make_console(options, buffer)
    origins = {o.scope: o for o in criteria.origins}
    tree = Tree(plain(f"{criteria.title_text(lang)} ({criteria.name}){_origin(origins.get(''), lang)}", style="bold"))
    if criteria.groups:
        for group in criteria.groups:
            branch = tree.add(
                plain(
                    f"{percent(group.effective_weight, lang):>6}  {group.text(lang)}  ({group.id}){_origin(origins.get(group.id), lang)}",
                    style="bold magenta",
                )
            )
            for cid in group.criteria:
                branch.add(_criterion_node(criteria.criterion(cid), lang))
    else:
        for c in criteria.criteria:
            tree.add(_criterion_node(c, lang))
    if criteria.gates:
        gates = tree.add(Text(t("gates", lang), style="bold red"))
        for gid, gate in criteria.gates.items():
            gates.add(plain(f"{label_text(gate.label, lang, gid)}  ({gid})"))
    console.print(tree)
    return terminal_lines(buffer.getvalue(), colour=options.color)


def sets_table(entries: list[tuple[str, str, int]], options: RenderOptions) -> str:
    """The list of built-in sets: name, title, number of criteria."""
    buffer = io.StringIO()
    console = make_console(options, buffer)
    console.print(Text(t("builtin_sets", options.lang), style="bold"))
    for name, title, count in entries:
        console.print(plain(f"  {name:<16} {title} ({count})"))
    return terminal_lines(buffer.getvalue(), colour=options.color)
