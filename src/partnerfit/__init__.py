"""partnerfit: rank candidate partners from YAML files with a score you can defend.

The public API imports neither typer nor rich::

    import partnerfit
    project = partnerfit.load("candidates.yaml")
    result = partnerfit.score(project, close_call=True)
    print(result.ranked[0].name, result.close_call)              # typed: CloseCall or None
    document = result.to_dict(words=partnerfit.reason_text)  # the JSON of `score -f json`
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from partnerfit._version import __version__

if TYPE_CHECKING:
    from partnerfit.analysis.close_call import score
    from partnerfit.analysis.compare import compare_methods
    from partnerfit.analysis.explain import explain
    from partnerfit.analysis.head_to_head import compare_candidates
    from partnerfit.analysis.sensitivity import sensitivity
    from partnerfit.analysis.weights_report import weights_report
    from partnerfit.contract.criteria_set import CriteriaSet
    from partnerfit.errors import Diagnostic, InvalidInputError, PartnerfitError
    from partnerfit.i18n import reason_text
    from partnerfit.project.loading import Project, check_file, load, load_criteria
    from partnerfit.result.close_call import CloseCall
    from partnerfit.result.model import CandidateResult, Reason, Result

__all__ = [
    "CandidateResult",
    "CloseCall",
    "CriteriaSet",
    "Diagnostic",
    "InvalidInputError",
    "PartnerfitError",
    "Project",
    "Reason",
    "Result",
    "__version__",
    "check_file",
    "compare_candidates",
    "compare_methods",
    "explain",
    "load",
    "load_criteria",
    "reason_text",
    "score",
    "sensitivity",
    "weights_report",
]

_LAZY = {
    "CriteriaSet": "partnerfit.contract.criteria_set",
    "score": "partnerfit.analysis.close_call",  # the engine's score, with the close call on request
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
    "CloseCall": "partnerfit.result.close_call",
    "Reason": "partnerfit.result.model",
    "Result": "partnerfit.result.model",
    "reason_text": "partnerfit.i18n",
}


# The entry points of the library: the cyclic GC is paused while they run (partnerfit.gcpause), and
# nowhere inside them; the command line's entry point is partnerfit.cli.run.
_EDGE = {
    "check_file",
    "compare_candidates",
    "compare_methods",
    "explain",
    "load",
    "load_criteria",
    "score",
    "sensitivity",
    "weights_report",
}


def __getattr__(name: str) -> Any:
    """Import the public API lazily so ``partnerfit --version`` stays instant."""
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'partnerfit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    if name in _EDGE:
        from partnerfit.gcpause import at_the_edge

        value = at_the_edge(value)
    globals()[name] = value  # imported (and wrapped) once
    return value
