"""JSON Schemas of the file kinds, generated from the pydantic models, for editors and CI."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from partnerfit.contract.assessment import AssessmentFile
from partnerfit.contract.candidates import CandidatesFile
from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.models import CriteriaFile
from partnerfit.contract.team_file import TeamFile

SchemaKind = Literal["candidates", "criteria", "assessment", "team"]
BUILTIN_BOUND = ("partnership",)  # built-in sets with a committed candidates schema of their own
BASE_URL = "https://raw.githubusercontent.com/partnerfit/partnerfit/main/schemas"
_FRACTION = r"^\s*[0-9]+(\.[0-9]+)?\s*/\s*[0-9]+(\.[0-9]+)?\s*$"
_GATE_WORDS = ["yes", "no", "on", "off", "y", "n", "true", "false", "Yes", "No", "YES", "NO"]


def schema_url(kind: SchemaKind, criteria_name: str | None = None) -> str:
    """Where the published schema of ``kind`` lives (used in the editor modeline).

    The built-in set has its own candidates schema, which completes its criterion and gate ids.
    """
    if kind == "candidates" and criteria_name in BUILTIN_BOUND:
        return f"{BASE_URL}/{criteria_name}-candidates.schema.json"
    return f"{BASE_URL}/{kind}.schema.json"


def json_schema(kind: SchemaKind, criteria: CriteriaSet | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a candidates or criteria file.

    With ``criteria`` (candidates only), scores and gates are keyed by that set's criterion and
    gate ids, each score bounded by its criterion's scale: editors then complete the ids.
    """
    models: dict[str, type[BaseModel]] = {
        "candidates": CandidatesFile,
        "criteria": CriteriaFile,
        "assessment": AssessmentFile,
        "team": TeamFile,
    }
    model = models[kind]
    schema: dict[str, Any] = model.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_url(kind),
        **schema,
        "title": f"partnerfit {kind} file (format version 1)",
    }
    schema["patternProperties"] = {"^x-": {"description": "Ignored: a place for YAML anchors and other tools."}}
    defs = schema.setdefault("$defs", {})
    if kind == "candidates":
        criteria_schema = CriteriaFile.model_json_schema()
        for name, definition in criteria_schema.get("$defs", {}).items():
            defs.setdefault(name, definition)
        defs["CriteriaFile"] = {k: v for k, v in criteria_schema.items() if k != "$defs"}
        schema["properties"]["criteria"] = {
            "description": schema["properties"]["criteria"].get("description", ""),
            "anyOf": [{"type": "string"}, {"$ref": "#/$defs/CriteriaFile"}, {"type": "null"}],
        }
        gates = defs["Candidate"]["properties"]["gates"]
        answer = {"anyOf": [{"type": "boolean"}, {"type": "null"}, {"enum": _GATE_WORDS}]}
        gates["patternProperties"] = dict.fromkeys(gates.get("patternProperties", {"^\\S+$": None}), answer)
    _ids_without_whitespace(schema)
    if criteria is not None and kind == "candidates":
        _bind_to_set(schema, criteria)
    judgements = [defs["Weighting"]["properties"]["comparisons"]["anyOf"][0]["items"]] if "Weighting" in defs else []
    if kind == "candidates":
        judgements += [
            v["items"] for v in schema["properties"]["judgements_by_participant"]["patternProperties"].values()
        ]
    for judgement in judgements:
        judgement["prefixItems"][2] = {
            "anyOf": [{"type": "number", "minimum": 1 / 9, "maximum": 9}, {"type": "string", "pattern": _FRACTION}],
            "description": 'From 1/9 to 9: a number, or a fraction written as text such as "1/3".',
        }
    return schema


def _bind_to_set(schema: dict[str, Any], criteria: CriteriaSet) -> None:
    """Score and gate keys of ``criteria``, with each criterion's label and scale bounds."""
    defs = schema["$defs"]
    entry = defs["ScoreEntry"]
    score_properties: dict[str, Any] = {}
    for c in criteria.criteria:
        bounded = {"type": "number", "minimum": c.low, "maximum": c.high}
        described = f"{c.text('en')} — {c.low:g} to {c.high:g}, {c.direction} is better"
        score_properties[c.id] = {
            "description": described,
            "anyOf": [bounded, {**entry, "properties": {**entry["properties"], "score": bounded}}],
        }
    scores = {"type": "object", "properties": score_properties, "additionalProperties": False}
    candidate = defs["Candidate"]["properties"]
    candidate["scores"] = {
        "description": candidate["scores"].get("description", ""),
        "anyOf": [scores, {"type": "null"}],
    }
    sheet = {"type": "object", "additionalProperties": scores, "minProperties": 1}
    candidate["assessments"] = {
        "description": candidate["assessments"].get("description", ""),
        "anyOf": [sheet, {"type": "null"}],
    }
    answer = {"anyOf": [{"type": "boolean"}, {"type": "null"}, {"enum": _GATE_WORDS}]}
    candidate["gates"] = {
        "description": candidate["gates"].get("description", ""),
        "type": "object",
        "properties": {gid: {**answer, "description": str(gate.label or gid)} for gid, gate in criteria.gates.items()},
        "additionalProperties": False,
    }
    _bind_role_weights(schema, criteria)
    _bind_scenario_weights(schema, criteria)
    schema["title"] = f"partnerfit candidates file for the {criteria.name} criteria (format version 1)"


def _bind_role_weights(schema: dict[str, Any], criteria: CriteriaSet) -> None:
    """Each role's weights keyed by the set's group and criterion ids, as the loader checks (PF109)."""
    by_role = schema["properties"]["weights_by_role"]
    weight = next(iter(by_role["additionalProperties"]["patternProperties"].values()))
    labelled = [(g.id, g.text("en")) for g in criteria.groups] + [(c.id, c.text("en")) for c in criteria.criteria]
    properties = {wid: {**weight, "description": label} for wid, label in labelled}
    by_role["additionalProperties"] = {"type": "object", "properties": properties, "additionalProperties": False}


def _bind_scenario_weights(schema: dict[str, Any], criteria: CriteriaSet) -> None:
    """Each scenario's weights keyed by the set's group and criterion ids, as the loader checks (PF109)."""
    weights = schema["$defs"]["Scenario"]["properties"]["weights"]
    weight = next(iter(weights.pop("patternProperties").values()))
    weights.pop("propertyNames", None)
    labelled = [(g.id, g.text("en")) for g in criteria.groups] + [(c.id, c.text("en")) for c in criteria.criteria]
    weights["properties"] = {wid: {**weight, "description": label} for wid, label in labelled}
    weights["additionalProperties"] = False


def _ids_without_whitespace(node: Any) -> None:
    """Mappings keyed by ids: every key must match, not only the keys that happen to match."""
    if isinstance(node, dict):
        if "^\\S+$" in node.get("patternProperties", {}):
            node["propertyNames"] = {"pattern": "^\\S+$", "minLength": 1}
        for value in node.values():
            _ids_without_whitespace(value)
    elif isinstance(node, list):
        for value in node:
            _ids_without_whitespace(value)
