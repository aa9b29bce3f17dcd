"""The local loader and `aegis ingest land` (aegis.ingest.loader, aegis.ingest.cli_support)."""

from __future__ import annotations

import gzip
import logging
import uuid
from pathlib import Path
from typing import Any

import duckdb
import orjson
import pytest
from typer.testing import CliRunner

from aegis.cli import app
from aegis.ingest import examples
from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import (
    AlreadyLandedError,
    LineEventIds,
    LoadReport,
    event_id_for_line,
    land_events,
    land_file,
)
from aegis.ingest.pipeline import IngestCounts, UnbalancedCountsError


def _bad(factory: Any, key: str, value: object) -> dict[str, Any]:
    resource: dict[str, Any] = factory()
    resource[key] = value
    return resource


def _without(factory: Any, key: str) -> dict[str, Any]:
    resource: dict[str, Any] = factory()
    del resource[key]
    return resource


def _events() -> tuple[list[bytes], dict[str, int]]:
    """Lines of an events file with one defect of each kind, and the expected quarantine counts."""
    lines = [orjson.dumps(resource) for resource in examples.all_resources()]  # 9 landed
    lines += [
        b'{"resourceType":"Patient","name":[{"family":"' + examples.FAMILY_NAME.encode(),  # malformed_json
        orjson.dumps(_bad(examples.patient, "resourceType", "MedicationOrder")),  # unknown_resource_type
        orjson.dumps(_without(examples.observation, "status")),  # missing_required
        orjson.dumps(_bad(examples.patient, "name", examples.FAMILY_NAME)),  # invalid_type
        orjson.dumps(_bad(examples.patient, "gender", examples.GIVEN_NAME + " ")),  # invalid_value
        orjson.dumps(_bad(examples.patient, "birthDate", "2999-13-01")),  # invalid_value
        # transaction: entries are judged one by one: 2 landed + 1 invalid_value
        orjson.dumps(
            examples.bundle(
                "transaction",
                [
                    examples.encounter(),
                    examples.condition(),
                    _bad(examples.observation, "status", "guessed "),
                ],
            )
        ),
        # collection: 2 landed + 1 invalid_value
        orjson.dumps(
            examples.bundle(
                "collection",
                [examples.encounter(), _bad(examples.condition, "recordedDate", "x"), examples.claim()],
            )
        ),
        # the same key twice, one value a name: duplicate_key (never one of the two silently kept)
        b'{"resourceType":"Patient","id":"dup","gender":"male","gender":"'
        + examples.GIVEN_NAME.encode()
        + b'"}',
    ]
    expected = {
        "malformed_json": 1,
        "unknown_resource_type": 1,
        "missing_required": 1,
        "invalid_type": 1,
        "invalid_value": 4,
        "duplicate_key": 1,
    }
    return lines, expected


