"""The footer line saying whether the file's consensus rules hold (tables and Markdown)."""

from __future__ import annotations

from partnerfit.i18n import t
from partnerfit.result.model import Result


def consensus_lines(result: Result, lang: str) -> list[str]:
    """One line when the file has consensus rules: held, or not met with how many failures; else none."""
    status = result.consensus
    if status is None:
        return []
    rules = []
    if status.min_assessors is not None:
        rules.append(t("consensus_rule_assessors", lang, count=status.min_assessors))
    if status.min_alpha is not None:
        rules.append(t("consensus_rule_alpha", lang, alpha=f"{status.min_alpha:g}"))
    if status.held:
        return [t("consensus_held", lang, rules=", ".join(rules))]
    return [t("consensus_failed", lang, rules=", ".join(rules), count=status.failing_count)]
