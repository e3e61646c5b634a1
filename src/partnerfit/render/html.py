"""The shortlist report as one self-contained HTML file: cover, shortlist, cards, robustness, methodology."""

from __future__ import annotations

from collections.abc import Sequence

from partnerfit._version import __version__
from partnerfit.analysis.explain import Explanation
from partnerfit.analysis.report import ReportData, levels_of, parts_of
from partnerfit.contract.models import label_text
from partnerfit.i18n import t
from partnerfit.render import report_content as content
from partnerfit.render import svg
from partnerfit.render.common import colon, fmt_score
from partnerfit.render.report_markdown import criterion_meta, method_paragraphs, origin_lines
from partnerfit.render.sanitize import html_text
from partnerfit.render.sensitivity import acceptability_title, leaders_line, stability_title, verdict_lines

CSS = """\
@page{size:A4;margin:14mm 14mm 15mm;@bottom-right{content:counter(page) " / " counter(pages);font-size:8pt;color:#6b7480}}
@page:first{@bottom-right{content:none}}
:root{--ink:#1d2733;--muted:#5f6975;--rule:#d3d8de;--accent:#1f3b5a;--soft:#f2f4f6;--warn:#a4553a}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif;
font-size:10pt;line-height:1.45;color:var(--ink);background:#e6e9ed}
body{margin:0;padding:20px 0}
.sheet{background:#fff;max-width:210mm;margin:0 auto 20px;padding:15mm 15mm 16mm;box-shadow:0 1px 4px rgba(0,0,0,.18)}
h1{font-size:25pt;line-height:1.15;margin:0 0 6mm;color:var(--accent);font-weight:650}
h2{font-size:15pt;margin:0 0 4mm;color:var(--accent);border-bottom:1.5px solid var(--accent);padding-bottom:1.5mm}
h2 .n{color:var(--muted);font-weight:400;margin-right:.45em}
h3{font-size:11.5pt;margin:6mm 0 2mm;color:var(--accent)}
h4{font-size:8.5pt;margin:4mm 0 1.5mm;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
p{margin:0 0 2.5mm}ul{margin:0 0 2mm;padding-left:4.5mm}li{margin:0 0 .8mm}
table{border-collapse:collapse;width:100%;font-size:8.6pt;margin:2mm 0 1mm}
th{font-weight:600;text-align:left;border-bottom:1.2px solid var(--ink);padding:3px 4px;vertical-align:bottom}
td{border-bottom:.5px solid var(--rule);padding:3px 4px;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}
tr{break-inside:avoid}thead{display:table-header-group}
tr.strong td{font-weight:600}tr.sub td:first-child{padding-left:5mm}tr.cut td{border-bottom:1.2px solid var(--accent)}
td.chart{padding-top:4px;padding-bottom:0;white-space:nowrap}.ranking td:nth-child(2){min-width:36mm}
figure{margin:3mm 0;break-inside:avoid}
figcaption,.caption{font-size:8pt;color:var(--muted);margin:1.5mm 0 3mm}
.callout{border-left:3px solid var(--accent);background:var(--soft);padding:2.5mm 4mm;margin:3mm 0;break-inside:avoid}
.callout.warn{border-left-color:var(--warn)}.callout p:last-child,.callout ul:last-child{margin-bottom:0}
.cover{display:flex;flex-direction:column;min-height:267mm}
.kicker{text-transform:uppercase;letter-spacing:.12em;font-size:8.5pt;color:var(--muted);margin:8mm 0 5mm}
.objective{font-size:12.5pt;margin-bottom:6mm}.objective b{color:var(--muted);font-weight:500}
dl.meta{display:grid;grid-template-columns:34mm 1fr;gap:1.8mm 4mm;margin:4mm 0 6mm;padding-top:4mm;border-top:.5px solid var(--rule)}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
.toc ol{padding-left:5mm;margin:0}.toc a{color:var(--ink);text-decoration:none}
.colophon{margin-top:auto;font-size:8pt;color:var(--muted);border-top:.5px solid var(--rule);padding-top:2mm}
.legend{display:flex;flex-wrap:wrap;gap:1.5mm 5mm;font-size:8.3pt;margin:2mm 0}
.legend span{display:inline-flex;align-items:center;gap:1.5mm}
.card-head{display:flex;align-items:baseline;gap:4mm;border-bottom:1.5px solid var(--accent);padding-bottom:2mm;margin-bottom:3mm}
.card-head .rank{font-size:22pt;font-weight:700;color:var(--accent)}.card-head h3{margin:0;font-size:14pt}
.sub{color:var(--muted);margin:0}.profile{color:var(--muted);font-size:8.5pt}
.grid{display:grid;grid-template-columns:minmax(0,9fr) minmax(0,11fr);gap:6mm;align-items:start}
svg{overflow:visible}svg.radar{width:100%;height:auto;display:block}svg.bar,svg.swatch{vertical-align:middle}
td.heat{text-align:center;min-width:8mm}
.muted{color:var(--muted)}@media print{html{background:#fff;font-size:9pt}body{padding:0}
table{font-size:8pt;line-height:1.25}th,td{padding:1.5px 4px}.card ul{font-size:8pt;line-height:1.3}.card .grid p,.profile{font-size:8pt;line-height:1.35}.card svg.radar{max-width:68mm;margin:0 auto}h4{margin:3mm 0 1mm}
.card-head{padding-bottom:1mm;margin-bottom:2mm}.card-head .rank{font-size:17pt}.card-head h3{font-size:12.5pt}
.caption,figcaption{margin:1mm 0 1.5mm}h2{margin-bottom:3mm}td.chart{padding-top:2px}td.chart svg{height:2.7mm;width:auto}h3{margin:4mm 0 1.5mm}.callout{padding:2mm 3mm}
.sheet{box-shadow:none;margin:0;padding:0;max-width:none}.sheet~.sheet{break-before:page}
.cover{min-height:262mm}a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""


def e(text: object) -> str:
    """``text`` escaped for HTML content and attribute values (see sanitize.html_text)."""
    return html_text(text)


def html_table(
    grid: content.Grid, extra: tuple[int, str, Sequence[str]] | None = None, cut: int = -1, kind: str = ""
) -> str:
    """A grid as a table, its cells escaped; ``extra`` inserts a column of charts, ``cut`` rules off a row."""
    head = [e(h) for h in grid.head]
    align = [' class="num"' if n else "" for n in grid.numeric]
    rows = [[e(c) for c in row] for row in grid.rows]
    if extra is not None:
        at, title, cells = extra
        head.insert(at, e(title))
        align.insert(at, ' class="chart"')
        for row, cell in zip(rows, cells, strict=True):
            row.insert(at, cell)
    out = [
        f'<table class="{kind}"><thead><tr>' if kind else "<table><thead><tr>",
        *(f"<th{a}>{h}</th>" for a, h in zip(align, head, strict=True)),
        "</tr></thead><tbody>",
    ]
    for k, row in enumerate(rows):
        stressed = k < len(grid.strong) and grid.strong[k]
        css = ["strong"] * stressed + ["sub"] * (grid.nested and not stressed) + ["cut"] * (k == cut)
        out.append(f'<tr class="{" ".join(css)}">' if css else "<tr>")
        out += [f"<td{a}>{c}</td>" for a, c in zip(align, row, strict=True)] + ["</tr>"]
    return "".join(out) + "</tbody></table>"


def bullets(lines: Sequence[str]) -> str:
    """A list of plain-text lines."""
    return "<ul>" + "".join(f"<li>{e(line)}</li>" for line in lines) + "</ul>"


def heading(number: int, key: str, lang: str, anchor: str) -> str:
    """A numbered section heading."""
    return f'<h2 id="{anchor}"><span class="n">{number}</span>{e(t(key, lang))}</h2>'


def cover(data: ReportData, lang: str, sections: Sequence[tuple[str, str]]) -> str:
    """The cover page: title, objective, date, assessors, criteria set, key findings and contents."""
    result = data.result
    rows = "".join(f"<dt>{e(key)}</dt><dd>{e(value)}</dd>" for key, value in content.meta_rows(data, lang))
    objective = f"<b>{e(t('objective', lang))}</b><br>{e(result.objective)}" if result.objective else ""
    description = f"<p>{e(data.description)}</p>" if data.description else ""
    close = " warn" if content.close_line(data, lang) else ""
    toc = "".join(f'<li><a href="#{anchor}">{e(label)}</a></li>' for anchor, label in sections)
    colophon = t(
        "report_colophon", lang, version=__version__, source=data.source, date=content.date_text(data.date, lang)
    )
    return (
        f'<section class="sheet cover" id="cover"><p class="kicker">{e(t("report_kicker", lang))}</p>'
        f"<h1>{e(data.heading or t('report_default_title', lang))}</h1>"
        f'<p class="objective">{objective}</p>{description}<dl class="meta">{rows}</dl>'
        f'<div class="callout{close}"><h4>{e(t("report_key_findings", lang))}</h4>{bullets(content.findings(data, lang))}</div>'
        f'<nav class="toc"><h4>{e(t("report_contents", lang))}</h4><ol>{toc}</ol></nav>'
        f'<p class="colophon">{e(colophon)}</p></section>'
    )


def shortlist(data: ReportData, lang: str, number: int) -> str:
    """The ranking with a bar of each score's parts by group, the shortlist in bold, then the excluded ones."""
    result, top = data.result, data.top
    ranked, parts = result.ranked, parts_of(result.criteria, lang)
    out = [f'<section class="sheet" id="shortlist">{heading(number, "report_shortlist", lang, "shortlist-h")}']
    out.append(f"<p>{e(content.shortlist_intro(data, lang))}</p>")
    close = content.close_line(data, lang)
    out += [f'<div class="callout warn"><p>⚠ {e(close)}</p></div>'] if close else []
    wsm, bars = result.method == "wsm", []
    legend = "".join(f"<span>{svg.swatch(k)}{e(p)}</span>" for k, (p, _) in enumerate(parts))
    out += [f'<div class="legend">{legend}</div>'] if wsm and len(ranked) else []
    for c in ranked[: content.MAX_ROWS]:
        values = [sum(c.contributions.get(i, 0.0) for i in m) for _, m in parts] if wsm else [c.score or 0.0]
        titles = [f"{p}{colon(lang)}{v:.1f}" for (p, _), v in zip(parts, values, strict=False)] if wsm else [""]
        bars.append(svg.stacked_bar(values, titles, f"{c.name}{colon(lang)}{fmt_score(c.score)}"))
    column = (3, content.contributions_title(result, lang) if wsm else "", bars)
    table = html_table(content.ranking_grid(data, lang), column, top - 1 if top < len(bars) else -1, "ranking")
    flat = "report_bar_caption" if result.criteria.groups else "report_bar_caption_flat"
    caption = e(t(flat if wsm else "report_bar_not_additive", lang, method=result.method))
    out += [f"<figure>{table}<figcaption>{caption}</figcaption></figure>"] if bars else []
    if len(ranked) > content.MAX_ROWS:
        out.append(f"<p>{e(t('report_more_ranked', lang, count=len(ranked) - content.MAX_ROWS))}</p>")
    excluded = content.excluded_grid(result, lang)
    out.append(f"<h3>{e(t('excluded', lang))}</h3>")
    out.append(html_table(excluded) if excluded.rows else f"<p>{e(t('report_no_excluded', lang))}</p>")
    notes = content.shortlist_notes(result, lang)
    out += [f"<h4>{e(t('report_notes', lang))}</h4>{bullets(notes)}"] if notes else []
    return "".join(out) + "</section>"


