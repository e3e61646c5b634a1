"""Hand-computed examples of the weighted sum (FORMAT.md, "The default method")."""

from __future__ import annotations

import math

import pytest

import partnerfit
from partnerfit.errors import InvalidInputError, InvalidWeightsError

approx = pytest.approx

# Two groups weighted 2:1; inside g1, a:b = 3:1.
GROUPED = {
    "scale": [1, 5],
    "groups": {
        "g1": {"weight": 2, "criteria": {"a": {"weight": 3}, "b": {"weight": 1}}},
        "g2": {"weight": 1, "criteria": {"c": {"weight": 1}}},
    },
}


def flat(**criteria: dict) -> dict:
    """A flat criteria set on the default scale [1, 5]."""
    return {"scale": [1, 5], "criteria": criteria}


# --- effective weights -------------------------------------------------------------------


def test_two_groups_effective_weights(load_problem):
    # a = 2/3 × 3/4 = 1/2 ; b = 2/3 × 1/4 = 1/6 ; c = 1/3 × 1/1 = 1/3
    project = load_problem(GROUPED, {"x": {"scores": {"a": 5, "b": 1, "c": 3}}})
    weights = project.criteria.weights
    assert weights == approx({"a": 1 / 2, "b": 1 / 6, "c": 1 / 3})
    assert math.fsum(weights.values()) == approx(1.0, abs=1e-12)
    groups = {g.id: g.effective_weight for g in project.criteria.groups}
    assert groups == approx({"g1": 2 / 3, "g2": 1 / 3})


def test_two_groups_score_groups_and_contributions(score_problem):
    # v: a = (5-1)/4 = 1, b = (1-1)/4 = 0, c = (3-1)/4 = 0.5
    # score = 100 × (1/2·1 + 1/6·0 + 1/3·0.5) = 100 × 2/3 = 66.666…
    # g1 = 100 × (1/2·1 + 1/6·0) / (2/3) = 75 ; g2 = 100 × 0.5 = 50
    # contributions: a = 50, b = 0, c = 100/6 = 16.666…
    result = score_problem(GROUPED, {"x": {"scores": {"a": 5, "b": 1, "c": 3}}})
    x = result.candidate("x")
    assert x.score == approx(200 / 3)
    assert x.coverage == approx(1.0)
    assert dict(x.groups) == approx({"g1": 75.0, "g2": 50.0})
    assert dict(x.contributions) == approx({"a": 50.0, "b": 0.0, "c": 100 / 6})
    assert math.fsum(x.contributions.values()) == approx(x.score, abs=1e-9)
    data = result.to_dict()
    assert data["criteria"]["weights"] == approx({"a": 1 / 2, "b": 1 / 6, "c": 1 / 3})
    assert data["criteria"]["groups"] == approx({"g1": 2 / 3, "g2": 1 / 3})


def test_group_score_is_none_when_no_criterion_of_it_counts(score_problem):
    # y scores only g1's criteria: a = 3 → 0.5, b = 3 → 0.5; missing: ignore leaves c out.
    # score = 100 × (1/2·0.5 + 1/6·0.5) / (2/3) = 50 ; coverage = 2/3 ; g2 has no score.
    result = score_problem(GROUPED, {"y": {"scores": {"a": 3, "b": 3}}})
    y = result.candidate("y")
    assert y.score == approx(50.0)
    assert y.coverage == approx(2 / 3)
    assert y.groups["g1"] == approx(50.0)
    assert y.groups["g2"] is None
    assert result.to_dict()["ranking"][0]["groups"]["g2"] is None


def test_flat_criteria_weights_are_normalised(load_problem):
    # flat: a = 2/(2+6) = 0.25, b = 6/8 = 0.75
    project = load_problem(flat(a={"weight": 2}, b={"weight": 6}), {"x": {"scores": {"a": 1}}})
    assert project.criteria.weights == approx({"a": 0.25, "b": 0.75})
    assert project.criteria.groups == ()


# --- direction and scales --------------------------------------------------------------------


