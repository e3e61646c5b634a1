"""A criteria file's `weighting:` block (and swing `weight:` values) rewritten in place, every other byte kept."""

from __future__ import annotations

import difflib
import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

from partnerfit.io.yaml_lines import value_end

# ruamel.yaml locates the keys; the edit is spliced into the original text, so nothing outside the
# edited lines is ever re-emitted (ruamel's own writer would re-wrap long lines and re-space flows)
_LABELS = ("label", "short", "description")


class EditRefused(Exception):
    """The file cannot be edited this way; ``key`` names the catalogue text, ``values`` its fields."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key, self.values = key, values


def _load(text: str) -> Any:
    from ruamel.yaml import YAML  # only `weigh` edits a criteria file: the CLI starts without ruamel

    return YAML(typ="rt").load(text)


def _node(data: Any, scope: str) -> Any:
    node = data if not scope else data["groups"][scope]
    if getattr(node, "fa", None) is not None and node.fa.flow_style():
        raise EditRefused("weigh_flow_style", scope=scope or "/")
    return node


def _dump(block: Mapping[str, Any], col: int, newline: str) -> list[str]:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    def flow(items: Sequence[Any]) -> CommentedSeq:
        seq = CommentedSeq(items)
        seq.fa.set_flow_style()
        return seq

    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    def judgement(value: str) -> Any:  # "1/3" quoted as the format's examples write it, 3 as a number
        return DoubleQuotedScalarString(value) if "/" in value else int(value)

    inner = CommentedMap(method=block["method"])
    if "comparisons" in block:
        inner["comparisons"] = CommentedSeq(flow([a, b, judgement(v)]) for a, b, v in block["comparisons"])
    if "order" in block:
        inner["order"] = flow(list(block["order"]))
    if block.get("comment"):
        inner.yaml_add_eol_comment(block["comment"], "method")
    writer = YAML(typ="rt")
    writer.indent(mapping=2, sequence=4, offset=2)
    writer.width = 4096  # one judgement per line, never wrapped
    out = io.StringIO()
    writer.dump(CommentedMap(weighting=inner), out)
    return [" " * col + line + newline for line in out.getvalue().splitlines()]


def set_weighting(text: str, scope: str, block: Mapping[str, Any]) -> str:
    """``text`` with the `weighting:` of ``scope`` ("" = the top level, else a group id) replaced by ``block``.

    ``block``: method, and comparisons (a, b, value-as-written) or order; an optional comment. An
    existing block is replaced where it stands; a new one goes just before `groups:`/`criteria:`.
    """
    node = _node(_load(text), scope)
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if "weighting" in node:
        line, col = node.lc.key("weighting")
        end = value_end(lines, line, col)
    else:
        anchor = next((k for k in ("groups", "criteria") if k in node), None)
        if anchor is None:
            raise EditRefused("weigh_no_items", scope=scope or "/")
        line, col = node.lc.key(anchor)
        end = line
    return "".join([*lines[:line], *_dump(block, col, newline), *lines[end:]])


def _item(data: Any, scope: str, item: str) -> Any:
    if not scope:
        node = data["groups"][item] if "groups" in data else data["criteria"][item]
    else:
        node = data["groups"][scope]["criteria"][item]
    if node is None or (getattr(node, "fa", None) is not None and node.fa.flow_style()):
        raise EditRefused("weigh_flow_style", scope=item)
    return node


def set_weights(text: str, scope: str, weights: Mapping[str, str]) -> str:
    """``text`` with each item's `weight:` set to the text given (an existing line edited, or a line added)."""
    data = _load(text)
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    inserts: list[tuple[int, str]] = []
    for item, value in weights.items():
        node = _item(data, scope, item)
        if "weight" in node:
            line, col = node.lc.key("weight")
            lines[line] = re.sub(r"^(\s*weight:\s*)[^\s#]+", rf"\g<1>{value}", lines[line], count=1)
            continue
        keys = list(node)
        col = node.lc.key(keys[0])[1]
        labels = [k for k in keys if k in _LABELS]
        at = value_end(lines, *node.lc.key(labels[-1])) if labels else node.lc.key(keys[0])[0]
        inserts.append((at, " " * col + f"weight: {value}" + newline))
    for at, line_text in sorted(inserts, reverse=True):
        lines.insert(at, line_text)
    return "".join(lines)


def unified(old: str, new: str, path: str) -> str:
    """The change as a unified diff of ``path`` (empty when nothing changes)."""
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), path, path, n=2))
