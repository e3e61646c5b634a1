"""Ranking, ties, knock-outs, gates and exclusions (FORMAT.md, "The default method")."""

from __future__ import annotations

import pytest

from partnerfit.engine.ranking import competition_ranks
from partnerfit.i18n import reason_text

approx = pytest.approx

ONE = {"scale": [1, 5], "criteria": {"a": {}}}


def ranks(result) -> list[tuple[str, int | None]]:
    return [(c.id, c.rank) for c in result.ranking]


# --- competition ranking -----------------------------------------------------------------


def test_competition_ranking_with_ties_listed_by_id(score_problem):
    # scores: d 5 → 100 ; zeta 4 → 75 ; alpha 4 → 75 ; b 3 → 50
    # ranks 1, 2, 2, 4 ; the tied pair listed by id (alpha before zeta)
    candidates = {
        "zeta": {"scores": {"a": 4}},
        "b": {"scores": {"a": 3}},
        "d": {"scores": {"a": 5}},
        "alpha": {"scores": {"a": 4}},
    }
    result = score_problem(ONE, candidates)
    assert ranks(result) == [("d", 1), ("alpha", 2), ("zeta", 2), ("b", 4)]
    assert result.ties == [["alpha", "zeta"]]
    assert [e["rank"] for e in result.to_dict()["ranking"]] == [1, 2, 2, 4]


def test_three_way_tie_then_next_rank_skips(score_problem):
    # c, a, b all 75 → rank 1 ; d 50 → rank 4
    candidates = {
        "c": {"scores": {"a": 4}},
        "d": {"scores": {"a": 3}},
        "a": {"scores": {"a": 4}},
        "b": {"scores": {"a": 4}},
    }
    result = score_problem(ONE, candidates)
    assert ranks(result) == [("a", 1), ("b", 1), ("c", 1), ("d", 4)]
    assert result.ties == [["a", "b", "c"]]


def test_floating_point_noise_ties(score_problem):
    # a:b:c = 1:2:7 on [0, 1] → effective 0.1, 0.2, 0.7 ; missing: worst
    # x: a 1, b 1, c missing (v = 0) → 100 × (0.1 + 0.2) = 30 (30.000000000000004 in floats)
    # y: a 0, b 0, c 3/7            → 100 × 0.7 × 3/7 = 30 (30.0 in floats)
    # equal on paper, a few ulps apart in binary: tied, listed by id
    criteria = {
        "scale": [0, 1],
        "criteria": {"a": {"weight": 1}, "b": {"weight": 2}, "c": {"weight": 7}},
    }
    candidates = {"y": {"scores": {"c": 3 / 7, "a": 0, "b": 0}}, "x": {"scores": {"a": 1, "b": 1}}}
    result = score_problem(criteria, candidates, missing="worst")
    x, y = result.candidate("x"), result.candidate("y")
    assert abs(x.score - y.score) <= 1e-9
    assert x.rank == y.rank == 1
    assert [c.id for c in result.ranked] == ["x", "y"]


def test_scores_within_1e9_tie_and_beyond_do_not(score_problem):
    # scale [0, 1], one criterion: score = 100·x
    # p: x = 0.5 → 50 ; q: x = 0.5 + 5e-12 → 50 + 5e-10 (within 1e-9: tie, listed by id)
    # r: x = 0.5 - 1e-10 → 50 - 1e-8 (beyond 1e-9: next rank)
    criteria = {"scale": [0, 1], "criteria": {"a": {}}}
    candidates = {
        "r": {"scores": {"a": 0.5 - 1e-10}},
        "q": {"scores": {"a": 0.5 + 5e-12}},
        "p": {"scores": {"a": 0.5}},
    }
    result = score_problem(criteria, candidates)
    assert result.candidate("q").score > result.candidate("p").score
    assert ranks(result) == [("p", 1), ("q", 1), ("r", 3)]


def test_competition_ranks_directly():
    ids = ["b", "a", "c", "d", "e"]
    scores = [70.0, 70.0 + 5e-10, 60.0, 60.0 - 2e-9, 10.0]
    eligible = [True, True, True, True, False]
    # a and b within 1e-9 → rank 1 by id ; c and d 2e-9 apart → ranks 3 and 4 ; e not eligible
    assert competition_ranks(ids, scores, eligible) == [(1, 1), (0, 1), (2, 3), (3, 4)]


def test_competition_ranks_empty_and_single():
    assert competition_ranks([], [], []) == []
    assert competition_ranks(["x"], [42.0], [True]) == [(0, 1)]
    assert competition_ranks(["x"], [42.0], [False]) == []


# --- knock-outs --------------------------------------------------------------------------


