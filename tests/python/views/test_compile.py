"""Compiling ViewDefinitions: clear errors for what cannot compile, reference keys, the input relation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from aegis.cli import app
from aegis.engines.postgres import PostgresServer
from aegis.views import (
    ENGINES,
    SqlSource,
    SqlType,
    ViewCompileError,
    ViewShapeError,
    compile_view,
)


def patient_view(*columns: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "name": "patient_demographics",
        "resource": "Patient",
        "select": [{"column": list(columns)}],
        **extra,
    }


# --- compile errors ------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_an_unsupported_function_names_view_column_and_expression(engine: str) -> None:
    view = patient_view({"name": "family_upper", "path": "name.family.upper()"})
    with pytest.raises(ViewCompileError) as caught:
        compile_view(view, engine)
    message = str(caught.value)
    assert "'patient_demographics'" in message
    assert "column 'family_upper'" in message
    assert "'name.family.upper()'" in message
    assert "upper() is not supported" in message


@pytest.mark.parametrize(
    ("view", "location", "reason"),
    [
        (
            patient_view({"name": "x", "path": "name.where(use = %missing)"}),
            "column 'x'",
            "unknown constant %missing",
        ),
        (patient_view({"name": "x", "path": "name.family ="}), "column 'x'", "syntax error"),
        (patient_view({"name": "x", "path": "name[family]"}), "column 'x'", "an index must be an integer"),
        (patient_view({"name": "x", "path": "name.first().ofType(string)"}), "column 'x'", "choice element"),
        (
            patient_view({"name": "x", "path": "name.join(family)"}),
            "column 'x'",
            "separator must be a string",
        ),
        (
            patient_view({"name": "x", "path": "name | telecom"}),
            "column 'x'",
            "operator '|' is not supported",
        ),
        (
            patient_view({"name": "x", "path": "(1 + 2).family"}),
            "column 'x'",
            "cannot continue from a computed",
        ),
        (
            patient_view({"name": "x", "path": "id"}, where=[{"path": "name.exists() and"}]),
            "where[0]",
            "syntax error",
        ),
        (
            {
                "resource": "Patient",
                "name": "v",
                "select": [{"forEach": "name.nope()", "column": [{"name": "f", "path": "family"}]}],
            },
            "forEach of the view > select[0]",
            "nope() is not supported",
        ),
    ],
)
def test_compile_errors_say_where_and_why(view: dict[str, Any], location: str, reason: str) -> None:
    with pytest.raises(ViewCompileError) as caught:
        compile_view(view, "duckdb")
    assert caught.value.location == location
    assert reason in str(caught.value)
    assert caught.value.view == view["name"]


@pytest.mark.parametrize(
    ("view", "reason"),
    [
        ({"resource": "Patient"}, "`select` is required"),
        ({"select": [{"column": [{"name": "id", "path": "id"}]}]}, "`resource` is required"),
        (patient_view({"name": "id", "path": "id"}, constant=[{"name": "c"}]), "exactly one value[x]"),
        (
            patient_view({"name": "id", "path": "id"}, {"name": "id", "path": "id"}),
            "'id' is defined more than once",
        ),
        (patient_view({"name": "bad name", "path": "id"}), "letters, digits and underscores"),
        (patient_view({"name": "id"}), "needs a `path`"),
        (
            {"resource": "Patient", "select": [{"forEach": "name", "forEachOrNull": "name"}]},
            "only one of forEach, forEachOrNull, repeat",
        ),
        (
            {
                "resource": "Patient",
                "select": [{"unionAll": [{"column": [{"name": "a", "path": "id"}]}, {"column": []}]}],
            },
            "unionAll branches must have the same columns",
        ),
    ],
)
def test_shape_errors(view: dict[str, Any], reason: str) -> None:
    with pytest.raises(ViewShapeError) as caught:
        compile_view(view, "duckdb")
    assert reason in str(caught.value)


def test_column_types_follow_the_fhir_type_then_the_expression() -> None:
    compiled = compile_view(
        patient_view(
            {"name": "id", "path": "getResourceKey()"},
            {"name": "active", "path": "active", "type": "boolean"},
            {"name": "birth_date", "path": "birthDate", "type": "date"},
            {"name": "has_name", "path": "name.exists()"},
            {"name": "names", "path": "name", "collection": True},
            {"name": "first_name", "path": "name.first()"},
        ),
        "postgres",
    )
    assert [(column.name, column.type) for column in compiled.columns] == [
        ("id", SqlType.TEXT),
        ("active", SqlType.BOOLEAN),
        ("birth_date", SqlType.TEXT),
        ("has_name", SqlType.BOOLEAN),
        ("names", SqlType.JSON),
        ("first_name", SqlType.JSON),
    ]


# --- getReferenceKey and the input relation, on real engines --------------------------------------

REFERENCES = {
    "relative": "Patient/123",
    "versioned": "Patient/123/_history/2",
    "absolute": "https://x.example/fhir/Patient/123",
    "absolute_versioned": "https://x.example/fhir/Patient/123/_history/7",
    "conditional": "Patient?identifier=http://hospital|123",
    "urn_uuid": "urn:uuid:0b5e3ed4-6a3c-4a3e-9f39-0e1c8c4c9d11",
    "contained": "#p1",
    "other_type": "Group/123",
    # DuckDB takes the id by splitting a matched reference, the other engines by a capture group: the
    # same ids where a base URL holds `_history` or a type, or where the version is missing.
    "history_in_base": "https://x.example/_history/fhir/Patient/123",
    "type_after_history": "https://x.example/fhir/Patient/1/_history/Group/123",
    "empty_version": "Patient/123/_history/",
    "trailing_slash": "Patient/123/",
}
EXPECTED_KEYS = {
    "relative": ("123", "123"),
    "versioned": ("123", "123"),
    "absolute": ("123", "123"),
    "absolute_versioned": ("123", "123"),
    "conditional": (None, None),
    "urn_uuid": (None, None),
    "contained": (None, None),
    "other_type": ("123", None),  # (any type, typed Patient)
    "history_in_base": ("123", "123"),
    "type_after_history": ("123", None),
    "empty_version": (None, None),
    "trailing_slash": (None, None),
}
REFERENCE_VIEW = {
    "name": "observation_subjects",
    "resource": "Observation",
    "select": [
        {
            "column": [
                {"name": "form", "path": "id", "type": "id"},
                {"name": "any_key", "path": "subject.getReferenceKey()", "type": "string"},
                {"name": "patient_key", "path": "subject.getReferenceKey(Patient)", "type": "string"},
            ]
        }
    ],
}
# Landing-table shape: envelope columns around the resource JSON.
LANDING_ROWS = [
    {"resourceType": "Observation", "id": form, "subject": {"reference": reference}}
    for form, reference in REFERENCES.items()
] + [{"resourceType": "Patient", "id": "123"}]


def expected_reference_rows() -> list[tuple[Any, ...]]:
    return sorted((form, *keys) for form, keys in EXPECTED_KEYS.items())


def test_reference_keys_on_duckdb_from_a_landing_table() -> None:
    connection = duckdb.connect()
    connection.execute(
        "create table landing_events (event_id varchar, resource_type varchar, resource_id varchar, "
        "deleted boolean, payload json)"
    )
    for number, resource in enumerate(LANDING_ROWS):
        connection.execute(
            "insert into landing_events values (?, ?, ?, false, ?)",
            [f"e{number}", resource["resourceType"], resource["id"], json.dumps(resource)],
        )
    source = SqlSource("landing_events", resource_column="payload", resource_type_column="resource_type")
    rows = connection.execute(compile_view(REFERENCE_VIEW, "duckdb", source).sql).fetchall()
    assert sorted(rows) == expected_reference_rows()


@pytest.mark.slow
def test_reference_keys_on_postgres_filtering_on_the_json_resource_type(
    postgres_database: PostgresServer,
) -> None:
    connection = postgres_database.connect()
    try:
        with connection.cursor() as cursor:
            cursor.execute("create table raw_resources (body jsonb)")
            for resource in LANDING_ROWS:
                cursor.execute("insert into raw_resources values (%s)", (json.dumps(resource),))
            source = SqlSource("raw_resources", resource_column="body", resource_type_column=None)
            cursor.execute(compile_view(REFERENCE_VIEW, "postgres", source).sql)
            rows = cursor.fetchall()
    finally:
        connection.close()
    assert sorted(rows) == expected_reference_rows()


def test_get_resource_key_equals_get_reference_key_of_a_reference_to_it() -> None:
    view = {
        "resource": "Observation",
        "select": [{"column": [{"name": "same", "path": "subject.getReferenceKey(Patient) = %resource.id"}]}],
    }
    connection = duckdb.connect()
    connection.execute("create table fhir_resources (resource_type varchar, resource json)")
    connection.execute(
        "insert into fhir_resources values ('Observation', ?)",
        [
            json.dumps(
                {"resourceType": "Observation", "id": "9", "subject": {"reference": "Patient/9/_history/1"}}
            )
        ],
    )
    assert connection.execute(compile_view(view, "duckdb").sql).fetchall() == [(True,)]


# --- CLI -----------------------------------------------------------------------------------------


def test_cli_conformance_on_duckdb_prints_per_file_and_writes_the_report(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["views", "conformance", "--engine", "duckdb", "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "basic.json" in result.output and "passed" in result.output
    assert "sql-on-fhir conformance duckdb: 123/123 shareable" in result.output
    assert set(json.loads(report.read_text())) >= {"basic.json", "where.json"}


def test_cli_refuses_an_unknown_engine() -> None:
    result = CliRunner().invoke(app, ["views", "conformance", "--engine", "oracle"])
    assert result.exit_code == 2


def test_cli_compile_prints_sql_or_the_compile_error(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(patient_view({"name": "family", "path": "name.family"})))
    result = CliRunner().invoke(
        app, ["views", "compile", str(good), "--engine", "snowflake", "--relation", "raw.res"]
    )
    assert result.exit_code == 0, result.output
    assert "from raw.res" in result.output and "flatten" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(patient_view({"name": "x", "path": "name.upper()"})))
    result = CliRunner().invoke(app, ["views", "compile", str(bad)])
    assert result.exit_code == 2
    assert "upper() is not supported" in result.output


@pytest.mark.slow
def test_cli_conformance_on_postgres_reads_the_postgres_target_variables(
    postgres_database: PostgresServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name, value in postgres_database.dbt_env().items():
        monkeypatch.setenv(name, value)
    report = tmp_path / "report.json"
    result = CliRunner().invoke(
        app, ["views", "conformance", "--engine", "postgres", "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    assert "sql-on-fhir conformance postgres: 123/123 shareable" in result.output
    assert len(json.loads(report.read_text())) == 22


# --- a field read as one value: missing, JSON null, arrays -----------------------------------------
# On a resource type outside the R4 model (Animal) nothing is known of `gender`: it is read as a collection
# whatever the JSON holds, and more than one value fails. test_r4_model.py covers R4 types.

FIELD_CASES = [
    ({"id": "missing"}, None),
    ({"id": "json_null", "gender": None}, None),
    ({"id": "scalar", "gender": "male"}, "male"),
    ({"id": "empty_array", "gender": []}, None),
    ({"id": "one_element", "gender": ["female"]}, "female"),
    ({"id": "null_and_one", "gender": [None, "other"]}, "other"),
]
GENDER_VIEW = patient_view(
    {"name": "id", "path": "id", "type": "id"},
    {"name": "gender", "path": "gender", "type": "code"},
    resource="Animal",
)
ACTIVE_VIEW = patient_view(
    {"name": "id", "path": "id", "type": "id"}, where=[{"path": "active"}], resource="Animal"
)
ACTIVE_CASES = [{"id": "true", "active": True}, {"id": "null", "active": None}, {"id": "absent"}]


def duckdb_rows(view: dict[str, Any], patients: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    connection = duckdb.connect()
    connection.execute("create table fhir_resources (resource_type varchar, resource json)")
    resource_type = view["resource"]
    for patient in patients:
        connection.execute(
            "insert into fhir_resources values (?, ?)",
            [resource_type, json.dumps({"resourceType": resource_type, **patient})],
        )
    return connection.execute(compile_view(view, "duckdb").sql).fetchall()


def postgres_rows(
    server: PostgresServer, view: dict[str, Any], patients: list[dict[str, Any]]
) -> list[tuple[Any, ...]]:
    connection = server.connect()
    try:
        with connection.cursor() as cursor:
            cursor.execute("drop table if exists fhir_resources")
            cursor.execute("create table fhir_resources (resource_type text, resource jsonb)")
            resource_type = view["resource"]
            for patient in patients:
                cursor.execute(
                    "insert into fhir_resources values (%s, %s)",
                    (resource_type, json.dumps({"resourceType": resource_type, **patient})),
                )
            cursor.execute(compile_view(view, "postgres").sql)
            return list(cursor.fetchall())
    finally:
        connection.close()


def test_a_field_is_its_only_non_null_element_on_duckdb() -> None:
    assert sorted(duckdb_rows(GENDER_VIEW, [case for case, _ in FIELD_CASES])) == sorted(
        (case["id"], gender) for case, gender in FIELD_CASES
    )
    assert duckdb_rows(ACTIVE_VIEW, ACTIVE_CASES) == [("true",)]
    with pytest.raises(duckdb.Error, match="column 'gender': more than one value"):
        duckdb_rows(GENDER_VIEW, [{"id": "two", "gender": ["a", "b"]}])


@pytest.mark.slow
def test_a_field_is_its_only_non_null_element_on_postgres(postgres_database: PostgresServer) -> None:
    import psycopg2

    assert sorted(postgres_rows(postgres_database, GENDER_VIEW, [case for case, _ in FIELD_CASES])) == sorted(
        (case["id"], gender) for case, gender in FIELD_CASES
    )
    assert postgres_rows(postgres_database, ACTIVE_VIEW, ACTIVE_CASES) == [("true",)]
    with pytest.raises(psycopg2.Error, match="column 'gender': more than one value"):
        postgres_rows(postgres_database, GENDER_VIEW, [{"id": "two", "gender": ["a", "b"]}])
