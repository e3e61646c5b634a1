"""The hand-drawn SVG charts: stacked bars add up, radar vertices match the axes, values stay in range."""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET

import pytest

from partnerfit.render import svg

NS = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    """An SVG fragment as an element tree (it must be well-formed XML)."""
    return ET.fromstring(markup.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def points(polygon: ET.Element) -> list[tuple[float, float]]:
    pairs = (p.split(",") for p in polygon.attrib["points"].split())
    return [(float(x), float(y)) for x, y in pairs]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([20.0, 30.0, 10.0], 60.0),
        ([0.0, 0.0], 0.0),
        ([80.0, 40.0], 100.0),  # the running total stops at the scale
        ([-5.0, 25.0], 25.0),  # a negative part counts as nothing
    ],
)
def test_segments_add_up_to_the_clipped_total(values, expected):
    placed = svg.segments(values, 200.0)
    assert len(placed) == len(values)
    assert sum(w for _, w in placed) == pytest.approx(expected * 2)
    for (x, w), (nx, _) in itertools.pairwise(placed):
        assert x + w == pytest.approx(nx)  # parts are contiguous
    assert all(w >= 0 and 0 <= x <= 200 for x, w in placed)


def test_stacked_bar_rectangles_sum_to_the_score():
    values = [24.75, 20.5, 18.75, 11.25, 3.75]  # the leader of examples/packaging.yaml: 79.0
    tree = parse(svg.stacked_bar(values, [f"g{k}" for k in range(5)], "Institut: 79.0", width=100))
    groups = list(tree.iter(f"{NS}g"))
    parts = [g.find(f"{NS}rect") for g in groups]
    assert [r.attrib["fill"] for r in parts if r is not None] == [c for c, _ in svg.FILLS[:5]]
    assert sum(float(r.attrib["width"]) for r in parts if r is not None) == pytest.approx(79.0, abs=0.3)
    assert [g.find(f"{NS}title").text for g in groups] == ["g0", "g1", "g2", "g3", "g4"]  # type: ignore[union-attr]
    assert tree.attrib["role"] == "img" and tree.attrib["aria-label"] == "Institut: 79.0"


def test_stacked_bar_skips_empty_parts_and_escapes_titles():
    markup = svg.stacked_bar([0.0, 50.0], ["none", "<script>x</script>"], 'a "label" & <b>')
    assert "<script" not in markup
    assert "&lt;script&gt;" in markup and "&quot;label&quot; &amp; &lt;b&gt;" in markup
    tree = parse(markup)
    assert len(list(tree.iter(f"{NS}g"))) == 1


@pytest.mark.parametrize("n", [3, 5, 8])
def test_radar_points_one_vertex_per_axis_clockwise_from_the_top(n):
    found = svg.radar_points([100.0] * n, 50.0, 50.0, 40.0)
    assert len(found) == n
    assert found[0] == pytest.approx((50.0, 10.0))  # first axis straight up
    assert all(math.dist(p, (50.0, 50.0)) == pytest.approx(40.0) for p in found)
    assert found[1][0] > 50.0  # the second axis is to the right: clockwise


def test_radar_points_are_clipped_to_the_scale():
    found = svg.radar_points([150.0, -20.0, None, 50.0], 0.0, 0.0, 10.0)
    assert math.dist(found[0], (0, 0)) == pytest.approx(10.0)  # 150 drawn at 100
    assert found[1] == pytest.approx((0.0, 0.0))  # below 0 drawn at 0
    assert found[2] == pytest.approx((0.0, 0.0))  # no score drawn at 0
    assert math.dist(found[3], (0, 0)) == pytest.approx(5.0)


