"""Every writing command through the one guard: no input overwritten, no file left half-written, failures in one line.

Each command of WRITERS runs on copies of tests/data/valid/ahp (a candidates file naming its
criteria file); the test of the list itself keeps it complete as commands are added.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st

import partnerfit.io.atomic
from partnerfit.cli.app import app
from partnerfit.io.atomic import replace_atomically

ROOT = Path(__file__).resolve().parents[2]
AHP = ROOT / "tests" / "data" / "valid" / "ahp"
CRITERIA = "ahp_criteria.yaml"  # named inside cand.yaml: read by every command that loads it
SHEET = "id,name,loyalty,trust,openness,funding,cost,vision,timing\nc1,One,4,4,3,2,3,5,4\nc2,Two,3,4,4,4,2,4,3\n"
ENV = {"COLUMNS": None, "NO_COLOR": None, "FORCE_COLOR": None, "TERM": None}


@dataclass(frozen=True)
class Writer:
    """A writing command: its arguments for a target, the files it reads, and what its target must be named."""

    args: Callable[[str], list[str]]
    inputs: tuple[str, ...] = ("cand.yaml", CRITERIA)
    suffix: str = ".out"
    any_name: bool = True  # False: the target's suffix picks the format, so an input's own name cannot be one


WRITERS = {
    "score": Writer(lambda t: ["score", "cand.yaml", "-f", "json", "-o", t]),
    "score-xlsx": Writer(lambda t: ["score", "cand.yaml", "-o", t], suffix=".xlsx", any_name=False),
    "check": Writer(lambda t: ["check", "cand.yaml", "-f", "json", "-o", t]),
    "check-dir": Writer(
        lambda t: ["check", "folder", "-f", "sarif", "-o", t], inputs=("folder/cand.yaml", f"folder/{CRITERIA}")
    ),
    "schema": Writer(lambda t: ["schema", "candidates", "-c", CRITERIA, "-o", t], inputs=(CRITERIA,)),
    "import": Writer(lambda t: ["import", "sheet.csv", "-c", CRITERIA, "-o", t, "--force"], ("sheet.csv", CRITERIA)),
    "init": Writer(lambda t: ["init", t, "--force", "-c", CRITERIA], inputs=(CRITERIA,)),
    "report-html": Writer(lambda t: ["report", "cand.yaml", "-o", t], suffix=".html", any_name=False),
    "report-md": Writer(lambda t: ["report", "cand.yaml", "-o", t], suffix=".md", any_name=False),
    "report-xlsx": Writer(lambda t: ["report", "cand.yaml", "-o", t], suffix=".xlsx", any_name=False),
    "diff": Writer(lambda t: ["diff", "cand.yaml", "new.yaml", "-o", t], ("cand.yaml", "new.yaml", CRITERIA)),
    "explain": Writer(lambda t: ["explain", "cand.yaml", "atelier", "-o", t]),
    "compare": Writer(lambda t: ["compare", "cand.yaml", "atelier", "biolab", "-o", t]),
    "weights": Writer(lambda t: ["weights", "cand.yaml", "-o", t]),
    "sensitivity": Writer(lambda t: ["sensitivity", "cand.yaml", "--samples", "100", "-o", t]),
    "agreement": Writer(lambda t: ["agreement", "agree.yaml", "-o", t], inputs=("agree.yaml",)),
    "team": Writer(lambda t: ["team", "team.yaml", "--samples", "0", "-o", t], inputs=("team.yaml",)),
}
EVERY = pytest.mark.parametrize("name", list(WRITERS))


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding the inputs of every writer, as the working directory."""
    for folder in (tmp_path, tmp_path / "folder"):
        folder.mkdir(exist_ok=True)
        shutil.copyfile(AHP / "ahp_candidates.yaml", folder / "cand.yaml")
        shutil.copyfile(AHP / CRITERIA, folder / CRITERIA)
    shutil.copyfile(AHP / "ahp_candidates.yaml", tmp_path / "new.yaml")
    shutil.copyfile(ROOT / "tests" / "data" / "agreement" / "mini.yaml", tmp_path / "agree.yaml")  # has assessments
    shutil.copyfile(ROOT / "tests" / "data" / "team" / "team.yaml", tmp_path / "team.yaml")  # has a team: block
    (tmp_path / "sheet.csv").write_text(SHEET, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(args: list[str]):
    from typer.testing import CliRunner

    return CliRunner().invoke(app, args, env=ENV)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (links by what they point at) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


def one_error_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    return lines[0]


# --- the list is complete ------------------------------------------------------------------------


def test_every_writing_command_is_listed():
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    writing = {
        name for name, command in group.commands.items() if {"output", "path"} & {p.name for p in command.params}
    }
    assert writing == {writer.args("T")[0] for writer in WRITERS.values()}


@EVERY
def test_every_writer_writes(work: Path, name: str):
    writer = WRITERS[name]
    target = work / f"out{writer.suffix}"
    result = run(writer.args(target.name))
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()  # a new file: as `open` would make it
    target.chmod(0o640)
    again = run(writer.args(target.name))
    assert again.exit_code == 0, again.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # replaced, with the permissions it had
    assert leftovers(work) == []


# --- no input is ever overwritten ----------------------------------------------------------------


def _cases() -> list[tuple[str, str, str]]:
    cases = []
    for name, writer in WRITERS.items():
        for source in writer.inputs:
            cases += [(name, source, how) for how in ("symlink", "hardlink")]
            cases += [(name, source, "same")] if writer.any_name else []
    return cases


@pytest.mark.parametrize(("name", "source", "how"), _cases())
def test_an_input_is_refused_as_the_target(work: Path, name: str, source: str, how: str):
    writer = WRITERS[name]
    target = source
    if how != "same":
        target = f"link{writer.suffix}"
        (os.symlink if how == "symlink" else os.link)(work / source, work / target)
    before = snapshot(work)
    result = run(writer.args(target))
    assert result.exit_code == 2, result.output
    assert "refusing to write the output over the input file" in one_error_line(result.stderr)
    assert snapshot(work) == before
    assert leftovers(work) == []


@pytest.mark.parametrize("command", [["check", "-f", "json"], ["score", "-f", "json"], ["weights"]], ids=lambda c: c[0])
def test_a_criteria_file_named_by_a_relative_path_is_refused(work: Path, command: list[str]):
    shutil.copytree(ROOT / "tests" / "data" / "valid" / "relative", work / "rel")
    before = snapshot(work)
    result = run([command[0], "rel/candidates.yaml", *command[1:], "-o", "rel/./sets/../sets/mine.yaml"])
    assert result.exit_code == 2, result.output
    assert "refusing to write the output over the input file" in one_error_line(result.stderr)
    assert snapshot(work) == before


def test_a_symlinked_output_is_written_through_the_link(work: Path):
    (work / "real.json").write_text("old", encoding="utf-8")
    (work / "link.json").symlink_to(work / "real.json")
    assert run(WRITERS["score"].args("link.json")).exit_code == 0
    assert (work / "link.json").is_symlink()
    assert (work / "real.json").read_text(encoding="utf-8").startswith("{")


def test_check_dir_skips_its_earlier_report_but_no_other_file(work: Path):
    assert run(["check", "folder", "-f", "json", "-o", "folder/report.json"]).exit_code == 0
    assert run(["check", "folder", "-f", "junit", "-o", "folder/report.json"]).exit_code == 0
    assert (work / "folder" / "report.json").read_text(encoding="utf-8").startswith("<?xml")
    refused = run(["check", "folder", "-f", "json", "-o", "folder/cand.yaml"])
    assert refused.exit_code == 2
    assert (work / "folder" / "cand.yaml").read_bytes() == (AHP / "ahp_candidates.yaml").read_bytes()


# --- a file the user cannot write is never replaced ----------------------------------------------


@EVERY
def test_a_read_only_target_is_refused(work: Path, name: str, monkeypatch: pytest.MonkeyPatch):
    writer = WRITERS[name]
    target = work / f"out{writer.suffix}"
    target.write_text("keep me", encoding="utf-8")
    target.chmod(0o444)
    if os.geteuid() == 0:  # root may write anything: answer as the system would for another user
        real_access = os.access
        monkeypatch.setattr(
            os,
            "access",
            lambda p, m, **kw: False if m & os.W_OK and Path(p).absolute() == target else real_access(p, m, **kw),
        )
    result = run(writer.args(target.name))
    assert result.exit_code == 1, result.output
    assert "permission denied: the file is not writable" in one_error_line(result.stderr)
    assert target.read_text(encoding="utf-8") == "keep me"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert leftovers(work) == []


# --- failed writes: one line, exit 1, nothing left -----------------------------------------------


@EVERY
@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("no/such/out", "does not exist"),
        ("x" * 300, "File name too long"),
        ("/dev/full", "No space left on device"),
        ("cand.yaml/out", "Not a directory"),
    ],
    ids=["missing-folder", "name-too-long", "dev-full", "file-as-folder"],
)
def test_a_failed_write_is_one_line(work: Path, name: str, where: str, message: str):
    writer = WRITERS[name]
    target = where if where.startswith("/dev/") else where + writer.suffix
    if where.startswith("/dev/") and not Path(where).exists():
        pytest.skip(f"no {where} on this system")
    if where.startswith("/dev/") and not writer.any_name:  # the format comes from the suffix: a link to the device
        target = f"full{writer.suffix}"
        (work / target).symlink_to(where)
    before = snapshot(work)
    result = run(writer.args(target))
    assert result.exit_code == 1, result.output
    assert message in one_error_line(result.stderr)
    assert snapshot(work) == before
    assert not (work / "no").exists()