def test_knockout_minimum_reason_text(score_problem):
    # loyalty 1 < minimum 2 → excluded, keeps its score 100 × (0.5·1 + 0.5·0) = 50
    criteria = {"scale": [1, 5], "criteria": {"expertise": {}, "loyalty": {"minimum": 2}}}
    candidates = {
        "kerlann": {"scores": {"expertise": 5, "loyalty": 1}},
        "fibre": {"scores": {"expertise": 2, "loyalty": 2}},
    }
    result = score_problem(criteria, candidates)
    kerlann = result.candidate("kerlann")
    assert kerlann.excluded
    assert kerlann.rank is None
    assert kerlann.score == approx(50.0)
    assert [reason_text(r) for r in kerlann.reasons] == ["loyalty 1 < minimum 2"]
    # the minimum itself passes: fibre 2 → not excluded
    assert not result.candidate("fibre").excluded
    entry = result.to_dict(words=reason_text)["ranking"][-1]
    assert entry["id"] == "kerlann"
    assert entry["excluded"] is True
    assert entry["rank"] is None
    assert entry["reasons"] == ["loyalty 1 < minimum 2"]


def test_knockout_maximum_reason_text(score_problem):
    criteria = {"scale": [1, 5], "criteria": {"cost": {"direction": "lower", "maximum": 4}}}
    candidates = {"x": {"scores": {"cost": 5}}, "y": {"scores": {"cost": 4}}}
    result = score_problem(criteria, candidates)
    assert [reason_text(r) for r in result.candidate("x").reasons] == ["cost 5 > maximum 4"]
    assert not result.candidate("y").excluded


def test_knockout_applies_to_the_mean_not_to_single_assessors(score_problem):
    # loyalty minimum 2: pass = mean(1, 4) = 2.5 ≥ 2 though alice gave 1 → kept
    #                    fail = mean(1, 2) = 1.5 < 2 → 'loyalty 1.5 < minimum 2'
    # cost maximum 4:     hot  = mean(5, 4) = 4.5 > 4 → 'cost 4.5 > maximum 4'
    #                     warm = mean(5, 3) = 4 → not above → kept
    criteria = {
        "scale": [1, 5],
        "criteria": {"loyalty": {"minimum": 2}, "cost": {"direction": "lower", "maximum": 4}},
    }
    candidates = {
        "pass": {"assessments": {"alice": {"loyalty": 1}, "bob": {"loyalty": 4}}},
        "fail": {"assessments": {"alice": {"loyalty": 1}, "bob": {"loyalty": 2}}},
        "hot": {"assessments": {"alice": {"cost": 5}, "bob": {"cost": 4}}},
        "warm": {"assessments": {"alice": {"cost": 5}, "bob": {"cost": 3}}},
    }
    result = score_problem(criteria, candidates, aggregate="mean")
    assert not result.candidate("pass").excluded
    assert not result.candidate("warm").excluded
    assert [reason_text(r) for r in result.candidate("fail").reasons] == ["loyalty 1.5 < minimum 2"]
    assert [reason_text(r) for r in result.candidate("hot").reasons] == ["cost 4.5 > maximum 4"]


def test_knockout_applies_to_the_median_when_asked(score_problem):
    # mean(1, 1, 5) = 2.33 ≥ 2 → kept ; median(1, 1, 5) = 1 < 2 → excluded
    criteria = {"scale": [1, 5], "criteria": {"loyalty": {"minimum": 2}}}
    candidates = {"x": {"assessments": {"a": {"loyalty": 1}, "b": {"loyalty": 1}, "c": {"loyalty": 5}}}}
    assert not score_problem(criteria, candidates, aggregate="mean").candidate("x").excluded
    median = score_problem(criteria, candidates, aggregate="median").candidate("x")
    assert [reason_text(r) for r in median.reasons] == ["loyalty 1 < minimum 2"]


def test_unscored_knockout_is_a_note_not_an_exclusion(score_problem):
    criteria = {"scale": [1, 5], "criteria": {"a": {}, "loyalty": {"minimum": 2}}}
    x = score_problem(criteria, {"x": {"scores": {"a": 5}}}).candidate("x")
    assert not x.excluded
    assert x.rank == 1
    assert [n.code for n in x.notes] == ["unscored_knockout"]


# --- gates -------------------------------------------------------------------------------


GATED = {"scale": [1, 5], "criteria": {"a": {}}, "gates": {"sanctions_listed": {}}}


def test_gate_true_excludes(score_problem):
    candidates = {
        "resinex": {"gates": {"sanctions_listed": True}, "scores": {"a": 5}},
        "clean": {"gates": {"sanctions_listed": False}, "scores": {"a": 2}},
        "words": {"gates": {"sanctions_listed": "yes"}, "scores": {"a": 4}},
    }
    result = score_problem(GATED, candidates)
    resinex = result.candidate("resinex")
    assert resinex.excluded and resinex.rank is None
    assert [reason_text(r) for r in resinex.reasons] == ["gate: sanctions_listed"]
    assert resinex.score == approx(100.0)
    assert [reason_text(r) for r in result.candidate("words").reasons] == ["gate: sanctions_listed"]
    assert result.candidate("clean").rank == 1


