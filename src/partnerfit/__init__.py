"""partnerfit: rank candidate partners from YAML files with a score you can defend.

The public API imports neither typer nor rich::

    import partnerfit
    project = partnerfit.load("candidates.yaml")
    result = partnerfit.score(project)
    print(result.ranked[0].name, result.to_dict()["ranking"][0]["score"])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from partnerfit._version import __version__

if TYPE_CHECKING:
    from partnerfit.analysis.compare import compare_methods
    from partnerfit.analysis.explain import explain
    from partnerfit.analysis.head_to_head import compare_candidates
    from partnerfit.analysis.sensitivity import sensitivity
    from partnerfit.analysis.weights_report import weights_report
    from partnerfit.contract.criteria_set import CriteriaSet
    from partnerfit.engine.run import score
    from partnerfit.errors import Diagnostic, InvalidInputError, PartnerfitError
    from partnerfit.project.loading import Project, check_file, load, load_criteria
    from partnerfit.result.model import CandidateResult, Result

__all__ = [
    "CandidateResult",
    "CriteriaSet",
    "Diagnostic",
    "InvalidInputError",
    "PartnerfitError",
    "Project",
    "Result",
    "__version__",
    "check_file",
    "compare_candidates",
    "compare_methods",
    "explain",
    "load",
    "load_criteria",
    "score",
    "sensitivity",
    "weights_report",
]

_LAZY = {
    "CriteriaSet": "partnerfit.contract.criteria_set",
    "score": "partnerfit.engine.run",
    "Diagnostic": "partnerfit.errors",
    "InvalidInputError": "partnerfit.errors",
    "PartnerfitError": "partnerfit.errors",
    "Project": "partnerfit.project.loading",
    "check_file": "partnerfit.project.loading",
    "load": "partnerfit.project.loading",
    "load_criteria": "partnerfit.project.loading",
    "explain": "partnerfit.analysis.explain",
    "compare_candidates": "partnerfit.analysis.head_to_head",
    "compare_methods": "partnerfit.analysis.compare",
    "weights_report": "partnerfit.analysis.weights_report",
    "sensitivity": "partnerfit.analysis.sensitivity",
    "CandidateResult": "partnerfit.result.model",
    "Result": "partnerfit.result.model",
}


def __getattr__(name: str) -> Any:
    """Import the public API lazily so ``partnerfit --version`` stays instant."""
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'partnerfit' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)