def test_lower_is_better(score_problem):
    # risk is lower-is-better: v = (hi - x)/(hi - lo)
    # x: quality 5 → 1, risk 2 → (5-2)/4 = 0.75 → 100 × (0.5·1 + 0.5·0.75) = 87.5
    # y: quality 5 → 1, risk 5 → 0            → 100 × (0.5·1 + 0.5·0)    = 50
    # z: quality 1 → 0, risk 1 → 1            → 100 × (0 + 0.5·1)        = 50
    criteria = flat(quality={}, risk={"direction": "lower"})
    result = score_problem(
        criteria,
        {
            "x": {"scores": {"quality": 5, "risk": 2}},
            "y": {"scores": {"quality": 5, "risk": 5}},
            "z": {"scores": {"quality": 1, "risk": 1}},
        },
    )
    assert result.candidate("x").score == approx(87.5)
    assert result.candidate("x").contributions["risk"] == approx(37.5)
    assert result.candidate("y").score == approx(50.0)
    assert result.candidate("y").contributions["risk"] == approx(0.0)
    assert result.candidate("z").score == approx(50.0)


def test_scale_0_10_next_to_scale_1_5(score_problem):
    # p on [0, 10]: 7 → 0.7 ; q on [1, 5]: 2 → 0.25
    # score = 100 × (0.5·0.7 + 0.5·0.25) = 47.5
    # a 10 on p is worth as much as a 5 on q: y = 100 × (0.5·1 + 0.5·1) = 100
    criteria = flat(p={"scale": [0, 10]}, q={})
    result = score_problem(
        criteria,
        {"x": {"scores": {"p": 7, "q": 2}}, "y": {"scores": {"p": 10, "q": 5}}},
    )
    assert result.candidate("x").score == approx(47.5)
    assert result.candidate("x").contributions == approx({"p": 35.0, "q": 12.5})
    assert result.candidate("y").score == approx(100.0)


def test_score_mapping_counts_its_score(score_problem):
    # {score, note} counts as its number: 4 → 0.75 → 75
    result = score_problem(flat(a={}), {"x": {"scores": {"a": {"score": 4, "note": "why", "evidence": "ref"}}}})
    assert result.candidate("x").score == approx(75.0)
    assert result.candidate("x").scores == {"a": 4.0}


# --- missing scores ----------------------------------------------------------------------


MISSING = flat(a={"weight": 3}, b={"weight": 1})  # a = 0.75, b = 0.25
ONLY_A = {"x": {"scores": {"a": 4}}, "full": {"scores": {"a": 4, "b": 5}}}


def test_missing_ignore_renormalises(score_problem):
    # x: a = 4 → 0.75 ; b missing and left out of both sums
    # score = 100 × (0.75·0.75) / 0.75 = 75 ; coverage = 0.75
    result = score_problem(MISSING, ONLY_A, missing="ignore")
    x = result.candidate("x")
    assert result.missing == "ignore"
    assert x.score == approx(75.0)
    assert x.coverage == approx(0.75)
    assert x.coverage < 1
    assert dict(x.contributions) == approx({"a": 75.0})
    assert x.scores == {"a": 4.0, "b": None}
    # full: 100 × (0.75·0.75 + 0.25·1) = 81.25 ; coverage 1
    assert result.candidate("full").score == approx(81.25)
    assert result.candidate("full").coverage == approx(1.0)


def test_missing_ignore_is_the_default(score_problem):
    result = score_problem(MISSING, ONLY_A)
    assert result.missing == "ignore"
    assert result.candidate("x").score == approx(75.0)


def test_missing_worst_counts_zero(score_problem):
    # x: b missing counts as v = 0: 100 × (0.75·0.75 + 0.25·0) = 56.25
    # coverage is still Σ w over scored criteria = 0.75
    result = score_problem(MISSING, ONLY_A, missing="worst")
    x = result.candidate("x")
    assert result.missing == "worst"
    assert x.score == approx(56.25)
    assert x.coverage == approx(0.75)
    assert dict(x.contributions) == approx({"a": 56.25, "b": 0.0})
    assert result.candidate("full").score == approx(81.25)


def test_missing_worst_from_the_criteria_file(score_problem):
    result = score_problem({**MISSING, "missing": "worst"}, ONLY_A)
    assert result.missing == "worst"
    assert result.candidate("x").score == approx(56.25)


def test_missing_error_from_the_criteria_file(write_problem):
    path = write_problem({**MISSING, "missing": "error"}, ONLY_A)
    with pytest.raises(InvalidInputError) as caught:
        partnerfit.load(path)
    messages = [d.message for d in caught.value.diagnostics if d.severity == "error"]
    assert any("no score for b" in m for m in messages), messages
    assert all("full" not in d.path for d in caught.value.diagnostics if d.severity == "error")


