"""Every YAML construct has a located answer: merges with any value, odd keys, several documents, odd
characters, special files. Never an internal error, never silence."""

from __future__ import annotations

import json
import os
import socket
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import partnerfit
from partnerfit.errors import InvalidInputError
from partnerfit.io.document import read_document


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.message) for d in read_document(path).problems]


def fatal(path: Path, **options: bool) -> list[tuple[int, int, str]]:
    with pytest.raises(InvalidInputError) as caught:
        read_document(path, **options)
    return [(d.line, d.column, d.message) for d in caught.value.diagnostics]


MERGE_ERROR = "a merge key (<<) takes a mapping or a list of mappings, such as *defaults; found "


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("*s", "a text"),
        ("*n", "a number"),
        ("~", "nothing (null)"),
        ("hello", "a text"),
        ("[*m, 1]", "a list holding a number"),
        ("[[*m]]", "a list holding a list"),
    ],
)
def test_a_merge_key_with_anything_but_mappings_is_located_at_the_key(tmp_path: Path, value: str, found: str) -> None:
    text = f"x-s: &s text\nx-n: &n 1\nx-m: &m {{a: 1}}\nc:\n  <<: {value}\n  b: 2\n"
    path = write(tmp_path, "m.yaml", text)
    assert problems(path) == [(5, 3, MERGE_ERROR + found)]
    assert read_document(path).data["c"]["b"] == 2  # the explicit keys are kept


def test_merges_follow_yaml_rules_earlier_mappings_and_explicit_keys_win(tmp_path: Path) -> None:
    text = "x: &a {p: 1, q: 1}\ny: &b {q: 2, r: 2, <<: {s: 3}}\nc: {<<: [*a, *b], r: 9}\nd: {<<: []}\n"
    doc = read_document(write(tmp_path, "m.yaml", text))
    assert doc.problems == []
    assert doc.data["c"] == {"p": 1, "q": 1, "r": 9, "s": 3}
    assert doc.data["d"] == {}
    assert doc.locate(("c", "r"), key=True) == (3, 19)


def test_a_merged_mapping_with_a_tag_is_refused(tmp_path: Path) -> None:
    [(line, column, message)] = problems(write(tmp_path, "m.yaml", "c:\n  <<: !!omap {a: 1}\n"))
    assert (line, column) == (2, 7) and "the tag 'tag:yaml.org,2002:omap' is not allowed" in message


@pytest.mark.parametrize(
    ("key", "text"), [("1", "1"), ("true", "true"), ("1.0", "1.0"), ("075", "075"), ("no", "no"), ("'~'", "~")]
)
def test_a_key_is_the_text_written(tmp_path: Path, key: str, text: str) -> None:
    assert read_document(write(tmp_path, "k.yaml", f"{key}: v\n")).data == {text: "v"}


@pytest.mark.parametrize("key", ["~", "null", "NULL", "? \n"])
def test_a_null_key_is_located(tmp_path: Path, key: str) -> None:
    path = write(tmp_path, "k.yaml", f"a: 1\n{key}: v\n")
    [(line, _, message)] = problems(path)
    assert line == 2
    assert message.startswith("a key may not be null")
    assert read_document(path).data == {"a": 1}


def test_a_tagged_key_is_refused(tmp_path: Path) -> None:
    [(_, _, message)] = problems(write(tmp_path, "k.yaml", "!custom k: v\n"))
    assert message.startswith("the tag '!custom' is not allowed")


@pytest.mark.parametrize("text", ["a: 1\n---\nb: 2\n", "---\na: 1\n---\n", "a: 1\n...\n---\nb: 2\n"])
def test_several_documents_are_refused_at_the_second(tmp_path: Path, text: str) -> None:
    [(line, _, message)] = fatal(write(tmp_path, "d.yaml", text))
    assert message.startswith("invalid YAML: a second document starts here")
    assert line == text.count("\n", 0, text.rindex("---")) + 1


def test_one_document_with_markers_is_fine(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "d.yaml", "---\na: 1\n...\n")).data == {"a": 1}


@pytest.mark.parametrize(("char", "where"), [("\x1b", (2, 9)), ("\x07", (2, 9)), ("\x7f", (2, 9))])
def test_a_raw_control_character_is_located(tmp_path: Path, char: str, where: tuple[int, int]) -> None:
    [(line, column, message)] = fatal(write(tmp_path, "c.yaml", f"a: 1\nname: é {char}x\n"))
    assert (line, column) == where
    assert message == f"invalid YAML: the control character U+{ord(char):04X} is not allowed; remove it"


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\ude00\\ud83d"])
def test_a_lone_surrogate_in_json_is_located_and_never_reaches_the_data(tmp_path: Path, escape: str) -> None:
    text = '{"kind": "candidates",\n "candidates": {"a": {"name": "x' + escape + '"}, "k' + escape + '": {}}}'
    doc = read_document(write(tmp_path, "s.json", text))
    found = sorted((d.line, d.path) for d in doc.problems)
    assert found == [(2, "candidates.a.name"), (2, "candidates.k" + "\ufffd" * escape.count("\\u"))]
    assert all(d.code == "PF007" and "\\ud800 to \\udfff" in d.message for d in doc.problems)
    json.dumps(doc.data, ensure_ascii=False).encode("utf-8")  # no surrogate left: every output can write it


def test_a_surrogate_pair_in_json_is_one_character(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "s.json", '{"name": "\\ud83d\\ude00"}'))
    assert doc.problems == [] and doc.data == {"name": "😀"}


def test_a_lone_surrogate_in_yaml_is_an_error_too(tmp_path: Path) -> None:
    [(line, column, message)] = fatal(write(tmp_path, "s.yaml", 'a: 1\nname: "x\\ud800"\n'))
    assert (line, column) == (2, 11) and "surrogate" in message


@settings(max_examples=40, deadline=None)
@given(
    text=st.text(alphabet=st.characters(codec="utf-8"), max_size=8), escape=st.sampled_from(["", "\\ud800", "\\udc01"])
)
def test_check_and_score_agree_on_any_json_name(
    tmp_path_factory: pytest.TempPathFactory, text: str, escape: str
) -> None:
    name = json.dumps(text)[1:-1] + escape
    body = '{"criteria": {"criteria": {"q": {}}}, "candidates": {"a": {"name": "' + name + '", "scores": {"q": 3}}}}'
    path = tmp_path_factory.mktemp("j") / "c.json"
    path.write_text(body, encoding="utf-8")
    errors = [d for d in partnerfit.check_file(path) if d.severity == "error"]
    if errors:
        with pytest.raises(InvalidInputError):
            partnerfit.load(path)
    else:
        result = partnerfit.score(partnerfit.load(path))
        json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")


# --- special files: refused without being read when named inside a file -----------------------------


def refused_in_time(path: Path) -> str:
    """The message of read_document(path, regular_only=True), which must come back at once (never block)."""
    outcome: list[str] = []

    def run() -> None:
        with pytest.raises(InvalidInputError) as caught:
            read_document(path, regular_only=True)
        outcome.append(caught.value.diagnostics[0].message)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(5)
    assert outcome, f"reading {path} blocked or failed"
    return outcome[0]


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert refused_in_time(fifo) == "is a named pipe (FIFO), not a regular file"


def test_a_socket_a_device_and_a_folder_are_refused(tmp_path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s.yaml"))
        assert refused_in_time(tmp_path / "s.yaml") == "is a socket, not a regular file"
    finally:
        server.close()
    assert refused_in_time(Path("/dev/zero")) == "is a device, not a regular file"
    assert refused_in_time(tmp_path) == "is a directory, not a file"


def test_a_regular_file_through_a_link_is_read(tmp_path: Path) -> None:
    target = write(tmp_path, "t.yaml", "a: 1\n")
    (tmp_path / "l.yaml").symlink_to(target)
    assert read_document(tmp_path / "l.yaml", regular_only=True).data == {"a": 1}
