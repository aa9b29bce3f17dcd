"""The `aegis` command line: a thin layer over library functions.

Each area registers its commands in its own block; heavy imports happen inside the command so that
`aegis --help` stays fast.
"""

from __future__ import annotations

import typer

app = typer.Typer(help="Aegis: governed healthcare warehouse tooling.", no_args_is_help=True)

# --- synth -------------------------------------------------------------------------------------
# (registered by aegis.synth: see synth_command below)

# --- ingest ------------------------------------------------------------------------------------
ingest_app = typer.Typer(help="Validate and land FHIR records (local folder or S3).", no_args_is_help=True)
app.add_typer(ingest_app, name="ingest")

# --- governance --------------------------------------------------------------------------------
governance_app = typer.Typer(help="PHI classification, policies, audits.", no_args_is_help=True)
app.add_typer(governance_app, name="governance")


# --- observe -----------------------------------------------------------------------------------
@app.command("summary")
def summary_command() -> None:
    """Print rows per layer, dbt results and where the warehouse is (counts only, no values)."""
    from aegis.observe.summary import render, summarize

    typer.echo(render(summarize()))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
