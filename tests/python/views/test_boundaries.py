"""lowBoundary() / highBoundary() beyond the suite's cases: leap years, partial dates, time zones, integers."""

from __future__ import annotations

import json
from typing import Any

import duckdb
import pytest

from aegis.engines.postgres import PostgresServer
from aegis.views import compile_view

CASES = [
    # (FHIRPath value as JSON, ofType or None, lowBoundary, highBoundary)
    ("2024-02", "date", "2024-02-01", "2024-02-29"),
    ("2023-02", "date", "2023-02-01", "2023-02-28"),
    ("1900-02", "date", "1900-02-01", "1900-02-28"),
    ("2000-02", "date", "2000-02-01", "2000-02-29"),
    ("1999", "date", "1999-01-01", "1999-12-31"),
    ("2010-11", "dateTime", "2010-11-01T00:00:00.000+14:00", "2010-11-30T23:59:59.999-12:00"),
    ("2010-10-10T10:20:30", "dateTime", "2010-10-10T10:20:30.000+14:00", "2010-10-10T10:20:30.999-12:00"),
    ("2010-10-10T10:20:30Z", "dateTime", "2010-10-10T10:20:30.000Z", "2010-10-10T10:20:30.999Z"),
    ("2010-10-10T10:20:30.5+02:00", "dateTime", "2010-10-10T10:20:30.5+02:00", "2010-10-10T10:20:30.5+02:00"),
    ("12:34", "time", "12:34:00.000", "12:34:59.999"),
    ("07", "time", "07:00:00.000", "07:59:59.999"),
    (3, None, "2.5", "3.5"),
    (1.587, None, "1.5865", "1.5875"),
    (-1.5, None, "-1.55", "-1.45"),
]


def boundary_view(of_type: str | None) -> dict[str, Any]:
    path = "value" if of_type is None else f"value.ofType({of_type})"
    return {
        "name": "boundaries",
        "resource": "Observation",
        "select": [
            {
                "column": [
                    {"name": "id", "path": "id", "type": "id"},
                    {"name": "low", "path": f"{path}.lowBoundary()", "type": "string"},
                    {"name": "high", "path": f"{path}.highBoundary()", "type": "string"},
                ]
            }
        ],
    }


def observation(number: int, value: Any, of_type: str | None) -> dict[str, Any]:
    element = "value" + (of_type[:1].upper() + of_type[1:] if of_type else "")
    return {"resourceType": "Observation", "id": f"o{number}", element: value}


def normalized(rows: list[tuple[Any, ...]]) -> dict[str, tuple[str, str]]:
    """Decimal text may carry trailing zeros (1.500000000): compare numbers by value."""
    from decimal import Decimal, InvalidOperation

    def clean(text: str) -> str:
        try:
            return format(Decimal(text).normalize(), "f") if ":" not in text and "-" not in text[1:] else text
        except InvalidOperation:
            return text

    return {row[0]: (clean(row[1]), clean(row[2])) for row in rows}


def expected() -> dict[str, tuple[str, str]]:
    return {f"o{number}": (low, high) for number, (_, _, low, high) in enumerate(CASES)}


def run_cases(execute: Any) -> dict[str, tuple[str, str]]:
    results: dict[str, tuple[str, str]] = {}
    for of_type in dict.fromkeys(case[1] for case in CASES):
        resources = [
            observation(number, case[0], of_type) for number, case in enumerate(CASES) if case[1] == of_type
        ]
        results.update(normalized(execute(boundary_view(of_type), resources)))
    return results


def test_boundaries_on_duckdb() -> None:
    def execute(view: dict[str, Any], resources: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        connection = duckdb.connect()
        connection.execute("create table fhir_resources (resource_type varchar, resource json)")
        for resource in resources:
            connection.execute("insert into fhir_resources values ('Observation', ?)", [json.dumps(resource)])
        return connection.execute(compile_view(view, "duckdb").sql).fetchall()

    assert run_cases(execute) == expected()


@pytest.mark.slow
def test_boundaries_on_postgres(postgres_database: PostgresServer) -> None:
    connection = postgres_database.connect()

    def execute(view: dict[str, Any], resources: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        with connection.cursor() as cursor:
            cursor.execute("drop table if exists fhir_resources")
            cursor.execute("create table fhir_resources (resource_type text, resource jsonb)")
            for resource in resources:
                cursor.execute(
                    "insert into fhir_resources values ('Observation', %s)", (json.dumps(resource),)
                )
            cursor.execute(compile_view(view, "postgres").sql)
            return list(cursor.fetchall())

    try:
        assert run_cases(execute) == expected()
    finally:
        connection.close()
