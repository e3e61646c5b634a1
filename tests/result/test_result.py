"""The Result model: its invariants, its JSON shape (FORMAT.md), its typed reasons and close call, its determinism."""

from __future__ import annotations

import dataclasses
import json
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import yaml

import partnerfit
from partnerfit.i18n import reason_text
from partnerfit.result.close_call import CloseCall, WeightChange
from partnerfit.result.model import Reason, Result

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "packaging.yaml"

CRITERIA = {
    "scale": [1, 5],
    "groups": {
        "g1": {"weight": 2, "criteria": {"a": {"weight": 3}, "b": {"weight": 1, "minimum": 2}}},
        "g2": {"weight": 1, "criteria": {"c": {"direction": "lower"}}},
    },
    "gates": {"listed": {}},
}
CANDIDATES = {
    "top": {"name": "Top Ltd", "type": "sme", "scores": {"a": 5, "b": 4, "c": 1}},
    "tie_b": {"scores": {"a": 3, "b": 3, "c": 3}},
    "tie_a": {"assessments": {"x": {"a": 4, "b": 3, "c": 3}, "y": {"a": 2, "b": 3, "c": 3}}},
    "partial": {"scores": {"a": 2}},
    "gated": {"gates": {"listed": True}, "scores": {"a": 5, "b": 5, "c": 1}},
    "knocked": {"scores": {"a": 5, "b": 1, "c": 1}},
    "empty": {},
}


def write(tmp_path: Path, name: str = "problem.yaml") -> Path:
    data: dict[str, Any] = {"partnerfit": 1, "kind": "candidates", "title": "T", "objective": "O"}
    data["criteria"] = CRITERIA
    data["candidates"] = CANDIDATES
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def result(tmp_path: Path) -> Result:
    return partnerfit.score(partnerfit.load(write(tmp_path)))


def test_the_fixture_is_what_the_tests_assume(result: Result):
    # tie_b: 100 × (2/3 × (3/4·0.5 + 1/4·0.5) + 1/3 × 0.5) = 50
    # tie_a: a = mean(4, 2) = 3 → same values → 50 (a tie, listed by id)
    assert [(c.id, c.rank) for c in result.ranking[:4]] == [
        ("top", 1),
        ("tie_a", 2),
        ("tie_b", 2),
        ("partial", 4),
    ]
    assert {c.id for c in result.excluded} == {"gated", "knocked", "empty"}
    assert result.ties == [["tie_a", "tie_b"]]


# --- invariants ----------------------------------------------------------------------------


def with_ranking(result: Result, ranking: list) -> Result:
    return dataclasses.replace(result, ranking=tuple(ranking))


def test_good_result_survives_replace(result: Result):
    assert with_ranking(result, list(result.ranking)) == result


def test_excluded_before_ranked_is_refused(result: Result):
    entries = list(result.ranking)
    bad = [entries[-1], *entries[:-1]]
    with pytest.raises(ValueError, match="precede"):
        with_ranking(result, bad)


def test_rank_gap_is_refused(result: Result):
    entries = list(result.ranking)
    entries[0] = dataclasses.replace(entries[0], rank=2)
    with pytest.raises(ValueError, match="expected 1"):
        with_ranking(result, entries)


def test_rank_after_a_tie_must_skip(result: Result):
    # 1, 2, 2, 3 instead of 1, 2, 2, 4
    entries = list(result.ranking)
    entries[3] = dataclasses.replace(entries[3], rank=3)
    with pytest.raises(ValueError, match="expected 4"):
        with_ranking(result, entries)


def test_shared_rank_without_a_tied_score_is_refused(result: Result):
    entries = list(result.ranking)
    entries[1] = dataclasses.replace(entries[1], rank=1)  # tie_a (50) sharing rank 1 with top
    with pytest.raises(ValueError, match="without a tied score"):
        with_ranking(result, entries)


def test_swapped_order_is_refused(result: Result):
    entries = list(result.ranking)
    entries[0], entries[3] = entries[3], entries[0]
    with pytest.raises(ValueError):
        with_ranking(result, entries)


