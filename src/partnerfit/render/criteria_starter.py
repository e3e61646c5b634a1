"""Write the commented starter criteria set of `partnerfit init --kind criteria`, in English or French."""

from __future__ import annotations

from partnerfit.contract.schema import schema_url

# the comments in each language; the labels are always given in both, as the built-in set does
_COMMENTS: dict[str, dict[str, str]] = {
    "en": {
        "header": (
            "# partnerfit criteria set — edit it, then run:\n"
            "#   partnerfit check THIS_FILE          (validate)\n"
            "#   partnerfit criteria THIS_FILE       (show the tree with effective weights)\n"
            "# A candidates file uses it with `criteria: THIS_FILE` (a path relative to that file)."
        ),
        "name": "# name: a short id of the set, shown in reports",
        "title": "# title: the set's name as people read it, in each language",
        "scale": "# scale: [low, high] of every score, unless a criterion gives its own",
        "missing": "# missing: what a score left out counts as: ignore (renormalise), zero or worst",
        "groups": "# groups: criteria grouped by theme; a group's weight is shared among its criteria",
        "weight": "# weight: only ratios between siblings matter (30 and 20 = 60% and 40%)",
        "levels": "# levels: what each score means, so that assessors score alike",
        "minimum": "# minimum: a knock-out; a score below it excludes the candidate",
        "direction": "# direction: lower when a lower score is better (a cost, a risk)",
        "gates": "# gates: yes/no questions; a candidate answered true is excluded",
    },
    "fr": {
        "header": (
            "# Jeu de critères partnerfit — complétez-le, puis lancez :\n"
            "#   partnerfit check CE_FICHIER          (valider)\n"
            "#   partnerfit criteria CE_FICHIER       (afficher l'arbre et les poids effectifs)\n"
            "# Un fichier de candidats l'utilise avec `criteria: CE_FICHIER` (chemin relatif à ce fichier)."
        ),
        "name": "# name : identifiant court du jeu, affiché dans les rapports",
        "title": "# title : nom du jeu tel qu'on le lit, dans chaque langue",
        "scale": "# scale : [bas, haut] de chaque note, sauf si un critère donne la sienne",
        "missing": "# missing : ce que vaut une note omise : ignore (renormaliser), zero ou worst",
        "groups": "# groups : critères regroupés par thème ; le poids d'un groupe se partage entre ses critères",
        "weight": "# weight : seuls les rapports entre voisins comptent (30 et 20 = 60 % et 40 %)",
        "levels": "# levels : ce que signifie chaque note, pour que les évaluateurs notent de même",
        "minimum": "# minimum : critère éliminatoire ; une note inférieure exclut le candidat",
        "direction": "# direction : lower quand une note plus basse est meilleure (un coût, un risque)",
        "gates": "# gates : questions oui/non ; un candidat qui répond true est exclu",
    },
}

_BODY = """\
partnerfit: 1
kind: criteria
{name}
name: my_criteria
{title}
title:
  en: My partner criteria
  fr: Mes critères de partenariat
{scale}
scale: [1, 5]
{missing}
missing: ignore

{groups}
groups:
  competences:
    label: {{en: Competences, fr: Compétences}}
    {weight}
    weight: 60
    criteria:
      expertise:
        label: {{en: Complementary expertise, fr: Expertise complémentaire}}
        description:
          en: "Brings skills the project needs and we lack."
          fr: "Apporte des compétences dont le projet a besoin et qui nous manquent."
        weight: 2
        {levels}
        levels:
          1: {{en: "Duplicates what we have.", fr: "Fait doublon avec nos compétences."}}
          3: {{en: "Useful but not critical.", fr: "Utile mais pas critique."}}
          5: {{en: "A critical capability we lack.", fr: "Une capacité critique qui nous manque."}}
      resources:
        label: {{en: Resources committed, fr: Ressources engagées}}
        weight: 1
  attitude:
    label: {{en: Attitude, fr: Attitude}}
    weight: 40
    criteria:
      loyalty:
        label: {{en: Loyalty, fr: Loyauté}}
        weight: 1
        {minimum}
        minimum: 2
      risk:
        label: {{en: Risk exposure, fr: Exposition aux risques}}
        weight: 1
        {direction}
        direction: lower

{gates}
gates:
  sanctions_listed:
    label: {{en: On a sanctions list, fr: Inscrit sur une liste de sanctions}}
"""


def criteria_starter_text(lang: str = "en") -> str:
    """A valid criteria set of two groups, four criteria and a gate, every key commented in ``lang``."""
    words = _COMMENTS.get(lang, _COMMENTS["en"])
    modeline = f"# yaml-language-server: $schema={schema_url('criteria')}"
    return f"{modeline}\n{words['header']}\n\n" + _BODY.format(**{k: v for k, v in words.items() if k != "header"})
