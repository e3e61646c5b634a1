"""The JSON Schemas of ``scenarios:``: the generic one takes any id, the partnership one only the set's."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from partnerfit.contract.schema import json_schema

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
BASE = {"candidates": {"a": {"scores": {"loyalty": 4}}}}


def test_partnership_schema_knows_the_scenario_weight_ids() -> None:
    schema = json.loads((SCHEMAS / "partnership-candidates.schema.json").read_text(encoding="utf-8"))
    v = jsonschema.Draft202012Validator(schema)
    board = {"label": {"en": "Board", "fr": "Conseil"}, "description": "why", "weights": {"competences": 2}}
    assert not list(v.iter_errors({**BASE, "scenarios": {"board": board}}))
    assert list(v.iter_errors({**BASE, "scenarios": {"board": {"weights": {"competence": 2}}}}))
    assert list(v.iter_errors({**BASE, "scenarios": {"board": {"weights": {"loyalty": 0}}}}))
    assert list(v.iter_errors({**BASE, "scenarios": {"board": {"weights": {}}}}))
    assert list(v.iter_errors({**BASE, "scenarios": {"the board": {"weights": {"loyalty": 1}}}}))
    assert list(v.iter_errors({**BASE, "scenarios": {"board": {"weights": {"loyalty": 1}, "colour": "red"}}}))


def test_generic_schema_takes_any_id_but_not_a_bad_weight() -> None:
    v = jsonschema.Draft202012Validator(json_schema("candidates"))
    assert not list(v.iter_errors({**BASE, "scenarios": {"board": {"weights": {"anything": 2}}}}))
    assert list(v.iter_errors({**BASE, "scenarios": {"board": {"weights": {"anything": -1}}}}))
    assert list(v.iter_errors({**BASE, "scenarios": {"board": {"label": "no weights"}}}))
