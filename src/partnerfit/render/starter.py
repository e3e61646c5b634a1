"""Write the commented starter candidates file of `partnerfit init` from a criteria set."""

from __future__ import annotations

import json
import re
from typing import Any

from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.models import label_text
from partnerfit.contract.schema import schema_url
from partnerfit.render.sanitize import json_text, terminal

_EXAMPLES = (
    ("example_lab", "Example research lab", "lab"),
    ("example_startup", "Example start-up", "start-up"),
)


_WORDS: dict[str, dict[str, Any]] = {
    "en": {
        "header": [
            "# partnerfit candidates file — edit it, then run:",
            "#   partnerfit check THIS_FILE     (validate)",
            "#   partnerfit score THIS_FILE     (rank)",
            "# Scores are numbers on each criterion's scale; leave a criterion out if it is not assessed",
            "# yet (it then counts under the criteria set's `missing` policy and lowers coverage).",
            '# A score may carry its rationale: {score: 4, note: "why", evidence: "where it comes from"}.',
        ],
        "title": "Partner search",
        "objective": "Describe the shared objective of the partnership here",
        "weights": "# weights: {loyalty: 20}   # optional what-if overrides of group or criterion weights",
        "gates": "    gates:   # answer true/false (or yes/no); a true answer excludes the candidate",
        "note": "why this score",
        "lower": " lower is better",
    },
    "fr": {
        "header": [
            "# Fichier de candidats partnerfit — complétez-le, puis lancez :",
            "#   partnerfit check CE_FICHIER     (valider)",
            "#   partnerfit score CE_FICHIER     (classer)",
            "# Les notes sont des nombres sur l'échelle de chaque critère ; omettez un critère pas encore",
            "# évalué (il compte alors selon la règle `missing` du jeu de critères et baisse la couverture).",
            '# Une note peut porter sa justification : {score: 4, note: "pourquoi", evidence: "source"}.',
        ],
        "title": "Recherche de partenaires",
        "objective": "Décrivez ici l'objectif partagé du partenariat",
        "weights": "# weights: {loyalty: 20}   # facultatif : pondérations de groupe ou de critère à tester",
        "gates": "    gates:   # répondre true/false (ou yes/no) ; true exclut le candidat",
        "note": "pourquoi cette note",
        "lower": " plus bas = mieux",
    },
}


def _quote(text: str) -> str:
    return json_text(json.dumps(text, ensure_ascii=False))  # C1 and bidi controls as \u escapes, which YAML reads


def _plain_or_quoted(text: str) -> str:
    return text if re.fullmatch(r"[\w./-]+", text) else _quote(text)


def starter_text(criteria: CriteriaSet, lang: str = "en", reference: str | None = None) -> str:
    """A valid candidates file with every criterion and gate of ``criteria``, commented."""
    words = _WORDS.get(lang, _WORDS["en"])
    lines = [
        f"# yaml-language-server: $schema={schema_url('candidates', criteria.name)}",
        *words["header"],
        "partnerfit: 1",
        "kind: candidates",
        f"title: {_quote(words['title'])}",
        f"objective: {_quote(words['objective'])}",
        f"criteria: {_plain_or_quoted(reference or criteria.name)}",
        words["weights"],
        "candidates:",
    ]
    for index, (cid, name, kind) in enumerate(_EXAMPLES):
        lines += [
            f"  {cid}:",
            f"    name: {_quote(name)}",
            f"    type: {kind}",
            "    tags: [example]",
        ]
        if criteria.gates:
            lines.append(words["gates"])
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
            comment = f"{c.text(lang)} [{c.low:g}–{c.high:g}]{words['lower'] if c.direction == 'lower' else ''}{knock}"
            if index == 0 and levels:
                comment += f" — {levels}"
            entry = (
                f"{{score: {value:g}, note: {_quote(words['note'])}}}" if c is criteria.criteria[0] else f"{value:g}"
            )
            lines.append(f"      {_plain_or_quoted(c.id)}: {entry}   # {terminal(comment)}")
    return "\n".join(lines) + "\n"
