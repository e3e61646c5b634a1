"""Turn composed YAML nodes into plain data: plain tags, decimal numbers, text keys and checked merges only."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from partnerfit import numbers
from partnerfit.errors import MAX_DIAGNOSTICS, TOO_MANY, Diagnostic, InvalidInputError, Msg, msg

MAX_DEPTH = 64
MAX_ALIAS_NODES = 100_000
# values (scalars, mappings, lists) one YAML file may hold: composing costs ~350 bytes and ~2 µs
# each, so the densest file at the byte limit would otherwise take gigabytes; 10,000 candidates
# scored on 13 criteria hold about 350,000
MAX_NODES = 1_000_000
# every value but the first follows one of these (an indicator or a line break), or is the empty
# value of a key that does: twice their count bounds the number of values, so most files never
# need the exact count
_NODE_INDICATORS = ",\n:-[{?"

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LIBYAML = _BaseLoader is not yaml.SafeLoader  # libyaml counts positions in bytes, Python in characters
_TAG = "tag:yaml.org,2002:"
STR_TAG, INT_TAG, FLOAT_TAG, BOOL_TAG, NULL_TAG = (_TAG + t for t in ("str", "int", "float", "bool", "null"))
MAP_TAG, SEQ_TAG, MERGE_TAG = (_TAG + t for t in ("map", "seq", "merge"))
_KEY_TAGS = {STR_TAG, INT_TAG, FLOAT_TAG, BOOL_TAG}
_BOOLS = {"true": True, "false": False, "yes": True, "no": False, "on": True, "off": False}
_SCALARS = yaml.SafeLoader(" ")


class Loader(_BaseLoader):  # type: ignore[misc]
    """Safe loader resolving only what a partnerfit file means: true/false, null, decimal numbers, merges.

    YAML 1.1's yes/no/on/off stay text (no "Norway problem" in names); gates accept them as answers
    explicitly. Dates stay text so a date in a score is reported, not converted. Numbers are read by
    partnerfit.numbers alone (YAML 1.2 decimals): 075, 0x1F, 1:30 or 1_000 stay text.
    """


Loader.yaml_implicit_resolvers = {}
Loader.add_implicit_resolver(BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Loader.add_implicit_resolver(NULL_TAG, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
Loader.add_implicit_resolver(MERGE_TAG, re.compile(r"^(?:<<)$"), ["<"])
Loader.add_implicit_resolver(INT_TAG, numbers.INT, numbers.INT_FIRST)
Loader.add_implicit_resolver(FLOAT_TAG, numbers.FLOAT, numbers.FLOAT_FIRST)


def node_beyond_budget(text: str, budget: int = MAX_NODES) -> tuple[int, int] | None:
    """Line and column (1-based) of the ``budget + 1``-th value of ``text``, or None: counted by the parser."""
    if 2 * sum(text.count(c) for c in _NODE_INDICATORS) + 1 <= budget:
        return None
    loader = Loader(text)
    counted = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent)
    count = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, counted):
                count += 1
                mark = event.start_mark
                if count > budget and mark is not None:
                    return mark.line + 1, mark.column + 1
    except yaml.YAMLError:  # the composer that follows reports it, located
        return None
    finally:
        loader.dispose()
    return None


def too_deep() -> Msg:
    """The message of a document nested deeper than MAX_DEPTH."""
    return msg("nesting is too deep (more than {depth} levels)", depth=str(MAX_DEPTH))


def _kind(node: Node) -> Msg:
    """What a node holds, in a message (never its content: the node may come from any file)."""
    if isinstance(node, MappingNode):
        return msg("a mapping")
    if isinstance(node, SequenceNode):
        return msg("a list")
    kinds = {
        NULL_TAG: msg("nothing (null)"),
        INT_TAG: msg("a number"),
        FLOAT_TAG: msg("a number"),
        BOOL_TAG: msg("a boolean"),
    }
    return kinds.get(node.tag) or msg("a text")


class Refused(Exception):
    """A node the document may not hold at all (recursive alias, too deep): the reading stops there."""

    def __init__(self, node: Node, message: Msg) -> None:
        super().__init__(str(message))
        self.node = node
        self.message = message


class Builder:
    """Turns composed YAML nodes into plain dicts, lists and scalars, collecting problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[Diagnostic] = []

    def _error(self, node: Node, message: Msg, code: str) -> None:
        if len(self.errors) >= MAX_DIAGNOSTICS:  # the rest would not be shown: do not pay for them
            if self.errors[-1].code != TOO_MANY:
                self.errors.append(Diagnostic(self.path, 1, 1, "error", "", "", TOO_MANY))
            return
        mark = node.start_mark
        self.errors.append(Diagnostic.of(self.path, mark.line + 1, mark.column + 1, "error", message, "", code))

    def _refuse_tag(self, node: Node) -> None:
        self._error(
            node,
            msg(
                "the tag {tag} is not allowed; partnerfit files hold plain mappings, lists, texts and numbers",
                tag=repr(node.tag),
            ),
            "PF003",
        )

    def check_aliases(self, root: Node) -> None:
        """Refuse alias bombs and recursive aliases before anything is expanded."""
        sizes: dict[int, int] = {}
        active: set[int] = set()
        distinct = 0

        def size(node: Node, depth: int) -> int:
            nonlocal distinct
            key = id(node)
            if key in sizes:
                return sizes[key]
            if key in active:
                raise Refused(node, msg("an alias refers to the mapping or list that contains it (recursive alias)"))
            if depth > MAX_DEPTH:
                raise Refused(node, too_deep())
            distinct += 1
            total = 1
            if isinstance(node, (MappingNode, SequenceNode)):
                active.add(key)
                children = (c for pair in node.value for c in pair) if isinstance(node, MappingNode) else node.value
                total += sum(size(child, depth + 1) for child in children)
                active.discard(key)
            sizes[key] = total
            return total

        try:
            expanded = size(root, 0)
        except Refused as refused:
            self._error(refused.node, refused.message, "PF005")
            raise InvalidInputError(self.errors) from None
        if expanded - distinct > MAX_ALIAS_NODES:
            self._error(
                root,
                msg(
                    "aliases expand this document to {count} nodes; at most {limit} may come from aliases "
                    "(is this a 'billion laughs' file?)",
                    count=f"{expanded:,}",
                    limit=f"{MAX_ALIAS_NODES:,}",
                ),
                "PF005",
            )
            raise InvalidInputError(self.errors)

    def build(self, node: Node, depth: int) -> Any:
        """The plain value of ``node``; refused tags and unreadable numbers become errors (and None)."""
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if depth >= MAX_DEPTH:
            self._error(node, too_deep(), "PF005")
            raise InvalidInputError(self.errors)
        if isinstance(node, SequenceNode):
            if node.tag != SEQ_TAG:
                self._refuse_tag(node)
                return None
            return [self.build(child, depth + 1) for child in node.value]
        if isinstance(node, MappingNode):
            return self._mapping(node, depth)
        self._error(
            node, msg("unsupported YAML node"), "PF006"
        )  # pragma: no cover - composer yields only the three kinds
        return None

    def _scalar(self, node: ScalarNode) -> Any:
        tag, text = node.tag, node.value
        if tag == STR_TAG:
            return text
        if tag in (INT_TAG, FLOAT_TAG):
            # implicit numbers always read; an explicit !!int 075 or !!float abc stays the text written,
            # exactly as without the tag: validation reports it where a number is expected, with a hint
            number = numbers.read_number(text) if tag == FLOAT_TAG or numbers.INT.match(text) else None
            if number is None:
                return text
            return float(number) if tag == FLOAT_TAG else number
        if tag == BOOL_TAG:  # an explicit !!bool that is no boolean stays text, as above
            return _BOOLS.get(text.lower(), text)
        if tag == NULL_TAG:
            return None
        constructor = _SCALARS.yaml_constructors.get(tag)
        if constructor is None or tag == _TAG + "binary":
            self._refuse_tag(node)
            return None
        try:
            return constructor(_SCALARS, node)
        except (ValueError, yaml.YAMLError):  # an explicit !!timestamp that is not a date
            self._error(node, msg("the tag {tag} does not fit this value", tag=repr(tag)), "PF003")
            return None

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any] | None:
        if node.tag != MAP_TAG:
            self._refuse_tag(node)
            return None
        merged = self._merge(node, depth)
        result: dict[str, Any] = {}
        seen: dict[str, Node | None] = {}
        for index, (key_node, value_node) in enumerate(node.value):
            key = self._key(key_node)
            if key is None:
                continue
            earlier = seen.get(key)
            if earlier is not None and index >= merged:
                first = earlier.start_mark
                self._error(
                    key_node,
                    msg(
                        "duplicate key {key} (first defined at line {line}); a key may appear once in a mapping",
                        key=repr(key),
                        line=str(first.line + 1),
                    ),
                    "PF004",
                )
                continue
            seen[key] = key_node if index >= merged else None
            result[key] = self.build(value_node, depth + 1)
        return result

    def _key(self, node: Node) -> str | None:
        """A key as the text written (1, true and 1.0 are the texts '1', 'true' and '1.0'); None if refused."""
        if not isinstance(node, ScalarNode):
            self._error(node, msg("a key must be a plain text, not a list or mapping"), "PF006")
            return None
        if node.tag == NULL_TAG:
            self._error(
                node, msg("a key may not be null (~, null or nothing); quote it if you mean a text: 'null'"), "PF006"
            )
            return None
        if node.tag not in _KEY_TAGS:
            self._refuse_tag(node)
            return None
        return str(node.value)

    def _merge(self, node: MappingNode, depth: int) -> int:
        """Apply the merge keys (<<) of ``node`` in place; the number of merged pairs, which come first.

        A merge key takes a mapping or a list of mappings (usually aliases such as *defaults); anything
        else is reported at the key and merges nothing. Explicit keys override merged ones, and in a
        list the earlier mappings override the later ones (YAML's merge rules, as PyYAML applies them).
        """
        done: int | None = getattr(node, "merged_pairs", None)
        if done is not None:
            return done
        if not any(isinstance(k, ScalarNode) and k.tag == MERGE_TAG for k, _ in node.value):
            return 0
        if depth >= MAX_DEPTH:
            self._error(node, too_deep(), "PF005")
            raise InvalidInputError(self.errors)
        merged: list[tuple[Node, Node]] = []
        explicit: list[tuple[Node, Node]] = []
        for key_node, value_node in node.value:
            if not (isinstance(key_node, ScalarNode) and key_node.tag == MERGE_TAG):
                explicit.append((key_node, value_node))
                continue
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            batch = []
            wrong = [s for s in sources if not isinstance(s, MappingNode)]
            if wrong:  # one message per merge key, whatever the number of wrong items
                found = (
                    _kind(value_node) if wrong[0] is value_node else msg("a list holding {kind}", kind=_kind(wrong[0]))
                )
                self._error(
                    key_node,
                    msg(
                        "a merge key (<<) takes a mapping or a list of mappings, such as *defaults; found {found}",
                        found=found,
                    ),
                    "PF006",
                )
            for source in sources:
                if not isinstance(source, MappingNode):
                    continue
                if source.tag != MAP_TAG:
                    self._refuse_tag(source)
                    continue
                self._merge(source, depth + 1)
                batch.append(source.value)
            for pairs in reversed(batch):
                merged.extend(pairs)
        node.value = merged + explicit
        node.merged_pairs = len(merged)  # type: ignore[attr-defined]
        return len(merged)
