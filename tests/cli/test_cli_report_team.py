"""The report's "Proposed team" section: present with a team: block (Markdown and HTML), absent without."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Invoke

ROOT = Path(__file__).resolve().parents[2]
TEAM = ROOT / "tests" / "data" / "team" / "team.yaml"


def test_markdown_report_has_the_team_section(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    result = invoke(["report", TEAM, "-o", out, "--date", "2026-01-01"])
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    section = text.split("## 4. Proposed team", 1)[1].split("\n## ", 1)[0]
    assert "| Requirement | 1 | 2 | 3 | Met |" in section
    assert "| Funding ≥ 4 (at least 1) | ✓ |  |  | ✓ 1 |" in section
    assert "### Core index over weight samples" in section and "| Bank F | 100.0% | core |" in section
    assert "## 5. Methodology" in text


def test_html_report_has_the_team_section_in_french(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = invoke(["report", TEAM, "-o", out, "--lang", "fr", "--date", "2026-01-01"])
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert 'id="team-h"' in html and "Équipe proposée" in html and "Respectée" in html
    assert html.index('id="robustness-h"') < html.index('id="team-h"') < html.index('id="methodology-h"')


def test_no_team_block_no_section(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    result = invoke(["report", ROOT / "examples" / "packaging.yaml", "-o", out, "--date", "2026-01-01"])
    assert result.exit_code == 0
    assert "Proposed team" not in out.read_text(encoding="utf-8")


def test_infeasible_team_leaves_the_section_out(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    result = invoke(["report", TEAM.parent / "infeasible.yaml", "-o", out, "--date", "2026-01-01"])
    assert result.exit_code == 0
    assert "Proposed team" not in out.read_text(encoding="utf-8")
