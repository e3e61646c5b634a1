"""check's findings for people and for CI: text, JSON, GitHub annotations, SARIF 2.1.0, JUnit XML."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from partnerfit._version import __version__
from partnerfit.codes import CODES
from partnerfit.contract.wording import translation
from partnerfit.errors import Diagnostic, Translate
from partnerfit.render.registry import formats
from partnerfit.render.sanitize import json_text, terminal, terminal_lines, xml_attr, xml_text

if TYPE_CHECKING:
    from partnerfit.render import RenderOptions

CHECK_FORMATS = (*formats("diagnostics"), "auto")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@dataclass(frozen=True)
class Findings:
    """The document `check` renders: each file's diagnostics, in file order, and whether warnings fail (--strict)."""

    files: Mapping[str, Sequence[Diagnostic]]
    strict: bool = False


def findings_text(findings: Findings, options: RenderOptions) -> str:
    """One ``file:line:column: severity: message`` line per diagnostic, controls shown escaped.

    The message follows --lang; the prefix, severity included, stays English for the parsers of CI.
    """
    translate = translation(options.lang)
    return "".join(f"{terminal(d.format(translate))}\n" for found in findings.files.values() for d in found)


def findings_json(findings: Findings, options: RenderOptions) -> str:
    """See :func:`as_json`."""
    return as_json(findings.files, translation(options.lang))


def findings_github(findings: Findings, options: RenderOptions) -> str:
    """See :func:`as_github`."""
    return as_github(findings.files, translation(options.lang))


def findings_sarif(findings: Findings, options: RenderOptions) -> str:
    """See :func:`as_sarif`."""
    return as_sarif(findings.files, translation(options.lang))


def findings_junit(findings: Findings, options: RenderOptions) -> str:
    """See :func:`as_junit`: under --strict a file with warnings only fails too."""
    return as_junit(findings.files, translation(options.lang), strict=findings.strict, lang=options.lang)


def resolve_format(fmt: str) -> str:
    """``auto``: GitHub annotations inside GitHub Actions, plain text elsewhere."""
    if fmt != "auto":
        return fmt
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def as_json(findings: Mapping[str, Sequence[Diagnostic]], translate: Translate | None = None) -> str:
    """A stable list of ``{file, line, column, severity, code, message, path}``, in file order.

    Only ``message`` follows the language (``translate``); the other fields are the same in every one.
    """
    rows = [
        {
            "file": d.file,
            "line": d.line,
            "column": d.column,
            "severity": d.severity,
            "code": d.code,
            "message": d.text(translate),
            "path": d.path,
        }
        for diagnostics in findings.values()
        for d in diagnostics
    ]
    return json_text(json.dumps(rows, ensure_ascii=False, indent=2)) + "\n"


def ci_path(file: str) -> str:
    """The path CI tools map to a repository file: relative to the working directory when under it, with ``/``."""
    path = Path(file)
    if path.is_absolute():
        try:
            return path.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return path.as_posix()
    return os.path.normpath(file).replace(os.sep, "/")  # ./a/../b.yaml -> b.yaml: GitHub matches plain paths


def sarif_uri(file: str) -> str:
    """A valid URI reference for a path: percent-encoded when relative, ``file://`` when outside the working tree."""
    path = ci_path(file)
    if Path(path).is_absolute():
        return Path(path).as_uri()
    try:  # a file name that is not UTF-8 is held with surrogate escapes: its own bytes, percent-encoded
        return quote(path, safe="/", errors="surrogateescape")
    except UnicodeEncodeError:
        return quote(path, safe="/", errors="replace")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: Mapping[str, Sequence[Diagnostic]], translate: Translate | None = None) -> str:
    """GitHub Actions workflow commands, one group per file, so errors show on the lines of a PR.

    The log that shows them is a terminal of sorts: file names and messages go through the terminal
    sanitiser first (no ESC, no CR); a line break in a message stays one, escaped as %0A.
    """
    lines = []
    for file, diagnostics in findings.items():
        if not diagnostics:
            continue
        lines.append(f"::group::{_escape_data(terminal(ci_path(file)))}")
        for d in diagnostics:
            where = f"file={_escape_property(terminal(ci_path(d.file)))},line={d.line},col={d.column},title=partnerfit"
            message = terminal_lines(f"{d.path}: {d.text(translate)}" if d.path else d.text(translate))
            if d.code:  # the stable code, to look up in the README (the title stays the tool's name)
                message += f" [{' '.join(filter(None, (d.code, CODES.get(d.code, ('',))[0])))}]"
            lines.append(f"::{d.severity} {where}::{_escape_data(message)}")
        lines.append("::endgroup::")
    return "\n".join(lines) + ("\n" if lines else "")


def as_sarif(findings: Mapping[str, Sequence[Diagnostic]], translate: Translate | None = None) -> str:
    """A SARIF 2.1.0 log that GitHub code scanning accepts: one rule per code, one result per finding."""
    used = sorted({d.code for diagnostics in findings.values() for d in diagnostics if d.code})
    rules = [
        {
            "id": code,
            "name": CODES[code][0],
            "shortDescription": {"text": CODES[code][1]},
            "defaultConfiguration": {"level": "warning" if code.startswith("PW") else "error"},
        }
        for code in used
        if code in CODES
    ]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    for diagnostics in findings.values():
        for d in diagnostics:
            result: dict[str, object] = {
                "ruleId": d.code or "PF000",
                "level": d.severity,
                "message": {"text": f"{d.path}: {d.text(translate)}" if d.path else d.text(translate)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": sarif_uri(d.file)},
                            "region": {"startLine": max(d.line, 1), "startColumn": max(d.column, 1)},
                        }
                    }
                ],
            }
            if d.code in index:
                result["ruleIndex"] = index[d.code]
            results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "partnerfit",
                        "version": __version__,
                        "informationUri": "https://github.com/partnerfit/partnerfit",
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json_text(json.dumps(log, ensure_ascii=False, indent=2)) + "\n"


def as_junit(
    findings: Mapping[str, Sequence[Diagnostic]],
    translate: Translate | None = None,
    *,
    strict: bool = False,
    lang: str = "en",
) -> str:
    """JUnit XML: one test case per file, failed when it has errors (or warnings under --strict).

    The failure's summary is worded in ``lang`` (the messages through ``translate``).
    """
    from partnerfit.i18n import tn

    cases = []
    failures = 0
    for file, diagnostics in findings.items():
        failing = [d for d in diagnostics if d.severity == "error" or strict]
        body = ""
        if failing:
            failures += 1
            text = "\n".join(d.format(translate) for d in diagnostics)
            first = failing[0]
            message = xml_attr(tn("junit_failure", len(failing), lang, first=first.text(translate)))
            body = f"<failure message={message} type={xml_attr(first.code or 'PF000')}>{xml_text(text)}</failure>"
        elif diagnostics:
            body = f"<system-out>{xml_text(chr(10).join(d.format(translate) for d in diagnostics))}</system-out>"
        cases.append(f'    <testcase classname="partnerfit.check" name={xml_attr(file)}>{body}</testcase>')
    header = f'  <testsuite name="partnerfit check" tests="{len(findings)}" failures="{failures}" errors="0">'
    return (
        "\n".join(
            [
                '<?xml version="1.0" encoding="UTF-8"?>',
                "<testsuites>",
                header,
                *cases,
                "  </testsuite>",
                "</testsuites>",
            ]
        )
        + "\n"
    )
