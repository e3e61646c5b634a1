"""English and French words of the interface: headings, footers, reasons (labels come from files)."""

from __future__ import annotations

from typing import Any

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
    # partnerfit diff
    "diff_title": {"en": "Changes from {old} to {new}", "fr": "Changements de {old} à {new}"},
    "diff_new_leader": {"en": "New leader: {name} (was {old})", "fr": "Nouveau premier : {name} (auparavant {old})"},
    "diff_leader_unchanged": {"en": "Leader unchanged: {name}", "fr": "Premier inchangé : {name}"},
    "diff_nobody": {"en": "nobody", "fr": "personne"},
    "diff_counts": {
        "en": "Ranking by {method}, top {top}: {entered} entered, {left} left · {ranks} candidate(s) changed standing · {scores} score(s) changed for {candidates} candidate(s)",
        "fr": "Classement par {method}, {top} premiers : {entered} entré(s), {left} sorti(s) · {ranks} candidat(s) ont changé de place · {scores} note(s) modifiée(s) pour {candidates} candidat(s)",
    },
    "diff_no_changes": {"en": "No changes.", "fr": "Aucun changement."},
    "diff_none": {"en": "none", "fr": "aucun"},
    "diff_excluded_short": {"en": "excl.", "fr": "excl."},
    "diff_enters_top": {"en": "enters the top {top}", "fr": "entre dans les {top} premiers"},
    "diff_leaves_top": {"en": "leaves the top {top}", "fr": "sort des {top} premiers"},
    "diff_kind_moved": {"en": "moved", "fr": "déplacé"},
    "diff_kind_added": {"en": "added", "fr": "ajouté"},
    "diff_kind_removed": {"en": "removed", "fr": "retiré"},
    "diff_kind_excluded": {"en": "excluded", "fr": "exclu"},
    "diff_kind_readmitted": {"en": "no longer excluded", "fr": "plus exclu"},
    "diff_was": {"en": "was: {reasons}", "fr": "auparavant : {reasons}"},
    "diff_change": {"en": "Change", "fr": "Évolution"},
    "diff_rank_changes": {"en": "Rank changes ({method})", "fr": "Changements de rang ({method})"},
    "diff_entered": {"en": "Entered the top {top}: {names}", "fr": "Entrés dans les {top} premiers : {names}"},
    "diff_left": {"en": "Left the top {top}: {names}", "fr": "Sortis des {top} premiers : {names}"},
    "diff_weights": {"en": "Criteria and weights", "fr": "Critères et poids"},
    "diff_criterion_or_group": {"en": "Criterion or group", "fr": "Critère ou groupe"},
    "diff_before": {"en": "Before", "fr": "Avant"},
    "diff_after": {"en": "After", "fr": "Après"},
    "diff_group": {"en": "group", "fr": "groupe"},
    "diff_criteria_added": {"en": "Criteria added", "fr": "Critères ajoutés"},
    "diff_criteria_removed": {"en": "Criteria removed", "fr": "Critères retirés"},
    "diff_groups_added": {"en": "Groups added", "fr": "Groupes ajoutés"},
    "diff_groups_removed": {"en": "Groups removed", "fr": "Groupes retirés"},
    "diff_gates_added": {"en": "Gates added", "fr": "Critères éliminatoires ajoutés"},
    "diff_gates_removed": {"en": "Gates removed", "fr": "Critères éliminatoires retirés"},
    "diff_field_scale": {"en": "scale", "fr": "échelle"},
    "diff_field_direction": {"en": "direction", "fr": "sens"},
    "diff_field_minimum": {"en": "knock-out minimum", "fr": "minimum éliminatoire"},
    "diff_field_maximum": {"en": "knock-out maximum", "fr": "maximum éliminatoire"},
    "diff_field_group": {"en": "group", "fr": "groupe"},
    "diff_score_changes": {"en": "Score changes", "fr": "Notes modifiées"},
    "diff_assessor": {"en": "Assessor", "fr": "Évaluateur"},
    "diff_note": {"en": "Note", "fr": "Commentaire"},
    "diff_candidates": {"en": "Candidates", "fr": "Candidats"},
    "diff_candidates_added": {"en": "Candidates added", "fr": "Candidats ajoutés"},
    "diff_candidates_removed": {"en": "Candidates removed", "fr": "Candidats retirés"},
    "diff_gate_change": {
        "en": "{candidate}: gate {gate}: {old} → {new}",
        "fr": "{candidate} : critère éliminatoire {gate} : {old} → {new}",
    },
    "diff_unanswered": {"en": "not answered", "fr": "sans réponse"},
    # partnerfit sensitivity
    "sens_stability_title": {"en": "Weight stability ({how})", "fr": "Stabilité des poids ({how})"},
    "sens_leaders": {
        "en": "Leader: {leader}; top {k}: {top}",
        "fr": "Premier : {leader} ; {k} premiers : {top}",
    },
    "sens_exact": {"en": "{method}, exact", "fr": "{method}, exacte"},
    "sens_numeric": {
        "en": "{method}, numeric to ±{resolution:g}",
        "fr": "{method}, numérique à ±{resolution:g} près",
    },
    "sens_item": {"en": "Criterion or group", "fr": "Critère ou groupe"},
    "sens_group": {"en": "group", "fr": "groupe"},
    "sens_leader_first": {"en": "Leader stays first", "fr": "Premier inchangé"},
    "sens_top_same": {"en": "Top {k} unchanged", "fr": "{k} premiers inchangés"},
    "sens_decisive": {
        "en": "⚠ decisive: the leader changes within ±{points} points of the weight (the others rescaled in proportion)",
        "fr": "⚠ décisif : le premier change à ±{points} points du poids (les autres poids ajustés en proportion)",
    },
    "sens_close": {
        "en": "No clear winner: {leader} leads {runner}",
        "fr": "Pas de vainqueur net : {leader} devance {runner}",
    },
    "sens_clear": {"en": "{leader} leads {runner}", "fr": "{leader} devance {runner}"},
    "sens_margin": {"en": " by {margin} points", "fr": " de {margin} points"},
    "sens_first_share": {"en": "; first in {share} of the samples", "fr": " ; premier dans {share} des tirages"},
    "sens_change": {
        "en": "Smallest single-weight change that changes the leader: {item} {weight} → {to} (then {leader} leads)",
        "fr": "Plus petit changement d'un seul poids qui change le premier : {item} {weight} → {to} ({leader} passe alors en tête)",
    },
    "sens_no_change": {
        "en": "No change of a single weight makes another candidate first",
        "fr": "Aucun changement d'un seul poids ne fait passer un autre candidat en tête",
    },
    "sens_nobody": {"en": "no eligible candidate: nothing to analyse", "fr": "aucun candidat retenu : rien à analyser"},
    "sens_single": {
        "en": "a single eligible candidate: no weight changes the leader",
        "fr": "un seul candidat retenu : aucun poids ne change le premier",
    },
    "sens_acceptability_title": {
        "en": "Rank acceptability: {samples} samples, seed {seed}",
        "fr": "Acceptabilité des rangs : {samples} tirages, graine {seed}",
    },
    "sens_dirichlet": {
        "en": "weights drawn around the declared ones (Dirichlet, spread {spread:g})",
        "fr": "poids tirés autour des poids déclarés (Dirichlet, dispersion {spread:g})",
    },
    "sens_uniform": {
        "en": "weights drawn uniformly among all weight vectors",
        "fr": "poids tirés uniformément parmi tous les jeux de poids",
    },
    "sens_uncertain": {
        "en": "; {count} scores drawn within their range (declared uncertainty or assessors' spread)",
        "fr": " ; {count} notes tirées dans leur intervalle (incertitude déclarée ou écart des évaluateurs)",
    },
    "sens_probabilities": {
        "en": "probability of each rank in % (a row sums to 100); · never",
        "fr": "probabilité de chaque rang en % (une ligne fait 100) ; · jamais",
    },
    "sens_top": {"en": "Top {k}", "fr": "{k} premiers"},
    "sens_central_title": {
        "en": "Central weights: the mean weights under which each candidate ranks first",
        "fr": "Poids centraux : les poids moyens sous lesquels chaque candidat est premier",
    },
    "sens_declared": {"en": "(declared weights)", "fr": "(poids déclarés)"},
}


def t(key: str, lang: str = "en", **values: Any) -> str:
    """The interface text ``key`` in ``lang`` (English when missing), formatted with ``values``."""
    entry = _TEXTS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text
