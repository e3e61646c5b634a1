"""Weights people can defend: AHP comparisons and rank orders in criteria files (issue 3).

The expected weights are computed here by hand (geometric means for a 3-item AHP matrix, the ROC
and rank-sum formulas), not by the code under test; the published Wang & Chin (2011) AHP example
is read from tests/data/reference.
"""

from __future__ import annotations

import json
import math
from fractions import Fraction
from pathlib import Path

import pytest

import partnerfit
from partnerfit.errors import InvalidInputError

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
AHP_DIR = DATA / "valid" / "ahp"
AHP_CRITERIA = AHP_DIR / "ahp_criteria.yaml"
AHP_CANDIDATES = AHP_DIR / "ahp_candidates.yaml"
INVALID = DATA / "invalid"
WANG_CHIN = DATA / "reference" / "published_ahp_wang_chin2011.json"


def roc(n: int) -> list[float]:
    """Rank-order-centroid weights, most important first: w_k = (1/n) Σ_{i=k..n} 1/i."""
    return [sum(1 / i for i in range(k, n + 1)) / n for k in range(1, n + 1)]


def rank_sum(n: int) -> list[float]:
    """Rank-sum weights, most important first: w_k = 2 (n + 1 - k) / (n (n + 1))."""
    return [2 * (n + 1 - k) / (n * (n + 1)) for k in range(1, n + 1)]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def formatted(path: Path) -> list[str]:
    return [d.format() for d in partnerfit.check_file(path)]


# --- the formulas themselves ------------------------------------------------------------


def test_roc_for_three_is_the_textbook_triple() -> None:
    assert roc(3) == pytest.approx([0.6111, 0.2778, 0.1111], abs=5e-5)
    assert roc(3) == pytest.approx([11 / 18, 5 / 18, 2 / 18])
    assert rank_sum(3) == pytest.approx([3 / 6, 2 / 6, 1 / 6])


# --- the demo criteria file: AHP between groups, ROC / rank sum / direct inside ----------------


def test_the_ahp_demo_files_are_valid_without_any_warning() -> None:
    assert formatted(AHP_CRITERIA) == []
    assert formatted(AHP_CANDIDATES) == []


def expected_demo_weights() -> dict[str, float]:
    # a 3x3 reciprocal matrix: its principal eigenvector is the vector of row geometric means
    people = (1 * 3 * 2) ** (1 / 3)
    money = (1 / 3 * 1 * 1 / 2) ** (1 / 3)
    fit = (1 / 2 * 2 * 1) ** (1 / 3)
    total = people + money + fit
    groups = {"people": people / total, "money": money / total, "fit": fit / total}
    trust, loyalty, openness = roc(3)
    cost, funding = rank_sum(2)
    return {
        "loyalty": groups["people"] * loyalty,
        "trust": groups["people"] * trust,
        "openness": groups["people"] * openness,
        "funding": groups["money"] * funding,
        "cost": groups["money"] * cost,
        "vision": groups["fit"] * 2 / 3,
        "timing": groups["fit"] * 1 / 3,
    }


def test_ahp_at_the_top_and_rank_orders_in_groups_give_the_hand_computed_weights() -> None:
    criteria = partnerfit.load_criteria(AHP_CRITERIA)
    expected = expected_demo_weights()
    assert list(criteria.weights) == list(expected)  # file order is kept
    assert criteria.weights == pytest.approx(expected, abs=1e-12)
    assert math.isclose(sum(criteria.weights.values()), 1.0, abs_tol=1e-12)
    groups = {g.id: g.effective_weight for g in criteria.groups}
    assert groups == pytest.approx({"people": 0.53961455, "money": 0.16342412, "fit": 0.29696133}, abs=1e-8)
    # ROC inside 'people': 0.6111, 0.2778, 0.1111 of the group's share
    share = groups["people"]
    people = [criteria.weights[c] / share for c in ("trust", "loyalty", "openness")]
    assert people == pytest.approx([0.6111, 0.2778, 0.1111], abs=5e-5)


