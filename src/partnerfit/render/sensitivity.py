"""The sensitivity report: stability intervals and a rank-acceptability heat map (table), JSON and Markdown."""

from __future__ import annotations

import io

from rich import box
from rich.table import Table
from rich.text import Text

from partnerfit.analysis.sensitivity import SensitivityReport
from partnerfit.analysis.stability import DECISIVE, RESOLUTION, WeightInterval
from partnerfit.i18n import t, tn
from partnerfit.i18n.numerals import PRECISION, count, figure, percent
from partnerfit.render import RenderOptions
from partnerfit.render.sanitize import json_dumps, md, md_row
from partnerfit.render.table import finish, make_console, plain

HEAT = ((0.75, "black on bright_green"), (0.5, "black on green"), (0.25, "black on yellow"), (0.05, "on bright_black"))
MAX_RANKS = 10  # rank columns of the heat map at most; later ranks are summed in one column


def sensitivity_json(report: SensitivityReport, options: RenderOptions | None = None) -> str:
    """The report document (the same in every language: ``options`` is not read)."""
    return json_dumps(report.to_dict()).decode()


def _label(report: SensitivityReport, interval: WeightInterval, lang: str) -> str:
    if interval.level == "group":
        return next(g for g in report.criteria.groups if g.id == interval.id).text(lang)
    return report.criteria.criterion(interval.id).text(lang)


def _range(low: float, high: float, lang: str) -> str:
    return f"{percent(low, lang)}–{percent(high, lang)}"


def _names(report: SensitivityReport, ids: tuple[str, ...]) -> str:
    return ", ".join(report.names[cid] for cid in ids)


def stability_title(report: SensitivityReport, lang: str) -> str:
    """What was analysed: the method, and whether the intervals are exact or numeric."""
    if report.stability.exact:
        return t("sens_stability_title", lang, how=t("sens_exact", lang, method=report.method))
    return t("sens_stability_title", lang, how=t("sens_numeric", lang, method=report.method, resolution=RESOLUTION))


def leaders_line(report: SensitivityReport, lang: str) -> str:
    """The leader and the top-K set at the declared weights."""
    stability = report.stability
    leader = report.names[stability.leader] if stability.leader else "–"
    return t("sens_leaders", lang, leader=leader, k=stability.top_k, top=_names(report, stability.top))


def verdict_lines(report: SensitivityReport, lang: str) -> list[str]:
    """The decisive legend, the close-call verdict and the smallest change that makes another candidate first."""
    stability = report.stability
    if stability.leader is None:
        return [t("sens_nobody", lang)]
    if stability.runner_up is None:
        return [t("sens_single", lang)]
    lines = []
    if any(i.decisive for i in stability.intervals):
        lines.append(t("sens_decisive", lang, points=round(DECISIVE * 100)))
    verdict = report.close_call
    if verdict is None:
        return lines
    key = "sens_close" if verdict.close else "sens_clear"
    line = t(key, lang, leader=report.names[verdict.leader], runner=report.names[stability.runner_up])
    line += t("sens_margin", lang, margin=figure("points", verdict.margin or 0.0, lang))
    if verdict.first_rank is not None:
        line += t("sens_first_share", lang, share=percent(verdict.first_rank, lang))
    lines.append(line)
    change = verdict.change
    if change is None:
        lines.append(t("sens_no_change", lang))
    else:
        interval = next(i for i in stability.intervals if i.id == change.id and i.level == change.level)
        item = _label(report, interval, lang)
        new = report.names[change.leader]
        lines.append(
            t(
                "sens_change",
                lang,
                item=item,
                weight=percent(change.weight, lang),
                to=percent(change.to, lang),
                leader=new,
            )
        )
    return lines


def acceptability_title(report: SensitivityReport, lang: str) -> str:
    """How the samples were drawn."""
    accept = report.acceptability
    uniform = accept.spread is None
    weighting = t("sens_uniform", lang) if uniform else t("sens_dirichlet", lang, spread=accept.spread)
    title = t("sens_acceptability_title", lang, samples=count(accept.samples, lang), seed=accept.seed)
    title += f" — {weighting}"
    if accept.uncertain:
        title += tn("sens_uncertain", accept.uncertain, lang)
    return title