def test_radar_series_polygons_have_one_point_per_group():
    axes = ["Key competences", "Attitude", "Strategic fit", "Relational intelligence", "Intuition"]
    tree = parse(svg.radar(axes, [[82.5, 82.0, 75.0, 75.0, 120.0], [72.5, None, 82.0, 69.2, 100.0]], "caption"))
    polygons = list(tree.iter(f"{NS}polygon"))
    assert len(polygons) == 4 + 2  # four rings (25, 50, 75, 100) and two series
    assert all(len(points(p)) == len(axes) for p in polygons)
    outer = points(polygons[3])
    series = [p for p in polygons if p.attrib.get("stroke-dasharray") or "fill-opacity" in p.attrib.get("style", "")]
    assert len(series) == 2
    centre = (sum(x for x, _ in outer) / 5, sum(y for _, y in outer) / 5)
    ring = math.dist(outer[0], centre)
    for polygon in series:
        assert all(math.dist(p, centre) <= ring + 0.2 for p in points(polygon))  # 120 is clipped to the outer ring
    texts = "".join(t.text or "" for t in tree.iter(f"{NS}tspan"))
    assert "Relational" in texts and "intelligence" in texts  # long names wrap on two lines


def test_radar_escapes_axis_names():
    markup = svg.radar(["<script>a</script>", "b & c", "d"], [[10, 20, 30]], "<title>")
    assert "<script" not in markup and "&lt;script&gt;" in markup and "b &amp; c" in markup
    parse(markup)


def test_interval_bar_clips_and_marks_the_weight():
    tree = parse(svg.interval_bar(-0.2, 1.4, 0.3, width=104))
    band = next(r for r in tree.iter(f"{NS}rect"))
    assert float(band.attrib["x"]) == pytest.approx(2.0)
    assert float(band.attrib["width"]) == pytest.approx(100.0)
    tick = next(line for line in tree.iter(f"{NS}line") if line.attrib["stroke-width"] == "1.6")
    assert float(tick.attrib["x1"]) == pytest.approx(32.0)


def test_heat_shades_darken_with_probability_and_text_stays_readable():
    assert svg.heat_colour(0.0) == "#ffffff"
    assert svg.heat_colour(1.0) == "#1f3b5a"
    assert svg.heat_colour(-1.0) == "#ffffff" and svg.heat_colour(2.0) == "#1f3b5a"
    shades = [svg.heat_colour(p / 10) for p in range(11)]
    brightness = [sum(int(s[i : i + 2], 16) for i in (1, 3, 5)) for s in shades]
    assert brightness == sorted(brightness, reverse=True)
    assert svg.heat_ink(0.9) == "#ffffff" and svg.heat_ink(0.1) != "#ffffff"
    cell = svg.heat_cell(0.633)
    assert cell.startswith("<td") and ">63.3</td>" in cell
    assert ">·</td>" in svg.heat_cell(0.0)


def path_points(data: str) -> list[tuple[float, float]]:
    """Every point a path visits (M, L, H, V, h, v and z commands)."""
    x = y = 0.0
    found = []
    for command, args in re.findall(r"([MLHVhvz])([^MLHVhvz]*)", data):
        values = [float(v) for v in args.split()]
        if command in "ML":
            x, y = values
        elif command in "Hh":
            x = values[0] + (x if command == "h" else 0.0)
        elif command in "Vv":
            y = values[0] + (y if command == "v" else 0.0)
        found.append((x, y))
    return found


@pytest.mark.parametrize("kind", sorted({kind for _, kind in svg.FILLS}))
def test_hatching_stays_inside_its_rectangle(kind):
    data = svg.marks(kind, 10.0, 5.0, 23.0, 11.0)
    assert (data == "") == (kind == "solid")
    for x, y in path_points(data):
        assert 10 - 0.05 <= x <= 33 + 0.05 and 5 - 0.05 <= y <= 16 + 0.05


def test_hatchings_tell_the_parts_apart_and_cycle():
    assert len({kind for _, kind in svg.FILLS}) >= 6  # black-and-white prints keep the parts apart
    assert svg.hatched(len(svg.FILLS) + 1, 0, 0, 10, 10) == svg.hatched(1, 0, 0, 10, 10)
    assert "<pattern" not in svg.hatched(1, 0, 0, 10, 10)  # plain vectors: patterns bloat printed PDFs
    parse(svg.swatch(3))
    parse(svg.legend_line(True))
