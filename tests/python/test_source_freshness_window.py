"""dbt source freshness on DuckDB reads only the landing parts written in its window
(macros/loading/duckdb__collect_freshness.sql; docs/incremental.md).

Land a small population, then add unreadable parts (garbage under a part's name) written 30 hours and 3
days ago: freshness succeeds, so they were never opened, and reports the newest received_at the real
parts hold; with a window that reaches them it fails, so the check can fail. A landing whose parts are
all older than the window falls back to reading every part and still reports the exact newest
received_at."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest

from aegis.engines.raw_load import table_name
from aegis.ingest.landing import PART_STAMP_FORMAT, LocalStore
from aegis.ingest.loader import land_events
from aegis.synth import SynthOptions, generate

pytestmark = pytest.mark.slow

UNREADABLE = b"not gzip: a reader that opens this file fails"


def _landed(tmp_path: Path) -> Path:
    landing = tmp_path / "landing"
    population = generate(SynthOptions(patients=8, seed=6161), tmp_path / "synth", progress=False)
    land_events(
        population.events_path, LocalStore(landing), LocalStore(tmp_path / "quarantine"), progress=False
    )
    return landing


def _type_folders(landing: Path) -> list[Path]:
    folders = sorted(landing.glob("fhir/resource_type=*"))
    assert len(folders) >= 8, "the population landed too few resource types"
    return folders


def _part_name(written: datetime) -> str:
    return f"part-{written.strftime(PART_STAMP_FORMAT)}-{uuid.uuid4()}.ndjson.gz"


def _newest_received(landing: Path) -> dict[str, datetime]:
    """Per resource type folder name, the newest received_at of its parts (read directly)."""
    newest = {}
    with duckdb.connect() as con:
        for folder in _type_folders(landing):
            row = con.execute(
                "select max(received_at) from read_json(?, format = 'newline_delimited',"
                " columns = {'received_at': 'timestamptz'})",
                [str(folder / "ingest_date=*" / "part-*.ndjson.gz")],
            ).fetchone()
            assert row is not None and row[0] is not None
            newest[folder.name.split("=", 1)[1]] = row[0].astimezone(UTC)
    return newest


def _freshness(run_dbt: Any, tmp_path: Path, landing: Path, *extra: str) -> tuple[bool, dict[str, datetime]]:
    result = run_dbt(
        "source", "freshness", "-s", "source:fhir", *extra, env={"AEGIS_LANDING_DIR": str(landing)}
    )
    sources = tmp_path / "target" / "sources.json"
    reported = {}
    if result.ok:
        for source in json.loads(sources.read_text())["results"]:
            resource_type = source["unique_id"].rsplit(".", 1)[1]
            reported[resource_type] = datetime.fromisoformat(source["max_loaded_at"]).astimezone(UTC)
        sources.unlink()
    return result.ok, reported


def _by_resource_type(newest: dict[str, datetime]) -> dict[str, datetime]:
    """Folder names (MedicationRequest) as the source table names (medication_request)."""
    return {table_name(name): value for name, value in newest.items()}


def test_freshness_opens_only_the_parts_written_in_its_window(run_dbt: Any, tmp_path: Path) -> None:
    landing = _landed(tmp_path)
    expected = _by_resource_type(_newest_received(landing))
    now = datetime.now(UTC)
    for folder in _type_folders(landing):
        for written in (now - timedelta(hours=30), now - timedelta(days=3)):
            partition = folder / f"ingest_date={written.date().isoformat()}"
            partition.mkdir(exist_ok=True)
            (partition / _part_name(written)).write_bytes(UNREADABLE)
        # a part in today's partition whose name says it was written before the window
        today = folder / f"ingest_date={now.date().isoformat()}"
        today.mkdir(exist_ok=True)
        (today / _part_name(now - timedelta(hours=25))).write_bytes(UNREADABLE)

    ok, reported = _freshness(run_dbt, tmp_path, landing)
    assert ok, "freshness opened a part written before its window"
    assert reported == {name: expected[name] for name in reported}
    assert len(reported) >= 8

    wide_ok, _ = _freshness(
        run_dbt, tmp_path, landing, "--vars", json.dumps({"aegis_freshness_window_hours": 100})
    )
    assert not wide_ok, "the unreadable parts were never read: the check proves nothing"


def test_freshness_reads_every_part_when_none_is_in_its_window(run_dbt: Any, tmp_path: Path) -> None:
    landing = _landed(tmp_path)
    expected = _by_resource_type(_newest_received(landing))
    written = datetime.now(UTC) - timedelta(days=3)
    for folder in _type_folders(landing):
        old = folder / f"ingest_date={written.date().isoformat()}"
        old.mkdir()
        for part in folder.glob("ingest_date=*/part-*.ndjson.gz"):
            if part.parent != old:
                part.rename(old / _part_name(written))
    ok, reported = _freshness(run_dbt, tmp_path, landing)
    assert ok
    assert len(reported) >= 8 and reported == {name: expected[name] for name in reported}
