"""`aegis ingest land`: the local stores from `Paths`, the run guard, and the printed report (counts only)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import AlreadyLandedError, LoadReport, land_events
from aegis.paths import Paths


def land_local(events: Path | None, *, force: bool = False, console: Console | None = None) -> int:
    """Land `events` (default: the synth output) into Paths.landing_dir / quarantine_dir; the exit code."""
    out = console or Console()
    paths = Paths.from_env()
    events_path = events or paths.synth_dir / "events.ndjson.gz"
    if not events_path.is_file():
        out.print(f"[red]no events file at {events_path}[/red] (run `aegis synth` first, or pass --events)")
        return 2
    try:
        report = land_events(
            events_path, LocalStore(paths.landing_dir), LocalStore(paths.quarantine_dir), force=force
        )
    except AlreadyLandedError as refused:
        out.print(
            "[yellow]already landed[/yellow]: this file's content was landed before; nothing written "
            "(use --force to land it again; the warehouse dedupes repeated versions)."
        )
        out.print(report_table(refused.previous))
        return 0
    out.print(report_table(report))
    out.print(f"landing: {paths.landing_dir}  quarantine: {paths.quarantine_dir}")
    return 0


def report_table(report: LoadReport) -> Table:
    table = Table(title=f"load of {Path(report.events_path).name} ({report.finished_at})", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rows: list[tuple[str, int]] = [
        ("records in", report.records_in),
        ("items in (after unbundling)", report.items_in),
        ("landed", report.landed),
        ("quarantined", report.quarantined),
        ("part files written", report.parts_written),
    ]
    rows += [(f"  landed {name}", count) for name, count in report.landed_by_type.items()]
    rows += [(f"  quarantined {reason}", count) for reason, count in report.quarantined_by_reason.items()]
    for what, count in rows:
        table.add_row(what, f"{count:,}")
    return table
