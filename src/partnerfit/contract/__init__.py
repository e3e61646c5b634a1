"""The file format: pydantic models of FORMAT.md, the resolved criteria set, JSON Schema, semantic checks, messages."""
