"""`partnerfit tune`: refusals, lazy start-up, keys → weights → ranking with Textual's Pilot, goldens, saving.

The goldens are the screen's text (PARTNERFIT_UPDATE_GOLDEN=1 rewrites them).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import numpy as np
import pytest
from tests.cli.conftest import Invoke
from textual.pilot import Pilot

from partnerfit.analysis.tuning import Tuning
from partnerfit.cli.tune_app import TuneApp, open_tuning

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "examples" / "packaging.yaml"
GOLDEN = Path(__file__).parent / "golden" / "tune"
UPDATE = os.environ.get("PARTNERFIT_UPDATE_GOLDEN") == "1"

Drive = Callable[[TuneApp, Pilot[None]], Awaitable[None]]


def screen_text(app: TuneApp) -> str:
    """The screen as text, one line a row (Textual's compositor: what the terminal would show)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips) + "\n"


def drive(
    path: Path, keys: list[str], *, lang: str = "en", size: tuple[int, int] = (80, 24), missing: str | None = None
) -> tuple[TuneApp, str]:
    """Open ``path`` at ``size``, press ``keys``; the app and its screen's text afterwards."""
    app = TuneApp(open_tuning(path, missing=missing), lang)  # type: ignore[arg-type]
    shown: list[str] = []

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            shown.append(screen_text(app))

    asyncio.run(run())
    return app, shown[0]


def test_without_a_terminal_it_refuses_with_exit_2(invoke: Invoke) -> None:
    result = invoke(["tune", PACKAGING])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: tune needs a terminal")
    assert result.stdout == ""
    french = invoke(["tune", PACKAGING, "--lang", "fr"])
    assert french.stderr.startswith("error: tune a besoin d'un terminal")


def test_help_has_examples_and_keys(invoke: Invoke) -> None:
    result = invoke(["tune", "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert "partnerfit tune candidates.yaml --method topsis" in result.stdout
    assert "u undo" in result.stdout


def test_the_command_line_starts_without_textual() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from partnerfit.cli.app import app\n"
        "CliRunner().invoke(app, ['tune', '--help'])\n"
        "print('textual' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "False"


def test_keys_move_the_weight_and_the_ranking_follows() -> None:
    app, text = drive(PACKAGING, ["down", "right", "right", "up", "down", "shift+right"])
    tuning = app.session.tuning
    expected = Tuning.of(app.session.project)
    item = expected.items[1]
    expected.move(item, 0.01)
    expected.move(item, 0.01)
    expected.move(item, 0.05)
    assert np.allclose(tuning.weights, expected.weights)
    assert tuning.share(item) == pytest.approx(0.19)
    assert [row.id for row in app.view.rows] == [cid for cid, _, _ in expected.ranking()]
    assert "19.0" in text.splitlines()[2]  # the selected line shows the new weight


def test_undo_reset_and_a_refused_method() -> None:
    app, text = drive(PACKAGING, ["right", "right", "u", "m"])
    tuning = app.session.tuning
    assert tuning.share(tuning.items[0]) == pytest.approx(0.31)
    assert tuning.method == "wsm"  # wpm needs every score: refused, the status line says so
    assert "wpm cannot score this file" in text
    app, _ = drive(PACKAGING, ["right", "down", "left", "r"])
    declared = np.array([c.effective_weight for c in app.session.project.criteria.criteria])
    assert np.array_equal(app.session.tuning.weights, declared)


def test_switching_method_re_ranks() -> None:
    app, text = drive(PACKAGING, ["m", "m"], missing="worst")
    assert app.session.tuning.method == "topsis"
    expected = Tuning.of(app.session.project, method="topsis", missing="worst")
    assert [(r.id, r.rank) for r in app.view.rows] == [(cid, rank) for cid, rank, _ in expected.ranking()]
    assert "Ranking, topsis" in text


def test_rank_moves_are_shown_with_symbols() -> None:
    keys = ["down"] * 10 + ["shift+right"]  # shared vision +5 points: the start-up overtakes the lab
    app, text = drive(PACKAGING, keys)
    assert app.view.rows[0].id == "startup_fibre"
    shares = app.view.weights  # within its group: the group keeps 25 %, the other groups do not move
    assert shares["shared_vision"] == pytest.approx(0.17) and shares["strategic_fit"] == pytest.approx(0.25)
    assert shares["competences"] == pytest.approx(0.30) and shares["attitude"] == pytest.approx(0.25)
    ranking = [line.split("▏", 1)[1] for line in text.splitlines()[1:3]]
    assert "▲1" in ranking[0] and "Fibrea" in ranking[0]
    assert "▼1" in ranking[1] and "Institut" in ranking[1]


@pytest.mark.parametrize(
    ("name", "size", "lang", "keys"),
    [
        ("packaging-80x24-en.txt", (80, 24), "en", []),
        ("packaging-80x24-fr.txt", (80, 24), "fr", ["down"] * 10 + ["shift+right"]),
        ("packaging-120x40-en.txt", (120, 40), "en", ["down", "right"]),
    ],
)
def test_screen_golden(name: str, size: tuple[int, int], lang: str, keys: list[str]) -> None:
    _, text = drive(PACKAGING, keys, lang=lang, size=size)
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs (PARTNERFIT_UPDATE_GOLDEN=1 to rewrite)"
    assert all(len(line) <= size[0] for line in text.splitlines())


def test_save_writes_a_scenario_that_score_reproduces(tmp_path: Path, invoke: Invoke) -> None:
    path = tmp_path / "packaging.yaml"
    shutil.copy(PACKAGING, path)
    keys = ["down"] * 10 + ["shift+right", "right", "s", *"board-view", "enter"]
    app, text = drive(path, keys)
    assert "Saved as scenario board-view" in text
    written = path.read_text(encoding="utf-8")
    assert written.startswith(PACKAGING.read_text(encoding="utf-8").rstrip("\n"))  # comments and layout kept
    result = invoke(["score", path, "--scenario", "board-view", "--format", "json"])
    assert result.exit_code == 0, result.output
    ranked = [(c["id"], c["rank"]) for c in json.loads(result.stdout)["ranking"] if not c["excluded"]]
    assert ranked == [(row.id, row.rank) for row in app.view.rows]


def test_a_name_with_spaces_is_not_saved(tmp_path: Path) -> None:
    path = tmp_path / "packaging.yaml"
    shutil.copy(PACKAGING, path)
    _, text = drive(path, ["right", "s", *"two", "space", *"words", "enter"])
    assert "one word without spaces" in text
    assert path.read_text(encoding="utf-8") == PACKAGING.read_text(encoding="utf-8")
