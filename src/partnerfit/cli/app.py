"""The typer application and the `check` command; `score` lives in score.py, `criteria` and `init` in sets.py."""

from __future__ import annotations

from typing import Annotated

import typer

from partnerfit._version import __version__
from partnerfit.cli import agreement as agreement_command
from partnerfit.cli import assess as assess_command
from partnerfit.cli import check as check_command
from partnerfit.cli import diff as diff_command
from partnerfit.cli import explain as explain_command
from partnerfit.cli import import_sheet as import_sheet_command
from partnerfit.cli import report as report_command
from partnerfit.cli import schema as schema_command
from partnerfit.cli import score as score_command
from partnerfit.cli import sensitivity as sensitivity_command
from partnerfit.cli import sets
from partnerfit.cli import team as team_command
from partnerfit.cli import tune as tune_command
from partnerfit.cli import weigh as weigh_command
from partnerfit.cli import weights as weights_command
from partnerfit.cli.grammar import Group
from partnerfit.cli.output import reads_recorded

app = typer.Typer(
    name="partnerfit",
    cls=Group,  # every usage error worded once, in the user's language (cli/grammar.py)
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

TABLE_ROWS = score_command.TABLE_ROWS


def _version(value: bool) -> None:
    if value:
        typer.echo(f"partnerfit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Rank candidate partners from YAML files, with a score you can defend.

    \b
    Examples:
      partnerfit score candidates.yaml
      partnerfit check criteria/*.yaml candidates.yaml
      partnerfit criteria partnership --lang fr
      partnerfit sensitivity candidates.yaml
      partnerfit explain candidates.yaml startup_fibre
      partnerfit report candidates.yaml -o shortlist.html
      partnerfit init my-partners.yaml
    """
    # every file the command opens, until it ends, is an input its output may not overwrite
    ctx.with_resource(reads_recorded())


app.command(
    name="score",
    epilog="""\b
Examples:
  partnerfit score candidates.yaml
  partnerfit score candidates.yaml --top 5 --lang fr
  partnerfit score candidates.yaml --format json -o ranking.json
  partnerfit score candidates.yaml --criteria my-criteria.yaml --missing worst
  partnerfit score candidates.yaml --weight loyalty=20 --aggregate median
  partnerfit score candidates.yaml --method topsis
  partnerfit score candidates.yaml --compare --format markdown
""",
)(score_command.score)


app.command(
    name="check",
    epilog="""\b
Examples:
  partnerfit check candidates.yaml
  partnerfit check criteria/*.yaml examples/*.yaml --strict
  partnerfit check --format github partners/*.yaml
  partnerfit check partners/
  partnerfit check --format sarif -o partnerfit.sarif partners/*.yaml
""",
)(check_command.check)


app.command(
    name="criteria",
    epilog="""\b
Examples:
  partnerfit criteria
  partnerfit criteria partnership --lang fr
  partnerfit criteria path/to/my-criteria.yaml --format json
""",
)(sets.show_criteria)
app.command(
    name="init",
    epilog="""\b
Examples:
  partnerfit init
  partnerfit init partners.yaml --force
""",
)(sets.init)
app.command(
    name="weights",
    epilog="""\b
Examples:
  partnerfit weights candidates.yaml
  partnerfit weights candidates.yaml --format json
  partnerfit weights candidates.yaml --criteria my-ahp-criteria.yaml --lang fr
""",
)(weights_command.weights)
app.command(
    name="schema",
    epilog="""\b
Examples:
  partnerfit schema candidates > candidates.schema.json
  partnerfit schema criteria -o schemas/criteria.schema.json
  partnerfit schema candidates --criteria partnership
""",
)(schema_command.schema)
app.command(
    name="diff",
    epilog="""\b
Examples:
  partnerfit diff old.yaml new.yaml
  partnerfit diff candidates.yaml --rev main
  partnerfit diff candidates.yaml --rev HEAD~1 --format markdown -o diff.md
  partnerfit diff candidates.yaml --rev origin/main --fail-on leader-change --fail-on exclusion-change
  partnerfit diff old.yaml new.yaml --method topsis --top 3 --format json
""",
)(diff_command.diff)
app.command(
    name="explain",
    epilog="""\b
Examples:
  partnerfit explain candidates.yaml startup_fibre
  partnerfit explain candidates.yaml startup_fibre --lang fr
  partnerfit explain candidates.yaml startup_fibre --format json -o fibre.json
  partnerfit explain candidates.yaml paper_group_kerlann --format markdown
  partnerfit explain candidates.yaml startup_fibre --method topsis --missing worst
""",
)(explain_command.explain)
app.command(
    name="compare",
    epilog="""\b
Examples:
  partnerfit compare candidates.yaml startup_fibre lab_biopolymers
  partnerfit compare candidates.yaml startup_fibre lab_biopolymers coop_dairy --lang fr
  partnerfit compare candidates.yaml startup_fibre lab_biopolymers --format json
  partnerfit compare candidates.yaml startup_fibre lab_biopolymers --format markdown -o compare.md
""",
)(explain_command.compare)
app.command(
    name="sensitivity",
    epilog="""\b
Examples:
  partnerfit sensitivity candidates.yaml
  partnerfit sensitivity candidates.yaml --top 5 --seed 42
  partnerfit sensitivity candidates.yaml --method topsis --missing worst
  partnerfit sensitivity candidates.yaml --uniform --samples 20000
  partnerfit sensitivity candidates.yaml --format json -o sensitivity.json
  partnerfit sensitivity candidates.yaml --spread 0.2 --lang fr
""",
)(sensitivity_command.sensitivity)
app.command(name="import", epilog=import_sheet_command.EPILOG)(import_sheet_command.import_sheet)
app.command(
    name="report",
    epilog="""\b
Examples:
  partnerfit report candidates.yaml -o shortlist.html
  partnerfit report candidates.yaml -o shortlist.html --top 3 --lang fr
  partnerfit report candidates.yaml -o shortlist.md --title "Steering committee, 12 March"
  partnerfit report candidates.yaml -o shortlist.xlsx
  partnerfit report candidates.yaml -o shortlist.html --date 2026-03-12
""",
)(report_command.report)
app.command(
    name="agreement",
    epilog="""\b
Examples:
  partnerfit agreement candidates.yaml
  partnerfit agreement candidates.yaml --lang fr --top 5
  partnerfit agreement candidates.yaml --format json -o agreement.json
  partnerfit agreement candidates.yaml --format markdown --feedback feedback/
""",
)(agreement_command.agreement)
app.command(name="assess", epilog=assess_command.EPILOG)(assess_command.assess)
app.command(name="weigh", epilog=weigh_command.EPILOG)(weigh_command.weigh)
app.command(name="tune", epilog=tune_command.EPILOG)(tune_command.tune)
app.command(name="team", epilog=team_command.EPILOG)(team_command.team)
