"""The spec's UsCoreBloodPressures example (view-definition-examples.fsh, written here as JSON) on DuckDB and
PostgreSQL: constants inside exists(criteria), forEach over `where(...).first()`, choice types, typed
columns, and resources the view's `where` must drop."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import duckdb
import pytest

from aegis.engines.postgres import PostgresServer
from aegis.views import compile_view

LOINC = "http://loinc.org"


def quantity_column(prefix: str, field: str, fhir_type: str) -> dict[str, str]:
    return {
        "name": f"{prefix}_quantity_{field}",
        "path": f"value.ofType(Quantity).{field}",
        "type": fhir_type,
    }


def component_select(constant: str, prefix: str) -> dict[str, Any]:
    return {
        "forEach": f"component.where(code.coding.exists(system='{LOINC}' and code=%{constant})).first()",
        "column": [
            quantity_column(prefix, "system", "uri"),
            quantity_column(prefix, "code", "code"),
            quantity_column(prefix, "unit", "string"),
            quantity_column(prefix, "value", "decimal"),
        ],
    }


BLOOD_PRESSURES = {
    "resourceType": "ViewDefinition",
    "name": "us_core_blood_pressures",
    "status": "draft",
    "resource": "Observation",
    "constant": [
        {"name": "systolic_bp", "valueCode": "8480-6"},
        {"name": "diastolic_bp", "valueCode": "8462-4"},
        {"name": "bp_code", "valueCode": "85354-9"},
    ],
    "select": [
        {
            "column": [
                {"path": "getResourceKey()", "name": "id", "type": "id"},
                {"path": "subject.getReferenceKey(Patient)", "name": "patient_id", "type": "id"},
                {"path": "effective.ofType(dateTime)", "name": "effective_date_time", "type": "dateTime"},
            ]
        },
        component_select("systolic_bp", "sbp"),
        component_select("diastolic_bp", "dbp"),
    ],
    "where": [{"path": f"code.coding.exists(system='{LOINC}' and code=%bp_code)"}],
}


def component(code: str, value: float) -> dict[str, Any]:
    return {
        "code": {"coding": [{"system": LOINC, "code": code}]},
        "valueQuantity": {
            "value": value,
            "unit": "mmHg",
            "system": "http://unitsofmeasure.org",
            "code": "mm[Hg]",
        },
    }


OBSERVATIONS = [
    {
        "resourceType": "Observation",
        "id": "bp1",
        "code": {"coding": [{"system": LOINC, "code": "85354-9"}]},
        "subject": {"reference": "Patient/p1"},
        "effectiveDateTime": "2024-03-01T08:30:00Z",
        # Two systolic readings: first() keeps the first.
        "component": [component("8480-6", 120), component("8462-4", 80.5), component("8480-6", 999)],
    },
    {
        "resourceType": "Observation",
        "id": "bp-no-diastolic",
        "code": {"coding": [{"system": LOINC, "code": "85354-9"}]},
        "subject": {"reference": "Group/g1"},
        "component": [component("8480-6", 130)],
    },
    {
        "resourceType": "Observation",
        "id": "heart-rate",
        "code": {"coding": [{"system": LOINC, "code": "8867-4"}]},
        "component": [component("8480-6", 1), component("8462-4", 2)],
    },
]

# bp-no-diastolic has no diastolic component: forEach drops it. heart-rate fails the view's where.
EXPECTED = [
    (
        "bp1",
        "p1",
        "2024-03-01T08:30:00Z",
        "http://unitsofmeasure.org",
        "mm[Hg]",
        "mmHg",
        Decimal(120),
        "http://unitsofmeasure.org",
        "mm[Hg]",
        "mmHg",
        Decimal("80.5"),
    )
]


def normalized(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [
        tuple(value.normalize() if isinstance(value, Decimal) else value for value in row) for row in rows
    ]


def test_blood_pressures_on_duckdb() -> None:
    connection = duckdb.connect()
    connection.execute("create table fhir_resources (resource_type varchar, resource json)")
    for observation in OBSERVATIONS:
        connection.execute("insert into fhir_resources values ('Observation', ?)", [json.dumps(observation)])
    rows = connection.execute(compile_view(BLOOD_PRESSURES, "duckdb").sql).fetchall()
    assert normalized(rows) == normalized(EXPECTED)


@pytest.mark.slow
def test_blood_pressures_on_postgres(postgres_database: PostgresServer) -> None:
    connection = postgres_database.connect()
    try:
        with connection.cursor() as cursor:
            cursor.execute("create table fhir_resources (resource_type text, resource jsonb)")
            for observation in OBSERVATIONS:
                cursor.execute(
                    "insert into fhir_resources values ('Observation', %s)", (json.dumps(observation),)
                )
            cursor.execute(compile_view(BLOOD_PRESSURES, "postgres").sql)
            rows = cursor.fetchall()
    finally:
        connection.close()
    assert normalized(rows) == normalized(EXPECTED)
