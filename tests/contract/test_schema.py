"""The committed JSON Schemas match the models, accept every example and reject invalid files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from partnerfit.contract.schema import json_schema
from partnerfit.io.document import read_document
from partnerfit.project.loading import detect_kind, load_criteria
from partnerfit.render.schema import schema_text

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
EXAMPLES = sorted(
    [*ROOT.glob("examples/*.yaml"), *ROOT.glob("criteria/*.yaml"), *ROOT.glob("tests/data/valid/**/*.yaml")]
)
# invalid files whose problem a JSON Schema can express (structure and types, not cross-file semantics)
SCHEMA_EXPRESSIBLE = [
    "candidates_empty.yaml",
    "score_bool.yaml",
    "score_quoted.yaml",
    "score_text.yaml",
    "score_mapping_without_score.yaml",
    "score_mapping_unknown_key.yaml",
    "unknown_top_key.yaml",
    "version_2.yaml",
    "candidate_id_space.yaml",
    "direction_unknown.yaml",
    "criteria_weight_zero.yaml",
]


def validator(kind: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("kind", ["candidates", "criteria"])
def test_committed_schema_matches_the_models(kind: str) -> None:
    committed = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), (
        f"schemas/{kind}.schema.json drifted: run `partnerfit schema {kind} -o schemas/{kind}.schema.json`"
    )


def test_committed_partnership_schema_matches() -> None:
    committed = (SCHEMAS / "partnership-candidates.schema.json").read_text(encoding="utf-8")
    expected = schema_text("candidates", load_criteria("partnership"))
    assert committed == expected, (
        "run `partnerfit schema candidates --criteria partnership -o schemas/partnership-candidates.schema.json`"
    )


def test_partnership_schema_knows_the_ids_and_scales() -> None:
    schema = json.loads((SCHEMAS / "partnership-candidates.schema.json").read_text(encoding="utf-8"))
    v = jsonschema.Draft202012Validator(schema)
    assert not list(
        v.iter_errors({"candidates": {"a": {"scores": {"loyalty": 4}, "gates": {"sanctions_listed": "no"}}}})
    )
    assert list(v.iter_errors({"candidates": {"a": {"scores": {"loyality": 4}}}}))
    assert list(v.iter_errors({"candidates": {"a": {"scores": {"loyalty": 6}}}}))
    assert list(v.iter_errors({"candidates": {"a": {"scores": {"loyalty": {"score": 0}}}}}))
    assert list(v.iter_errors({"candidates": {"a": {"gates": {"sanction": False}}}}))


@pytest.mark.parametrize("kind", ["candidates", "criteria"])
def test_every_field_is_described(kind: str) -> None:
    schema = json_schema(kind)
    undescribed = [
        f"{name}.{field}"
        for name, definition in [("(top)", schema), *schema["$defs"].items()]
        for field, spec in definition.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undescribed == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_validate(path: Path) -> None:
    data = read_document(path).data
    errors = list(validator(detect_kind(data)).iter_errors(data))
    assert errors == [], [e.message for e in errors]


@pytest.mark.parametrize("name", SCHEMA_EXPRESSIBLE)
def test_invalid_files_are_rejected(name: str) -> None:
    data = read_document(ROOT / "tests" / "data" / "invalid" / name).data
    assert list(validator(detect_kind(data)).iter_errors(data)), f"{name} passes the schema"


def test_examples_carry_the_modeline() -> None:
    for path in ROOT.glob("examples/*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=../schemas/"), path


def test_partnership_schema_knows_the_role_weight_ids() -> None:
    schema = json.loads((SCHEMAS / "partnership-candidates.schema.json").read_text(encoding="utf-8"))
    v = jsonschema.Draft202012Validator(schema)
    base = {"candidates": {"a": {"scores": {"loyalty": 4}}}}
    assert not list(v.iter_errors({**base, "weights_by_role": {"R&D": {"competences": 2, "loyalty": 1}}}))
    assert list(v.iter_errors({**base, "weights_by_role": {"R&D": {"competence": 2}}}))
    assert list(v.iter_errors({**base, "weights_by_role": {"R&D": {"loyalty": 0}}}))
