"""A parsed document: its plain data, and the way back from a data path to a line and column."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from partnerfit.errors import Diagnostic, Msg, msg

Loc = Sequence[str | int]

# a surrogate escape (\ud800 to \udfff): JSON pairs two into one character; a lone one is no character
_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Document:
    """A parsed file: its plain data, and a way back from a data path to a line and column."""

    path: str
    data: Any
    root: Node | None
    text: str = field(repr=False, default="")
    problems: list[Diagnostic] = field(default_factory=list, repr=False)
    _index: dict[int, dict[str, tuple[Node, Node]]] = field(default_factory=dict, repr=False)

    def locate(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the deepest node on ``loc``; of the key itself if ``key``."""
        node = self.root
        if node is None:
            return 1, 1
        for depth, part in enumerate(loc):
            if isinstance(node, MappingNode):
                pairs = self._pairs(node)
                found = pairs.get(str(part))
                if found is None:
                    break
                if key and depth == len(loc) - 1:
                    node = found[0]
                    break
                node = found[1]
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    break
                node = node.value[part]
            else:
                break
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _pairs(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        pairs = self._index.get(id(node))
        if pairs is None:
            pairs = {}
            merged = getattr(node, "merged_pairs", 0)
            # the data keeps the first explicit key, else the merged one: locate the same node
            for key_node, value_node in [*node.value[merged:], *node.value[:merged]]:
                if isinstance(key_node, ScalarNode):
                    pairs.setdefault(key_node.value, (key_node, value_node))
            self._index[id(node)] = pairs
        return pairs

    def diagnostic(
        self, loc: Loc, message: str | Msg, *, key: bool = False, severity: str = "error", code: str = ""
    ) -> Diagnostic:
        line, column = self.locate(loc, key=key)
        path = ".".join(str(p) for p in loc)
        return Diagnostic.of(self.path, line, column, severity, message, path, code)  # type: ignore[arg-type]


def clean_surrogates(doc: Document) -> None:
    """Report each text or key holding a lone surrogate (an escape such as \\ud800 without its pair) at its
    place, and replace the surrogate by U+FFFD in the data.

    Such a text cannot be printed or written as UTF-8: left in, it would pass ``check`` and make every
    output of ``score`` fail. Only a file with a surrogate escape in its text is walked.
    """
    if not _SURROGATE_ESCAPE.search(doc.text):
        return
    found: list[tuple[tuple[str | int, ...], bool]] = []

    def clean(value: Any, loc: tuple[str | int, ...]) -> Any:
        if isinstance(value, str):
            if _SURROGATE.search(value):
                found.append((loc, False))
                return _SURROGATE.sub("\ufffd", value)
            return value
        if isinstance(value, list):
            return [clean(item, (*loc, i)) for i, item in enumerate(value)]
        if isinstance(value, dict):
            result = {}
            for key, item in value.items():
                if _SURROGATE.search(key):
                    found.append(((*loc, key), True))
                result[_SURROGATE.sub("\ufffd", key)] = clean(item, (*loc, key))
            return result
        return value

    doc.data = clean(doc.data, ())
    message = msg(
        "a lone surrogate (an escape from {low} to {high} without its pair) is not a character; "
        "write the character itself",
        low="\\ud800",
        high="\\udfff",
    )
    for loc, key in found:
        diagnostic = doc.diagnostic(loc, message, key=key, code="PF007")
        doc.problems.append(dataclasses.replace(diagnostic, path=_SURROGATE.sub("\ufffd", diagnostic.path)))
