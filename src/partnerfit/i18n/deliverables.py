"""English and French words of the deliverables: the report and the workbook."""

from __future__ import annotations

DELIVERABLE_TEXTS: dict[str, dict[str, str]] = {
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
    "report_scope_every_group": {"en": "Weights within each group", "fr": "Poids au sein de chaque groupe"},
    "report_scope_within": {"en": "Weights within {groups}", "fr": "Poids au sein de {groups}"},
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
    "report_radar_short": {
        "en": "Group scores on 0–100 (the centre is 0, the outer ring 100).",
        "fr": "Scores des groupes sur 0–100 (le centre vaut 0, l'anneau extérieur 100).",
    },
    "report_strengths": {"en": "Strengths", "fr": "Points forts"},
    "report_weaknesses": {"en": "Weaknesses", "fr": "Points faibles"},
    "report_positions": {
        "en": "Strengths and weaknesses: the criteria on which a candidate scores above, or below, the median of the eligible candidates, furthest first.",
        "fr": "Points forts et points faibles : les critères sur lesquels un candidat se situe au-dessus, ou au-dessous, de la médiane des candidats retenus, les plus éloignés d'abord.",
    },
}
