"""Every terminal width: each command's table output at 40–200 columns, against golden files.

For every golden: no line is wider than its width, and no word of a name or label is split across
lines (a word is whole, or cut with ``…``). Regenerate with PARTNERFIT_UPDATE_GOLDEN=1 and review.
"""

from __future__ import annotations

import io
import itertools
import os
import re
from pathlib import Path

import pytest
import rich._wrap
import yaml
from rich.cells import cell_len
from rich.text import Text
from typer.testing import CliRunner

from partnerfit.cli.app import app
from partnerfit.render import RenderOptions
from partnerfit.render.layout import NO_BREAK_WORD
from partnerfit.render.table import make_console

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden" / "widths"
PACKAGING = ROOT / "examples" / "packaging.yaml"
UPDATE = os.environ.get("PARTNERFIT_UPDATE_GOLDEN") == "1"
WIDTHS = (40, 60, 80, 100, 120, 200)
LONG_NAMES = {
    "Fibrea (moulded-fibre start-up)": "Fibrea Société Coopérative d'Intérêt Collectif de Recherche en Emballages"
    " Thermoformés Biosourcés (moulded-fibre start-up)",
    "Plastiform": "Plastiform-Internationale-Manufacture-Bretonne-de-Barquettes-Alimentaires",
    "Encres Armor": "Encres Armor Laboratoires Pharmaceutiques et Cosmétiques Réunis de Basse-Bretagne",
}
COMMANDS = {
    "score": ["score", "{file}"],
    "explain": ["explain", "{file}", "startup_fibre"],
    "compare": ["compare", "{file}", "startup_fibre", "lab_biopolymers"],
    "sensitivity": ["sensitivity", "{file}", "--seed", "1"],
    "weights": ["weights", "{file}"],
    "criteria": ["criteria", "partnership"],
    "diff": ["diff", "packaging.yaml", "{file}"],
}


def long_file(tmp: Path) -> Path:
    text = PACKAGING.read_text(encoding="utf-8")
    for short, long in LONG_NAMES.items():
        text = text.replace(f"name: {short}\n", f"name: {long}\n")
    path = tmp / "long.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def words() -> set[str]:
    """Every word of a candidate's name and a criterion's label, in both languages."""
    names = [c["name"] for c in yaml.safe_load(PACKAGING.read_text(encoding="utf-8"))["candidates"].values()]
    labels = re.findall(r"label: \{en: ([^,]+), fr: ([^}]+)\}", (ROOT / "criteria" / "partnership.yaml").read_text())
    texts = [*names, *LONG_NAMES.values(), *(x for pair in labels for x in pair)]
    return {w for text in texts for w in text.split() if len(w) >= 2}


def split_words(text: str, known: set[str]) -> list[str]:
    """Known words whose head ends one line and whose tail is on the next (in free text or a column)."""
    lines = [re.findall(r"[^\s│├└─]+", line) for line in text.splitlines()]
    return [
        head + tail
        for above, below in itertools.pairwise(lines)
        for head in above
        for tail in below
        if head + tail in known
    ]


CASES = [(f"{src}-{cmd}-{w}", src, cmd, w) for src in ("packaging", "long-fr") for cmd in COMMANDS for w in WIDTHS]


@pytest.mark.parametrize(("name", "source", "command", "width"), CASES, ids=[c[0] for c in CASES])
def test_width(
    name: str, source: str, command: str, width: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # run where the files are, by their names: a path would show (and wrap) in diff's output
    (tmp_path / "packaging.yaml").write_bytes(PACKAGING.read_bytes())
    file = Path("packaging.yaml") if source == "packaging" else long_file(tmp_path).relative_to(tmp_path)
    monkeypatch.chdir(tmp_path)
    args = [a.replace("{file}", str(file)) for a in COMMANDS[command]]
    if source == "long-fr":
        args += ["--lang", "fr"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    text = result.stdout
    for line in text.splitlines():
        assert cell_len(line) <= width, f"{name}: {cell_len(line)} > {width}: {line!r}"
    assert not split_words(text, words()), split_words(text, words())
    path = GOLDEN / f"{name}.txt"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
        return
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden (PARTNERFIT_UPDATE_GOLDEN=1)"


def test_split_words_finds_a_folded_word() -> None:
    assert split_words("Institut des Biopoly\nmères", {"Biopolymères"})
    assert not split_words("Institut des Biopoly…", {"Biopolymères"})


def test_rich_still_reads_the_word_pattern_it_is_given() -> None:
    """Fails loudly the day rich renames or stops reading its private word pattern (render/layout.py)."""
    assert rich._wrap.re_word is NO_BREAK_WORD
    buffer = io.StringIO()
    console = make_console(RenderOptions(width=12), buffer)
    console.print(Text("Poids 63,2\u202f% et 10\u00a0000"))
    assert "63,2\u202f%" in buffer.getvalue()
    assert "10\u00a0000" in buffer.getvalue()


def test_below_40_columns_is_a_plain_list() -> None:
    result = CliRunner().invoke(app, ["score", str(PACKAGING)], env={"COLUMNS": "30", "NO_COLOR": "1"})
    assert "1. Institut des Biopolymères" in result.stdout
    assert all(cell_len(line) <= 30 for line in result.stdout.splitlines())
