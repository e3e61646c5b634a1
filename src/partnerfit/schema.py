"""JSON Schemas of the two file kinds, generated from the pydantic models, for editors and CI."""

from __future__ import annotations

import copy
import json
from typing import Any, Literal

from partnerfit.models import CandidatesFile, CriteriaFile

SchemaKind = Literal["candidates", "criteria"]
BASE_URL = "https://raw.githubusercontent.com/partnerfit/partnerfit/main/schemas"
_FRACTION = r"^\s*[0-9]+(\.[0-9]+)?\s*/\s*[0-9]+(\.[0-9]+)?\s*$"
_GATE_WORDS = ["yes", "no", "on", "off", "y", "n", "true", "false", "Yes", "No", "YES", "NO"]


def schema_url(kind: SchemaKind) -> str:
    """Where the published schema of ``kind`` lives (used in the editor modeline)."""
    return f"{BASE_URL}/{kind}.schema.json"


def json_schema(kind: SchemaKind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a candidates or criteria file."""
    model = CandidatesFile if kind == "candidates" else CriteriaFile
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
        criteria = CriteriaFile.model_json_schema()
        for name, definition in criteria.get("$defs", {}).items():
            defs.setdefault(name, definition)
        defs["CriteriaFile"] = {k: v for k, v in criteria.items() if k != "$defs"}
        schema["properties"]["criteria"] = {
            "description": schema["properties"]["criteria"].get("description", ""),
            "anyOf": [{"type": "string"}, {"$ref": "#/$defs/CriteriaFile"}, {"type": "null"}],
        }
        gates = defs["Candidate"]["properties"]["gates"]
        answer = {"anyOf": [{"type": "boolean"}, {"type": "null"}, {"enum": _GATE_WORDS}]}
        gates["patternProperties"] = dict.fromkeys(gates.get("patternProperties", {"^\\S+$": None}), answer)
    _ids_without_whitespace(schema)
    if "Weighting" in defs:
        judgement = defs["Weighting"]["properties"]["comparisons"]["anyOf"][0]["items"]
        judgement["prefixItems"][2] = {
            "anyOf": [{"type": "number", "minimum": 1 / 9, "maximum": 9}, {"type": "string", "pattern": _FRACTION}],
            "description": 'From 1/9 to 9: a number, or a fraction written as text such as "1/3".',
        }
    return schema


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


def schema_text(kind: SchemaKind) -> str:
    """The schema as committed under schemas/: indented JSON with a final newline."""
    return json.dumps(copy.deepcopy(json_schema(kind)), ensure_ascii=False, indent=2) + "\n"
