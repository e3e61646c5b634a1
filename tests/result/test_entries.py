"""Entries and their reasons: typed fields, wording by the caller, rankings built by hand or from columns."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from partnerfit.i18n import LANGUAGES, reason_text
from partnerfit.result.close_call import CLOSE_FIRST, CLOSE_MARGIN, CloseCall
from partnerfit.result.entries import EXCLUSION_CODES, NOTE_CODES, CandidateResult, EntryList, Reason, Wording


def entry(cid: str, rank: int | None, reasons: tuple[Reason, ...] = (), notes: tuple[Reason, ...] = ()):
    return CandidateResult(
        id=cid,
        name=cid.upper(),
        rank=rank,
        score=50.0,
        value=0.5,
        coverage=1.0,
        reasons=reasons,
        groups={},
        contributions={},
        scores={"a": 3.0},
        spread={},
        notes=notes,
    )


def test_an_entry_is_built_with_keywords_and_keeps_the_json_key_order():
    knocked = entry("k", None, reasons=(Reason("minimum", "a", 1.0, 2.0),))
    document = knocked.to_dict(lambda r: f"{r.code}:{r.subject}")
    assert list(document) == [
        "rank",
        "id",
        "name",
        "score",
        "value",
        "coverage",
        "excluded",
        "reasons",
        "groups",
        "contributions",
        "spread",
        "scores",
        "disagreement",
        "notes",
        "assessors",
    ]
    assert document["excluded"] is True and document["reasons"] == ["minimum:a"]
    assert knocked.to_dict()["reasons"] == [{"code": "minimum", "subject": "a", "value": 1.0, "bound": 2.0}]


def test_a_wording_words_each_shared_tuple_once_and_hands_out_fresh_lists():
    calls: list[Reason] = []

    def words(reason: Reason) -> str:
        calls.append(reason)
        return reason.subject

    shared = (Reason("unanswered_gate", "g"), Reason("unscored_knockout", "c"))
    wording = Wording(words)
    first, second = wording(shared), wording(shared)
    assert first == second == ["g", "c"] and first is not second
    assert len(calls) == 2  # worded once for both
    first.append("mutated")
    assert wording(shared) == ["g", "c"]
    assert wording(()) == [] and len(calls) == 2


def test_without_words_each_reason_is_a_fresh_dict():
    wording = Wording()
    shared = (Reason("gate", "g"),)
    one, two = wording(shared), wording(shared)
    assert one == two == [{"code": "gate", "subject": "g", "value": None, "bound": None}]
    assert one[0] is not two[0]


def test_an_entry_list_slices_into_entry_lists():
    ranking = EntryList([entry("a", 1), entry("b", 2), entry("x", None, reasons=(Reason("no_scores"),))])
    assert len(ranking) == 3 and ranking[1].id == "b"
    head = ranking[:2]
    assert isinstance(head, EntryList) and [e.id for e in head] == ["a", "b"]
    assert list(ranking.summary()) == [(1, 50.0, "a"), (2, 50.0, "b"), (None, 50.0, "x")]
    [dict_x] = ranking.entry_dicts(2, 3, Wording(lambda r: r.code))
    assert dict_x["id"] == "x" and dict_x["reasons"] == ["no_scores"]
    assert ranking == [entry("a", 1), entry("b", 2), entry("x", None, reasons=(Reason("no_scores"),))]


@pytest.mark.parametrize("code", EXCLUSION_CODES + NOTE_CODES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_code_has_words_in_every_language(code, lang):
    text = reason_text(Reason(code, "crit", 1.0, 2.0), lang, "Label")
    assert text and "{" not in text
    assert ("Label" in text) is (code != "no_scores")
    assert reason_text(Reason(code, "crit", 1.0, 2.0), lang) == text.replace("Label", "crit")


@pytest.mark.parametrize(
    ("margin", "first", "close"),
    [
        (CLOSE_MARGIN - 0.01, None, True),
        (CLOSE_MARGIN, None, False),
        (5.0, CLOSE_FIRST - 0.01, True),
        (5.0, CLOSE_FIRST, False),
        (None, None, False),
    ],
)
def test_a_close_call_is_close_under_either_threshold(margin, first, close):
    assert CloseCall("a", "b", margin, first, None).close is close


def test_the_core_loads_no_words():
    """Scoring imports no catalogue of words: reasons are worded by the renderers."""
    code = textwrap.dedent(
        """
        import sys
        import partnerfit.engine.run, partnerfit.result.model
        print(sorted(m for m in sys.modules if m.startswith(("partnerfit.i18n", "partnerfit.render"))))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
