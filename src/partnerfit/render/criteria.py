"""Show a criteria set: a rich tree for people, a JSON document for machines."""

from __future__ import annotations

import io
import json
from typing import Any

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from partnerfit.criteria_set import CriteriaSet, ResolvedCriterion
from partnerfit.i18n import t
from partnerfit.models import label_text
from partnerfit.render import RenderOptions
from partnerfit.render.table import make_console


def criteria_json(criteria: CriteriaSet, lang: str) -> str:
    """The set with effective weights, scales, directions, knock-outs and level anchors."""
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
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _criterion_node(c: ResolvedCriterion, lang: str) -> Text:
    line = Text()
    line.append(f"{c.effective_weight:6.1%}  ", style="bold")
    line.append(c.text(lang), style="bold")
    line.append(f"  ({c.id})", style="dim")
    facts = [f"{t('scale', lang)} {c.low:g}–{c.high:g}", t(f"direction_{c.direction}", lang)]
    if c.minimum is not None:
        facts.append(f"{t('knockout', lang)} < {c.minimum:g}")
    if c.maximum is not None:
        facts.append(f"{t('knockout', lang)} > {c.maximum:g}")
    line.append("\n  " + " · ".join(facts), style="cyan")
    description = label_text(c.description, lang)
    if description:
        line.append(f"\n  {description}", style="italic")
    for level, anchor in c.levels.items():
        line.append(f"\n  {level}: {label_text(anchor, lang)}", style="dim")
    return line


def criteria_tree(criteria: CriteriaSet, options: RenderOptions) -> str:
    """Groups and criteria with effective weights, then the gates."""
    lang = options.lang
    buffer = io.StringIO()
    console: Console = make_console(options, buffer)
    tree = Tree(Text(f"{criteria.title_text(lang)} ({criteria.name})", style="bold"))
    if criteria.groups:
        for group in criteria.groups:
            branch = tree.add(
                Text(
                    f"{group.effective_weight:6.1%}  {group.text(lang)}  ({group.id})",
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
            gates.add(Text(f"{label_text(gate.label, lang, gid)}  ({gid})"))
    console.print(tree)
    return buffer.getvalue()


def sets_table(entries: list[tuple[str, str, int]], options: RenderOptions) -> str:
    """The list of built-in sets: name, title, number of criteria."""
    buffer = io.StringIO()
    console = make_console(options, buffer)
    console.print(Text(t("builtin_sets", options.lang), style="bold"))
    for name, title, count in entries:
        console.print(Text(f"  {name:<16} {title} ({count})"))
    return buffer.getvalue()
