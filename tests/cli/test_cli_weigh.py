"""`partnerfit weigh`: answers in through prompt_toolkit's pipe input, the criteria file out; once in tmux at 80×24."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from tests.cli.tmux import terminal
from typer.testing import Result

from partnerfit.cli.weigh import Talk, session
from partnerfit.project.criteria_ref import load_criteria

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "criteria-ahp.yaml"
KEEP_GROUPS = "k\n" * 4  # competences, attitude, strategic_fit, relational (intuition has one criterion)
# the groups compared so that the judgements contradict each other (CR well above 0.10)
TANGLED = "a 3\na 5\nb 3\na 3\na 3\nb 5\na 5\nb 5\na 1\na 3\n"


@pytest.fixture
def criteria(tmp_path: Path) -> Path:
    return Path(shutil.copy(EXAMPLE, tmp_path / "criteria.yaml"))


def run(path: Path, keys: str, lang: str = "en", **options: bool) -> tuple[str, list[str]]:
    """Answer with ``keys`` typed; the closing line and every line shown."""
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        talk = Talk.open(lang, pipe, DummyOutput())
        return session(path, lang, talk=talk, **options), talk.shown


def without_block(text: str, indent: str = "") -> list[str]:
    """The lines of ``text`` without the `weighting:` block at ``indent``."""
    out, inside = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith(indent + "weighting:"):
            inside = True
            continue
        if inside and (not line.strip() or line.startswith(indent + " ")):
            continue
        inside = False
        out.append(line)
    return out


def weights_json(criteria: Path, invoke: Callable[..., Result]) -> dict[str, dict[str, object]]:
    result = invoke(["weights", ROOT / "examples" / "packaging.yaml", "--criteria", criteria, "--format", "json"])
    assert result.exit_code == 0, result.output
    return {o["scope"] or "": o for o in json.loads(result.stdout)["origins"]}


def test_pairwise_with_a_fix_written_keeping_every_other_byte(criteria: Path, invoke: Callable[..., Result]) -> None:
    before = criteria.read_text(encoding="utf-8")
    closing, shown = run(criteria, "p\n" + TANGLED + "y\nn\n" + KEEP_GROUPS + "y\n")
    assert closing == f"written: {criteria}"
    after = criteria.read_text(encoding="utf-8")
    assert without_block(after) == without_block(before)  # comments, order and layout kept byte for byte
    said = " ".join(line.strip() for line in shown)  # the lines as wrapped at the terminal's width, joined
    crs = [float(m) for m in re.findall(r"CR = (\d\.\d{3})", said)]
    fixes = re.findall(r"revisit (.+?) against (.+?): you said (\S+), the other judgements imply (\S+)", said)
    assert crs[-2] > 0.10 and fixes  # inconsistent, and a judgement named with its value
    proposed = float(re.findall(r"CR would fall to (\d\.\d{3})", said)[0])
    assert proposed < crs[-2] and crs[-1] == proposed  # the fix accepted lowers CR to what it said
    reported = weights_json(criteria, invoke)[""]
    assert reported["method"] == "ahp" and f"{reported['cr']:.3f}" == f"{crs[-1]:.3f}"  # as `weights` says
    assert "comparisons:" in after and ', "1/' in after  # the judgements kept, fractions quoted as text


def test_rank_order_and_swing_read_back(criteria: Path) -> None:
    # groups kept; competences kept; attitude by ROC (transparency, loyalty, diversity); strategic_fit by swing
    keys = "k\nk\nr\n3 1 2\ns\n2 1 3\n50\n25\nk\ny\n"
    closing, _ = run(criteria, keys)
    assert closing.startswith("written:")
    origins = {o.scope: o for o in load_criteria(criteria).origins}
    assert origins["attitude"].method == "roc"
    roc = {"transparency": 11 / 18, "loyalty": 5 / 18, "diversity_acceptance": 2 / 18}
    assert origins["attitude"].weights == pytest.approx(roc)
    swing = {"mutual_benefit": 100 / 175, "shared_vision": 50 / 175, "risk_exposure": 25 / 175}
    assert origins["strategic_fit"].method == "direct" and origins["strategic_fit"].weights == pytest.approx(swing)
    text = criteria.read_text(encoding="utf-8")
    assert "weighting: {method: roc" in text  # the competences' one-line block untouched


def test_dry_run_writes_nothing_and_shows_the_diff(criteria: Path) -> None:
    digest = hashlib.sha256(criteria.read_bytes()).hexdigest()
    closing, shown = run(criteria, "r\n5 4 3 2 1\n" + KEEP_GROUPS, dry_run=True)
    assert closing == "dry run: nothing written"
    assert "+  method: roc" in shown and "-  method: ahp" in shown
    assert hashlib.sha256(criteria.read_bytes()).hexdigest() == digest


def test_declined_stopped_and_bad_answers_asked_again_in_french(criteria: Path) -> None:
    digest = hashlib.sha256(criteria.read_bytes()).hexdigest()
    closing, shown = run(criteria, "x\nr\n1 1\n1 2 3 4 5\n" + KEEP_GROUPS + "n\n", "fr")
    assert closing == "rien n'a été écrit"
    said = " ".join(line.strip() for line in shown)
    assert "tapez p, s, r ou k" in said and "tapez chaque numéro de 1 à 5 une fois" in said
    assert "Pondération : les groupes (5 éléments) :" in said
    assert run(criteria, "p\na 3\nq\n")[0] == "stopped: nothing written"
    assert hashlib.sha256(criteria.read_bytes()).hexdigest() == digest


def test_without_a_terminal_it_refuses(invoke: Callable[..., Result], criteria: Path) -> None:
    digest = hashlib.sha256(criteria.read_bytes()).hexdigest()
    result = invoke(["weigh", criteria])
    assert result.exit_code == 2
    assert "error: weigh needs a terminal" in result.output
    assert hashlib.sha256(criteria.read_bytes()).hexdigest() == digest


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_in_a_real_terminal_at_80x24(criteria: Path, tmp_path: Path) -> None:
    command = f"{sys.executable} -m partnerfit weigh {criteria} --lang en"
    with terminal(f"partnerfit-weigh-{tmp_path.name}", command) as term:
        shown = term.wait_for("Weighing the groups (5 items):")
        assert all(len(line) <= 80 for line in shown.splitlines())
        term.send("p", "a 2")
        term.wait_for("[2/10] Key competences or Strategic fit")
        term.send(*TANGLED.splitlines()[1:], "n", *["k"] * 4)
        term.wait_for("Write these changes to")
        before = criteria.read_text(encoding="utf-8")
        term.send("y")  # the command ends, and its pane with it: the file tells
        for _ in range(100):
            if criteria.read_text(encoding="utf-8") != before:
                break
            time.sleep(0.1)
        assert "  - [competences, strategic_fit, 5]" in criteria.read_text(encoding="utf-8")
