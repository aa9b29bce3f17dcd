"""The `aegis ingest land` summary on an 80-column terminal: counts and reasons are never cut (the
quarantine reasons were a column and broke into fragments like `duplicate_k` / `ey 3`); only a long
file name may fold."""

from __future__ import annotations

from rich.console import Console

from aegis.ingest.cli_support import reason_table, report_table
from aegis.ingest.loader import LoadReport

REASONS = {"duplicate_key": 3, "unknown_resource_type": 2, "malformed_json": 4, "missing_required": 3}


def _report(name: str) -> LoadReport:
    return LoadReport(
        events_path=f"/data/synth/{name}",
        events_sha256="0" * 64,
        records_in=1_744,
        items_in=1_766,
        landed=1_748,
        quarantined=sum(REASONS.values()),
        quarantined_by_reason=dict(REASONS),
        landed_by_type={},
        parts_written=9,
        started_at="",
        finished_at="",
        seconds=1.0,
        deleted=2,
    )


def test_summary_fits_80_columns_without_folding_words() -> None:
    console = Console(width=80, record=True, color_system=None)
    reports = [_report("events.ndjson.gz"), _report("bulk-export-2025-01-01.ndjson.gz")]
    console.print(report_table(reports))
    reasons = reason_table(reports)
    assert reasons is not None
    console.print(reasons)
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    for word in ("events.ndjson.gz", "records", "quarantined", "3,488", "3,532", "total", *REASONS):
        assert word in text, word
    assert "unknown_resource_type │     4" in text  # summed over both files


def test_no_reason_table_when_nothing_was_quarantined() -> None:
    clean = _report("events.ndjson.gz")
    clean.quarantined_by_reason = {}
    assert reason_table([clean]) is None