def test_missing_error_from_load(write_problem):
    path = write_problem(MISSING, ONLY_A)
    with pytest.raises(InvalidInputError, match="no score for b"):
        partnerfit.load(path, missing="error")


def test_missing_error_passes_when_everything_is_scored(score_problem):
    result = score_problem({**MISSING, "missing": "error"}, {"full": {"scores": {"a": 4, "b": 5}}})
    assert result.candidate("full").score == approx(81.25)


# --- several assessors -------------------------------------------------------------------


ASSESSED = {
    "x": {
        "assessments": {
            "alice": {"a": 5, "b": 2},
            "bob": {"a": {"score": 3, "note": "late once"}, "b": 2},
            "carol": {"a": 2},
        }
    }
}


def test_assessors_mean_and_spread(score_problem):
    # a: mean(5, 3, 2) = 10/3 → v = (10/3 - 1)/4 = 7/12 ; spread = 5 - 2 = 3
    # b: mean(2, 2) = 2 → v = 0.25 ; spread = 0
    # score = 100 × (0.5·7/12 + 0.5·0.25) = 100 × 10/24 = 41.666…
    result = score_problem(flat(a={}, b={}), ASSESSED, aggregate="mean")
    x = result.candidate("x")
    assert result.aggregate == "mean"
    assert x.scores == approx({"a": 10 / 3, "b": 2.0})
    assert x.score == approx(1000 / 24)
    assert dict(x.spread) == approx({"a": 3.0, "b": 0.0})
    assert x.assessors == 3
    assert result.to_dict()["ranking"][0]["spread"] == approx({"a": 3.0, "b": 0.0})


def test_assessors_median(score_problem):
    # a: median(5, 3, 2) = 3 → v = 0.5 ; b: median(2, 2) = 2 → 0.25
    # score = 100 × (0.5·0.5 + 0.5·0.25) = 37.5 ; the spread does not depend on the aggregate
    result = score_problem(flat(a={}, b={}), ASSESSED, aggregate="median")
    x = result.candidate("x")
    assert result.aggregate == "median"
    assert x.scores == approx({"a": 3.0, "b": 2.0})
    assert x.score == approx(37.5)
    assert dict(x.spread) == approx({"a": 3.0, "b": 0.0})


def test_median_of_two_is_their_mean(score_problem):
    # median(5, 2) = 3.5 → v = 0.625 → 62.5 ; spread 3
    candidates = {"x": {"assessments": {"alice": {"a": 5}, "bob": {"a": 2}}}}
    x = score_problem(flat(a={}), candidates, aggregate="median").candidate("x")
    assert x.score == approx(62.5)
    assert dict(x.spread) == approx({"a": 3.0})


def test_single_assessor_has_no_spread(score_problem):
    # one score per criterion: no spread is reported
    candidates = {"x": {"assessments": {"alice": {"a": 5, "b": 1}}}, "y": {"scores": {"a": 3}}}
    result = score_problem(flat(a={}, b={}), candidates)
    assert dict(result.candidate("x").spread) == {}
    assert dict(result.candidate("y").spread) == {}
    assert result.candidate("x").score == approx(50.0)


# --- weight overrides --------------------------------------------------------------------


def test_weight_override_of_a_criterion(score_problem, load_problem):
    # a:b = 1:1 → override b to 3 → a = 1/4, b = 3/4
    # x (a 5, b 1): 100 × 1/4 = 25 ; y (a 1, b 5): 100 × 3/4 = 75
    criteria = flat(a={"weight": 1}, b={"weight": 1})
    candidates = {"x": {"scores": {"a": 5, "b": 1}}, "y": {"scores": {"a": 1, "b": 5}}}
    plain = score_problem(criteria, candidates)
    assert plain.candidate("x").score == approx(50.0) == plain.candidate("y").score
    project = load_problem(criteria, candidates, weights={"b": 3})
    assert project.criteria.weights == approx({"a": 0.25, "b": 0.75})
    result = partnerfit.score(project)
    assert result.candidate("x").score == approx(25.0)
    assert result.candidate("y").score == approx(75.0)
    assert [c.id for c in result.ranked] == ["y", "x"]
    assert result.to_dict()["criteria"]["weights"] == approx({"a": 0.25, "b": 0.75})


