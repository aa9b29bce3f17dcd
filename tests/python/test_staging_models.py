"""Staging models (models/staging/fhir) on real engines.

- DuckDB, reading a hand-written landing folder: the latest version wins (a late, older version and a
  duplicate delivery change nothing), a type with no file yet builds empty, and an incremental run after
  a second landing gives exactly what a full refresh gives.
- PostgreSQL (embedded server) and fakesnow (Snowflake dialect), from raw tables loaded by
  aegis.engines.raw_load: the same rows as DuckDB.
- Redshift (no cluster): both incremental branches compile and parse as Redshift SQL.

All values are synthetic and fixed here.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import subprocess
import sys
import textwrap
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
import sqlglot

from aegis.engines.fakesnow import FakesnowServer
from aegis.engines.postgres import PostgresServer
from aegis.engines.raw_load import PostgresRawTarget, SnowflakeRawTarget, load_landing
from aegis.paths import project_root

pytestmark = pytest.mark.slow

NPI = "1234567893"
ICD = "http://hl7.org/fhir/sid/icd-10-cm"
NO_GOVERNANCE = ["--vars", "{aegis_governance_enabled: false}"]

# model -> key columns (the grain), in the order rows are compared
MODELS = {
    "stg_fhir__patients": ["patient_id"],
    "stg_fhir__coverages": ["coverage_id"],
    "stg_fhir__encounters": ["encounter_id"],
    "stg_fhir__conditions": ["condition_id"],
    "stg_fhir__observations": ["observation_id"],
    "stg_fhir__procedures": ["procedure_id"],
    "stg_fhir__medication_requests": ["medication_request_id"],
    "stg_fhir__claims": ["claim_id"],
    "stg_fhir__explanation_of_benefits": ["explanation_of_benefit_id"],
    "stg_fhir__explanation_of_benefit_items": ["explanation_of_benefit_id", "line_number"],
    "stg_fhir__immunizations": ["immunization_id"],
}


# ---- a small landing folder ---------------------------------------------------------------------


def envelope(
    kind: str, resource: dict[str, Any], version: int, updated: str, received: str
) -> dict[str, Any]:
    """`updated` and `received` are UTC minutes, 'YYYY-MM-DDTHH:MM'."""
    updated, received = f"{updated}:00+00:00", f"{received}:00Z"
    body = {**resource, "resourceType": kind, "meta": {"versionId": str(version), "lastUpdated": updated}}
    return {
        "event_id": f"ev-{resource['id']}-{version}-{received}",
        "resource_type": kind,
        "resource_id": resource["id"],
        "version_id": str(version),
        "last_updated": updated,
        "received_at": received,
        "source": "file:test",
        "resource": body,
    }


def patient(patient_id: str, family: str) -> dict[str, Any]:
    return {
        "id": patient_id,
        "identifier": [{"system": "urn:aegis:mrn", "value": f"MRN-{patient_id}"}],
        "name": [{"family": family, "given": ["Testgiven"]}],
        "gender": "unknown",
        "birthDate": "1950-03-04",
    }


def observation(observation_id: str, value: float) -> dict[str, Any]:
    return {
        "id": observation_id,
        "status": "final",
        "category": [{"coding": [{"code": "laboratory"}]}],
        "code": {"coding": [{"system": "http://loinc.org", "code": "4548-4"}]},
        "subject": {"reference": "Patient/p1"},
        "effectiveDateTime": "2025-02-01T09:30:00-05:00",
        "valueQuantity": {"value": value, "unit": "%"},
    }


def eob(eob_id: str, lines: int) -> dict[str, Any]:
    return {
        "id": eob_id,
        "status": "active",
        "type": {"coding": [{"code": "institutional"}]},
        "use": "claim",
        "patient": {"reference": "Patient/p1"},
        "billablePeriod": {"start": "2025-02-01", "end": "2025-02-03"},
        "created": "2025-02-04T12:00:00+00:00",
        "provider": {"identifier": {"value": NPI}},
        "insurance": [{"coverage": {"reference": "Coverage/c1"}}],
        "diagnosis": [{"diagnosisCodeableConcept": {"coding": [{"system": ICD, "code": "E11.9"}]}}],
        "claim": {"reference": f"Claim/claim-of-{eob_id}"},
        "outcome": "complete",
        "item": [
            {
                "sequence": line,
                "productOrService": {"coding": [{"code": "G0438"}]},
                "revenue": {"coding": [{"code": "0510"}]},
                "servicedDate": "2025-02-01",
                "adjudication": [
                    {"category": {"coding": [{"code": code}]}, "amount": {"value": amount * line}}
                    for code, amount in (("submitted", 100.5), ("eligible", 80.25), ("benefit", 60))
                ],
            }
            for line in range(1, lines + 1)
        ],
    }


def encounter() -> dict[str, Any]:
    return {
        "id": "e1",
        "status": "finished",
        "class": {"code": "IMP"},
        "subject": {"reference": "Patient/p1"},
        "period": {"start": "2025-02-01T08:00:00-05:00", "end": "2025-02-03T11:00:00-05:00"},
        "serviceProvider": {"identifier": {"value": NPI}},
        "hospitalization": {"dischargeDisposition": {"coding": [{"code": "01"}]}},
    }


def claim() -> dict[str, Any]:
    header = eob("claim-1", 0)
    for eob_only in ("claim", "outcome", "item"):
        header.pop(eob_only)
    return header


def batch_one() -> list[dict[str, Any]]:
    duplicate = envelope("Patient", patient("p3", "Third"), 1, "2025-01-02T10:00", "2025-01-02T10:01")
    return [
        envelope("Patient", patient("p1", "Before"), 1, "2025-01-01T10:00", "2025-01-01T10:01"),
        envelope("Patient", patient("p1", "After"), 2, "2025-01-05T10:00", "2025-01-05T10:01"),
        envelope("Patient", patient("p2", "Newer"), 2, "2025-01-03T10:00", "2025-01-03T10:01"),
        # version 1 of p2 arrives after version 2: it must lose
        envelope("Patient", patient("p2", "Older"), 1, "2025-01-02T10:00", "2025-01-06T10:01"),
        duplicate,
        duplicate,
        envelope("Encounter", encounter(), 1, "2025-02-03T17:00", "2025-02-03T17:01"),
        envelope("Observation", observation("o1", 7.2), 1, "2025-02-01T15:00", "2025-02-01T15:01"),
        envelope("Observation", observation("o2", 6.1), 2, "2025-02-02T15:00", "2025-02-02T15:01"),
        envelope("ExplanationOfBenefit", eob("eob1", 3), 1, "2025-02-05T12:00", "2025-02-05T12:01"),
        envelope("ExplanationOfBenefit", eob("eob2", 2), 2, "2025-02-05T12:00", "2025-02-05T12:01"),
    ]


def batch_two() -> list[dict[str, Any]]:
    return [
        envelope("Observation", observation("o1", 7.9), 2, "2025-03-01T15:00", "2025-03-01T15:01"),
        # late, older version of o2: the stored version 2 must stay
        envelope("Observation", observation("o2", 9.9), 1, "2025-01-01T15:00", "2025-03-01T15:02"),
        # a newer eob1 with fewer lines replaces all its lines; a late older eob2 changes nothing
        envelope("ExplanationOfBenefit", eob("eob1", 1), 2, "2025-03-05T12:00", "2025-03-05T12:01"),
        envelope("ExplanationOfBenefit", eob("eob2", 5), 1, "2025-01-05T12:00", "2025-03-05T12:02"),
        # the first Claim ever: the type had no file until now
        envelope("Claim", claim(), 1, "2025-02-04T12:00", "2025-03-05T12:03"),
    ]


def land(landing: Path, envelopes: list[dict[str, Any]]) -> None:
    by_partition: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for item in envelopes:
        by_partition.setdefault((item["resource_type"], item["received_at"][:10]), []).append(item)
    for (kind, day), items in by_partition.items():
        folder = landing / "fhir" / f"resource_type={kind}" / f"ingest_date={day}"
        folder.mkdir(parents=True, exist_ok=True)
        with gzip.open(folder / f"part-{uuid.uuid4()}.ndjson.gz", "wt") as out:
            out.writelines(json.dumps(item) + "\n" for item in items)


# ---- reading staged rows in one comparable shape --------------------------------------------------


def comparable(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal | float):
        return round(float(value), 6)
    return value


def staged_rows(cursor: Any, schema: str) -> dict[str, list[dict[str, Any]]]:
    staged = {}
    for model, keys in MODELS.items():
        cursor.execute(f"select * from {schema}.{model} order by {', '.join(keys)}")
        names = [column[0].lower() for column in cursor.description]
        staged[model] = [dict(zip(names, map(comparable, row), strict=True)) for row in cursor.fetchall()]
    return staged


# fakesnow's server sends a NULL timestamp back as 1970-01-01 (the value is null inside: `is null` holds);
# real Snowflake does not. Only its rows are read through this.
FAKESNOW_NULL_TIMESTAMP = "1970-01-01T00:00:00+00:00"


def without_fakesnow_null_timestamps(
    staged: dict[str, list[dict[str, Any]]],
) -> dict[str, list[dict[str, Any]]]:
    return {
        model: [
            {column: None if value == FAKESNOW_NULL_TIMESTAMP else value for column, value in row.items()}
            for row in rows
        ]
        for model, rows in staged.items()
    }


def duckdb_rows(path: Path) -> dict[str, list[dict[str, Any]]]:
    with duckdb.connect(str(path), read_only=True) as connection:
        connection.execute("set timezone = 'UTC'")
        return staged_rows(connection.cursor(), "main_staging")


def differences(
    actual: dict[str, list[dict[str, Any]]], expected: dict[str, list[dict[str, Any]]]
) -> list[str]:
    """Where two engines disagree: model, row position and column, with the value types only."""
    found = []
    for model in MODELS:
        if len(actual[model]) != len(expected[model]):
            found.append(f"{model}: {len(actual[model])} rows, expected {len(expected[model])}")
            continue
        for position, (mine, theirs) in enumerate(zip(actual[model], expected[model], strict=True)):
            found += [
                f"{model}[{position}].{column}: {type(mine.get(column)).__name__} differs"
                for column in sorted(set(mine) | set(theirs))
                if mine.get(column) != theirs.get(column)
            ]
    return found


# The staging models and the seeds their 42 CFR Part 2 mark reads (aegis.sensitive_row_flag), without
# data tests: what `dbt run` of the staging models did before they read seeds.
STAGING = ("-s", "+path:models/staging", "--exclude-resource-type", "test", "unit_test")


def succeeded(result: subprocess.CompletedProcess[str]) -> bool:
    if result.returncode != 0:
        print(result.stdout[-5000:], result.stderr[-3000:])
    return result.returncode == 0


# ---- DuckDB ---------------------------------------------------------------------------------------


def test_duckdb_keeps_the_latest_version_and_incremental_runs_equal_a_full_refresh(
    tmp_path: Path, run_dbt: Any
) -> None:
    landing = tmp_path / "landing"
    land(landing, batch_one())
    env = {"AEGIS_LANDING_DIR": str(landing)}
    assert succeeded(run_dbt("build", *STAGING, env=env))

    first = duckdb_rows(tmp_path / "aegis.duckdb")
    assert [
        (row["patient_id"], row["family_name"], row["version_id"]) for row in first["stg_fhir__patients"]
    ] == [
        ("p1", "After", 2),
        ("p2", "Newer", 2),
        ("p3", "Third", 1),
    ]
    assert first["stg_fhir__claims"] == []  # no Claim file landed yet
    assert [(row["explanation_of_benefit_id"], row["line_number"]) for row in first["stg_fhir__explanation_of_benefit_items"]] == [
        ("eob1", 1), ("eob1", 2), ("eob1", 3), ("eob2", 1), ("eob2", 2),
    ]  # fmt: skip
    encounter_row = first["stg_fhir__encounters"][0]
    assert encounter_row["period_start_at"] == "2025-02-01T13:00:00+00:00"
    assert encounter_row["patient_id"] == "p1"

    land(landing, batch_two())
    assert succeeded(run_dbt("build", *STAGING, env=env))
    incremental = duckdb_rows(tmp_path / "aegis.duckdb")

    assert [(row["observation_id"], row["version_id"], row["value_numeric"]) for row in incremental["stg_fhir__observations"]] == [
        ("o1", 2, 7.9), ("o2", 2, 6.1),
    ]  # fmt: skip
    assert [(row["explanation_of_benefit_id"], row["line_number"], row["version_id"]) for row in incremental["stg_fhir__explanation_of_benefit_items"]] == [
        ("eob1", 1, 2), ("eob2", 1, 2), ("eob2", 2, 2),
    ]  # fmt: skip
    assert [row["claim_id"] for row in incremental["stg_fhir__claims"]] == ["claim-1"]

    rebuilt = tmp_path / "rebuilt.duckdb"
    full_env = {**env, "AEGIS_DUCKDB_PATH": str(rebuilt)}
    assert succeeded(run_dbt("build", "--full-refresh", *STAGING, *NO_GOVERNANCE, env=full_env))
    assert duckdb_rows(rebuilt) == incremental


# ---- the same rows on PostgreSQL and fakesnow -------------------------------------------------------


@pytest.fixture
def full_landing(tmp_path: Path) -> Path:
    landing = tmp_path / "landing"
    land(landing, batch_one() + batch_two())
    return landing


@pytest.fixture
def duckdb_reference(full_landing: Path, tmp_path: Path, run_dbt: Any) -> dict[str, list[dict[str, Any]]]:
    env = {"AEGIS_LANDING_DIR": str(full_landing)}
    assert succeeded(run_dbt("build", *STAGING, *NO_GOVERNANCE, env=env))
    return duckdb_rows(tmp_path / "aegis.duckdb")


def test_postgres_stages_the_same_rows_as_duckdb(
    full_landing: Path, duckdb_reference: dict[str, Any], postgres_database: PostgresServer, run_dbt: Any
) -> None:
    connection = postgres_database.connect()
    connection.autocommit = False
    try:
        load_landing(full_landing, PostgresRawTarget(connection))
    finally:
        connection.close()
    assert succeeded(
        run_dbt(
            "build",
            "--target",
            "postgres",
            *STAGING,
            *NO_GOVERNANCE,
            env=postgres_database.dbt_env(),
        )
    )
    connection = postgres_database.connect()
    try:
        with connection.cursor() as cursor:
            assert differences(staged_rows(cursor, "aegis_staging"), duckdb_reference) == []
    finally:
        connection.close()


def test_fakesnow_stages_the_same_rows_as_duckdb(
    full_landing: Path, duckdb_reference: dict[str, Any], fakesnow_server: FakesnowServer, run_dbt: Any
) -> None:
    database = f"staging_{uuid.uuid4().hex[:8]}"
    connection = fakesnow_server.connect(database=None)
    try:
        connection.cursor().execute(f"create database if not exists {database}")
        connection.cursor().execute(f"use database {database}")
        load_landing(full_landing, SnowflakeRawTarget(connection))
    finally:
        connection.close()
    env = {**fakesnow_server.dbt_env(), "AEGIS_SF_DATABASE": database}
    assert succeeded(run_dbt("build", "--target", "fakesnow", *STAGING, *NO_GOVERNANCE, env=env))
    connection = fakesnow_server.connect(database=database)
    try:
        cursor = connection.cursor()
        staged = without_fakesnow_null_timestamps(staged_rows(cursor, "aegis_staging"))
        assert differences(staged, duckdb_reference) == []
    finally:
        connection.close()


# ---- Redshift: compiled, not run ------------------------------------------------------------------

# dbt decides is_incremental() by asking the warehouse whether the model's table exists. With no
# cluster, this script answers for it (no table: the full build; a table: the incremental build), then
# compiles the staging models for the redshift_parse target without opening a connection.
COMPILE_FOR_REDSHIFT = textwrap.dedent(
    """
    import sys
    from unittest import mock
    from dbt.adapters.base.impl import BaseAdapter
    from dbt.cli.main import dbtRunner

    table_exists = sys.argv[1] == "incremental"

    def get_relation(self, database, schema, identifier):
        if not table_exists:
            return None
        return self.Relation.create(database=database, schema=schema, identifier=identifier, type="table")

    with mock.patch.object(BaseAdapter, "get_relation", get_relation):
        result = dbtRunner().invoke(
            ["compile", "--target", "redshift_parse", "--no-populate-cache", "-s", "path:models/staging", "--quiet"]
        )
    sys.exit(0 if result.success else 1)
    """
)


@pytest.mark.parametrize("branch", ["full", "incremental"])
def test_staging_compiles_to_redshift_sql(branch: str, tmp_path: Path) -> None:
    target_path = tmp_path / "target"
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(project_root()),
        "DBT_PROJECT_DIR": str(project_root()),
        "DBT_TARGET_PATH": str(target_path),
        "DBT_LOG_PATH": str(tmp_path / "logs"),
    }
    result = subprocess.run(
        [sys.executable, "-c", COMPILE_FOR_REDSHIFT, branch],
        cwd=project_root(), env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert succeeded(result)
    compiled = sorted((target_path / "compiled" / "aegis" / "models" / "staging" / "fhir").glob("*.sql"))
    assert [path.stem for path in compiled] == sorted(MODELS)
    for path in compiled:
        sql = path.read_text()
        sqlglot.parse_one(sql, read="redshift", error_level=sqlglot.ErrorLevel.RAISE)
        assert (" as stored" in sql) == (branch == "incremental"), path.name
    items = next(path for path in compiled if path.stem == "stg_fhir__explanation_of_benefit_items")
    # forEachOrNull item: PartiQL navigation over the SUPER array, with the element's position.
    assert "as element_ at position_" in items.read_text()
