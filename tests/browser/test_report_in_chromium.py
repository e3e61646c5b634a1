"""The HTML report in a real browser: Debian's Chromium, driven by Playwright, offline."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test dependency")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from partnerfit.analysis.report import gather
    from partnerfit.project.loading import load
    from partnerfit.render.html import report_html

    out = tmp_path_factory.mktemp("report") / "shortlist.html"
    data = gather(load(ROOT / "examples" / "packaging.yaml"), today=datetime.date(2026, 11, 26))
    out.write_text(report_html(data), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def page_session(report: Path):  # type: ignore[no-untyped-def]
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 1600})
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.goto(report.as_uri())
        page.wait_for_load_state("load")
        yield page, requests, errors, report
        browser.close()


def test_nothing_leaves_the_page_and_no_script_error(page_session):  # type: ignore[no-untyped-def]
    _, requests, errors, report = page_session
    assert requests == [report.as_uri()]
    assert errors == []


def test_the_page_is_not_blank(page_session, tmp_path):  # type: ignore[no-untyped-def]
    page, _, _, _ = page_session
    text = page.inner_text("body")
    assert "Recyclable food packaging" in text and "Shortlist" in text
    shot = page.screenshot(full_page=False)
    (tmp_path / "report.png").write_bytes(shot)
    assert len(shot) > 20_000  # a blank page compresses to a few kilobytes
    assert page.locator("svg").count() >= 5  # the charts rendered


def test_print_layout_gives_the_expected_a4_pages(page_session):  # type: ignore[no-untyped-def]
    page, _, _, _ = page_session
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == EXPECTED_PAGES, f"the example prints on {pages} A4 pages"


EXPECTED_PAGES = 12  # cover, shortlist, one card per shortlisted candidate, robustness (2 pages), methodology