@EVERY
def test_a_long_valid_name_is_written(work: Path, name: str):
    writer = WRITERS[name]
    target = "y" * (250 - len(writer.suffix)) + writer.suffix  # its temporary file's name must stay valid too
    result = run(writer.args(target))
    assert result.exit_code == 0, result.output
    assert (work / target).is_file()
    assert leftovers(work) == []


@EVERY
def test_a_failed_rename_leaves_the_target_and_no_temporary(work: Path, name: str, monkeypatch: pytest.MonkeyPatch):
    writer = WRITERS[name]
    target = work / f"out{writer.suffix}"
    target.write_text("keep me", encoding="utf-8")

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(partnerfit.io.atomic.os, "replace", refuse)
    result = run(writer.args(target.name))
    assert result.exit_code == 1, result.output
    assert "Permission denied" in one_error_line(result.stderr)
    assert target.read_text(encoding="utf-8") == "keep me"
    assert leftovers(work) == []


# --- signals during a write -----------------------------------------------------------------------


class _Killed(BaseException):
    """Stands for the end of the process (the handler's os.kill), so that the test process survives."""


def _signal_mid_write(monkeypatch: pytest.MonkeyPatch, signo: int) -> None:
    """Make the writer send ``signo`` to this process after its first chunk; the handler's kill raises _Killed."""
    send = os.kill

    def write_all(stream, chunks):
        for index, chunk in enumerate(chunks):
            stream.write(chunk)
            if index == 0:
                assert signal.getsignal(signo) not in (signal.SIG_DFL, signal.default_int_handler)
                send(os.getpid(), signo)
                time.sleep(5)  # the handler runs meanwhile

    def kill(pid: int, sent: int) -> None:
        assert (pid, sent) == (os.getpid(), signo)
        raise _Killed

    monkeypatch.setattr(partnerfit.io.atomic, "_write_all", write_all)
    monkeypatch.setattr(os, "kill", kill)


