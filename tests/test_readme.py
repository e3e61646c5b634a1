"""The README is a newcomer's page that starts with the two commands CI relies on; the site documents the rest.

Every command has its page under docs/commands/ documenting each of its options, every problem code is
in docs/errors.md, the limits page states the limits the code enforces, and mkdocs.yml builds offline.
(That every command shown runs is tests/docs/test_doc_commands.py.)
"""

from __future__ import annotations

import re
from pathlib import Path

import typer.main
import yaml

from partnerfit.cli.app import app
from partnerfit.codes import CODES

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
README = (ROOT / "README.md").read_text(encoding="utf-8")
MKDOCS = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def _commands() -> dict[str, list[str]]:
    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    return {
        name: [opt for p in cmd.params for opt in getattr(p, "opts", []) if opt.startswith("-")]
        for name, cmd in commands.items()
    }


def _nav_pages(nav: object) -> set[str]:
    if isinstance(nav, str):
        return {nav}
    items = nav.values() if isinstance(nav, dict) else nav
    return {page for item in items for page in _nav_pages(item)}  # type: ignore[union-attr]


def test_readme_starts_with_install_and_test_commands() -> None:
    first_block = README.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(first_block) == 2
    assert "pip install ." in first_block[0] and "partnerfit score examples/" in first_block[0]
    assert "pip install -e '.[test]'" in first_block[1] and "pytest" in first_block[1]
    example = first_block[0].split("partnerfit score ", 1)[1].split()[0]
    assert (ROOT / example).is_file()


def test_readme_is_a_newcomers_page_that_links_to_the_site() -> None:
    assert len(README.splitlines()) <= 180
    links = re.findall(r"\]\(((?:docs/)[^)#]*)", README)
    assert {"docs/getting-started.md", "docs/fr/getting-started.md", "docs/ci.md", "docs/api.md"} <= set(links)
    for link in links:
        assert (ROOT / link).exists(), link


def test_every_command_has_a_page_in_the_site() -> None:
    pages = _nav_pages(MKDOCS["nav"])
    for name in _commands():
        page = DOCS / "commands" / f"{name}.md"
        assert page.read_text(encoding="utf-8").startswith(f"# `partnerfit {name}"), name
        assert f"commands/{name}.md" in pages, name


def test_every_option_is_documented() -> None:
    commands = _commands()
    assert {"score", "check", "criteria", "init", "weights", "schema", "report", "diff", "import"} <= set(commands)
    for name, options in commands.items():
        page = (DOCS / "commands" / f"{name}.md").read_text(encoding="utf-8")
        for option in options:
            if option in ("-h", "--help"):
                continue
            assert re.search(rf"`[^`]*{re.escape(option)}\b", page), (
                f"{name} {option} missing from docs/commands/{name}.md"
            )


def test_every_problem_code_is_documented() -> None:
    errors = (DOCS / "errors.md").read_text(encoding="utf-8")
    for code, (name, _) in CODES.items():
        assert f"| `{code}` | {name} |" in errors


def test_the_limits_page_states_the_enforced_limits() -> None:
    from partnerfit.errors import MAX_DIAGNOSTICS
    from partnerfit.io.document import MAX_JSON_BYTES, MAX_YAML_BYTES
    from partnerfit.io.jsondoc import MAX_JSON_VALUES
    from partnerfit.io.yaml_nodes import MAX_ALIAS_NODES, MAX_DEPTH, MAX_NODES
    from partnerfit.project.loading import MAX_CANDIDATES

    limits = (DOCS / "limits.md").read_text(encoding="utf-8")
    mib = 1024 * 1024
    for stated in (
        f"YAML file | {MAX_YAML_BYTES // mib} MiB",
        f"and {MAX_NODES:,} values",
        f"JSON file | {MAX_JSON_BYTES // mib} MiB",
        f"and {MAX_JSON_VALUES:,} keys and values",
        f"candidates in one file | {MAX_CANDIDATES:,}",
        f"the first {MAX_DIAGNOSTICS:,}",
        f"{MAX_DEPTH} levels",
        f"nodes added by aliases | {MAX_ALIAS_NODES:,}",
    ):
        assert stated in limits, stated


def test_the_site_builds_offline_from_every_page() -> None:
    theme = MKDOCS["theme"]
    assert theme["name"] == "material" and theme["font"] is False  # no Google Fonts request
    assert MKDOCS["plugins"] == ["search"]  # nothing that reaches the network at build time
    pages = _nav_pages(MKDOCS["nav"])
    on_disk = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")}
    assert on_disk == pages
    assert {"getting-started.md", "fr/getting-started.md", "format.md", "architecture.md", "limits.md"} <= pages
