"""Pure scoring: build the decision matrix, run a registered method, rank; no I/O, no printing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from partnerfit.engine.registry import METHODS
    from partnerfit.engine.run import score, validate

__all__ = ["METHODS", "score", "validate"]

# imported on first use: the command line reads the registry (engine.registry) before numpy is needed
_LAZY = {"METHODS": "registry", "score": "run", "validate": "run"}


def __getattr__(name: str) -> Any:
    """The engine's entry points, imported on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'partnerfit.engine' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"partnerfit.engine.{module}"), name)
