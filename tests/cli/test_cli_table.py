"""The terminal table of `partnerfit score`: width, columns, flags, excluded section, footer, colour."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

import partnerfit
from partnerfit.cli.common import color_wanted, terminal_width

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "examples" / "packaging.yaml"
ASSESSORS = ROOT / "examples" / "assessors.yaml"
EXAMPLES = [PACKAGING, ASSESSORS]
ANSI = "\x1b["


def table(invoke, path, *extra, columns="80"):
    result = invoke(["score", path, *extra], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def groups(lang="en", short=True):
    criteria = partnerfit.load_criteria("partnership")
    return [g.short_text(lang) if short else g.text(lang) for g in criteria.groups]


# --- width ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("columns", [80, 100, 120])
def test_no_line_wider_than_the_terminal(invoke, path, lang, columns):
    out = table(invoke, path, "--lang", lang, columns=str(columns))
    for line in out.splitlines():
        assert cell_len(line) <= columns, line


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_narrow_table_shows_every_group_short_header(invoke, lang):
    out = table(invoke, PACKAGING, "--lang", lang)
    header = next(line for line in out.splitlines() if line.lstrip().startswith(("Rank", "Rang")))
    for short in groups(lang):
        assert short in header


def test_wide_table_shows_every_group_full_label(invoke):
    out = table(invoke, PACKAGING, columns="200")
    for label in groups(short=False):
        assert label in out


def test_piped_width_is_100(invoke):
    out = table(invoke, PACKAGING, columns=None)
    assert max(cell_len(line) for line in out.splitlines()) == 100


# --- columns and flags ---------------------------------------------------------------------


def test_coverage_column_when_a_candidate_is_incomplete(invoke):
    out = table(invoke, PACKAGING)
    header = next(line for line in out.splitlines() if line.lstrip().startswith("Rank"))
    assert "Cov." in header
    design = next(line for line in out.splitlines() if "École de design" in line)
    assert design.rstrip().endswith("85%")
    assert "Coverage" in table(invoke, PACKAGING, columns="140")


def test_no_coverage_column_when_every_candidate_is_complete(invoke):
    out = table(invoke, ASSESSORS)
    assert "Cov." not in out
    assert "Coverage" not in table(invoke, ASSESSORS, columns="140")


def test_no_coverage_column_when_the_incomplete_candidate_is_cut_by_top(invoke):
    assert "Cov." not in table(invoke, PACKAGING, "--top", "3")


def test_disagreement_flag_for_assessors(invoke):
    out = table(invoke, ASSESSORS)
    flagged = [line for line in out.splitlines() if "⚠" in line]
    assert any("Froid Solaire ⚠" in line for line in flagged)
    assert "Hypermarchés Atlantique" in out
    assert "assessors disagree" in out
    assert "Atelier Solidaire ⚠" not in out
    assert "⚠" not in table(invoke, PACKAGING)


def test_score_bars_and_decimals(invoke):
    out = table(invoke, PACKAGING)
    first = next(line for line in out.splitlines() if line.lstrip().startswith("1 "))
    assert "79.00" in first  # two decimals: 71.76 and 71.75 must not both show 71.8
    assert "█" in first
    assert "71.76" in out
    assert "71.75" in out
    assert "73.0 " in table(invoke, ASSESSORS)  # one decimal is enough there


# --- excluded and footer -------------------------------------------------------------------


def test_excluded_section(invoke):
    out = table(invoke, PACKAGING)
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "Excluded")
    section = "\n".join(lines[start:])
    assert "Papeteries Kerlann" in section
    assert "Loyalty 1 < minimum 2" in section
    assert "Resinex Trading" in section
    assert "gate: sanctions_listed" in section
    ranked = "\n".join(lines[:start])
    assert "Kerlann" not in ranked
    assert "Resinex" not in ranked


def test_excluded_section_in_french(invoke):
    out = table(invoke, PACKAGING, "--lang", "fr")
    assert "Exclus" in out
    assert "Loyauté 1 < minimum 2" in out
    assert "sanctions_listed" in out


def test_no_excluded_section_without_excluded_candidates(invoke):
    assert "Excluded" not in table(invoke, ASSESSORS)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_footer(invoke, path):
    out = table(invoke, path, columns="200")
    assert "Method: weighted sum on the criteria's own scales (wsm)" in out
    assert "Criteria: partnership — Partnership fit (SDG 17)" in out
    assert "Weights: Key competences 30.0% · Attitude 25.0% · Strategic fit 25.0%" in out
    assert "Ties: none (scores within 1e-9 share a rank, listed by id)" in out
    assert "Missing scores: ignore" in out


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_footer_at_80_columns(invoke, lang):
    out = table(invoke, PACKAGING, "--lang", lang)
    words = {
        "en": ["Method: ", "(wsm)", "Weights: ", "30.0%", "Ties: "],
        "fr": ["Méthode : ", "(wsm)", "Poids : ", "30,0\u202f%", "Ex æquo : "],
    }
    for word in words[lang]:
        assert word in out


def test_unanswered_gate_is_reported(invoke, write_yaml):
    path = write_yaml(
        "gate.yaml",
        "kind: candidates\ncriteria:\n  criteria: {q: {}}\n  gates: {g: {}}\ncandidates:\n  a: {scores: {q: 4}}\n",
    )
    assert "gate not answered: g" in invoke(["score", path, "-f", "json"]).stdout  # JSON has it ...
    assert "not answered" in table(invoke, path)  # ... the table does not


def test_footer_names_ties(invoke, write_yaml):
    path = write_yaml(
        "ties.yaml",
        "kind: candidates\ncriteria:\n  criteria: {q: {}, r: {}}\ncandidates:\n"
        "  b_co: {scores: {q: 4, r: 2}}\n  a_co: {scores: {q: 2, r: 4}}\n  c_co: {scores: {q: 1, r: 1}}\n",
    )
    out = table(invoke, path, columns="120")
    assert "Ties: a_co = b_co" in out
    rows = [line.split()[:2] for line in out.splitlines() if line.split()[:1] in (["1"], ["3"])]
    assert rows == [["1", "a_co"], ["1", "b_co"], ["3", "c_co"]]


def test_footer_names_the_assessor_aggregation(invoke):
    assert "Assessors: mean" in table(invoke, ASSESSORS)
    assert "Assessors:" not in table(invoke, PACKAGING)


# --- colour --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_piped_output_has_no_ansi(invoke, fmt):
    result = invoke(["score", ASSESSORS, "-f", fmt])
    assert ANSI not in result.output


def test_no_color_output_has_no_ansi(invoke):
    result = invoke(["score", ASSESSORS], env={"NO_COLOR": "1"})
    assert ANSI not in result.output


def test_force_color_colours_the_table(invoke):
    result = invoke(["score", ASSESSORS], env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    assert ANSI in result.stdout


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_force_color_never_colours_machine_formats(invoke, fmt):
    assert ANSI not in invoke(["score", ASSESSORS, "-f", fmt], env={"FORCE_COLOR": "1"}).stdout


def test_no_color_wins_over_force_color(invoke):
    result = invoke(["score", ASSESSORS], env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert result.exit_code == 0
    assert ANSI not in result.output


def test_coloured_table_has_the_same_text(invoke):
    import re

    coloured = invoke(["score", PACKAGING], env={"FORCE_COLOR": "1"}).stdout
    plain = invoke(["score", PACKAGING]).stdout
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


class Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("no_color", "force_color", "tty", "expected"),
    [
        (None, None, False, False),
        (None, None, True, True),
        ("1", None, True, False),
        (None, "1", False, True),
        ("1", "1", False, False),
        ("1", "1", True, False),
        ("", None, True, True),  # https://no-color.org: an empty NO_COLOR does not count
        ("", "1", False, True),
    ],
)
def test_color_wanted(monkeypatch, no_color, force_color, tty, expected):
    for name, value in [("NO_COLOR", no_color), ("FORCE_COLOR", force_color)]:
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert color_wanted(Stream(tty)) is expected


def test_color_wanted_without_isatty(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert color_wanted(object()) is False


@pytest.mark.parametrize(
    ("columns", "expected"), [("80", 80), ("132", 132), ("abc", 100), ("10", 10), ("0", 100), ("", 100)]
)
def test_terminal_width(monkeypatch, columns, expected):
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setattr("sys.stdout", io.StringIO())  # piped: 100 unless COLUMNS says otherwise
    assert terminal_width() == expected


def test_terminal_width_when_the_terminal_size_is_unknown(monkeypatch, tmp_path):
    class FakeTerminal(io.StringIO):
        def isatty(self) -> bool:
            return True

        def fileno(self) -> int:
            return handle.fileno()  # a regular file: os.get_terminal_size raises OSError

    monkeypatch.delenv("COLUMNS", raising=False)
    with (tmp_path / "not-a-tty").open("w") as handle:
        monkeypatch.setattr("sys.stdout", FakeTerminal())
        assert terminal_width() == 100


# --- large files -----------------------------------------------------------------------------


def test_table_of_a_large_file_is_capped_and_says_so(invoke, tmp_path):
    from partnerfit.cli.app import TABLE_ROWS

    count = TABLE_ROWS + 20
    lines = ["kind: candidates", "criteria:", "  criteria: {q: {}}", "candidates:"]
    lines += [f"  c{i:04d}: {{scores: {{q: {1 + (i % 5)}}}}}" for i in range(count)]
    path = tmp_path / "large.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = table(invoke, path, columns="120")
    row = re.compile(r"^\s*\d+ c\d{4}\b")
    assert len([line for line in out.splitlines() if row.match(line)]) == TABLE_ROWS
    assert f"20 more ranked candidates not shown (--top {TABLE_ROWS})" in out
    everything = table(invoke, path, "--top", str(count), columns="120")
    assert len([line for line in everything.splitlines() if row.match(line)]) == count


@pytest.mark.parametrize("command", [["score"], ["explain", "long"], ["compare", "long", "short"]])
def test_a_huge_name_is_clipped_on_the_terminal_but_whole_in_json(invoke, tmp_path: Path, command) -> None:
    from partnerfit.render.table import MAX_TERMINAL_TEXT

    name = "Very long name " * 2000  # 30,000 characters: wrapping it whole would print 2,000 lines
    path = tmp_path / "long.yaml"
    path.write_text(
        "kind: candidates\ncriteria:\n  criteria: {quality: {}}\ncandidates:\n"
        f"  long: {{name: '{name}', scores: {{quality: 4}}}}\n  short: {{scores: {{quality: 3}}}}\n",
        encoding="utf-8",
    )
    result = invoke([command[0], path, *command[1:]], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    shown = name[: MAX_TERMINAL_TEXT - 1].split()
    assert "…" in result.stdout and len(result.stdout) < 3 * MAX_TERMINAL_TEXT + 4000
    assert " ".join(result.stdout.split()).count(" ".join(shown[:20])) >= 1
    full = invoke(["score", path, "-f", "json"])
    assert name in full.stdout


def test_a_huge_criterion_label_is_clipped_in_the_criteria_tree(invoke, tmp_path: Path) -> None:
    from partnerfit.render.table import MAX_TERMINAL_TEXT

    label = "Long label " * 3000
    path = tmp_path / "crit.yaml"
    path.write_text(f"kind: criteria\ncriteria:\n  quality: {{label: '{label}', description: '{label}'}}\n")
    result = invoke(["criteria", path], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert result.stdout.count("…") == 2 and len(result.stdout) < 4 * MAX_TERMINAL_TEXT + 2000
