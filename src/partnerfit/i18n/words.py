"""English and French words of the interface: headings, footers, reasons (labels come from files)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Protocol

from partnerfit.i18n.analysis import ANALYSIS_TEXTS
from partnerfit.i18n.deliverables import DELIVERABLE_TEXTS

LANGUAGES = ("en", "fr")

_TEXTS: dict[str, dict[str, str]] = {
    "rank": {"en": "Rank", "fr": "Rang"},
    "candidate": {"en": "Candidate", "fr": "Candidat"},
    "score": {"en": "Score", "fr": "Score"},
    "coverage": {"en": "Coverage", "fr": "Couverture"},
    "coverage_short": {"en": "Cov.", "fr": "Couv."},
    "excluded": {"en": "Excluded", "fr": "Exclus"},
    "reasons": {"en": "Reasons", "fr": "Motifs"},
    "type": {"en": "Type", "fr": "Type"},
    "method": {"en": "Method", "fr": "Méthode"},
    "criteria_set": {"en": "Criteria", "fr": "Critères"},
    "weights": {"en": "Weights", "fr": "Poids"},
    "weights_overridden": {"en": "Weights overridden", "fr": "Poids remplacés"},
    "missing_policy": {"en": "Missing scores", "fr": "Notes manquantes"},
    "ties": {"en": "Ties", "fr": "Ex æquo"},
    "no_ties": {"en": "none", "fr": "aucun"},
    "tie_rule": {
        "en": "scores within 1e-9 share a rank, listed by id",
        "fr": "scores à 1e-9 près : même rang, classés par identifiant",
    },
    "aggregate": {"en": "Assessors", "fr": "Évaluateurs"},
    "missing_ignore": {
        "en": "ignore (left out of the score; see coverage)",
        "fr": "ignorer (hors du score ; voir la couverture)",
    },
    "missing_worst": {
        "en": "worst (counted as the worst point of the scale)",
        "fr": "pire (comptée au pire niveau de l'échelle)",
    },
    "missing_error": {
        "en": "error (every score required)",
        "fr": "erreur (toutes les notes exigées)",
    },
    "disagreement_note": {
        "en": "⚠ assessors disagree (spread = max − min ≥ half the scale's range) on:",
        "fr": "⚠ désaccord des évaluateurs (écart = max − min ≥ la moitié de l'échelle) sur :",
    },
    "more_not_shown": {
        "en": "{count} more ranked candidates not shown (--top {top})",
        "fr": "{count} autres candidats classés non affichés (--top {top})",
    },
    "excluded_not_shown": {
        "en": "{count} excluded candidates not shown",
        "fr": "{count} candidats exclus non affichés",
    },
    "compare_only": {
        "en": "only {method} could run: nothing to compare",
        "fr": "seule {method} a pu être appliquée : rien à comparer",
    },
    "compare_nothing": {"en": "no candidate could be ranked", "fr": "aucun candidat n'a pu être classé"},
    "compare_same_top": {
        "en": "the top {count} are the same under all {methods} methods",
        "fr": "les {count} premiers sont les mêmes avec les {methods} méthodes",
    },
    "compare_winner_depends": {"en": "the winner depends on the method", "fr": "le premier dépend de la méthode"},
    "compare_agreement": {
        "en": "{method} vs wsm: Kendall τ = {tau:.3f}, WS = {ws:.3f}",
        "fr": "{method} contre wsm : τ de Kendall = {tau:.3f}, WS = {ws:.3f}",
    },
    "compare_moved": {
        "en": "↕ rank moves by more than one place across methods: {names}",
        "fr": "↕ rang qui varie de plus d'une place selon la méthode : {names}",
    },
    "compare_failed": {"en": "{method} could not run: {reason}", "fr": "{method} n'a pas pu être appliquée : {reason}"},
    "and_more_ties": {"en": "and {count} more tie groups", "fr": "et {count} autres groupes ex æquo"},
    "and_more": {"en": "and {count} more", "fr": "et {count} autres"},
    "objective": {"en": "Objective", "fr": "Objectif"},
    "mean": {"en": "mean", "fr": "moyenne"},
    "median": {"en": "median", "fr": "médiane"},
    "wsm": {
        "en": "weighted sum on the criteria's own scales (wsm)",
        "fr": "somme pondérée sur les échelles des critères (wsm)",
    },
    "wpm": {
        "en": "weighted product on sum-normalised scores (wpm); score = 100 × P / best P",
        "fr": "produit pondéré sur notes normalisées par la somme (wpm) ; score = 100 × P / meilleur P",
    },
    "topsis": {
        "en": "TOPSIS, vector normalisation (topsis); score = 100 × closeness C",
        "fr": "TOPSIS, normalisation vectorielle (topsis) ; score = 100 × proximité C",
    },
    "vikor": {
        "en": "VIKOR, v = {v:g} (vikor); score = 100 × (1 − Q), lower Q is better",
        "fr": "VIKOR, v = {v:g} (vikor) ; score = 100 × (1 − Q), Q plus bas = mieux",
    },
    "promethee": {
        "en": "PROMETHEE II net flow φ (promethee); score = 50 × (φ + 1)",
        "fr": "flux net φ de PROMETHEE II (promethee) ; score = 50 × (φ + 1)",
    },
    "vikor_conditions": {
        "en": "VIKOR: acceptable advantage {advantage}, acceptable stability {stability}; compromise set: {compromise}",
        "fr": "VIKOR : avantage acceptable {advantage}, stabilité acceptable {stability} ; ensemble de compromis : {compromise}",
    },
    "yes": {"en": "yes", "fr": "oui"},
    "criterion": {"en": "Criterion", "fr": "Critère"},
    "entropy": {"en": "entropy", "fr": "entropie"},
    "group_weights_from": {"en": "group weights: {how}", "fr": "poids des groupes : {how}"},
    "origin": {"en": "Origin", "fr": "Origine"},
    "top_level": {"en": "top level", "fr": "niveau supérieur"},
    "ahp_inconsistent": {
        "en": "AHP judgements of {scope} are inconsistent (CR = {cr:.3f} > 0.10); revisit: {worst}",
        "fr": "jugements AHP de {scope} incohérents (CR = {cr:.3f} > 0,10) ; à revoir : {worst}",
    },
    "barely_differ": {
        "en": "⚠ weighted above an equal share, yet the candidates barely differ on: {criteria}",
        "fr": "⚠ pondéré au-dessus d'une part égale, mais les candidats diffèrent à peine sur : {criteria}",
    },
    "weights_legend": {
        "en": "entropy and CRITIC: what the data of the {candidates} eligible candidates suggest, for information",
        "fr": "entropie et CRITIC : ce que suggèrent les données des {candidates} candidats retenus, pour information",
    },
    "no": {"en": "no", "fr": "non"},
    "reason_minimum": {
        "en": "{criterion} {value} < minimum {bound}",
        "fr": "{criterion} {value} < minimum {bound}",
    },
    "reason_maximum": {
        "en": "{criterion} {value} > maximum {bound}",
        "fr": "{criterion} {value} > maximum {bound}",
    },
    "reason_gate": {"en": "gate: {gate}", "fr": "critère éliminatoire : {gate}"},
    "reason_no_scores": {"en": "no criterion scored", "fr": "aucun critère noté"},
    "unanswered_gate": {
        "en": "gate not answered: {gate}",
        "fr": "critère éliminatoire sans réponse : {gate}",
    },
    "unscored_knockout": {
        "en": "no score for knock-out criterion {criterion}",
        "fr": "pas de note pour le critère éliminatoire {criterion}",
    },
    "direction_lower": {"en": "lower is better", "fr": "plus bas = mieux"},
    "direction_higher": {"en": "higher is better", "fr": "plus haut = mieux"},
    "builtin_sets": {"en": "Built-in criteria sets", "fr": "Jeux de critères intégrés"},
    "gates": {"en": "Gates (a 'yes' excludes)", "fr": "Critères éliminatoires (un « oui » exclut)"},
    "scale": {"en": "scale", "fr": "échelle"},
    "weight": {"en": "weight", "fr": "poids"},
    "knockout": {"en": "knock-out", "fr": "élimination"},
    "summary_ok": {
        "en": "{files} file(s) checked: no errors, {warnings} warning(s)",
        "fr": "{files} fichier(s) vérifié(s) : aucune erreur, {warnings} avertissement(s)",
    },
    "summary_bad": {
        "en": "{files} file(s) checked: {errors} error(s), {warnings} warning(s) in {bad} file(s)",
        "fr": "{files} fichier(s) vérifié(s) : {errors} erreur(s), {warnings} avertissement(s) dans {bad} fichier(s)",
    },
}

_TEXTS.update(ANALYSIS_TEXTS)
_TEXTS.update(DELIVERABLE_TEXTS)


def t(key: str, lang: str = "en", **values: Any) -> str:
    """The interface text ``key`` in ``lang`` (English when missing), formatted with ``values``."""
    entry = _TEXTS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


class MethodWords(Protocol):
    """What the words of a scoring method are found by (partnerfit.engine.method.Method is one)."""

    @property
    def label(self) -> str: ...
    @property
    def formula(self) -> str: ...
    @property
    def texts(self) -> Mapping[str, Mapping[str, str]]: ...


def method_text(method: MethodWords, which: Literal["label", "formula"], lang: str = "en", **values: Any) -> str:
    """A scoring method's name (``label``) or formula in ``lang``: the words it brings, else the catalogues'."""
    key = method.label if which == "label" else method.formula
    entry = method.texts.get(key) or _TEXTS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text
