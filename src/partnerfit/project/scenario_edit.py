"""One named scenario written into a candidates file's `scenarios:` block, every other byte of the file kept."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from partnerfit.contract.scenarios import Scenario
from partnerfit.errors import Msg, msg
from partnerfit.io.yaml_lines import value_end

# ruamel.yaml locates the keys; the new entry is spliced into the original text, so nothing outside the
# scenario's own lines is re-emitted (comments, order, quoting and layout stay as written)


class ScenarioEditError(ValueError):
    """The scenario cannot be written into this file; ``message`` says why (a translatable diagnostic)."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.message = message


def _load(text: str) -> Any:
    from ruamel.yaml import YAML  # only saving a scenario needs positions: the CLI starts without ruamel

    return YAML(typ="rt").load(text)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


def _entry_lines(scenario_id: str, entry: Mapping[str, Any], col: int, newline: str) -> list[str]:
    # default_flow_style=None: the weights (and a {language: text} label) stay on one line each
    text = yaml.safe_dump({scenario_id: dict(entry)}, default_flow_style=None, sort_keys=False, allow_unicode=True)
    return [" " * col + line + newline for line in text.splitlines()]


def _plain(value: Any) -> Any:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, Mapping) else value


def _entry(
    scenario_id: str, existing: Any, weights: Mapping[str, float], label: str | Mapping[str, str] | None
) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    old = existing if isinstance(existing, Mapping) else {}
    if label is not None or old.get("label") is not None:
        entry["label"] = _plain(label if label is not None else old["label"])
    if old.get("description") is not None:
        entry["description"] = _plain(old["description"])  # a replaced scenario keeps why it was written
    entry["weights"] = {str(k): _number(v) for k, v in weights.items()}
    try:
        Scenario.model_validate(entry)
    except ValidationError as exc:
        why = str(exc.errors()[0]["msg"])
        raise ScenarioEditError(msg("scenario {id} is not valid: {why}", id=repr(scenario_id), why=why)) from None
    return entry


def _splice(text: str, data: Any, scenario_id: str, entry: Mapping[str, Any]) -> str:
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if "scenarios" not in data:
        tail = "" if not text or text.endswith(("\n", "\r")) else newline
        return text + tail + newline + "scenarios:" + newline + "".join(_entry_lines(scenario_id, entry, 2, newline))
    block: Any = data["scenarios"]
    top, _ = data.lc.key("scenarios")
    if not block:  # `scenarios:` or `scenarios: {}`: now a block (a comment after it on that line is dropped)
        line = end = top + 1
        col = 2
        lines[top] = "scenarios:" + newline
    elif not hasattr(block, "keys") or not hasattr(block, "lc") or block.fa.flow_style():
        raise ScenarioEditError(msg("'scenarios' must be written as an indented block to be edited"))
    elif scenario_id in block:
        line, col = block.lc.key(scenario_id)
        end = value_end(lines, line, col)
    else:
        col = block.lc.key(next(iter(block)))[1]
        end = line = value_end(lines, top, 0)
    return "".join([*lines[:line], *_entry_lines(scenario_id, entry, col, newline), *lines[end:]])


def set_scenario(
    text: str, scenario_id: str, weights: Mapping[str, float], label: str | Mapping[str, str] | None = None
) -> str:
    """``text`` with scenario ``scenario_id`` written: replaced where it stands, or added at the block's end.

    A replaced scenario keeps its label (unless ``label`` is given) and its description; the weights are
    written as given (3.0 as 3). Refuses (ScenarioEditError) an id with spaces, a weight not above 0, a
    file that is not a YAML mapping, or a `scenarios:` written in flow style.
    """
    if not scenario_id or any(c.isspace() for c in scenario_id):
        raise ScenarioEditError(msg("a scenario id is one word without spaces, not {id}", id=repr(scenario_id)))
    data = _load(text) if text.strip() else None
    if not isinstance(data, Mapping):
        raise ScenarioEditError(msg("the file is not a YAML mapping; a scenario cannot be added to it"))
    existing = (data.get("scenarios") or {}).get(scenario_id) if isinstance(data.get("scenarios"), Mapping) else None
    entry = _entry(scenario_id, existing, weights, label)
    new = _splice(text, data, scenario_id, entry)
    # read back as the loader would: a bug here must never leave the file unreadable or another key changed
    before, after = yaml.safe_load(text), yaml.safe_load(new)
    others_kept = {k: v for k, v in after.items() if k != "scenarios"} == {
        k: v for k, v in before.items() if k != "scenarios"
    }
    if after["scenarios"][scenario_id] != entry or not others_kept:
        raise RuntimeError("the scenario was not written as intended")  # a bug, never a user's mistake
    return new


def save_scenario(
    path: str | Path, scenario_id: str, weights: Mapping[str, float], label: str | Mapping[str, str] | None = None
) -> str:
    """The new text of the candidates file at ``path`` with ``scenario_id`` written (the caller writes it)."""
    source = Path(path)
    if source.suffix.lower() == ".json":
        raise ScenarioEditError(msg("{path}: scenarios are saved into YAML files only", path=str(source)))
    return set_scenario(source.read_text(encoding="utf-8"), scenario_id, weights, label)
