"""The SQL of a sample ViewDefinition on each engine equals the reviewed golden file, and the DuckDB one
returns the expected rows. Refresh after a reviewed renderer change with AEGIS_UPDATE_GOLDEN=1 (then read
the diff: it is what every generated staging model will change)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

from aegis.views import ENGINES, compile_view

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("AEGIS_UPDATE_GOLDEN") == "1"
VIEW = json.loads((GOLDEN / "patient_contacts.view.json").read_text())

PATIENTS = [
    {
        "resourceType": "Patient",
        "id": "p1",
        "active": True,
        "managingOrganization": {"reference": "Organization/o1"},
        "name": [{"use": "official", "family": "Doe", "given": ["Jane", "Q"]}, {"family": "Roe"}],
        "address": [{"postalCode": "02139"}, {"postalCode": "10001"}],
        "telecom": [{"system": "phone", "value": "555-0100"}, {"system": "email", "value": "j@example.org"}],
        "contact": [{"telecom": [{"system": "phone", "value": "555-0199"}]}],
    },
    {
        "resourceType": "Patient",
        "id": "p2",
        "active": True,
        "managingOrganization": {"reference": "Patient/x"},
        "telecom": [{"system": "phone", "value": "555-0200"}],
    },
    {
        "resourceType": "Patient",
        "id": "p3",
        "active": False,
        "telecom": [{"system": "phone", "value": "555-0300"}],
    },
]


def _row_text(row: dict[str, object]) -> str:
    return json.dumps(row, sort_keys=True)


@pytest.mark.parametrize("engine", ENGINES)
def test_rendered_sql_equals_the_golden_file(engine: str) -> None:
    rendered = compile_view(VIEW, engine).sql
    golden = GOLDEN / f"patient_contacts.{engine}.sql"
    if UPDATE:
        golden.write_text(rendered)
    assert rendered == golden.read_text(), f"{golden.name} differs: review, then AEGIS_UPDATE_GOLDEN=1"


def test_the_duckdb_golden_sql_returns_the_view_rows() -> None:
    connection = duckdb.connect()
    connection.execute("create table fhir_resources (resource_type varchar, resource json)")
    for patient in PATIENTS:
        connection.execute("insert into fhir_resources values ('Patient', ?)", [json.dumps(patient)])
    cursor = connection.execute((GOLDEN / "patient_contacts.duckdb.sql").read_text())
    columns = [description[0] for description in cursor.description or ()]
    rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    for row in rows:
        row["all_families"] = json.loads(row["all_families"])
    p1 = {
        "patient_id": "p1",
        "organization_id": "o1",
        "given_names": "Jane Q",
        "all_families": ["Doe", "Roe"],
    }
    p2 = {"patient_id": "p2", "organization_id": None, "given_names": "", "all_families": []}
    expected = [
        {**p1, "address_index": index, "postal_code": postal_code, "phone": phone}
        for index, postal_code in enumerate(["02139", "10001"])
        for phone in ("555-0100", "555-0199")
    ] + [{**p2, "address_index": 0, "postal_code": None, "phone": "555-0200"}]
    assert sorted(rows, key=_row_text) == sorted(expected, key=_row_text)  # rows compare as bags
    assert columns == [
        "patient_id",
        "organization_id",
        "given_names",
        "all_families",
        "address_index",
        "postal_code",
        "phone",
    ]


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_the_golden_sql_parses_in_its_dialect(engine: str) -> None:
    from sqlfluff.core import FluffConfig, Linter

    linter = Linter(config=FluffConfig(overrides={"dialect": engine, "max_parse_depth": 3000}))
    violations = linter.parse_string((GOLDEN / f"patient_contacts.{engine}.sql").read_text()).violations
    assert not violations, [str(violation) for violation in violations[:3]]