def test_each_origin_says_how_its_siblings_were_weighted() -> None:
    criteria = partnerfit.load_criteria(AHP_CRITERIA)
    origins = {o.scope: o for o in criteria.origins}
    assert {scope: o.method for scope, o in origins.items()} == {
        "": "ahp",
        "people": "roc",
        "money": "rank_sum",
        "fit": "direct",
    }
    top = origins[""]
    assert top.cr is not None and 0 <= top.cr < 0.10
    assert not top.inconsistent
    assert top.lambda_max is not None and top.lambda_max >= 3 - 1e-12
    # CI = (λmax − n) / (n − 1), CR = CI / RI(3) with Saaty's RI(3) = 0.58
    assert top.ci == pytest.approx((top.lambda_max - 3) / 2)
    assert top.cr == pytest.approx(top.ci / 0.58)
    assert origins["people"].cr is None
    for origin in criteria.origins:
        assert math.isclose(sum(origin.weights.values()), 1.0, abs_tol=1e-12)


def test_the_candidates_file_scores_with_the_derived_weights() -> None:
    project = partnerfit.load(AHP_CANDIDATES)
    expected = expected_demo_weights()
    assert project.criteria.weights == pytest.approx(expected, abs=1e-12)
    result = partnerfit.score(project)
    assert result.criteria.weights == pytest.approx(expected, abs=1e-12)
    # wsm by hand for Atelier Nord (scale [1, 5], cost lower is better)
    scores = {"loyalty": 4, "trust": 4, "openness": 3, "funding": 2, "cost": 3, "vision": 5, "timing": 4}
    by_hand = 100 * sum(expected[c] * ((5 - x) / 4 if c == "cost" else (x - 1) / 4) for c, x in scores.items())
    assert result.candidate("atelier").score == pytest.approx(by_hand)
    assert [c.id for c in result.excluded] == ["sanctioned"]


# --- flat sets --------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 3, 4, 6])
@pytest.mark.parametrize(("method", "formula"), [("roc", roc), ("rank_sum", rank_sum)])
def test_a_rank_order_on_a_flat_set_follows_the_formula(tmp_path: Path, n: int, method: str, formula) -> None:
    ids = [f"c{k}" for k in range(n)]
    order = list(reversed(ids))  # most important first: the last criterion of the file
    text = (
        f"kind: criteria\nname: flat\nweighting: {{method: {method}, order: [{', '.join(order)}]}}\ncriteria:\n"
        + "".join(f"  {cid}: {{}}\n" for cid in ids)
    )
    path = write(tmp_path, f"flat_{method}_{n}.yaml", text)
    assert formatted(path) == []
    weights = partnerfit.load_criteria(path).weights
    assert list(weights) == ids
    assert [weights[cid] for cid in order] == pytest.approx(formula(n), abs=1e-12)


def test_consistent_ahp_comparisons_give_exact_ratios_and_zero_cr(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "consistent.yaml",
        "kind: criteria\nname: consistent\nweighting:\n  method: ahp\n  comparisons:\n"
        "    - [a, b, 2]\n    - [a, c, 4]\n    - [b, c, 2]\ncriteria: {a: {}, b: {}, c: {}}\n",
    )
    criteria = partnerfit.load_criteria(path)
    assert criteria.weights == pytest.approx({"a": 4 / 7, "b": 2 / 7, "c": 1 / 7}, abs=1e-12)
    (origin,) = criteria.origins
    assert origin.cr == pytest.approx(0.0, abs=1e-9)
    assert origin.lambda_max == pytest.approx(3.0, abs=1e-9)


def test_partial_comparisons_are_allowed_when_they_link_every_item(tmp_path: Path) -> None:
    # a spanning tree of judgements: a = 2 b, b = 2 c, nothing said about a vs c
    path = write(
        tmp_path,
        "partial.yaml",
        "kind: criteria\nname: partial\nweighting:\n  method: ahp\n  comparisons:\n"
        '    - [a, b, 2]\n    - [c, b, "1/2"]\ncriteria: {a: {}, b: {}, c: {}}\n',
    )
    assert formatted(path) == []
    assert partnerfit.load_criteria(path).weights == pytest.approx({"a": 4 / 7, "b": 2 / 7, "c": 1 / 7}, abs=1e-9)


def test_the_top_level_weighting_of_a_grouped_set_weighs_groups_not_criteria(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "top_names_criteria.yaml",
        "kind: criteria\nname: top\nweighting: {method: roc, order: [people, money]}\n"
        "groups:\n  people: {criteria: {loyalty: {}}}\n  money: {criteria: {cost: {}}}\n",
    )
    assert partnerfit.load_criteria(path).weights == pytest.approx({"loyalty": 0.75, "cost": 0.25})
    wrong = write(
        tmp_path,
        "top_names_a_criterion.yaml",
        "kind: criteria\nname: top\nweighting: {method: roc, order: [people, cost]}\n"
        "groups:\n  people: {criteria: {loyalty: {}}}\n  money: {criteria: {cost: {}}}\n",
    )
    assert formatted(wrong) == [
        f"{wrong}:3:33: error: weighting.order: the order must list every item; missing: money",
        f"{wrong}:3:42: error: weighting.order.1: unknown id 'cost'",
    ]
    with pytest.raises(InvalidInputError):
        partnerfit.load_criteria(wrong)


