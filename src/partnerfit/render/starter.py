"""Write the commented starter candidates file of `partnerfit init` from a criteria set."""

from __future__ import annotations

import json
import re

from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.models import label_text
from partnerfit.contract.schema import schema_url
from partnerfit.i18n import t
from partnerfit.render.sanitize import json_text, terminal

# the two sample candidates: id, then the catalogue keys of their name and type
_EXAMPLES = (
    ("example_lab", "starter_lab_name", "starter_lab_type"),
    ("example_startup", "starter_startup_name", "starter_startup_type"),
)


def _quote(text: str) -> str:
    return json_text(json.dumps(text, ensure_ascii=False))  # C1 and bidi controls as \u escapes, which YAML reads


def _plain_or_quoted(text: str) -> str:
    return text if re.fullmatch(r"[\w./-]+", text) else _quote(text)


def starter_text(criteria: CriteriaSet, lang: str = "en", reference: str | None = None) -> str:
    """A valid candidates file with every criterion and gate of ``criteria``, commented."""
    lines = [
        f"# yaml-language-server: $schema={schema_url('candidates', criteria.name)}",
        *t("starter_header", lang).splitlines(),
        "partnerfit: 1",
        "kind: candidates",
        f"title: {_quote(t('starter_title', lang))}",
        f"objective: {_quote(t('starter_objective', lang))}",
        f"criteria: {_plain_or_quoted(reference or criteria.name)}",
        t("starter_weights", lang),
        "candidates:",
    ]
    for index, (cid, name, kind) in enumerate(_EXAMPLES):
        lines += [
            f"  {cid}:",
            f"    name: {_quote(t(name, lang))}",
            f"    type: {_plain_or_quoted(t(kind, lang))}",
            f"    tags: [{_plain_or_quoted(t('starter_tag', lang))}]",
        ]
        if criteria.gates:
            lines.append(t("starter_gates", lang))
            for gate_id, gate in criteria.gates.items():
                label = terminal(label_text(gate.label, lang, gate_id))  # a comment ends at a line break
                lines.append(f"      {_plain_or_quoted(gate_id)}: false   # {label}")
        lines.append("    scores:")
        group = None
        for c in criteria.criteria:
            if c.group != group and c.group is not None:
                group = c.group
                group_label = next(g.text(lang) for g in criteria.groups if g.id == group)
                lines.append(f"      # {terminal(group_label)}")
            middle = (c.low + c.high) / 2
            value = middle if index == 0 else (c.high if c.direction == "higher" else c.low)
            knock = f"; minimum {c.minimum:g}" if c.minimum is not None else ""
            knock += f"; maximum {c.maximum:g}" if c.maximum is not None else ""
            levels = "; ".join(f"{k}={label_text(v, lang)}" for k, v in c.levels.items())
            comment = f"{c.text(lang)} [{c.low:g}–{c.high:g}]{t('starter_lower', lang) if c.direction == 'lower' else ''}{knock}"
            if index == 0 and levels:
                comment += f" — {levels}"
            entry = (
                f"{{score: {value:g}, note: {_quote(t('starter_note', lang))}}}"
                if c is criteria.criteria[0]
                else f"{value:g}"
            )
            lines.append(f"      {_plain_or_quoted(c.id)}: {entry}   # {terminal(comment)}")
    return "\n".join(lines) + "\n"