@EVERY
def test_sigterm_mid_write_removes_the_temporary_file(work: Path, name: str, monkeypatch: pytest.MonkeyPatch):
    writer = WRITERS[name]
    target = work / f"out{writer.suffix}"
    target.write_text("keep me", encoding="utf-8")
    before = signal.getsignal(signal.SIGTERM)
    _signal_mid_write(monkeypatch, signal.SIGTERM)
    try:
        with pytest.raises(_Killed):
            run(writer.args(target.name))
    finally:
        signal.signal(signal.SIGTERM, before)
    assert target.read_text(encoding="utf-8") == "keep me"
    assert leftovers(work) == []


def test_the_handlers_last_only_as_long_as_the_write(work: Path, monkeypatch: pytest.MonkeyPatch):
    before = {signo: signal.getsignal(signo) for signo in partnerfit.io.atomic.SIGNALS}
    during = {}

    def write_all(stream, chunks):
        during.update({signo: signal.getsignal(signo) for signo in before})
        for chunk in chunks:
            stream.write(chunk)

    monkeypatch.setattr(partnerfit.io.atomic, "_write_all", write_all)
    assert run(WRITERS["score"].args("out.json")).exit_code == 0
    assert all(handler not in (signal.SIG_DFL, signal.default_int_handler) for handler in during.values())
    assert {signo: signal.getsignal(signo) for signo in before} == before


SLOW_WRITER = """
import sys, time
import partnerfit.io.atomic

def write_all(stream, chunks):
    for chunk in chunks:
        stream.write(chunk)
        stream.flush()
        time.sleep(30)  # a write that lasts: the test signals the process meanwhile

partnerfit.io.atomic._write_all = write_all
sys.argv = ["partnerfit", *sys.argv[1:]]
from partnerfit.cli import run
run()
"""


