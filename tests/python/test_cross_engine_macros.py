"""The cross-engine macros (macros/cross_engine) as each engine sees them.

Two checks, both through the real dbt of this venv:
- renderings: `dbt compile --inline` per target pins the SQL each dispatch produces. Inline compilation
  opens no connection, so the Redshift rendering is checked without a cluster;
- behaviour: `dbt show --inline` runs the macros on a literal FHIR resource on DuckDB, on the embedded
  PostgreSQL server and on fakesnow (Snowflake dialect), and checks the values that come back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

import pytest

from aegis.engines.fakesnow import FakesnowServer
from aegis.engines.postgres import PostgresServer

pytestmark = pytest.mark.slow

SEPARATOR = "@@"

# One call per rendering, in this order, joined by SEPARATOR.
CALLS = {
    "json_text": "aegis.json_text('resource', ['name', 0, 'given', 0])",
    "json_number": "aegis.json_number('resource', ['valueQuantity', 'value'])",
    "json_number_typed": "aegis.json_number('item', ['sequence'], 'integer')",
    "json_array_unnest": "aegis.json_array_unnest('versions.resource', ['item'], 'items')",
    "json_array_element": "aegis.json_array_element('items')",
    "json_array_index": "aegis.json_array_index('items')",
    "parse_fhir_timestamp": "aegis.parse_fhir_timestamp('performed')",
    "parse_fhir_date": "aegis.parse_fhir_date('onset')",
    "fhir_reference_id": "aegis.fhir_reference_id('reference')",
    "type_timestamp_tz": "aegis.type_timestamp_tz()",
}

EXPECTED: Mapping[str, Mapping[str, str]] = {
    "dev": {
        "json_text": "json_extract_string(resource, '$.name[0].given[0]')",
        "json_number": "cast(json_extract_string(resource, '$.valueQuantity.value') as double precision)",
        "json_number_typed": "cast(json_extract_string(item, '$.sequence') as integer)",
        "json_array_unnest": "cross join lateral json_each(versions.resource, '$.item') as items",
        "json_array_element": "items.value",
        "json_array_index": "cast(items.key as integer)",
        "parse_fhir_timestamp": "cast(performed as timestamptz)",
        "parse_fhir_date": "cast(substring(onset, 1, 10) as date)",
        "fhir_reference_id": "nullif(split_part(reference, '/', 2), '')",
        "type_timestamp_tz": "timestamptz",
    },
    "fakesnow": {
        "json_text": "cast(get_path(resource, 'name[0].given[0]') as TEXT)",
        "json_number": "cast(get_path(resource, 'valueQuantity.value') as double precision)",
        "json_number_typed": "cast(get_path(item, 'sequence') as integer)",
        "json_array_unnest": "cross join lateral flatten(input => get_path(versions.resource, 'item')) as items",
        "json_array_element": "items.value",
        "json_array_index": "items.index",
        "parse_fhir_timestamp": "to_timestamp_tz(performed, 'auto')",
        "parse_fhir_date": "cast(substring(onset, 1, 10) as date)",
        "fhir_reference_id": "nullif(split_part(reference, '/', 2), '')",
        "type_timestamp_tz": "timestamp_tz",
    },
    "postgres": {
        "json_text": "(resource #>> '{name,0,given,0}')",
        "json_number": "cast((resource #>> '{valueQuantity,value}') as double precision)",
        "json_number_typed": "cast((item #>> '{sequence}') as integer)",
        "json_array_unnest": (
            "cross join lateral jsonb_array_elements(versions.resource #> '{item}')"
            " with ordinality as items (value, ordinality)"
        ),
        "json_array_element": "items.value",
        "json_array_index": "(items.ordinality - 1)",
        "parse_fhir_timestamp": "cast(performed as timestamptz)",
        "parse_fhir_date": "cast(substring(onset, 1, 10) as date)",
        "fhir_reference_id": "nullif(split_part(reference, '/', 2), '')",
        "type_timestamp_tz": "timestamptz",
    },
    "redshift_parse": {
        "json_text": 'cast(resource."name"[0]."given"[0] as varchar(65535))',
        "json_number": 'cast(resource."valueQuantity"."value" as double precision)',
        "json_number_typed": 'cast(item."sequence" as integer)',
        "json_array_unnest": ', versions.resource."item" as items at items_index',
        "json_array_element": "items",
        "json_array_index": "items_index",
        "parse_fhir_timestamp": "cast(performed as timestamptz)",
        "parse_fhir_date": "cast(substring(onset, 1, 10) as date)",
        "fhir_reference_id": "nullif(split_part(reference, '/', 2), '')",
        "type_timestamp_tz": "timestamptz",
    },
}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("target", sorted(EXPECTED))
def test_each_engine_gets_its_own_rendering(target: str, run_dbt) -> None:
    template = f" {SEPARATOR} ".join("{{ " + call + " }}" for call in CALLS.values())
    result = run_dbt("compile", "--quiet", "--target", target, "--no-populate-cache", "--inline", template)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    rendered = [squash(part) for part in result.stdout.strip().split(SEPARATOR)]
    assert dict(zip(CALLS, rendered, strict=True)) == EXPECTED[target]


# A FHIR-shaped document (synthetic, no real person) and what each macro must read from it.
DOCUMENT = {
    "name": [{"family": "Testfamily", "given": ["Testgiven", "Second"]}],
    "subject": {"reference": "Patient/pat-42"},
    "valueQuantity": {"value": 7.25, "unit": "%"},
    "effectiveDateTime": "2025-02-01T23:30:00-05:00",
    "onsetDateTime": "2024-12-31T23:00:00-08:00",
    "item": [{"sequence": 1, "net": {"value": 10.5}}, {"sequence": 2, "net": {"value": 20}}],
}

# The JSON literal, typed the way the raw tables hold `resource` on each engine.
JSON_LITERAL = {
    "dev": "cast('{doc}' as json)",
    "postgres": "cast('{doc}' as jsonb)",
    "fakesnow": "parse_json('{doc}')",
}

BEHAVIOUR_SQL = """
with versions as (
    select {literal} as resource
),