def test_effective_weights_must_sum_to_one(result: Result):
    criteria = result.criteria
    first = dataclasses.replace(criteria.criteria[0], effective_weight=0.9)
    broken = dataclasses.replace(criteria, criteria=(first, *criteria.criteria[1:]))
    with pytest.raises(ValueError, match="sum to"):
        dataclasses.replace(result, criteria=broken)


# --- to_dict -------------------------------------------------------------------------------

REQUIRED = {
    "rank",
    "id",
    "name",
    "score",
    "coverage",
    "excluded",
    "reasons",
    "groups",
    "contributions",
    "spread",
}


def check_entry(entry: dict[str, Any], criteria: set[str], groups: set[str]) -> None:
    assert entry.keys() >= REQUIRED
    assert entry["rank"] is None or (type(entry["rank"]) is int and entry["rank"] >= 1)
    assert type(entry["id"]) is str and entry["id"]
    assert type(entry["name"]) is str and entry["name"]
    assert type(entry["score"]) is float
    assert 0.0 <= entry["score"] <= 100.0
    assert type(entry["coverage"]) is float
    assert 0.0 <= entry["coverage"] <= 1.0 + 1e-12
    assert type(entry["excluded"]) is bool
    assert entry["excluded"] == (entry["rank"] is None)
    assert isinstance(entry["reasons"], list)
    assert all(type(r) is str for r in entry["reasons"])
    assert entry["excluded"] == bool(entry["reasons"])
    assert isinstance(entry["groups"], dict)
    assert set(entry["groups"]) == groups
    assert all(v is None or type(v) is float for v in entry["groups"].values())
    for key in ("contributions", "spread"):
        assert isinstance(entry[key], dict)
        assert set(entry[key]) <= criteria
        assert all(type(v) is float for v in entry[key].values())


def test_to_dict_has_the_format_keys_with_their_types(result: Result):
    data = result.to_dict(words=reason_text)
    assert type(data["partnerfit"]) is str
    assert data["partnerfit"] == partnerfit.__version__
    assert data["method"] == "wsm"
    assert data["criteria"]["name"] == "inline"
    weights = data["criteria"]["weights"]
    assert list(weights) == ["a", "b", "c"]
    assert all(type(w) is float for w in weights.values())
    assert sum(weights.values()) == pytest.approx(1.0, abs=1e-12)
    assert [e["id"] for e in data["ranking"]] == [c.id for c in result.ranking]
    for entry in data["ranking"]:
        check_entry(entry, set(weights), {"g1", "g2"})
    by_id = {e["id"]: e for e in data["ranking"]}
    assert by_id["top"]["name"] == "Top Ltd"
    assert by_id["tie_a"]["name"] == "tie_a"
    assert by_id["tie_a"]["spread"] == {"a": 2.0, "b": 0.0, "c": 0.0}
    assert by_id["top"]["spread"] == {}
    assert by_id["partial"]["groups"]["g2"] is None
    assert by_id["gated"]["reasons"] == ["gate: listed"]
    assert by_id["knocked"]["reasons"] == ["b 1 < minimum 2"]
    assert by_id["empty"]["reasons"] == ["no criterion scored"]
    assert by_id["empty"]["contributions"] == {}


def test_to_dict_of_the_packaging_example():
    result = partnerfit.score(partnerfit.load(EXAMPLE))
    data = result.to_dict(words=reason_text)
    criteria = set(data["criteria"]["weights"])
    groups = {g.id for g in result.criteria.groups}
    for entry in data["ranking"]:
        check_entry(entry, criteria, groups)
    ranks = [e["rank"] for e in data["ranking"]]
    ranked = [r for r in ranks if r is not None]
    assert ranks[: len(ranked)] == ranked  # ranked ones first, excluded after
    assert ranked == sorted(ranked)


def test_to_dict_top_keeps_the_first_ranked(result: Result):
    data = result.to_dict(top=2)
    assert [e["id"] for e in data["ranking"]] == ["top", "tie_a"]
    assert all(e["rank"] is not None for e in data["ranking"])


def test_to_dict_has_no_nan_and_round_trips_through_json(result: Result):
    text = json.dumps(result.to_dict(), allow_nan=False)
    assert json.loads(text) == result.to_dict()


