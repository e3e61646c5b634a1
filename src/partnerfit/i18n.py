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
    # partnerfit explain
    "explain_heading": {"en": "{name} — rank {rank} of {count}", "fr": "{name} — rang {rank} sur {count}"},
    "explain_excluded_heading": {"en": "{name} — excluded · score {score}", "fr": "{name} — exclu · score {score}"},
    "explain_excluded": {"en": "Excluded: {reasons}", "fr": "Exclu : {reasons}"},
    "explain_fix_minimum": {
        "en": "To pass the knock-out: {criterion} at least {bound} (now {value})",
        "fr": "Pour franchir le seuil éliminatoire : {criterion} au moins {bound} (actuellement {value})",
    },
    "explain_fix_maximum": {
        "en": "To pass the knock-out: {criterion} at most {bound} (now {value})",
        "fr": "Pour franchir le seuil éliminatoire : {criterion} au plus {bound} (actuellement {value})",
    },
    "explain_would_rank": {
        "en": "With that, it would rank {rank} (the other scores unchanged)",
        "fr": "Il serait alors au rang {rank} (les autres notes inchangées)",
    },
    "explain_gate_cannot": {
        "en": "A gate answered yes excludes whatever the scores",
        "fr": "Un « oui » à un critère éliminatoire exclut quelles que soient les notes",
    },
    "explain_above": {
        "en": "Just above: {name}, {score} ({gap} points ahead)",
        "fr": "Juste devant : {name}, {score} ({gap} points d'avance)",
    },
    "explain_leader": {
        "en": "Leader: {name}, {score} ({gap} points ahead)",
        "fr": "En tête : {name}, {score} ({gap} points d'avance)",
    },
    "explain_runner_up": {
        "en": "Runner-up: {name}, {score} ({gap} points behind)",
        "fr": "Deuxième : {name}, {score} ({gap} points derrière)",
    },
    "explain_coverage": {
        "en": "Scored on {coverage} of the weight (missing scores are left out)",
        "fr": "Noté sur {coverage} du poids (les notes manquantes sont hors du score)",
    },
    "explain_additive": {
        "en": "Points = 100 × w·v / Σw, each criterion's share of the score (v: the score on its scale, 0 worst, 1 best); they add up to {score}",
        "fr": "Points = 100 × w·v / Σw, la part de chaque critère dans le score (v : la note sur son échelle, 0 au pire, 1 au mieux) ; leur somme fait {score}",
    },
    "explain_not_additive": {
        "en": "{method} is not additive: points add up to the score only with wsm; v is each score on its scale (0 worst, 1 best)",
        "fr": "{method} n'est pas additive : les points ne s'additionnent en score qu'avec wsm ; v est chaque note sur son échelle (0 au pire, 1 au mieux)",
    },
    "explain_none": {"en": "none", "fr": "aucun"},
    "explain_wsm_only": {
        "en": "What it would take is computed exactly for wsm only (--method wsm)",
        "fr": "Ce qu'il faudrait n'est calculé exactement que pour wsm (--method wsm)",
    },
    "explain_strengths": {
        "en": "Strengths (above the median of eligible candidates)",
        "fr": "Points forts (au-dessus de la médiane des candidats retenus)",
    },
    "explain_weaknesses": {"en": "Weaknesses (below the median)", "fr": "Points faibles (sous la médiane)"},
    "explain_disagreement_on": {
        "en": "⚠ assessors disagree on {criterion}: spread {spread} ({scores})",
        "fr": "⚠ désaccord des évaluateurs sur {criterion} : écart {spread} ({scores})",
    },
    "explain_notes_evidence": {"en": "Notes and evidence:", "fr": "Notes et justificatifs :"},
    "explain_evidence": {"en": "evidence", "fr": "justificatif"},
    "explain_knockouts": {"en": "Knock-outs", "fr": "Seuils éliminatoires"},
    "explain_ko_pass": {"en": "passed", "fr": "franchi"},
    "explain_ko_fail": {"en": "failed", "fr": "non franchi"},
    "explain_ko_unscored": {"en": "not scored", "fr": "non noté"},
    "explain_gates_heading": {"en": "Gates", "fr": "Critères éliminatoires"},
    "explain_gate_yes": {"en": "yes (excludes)", "fr": "oui (exclut)"},
    "explain_gate_unanswered": {"en": "not answered", "fr": "sans réponse"},
    "explain_one_up": {"en": "One place up", "fr": "Rang au-dessus"},
    "explain_to_first": {"en": "To lead", "fr": "En tête"},
    "explain_vs_median": {"en": "vs median", "fr": "vs médiane"},
    "explain_vs_leader": {"en": "vs leader", "fr": "vs 1er"},
    "explain_vs_runner_up": {"en": "vs 2nd", "fr": "vs 2e"},
    "explain_points": {"en": "Points", "fr": "Points"},
    "explain_what_it_takes": {
        "en": "What it would take: the score one criterion needs, the others unchanged (rounded towards the better end; in brackets the whole score that does it); not reachable: no score on this criterion's scale is enough (knock-out: not without crossing its knock-out bound)",
        "fr": "Ce qu'il faudrait : la note qu'un critère doit atteindre, les autres inchangées (arrondie du bon côté ; entre parenthèses la note entière qui suffit) ; inaccessible : aucune note de l'échelle de ce critère ne suffit (seuil : pas sans franchir son seuil éliminatoire)",
    },
    "explain_target_whole": {"en": "whole: {whole}", "fr": "entier : {whole}"},
    "explain_target_unreachable_scale": {"en": "not reachable", "fr": "inaccessible"},
    "explain_target_unreachable_knockout": {"en": "not reachable (knock-out)", "fr": "inaccessible (seuil)"},
    "explain_target_already": {"en": "already first", "fr": "déjà en tête"},
    "explain_target_excluded": {"en": "excluded", "fr": "exclu"},
    "explain_target_wsm_only": {"en": "computed for wsm only", "fr": "calculé pour wsm seulement"},
    # partnerfit compare
    "h2h_level": {"en": "level", "fr": "à égalité"},
    "h2h_pts": {"en": "pts", "fr": "pts"},
    "h2h_rank": {"en": "rank {rank}", "fr": "rang {rank}"},
    "h2h_standing": {
        "en": "{name}: {place}, score {score}, ahead on {wins} criteria",
        "fr": "{name} : {place}, score {score}, devant sur {wins} critères",
    },
    "h2h_ahead": {"en": "Ahead (by)", "fr": "Devant (écart)"},
    "h2h_legend_wsm": {
        "en": "Each cell: the score on its scale · its points in the candidate's score (wsm)",
        "fr": "Chaque case : la note sur son échelle · ses points dans le score du candidat (wsm)",
    },
    "h2h_legend_other": {
        "en": "Each cell: the score on its scale · v, the same on 0–1 ({method} is not additive)",
        "fr": "Chaque case : la note sur son échelle · v, la même sur 0–1 ({method} n'est pas additive)",
    },
    "h2h_swap": {
        "en": "{passer} would pass {leader} if {criterion} weighed {new} instead of {old} (the other weights rescaled in proportion; weights: {overrides})",
        "fr": "{passer} passerait devant {leader} si {criterion} pesait {new} au lieu de {old} (les autres poids ajustés en proportion ; weights: {overrides})",
    },
    "h2h_swap_none": {
        "en": "No change of a single weight (the others in proportion) swaps {a} and {b}",
        "fr": "Aucun changement d'un seul poids (les autres en proportion) n'inverse {a} et {b}",
    },
    "h2h_swap_excluded": {
        "en": "No weight change swaps {a} and {b}: an excluded candidate has no rank",
        "fr": "Aucun changement de poids n'inverse {a} et {b} : un candidat exclu n'a pas de rang",
    },
    "h2h_swap_wsm_only": {
        "en": "The weight change that would swap {a} and {b} is computed for wsm only",
        "fr": "Le changement de poids qui inverserait {a} et {b} n'est calculé que pour wsm",
    },
    # partnerfit report
    "report_kicker": {
        "en": "Partner shortlist · SDG 17 partnership",
        "fr": "Présélection de partenaires · partenariat ODD 17",
    },
    "report_default_title": {"en": "Partner shortlist", "fr": "Présélection de partenaires"},
    "report_date": {"en": "Date", "fr": "Date"},
    "report_assessed_by": {"en": "Assessed by", "fr": "Évalué par"},
    "report_single_sheet": {
        "en": "one score sheet per candidate (assessors not named)",
        "fr": "une grille de notes par candidat (évaluateurs non nommés)",
    },
    "report_criteria_summary": {
        "en": "{title} ({name}): {criteria} criteria in {groups} groups, {gates} gates",
        "fr": "{title} ({name}) : {criteria} critères en {groups} groupes, {gates} critères éliminatoires",
    },
    "report_criteria_flat": {
        "en": "{title} ({name}): {criteria} criteria, {gates} gates",
        "fr": "{title} ({name}) : {criteria} critères, {gates} critères éliminatoires",
    },
    "report_candidates": {"en": "Candidates", "fr": "Candidats"},
    "report_candidates_summary": {
        "en": "{total} assessed: {ranked} ranked, {excluded} excluded; the first {top} are shortlisted",
        "fr": "{total} évalués : {ranked} classés, {excluded} exclus ; les {top} premiers sont présélectionnés",
    },
    "report_candidates_unranked": {
        "en": "{total} assessed: none could be ranked ({excluded} excluded)",
        "fr": "{total} évalués : aucun n'a pu être classé ({excluded} exclus)",
    },
    "report_source": {"en": "Source", "fr": "Source"},
    "report_contents": {"en": "Contents", "fr": "Sommaire"},
    "report_key_findings": {"en": "Key findings", "fr": "En bref"},
    "report_leads": {
        "en": "{name} ranks first with a score of {score} out of 100.",
        "fr": "{name} arrive en tête avec un score de {score} sur 100.",
    },
    "report_nobody": {"en": "No candidate could be ranked.", "fr": "Aucun candidat n'a pu être classé."},
    "report_shortlist": {"en": "Shortlist", "fr": "Présélection"},
    "report_shortlist_intro": {
        "en": "The {ranked} ranked candidates, best first; the first {top} (in bold) are shortlisted and detailed in the next section.",
        "fr": "Les {ranked} candidats classés, du meilleur au moins bon ; les {top} premiers (en gras) sont présélectionnés et détaillés dans la section suivante.",
    },
    "report_contributions": {"en": "Contributions by group", "fr": "Contributions par groupe"},
    "report_contributions_flat": {"en": "Contributions by criterion", "fr": "Contributions par critère"},
    "report_bar_caption": {
        "en": "Each bar is the score on 0–100, split into the points each group contributes (they add up to the score); the fill and hatching identify the group, also in black and white. The columns on the right are each group's own score on 0–100.",
        "fr": "Chaque barre est le score sur 0–100, découpé en points apportés par chaque groupe (leur somme fait le score) ; la couleur et la trame identifient le groupe, aussi en noir et blanc. Les colonnes de droite donnent le score propre de chaque groupe sur 0–100.",
    },
    "report_bar_caption_flat": {
        "en": "Each bar is the score on 0–100, split into the points each criterion contributes (they add up to the score); the fill and hatching identify the criterion, also in black and white.",
        "fr": "Chaque barre est le score sur 0–100, découpé en points apportés par chaque critère (leur somme fait le score) ; la couleur et la trame identifient le critère, aussi en noir et blanc.",
    },
    "report_bar_not_additive": {
        "en": "Each bar is the score on 0–100 under {method}, which is not additive: it cannot be split by group. The columns on the right are each group's own score on 0–100 (weighted sum).",
        "fr": "Chaque barre est le score sur 0–100 selon {method}, qui n'est pas additive : il ne se découpe pas par groupe. Les colonnes de droite donnent le score propre de chaque groupe sur 0–100 (somme pondérée).",
    },
    "report_more_ranked": {
        "en": "{count} more ranked candidates are not listed here.",
        "fr": "{count} autres candidats classés ne sont pas listés ici.",
    },
    "report_no_excluded": {"en": "No candidate is excluded.", "fr": "Aucun candidat n'est exclu."},
    "report_notes": {"en": "Notes", "fr": "Remarques"},
    "report_ties": {"en": "Tied (same rank): {names}", "fr": "Ex æquo (même rang) : {names}"},
    "report_cards": {"en": "Shortlisted candidates", "fr": "Candidats présélectionnés"},
    "report_card_sub": {
        "en": "Rank {rank} of {count} · score {score}",
        "fr": "Rang {rank} sur {count} · score {score}",
    },
    "report_radar_caption": {
        "en": "Group scores on 0–100: {name} (solid line, round marks) against {other} (dashed line, square marks).",
        "fr": "Scores des groupes sur 0–100 : {name} (trait plein, ronds) comparé à {other} (tirets, carrés).",
    },
    "report_radar_alone": {
        "en": "Group scores of {name} on 0–100.",
        "fr": "Scores des groupes de {name} sur 0–100.",
    },
    "report_group": {"en": "Group", "fr": "Groupe"},
    "report_what_it_takes": {
        "en": "What it would take to rank higher",
        "fr": "Ce qu'il faudrait pour monter au classement",
    },
    "report_leads_already": {
        "en": "Leads the ranking; the table shows how far each score is from the runner-up's.",
        "fr": "En tête du classement ; le tableau montre l'écart de chaque note avec celle du deuxième.",
    },
    "report_disagreements": {"en": "Assessor disagreements", "fr": "Désaccords des évaluateurs"},
    "report_no_disagreement": {
        "en": "The assessors agree within half of each scale's range.",
        "fr": "Les évaluateurs s'accordent à moins de la moitié de chaque échelle.",
    },
    "report_no_notes": {"en": "No note or evidence was given.", "fr": "Aucune note ni justificatif n'a été fourni."},
    "report_profile": {"en": "Profile", "fr": "Profil"},
    "report_robustness": {"en": "Robustness", "fr": "Robustesse"},
    "report_robustness_intro": {
        "en": "Would the ranking hold if the weights moved, if assessors' scores were taken anywhere within their range, or under another method?",
        "fr": "Le classement tiendrait-il si les poids bougeaient, si les notes des évaluateurs variaient dans leur intervalle, ou avec une autre méthode ?",
    },
    "report_heat_title": {"en": "Rank acceptability", "fr": "Acceptabilité des rangs"},
    "report_heat_caption": {
        "en": "Probability (%) of each rank; darker cells are more likely, and every cell prints its figure. {how}",
        "fr": "Probabilité (%) de chaque rang ; plus la case est foncée, plus le rang est probable, et chaque case affiche son chiffre. {how}",
    },
    "report_stability_title": {"en": "Weight stability", "fr": "Stabilité des poids"},
    "report_stability_caption": {
        "en": "The band is the range of each weight (0–100 %) over which the leader stays first, the other weights rescaled in proportion; the tick marks the declared weight.",
        "fr": "La bande est l'intervalle de chaque poids (0–100 %) sur lequel le premier reste premier, les autres poids ajustés en proportion ; le trait marque le poids déclaré.",
    },
    "report_leader_band": {"en": "Leader stays first", "fr": "Premier inchangé"},
    "report_methods_title": {"en": "Method comparison", "fr": "Comparaison des méthodes"},
    "report_methods_caption": {
        "en": "Rank of each candidate under each scoring method; ↕ marks a rank that moves by more than one place.",
        "fr": "Rang de chaque candidat selon chaque méthode ; ↕ signale un rang qui varie de plus d'une place.",
    },
    "report_method_needs_scores": {
        "en": "{method}: not run, as comparing candidates with each other needs every score (use --missing worst)",
        "fr": "{method} : pas de classement, car comparer les candidats entre eux exige toutes les notes (utiliser --missing worst)",
    },
    "report_methodology": {"en": "Methodology", "fr": "Méthodologie"},
    "report_how_computed": {"en": "How the score is computed", "fr": "Calcul du score"},
    "report_formula": {"en": "Formula", "fr": "Formule"},
    "report_formula_wsm": {
        "en": "v = (x − min)/(max − min) on each criterion's own scale (reversed when lower is better); score = 100 × Σ w·v / Σ w over the criteria scored. A criterion's points = 100 × w·v / Σ w, so the points add up to the score; a group's score is the same formula on its own criteria. Adding or removing a candidate never changes another's score.",
        "fr": "v = (x − min)/(max − min) sur l'échelle propre de chaque critère (inversée quand plus bas = mieux) ; score = 100 × Σ w·v / Σ w sur les critères notés. Les points d'un critère = 100 × w·v / Σ w : leur somme fait le score ; le score d'un groupe applique la même formule à ses critères. Ajouter ou retirer un candidat ne change jamais le score d'un autre.",
    },
    "report_formula_wpm": {
        "en": "r = x / Σx over the candidates ((1/x) / Σ(1/x) when lower is better); P = Π r^w; score = 100 × P / best P. A candidate's score depends on the others.",
        "fr": "r = x / Σx sur les candidats ((1/x) / Σ(1/x) quand plus bas = mieux) ; P = Π r^w ; score = 100 × P / meilleur P. Le score d'un candidat dépend des autres.",
    },
    "report_formula_topsis": {
        "en": "r = x / √Σx² (vector normalisation), weighted by w; D⁺ and D⁻ are the Euclidean distances to the ideal and anti-ideal points; closeness C = D⁻ / (D⁺ + D⁻); score = 100 × C.",
        "fr": "r = x / √Σx² (normalisation vectorielle), pondéré par w ; D⁺ et D⁻ sont les distances euclidiennes aux points idéal et anti-idéal ; proximité C = D⁻ / (D⁺ + D⁻) ; score = 100 × C.",
    },
    "report_formula_vikor": {
        "en": "S = Σ w·(f* − f)/(f* − f⁻), R = the largest of the same terms, Q = v·(S − S*)/(S⁻ − S*) + (1 − v)·(R − R*)/(R⁻ − R*) with v = {v:g}; score = 100 × (1 − Q), a lower Q being better.",
        "fr": "S = Σ w·(f* − f)/(f* − f⁻), R = le plus grand des mêmes termes, Q = v·(S − S*)/(S⁻ − S*) + (1 − v)·(R − R*)/(R⁻ − R*) avec v = {v:g} ; score = 100 × (1 − Q), un Q plus bas étant meilleur.",
    },
    "report_formula_promethee": {
        "en": "PROMETHEE II: for every pair, each criterion's preference function turns the difference into a preference from 0 to 1, weighted by w; net flow φ = φ⁺ − φ⁻, averaged over the n − 1 others; score = 50 × (φ + 1).",
        "fr": "PROMETHEE II : pour chaque paire, la fonction de préférence de chaque critère transforme l'écart en une préférence de 0 à 1, pondérée par w ; flux net φ = φ⁺ − φ⁻, moyenné sur les n − 1 autres ; score = 50 × (φ + 1).",
    },
    "report_exclusions": {
        "en": "Knock-outs and gates exclude a candidate before scoring: a score below a criterion's minimum (or above its maximum), or a gate answered yes. An excluded candidate keeps its score but gets no rank.",
        "fr": "Les seuils et critères éliminatoires excluent un candidat avant le calcul : une note sous le minimum d'un critère (ou au-dessus de son maximum), ou un « oui » à un critère éliminatoire. Un candidat exclu garde son score mais n'a pas de rang.",
    },
    "report_aggregation": {
        "en": "Several assessors: per criterion, the {how} of their scores; a spread (highest − lowest) of half the scale's range or more is flagged ⚠.",
        "fr": "Plusieurs évaluateurs : par critère, la {how} de leurs notes ; un écart (plus haute − plus basse) d'au moins la moitié de l'échelle est signalé ⚠.",
    },
    "report_robustness_method": {
        "en": "Robustness: weight stability intervals move one weight at a time, the others rescaled in proportion (a weight is decisive ⚠ when the leader changes within ±5 points of it); rank acceptability (SMAA-2) draws {samples} weight vectors around the declared ones (Dirichlet, spread {spread:g}, seed {seed}, so the figures are reproducible), each score with an uncertainty or several assessors being drawn within its range.",
        "fr": "Robustesse : les intervalles de stabilité font varier un poids à la fois, les autres ajustés en proportion (un poids est décisif ⚠ quand le premier change à ±5 points de lui) ; l'acceptabilité des rangs (SMAA-2) tire {samples} jeux de poids autour des poids déclarés (Dirichlet, dispersion {spread:g}, graine {seed} : les chiffres sont reproductibles), chaque note incertaine ou donnée par plusieurs évaluateurs étant tirée dans son intervalle.",
    },
    "report_weights_title": {"en": "Weights and where they come from", "fr": "Poids et leur origine"},
    "report_effective": {"en": "Effective weight", "fr": "Poids effectif"},
    "report_scope_groups": {"en": "Group weights", "fr": "Poids des groupes"},
    "report_scope_criteria": {"en": "Criterion weights", "fr": "Poids des critères"},
    "report_scope_group": {"en": "Weights within {group}", "fr": "Poids au sein de « {group} »"},
    "report_scope_every_group": {"en": "Weights within each group", "fr": "Poids au sein de chaque groupe"},
    "report_origin_direct": {"en": "given directly", "fr": "donnés directement"},
    "report_origin_ahp": {
        "en": "AHP pairwise comparisons (Saaty), consistency ratio CR = {cr:.3f} ({verdict})",
        "fr": "comparaisons par paires AHP (Saaty), ratio de cohérence CR = {cr:.3f} ({verdict})",
    },
    "report_ahp_consistent": {"en": "consistent: at most 0.10", "fr": "cohérent : au plus 0,10"},
    "report_ahp_inconsistent": {"en": "inconsistent: above 0.10", "fr": "incohérent : au-delà de 0,10"},
    "report_origin_roc": {
        "en": "rank order, rank-order centroid weights (ROC)",
        "fr": "ordre de priorité, poids du centroïde des rangs (ROC)",
    },
    "report_origin_rank_sum": {
        "en": "rank order, rank-sum weights",
        "fr": "ordre de priorité, poids par somme des rangs",
    },
    "report_overridden": {
        "en": "changed by a what-if override (weights: in the candidates file, or --weight)",
        "fr": "modifié par une simulation (weights: dans le fichier des candidats, ou --weight)",
    },
    "report_criteria_title": {
        "en": "Criteria, definitions and level anchors",
        "fr": "Critères, définitions et niveaux de référence",
    },
    "report_scale_higher": {
        "en": "scale {low}–{high}, higher is better",
        "fr": "échelle {low}–{high}, plus haut = mieux",
    },
    "report_scale_lower": {"en": "scale {low}–{high}, lower is better", "fr": "échelle {low}–{high}, plus bas = mieux"},
    "report_knockout_minimum": {"en": "knock-out below {bound}", "fr": "éliminatoire sous {bound}"},
    "report_knockout_maximum": {"en": "knock-out above {bound}", "fr": "éliminatoire au-dessus de {bound}"},
    "report_definition": {"en": "Definition and levels", "fr": "Définition et niveaux"},
    "report_no_gates": {
        "en": "The criteria set has no gate.",
        "fr": "Le jeu de critères n'a pas de critère éliminatoire.",
    },
    "report_colophon": {
        "en": "Generated by partnerfit {version} from {source} on {date}. These criteria assist a decision; they do not replace it.",
        "fr": "Produit par partnerfit {version} à partir de {source} le {date}. Ces critères éclairent une décision ; ils ne la remplacent pas.",
    },
    "report_months": {
        "en": "January February March April May June July August September October November December",
        "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    },
    "report_page": {"en": "Page", "fr": "Page"},
    "xlsx_id": {"en": "Id", "fr": "Identifiant"},
    "xlsx_name": {"en": "Name", "fr": "Nom"},
    "xlsx_group": {"en": "Group", "fr": "Groupe"},
    "xlsx_label": {"en": "Label", "fr": "Libellé"},
    "xlsx_weight": {"en": "Effective weight", "fr": "Poids effectif"},
    "xlsx_scale_min": {"en": "Scale min", "fr": "Échelle min"},
    "xlsx_scale_max": {"en": "Scale max", "fr": "Échelle max"},
    "xlsx_direction": {"en": "Direction", "fr": "Sens"},
    "xlsx_minimum": {"en": "Knock-out minimum", "fr": "Minimum éliminatoire"},
    "xlsx_maximum": {"en": "Knock-out maximum", "fr": "Maximum éliminatoire"},
    "xlsx_weighting": {"en": "Weighting", "fr": "Pondération"},
    "xlsx_assessor": {"en": "Assessor", "fr": "Évaluateur"},
    "xlsx_note": {"en": "Note", "fr": "Commentaire"},
    "xlsx_evidence": {"en": "Evidence", "fr": "Justificatif"},
    "xlsx_uncertainty": {"en": "Uncertainty (±)", "fr": "Incertitude (±)"},
    "xlsx_overridden": {"en": "overridden", "fr": "remplacé"},
}


def t(key: str, lang: str = "en", **values: Any) -> str:
    """The interface text ``key`` in ``lang`` (English when missing), formatted with ``values``."""
    entry = _TEXTS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text
