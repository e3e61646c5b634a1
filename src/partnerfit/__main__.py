"""``python -m partnerfit``: the same as the ``partnerfit`` command."""

from partnerfit.cli import run

run()