# --- typed reasons and close call ------------------------------------------------------------


def test_reasons_and_notes_are_codes_and_values(result: Result):
    assert result.candidate("knocked").reasons == (Reason("minimum", "b", 1.0, 2.0),)
    assert result.candidate("gated").reasons == (Reason("gate", "listed"),)
    assert result.candidate("empty").reasons == (Reason("no_scores"),)
    assert result.candidate("top").notes == (Reason("unanswered_gate", "listed"),)
    assert [c.id for c in result.excluded] == ["gated", "knocked", "empty"]


def test_to_dict_without_words_gives_the_typed_fields(result: Result):
    by_id = {e["id"]: e for e in result.to_dict()["ranking"]}
    assert by_id["knocked"]["reasons"] == [{"code": "minimum", "subject": "b", "value": 1.0, "bound": 2.0}]
    assert by_id["empty"]["reasons"] == [{"code": "no_scores", "subject": "", "value": None, "bound": None}]
    assert by_id["top"]["notes"] == [{"code": "unanswered_gate", "subject": "listed", "value": None, "bound": None}]
    worded = {e["id"]: e for e in result.to_dict(words=reason_text)["ranking"]}
    assert worded["top"]["notes"] == ["gate not answered: listed"]
    # the same document but for the reasons and notes
    assert {k: v for k, v in by_id["top"].items() if k != "notes"} == {
        k: v for k, v in worded["top"].items() if k != "notes"
    }


def test_words_in_another_language(result: Result):
    french = partial(reason_text, lang="fr")
    by_id = {e["id"]: e for e in result.to_dict(words=french)["ranking"]}
    assert by_id["gated"]["reasons"] == ["critère éliminatoire : listed"]
    assert by_id["empty"]["reasons"] == ["aucun critère noté"]


def test_the_close_call_is_a_typed_field_written_in_the_header(result: Result):
    assert result.close_call is None and "close_call" not in result.header_dict()
    change = WeightChange("a", "criterion", 0.5, 0.61, "tie_a")
    verdict = CloseCall("top", "tie_a", 0.4, None, change)
    judged = dataclasses.replace(result, close_call=verdict)
    assert judged.close_call is verdict and judged.close_call.close
    header = judged.header_dict()
    assert list(header)[-1] == "close_call"
    assert header["close_call"] == {
        "close": True,
        "leader": "top",
        "runner_up": "tie_a",
        "margin": 0.4,
        "first_rank": None,
        "change": {"id": "a", "level": "criterion", "from": 0.5, "to": 0.61, "leader": "tie_a"},
    }


def test_a_hand_made_ranking_reads_like_the_columnar_one(result: Result):
    copy = with_ranking(result, list(result.ranking))
    assert type(copy.ranked).__name__ == "EntryList" and type(result.ranked).__name__ == "LazyRanking"
    assert copy.to_dict(words=reason_text) == result.to_dict(words=reason_text)
    assert copy.to_dict(top=2) == result.to_dict(top=2)
    assert copy.ties == result.ties == [["tie_a", "tie_b"]]
    assert list(copy.excluded.summary()) == list(result.excluded.summary())
    assert copy.summary() == result.summary() == [(c.rank, c.score, c.id) for c in result.ranking]


# --- determinism ---------------------------------------------------------------------------


def test_same_input_gives_byte_identical_json(tmp_path: Path):
    first = write(tmp_path, "one.yaml")
    dumps = [json.dumps(partnerfit.score(partnerfit.load(first)).to_dict(), ensure_ascii=False) for _ in range(2)]
    assert dumps[0] == dumps[1]
    # a fresh copy of the same file: same bytes too
    copy = tmp_path / "copy"
    copy.mkdir()
    second = write(copy, "one.yaml")
    again = json.dumps(partnerfit.score(partnerfit.load(second)).to_dict(), ensure_ascii=False)
    assert again.encode() == dumps[0].encode()


def test_same_example_gives_byte_identical_json():
    dumps = {json.dumps(partnerfit.score(partnerfit.load(EXAMPLE)).to_dict(), indent=2).encode() for _ in range(3)}
    assert len(dumps) == 1