def _radar(x: Explanation, lang: str) -> tuple[str, str]:
    """The spider chart of the group scores, and its legend (empty without three groups)."""
    groups = x.result.criteria.groups
    if len(groups) < 3:
        return "", ""
    series = [x.entry] + ([x.versus] if x.versus is not None else [])
    names = {"name": x.entry.name, "other": x.versus.name if x.versus is not None else ""}
    label = t("report_radar_caption" if x.versus is not None else "report_radar_alone", lang, **names)
    chart = svg.radar([g.text(lang) for g in groups], [[c.groups.get(g.id) for g in groups] for c in series], label)
    legend = "".join(f"<span>{svg.legend_line(k > 0)}{e(c.name)}</span>" for k, c in enumerate(series))
    caption = e(t("report_radar_short", lang))
    return f"<figure>{chart}<figcaption>{caption}</figcaption></figure>", f'<div class="legend">{legend}</div>'


def card(x: Explanation, data: ReportData, lang: str, place: int) -> str:
    """One shortlisted candidate: radar against the leader, facts, strengths and weaknesses, evidence, targets."""
    entry, result = x.entry, x.result
    labels = {c.id: c.text(lang) for c in result.criteria.criteria}
    sub = t("report_card_sub", lang, rank=entry.rank, count=len(result.ranked), score=fmt_score(entry.score, 2))
    sub += f" · {entry.type}" if entry.type else ""
    title = heading(2, "report_cards", lang, "cards-h") if place == 1 else ""  # the first card opens the section
    out = [f'<article class="sheet card" id="card-{place}">{title}<div class="card-head">']
    out.append(f'<span class="rank">{entry.rank}</span><div><h3>{e(entry.name)}</h3><p class="sub">{e(sub)}</p>')
    about = content.profile(data, entry.id, lang)
    out.append("</div></div>" + (f'<p class="profile">{e(about)}</p>' if about else ""))
    chart, legend = _radar(x, lang)
    groups = html_table(content.groups_grid(x, lang)) if result.criteria.groups else ""
    strengths, weaknesses = (
        f"<h4>{e(t(key, lang))}</h4><p>{e(' · '.join(labels[i] for i in ids) or t('explain_none', lang))}</p>"
        for key, ids in (("report_strengths", x.strengths), ("report_weaknesses", x.weaknesses))
    )
    facts = bullets(content.card_facts(x, lang))
    out.append(f'<div class="grid"><div>{chart}{strengths}</div><div>{legend}{groups}{facts}{weaknesses}')
    out.append(f"</div></div><h4>{e(t('report_what_it_takes', lang))}</h4>")
    out += [f'<p class="caption">{e(t("report_leads_already", lang))}</p>'] if entry.rank == 1 else []
    grid = content.criteria_grid(x, lang)
    out.append(html_table(grid))
    out += [f'<p class="caption">{e(t("explain_wsm_only", lang))}</p>'] if result.method != "wsm" else []
    notes, disagreements, rules = content.card_lists(x, lang)
    out.append(f"<h4>{e(t('explain_notes_evidence', lang).rstrip(' :'))}</h4>")
    items = "".join(f"<li><b>{e(a)}</b> {e(b)}</li>" for a, b in notes)
    out.append(f"<ul>{items}</ul>" if items else f"<p>{e(t('report_no_notes', lang))}</p>")
    out += [f"<h4>{e(t('report_disagreements', lang))}</h4>{bullets(disagreements)}"] if disagreements else []
    out += [f'<p class="caption">{e(line)}</p>' for line in rules]
    return "".join(out) + "</article>"