def _rank_columns(report: SensitivityReport, width: int) -> int:
    """How many rank columns fit beside the names (at least K); a lone last rank needs no "n+" column."""
    n = len(report.acceptability.ids)
    ranks = min(n, MAX_RANKS, max((width - 44) // 7, report.stability.top_k, 1))
    return n if ranks == n - 1 else ranks


def _pct(p: float, lang: str) -> str:
    return "·" if p == 0 else percent(p, lang, PRECISION["share"], sign=False)


def _heat(p: float) -> str:
    return next((style for bound, style in HEAT if p >= bound), "dim" if p == 0 else "")


def _central_columns(report: SensitivityReport, lang: str) -> list[tuple[str, list[int]]]:
    criteria = report.criteria
    index = {cid: j for j, cid in enumerate(criteria.ids)}
    if criteria.groups:
        return [(g.short_text(lang), [index[c] for c in g.criteria]) for g in criteria.groups]
    return [(c.text(lang), [j]) for j, c in enumerate(criteria.criteria)]


def _central_rows(report: SensitivityReport, lang: str) -> list[tuple[str, list[float]]]:
    """(name, weight per column) for the declared weights, then every candidate that ever ranks first."""
    columns = _central_columns(report, lang)
    accept = report.acceptability
    declared = [c.effective_weight for c in report.criteria.criteria]
    rows = [(t("sens_declared", lang), [sum(declared[j] for j in cols) for _, cols in columns])]
    for k, cid in enumerate(accept.ids):
        central = accept.central_weights(k)
        if central is not None:
            values = list(central.values())
            rows.append((report.names[cid], [sum(values[j] for j in cols) for _, cols in columns]))
    return rows


def sensitivity_table(report: SensitivityReport, options: RenderOptions) -> str:
    """Stability intervals, the verdict, then the rank-acceptability heat map and the central weights."""
    lang = options.lang
    buffer = io.StringIO()
    console = make_console(options, buffer)
    stability, accept = report.stability, report.acceptability
    console.print(plain(stability_title(report, lang), style="bold"))
    console.print(plain(leaders_line(report, lang)))
    if stability.intervals and stability.runner_up is not None:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 1))
        table.add_column(t("sens_item", lang), min_width=14, ratio=1, overflow="fold")
        table.add_column(t("weight", lang).capitalize(), justify="right", no_wrap=True)
        table.add_column(t("sens_leader_first", lang), justify="right", no_wrap=True)
        table.add_column(t("sens_top_same", lang, k=stability.top_k), justify="right", no_wrap=True)
        table.add_column("", min_width=1, no_wrap=True)
        for i in stability.intervals:
            indent = "  " if i.level == "criterion" and report.criteria.groups else ""
            name = plain(indent + _label(report, i, lang), style="bold" if i.level == "group" else "")
            flag = Text("⚠", style="bold yellow") if i.decisive else ""
            bands = _range(i.low, i.high, lang), _range(i.top_low, i.top_high, lang)
            table.add_row(name, percent(i.weight, lang), *bands, flag)
        console.print(table)
    for line in verdict_lines(report, lang):
        console.print(plain(line, style="dim"))
    if not accept.ids:
        return finish(buffer, options)
    console.print()
    console.print(plain(acceptability_title(report, lang), style="bold"))
    ranks = _rank_columns(report, options.width)
    n = len(accept.ids)
    heat = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 1))
    heat.add_column(t("candidate", lang), min_width=12, ratio=1, overflow="fold")
    for r in range(1, ranks + 1):
        heat.add_column(str(r), justify="right", min_width=5, no_wrap=True)
    if ranks < n:
        heat.add_column(f"{ranks + 1}+", justify="right", min_width=5, no_wrap=True)
    heat.add_column(t("sens_top", lang, k=accept.top_k), justify="right", no_wrap=True)
    for k, cid in enumerate(accept.ids):
        probabilities = accept.ranks(k)
        shown = probabilities[:ranks] + ([sum(probabilities[ranks:])] if ranks < n else [])
        top = accept.top_share(k)
        cells = [Text(_pct(p, lang), style=_heat(p)) for p in shown]
        heat.add_row(plain(report.names[cid]), *cells, Text(_pct(top, lang), style=_heat(top)))
    console.print(heat)
    console.print(plain(t("sens_probabilities", lang), style="dim"))
    console.print()
    console.print(plain(t("sens_central_title", lang), style="bold"))
    central = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 1))
    central.add_column(t("candidate", lang), min_width=12, ratio=1, overflow="fold")
    for label, _ in _central_columns(report, lang):
        central.add_column(plain(label), justify="right", max_width=12, overflow="fold")
    for label, values in _central_rows(report, lang):
        central.add_row(plain(label), *(percent(v, lang) for v in values))
    console.print(central)
    return finish(buffer, options)


def _markdown_table(header: list[str], align: list[str], rows: list[list[str]]) -> list[str]:
    return [md_row(header), "|" + "|".join(align) + "|", *map(md_row, rows)]


def sensitivity_markdown(report: SensitivityReport, options: RenderOptions) -> str:
    """The same sections as the table, ready to paste."""
    lang = options.lang
    stability, accept = report.stability, report.acceptability
    lines = [f"### {md(stability_title(report, lang))}", "", md(leaders_line(report, lang)), ""]
    if stability.intervals and stability.runner_up is not None:
        header = [t("sens_item", lang), t("weight", lang).capitalize(), t("sens_leader_first", lang)]
        header.append(t("sens_top_same", lang, k=stability.top_k))
        rows = [
            [
                ("⚠ " if i.decisive else "")
                + _label(report, i, lang)
                + (f" ({t('sens_group', lang)})" if i.level == "group" else ""),
                percent(i.weight, lang),
                _range(i.low, i.high, lang),
                _range(i.top_low, i.top_high, lang),
            ]
            for i in stability.intervals
        ]
        lines += [*_markdown_table(header, [":---", "---:", "---:", "---:"], rows), ""]
    lines += [f"- {md(line)}" for line in verdict_lines(report, lang)]
    if accept.ids:
        n = len(accept.ids)
        ranks = min(n, MAX_RANKS)
        header = [t("candidate", lang), *(str(r) for r in range(1, ranks + 1))]
        header += [f"{ranks + 1}+"] if ranks < n else []
        header.append(t("sens_top", lang, k=accept.top_k))
        rows = []
        for k, cid in enumerate(accept.ids):
            p = accept.ranks(k)
            shown = p[:ranks] + ([sum(p[ranks:])] if ranks < n else [])
            rows.append([report.names[cid], *(_pct(x, lang) for x in shown), _pct(accept.top_share(k), lang)])
        lines += ["", f"### {md(acceptability_title(report, lang))}", ""]
        lines += [*_markdown_table(header, [":---", *["---:"] * (len(header) - 1)], rows), ""]
        lines += [f"- {t('sens_probabilities', lang)}", "", f"### {t('sens_central_title', lang)}", ""]
        columns = _central_columns(report, lang)
        central = [[name, *(percent(v, lang) for v in values)] for name, values in _central_rows(report, lang)]
        lines += _markdown_table(
            [t("candidate", lang), *(label for label, _ in columns)], [":---", *["---:"] * len(columns)], central
        )
    return "\n".join(lines) + "\n"
