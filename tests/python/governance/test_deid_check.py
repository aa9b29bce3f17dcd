"""The de-identification checker fires on a deliberately bad model, stays quiet on a clean one, and never
prints a value it found. Real engines: DuckDB in a tmp file, and the embedded PostgreSQL server."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from aegis.engines.postgres import PostgresServer
from aegis.governance.deid_check import (
    Finding,
    check,
    duckdb_warehouse,
    postgres_warehouse,
)

# Synthetic identifier-shaped values planted in the bad model. None may ever appear in a finding.
PLANTED = {
    "ssn": "987-65-4321",
    "email": "fixture.person@example.org",
    "phone": "617-555-0142",
    "zip5": "02139",
    "full_date": "1950-04-02",
    "name": "Plantedfamilyname",
}


def column(name: str, phi: str, data_type: str = "varchar") -> dict[str, Any]:
    return {"name": name, "data_type": data_type, "config": {"meta": {"phi": phi}}}


def model_node(
    name: str, folder: str, columns: list[dict[str, Any]], meta: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "unique_id": f"model.aegis.{name}",
        "resource_type": "model",
        "package_name": "aegis",
        "name": name,
        "original_file_path": f"{folder}/{name}.sql",
        "database": "aegis",
        "schema": "deid",
        "alias": name,
        "config": {"materialized": "table", "meta": {"contains_phi": True, **(meta or {})}},
        "columns": {c["name"]: c for c in columns},
    }


def manifest(*nodes: dict[str, Any]) -> dict[str, Any]:
    return {"metadata": {"project_name": "aegis"}, "nodes": {n["unique_id"]: n for n in nodes}, "sources": {}}


BAD_MODEL = model_node(
    "dim_bad_deidentified",
    "models/marts/deidentified",
    [
        column("research_person_id", "none"),
        column("family_name", "name"),
        column("free_text", "none"),
        column("visit_date", "quasi", "date"),
    ],
)
GOOD_MODEL = model_node(
    "dim_good_deidentified",
    "models/marts/other",  # outside the folder: picked up by its meta flag
    [column("research_person_id", "none"), column("zip3", "quasi"), column("birth_year", "quasi", "integer")],
    meta={"deidentification": "safe_harbor"},
)
IDENTIFIED_MODEL = model_node("dim_patient", "models/marts/clinical", [column("ssn", "ssn")])

BAD_ROWS = [
    ("a0f1", PLANTED["name"], PLANTED["ssn"], dt.date(2025, 1, 2), "leak"),
    ("b1e2", PLANTED["name"], PLANTED["email"], dt.date(2025, 1, 3), "leak"),
    ("c2d3", PLANTED["name"], f"call {PLANTED['phone']}", dt.date(2025, 1, 4), "leak"),
    ("d3c4", PLANTED["name"], PLANTED["zip5"], dt.date(2025, 1, 5), "leak"),
    ("e4b5", PLANTED["name"], f"born {PLANTED['full_date']}", dt.date(2025, 1, 6), "leak"),
    ("f5a6", PLANTED["name"], "E11.9", dt.date(2025, 1, 7), "leak"),
]
GOOD_ROWS = [
    ("3f2a9c1e-7b4d-4e8a-9c0f-1a2b3c4d5e6f", "021", 1950),
    ("00000000-1111-4222-8333-444455556666", "000", None),
    ("12345678-1234-4234-8234-123456789012", "606", 1988),
]
CREATE_BAD = (
    "create table deid.dim_bad_deidentified (research_person_id varchar, family_name varchar,"
    " free_text varchar, visit_date date, undeclared_extra varchar)"
)
CREATE_GOOD = (
    "create table deid.dim_good_deidentified (research_person_id varchar, zip3 varchar, birth_year integer)"
)
# A clinical (identified) table with SSNs: not de-identified, so the checker must leave it alone.
CREATE_IDENTIFIED = "create table deid.dim_patient (ssn varchar)"


def expected_bad_findings() -> set[tuple[str, str]]:
    return {
        ("family_name", "identifier_category"),
        ("undeclared_extra", "unclassified_column"),
        ("visit_date", "date_type"),
        ("visit_date", "full_date"),  # a date column read as text is a full date too
        ("free_text", "ssn"),
        ("free_text", "email"),
        ("free_text", "phone"),
        ("free_text", "zip5"),
        ("free_text", "full_date"),
    }


def assert_no_planted_value(texts: list[str]) -> None:
    for text in texts:
        for value in PLANTED.values():
            assert value not in text


def summarize(findings: list[Finding]) -> dict[str, set[tuple[str, str]]]:
    grouped: dict[str, set[tuple[str, str]]] = {}
    for finding in findings:
        grouped.setdefault(finding.model, set()).add((finding.column, finding.kind))
    return grouped


@pytest.fixture
def duckdb_fixture(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    connection.execute("create schema deid")
    for statement in (CREATE_BAD, CREATE_GOOD, CREATE_IDENTIFIED):
        connection.execute(statement)
    connection.executemany("insert into deid.dim_bad_deidentified values (?, ?, ?, ?, ?)", BAD_ROWS)
    connection.executemany("insert into deid.dim_good_deidentified values (?, ?, ?)", GOOD_ROWS)
    connection.execute("insert into deid.dim_patient values ('123-45-6789')")
    yield connection
    connection.close()


def test_duckdb_bad_model_fires_every_kind_and_good_model_passes(
    duckdb_fixture: duckdb.DuckDBPyConnection,
) -> None:
    report = check(manifest(BAD_MODEL, GOOD_MODEL, IDENTIFIED_MODEL), duckdb_warehouse(duckdb_fixture))
    assert report.models == ["dim_bad_deidentified", "dim_good_deidentified"]
    assert summarize(report.findings) == {"dim_bad_deidentified": expected_bad_findings()}
    ssn = next(f for f in report.findings if f.kind == "ssn")
    assert ssn.rows == 1
    assert not report.ok
    assert_no_planted_value([finding.describe() for finding in report.findings])


def test_postgres_bad_model_fires_the_same_findings(postgres_database: PostgresServer) -> None:
    connection = postgres_database.connect()
    try:
        with connection.cursor() as cursor:
            cursor.execute("create schema deid")
            for statement in (CREATE_BAD, CREATE_GOOD, CREATE_IDENTIFIED):
                cursor.execute(statement)
            cursor.executemany("insert into deid.dim_bad_deidentified values (%s, %s, %s, %s, %s)", BAD_ROWS)
            cursor.executemany("insert into deid.dim_good_deidentified values (%s, %s, %s)", GOOD_ROWS)
        report = check(manifest(BAD_MODEL, GOOD_MODEL, IDENTIFIED_MODEL), postgres_warehouse(connection))
    finally:
        connection.close()
    assert summarize(report.findings) == {"dim_bad_deidentified": expected_bad_findings()}
    assert_no_planted_value([finding.describe() for finding in report.findings])


def test_declared_check_alone_needs_no_warehouse() -> None:
    report = check(manifest(BAD_MODEL, GOOD_MODEL), None)
    assert summarize(report.findings) == {"dim_bad_deidentified": {("family_name", "identifier_category")}}


def test_no_deidentified_model_is_not_a_pass() -> None:
    report = check(manifest(IDENTIFIED_MODEL), None)
    assert report.models == []
    assert not report.ok


def test_cli_exits_non_zero_and_prints_no_value(
    tmp_path: Path, duckdb_fixture: duckdb.DuckDBPyConnection
) -> None:
    import json

    from aegis.cli import app

    duckdb_fixture.close()
    manifest_path = tmp_path / "manifest.json"
    manifest_path.write_text(json.dumps(manifest(BAD_MODEL, GOOD_MODEL)))
    result = CliRunner().invoke(
        app,
        [
            "governance",
            "deid-check",
            "--manifest",
            str(manifest_path),
            "--duckdb-path",
            str(tmp_path / "warehouse.duckdb"),
        ],
    )
    assert result.exit_code == 1, result.output
    assert "dim_bad_deidentified.free_text" in result.output
    assert_no_planted_value([result.output])


QUASI_MODEL = model_node(
    "dim_quasi_deidentified",
    "models/marts/deidentified",
    [column("research_person_id", "none"), column("gender", "quasi"), column("zip3", "quasi")],
    meta={"quasi_identifier_levels": [["zip3"], ["gender"]]},
)


@pytest.mark.parametrize(
    ("others", "k", "below", "findings"),
    [
        ([("male", None)] * 11, 11, 0, []),  # eleven men whose ZIP3 was suppressed: 11-anonymous
        ([("male", "100")] * 2, 2, 2, ["k_anonymity"]),  # two men in one ZIP3: k = 2
    ],
)
def test_k_anonymity_is_measured_on_declared_quasi_identifiers(
    tmp_path: Path, others: list[tuple[str, str | None]], k: int, below: int, findings: list[str]
) -> None:
    with duckdb.connect(str(tmp_path / "k.duckdb")) as con:
        con.execute("create schema deid")
        con.execute(
            "create table deid.dim_quasi_deidentified (research_person_id varchar, gender varchar, zip3 varchar)"
        )
        rows = [("female", "021")] * 12 + others
        con.executemany(
            "insert into deid.dim_quasi_deidentified values (?, ?, ?)",
            [(f"r{i}", gender, zip3) for i, (gender, zip3) in enumerate(rows)],
        )
        report = check(manifest(QUASI_MODEL), duckdb_warehouse(con), k_threshold=11)
    (measure,) = report.k_anonymity
    suppressed = sum(1 for _, zip3 in others if zip3 is None)
    assert (measure.k, measure.classes, measure.rows) == (k, 2, len(rows))
    assert measure.rows_below_threshold == below
    assert measure.suppressed == {"zip3": suppressed, "gender": 0}
    assert [f.kind for f in report.findings] == findings
    assert "021" not in measure.describe() and "female" not in measure.describe()