def _wait_for(found: Callable[[], list[Path]], process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while not found():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the write never started"
        time.sleep(0.01)


@pytest.mark.parametrize("signo", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=lambda s: s.name)
def test_a_signal_mid_write_leaves_nothing_behind(work: Path, signo: signal.Signals):
    target = work / "out.json"
    target.write_text("keep me", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, "score", "cand.yaml", "-f", "json", "-o", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for(lambda: list(work.glob(".out.json.*.tmp")), process)
    process.send_signal(signo)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == -signo  # ended by the signal, as without partnerfit's handler: 128 + signo in a shell
    assert err == f"error: interrupted by {signo.name}; no output was written\n"
    assert target.read_text(encoding="utf-8") == "keep me"
    assert leftovers(work) == []


SLOW_LOAD = """
import sys, time
import partnerfit.analysis.git_revision as revision

def load(*args, **kwargs):
    time.sleep(30)

revision.load = load
sys.argv = ["partnerfit", *sys.argv[1:]]
from partnerfit.cli import run
run()
"""


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_sigterm_while_reading_a_revision_removes_its_copies(work: Path):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "cand.yaml", CRITERIA], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "c"], check=True)
    temporary = work / "tmp"
    temporary.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_LOAD, "diff", "cand.yaml", "--rev", "HEAD"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(temporary)},
    )
    _wait_for(lambda: list(temporary.glob("partnerfit-rev-*/cand.yaml")), process)
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGTERM
    assert list(temporary.iterdir()) == []


# --- stdout closed, broken or full: the real entry point ----------------------------------------

STDOUT_COMMANDS = [
    ["--version"],
    ["--help"],
    ["score", "--help"],
    ["score", "cand.yaml"],
    ["check", "cand.yaml"],
    ["criteria"],
    ["schema", "candidates"],
]


@pytest.mark.parametrize("args", STDOUT_COMMANDS, ids=" ".join)
def test_a_closed_stdout_is_one_error_line(work: Path, args: list[str]):
    done = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", sys.executable, "-m", "partnerfit", *args],
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert one_error_line(done.stderr) == "error: cannot write the output: stdout is closed"


def test_a_closed_stderr_sends_nothing_to_stdout(work: Path):
    def shell(redirect: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = ["sh", "-c", f'exec "$@" {redirect}', "sh", sys.executable, "-m", "partnerfit", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=60)

    usage = shell("2>&-", "score", "nope.yaml")
    assert (usage.returncode, usage.stdout) == (2, "")  # click's usage error went to stdout
    written = shell("2>&-", "score", "cand.yaml", "-f", "json", "-o", "out.json")
    assert (written.returncode, written.stdout) == (0, "")
    assert (work / "out.json").read_text(encoding="utf-8").startswith("{")
    assert shell(">&- 2>&-", "score", "cand.yaml").returncode == 1  # was 120: a failed flush at exit


@pytest.mark.parametrize("args", [["--version"], ["score", "cand.yaml", "-f", "json"]], ids=" ".join)
def test_a_full_stdout_is_one_error_line(work: Path, args: list[str]):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "partnerfit", *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
        )
    assert done.returncode == 1
    assert one_error_line(done.stderr) == "error: cannot write the output: stdout: No space left on device"


def test_a_broken_pipe_is_one_error_line(work: Path):
    rows = "".join(f"  c{i}: {{scores: {{q: {i % 5 + 1}}}}}\n" for i in range(3000))
    (work / "big.yaml").write_text(f"kind: candidates\ncriteria:\n  criteria: {{q: {{}}}}\ncandidates:\n{rows}")
    process = subprocess.Popen(
        [sys.executable, "-m", "partnerfit", "score", "big.yaml", "-f", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline() == b"{\n"  # as `| head -1`: one line read, then the pipe closed
    process.stdout.close()
    with process.stderr:
        err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert (
        one_error_line(err)
        == "error: cannot write the output: stdout was closed by the program reading it (broken pipe)"
    )


# --- the atomic writer itself ----------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    chunks=st.lists(st.binary(max_size=64), max_size=8),
    fail_at=st.one_of(st.none(), st.integers(min_value=0, max_value=8)),
    existing=st.one_of(st.none(), st.binary(max_size=32)),
)
def test_the_target_holds_the_old_or_the_whole_new_content(
    tmp_path_factory: pytest.TempPathFactory, chunks: list[bytes], fail_at: int | None, existing: bytes | None
):
    folder = tmp_path_factory.mktemp("atomic")
    target = folder / "out.bin"
    if existing is not None:
        target.write_bytes(existing)

    def produced():
        for index, chunk in enumerate(chunks):
            if index == fail_at:
                raise RuntimeError("renderer failed")
            yield chunk

    failing = fail_at is not None and fail_at < len(chunks)
    if failing:
        with pytest.raises(RuntimeError):
            replace_atomically(target, produced())
        assert (target.read_bytes() if target.exists() else None) == existing
    else:
        replace_atomically(target, produced())
        assert target.read_bytes() == b"".join(chunks)
    assert [p.name for p in folder.iterdir()] == (["out.bin"] if target.exists() else [])


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
