"""Pure scoring: build the decision matrix, run a method, rank; no I/O, no printing."""

from partnerfit.engine.run import METHODS, score

__all__ = ["METHODS", "score"]