def test_weight_override_of_a_group(load_problem):
    # groups 2:1 → override g2 to 3 → g1 = 2/5, g2 = 3/5
    # a = 2/5 × 3/4 = 0.3, b = 2/5 × 1/4 = 0.1, c = 3/5
    # x (a 5, b 1, c 3): 100 × (0.3·1 + 0.1·0 + 0.6·0.5) = 60
    project = load_problem(GROUPED, {"x": {"scores": {"a": 5, "b": 1, "c": 3}}}, weights={"g2": 3})
    assert project.criteria.weights == approx({"a": 0.3, "b": 0.1, "c": 0.6})
    assert {g.id: g.effective_weight for g in project.criteria.groups} == approx({"g1": 0.4, "g2": 0.6})
    assert math.fsum(project.criteria.weights.values()) == approx(1.0, abs=1e-12)
    result = partnerfit.score(project)
    assert result.candidate("x").score == approx(60.0)
    assert dict(result.candidate("x").groups) == approx({"g1": 75.0, "g2": 50.0})


def test_weight_override_of_a_criterion_inside_a_group(load_problem):
    # inside g1, a:b = 3:1 → override b to 3 → a:b = 1:1 ; a = b = 2/3 × 1/2 = 1/3, c = 1/3
    project = load_problem(GROUPED, {"x": {"scores": {"a": 5}}}, weights={"b": 3})
    assert project.criteria.weights == approx({"a": 1 / 3, "b": 1 / 3, "c": 1 / 3})


def test_weight_override_from_load(write_problem):
    path = write_problem(flat(a={}, b={}), {"x": {"scores": {"a": 5, "b": 1}}}, weights={"b": 3})
    # the keyword wins over the file: b = 1 again → 1:1
    project = partnerfit.load(path, weights={"b": 1})
    assert project.criteria.weights == approx({"a": 0.5, "b": 0.5})


def test_unknown_weight_override_in_the_file_is_an_error(write_problem):
    path = write_problem(flat(a={}, b={}), {"x": {"scores": {"a": 5}}}, weights={"bogus": 3})
    with pytest.raises(InvalidInputError, match="bogus"):
        partnerfit.load(path)


def test_effective_weights_of_the_builtin_set_sum_to_one():
    criteria = partnerfit.load_criteria("partnership")
    assert math.fsum(criteria.weights.values()) == approx(1.0, abs=1e-12)
    assert math.fsum(g.effective_weight for g in criteria.groups) == approx(1.0, abs=1e-12)
    for group in criteria.groups:
        inside = math.fsum(criteria.weights[c] for c in group.criteria)
        assert inside == approx(group.effective_weight, abs=1e-12)


# --- bounds ------------------------------------------------------------------------------


def test_full_marks_never_exceed_100(score_problem):
    # a:b = 5:8, only a scored, at the top of its scale, missing: ignore
    # score = 100 × (5/13 · 1) / (5/13) = 100 exactly — never above 100
    result = score_problem(flat(a={"weight": 5}, b={"weight": 8}), {"x": {"scores": {"a": 5}}}, missing="ignore")
    x = result.candidate("x")
    assert x.score <= 100.0
    assert x.contributions["a"] <= 100.0


def test_missing_error_requested_at_score_time(load_problem):
    # the project was validated under 'ignore'; asking score() for 'error' must not
    # quietly renormalise x (75) and label the result missing='error'
    project = load_problem(MISSING, ONLY_A)
    with pytest.raises(partnerfit.PartnerfitError):
        partnerfit.score(project, missing="error")


@pytest.mark.parametrize(
    "weights",
    [{"bogus": 3.0}, {"a": -3.0}, {"a": 0.0, "b": 0.0}, {"a": float("nan")}],
    ids=["unknown-id", "negative", "all-zero", "nan"],
)
def test_invalid_weight_overrides_from_load(write_problem, weights):
    # the same overrides written in the file's `weights:` are errors (unknown id, weight ≤ 0,
    # non-number); passed to load() they are accepted and give negative, NaN or no weights
    path = write_problem(flat(a={}, b={}), {"x": {"scores": {"a": 5, "b": 1}}})
    with pytest.raises(InvalidWeightsError):
        partnerfit.load(path, weights=weights)
