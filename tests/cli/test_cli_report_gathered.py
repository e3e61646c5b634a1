"""The report's "How the scores were gathered" section: present with assessments only; --anonymous hides names."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONSORTIUM = ROOT / "examples" / "consortium-assessments" / "candidates.yaml"
SINGLE = ROOT / "examples" / "packaging.yaml"  # one score sheet: no assessments
NAMES = re.compile(r"alice|\bbob\b|chlo[ée]|\bdan\b|Martin|Bruno|Oliveira|Durand|Keller", re.IGNORECASE)


def _report(invoke, tmp_path: Path, source: Path, suffix: str, *extra: str) -> str:
    out = tmp_path / f"r.{suffix}"
    result = invoke(["report", source, "-o", out, "--date", "2026-01-01", *extra])
    assert result.exit_code == 0, result.output
    if suffix == "xlsx":
        with zipfile.ZipFile(out) as book:
            return "\n".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml"))
    return out.read_text(encoding="utf-8")


def test_the_section_with_assessments(invoke, tmp_path: Path) -> None:
    text = _report(invoke, tmp_path, CONSORTIUM, "md")
    assert "## 4. How the scores were gathered" in text and "## 6. Methodology" in text  # 5: the example's scenarios
    assert "| Alice Martin (alice) | R&D | 100.0% (16/16) |" in text
    assert "- Round 1: 0.291 (4 assessors)" in text
    assert "Groupe Emballage, Complementary expertise: spread 4 → 0" in text
    assert "Consensus rules" in text and "### Perspectives" in text
    html = _report(invoke, tmp_path, CONSORTIUM, "html")
    assert 'id="gathered"' in html and "How the scores were gathered" in html


def test_no_section_without_assessments(invoke, tmp_path: Path) -> None:
    assert SINGLE.exists()
    assert "How the scores were gathered" not in _report(invoke, tmp_path, SINGLE, "md")
    assert 'id="gathered"' not in _report(invoke, tmp_path, SINGLE, "html")


def test_french(invoke, tmp_path: Path) -> None:
    text = _report(invoke, tmp_path, CONSORTIUM, "md", "--lang", "fr", "--anonymous")
    assert "## 4. Comment les notes ont été recueillies" in text and "| Évaluateur 1 | R&D |" in text


@pytest.mark.parametrize("suffix", ["md", "html", "xlsx"])
def test_anonymous_hides_names_everywhere(invoke, tmp_path: Path, suffix: str) -> None:
    assert NAMES.search(_report(invoke, tmp_path, CONSORTIUM, suffix))
    text = _report(invoke, tmp_path, CONSORTIUM, suffix, "--anonymous")
    assert not NAMES.search(text), NAMES.search(text)
    assert "Assessor 1" in text


def test_the_perspectives_apply_the_weight_overrides(invoke, tmp_path: Path) -> None:
    from tests.analysis.test_gathered_perspectives import FILE

    source = tmp_path / "p.yaml"
    source.write_text(FILE, encoding="utf-8")
    plain = _report(invoke, tmp_path, source, "md")
    assert "| a | 1 | 3 |" in plain  # the buyers' weights put a last
    overridden = _report(invoke, tmp_path, source, "md", "-w", "cost=0.1")
    assert "| a | 1 | 1 |" in overridden and "buyers: same leader as the compromise (a)" in overridden
    score = invoke(["score", source, "--perspectives", "-w", "cost=0.1", "--format", "json"])
    assert score.exit_code == 0, score.output
    (buyers,) = json.loads(score.stdout)["roles"]
    assert buyers["leader"] == "a" and buyers["ranks"] == {"a": 1, "c": 2, "b": 3}  # as the report ranks them
