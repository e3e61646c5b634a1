"""Compiles the gettext catalogues (src/partnerfit/locale/**/*.po → .mo) when a wheel or an editable install is built.

The .mo files are build products (git-ignored): `pip install .` puts them in the wheel, `pip install -e .`
writes them beside their .po. After editing a .po in a checkout, `python hatch_build.py` compiles again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # run as a script (`python hatch_build.py`) where hatchling is not installed
    BuildHookInterface = object  # type: ignore[assignment,misc]

LOCALE = Path("src", "partnerfit", "locale")


def compile_catalogues(root: Path) -> list[Path]:
    """Every .po under the locale folder compiled to the .mo beside it; the .mo paths."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted((root / LOCALE).glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as source:
            catalog = read_po(source, locale=po.parent.parent.name, domain=po.stem, abort_invalid=True)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as target:
            write_mo(target, catalog)
        written.append(mo)
    return written


class CatalogueHook(BuildHookInterface):  # type: ignore[type-arg]
    """Builds the .mo files and puts them in the wheel (they are ignored by git, so listed explicitly)."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":  # the sdist carries the .po files and this hook
            return
        root = Path(self.root)
        for mo in compile_catalogues(root):
            if version != "editable":
                build_data["force_include"][str(mo)] = mo.relative_to(root / "src").as_posix()


if __name__ == "__main__":
    for path in compile_catalogues(Path(__file__).resolve().parent):
        print(path)
