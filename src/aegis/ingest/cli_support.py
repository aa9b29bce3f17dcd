"""`aegis ingest land`: the local stores from `Paths`, the run guard, and the printed reports (counts only)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import AlreadyLandedError, LoadReport, land_events
from aegis.ingest.reading import expand_inputs
from aegis.paths import Paths


def land_local(
    specs: list[str], *, force: bool = False, workers: int | None = None, console: Console | None = None
) -> int:
    """Land every input (default: the synth output) into Paths.landing_dir / quarantine_dir; the exit code.

    0 when every input was read to its end; 1 when one ended early (its report is still written and
    printed, with one line saying where); 2 when no input was found.
    """
    out = console or Console()
    paths = Paths.from_env()
    specs = specs or [str(paths.synth_dir / "events.ndjson.gz")]
    files = expand_inputs(specs)
    if not files:
        out.print(
            f"[red]aegis ingest land: no input file at {' '.join(specs)}[/red] (run `aegis synth` first)"
        )
        return 2
    landing, quarantine = LocalStore(paths.landing_dir), LocalStore(paths.quarantine_dir)
    reports: list[LoadReport] = []
    for path in files:
        try:
            report = land_events(path, landing, quarantine, force=force, workers=workers)
        except AlreadyLandedError as refused:
            out.print(f"[yellow]already landed[/yellow] {path}: nothing written (--force lands it again).")
            reports.append(refused.previous)
            continue
        reports.append(report)
        if report.stopped_early is not None:
            out.print(f"[red]aegis ingest land: {path} ended early[/red] {report.stopped_early}")
    out.print(report_table(reports))
    out.print(f"landing: {paths.landing_dir}  quarantine: {paths.quarantine_dir}")
    return 1 if any(report.stopped_early for report in reports) else 0


def report_table(reports: list[LoadReport]) -> Table:
    """One row a file and a total: records, items, landed, quarantined (by reason), deletions."""
    table = Table(title="aegis ingest land", show_lines=False)
    for column in ("file", "records", "items", "landed", "deleted", "quarantined", "reasons"):
        table.add_column(
            column, justify="left" if column in ("file", "reasons") else "right", overflow="fold"
        )
    totals = [0, 0, 0, 0, 0]
    for report in reports:
        values = [report.records_in, report.items_in, report.landed, report.deleted, report.quarantined]
        totals = [total + value for total, value in zip(totals, values, strict=True)]
        reasons = ", ".join(f"{reason} {count:,}" for reason, count in report.quarantined_by_reason.items())
        table.add_row(Path(report.events_path).name, *(f"{value:,}" for value in values), reasons)
    if len(reports) > 1:
        table.add_row("[bold]total[/bold]", *(f"[bold]{value:,}[/bold]" for value in totals), "")
    return table