# --- warnings -----------------------------------------------------------------------------


def test_a_weight_written_where_a_weighting_derives_it_is_a_warning(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "weight_ignored.yaml",
        "kind: criteria\nname: ignored\nweighting: {method: roc, order: [a, b]}\n"
        "criteria:\n  a: {weight: 1}\n  b: {weight: 9}\n",
    )
    lines = formatted(path)
    assert len(lines) == 1
    assert ": warning: " in lines[0]
    assert "'weight' written on a, b is ignored: roc derives these weights" in lines[0]
    # the rank order wins over the written weights
    assert partnerfit.load_criteria(path).weights == pytest.approx({"a": 0.75, "b": 0.25})


def test_a_group_weight_under_top_level_ahp_is_a_warning(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "group_weight_ignored.yaml",
        "kind: criteria\nname: ignored\nweighting:\n  method: ahp\n  comparisons: [[people, money, 3]]\n"
        "groups:\n  people: {weight: 10, criteria: {loyalty: {}}}\n  money: {criteria: {cost: {}}}\n",
    )
    (line,) = formatted(path)
    assert ": warning: " in line and "'weight' written on people is ignored: ahp derives" in line
    assert partnerfit.load_criteria(path).weights == pytest.approx({"loyalty": 0.75, "cost": 0.25})


def test_inconsistent_ahp_is_a_warning_naming_the_most_responsible_comparisons(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "inconsistent.yaml",
        "kind: criteria\nname: inconsistent\nweighting:\n  method: ahp\n  comparisons:\n"
        '    - [a, b, 9]\n    - [b, c, 9]\n    - [a, c, "1/9"]\ncriteria: {a: {}, b: {}, c: {}}\n',
    )
    (line,) = formatted(path)
    assert f"{path}:6:5: warning: weighting.comparisons: AHP judgements are inconsistent: CR = " in line
    assert "> 0.10; most responsible: " in line
    assert " vs " in line
    (origin,) = partnerfit.load_criteria(path).origins  # a warning: the set still loads
    assert origin.inconsistent and origin.cr is not None and origin.cr > 0.10


# --- the published example: Wang & Chin (2011) -------------------------------------------------


def wang_chin() -> dict:
    return json.loads(WANG_CHIN.read_text(encoding="utf-8"))


def saaty_text(value: float, style: str) -> str:
    if style == "decimal":
        return repr(value)
    if value >= 1:
        return str(Fraction(value).limit_denominator(9))
    return f'"1/{round(1 / value)}"'


def wang_chin_file(tmp_path: Path, style: str) -> Path:
    """The paper's matrix as comparisons: the upper triangle (or, reversed, the lower one)."""
    reference = wang_chin()
    matrix = reference["pairwise_matrix"]
    n = len(matrix)
    rows = []
    for i in range(n):
        for j in range(i + 1, n):
            if style == "reversed":  # [c_j, c_i, a_ji]: the same judgement read the other way
                rows.append(f"    - [c{j + 1}, c{i + 1}, {saaty_text(matrix[j][i], 'fraction')}]")
            else:
                rows.append(f"    - [c{i + 1}, c{j + 1}, {saaty_text(matrix[i][j], style)}]")
    text = (
        "kind: criteria\nname: wang_chin\nweighting:\n  method: ahp\n  comparisons:\n"
        + "\n".join(rows)
        + "\ncriteria:\n"
        + "".join(f"  c{k + 1}: {{}}\n" for k in range(n))
    )
    return write(tmp_path, f"wang_chin_{style}.yaml", text)


@pytest.mark.parametrize("style", ["fraction", "decimal", "reversed"])
def test_wang_chin_2011_weights_are_reproduced_to_5e_5(tmp_path: Path, style: str) -> None:
    reference = wang_chin()
    path = wang_chin_file(tmp_path, style)
    criteria = partnerfit.load_criteria(path)
    weights = [criteria.weights[f"c{k + 1}"] for k in range(len(reference["expected_weights"]))]
    assert weights == pytest.approx(reference["expected_weights"], abs=5e-5)
    assert weights == pytest.approx(reference["library_weights"]["pymcdm"], abs=1e-9)
    (origin,) = criteria.origins
    assert origin.lambda_max == pytest.approx(reference["lambda_max"], abs=1e-6)
    assert origin.ci == pytest.approx(reference["CI"], abs=1e-6)
    assert origin.cr == pytest.approx(reference["CI"] / 1.24, abs=1e-6)  # Saaty's RI(6) = 1.24


