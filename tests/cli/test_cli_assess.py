"""`partnerfit assess`: the questionnaire driven through prompt_toolkit's pipe input, and once in tmux at 80×24."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from tests.cli.tmux import terminal
from typer.testing import Result

from partnerfit.cli.assess import interview, saver
from partnerfit.project.loading import load
from partnerfit.project.questionnaire import Refusal, open_sheet, remaining

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "consortium-assessments"
PAIRS = 16  # 4 candidates × 4 criteria


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "c")
    return tmp_path / "c"


def hashes(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(folder: Path, assessor: str, keys: str, lang: str = "en") -> str:
    """Answer the questionnaire with ``keys`` typed; the closing line."""
    project = load(folder / "candidates.yaml")
    sheet = open_sheet(project, assessor)
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        return interview(
            project, sheet, lang, saver(sheet, [folder / "candidates.yaml"]), input=pipe, output=DummyOutput()
        )


def test_answers_in_file_out_and_the_project_reads_it_back(folder: Path) -> None:
    before = hashes(folder)
    closing = run(folder, "eve", "4\nmet them twice\nvisit 2026-03; patent FR123\ns\n" + "3\n\n\n" * 14 + "\x04")
    assert closing.startswith("done: 15 answers saved")
    written = folder / "assessments" / "eve.yaml"
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert data["assessor"] == "eve" and data["kind"] == "assessment"
    first = data["candidates"]["startup_fibre"]["scores"]["expertise"]
    assert first == {"score": 4, "note": "met them twice", "evidence": ["visit 2026-03", "patent FR123"]}
    assert "expertise" not in data["candidates"]["lab_polymeres"]["scores"]  # skipped
    assert "note: met them twice" in written.read_text(encoding="utf-8")  # readable, in block style
    project = load(folder / "candidates.yaml")  # the loader reads it back, folded
    eve = [s for s in project.sheets if s.assessor == "eve"]
    assert eve[0].scores["startup_fibre"]["expertise"] == 4 and eve[0].scores["lab_polymeres"]["expertise"] is None
    assert hashes(folder) == {**before, str(written): hashlib.sha256(written.read_bytes()).hexdigest()}


def test_it_resumes_where_the_file_stops_and_saves_each_answer(folder: Path) -> None:
    closing = run(folder, "eve", "5\n\n\n2\n\n\nq\n")
    assert closing.startswith("stopped: 2 answers saved")
    project = load(folder / "candidates.yaml")
    sheet = open_sheet(project, "eve")
    assert not sheet.new
    left = remaining(sheet, project.criteria, project.file.candidates)
    assert len(left) == PAIRS - 2 and left[0].candidate == "groupe_emballage" and left[0].criterion == "expertise"
    run(folder, "eve", "1\n\n\n\x03")  # Ctrl-C stops too, after the answer is saved
    data = yaml.safe_load((folder / "assessments" / "eve.yaml").read_text(encoding="utf-8"))
    assert data["candidates"]["groupe_emballage"]["scores"] == {"expertise": 1}


def test_an_existing_file_is_edited_in_place_with_its_comments_and_conflicts_skipped(folder: Path) -> None:
    path = folder / "assessments" / "dan-round2.yaml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    scores = data["candidates"]["startup_fibre"]["scores"]
    del scores["capacity"]
    lines = [line for line in text.splitlines() if line.startswith("#")]
    path.write_text("\n".join(lines) + "\n" + yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    before = hashes(folder)
    project = load(folder / "candidates.yaml")
    sheet = open_sheet(project, "dan")
    assert sheet.path == path
    assert [p.candidate for p in remaining(sheet, project.criteria, project.file.candidates)] == ["startup_fibre"]
    assert run(folder, "dan", "2\na note\n\n").startswith("done: 1 answer saved")
    after = path.read_text(encoding="utf-8")
    assert all(line in after for line in lines)  # comments kept
    assert yaml.safe_load(after)["candidates"]["startup_fibre"]["scores"]["capacity"] == {"score": 2, "note": "a note"}
    changed = {k for k, v in hashes(folder).items() if before[k] != v}
    assert changed == {str(path)}


def test_a_bad_score_is_asked_again_and_words_are_french(folder: Path) -> None:
    assert run(folder, "eve", "9\n3,5\n\n\nq\n", "fr").startswith("arrêt : 1 réponse enregistrée")
    data = yaml.safe_load((folder / "assessments" / "eve.yaml").read_text(encoding="utf-8"))
    assert data["candidates"]["startup_fibre"]["scores"]["expertise"] == 3.5


def test_refusals(folder: Path, tmp_path: Path) -> None:
    project = load(folder / "candidates.yaml")
    with pytest.raises(Refusal) as refused:
        open_sheet(project, "has space")
    assert refused.value.key == "assess_bad_id"
    inline = load(ROOT / "examples" / "packaging.yaml")
    with pytest.raises(Refusal) as refused:
        open_sheet(inline, "eve")
    assert refused.value.key == "assess_no_files"


def test_without_a_terminal_it_refuses(invoke: Callable[..., Result], folder: Path) -> None:
    before = hashes(folder)
    result = invoke(["assess", folder / "candidates.yaml", "--assessor", "eve"])
    assert result.exit_code == 2
    assert "error: assess needs a terminal" in result.output
    assert hashes(folder) == before


def test_start_up_does_not_import_prompt_toolkit() -> None:
    code = "import sys; import partnerfit.cli.app; print('prompt_toolkit' in sys.modules, 'ruamel' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split() == [
        "False",
        "False",
    ]


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_in_a_real_terminal_at_80x24(folder: Path, tmp_path: Path) -> None:
    command = f"{sys.executable} -m partnerfit assess {folder / 'candidates.yaml'} --assessor eve --lang en"
    with terminal(f"partnerfit-assess-{tmp_path.name}", command) as term:
        shown = term.wait_for("[1/16] Start-up Fibre Moulée, score 1-5:")  # the question comes last
        assert "Criterion 1/4: Complementary expertise" in shown
        (tmp_path / "screen.txt").write_text(shown, encoding="utf-8")
        term.send("4", "seen in a demo", "")
        term.wait_for("[2/16] Lab Polymères")
        data = yaml.safe_load((folder / "assessments" / "eve.yaml").read_text(encoding="utf-8"))
        assert data["candidates"]["startup_fibre"]["scores"]["expertise"] == {"score": 4, "note": "seen in a demo"}


def run_seen(folder: Path, assessor: str, keys: str, *, show_others: bool) -> str:
    """Everything the questionnaire printed, answering with ``keys``."""
    import io

    from prompt_toolkit.output.plain_text import PlainTextOutput

    project = load(folder / "candidates.yaml")
    sheet = open_sheet(project, assessor)
    screen = io.StringIO()
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        interview(
            project,
            sheet,
            "en",
            saver(sheet, [folder / "candidates.yaml"]),
            input=pipe,
            output=PlainTextOutput(screen),
            show_others=show_others,
        )
    return screen.getvalue()


def _eve_scores(folder: Path) -> dict[str, object]:
    data = yaml.safe_load((folder / "assessments" / "eve.yaml").read_text(encoding="utf-8"))
    return {c: e.get("scores") for c, e in (data.get("candidates") or {}).items()}


def test_b_goes_back_and_a_new_score_replaces_the_answer(folder: Path) -> None:
    assert run(folder, "eve", "5\n\n\n3\n\n\nb\n2\n\n\nq\n").startswith("stopped: 2 answers saved")
    scores = _eve_scores(folder)
    assert scores["startup_fibre"] == {"expertise": 5} and scores["lab_polymeres"] == {"expertise": 2}


def test_b_then_skip_takes_the_answer_back(folder: Path) -> None:
    assert run(folder, "eve", "5\n\n\nb\ns\nq\n").startswith("stopped: 0 answers saved")
    assert _eve_scores(folder) == {}
    assert remaining(open_sheet(load(folder / "candidates.yaml"), "eve"), *_set(folder))[0].candidate == "startup_fibre"


def _set(folder: Path) -> tuple[object, object]:
    project = load(folder / "candidates.yaml")
    return project.criteria, project.file.candidates


def test_b_at_the_first_question_says_there_is_nothing_to_go_back_to(folder: Path) -> None:
    seen = run_seen(folder, "eve", "b\n4\n\n\nq\n", show_others=False)
    assert "nothing to go back to in this session" in seen
    assert _eve_scores(folder) == {"startup_fibre": {"expertise": 4}}


def test_blind_by_default_and_show_others_shows_the_counted_round(folder: Path) -> None:
    from partnerfit.project.questionnaire import Pair, others

    project = load(folder / "candidates.yaml")
    pair = Pair("startup_fibre", "expertise")
    expected = others(project, "eve", pair)
    counted = {s.assessor: s.scores["startup_fibre"]["expertise"] for s in project.sheets if s.counted}
    assert expected == counted and set(expected) == {"alice", "bob", "chloe", "dan"}
    assert others(project, "alice", pair).keys() == {"bob", "chloe", "dan"}  # never one's own
    assert "dan" not in others(project, "eve", Pair("lab_polymeres", "expertise"))  # his conflict of interest
    listed = ", ".join(f"{who} {value:g}" for who, value in sorted(expected.items()))
    assert f"the others scored: {listed}" in run_seen(folder, "eve", "q\n", show_others=True)
    assert "the others scored" not in run_seen(folder, "eve", "q\n", show_others=False)


def test_the_option_is_listed(invoke: Callable[..., Result]) -> None:
    result = invoke(["assess", "--help"])
    assert "--show-others" in result.stdout
