"""Stable codes of every kind of problem a file can have (shown by check's machine formats)."""

from __future__ import annotations

# code -> (name, what it means); codes are a contract: never renumber, only add
CODES: dict[str, tuple[str, str]] = {
    "PF001": ("syntax", "the file is not valid YAML or JSON"),
    "PF002": ("unreadable-file", "missing, a folder, too large, not UTF-8 text, binary or empty"),
    "PF003": ("refused-tag", "a YAML tag that would build an object (such as !!python/...)"),
    "PF004": ("duplicate-key", "a key appears twice in the same mapping"),
    "PF005": ("hostile-structure", "nesting too deep, an alias bomb or a recursive alias"),
    "PF006": ("not-a-mapping", "the top of the file, or a key, is not what a mapping needs"),
    "PF007": ("lone-surrogate", "a text holds a lone surrogate escape (\\ud800 to \\udfff), which is no character"),
    "PF008": ("too-many-problems", "a file has more problems than are reported (the first 1,000 are)"),
    "PF010": ("wrong-kind", "an unknown kind, or a criteria file where candidates were expected"),
    "PF101": ("unknown-criterion", "a score names a criterion the criteria set does not have"),
    "PF102": ("score-out-of-scale", "a score lies outside its criterion's scale"),
    "PF103": ("invalid-number", "a number was expected (not text, a boolean, a date, .nan or .inf)"),
    "PF104": ("unknown-key", "a key the format does not define"),
    "PF105": ("missing-key", "a required key is missing"),
    "PF106": ("wrong-type", "a text, a mapping, a list or a boolean was expected"),
    "PF107": ("invalid-id", "an id is empty or holds whitespace"),
    "PF108": ("unknown-gate", "a gate answer names a gate the criteria set does not have"),
    "PF109": ("unknown-weight-id", "a weight override names no group or criterion"),
    "PF110": ("missing-score", "a score is missing while the missing-score policy is 'error'"),
    "PF111": ("conflicting-keys", "keys that exclude each other (scores and assessments; groups and criteria)"),
    "PF112": ("empty", "a mapping or list that needs at least one entry is empty"),
    "PF113": ("invalid-value", "a value outside what the field allows (version, direction, scale, weight, ...)"),
    "PF120": ("criteria-not-found", "an unknown built-in criteria set or a criteria file that does not exist"),
    "PF121": (
        "not-a-criteria-file",
        "a criteria path names a folder, a device, a pipe or a file that is not a criteria file (never shown)",
    ),
    "PF130": ("invalid-weighting", "AHP comparisons or a rank order that name the wrong items"),
    "PF131": ("duplicate-criterion-id", "a criterion id used twice in one set"),
    "PF132": ("impossible-knock-out", "a minimum above the maximum: no score can pass"),
    "PF133": ("knock-out-outside-scale", "a knock-out minimum or maximum lies outside its criterion's scale"),
    "PF140": ("unknown-candidate", "an assessment file scores a candidate the candidates file does not have"),
    "PF141": (
        "duplicate-assessor",
        "an assessor id used twice (in the same round of two files, or in a file and inline)",
    ),
    "PF142": ("too-many-assessment-files", "'assessment_files' names more than 1,000 files"),
    "PF150": ("unknown-team-candidate", "a team block's include, exclude or never_together names no candidate"),
    "PF151": ("unknown-cover-criterion", "a team block covers a criterion the criteria set does not have"),
    "PF152": ("cover-outside-scale", "a team cover's min lies outside its criterion's scale"),
    "PF153": (
        "impossible-team-size",
        "a team needs more members than are eligible, or more than its maximum size allows",
    ),
    "PF154": (
        "contradictory-team-rules",
        "a candidate included and excluded (or gated out), or two included candidates never together",
    ),
    "PF155": ("missing-cost", "a team has a budget but an eligible candidate has no number in info[cost]"),
    "PF156": ("included-over-budget", "the candidates a team includes cost more than its budget on their own"),
    "PW201": ("partial-coverage", "a candidate is not scored on every criterion"),
    "PW202": ("criterion-unscored", "no candidate is scored on a criterion"),
    "PW203": ("outside-scale", "a level anchor lies outside the criterion's scale (a knock-out there is PF133)"),
    "PW204": ("ahp-inconsistent", "AHP judgements with a consistency ratio above 0.10"),
    "PW205": ("weight-ignored", "a weight written where a weighting derives it"),
    "PW206": ("threshold-exceeds-range", "a preference threshold larger than the scale's range"),
    "PW207": ("gate-unanswered", "no candidate answers a gate: it excludes no one"),
    "PW208": ("no-assessment-file", "an 'assessment_files' glob matches no file"),
    "PW209": ("assessment-incomplete", "an assessor has not scored every (candidate, criterion) pair expected"),
    "PW210": (
        "consensus-too-few-assessors",
        "a (candidate, criterion) pair has fewer assessors than 'consensus.min_assessors'",
    ),
    "PW211": (
        "consensus-low-agreement",
        "a criterion's Krippendorff's alpha is below 'consensus.min_alpha', or undefined",
    ),
    "PW215": ("unmatched-mix-rule", "a team mix rule names a type, tag, info key or value no candidate has"),
}

# pydantic error types -> code
PYDANTIC_CODES: dict[str, str] = {
    "extra_forbidden": "PF104",
    "missing": "PF105",
    "float_type": "PF103",
    "float_parsing": "PF103",
    "finite_number": "PF103",
    "model_type": "PF106",
    "dict_type": "PF106",
    "model_attributes_type": "PF106",
    "list_type": "PF106",
    "string_type": "PF106",
    "bool_type": "PF106",
    "bool_parsing": "PF106",
    "union_mismatch": "PF106",
    "string_pattern_mismatch": "PF107",
    "string_too_short": "PF107",
    "too_short": "PF112",
    "scores_and_assessments": "PF111",
    "groups_or_criteria": "PF111",
}


def pydantic_code(error_type: str, union_scalar: bool = False) -> str:
    """The code of a pydantic error type (invalid-value for every constraint not listed)."""
    if error_type == "model_type" and union_scalar:
        return "PF103"
    return PYDANTIC_CODES.get(error_type, "PF113")
