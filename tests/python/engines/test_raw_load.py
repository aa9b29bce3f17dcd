"""The raw loaders put every landed envelope into raw_fhir.<type> on real PostgreSQL and fakesnow."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from aegis.engines.fakesnow import FakesnowServer
from aegis.engines.postgres import PostgresServer
from aegis.engines.raw_load import (
    RESOURCE_TYPES,
    PostgresRawTarget,
    SnowflakeRawTarget,
    landing_files,
    load_landing,
    read_envelopes,
    table_name,
)

pytestmark = pytest.mark.slow

# What the small landing must become, on every engine: (event_id, version_id, family name, source).
EXPECTED_PATIENT_ROWS = [
    ("ev-1", "1", "Fixturefamily", "file:fixture"),
    ("ev-2", "2", "Fixturefamily", "file:fixture"),
    ("ev-2", "2", "Fixturefamily", None),
]
EXPECTED_COUNTS = {table_name(kind): 0 for kind in RESOURCE_TYPES} | {"patient": 3, "encounter": 1}
ENCOUNTER_UPDATED_UTC = "2025-03-03 13:00:00"


def test_table_names_match_the_source_tables() -> None:
    assert [table_name(kind) for kind in RESOURCE_TYPES] == [
        "patient",
        "coverage",
        "encounter",
        "condition",
        "observation",
        "procedure",
        "medication_request",
        "claim",
        "explanation_of_benefit",
        "immunization",
    ]


def test_postgres_load_keeps_every_delivery_typed(
    small_landing: Path, postgres_database: PostgresServer
) -> None:
    conn = postgres_database.connect()
    conn.autocommit = False
    try:
        report = load_landing(small_landing, PostgresRawTarget(conn), batch_rows=1)
        with conn.cursor() as cursor:
            cursor.execute(
                "select event_id, version_id, resource->'name'->0->>'family', source"
                " from raw_fhir.patient order by event_id, source nulls last"
            )
            rows = cursor.fetchall()
            cursor.execute(
                "select distinct pg_typeof(received_at)::text, pg_typeof(resource)::text from raw_fhir.patient"
            )
            types = cursor.fetchall()
            cursor.execute("select count(*) from raw_fhir.explanation_of_benefit")
            empty_count = cursor.fetchone()[0]
            cursor.execute("select (last_updated at time zone 'UTC')::text from raw_fhir.encounter")
            encounter_updated = cursor.fetchone()[0]
    finally:
        conn.close()
    assert (report.rows_by_table, report.files) == (EXPECTED_COUNTS, 3)
    assert rows == EXPECTED_PATIENT_ROWS
    assert types == [("timestamp with time zone", "jsonb")]
    assert empty_count == 0
    assert encounter_updated == ENCOUNTER_UPDATED_UTC


def test_postgres_reload_replaces_rather_than_doubling(
    small_landing: Path, postgres_database: PostgresServer
) -> None:
    conn = postgres_database.connect()
    conn.autocommit = False
    try:
        load_landing(small_landing, PostgresRawTarget(conn))
        load_landing(small_landing, PostgresRawTarget(conn), replace=True)
        appended = load_landing(small_landing, PostgresRawTarget(conn), replace=False)
        with conn.cursor() as cursor:
            cursor.execute("select count(*) from raw_fhir.patient")
            count = cursor.fetchone()[0]
    finally:
        conn.close()
    assert appended.rows_by_table["patient"] == 3
    assert count == 6


def test_fakesnow_load_gives_variant_paths(small_landing: Path, fakesnow_server: FakesnowServer) -> None:
    conn = fakesnow_server.connect(database=None)
    try:
        cursor = conn.cursor()
        cursor.execute("create database if not exists rawload_test")
        cursor.execute("use database rawload_test")
        report = load_landing(small_landing, SnowflakeRawTarget(conn, rows_per_statement=2))
        cursor.execute(
            "select event_id, resource:meta.versionId::varchar, resource:name[0].family::varchar, source"
            " from raw_fhir.patient order by event_id, source nulls last"
        )
        rows = cursor.fetchall()
        cursor.execute("select count(*) from raw_fhir.claim")
        empty = cursor.fetchone()[0]
        cursor.execute(
            "select convert_timezone('UTC', last_updated)::timestamp_ntz::varchar from raw_fhir.encounter"
        )
        updated = cursor.fetchone()[0]
    finally:
        conn.close()
    assert report.rows_by_table == EXPECTED_COUNTS
    assert rows == EXPECTED_PATIENT_ROWS
    assert empty == 0
    assert updated.startswith(ENCOUNTER_UPDATED_UTC)


def test_a_broken_line_is_reported_by_position_without_its_content(tmp_path: Path) -> None:
    folder = tmp_path / "fhir" / "resource_type=Patient" / "ingest_date=2025-01-01"
    folder.mkdir(parents=True)
    secret = "Secretfamilyname"
    with gzip.open(folder / "part-x.ndjson.gz", "wb") as out:
        out.write(b'{"event_id": "e", "resource": {}}\n')
        out.write(('{"resource": {"name": "' + secret + '"').encode() + b"\n")
    (file,) = landing_files(tmp_path)
    with pytest.raises(ValueError) as raised:
        list(read_envelopes(file))
    assert "line 2" in str(raised.value)
    assert secret not in str(raised.value)


def test_a_type_without_a_staging_view_waits_in_the_landing(tmp_path: Path) -> None:
    """Every R4 type lands; raw tables exist for the types that have a staging view."""
    for resource_type in ("Practitioner", "Patient"):
        folder = tmp_path / "fhir" / f"resource_type={resource_type}" / "ingest_date=2025-01-01"
        folder.mkdir(parents=True)
        (folder / "part-x.ndjson.gz").write_bytes(gzip.compress(b"{}\n"))
    assert [file.resource_type for file in landing_files(tmp_path)] == ["Patient"]
