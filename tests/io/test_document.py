"""read_document and Document.locate: safe parsing that keeps every node's line and column."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from partnerfit.errors import InvalidInputError
from partnerfit.io import document
from partnerfit.io.document import Document, read_document

YAML = """\
kind: candidates
candidates:
  acme:
    name: Acme
    tags: [a, b]
    scores:
      quality: {score: 4, note: fine}
"""

JSON = """\
{
  "kind": "candidates",
  "candidates": {
    "acme": {"name": "Acme", "tags": ["a", "b"],
             "scores": {"quality": {"score": 4, "note": "fine"}}}
  }
}
"""

DATA = {
    "kind": "candidates",
    "candidates": {
        "acme": {
            "name": "Acme",
            "tags": ["a", "b"],
            "scores": {"quality": {"score": 4, "note": "fine"}},
        }
    },
}


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def errors_of(path: Path) -> list[tuple[int, int, str]]:
    """The diagnostics of a fatal problem: read_document raises."""
    with pytest.raises(InvalidInputError) as caught:
        read_document(path)
    return [(d.line, d.column, d.message) for d in caught.value.diagnostics]


def problems_of(path: Path) -> list[tuple[int, int, str]]:
    """The diagnostics of a non-fatal problem: read_document returns them in ``doc.problems``."""
    return [(d.line, d.column, d.message) for d in read_document(path).problems]


@pytest.fixture(params=["yaml", "json"])
def doc(request: pytest.FixtureRequest, tmp_path: Path) -> Document:
    text = YAML if request.param == "yaml" else JSON
    return read_document(write(tmp_path, f"doc.{request.param}", text))


def test_yaml_and_json_give_the_same_data(doc: Document) -> None:
    assert doc.data == DATA


# (YAML location, JSON location) of the same paths in the two texts above
LOCATIONS = [
    (("kind",), False, (1, 7), (2, 11)),
    (("kind",), True, (1, 1), (2, 3)),
    (("candidates", "acme", "name"), False, (4, 11), (4, 22)),
    (("candidates", "acme", "name"), True, (4, 5), (4, 14)),
    (("candidates", "acme", "tags", 1), False, (5, 15), (4, 44)),
    (("candidates", "acme", "scores", "quality", "score"), False, (7, 24), (5, 46)),
    (("candidates", "acme", "scores", "quality", "score"), True, (7, 17), (5, 37)),
    (("candidates", "acme", "scores", "quality"), True, (7, 7), (5, 25)),
]


@pytest.mark.parametrize(("loc", "key", "in_yaml", "in_json"), LOCATIONS)
def test_locate_points_at_the_value_or_the_key(
    doc: Document, loc: tuple[str | int, ...], key: bool, in_yaml: tuple, in_json: tuple
) -> None:
    expected = in_json if doc.path.endswith(".json") else in_yaml
    assert doc.locate(loc, key=key) == expected


# a path that does not exist stops at the deepest node that does
MISSING = [
    (("candidates", "acme", "nothing"), ("candidates", "acme")),
    (("candidates", "acme", "nothing", "deeper"), ("candidates", "acme")),
    (("candidates", "acme", "tags", 7), ("candidates", "acme", "tags")),
    (("candidates", "acme", "tags", "x"), ("candidates", "acme", "tags")),
    (("candidates", "acme", "name", "x"), ("candidates", "acme", "name")),
    (("candidates", "nobody", "scores"), ("candidates",)),
    (("nothing",), ()),
]


@pytest.mark.parametrize(("loc", "deepest"), MISSING)
def test_a_missing_path_stops_at_the_deepest_existing_node(
    doc: Document, loc: tuple[str | int, ...], deepest: tuple[str | int, ...]
) -> None:
    assert doc.locate(loc) == doc.locate(deepest)
    assert doc.locate(loc, key=True) == doc.locate(deepest)


def test_the_root_is_at_line_1_column_1(doc: Document) -> None:
    assert doc.locate(()) == (1, 1)


def test_diagnostic_carries_location_path_and_severity(doc: Document) -> None:
    diag = doc.diagnostic(("candidates", "acme", "name"), "bad name", key=True, severity="warning")
    where = (4, 14) if doc.path.endswith(".json") else (4, 5)
    assert (diag.line, diag.column) == where
    assert diag.path == "candidates.acme.name"
    assert diag.format() == f"{doc.path}:{where[0]}:{where[1]}: warning: candidates.acme.name: bad name"


def test_shown_as_names_the_file_in_diagnostics(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.yaml", YAML), shown_as="<stdin>")
    assert doc.path == "<stdin>"
    assert doc.diagnostic(("kind",), "x").file == "<stdin>"


def test_yaml_scalars_are_safe_and_plain(tmp_path: Path) -> None:
    text = "a: yes\nb: no\nc: true\nd: 2024-03-01\ne: ~\nf: 1.5\ng: !!str 12\nlevels: {1: one, 2.5: half}\n"
    data = read_document(write(tmp_path, "s.yaml", text)).data
    assert data == {
        "a": "yes",  # YAML 1.1 yes/no stay text
        "b": "no",
        "c": True,
        "d": "2024-03-01",  # dates stay text
        "e": None,
        "f": 1.5,
        "g": "12",
        "levels": {"1": "one", "2.5": "half"},  # keys are always text
    }


def test_bom_and_crlf_do_not_shift_locations(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + YAML.encode().replace(b"\n", b"\r\n")
    doc = read_document(write(tmp_path, "bom.yaml", raw))
    assert doc.data == DATA
    assert doc.locate(("kind",), key=True) == (1, 1)
    assert doc.locate(("candidates", "acme", "scores", "quality", "score")) == (7, 24)


def test_a_merge_key_adds_the_anchored_pairs(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "m.yaml", "base: &b {x: 1}\nc:\n  <<: *b\n  z: 3\n"))
    assert doc.data == {"base": {"x": 1}, "c": {"x": 1, "z": 3}}


@pytest.mark.parametrize(
    "text",
    [
        "base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3\n",
        "base: &b {x: 1, y: 2}\nc: {<<: *b, y: 3}\n",
        "base: &b {x: 1, y: 2}\nc: {y: 3, <<: *b}\n",
        "a: &a {x: 1}\nb: &b {y: 2}\nc: {<<: [*a, *b], y: 3}\n",
    ],
)
def test_a_key_may_override_a_merged_key(tmp_path: Path, text: str) -> None:
    doc = read_document(write(tmp_path, "m.yaml", text))
    assert doc.data["c"] == {"x": 1, "y": 3}
    assert doc.problems == []


def test_a_key_repeated_next_to_a_merge_key_is_still_a_duplicate(tmp_path: Path) -> None:
    path = write(tmp_path, "m.yaml", "base: &b {x: 1, y: 2}\nc: {<<: *b, y: 3, y: 4}\n")
    assert problems_of(path) == [
        (2, 19, "duplicate key 'y' (first defined at line 2); a key may appear once in a mapping")
    ]
    assert read_document(path).data["c"] == {"x": 1, "y": 3}


def test_an_overriding_key_is_located_where_it_is_written(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "m.yaml", "base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3\n"))
    assert doc.locate(("c", "y"), key=True) == (4, 3)
    assert doc.locate(("c", "y")) == (4, 6)


# refused tags, keys that are not texts and duplicate keys are not fatal: the document is returned
# with them in doc.problems, so that the loaders report them with the file's validation errors
@pytest.mark.parametrize(
    ("text", "expected", "data"),
    [
        ("a: !!binary aGVsbG8=\n", (1, 4, "the tag 'tag:yaml.org,2002:binary' is not allowed;"), {"a": None}),
        (
            "a: !!python/name:os.system\n",
            (1, 4, "the tag 'tag:yaml.org,2002:python/name:os.system' is not allowed;"),
            {"a": None},
        ),
        ("a: !custom 1\n", (1, 4, "the tag '!custom' is not allowed;"), {"a": None}),
        ("a: !custom {x: 1}\n", (1, 4, "the tag '!custom' is not allowed; partnerfit"), {"a": None}),
        ("a: !custom [1]\n", (1, 4, "the tag '!custom' is not allowed; partnerfit"), {"a": None}),
        ("? [a, b]\n: 1\nc: 2\n", (1, 3, "a key must be a plain text, not a list or mapping"), {"c": 2}),
        (
            "a: 1\na: 2\n",
            (2, 1, "duplicate key 'a' (first defined at line 1); a key may appear once in a mapping"),
            {"a": 1},
        ),
    ],
)
def test_yaml_problems_are_located_and_returned(tmp_path: Path, text: str, expected: tuple, data: dict) -> None:
    path = write(tmp_path, "r.yaml", text)
    [(line, column, message)] = problems_of(path)
    assert (line, column) == expected[:2]
    assert message.startswith(expected[2])
    assert read_document(path).data == data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\n---\nb: 2\n", (2, 1, "invalid YAML: a second document starts here")),
        ("a: *nope\n", (1, 4, "invalid YAML: found undefined alias")),
    ],
)
def test_yaml_syntax_errors_are_fatal_and_located(tmp_path: Path, text: str, expected: tuple) -> None:
    [(line, column, message)] = errors_of(write(tmp_path, "r.yaml", text))
    assert (line, column) == expected[:2]
    assert message.startswith(expected[2])


def test_a_valid_document_has_no_problems(doc: Document) -> None:
    assert doc.problems == []


def test_every_duplicate_key_is_reported(tmp_path: Path) -> None:
    text = "a: 1\nb: {x: 1, x: 2}\na: 3\n"
    path = write(tmp_path, "d.yaml", text)
    found = problems_of(path)
    assert [(line, column) for line, column, _ in found] == [(2, 11), (3, 1)]
    assert read_document(path).data == {"a": 1, "b": {"x": 1}}  # the first value is kept


def test_every_yaml_problem_of_a_file_is_returned_in_file_order(tmp_path: Path) -> None:
    text = "a: !!binary aGVsbG8=\nb: 1\nb: 2\nc: !custom x\n"
    found = problems_of(write(tmp_path, "p.yaml", text))
    assert [(line, column) for line, column, _ in found] == [(1, 4), (3, 1), (4, 4)]


def test_json_syntax_error_is_located(tmp_path: Path) -> None:
    [(line, column, message)] = errors_of(write(tmp_path, "s.json", '{"a": 1,\n "b" 2}'))
    assert (line, column) == (2, 6)
    assert message.startswith("invalid JSON: Expecting ':' delimiter")


def test_json_duplicate_key_is_located_and_returned(tmp_path: Path) -> None:
    path = write(tmp_path, "d.json", '{"a": 1,\n "a": 2}')
    [(line, column, message)] = problems_of(path)
    assert (line, column) == (2, 2)
    assert message.startswith("duplicate key 'a'")


def test_json_lookups_walk_the_text_without_a_node_tree(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "lazy.json", JSON))
    assert doc.root is None  # a valid JSON file is parsed fast, without located nodes
    assert doc.locate(("candidates", "acme"), key=True) == (4, 5)
    assert doc.locate(("candidates", "acme", "tags", 1)) == (4, 44)
    assert doc.locate(("candidates", "acme", "scores", "quality", "note")) == (5, 57)
    assert doc.locate(("candidates", "acme", "tags", 7)) == (4, 38)  # no item 7: the list itself
    assert doc.locate(("candidates", "nobody", "scores")) == (3, 17)  # no such key: the mapping
    assert doc.root is None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-99, 99) | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner, max_size=4),
    max_leaves=25,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for name, child in value.items():
            found += _paths(child, (*prefix, name))
        found.append((*prefix, "absent-key"))
    elif isinstance(value, list):
        for position, child in enumerate(value):
            found += _paths(child, (*prefix, position))
        found.append((*prefix, len(value)))
    return found


class _NodeComposer:
    """The oracle: a recursive-descent JSON reader that yields PyYAML nodes with line/column marks."""

    def __init__(self, shown: str, text: str) -> None:
        self.shown = shown
        self.text = text
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def mark(self, index: int) -> Mark:
        line = bisect_right(self.newlines, index - 1)
        column = index - (self.newlines[line - 1] + 1 if line else 0)
        return Mark(self.shown, index, line, column, None, None)  # type: ignore[arg-type]

    def skip(self, index: int) -> int:
        match = re.compile(r"[ \t\n\r]*").match(self.text, index)
        return match.end() if match else index

    def compose(self, index: int, depth: int) -> tuple[Node, int]:
        index = self.skip(index)
        char = self.text[index : index + 1]
        if char == "{":
            return self._object(index, depth)
        if char == "[":
            items: list[Node] = []
            end = self.skip(index + 1)
            if self.text[end : end + 1] != "]":
                while True:
                    item, end = self.compose(end, depth + 1)
                    items.append(item)
                    end = self.skip(end)
                    if self.text[end : end + 1] != ",":
                        break
                    end += 1
            return SequenceNode("tag:yaml.org,2002:seq", items, self.mark(index)), end + 1
        _, end = json.JSONDecoder().raw_decode(self.text, index)
        return ScalarNode("tag:yaml.org,2002:str", self.text[index:end], self.mark(index)), end

    def _object(self, index: int, depth: int) -> tuple[Node, int]:
        pairs: list[tuple[Node, Node]] = []
        seen: dict[str, Mark] = {}
        end = self.skip(index + 1)
        while self.text[end : end + 1] == '"':
            key, after = json.decoder.scanstring(self.text, end + 1)  # type: ignore[attr-defined]
            key_node = ScalarNode("tag:yaml.org,2002:str", key, self.mark(end))
            seen.setdefault(key, key_node.start_mark)
            colon = self.skip(after)
            value, end = self.compose(colon + 1, depth + 1)
            pairs.append((key_node, value))
            end = self.skip(end)
            if self.text[end : end + 1] != ",":
                break
            end = self.skip(end + 1)
        return MappingNode("tag:yaml.org,2002:map", pairs, self.mark(index)), end + 1


@settings(max_examples=80, deadline=None)
@given(
    value=st.dictionaries(st.text(max_size=3), json_values, min_size=1, max_size=4),
    indent=st.sampled_from([None, 1, 2]),
)
def test_walking_the_json_text_finds_what_the_node_tree_finds(value: dict[str, Any], indent: int | None) -> None:
    from partnerfit.io.jsondoc import _LazyDocument

    text = json.dumps(value, indent=indent, ensure_ascii=False)
    lazy = _LazyDocument("x.json", value, None, text)
    tree = Document("x.json", value, _NodeComposer("x.json", text).compose(0, 0)[0], text)
    for path in _paths(value):
        for key in (False, True):
            assert lazy.locate(path, key=key) == tree.locate(path, key=key), (path, key)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.yaml", "", (1, 1, "the file is empty")),
        ("blank.json", " \n\t\n", (1, 1, "the file is empty")),
        ("comment.yaml", "# only a comment\n", (1, 1, "the file holds no document")),
        ("nul.yaml", b"a: 1\nb: x\x00\n", (2, 5, "binary data (a NUL byte)")),
        ("latin1.yaml", "a: 1\nb: \xe9t\xe9\n".encode("latin-1"), (2, 4, "not UTF-8 text: byte 0xe9")),
        ("utf8_then_bad.yaml", "é: ".encode() + b"\xff", (1, 4, "not UTF-8 text: byte 0xff")),
    ],
)
def test_unreadable_text_is_located(tmp_path: Path, name: str, content: str | bytes, expected: tuple) -> None:
    [(line, column, message)] = errors_of(write(tmp_path, name, content))
    assert (line, column) == expected[:2]
    assert message.startswith(expected[2])


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert errors_of(tmp_path / "absent.yaml") == [(1, 1, "no such file")]
    (tmp_path / "dir.yaml").mkdir()
    assert errors_of(tmp_path / "dir.yaml") == [(1, 1, "is a directory, not a file")]


@pytest.mark.parametrize(("suffix", "limit"), [("yaml", "MAX_YAML_BYTES"), ("json", "MAX_JSON_BYTES")])
def test_file_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, limit: str) -> None:
    text = YAML if suffix == "yaml" else JSON
    path = write(tmp_path, f"big.{suffix}", text)
    monkeypatch.setattr(document, limit, len(text.encode()))
    assert read_document(path).data == DATA  # exactly at the limit: fine
    size = len(text.encode())
    monkeypatch.setattr(document, limit, size - 1)
    [(line, column, message)] = errors_of(path)
    assert (line, column) == (1, 1)
    mib = (size - 1) / 2**20
    assert (
        message == f"file is {size:,} bytes; a {suffix.upper()} file may hold at most {size - 1:,} bytes ({mib:g} MiB)"
    )


@pytest.mark.parametrize(
    ("suffix", "expected"),
    [
        ("yaml", "file is 16,777,217 bytes; a YAML file may hold at most 16,777,216 bytes (16 MiB)"),
        ("json", "file is 134,217,729 bytes; a JSON file may hold at most 134,217,728 bytes (128 MiB)"),
    ],
)
def test_the_real_size_limits(tmp_path: Path, suffix: str, expected: str) -> None:
    path = tmp_path / f"huge.{suffix}"
    with path.open("wb") as out:  # a sparse file: only its size is looked at
        out.truncate(getattr(document, f"MAX_{suffix.upper()}_BYTES") + 1)
    assert errors_of(path) == [(1, 1, expected)]


def test_the_size_limit_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "big.yaml", YAML)
    monkeypatch.setattr(document, "MAX_YAML_BYTES", 10)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))
    errors_of(path)


def test_nesting_limit_in_yaml(tmp_path: Path) -> None:
    ok = "a: " + "[" * (document.MAX_DEPTH - 2) + "]" * (document.MAX_DEPTH - 2) + "\n"
    assert read_document(write(tmp_path, "ok.yaml", ok)).data["a"] is not None
    deep = "a: " + "[" * document.MAX_DEPTH + "]" * document.MAX_DEPTH + "\n"
    [(line, _, message)] = errors_of(write(tmp_path, "deep.yaml", deep))
    assert line == 1
    assert message == f"nesting is too deep (more than {document.MAX_DEPTH} levels)"


def test_flow_nesting_past_the_parser_limit_says_the_same(tmp_path: Path) -> None:
    deep = "a: " + "[" * 1100 + "]" * 1100 + "\n"  # libyaml gives up at 1000 flow levels
    [(line, _, message)] = errors_of(write(tmp_path, "deep.yaml", deep))
    assert line == 1
    assert message == f"nesting is too deep (more than {document.MAX_DEPTH} levels)"


def test_aliases_within_the_limit_are_expanded(tmp_path: Path) -> None:
    text = "a: &a [1, 2]\nb: [*a, *a]\n"
    assert read_document(write(tmp_path, "alias.yaml", text)).data == {
        "a": [1, 2],
        "b": [[1, 2], [1, 2]],
    }


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize(("suffix", "limit"), [("yaml", "MAX_YAML_BYTES"), ("json", "MAX_JSON_BYTES")])
def test_an_endless_stream_is_refused_at_the_limit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, suffix: str, limit: str
):
    # a device or a pipe has no size to check first: the read itself stops past the limit
    endless = tmp_path / f"endless.{suffix}"
    endless.symlink_to("/dev/zero")
    monkeypatch.setattr(document, limit, 1000)
    with pytest.raises(InvalidInputError) as raised:
        read_document(endless)
    [problem] = raised.value.diagnostics
    assert "more than 1,000 bytes" in problem.message


@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_an_integer_too_long_for_python_is_an_infinite_number_not_a_crash(tmp_path: Path, suffix: str) -> None:
    # Python refuses to convert integers of more than 4,300 digits (ValueError): the file must still be read
    digits = "9" * 5000
    text = f"a: -{digits}\n" if suffix == "yaml" else f'{{"a": -{digits}, "b": [1, {digits}]}}'
    doc = read_document(write(tmp_path, f"long.{suffix}", text))
    assert doc.data["a"] == float("-inf")
    if suffix == "json":
        assert doc.data["b"] == [1, float("inf")]
        assert doc.locate(("b", 1)) == (1, 5019)


def test_an_integer_too_long_is_reported_where_it_is(tmp_path: Path) -> None:
    import partnerfit

    path = write(tmp_path, "long.json", '{"candidates": {"x": {"scores": {"loyalty": ' + "9" * 5000 + "}}}}")
    [problem] = [d for d in partnerfit.check_file(path) if d.severity == "error"]
    assert (problem.line, problem.column) == (1, 45)
    assert "too large to compute with" in problem.message


def _count_values(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + sum(1 + _count_values(child) for child in value.values())
    if isinstance(value, list):
        return 1 + sum(_count_values(child) for child in value)
    return 1


@settings(max_examples=150, deadline=None)
@given(value=json_values, indent=st.sampled_from([None, 1]))
def test_the_json_value_budget_counts_keys_and_values_exactly(value: Any, indent: int | None) -> None:
    """Separators inside texts (", : [ {") never count: the budget is exact, whatever the texts hold."""
    from partnerfit.io.jsondoc import values_beyond_budget

    text = json.dumps(value, indent=indent, ensure_ascii=False)
    count = _count_values(value)
    assert not values_beyond_budget(text, count)
    assert values_beyond_budget(text, count - 1) or count == 1


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('{"candidates": [' + ",".join(["1"] * 60) + "]}", "PF005"),
        ('{"a": "' + "x, y: [z] {w}" * 50 + '"}', None),
    ],
)
def test_a_json_file_over_the_value_budget_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, code: str | None
) -> None:
    from partnerfit.io import jsondoc

    monkeypatch.setattr(jsondoc, "MAX_JSON_VALUES", 50)
    monkeypatch.setattr(jsondoc.values_beyond_budget, "__defaults__", (50,))
    path = tmp_path / "many.json"
    path.write_text(text, encoding="utf-8")
    if code is None:
        assert read_document(path).data["a"].startswith("x, y")
        return
    with pytest.raises(InvalidInputError) as caught:
        read_document(path)
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.code == code and "more than 50 keys and values" in diagnostic.message


def test_a_yaml_file_over_the_node_budget_is_refused_where_it_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from partnerfit.io import yaml_nodes

    monkeypatch.setattr(yaml_nodes.node_beyond_budget, "__defaults__", (40,))
    monkeypatch.setattr(document, "MAX_NODES", 40)
    path = tmp_path / "many.yaml"
    path.write_text("candidates:\n" + "".join(f"  c{i}: {{scores: {{loyalty: 3}}}}\n" for i in range(12)))
    with pytest.raises(InvalidInputError) as caught:
        read_document(path)
    [diagnostic] = caught.value.diagnostics
    # values: root, 'candidates' and its mapping (3), then 6 per candidate: the 41st is c6's mapping
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("PF005", 8, 7)
    assert "more than 40 values" in diagnostic.message
    path.write_text("candidates:\n" + "".join(f"  c{i}: {{scores: {{loyalty: 3}}}}\n" for i in range(6)))
    assert len(read_document(path).data["candidates"]) == 6