def _write_events(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(gzip.compress(b"\n".join(lines) + b"\n", mtime=0))
    return path


@pytest.fixture
def events_file(tmp_path: Path) -> Path:
    return _write_events(tmp_path / "events.ndjson.gz", _events()[0])


def test_land_file_counts_every_item_once(tmp_path: Path, events_file: Path) -> None:
    landing, quarantine = tmp_path / "landing", tmp_path / "quarantine"
    report = land_file(events_file, LocalStore(landing), LocalStore(quarantine), progress=False)
    expected_quarantine = _events()[1]
    assert report.records_in == 18
    assert report.items_in == 9 + 6 + 3 + 3 + 1
    assert report.quarantined_by_reason == dict(sorted(expected_quarantine.items()))
    assert report.quarantined == sum(expected_quarantine.values()) == 9
    assert report.landed == 13
    assert report.landed_by_type == {
        "Claim": 2,
        "Condition": 2,
        "Coverage": 1,
        "Encounter": 3,
        "ExplanationOfBenefit": 1,
        "MedicationRequest": 1,
        "Observation": 1,
        "Patient": 1,
        "Procedure": 1,
    }
    landed_rows = duckdb.sql(
        f"select count(*) from read_json('{landing}/fhir/*/*/*.ndjson.gz', format='newline_delimited')"
    ).fetchall()
    assert landed_rows == [(report.landed,)]
    quarantine_files = list(quarantine.glob("*/*/*.json.gz"))
    assert len(quarantine_files) == report.quarantined
    assert {p.parent.parent.name for p in quarantine_files} == set(expected_quarantine)


def test_event_ids_and_sources_point_at_the_line(tmp_path: Path, events_file: Path) -> None:
    landing = tmp_path / "landing"
    land_file(events_file, LocalStore(landing), LocalStore(tmp_path / "q"), progress=False)
    rows = duckdb.sql(
        f"""select event_id, source from read_json('{landing}/fhir/*/*/*.ndjson.gz', format='newline_delimited')
        where resource_type = 'Patient'"""
    ).fetchall()
    assert rows == [(event_id_for_line(events_file.resolve(), 1), f"file:{events_file.resolve()}:1")]
    bundle_ids = duckdb.sql(
        f"""select event_id from read_json('{landing}/fhir/*/*/*.ndjson.gz', format='newline_delimited')
        where resource_type = 'Claim' and event_id like '%#%'"""
    ).fetchall()
    assert bundle_ids == [(event_id_for_line(events_file.resolve(), 17) + "#2",)]


def test_fast_line_event_ids_are_uuid5() -> None:
    ids = LineEventIds(Path("/data/events.ndjson.gz"))
    for line in (1, 2, 10, 99_999):
        assert ids(line) == event_id_for_line(Path("/data/events.ndjson.gz"), line)
        assert ids(line) == str(uuid.uuid5(uuid.NAMESPACE_URL, f"file:/data/events.ndjson.gz:{line}"))


def test_plain_ndjson_is_accepted_too(tmp_path: Path) -> None:
    lines, _ = _events()
    plain = tmp_path / "events.ndjson"
    plain.write_bytes(b"\n".join(lines) + b"\n")
    report = land_file(plain, LocalStore(tmp_path / "l"), LocalStore(tmp_path / "q"), progress=False)
    assert (report.records_in, report.items_in, report.landed) == (18, 22, 13)


def test_unbalanced_counts_are_refused() -> None:
    counts = IngestCounts(records_in=1, items_in=2, landed=1, quarantined=0)
    with pytest.raises(UnbalancedCountsError):
        counts.check_balanced()
    IngestCounts(records_in=1, items_in=2, landed=1, quarantined=1).check_balanced()


def test_land_events_refuses_a_second_landing_unless_forced(tmp_path: Path, events_file: Path) -> None:
    landing, quarantine = LocalStore(tmp_path / "landing"), LocalStore(tmp_path / "quarantine")
    first = land_events(events_file, landing, quarantine, progress=False)
    assert first.manifest_key == f"_loads/{first.events_sha256}.json"
    stored = landing.get(first.manifest_key)
    assert stored is not None and LoadReport.from_json(stored) == first
    with pytest.raises(AlreadyLandedError) as refused:
        land_events(events_file, landing, quarantine, progress=False)
    assert refused.value.previous == first
    second = land_events(events_file, landing, quarantine, force=True, progress=False)
    assert second.forced and second.landed == first.landed
    total = duckdb.sql(
        f"select count(*) from read_json('{tmp_path}/landing/fhir/*/*/*.ndjson.gz', format='newline_delimited')"
    ).fetchall()
    assert total == [(2 * first.landed,)]  # at-least-once: the warehouse dedupes


def test_no_phi_in_logs_reports_or_cli_output(
    tmp_path: Path, events_file: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AEGIS_DATA_DIR", str(tmp_path / "data"))
    for variable in ("AEGIS_LANDING_DIR", "AEGIS_QUARANTINE_DIR", "AEGIS_SYNTH_DIR"):
        monkeypatch.delenv(variable, raising=False)
    caplog.set_level(logging.DEBUG, logger="aegis")
    result = CliRunner().invoke(app, ["ingest", "land", "--events", str(events_file)])
    assert result.exit_code == 0, result.output
    assert "landed" in result.output and "quarantined" in result.output
    manifest = next((tmp_path / "data" / "landing" / "_loads").glob("*.json")).read_text()
    assert orjson.loads(manifest)["records_in"] == 18
    logs = "\n".join(record.getMessage() for record in caplog.records)
    assert "quarantined" in logs and "invalid_value" in logs  # the logs do speak, in codes
    for text in (result.output, manifest, logs):
        assert not [marker for marker in examples.PHI_MARKERS if marker in text]
    again = CliRunner().invoke(app, ["ingest", "land", "--events", str(events_file)])
    assert again.exit_code == 0 and "already landed" in again.output
    assert len(list((tmp_path / "data" / "landing" / "fhir").glob("*/*/*.ndjson.gz"))) == 9


def test_cli_defaults_to_the_synth_output_and_says_when_it_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AEGIS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("AEGIS_SYNTH_DIR", str(tmp_path / "synth"))
    missing = CliRunner().invoke(app, ["ingest", "land"])
    assert missing.exit_code == 2 and "aegis synth" in missing.output
    (tmp_path / "synth").mkdir()
    _write_events(tmp_path / "synth" / "events.ndjson.gz", _events()[0])
    landed = CliRunner().invoke(app, ["ingest", "land"])
    assert landed.exit_code == 0, landed.output
    assert len(list((tmp_path / "data" / "quarantine").glob("*/*/*.json.gz"))) == 9
