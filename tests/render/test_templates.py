"""The report's Jinja2 templates: shipped as package data, autoescaped through the one HTML sanitiser, one line per section."""

from __future__ import annotations

from importlib.resources import files

import pytest
from markupsafe import Markup

from partnerfit.render import html
from partnerfit.render.sanitize import html_text

TEMPLATES = files("partnerfit.render") / "templates" / "report"


def render_string(source: str, **values: object) -> str:
    return html.environment().from_string(source).render(**values)


def test_templates_are_package_data():
    names = sorted(p.name for p in TEMPLATES.iterdir())
    assert names == [
        "card.html",
        "cover.html",
        "gathered.html",
        "methodology.html",
        "page.html",
        "parts.html",
        "report.css",
        "robustness.html",
        "scenarios.html",
        "shortlist.html",
        "team.html",
    ]
    assert (TEMPLATES / "report.css").read_text(encoding="utf-8") == html.CSS


@pytest.mark.parametrize(
    "text",
    ["<script>alert('x')</script>", 'a "quoted" & <b>', "bidi \u202e and ESC \x1b", "plain"],
)
def test_every_value_is_escaped_by_the_html_sanitiser(text):
    assert (
        render_string("<p title='{{ v }}'>{{ v }}</p>", v=text) == f"<p title='{html_text(text)}'>{html_text(text)}</p>"
    )


def test_markup_is_written_as_it_is_and_nothing_else():
    chart = Markup('<svg aria-label="a &amp; b"></svg>')
    assert render_string("{{ chart }}{{ text }}", chart=chart, text="<svg>") == str(chart) + "&lt;svg&gt;"


def test_an_undefined_value_is_an_error_not_an_empty_string():
    with pytest.raises(Exception, match="'missing' is undefined"):
        render_string("{{ missing }}")


def test_oneline_joins_lines_and_drops_indentation_only():
    source = "{% oneline %}\n<ul>\n  {% for x in xs %}\n    <li>{{ x }} and {{ x }}</li>\n  {% endfor %}\n</ul>\n{% endoneline %}\nend\n"
    assert render_string(source, xs=[1, 2]) == "<ul><li>1 and 1</li><li>2 and 2</li></ul>\nend\n"


def test_the_table_macro_lays_out_a_grid():
    grid = html.table(
        html.content.Grid(["A", "B"], [["x", "1"], ["y", "2"]], [False, True], [True, False], True),
        extra=(1, "0–100 %", ["<svg/>", "<svg/>"]),
        cut=1,
        kind="ranking",
    )
    out = render_string('{% from "report/parts.html" import table %}{{ table(grid) }}', grid=grid)
    assert out == (
        '<table class="ranking"><thead><tr><th>A</th><th class="chart">0–100 %</th><th class="num">B</th></tr></thead>'
        '<tbody><tr class="strong"><td>x</td><td class="chart"><svg/></td><td class="num">1</td></tr>'
        '<tr class="sub cut"><td>y</td><td class="chart"><svg/></td><td class="num">2</td></tr></tbody></table>'
    )
