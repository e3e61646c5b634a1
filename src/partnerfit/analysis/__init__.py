"""Analyses built on the engine: method comparison, sensitivity and acceptability, explanations, diffs, reports."""