items as (
    select
        {{{{ aegis.json_array_index('items') }}}} as item_index,
        {{{{ aegis.json_number(aegis.json_array_element('items'), ['sequence'], 'integer') }}}} as item_sequence,
        {{{{ aegis.json_number(aegis.json_array_element('items'), ['net', 'value'], 'decimal(18, 2)') }}}}
            as item_net
    from versions
    {{{{ aegis.json_array_unnest('versions.resource', ['item'], 'items') }}}}
)

select
    {{{{ aegis.json_text('versions.resource', ['name', 0, 'given', 0]) }}}} as given_name,
    {{{{ aegis.json_text('versions.resource', ['name', 0, 'given', 5]) }}}} as absent_given,
    {{{{ aegis.fhir_reference_id(aegis.json_text('versions.resource', ['subject', 'reference'])) }}}} as patient_id,
    {{{{ aegis.json_number('versions.resource', ['valueQuantity', 'value']) }}}} as value_numeric,
    {{{{ aegis.parse_fhir_date(aegis.json_text('versions.resource', ['onsetDateTime'])) }}}} as onset_date,
    cast({{{{ aegis.parse_fhir_timestamp(aegis.json_text('versions.resource', ['effectiveDateTime'])) }}}}
        = {{{{ aegis.parse_fhir_timestamp("'2025-02-02T04:30:00Z'") }}}} as integer) as same_instant,
    items.item_index,
    items.item_sequence,
    items.item_net
from versions
cross join items
order by items.item_index
"""


def show(run_dbt, target: str, env: Mapping[str, str] | None = None) -> list[dict[str, object]]:
    sql = BEHAVIOUR_SQL.format(literal=JSON_LITERAL[target].format(doc=json.dumps(DOCUMENT)))
    result = run_dbt(
        "show", "--quiet", "--output", "json", "--target", target, "--inline", sql, "--limit", "10", env=env
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    rows: list[dict[str, object]] = json.loads(result.stdout)["show"]
    return [{key.lower(): value for key, value in row.items()} for row in rows]


def assert_reads_the_document(rows: list[dict[str, object]]) -> None:
    assert [(row["item_index"], row["item_sequence"], float(str(row["item_net"]))) for row in rows] == [
        (0, 1, 10.5),
        (1, 2, 20.0),
    ]
    first = rows[0]
    assert first["given_name"] == "Testgiven"
    assert first["absent_given"] is None
    assert first["patient_id"] == "pat-42"
    assert float(str(first["value_numeric"])) == 7.25
    # the date as written, not shifted to UTC (that would be 2025-01-01)
    assert str(first["onset_date"]).startswith("2024-12-31")
    assert first["same_instant"] == 1


def test_macros_read_fhir_json_on_duckdb(run_dbt) -> None:
    assert_reads_the_document(show(run_dbt, "dev"))


def test_macros_read_fhir_json_on_postgres(run_dbt, postgres_database: PostgresServer) -> None:
    assert_reads_the_document(show(run_dbt, "postgres", postgres_database.dbt_env()))


def test_macros_read_fhir_json_on_fakesnow(run_dbt, fakesnow_server: FakesnowServer) -> None:
    assert_reads_the_document(show(run_dbt, "fakesnow", fakesnow_server.dbt_env()))