def test_unanswered_gate_is_reported_not_failed(score_problem):
    x = score_problem(GATED, {"x": {"scores": {"a": 3}}}).candidate("x")
    assert not x.excluded
    assert x.rank == 1
    assert [reason_text(n) for n in x.notes] == ["gate not answered: sanctions_listed"]


def test_gate_and_knockout_reasons_together(score_problem):
    criteria = {**GATED, "criteria": {"a": {"minimum": 3}}}
    x = score_problem(criteria, {"x": {"gates": {"sanctions_listed": True}, "scores": {"a": 1}}})
    texts = [reason_text(r) for r in x.candidate("x").reasons]
    assert sorted(texts) == ["a 1 < minimum 3", "gate: sanctions_listed"]


# --- exclusions in the ranking -----------------------------------------------------------


def test_excluded_keep_their_score_and_come_after_ranked(score_problem):
    # top (gate, 100) and mid (gate, 75) are excluded despite the best scores;
    # ranked: low (50) rank 1, lowest (25) rank 2 ; excluded by score: top, mid
    candidates = {
        "mid": {"gates": {"sanctions_listed": True}, "scores": {"a": 4}},
        "low": {"scores": {"a": 3}},
        "top": {"gates": {"sanctions_listed": True}, "scores": {"a": 5}},
        "lowest": {"scores": {"a": 2}},
    }
    result = score_problem(GATED, candidates)
    assert ranks(result) == [("low", 1), ("lowest", 2), ("top", None), ("mid", None)]
    assert [c.score for c in result.excluded] == approx([100.0, 75.0])
    assert [c.id for c in result.ranked] == ["low", "lowest"]


def test_excluded_with_equal_scores_are_listed_by_id(score_problem):
    candidates = {
        "zz": {"gates": {"sanctions_listed": True}, "scores": {"a": 4}},
        "aa": {"gates": {"sanctions_listed": True}, "scores": {"a": 4}},
        "ok": {"scores": {"a": 1}},
    }
    result = score_problem(GATED, candidates)
    assert ranks(result) == [("ok", 1), ("aa", None), ("zz", None)]


def test_candidate_without_any_score_is_excluded(score_problem):
    # 'ghost' has an empty scores mapping, 'blank' has none at all
    candidates = {"x": {"scores": {"a": 3}}, "ghost": {"scores": {}}, "blank": {"name": "Blank"}}
    result = score_problem(ONE, candidates)
    for cid in ("ghost", "blank"):
        entry = result.candidate(cid)
        assert entry.excluded
        assert entry.rank is None
        assert [reason_text(r) for r in entry.reasons] == ["no criterion scored"]
        assert entry.coverage == 0.0
        assert entry.score == 0.0
        assert dict(entry.contributions) == {}
    assert ranks(result)[0] == ("x", 1)
    assert result.candidate("blank").name == "Blank"
    assert result.candidate("ghost").name == "ghost"


def test_candidate_without_any_score_under_missing_worst(score_problem):
    result = score_problem(ONE, {"x": {"scores": {"a": 3}}, "ghost": {}}, missing="worst")
    ghost = result.candidate("ghost")
    assert [reason_text(r) for r in ghost.reasons] == ["no criterion scored"]
    assert ghost.rank is None


def test_all_candidates_excluded(score_problem):
    result = score_problem(GATED, {"x": {"gates": {"sanctions_listed": True}, "scores": {"a": 3}}})
    assert result.ranked == ()
    assert ranks(result) == [("x", None)]
    assert result.ties == []


@pytest.mark.parametrize(
    ("scores", "keys", "expected"),
    [
        ([0.0, 0.0, 100.0], None, [(2, 1), (0, 2), (1, 2)]),  # scores alone: a tie, listed by id
        ([0.0, 0.0, 100.0], [-149.0, -148.0, 0.0], [(2, 1), (1, 2), (0, 3)]),  # the finer key tells them apart
        ([50.0, 50.0 + 1e-12, 1.0], [-0.3, -0.3, -2.0], [(1, 1), (0, 1), (2, 3)]),  # both within 1e-9: still a tie
    ],
)
def test_a_finer_key_breaks_only_the_ties_the_score_cannot_show(scores, keys, expected):
    # a tie group is listed by id: "a" (row 0) before "b" (row 1)
    placed = competition_ranks(["a", "b", "c"], scores, [True] * 3, keys)
    assert sorted(placed, key=lambda p: (p[1], p[0])) == sorted(expected, key=lambda p: (p[1], p[0]))
