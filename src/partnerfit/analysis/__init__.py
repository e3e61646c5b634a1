"""Analyses built on the engine: method comparison (and, later, robustness and explanations)."""
