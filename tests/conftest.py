"""Test-wide settings: English whatever the machine's locale; in CI, hypothesis explores the same examples every run."""

from __future__ import annotations

import os

from hypothesis import settings

# The language comes from PARTNERFIT_LANG or the locale when --lang is not given: a test that wants
# another language says so itself, so a French workstation runs the same suite as CI.
for _variable in ("PARTNERFIT_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
    os.environ.pop(_variable, None)

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