def robustness(data: ReportData, lang: str, number: int) -> str:
    """Verdict, rank-acceptability heat map, weight stability intervals and the method comparison."""
    out = [f'<section class="sheet" id="robustness">{heading(number, "report_robustness", lang, "robustness-h")}']
    out.append(f"<p>{e(t('report_robustness_intro', lang))}</p>")
    report = data.sensitivity
    if report is not None:
        warn = " warn" if content.close_line(data, lang) else ""
        out.append(
            f'<div class="callout{warn}">{bullets([leaders_line(report, lang), *verdict_lines(report, lang)])}</div>'
        )
        if report.acceptability.ids:
            head, rows = content.heat_rows(report, lang)
            cells = [f"<tr><td>{e(name)}</td>{''.join(svg.heat_cell(p) for p in ps)}</tr>" for name, ps in rows]
            heads = "".join(f'<th class="num">{e(h)}</th>' if k else f"<th>{e(h)}</th>" for k, h in enumerate(head))
            caption = t("report_heat_caption", lang, how=acceptability_title(report, lang))
            out.append(f"<h3>{e(t('report_heat_title', lang))}</h3><figure><table><thead><tr>{heads}</tr></thead>")
            out.append(f"<tbody>{''.join(cells)}</tbody></table><figcaption>{e(caption)}</figcaption></figure>")
        if report.stability.intervals and report.stability.runner_up is not None:
            bars = [svg.interval_bar(i.low, i.high, i.weight) for i in report.stability.intervals]
            table = html_table(content.stability_grid(report, lang), (2, "0–100 %", bars))
            caption = e(t("report_stability_caption", lang))
            out.append(
                f"<h3>{e(stability_title(report, lang))}</h3><figure>{table}<figcaption>{caption}</figcaption></figure>"
            )
    out.append(f"<h3>{e(t('report_methods_title', lang))}</h3>")
    if content.compared(data.comparison):
        out.append(html_table(content.comparison_grid(data.comparison, lang)))
        out.append(f'<p class="caption">{e(t("report_methods_caption", lang))}</p>')
    return "".join(out) + bullets(content.comparison_notes(data.comparison, lang)) + "</section>"


