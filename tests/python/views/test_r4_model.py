"""The R4 element model in the compiler: single-valued paths read in place, arrays as arrays, same rows.

A view of an R4 resource type is compiled with the cardinalities of the R4 model; the same view on a type
outside the model keeps the general collection semantics. On conformant R4 data both must give the same
rows, on DuckDB and on PostgreSQL; only the SQL differs (no unnesting, no runtime cardinality check).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import duckdb
import pytest
from test_compile import duckdb_rows, postgres_rows  # the views' table of resources, on each engine

from aegis.engines.postgres import PostgresServer
from aegis.paths import project_root
from aegis.views import DEFAULT_SOURCE, compile_view, plan_view, read_view_definition
from aegis.views.render.duckdb import DuckDBRenderer

VIEWS = project_root() / "models" / "staging" / "fhir" / "views"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"

PATIENTS: list[dict[str, Any]] = [
    {
        "resourceType": "Patient",
        "id": "p1",
        "gender": "female",
        "birthDate": "1970-02-03",
        "identifier": [
            {"system": "http://hl7.org/fhir/sid/us-ssn", "value": "999-00-0001"},
            {
                "type": {
                    "coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]
                },
                "value": "M-1",
            },
        ],
        "name": [{"given": ["Ann", "B"]}, {"family": "Second", "given": ["C"]}, {"family": "Third"}],
        "address": [{"line": ["1 Main"], "city": "Springfield", "state": "MA", "postalCode": "01101"}],
        "telecom": [{"system": "email", "value": "a@example.org"}, {"system": "phone", "value": "555"}],
        "extension": [
            {
                "url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race",
                "extension": [{"url": "ombCategory", "valueCoding": {"code": "2106-3"}}],
            },
            {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", "valueCode": "F"},
        ],
        "deceasedDateTime": "2020-01-01T00:00:00Z",
    },
    # `given` with a null kept for the parallel `_given` array (legal R4): first() skips it.
    {
        "resourceType": "Patient",
        "id": "p2",
        "name": [{"given": [None, "Dee"], "_given": [{"id": "g"}, None]}],
    },
    {"resourceType": "Patient", "id": "p3"},
]
MEDICATION_REQUESTS: list[dict[str, Any]] = [
    {
        "resourceType": "MedicationRequest",
        "id": "m1",
        "status": "active",
        "medicationCodeableConcept": {
            "coding": [{"system": RXNORM, "code": "1", "display": "One"}],
            "text": "t",
        },
    },
    {
        "resourceType": "MedicationRequest",
        "id": "m2",
        "contained": [
            {"resourceType": "Organization", "id": "o", "name": "x"},
            {
                "resourceType": "Medication",
                "id": "med",
                "code": {"coding": [{"system": RXNORM, "code": "2"}]},
            },
        ],
    },
]
EOB: list[dict[str, Any]] = [
    {
        "resourceType": "ExplanationOfBenefit",
        "id": "e1",
        "patient": {"reference": "Patient/p1"},
        "item": [
            {
                "sequence": 1,
                "productOrService": {
                    "coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "99213"}]
                },
                "adjudication": [
                    {"category": {"coding": [{"code": "submitted"}]}, "amount": {"value": 120.5}},
                    {"category": {"coding": [{"code": "benefit"}]}, "amount": {"value": 80}},
                ],
                "servicedDate": "2020-01-02",
            },
            {"sequence": 2, "net": {"value": 10}},
        ],
    },
    {"resourceType": "ExplanationOfBenefit", "id": "e2"},
]
CASES = [
    ("stg_fhir__patients.json", PATIENTS),
    ("stg_fhir__medication_requests.json", MEDICATION_REQUESTS),
    ("stg_fhir__explanation_of_benefit_items.json", EOB),
]


def view_of(file_name: str, resource: str | None = None) -> dict[str, Any]:
    view: dict[str, Any] = json.loads((VIEWS / file_name).read_text())
    if resource is not None:
        view["resource"] = resource  # a type outside the R4 model: the general collection semantics
    return view


def outside_the_model(resources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**resource, "resourceType": "Not" + resource["resourceType"]} for resource in resources]


def normalized(rows: list[tuple[Any, ...]]) -> list[tuple[str, ...]]:
    def text(value: Any) -> str:
        return str(value.normalize()) if isinstance(value, Decimal) else str(value)

    return sorted(tuple(text(value) for value in row) for row in rows)


@pytest.mark.parametrize(("file_name", "resources"), CASES, ids=[name for name, _ in CASES])
def test_duckdb_r4_reads_give_the_rows_of_the_general_semantics(
    file_name: str, resources: list[dict[str, Any]]
) -> None:
    with_model = duckdb_rows(view_of(file_name), resources)
    general = duckdb_rows(
        view_of(file_name, "Not" + resources[0]["resourceType"]), outside_the_model(resources)
    )
    assert with_model, "the fixture gives rows"
    assert normalized(with_model) == normalized(general)


@pytest.mark.slow
@pytest.mark.parametrize(("file_name", "resources"), CASES, ids=[name for name, _ in CASES])
def test_postgres_r4_reads_give_the_rows_of_the_general_semantics(
    postgres_database: PostgresServer, file_name: str, resources: list[dict[str, Any]]
) -> None:
    with_model = postgres_rows(postgres_database, view_of(file_name), resources)
    general = postgres_rows(
        postgres_database,
        view_of(file_name, "Not" + resources[0]["resourceType"]),
        outside_the_model(resources),
    )
    assert normalized(with_model) == normalized(general)
    assert normalized(with_model) == normalized(duckdb_rows(view_of(file_name), resources))


def test_the_patient_fixture_reads_as_expected_on_duckdb() -> None:
    rows = {row[0]: row for row in duckdb_rows(view_of("stg_fhir__patients.json"), PATIENTS)}
    mrn, ssn, family, given = rows["M-1"][:4]
    assert (mrn, ssn, family, given) == ("M-1", "999-00-0001", "Second", "Ann")
    assert duckdb_rows(view_of("stg_fhir__patients.json"), PATIENTS[1:2])[0][3] == "Dee"


ENCOUNTER_START = {
    "name": "encounter_start",
    "resource": "Encounter",
    "select": [{"column": [{"name": "start", "path": "period.start", "type": "dateTime"}]}],
}


def test_a_single_valued_r4_path_is_one_path_read_without_a_cardinality_check() -> None:
    sql = compile_view(ENCOUNTER_START, "duckdb").sql
    # typed reads: a struct field of the resource parsed once, typed by the R4 model
    assert 'r.value."period"."start" as "start"' in sql
    assert """from_json(cast(resource as json), '{"period":{"start":"VARCHAR"},""" in sql
    assert "more than one value" not in sql and "json_each" not in sql and "lateral" not in sql
    # the JSON renderer: one path read, from the top-level element the resource row extracts once (keys_)
    plan = plan_view(read_view_definition(ENCOUNTER_START))
    json_sql = DuckDBRenderer().render(plan, DEFAULT_SOURCE)
    assert "json_extract_string(r.keys_[1], '$.\"start\"')" in json_sql
    assert "json_extract(cast(resource as json), ['$.\"period\"']) as keys_" in json_sql
    assert "more than one value" not in json_sql and "json_each" not in json_sql
    postgres = compile_view(ENCOUNTER_START, "postgres").sql
    assert '#>> \'{"period","start"}\'' in postgres and "more than one value" not in postgres
    general = compile_view({**ENCOUNTER_START, "resource": "NotEncounter"}, "duckdb").sql
    assert "more than one value" in general


def test_an_r4_array_of_several_values_still_fails_where_one_is_expected() -> None:
    view = {
        "name": "names",
        "resource": "Patient",
        "select": [{"column": [{"name": "family", "path": "name.family", "type": "string"}]}],
    }
    with pytest.raises(duckdb.Error, match="column 'family': more than one value"):
        duckdb_rows(
            view, [{"resourceType": "Patient", "id": "x", "name": [{"family": "A"}, {"family": "B"}]}]
        )


def test_a_json_null_on_a_single_valued_r4_path_is_no_value() -> None:
    view = {
        "name": "active_patients",
        "resource": "Patient",
        "select": [{"column": [{"name": "id", "path": "id", "type": "id"}]}],
        "where": [{"path": "active"}],
    }
    patients = [
        {"resourceType": "Patient", "id": "yes", "active": True},
        {"resourceType": "Patient", "id": "null", "active": None},
        {"resourceType": "Patient", "id": "absent"},
    ]
    assert duckdb_rows(view, patients) == [("yes",)]


def names_view(each: str) -> dict[str, Any]:
    """One forEach (`forEach` or `forEachOrNull`) over a model-known array: on DuckDB an unnest, no lateral
    join. Its columns include some that are not NULL on a NULL item (exists, count, join, a constant, the
    resource, %rowIndex): the null row of forEachOrNull must still have them NULL (%rowIndex 0)."""
    return {
        "name": "patient_names",
        "resource": "Patient",
        "constant": [{"name": "mark", "valueString": "x"}],
        "select": [
            {"column": [{"name": "id", "path": "getResourceKey()", "type": "string"}]},
            {
                each: "name",
                "column": [
                    {"name": "family", "path": "family", "type": "string"},
                    {"name": "position", "path": "%rowIndex", "type": "integer"},
                    {"name": "has_given", "path": "given.exists()", "type": "boolean"},
                    {"name": "given_count", "path": "given.count()", "type": "integer"},
                    {"name": "first_given", "path": "given.first()", "type": "string"},
                    {"name": "mark", "path": "%mark", "type": "string"},
                    {"name": "gender", "path": "%resource.gender", "type": "string"},
                ],
                "select": [{"column": [{"name": "givens", "path": "given.join(',')", "type": "string"}]}],
            },
        ],
        "where": [{"path": "gender.exists()"}],
    }


@pytest.mark.parametrize("each", ["forEach", "forEachOrNull"])
def test_one_foreach_unnested_on_duckdb_gives_the_rows_of_the_lateral_joins(each: str) -> None:
    view = names_view(each)
    assert "lateral" not in compile_view(view, "duckdb").sql
    assert "lateral" in compile_view({**view, "resource": "NotPatient"}, "duckdb").sql
    patients = [
        *PATIENTS,
        {"resourceType": "Patient", "id": "no-name", "gender": "male"},
        {"resourceType": "Patient", "id": "no-gender", "name": [{"family": "Z"}]},
    ]
    with_model = duckdb_rows(view, patients)
    general = duckdb_rows({**view, "resource": "NotPatient"}, outside_the_model(patients))
    assert normalized(with_model) == normalized(general)
    by_id = {row[0]: row for row in with_model}
    assert "no-gender" not in by_id
    if each == "forEach":
        assert "no-name" not in by_id
    else:
        assert by_id["no-name"] == ("no-name", None, 0, None, None, None, None, None, None)
