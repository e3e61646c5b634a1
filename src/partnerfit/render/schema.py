"""The JSON Schemas as text, as committed under schemas/: indented JSON, labels' controls escaped."""

from __future__ import annotations

import copy
import json

from partnerfit.contract.criteria_set import CriteriaSet
from partnerfit.contract.schema import SchemaKind, json_schema
from partnerfit.render.sanitize import json_text  # labels of a criteria file: C1 and bidi controls escaped


def schema_text(kind: SchemaKind, criteria: CriteriaSet | None = None) -> str:
    """The schema as committed under schemas/: indented JSON with a final newline (see render.sanitize.json_text)."""
    return json_text(json.dumps(copy.deepcopy(json_schema(kind, criteria)), ensure_ascii=False, indent=2)) + "\n"