def methodology(data: ReportData, lang: str, number: int) -> str:
    """How the score is computed, where the weights come from, the criteria with their anchors, the gates."""
    criteria = data.result.criteria
    out = [f'<section class="sheet" id="methodology">{heading(number, "report_methodology", lang, "methodology-h")}']
    out.append(f"<h3>{e(t('report_how_computed', lang))}</h3>")
    out += [f"<p>{e(p)}</p>" for p in method_paragraphs(data, lang)]
    out.append(f"<h3>{e(t('report_weights_title', lang))}</h3>{bullets(origin_lines(data, lang))}")
    out.append(html_table(content.weights_grid(data, lang)))
    out += [f'<p class="caption">{e(line)}</p>' for line in content.weights_notes(data, lang)]
    out.append(f"<h3>{e(t('report_criteria_title', lang))}</h3>")
    sections = [(g.text(lang), g.effective_weight, g.criteria) for g in criteria.groups] or [("", 1.0, criteria.ids)]
    for label, weight, members in sections:
        out += [f"<h4>{e(label)} · {weight:.0%}</h4>"] if label else []
        rows = []
        for c in (criteria.criterion(cid) for cid in members):
            anchors = "".join(f"<li><b>{e(k)}</b> — {e(v)}</li>" for k, v in levels_of(c, lang))
            text = f"<p>{e(label_text(c.description, lang))}</p>" if c.description else ""
            name = f'<b>{e(c.text(lang))}</b><br><span class="muted">{e(criterion_meta(c, lang))}</span>'
            rows.append(f"<tr><td>{name}</td><td>{text}{f'<ul>{anchors}</ul>' if anchors else ''}</td></tr>")
        head = f"<th>{e(t('criterion', lang))}</th><th>{e(t('report_definition', lang))}</th>"
        out.append(f'<table class="criteria"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    gates = [(label_text(g.label, lang, gid), label_text(g.description, lang)) for gid, g in criteria.gates.items()]
    items = "".join(f"<li><b>{e(a)}</b>{f' — {e(b)}' if b else ''}</li>" for a, b in gates)
    out.append(
        f"<h3>{e(t('gates', lang))}</h3>"
        + (f"<ul>{items}</ul>" if items else f"<p>{e(t('report_no_gates', lang))}</p>")
    )
    return "".join(out) + "</section>"


def report_html(data: ReportData, lang: str = "en") -> str:
    """The whole report as one HTML document: no script, no external resource, inline SVG charts."""
    keys = ["report_shortlist", "report_cards", "report_robustness", "report_methodology"]
    anchors = ["shortlist-h", "cards-h", "robustness-h", "methodology-h"]
    sections = [(a, t(k, lang)) for a, k in zip(anchors, keys, strict=True) if data.shortlist or a != "cards-h"]
    number = {anchor: k + 1 for k, (anchor, _) in enumerate(sections)}
    cards = [card(x, data, lang, k) for k, x in enumerate(data.shortlist, start=1)]
    body = [
        cover(data, lang, sections),
        shortlist(data, lang, number["shortlist-h"]),
        *cards,
        robustness(data, lang, number["robustness-h"]),
        methodology(data, lang, number["methodology-h"]),
    ]
    title = e(data.heading or t("report_default_title", lang))
    policy = "default-src 'none'; style-src 'unsafe-inline'"
    return (
        f'<!DOCTYPE html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="partnerfit {e(__version__)}">\n<title>{title}</title>\n'
        f"<style>\n{CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )
