"""A criteria path named inside a file: where it may point, and nothing of a file that is not a criteria
file ever reaches a message (a path written by someone else may name any file the user can read)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import partnerfit
from partnerfit.cli.app import app
from partnerfit.errors import InvalidInputError

CANDIDATES = "kind: candidates\ncriteria: {ref}\ncandidates:\n  acme: {{scores: {{q: 3}}}}\n"
CRITERIA = "kind: criteria\ncriteria: {q: {weight: 1}}\n"
FOREIGN = {
    "mapping.yaml": "db_password: hunter2-SECRET\n",
    "list.yaml": "- SECRET-1\n- SECRET-2\n",
    "passwd": "root:x:0:0:SECRET:/root:/bin/bash\ndaemon:x:1:1:SECRET\n",
    "unclosed.yaml": "key: [SECRET, 'x\n",
    "alias.yaml": "a: *SECRET_ALIAS\n",
    "tag.yaml": "a: !SECRET!x 1\n",
    "duplicate.yaml": "SECRET: 1\nSECRET: 2\n",
    "tab.yaml": "a:\n\tSECRET: 1\n",
    "control.yaml": "a: SECRET\x1b[2J\n",
    "candidates.yaml": "kind: candidates\ncandidates: {SECRET: {scores: {q: 1}}}\n",
    "two.yaml": "a: 1\n---\nSECRET: 2\n",
    "surrogate.yaml": 'a: "\\ud800SECRET"\n',
    "syntax.json": '{"SECRET": [1, 2',
    "token.json": '{"token": "SECRET"}',
    "empty.yaml": "   \n",
}


def write_foreign(tmp_path: Path, name: str) -> Path:
    target = tmp_path / "other" / name
    target.parent.mkdir(exist_ok=True)
    target.write_text(FOREIGN[name], encoding="utf-8")
    return target


@pytest.mark.parametrize("name", sorted(FOREIGN))
def test_a_file_that_is_not_a_criteria_file_is_named_never_shown(tmp_path: Path, name: str) -> None:
    write_foreign(tmp_path, name)
    path = tmp_path / "c.yaml"
    path.write_text(CANDIDATES.format(ref=f"other/{name}"), encoding="utf-8")
    [diagnostic] = partnerfit.check_file(path)
    assert (diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.path) == (str(path), 2, 11, "criteria")
    assert diagnostic.code == "PF121"
    assert f"'other/{name}'" in diagnostic.message
    assert "SECRET" not in diagnostic.format() and "hunter2" not in diagnostic.format()
    with pytest.raises(InvalidInputError) as caught:
        partnerfit.load(path)
    assert [d.format() for d in caught.value.diagnostics] == [diagnostic.format()]


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_no_output_of_check_or_score_shows_the_foreign_file(tmp_path: Path, fmt: str) -> None:
    for name in ("passwd", "unclosed.yaml", "alias.yaml"):
        write_foreign(tmp_path, name)
        (tmp_path / f"c_{name}.yaml").write_text(CANDIDATES.format(ref=f"other/{name}"), encoding="utf-8")
    runner = CliRunner()
    checked = runner.invoke(app, ["check", str(tmp_path), "-f", fmt])
    scored = runner.invoke(app, ["score", str(tmp_path / "c_passwd.yaml")])
    assert checked.exit_code == 1 and scored.exit_code == 1
    shown = checked.stdout + checked.stderr + scored.stdout + scored.stderr
    assert shown.count("is not a criteria file") >= 4  # the three files named, and score's
    assert "SECRET" not in shown


@pytest.mark.parametrize(
    "special", ["/dev/zero", "/dev/null", "/dev/stdin", "fifo.yaml", "folder", "/proc/self/environ"]
)
def test_special_files_are_refused_with_a_clear_message(tmp_path: Path, special: str) -> None:
    if special == "fifo.yaml":
        os.mkfifo(tmp_path / special)
    if special == "folder":
        (tmp_path / special).mkdir()
    path = tmp_path / "c.yaml"
    path.write_text(CANDIDATES.format(ref=special), encoding="utf-8")
    [diagnostic] = partnerfit.check_file(path)
    assert diagnostic.code == "PF121" and diagnostic.line == 2
    assert "cannot be a criteria file" in diagnostic.message or "is not a criteria file" in diagnostic.message


def test_a_criteria_file_s_own_errors_are_shown_where_they_are(tmp_path: Path) -> None:
    (tmp_path / "set.yaml").write_text("kind: criteria\ncriteria: {q: {weight: -1}}\n", encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("kind: criteria\ncriteria: [\n", encoding="utf-8")
    for name, line in (("set.yaml", 2), ("broken.yaml", 3)):
        path = tmp_path / "c.yaml"
        path.write_text(CANDIDATES.format(ref=name), encoding="utf-8")
        [diagnostic] = partnerfit.check_file(path)
        assert diagnostic.file == str(tmp_path / name) and diagnostic.line == line


@pytest.mark.parametrize("where", ["sub/set.yaml", "../up/set.yaml", "ABSOLUTE", "link.yaml"])
def test_a_criteria_path_is_relative_to_the_file_that_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    home = tmp_path / "home"
    for folder in (home / "sub", tmp_path / "up"):
        folder.mkdir(parents=True)
        (folder / "set.yaml").write_text(CRITERIA, encoding="utf-8")
    (home / "link.yaml").symlink_to(home / "sub" / "set.yaml")
    ref = str(home / "sub" / "set.yaml") if where == "ABSOLUTE" else where
    (home / "c.yaml").write_text(CANDIDATES.format(ref=ref), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "up")  # not the candidates file's folder
    project = partnerfit.load(home / "c.yaml")
    assert project.criteria.ids == ("q",)


@pytest.mark.parametrize("empty", ["", "''", "'  '", "~", "null"])
def test_an_empty_criteria_entry_is_an_error_not_the_default(tmp_path: Path, empty: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(CANDIDATES.format(ref=empty), encoding="utf-8")
    [diagnostic] = partnerfit.check_file(path)
    assert diagnostic.code == "PF112" and diagnostic.path == "criteria" and diagnostic.line == 2
    assert "'criteria' is empty" in diagnostic.message
    with pytest.raises(InvalidInputError, match="'criteria' is empty"):
        partnerfit.load(path)


def test_a_path_found_elsewhere_for_the_file_is_guarded_too(tmp_path: Path) -> None:
    target = write_foreign(tmp_path, "mapping.yaml")
    path = tmp_path / "c.yaml"
    path.write_text(CANDIDATES.format(ref="other/mapping.yaml"), encoding="utf-8")
    with pytest.raises(InvalidInputError) as guarded:
        partnerfit.load(path, criteria=target, criteria_named_in_file=True)  # as a git revision reads it
    assert "SECRET" not in str(guarded.value) and guarded.value.diagnostics[0].code == "PF121"
    with pytest.raises(InvalidInputError) as chosen:
        partnerfit.load(path, criteria=target)  # the command line's own --criteria: its errors are shown
    assert chosen.value.diagnostics[0].file == str(target)