def test_wang_chin_2011_is_flagged_as_inconsistent(tmp_path: Path) -> None:
    path = wang_chin_file(tmp_path, "fraction")
    (line,) = formatted(path)
    assert ": warning: weighting.comparisons: AHP judgements are inconsistent: CR = 0.229 > 0.10" in line
    # c1 vs c3: given 3, the weights imply w1 / w3 = 0.3208 / 0.0348 ≈ 9.2 — the worst judgement
    assert "most responsible: c1 vs c3: given 3.00, the weights imply 9.23" in line


# --- the invalid corpus of tests/data/invalid/weighting_*.yaml ---------------------------------------

# what the text at each .expected line:column must start with: the offending value (or, for a key
# that does not belong there, the key)
POINTS_AT: dict[str, list[str]] = {
    "weighting_unknown_id": ["cots"],
    "weighting_duplicate_comparison": ["[cost, quality"],
    "weighting_order_duplicate": ["[quality, cost, quality]", "quality]"],
    "weighting_incomplete_order": ["[trust, loyalty]"],
    "weighting_disconnected": ["- [quality, cost, 3]"],
    "weighting_saaty_out_of_scale": ["10]"],
    "weighting_comparisons_with_roc": ["comparisons:"],
    "weighting_preference_linear_without_p": ["{type: linear, q: 1}"],
    "weighting_preference_q_above_p": ["2, p: 1}"],
    "weighting_compared_with_itself": ["[cost, cost"],
}


def test_the_weighting_corpus_is_complete() -> None:
    found = sorted(p.stem for p in INVALID.glob("weighting_*.yaml"))
    assert found == sorted(POINTS_AT)
    for stem in found:
        assert (INVALID / f"{stem}.expected").is_file()


@pytest.mark.parametrize("stem", sorted(POINTS_AT))
def test_each_expected_line_points_at_the_offending_value(stem: str) -> None:
    """A check of the .expected files themselves (src/ is compared with them by test_loading.py)."""
    source = (INVALID / f"{stem}.yaml").read_text(encoding="utf-8").splitlines()
    lines = (INVALID / f"{stem}.expected").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(POINTS_AT[stem])
    for line, token in zip(lines, POINTS_AT[stem], strict=True):
        assert line.startswith("{file}:")
        _, row, column, severity, _ = line.split(":", 4)
        assert severity == " error"
        assert source[int(row) - 1][int(column) - 1 :].startswith(token), (line, token)


@pytest.mark.parametrize(
    ("stem", "words"),
    [
        ("weighting_unknown_id", ["unknown id 'cots'", "did you mean 'cost'?"]),
        ("weighting_duplicate_comparison", ["compared twice"]),
        ("weighting_order_duplicate", ["listed twice", "missing: reach"]),
        ("weighting_incomplete_order", ["must list every item", "missing: openness"]),
        ("weighting_disconnected", ["separate groups: quality, cost | reach, trust"]),
        ("weighting_saaty_out_of_scale", ["1/9 to 9"]),
        ("weighting_comparisons_with_roc", ["belong to AHP"]),
        ("weighting_preference_linear_without_p", ["'linear'", "q, p"]),
        ("weighting_preference_q_above_p", ["q (2) must not exceed p (1)"]),
        ("weighting_compared_with_itself", ["compared with itself"]),
    ],
)
def test_each_weighting_error_says_what_is_wrong(stem: str, words: list[str]) -> None:
    text = (INVALID / f"{stem}.expected").read_text(encoding="utf-8")
    for word in words:
        assert word in text


def test_q_above_p_points_at_the_value_of_q() -> None:
    path = INVALID / "weighting_preference_q_above_p.yaml"
    (diagnostic,) = partnerfit.check_file(path)
    source = path.read_text(encoding="utf-8").splitlines()
    assert source[diagnostic.line - 1][diagnostic.column - 1 :].startswith("2, p: 1}")


def test_a_comparison_outside_saatys_scale_names_the_value_found() -> None:
    (diagnostic,) = partnerfit.check_file(INVALID / "weighting_saaty_out_of_scale.yaml")
    assert "10" in diagnostic.message
