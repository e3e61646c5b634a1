"""Where the built-in criteria sets live, in a wheel or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # src/partnerfit, or site-packages/partnerfit


def criteria_dir() -> Path:
    """The folder of built-in sets: inside the package when installed, the repo's criteria/ otherwise."""
    packaged = _PACKAGE / "criteria"
    return packaged if packaged.is_dir() else _PACKAGE.parents[1] / "criteria"


def builtin_names() -> list[str]:
    """Names of the built-in criteria sets, sorted."""
    return sorted(p.stem for p in criteria_dir().glob("*.yaml"))


def builtin_path(name: str) -> Path | None:
    """The file of built-in set ``name``, or None."""
    path = criteria_dir() / f"{name}.yaml"
    return path if name and "/" not in name and path.is_file() else None
