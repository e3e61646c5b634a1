"""The team file's JSON Schema matches the models, accepts the consortium example and rejects broken team blocks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from partnerfit.contract.schema import json_schema
from partnerfit.io.document import read_document
from partnerfit.render.schema import schema_text

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
EXAMPLE = ROOT / "examples" / "consortium"


def validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_team_schema_matches_the_models() -> None:
    committed = (SCHEMAS / "team.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text("team"), "run `partnerfit schema team -o schemas/team.schema.json`"


def test_every_field_of_the_team_schema_is_described() -> None:
    schema = json_schema("team")
    undescribed = [
        f"{name}.{field}"
        for name, definition in [("(top)", schema), *schema["$defs"].items()]
        for field, spec in definition.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undescribed == []
    assert {"Team", "Cover", "MixRule"} <= set(schema["$defs"])


def test_the_consortium_example_validates() -> None:
    team = read_document(EXAMPLE / "team-alt.yaml").data
    assert not [e.message for e in validator("team").iter_errors(team)]
    candidates = read_document(EXAMPLE / "candidates.yaml").data
    assert not [e.message for e in validator("partnership-candidates").iter_errors(candidates)]
    assert not [e.message for e in validator("candidates").iter_errors(candidates)]
    for path in EXAMPLE.glob("*.yaml"):
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schemas/"), path


GOOD: dict[str, Any] = {"kind": "team", "candidates": "c.yaml", "team": {"size": [2, 3]}}


@pytest.mark.parametrize(
    "bad",
    [
        {**GOOD, "kind": "candidates"},
        {k: v for k, v in GOOD.items() if k != "candidates"},
        {k: v for k, v in GOOD.items() if k != "team"},
        {**GOOD, "team": {"size": [2, 3], "budget": -1}},
        {**GOOD, "team": {"size": [2, 3], "objective": "best"}},
        {**GOOD, "team": {"size": [2, 3], "cover": {"quality": {"at_least": 1}}}},
        {**GOOD, "team": {"size": [2, 3], "never_together": [["only_one"]]}},
        {**GOOD, "team": {"size": [2, 3], "include": ["has space"]}},
        {**GOOD, "team": {"size": [2, 3], "inclde": ["a"]}},
        {**GOOD, "extra": 1},
    ],
)
def test_broken_team_files_are_rejected(bad: dict[str, Any]) -> None:
    v = validator("team")
    assert not list(v.iter_errors(GOOD))
    assert list(v.iter_errors(bad))
