"""`aegis ingest land`: the local stores from `Paths`, the run guard, and the printed reports (counts only)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from aegis.ingest.fanout import land_inputs
from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import LoadReport
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
    outcomes = land_inputs(files, landing, quarantine, force=force, workers=workers)
    reports: list[LoadReport] = []
    for outcome in outcomes:
        reports.append(outcome.report)
        if outcome.already_landed:
            out.print(
                f"[yellow]already landed[/yellow] {outcome.path}: nothing written (--force lands it again)."
            )
        elif outcome.report.stopped_early is not None:
            out.print(
                f"[red]aegis ingest land: {outcome.path} ended early[/red] {outcome.report.stopped_early}"
            )
    out.print(report_table(reports))
    reasons = reason_table(reports)
    if reasons is not None:
        out.print(reasons)
    # One path a line: side by side, two long paths wrapped in the middle of one of them.
    out.print(f"landing:    {paths.landing_dir}", soft_wrap=True)
    out.print(f"quarantine: {paths.quarantine_dir}", soft_wrap=True)
    return 1 if any(report.stopped_early for report in reports) else 0


def report_table(reports: list[LoadReport]) -> Table:
    """One row a file and a total: records, items, landed, deletions, quarantined. The reasons are a table
    of their own (reason_table): as a column they folded mid-word on an 80-column terminal."""
    table = Table(title="aegis ingest land", show_lines=False)
    # Counts never shrink (a truncated number is a wrong number); a long file name folds instead.
    table.add_column("file", justify="left", overflow="fold")
    for column in ("records", "items", "landed", "deleted", "quarantined"):
        table.add_column(column, justify="right", no_wrap=True, min_width=len(column))
    totals = [0, 0, 0, 0, 0]
    for report in reports:
        values = [report.records_in, report.items_in, report.landed, report.deleted, report.quarantined]
        totals = [total + value for total, value in zip(totals, values, strict=True)]
        table.add_row(Path(report.events_path).name, *(f"{value:,}" for value in values))
    if len(reports) > 1:
        table.add_row("[bold]total[/bold]", *(f"[bold]{value:,}[/bold]" for value in totals))
    return table


def reason_table(reports: list[LoadReport]) -> Table | None:
    """Quarantined items by reason over every file, one row a reason (None when nothing was quarantined)."""
    counts: dict[str, int] = {}
    for report in reports:
        for reason, count in report.quarantined_by_reason.items():
            counts[reason] = counts.get(reason, 0) + count
    if not counts:
        return None
    table = Table(title="quarantined by reason", show_lines=False)
    table.add_column("reason", justify="left", no_wrap=True)
    table.add_column("items", justify="right", no_wrap=True)
    for reason, count in sorted(counts.items()):
        table.add_row(reason, f"{count:,}")
    return table
