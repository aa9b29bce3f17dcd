"""DuckDB's typed reads (aegis.views.render.duckdb_typed) give the rows of its JSON renderer on real FHIR
we did not write: every staging ViewDefinition, over every resource of its type that the vendored corpus
lands (HL7 R4 examples, Synthea, US Core, CARIN Blue Button, Bulk Data NDJSON: tests/data/fhir/README.md),
as `aegis ingest` lands it (bundle references resolved), which is what staging reads.

The conformance suite proves the typed form on the 74 of its views that take it (test_conformance.py);
this proves it on the shapes real senders write."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import land_file
from aegis.ingest.reading import expand_inputs
from aegis.paths import project_root
from aegis.views import DEFAULT_SOURCE, compile_view, plan_view, read_view_definition
from aegis.views.render.duckdb import DuckDBRenderer

CORPUS = project_root() / "tests" / "data" / "fhir"
VIEWS = sorted((project_root() / "models" / "staging" / "fhir" / "views").glob("*.json"))


@pytest.fixture(scope="module")
def landed(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    """The corpus landed, its resources in the views' table of resources (resource_type, resource)."""
    root = tmp_path_factory.mktemp("typed-reads")
    landing, quarantine = LocalStore(root / "landing"), LocalStore(root / "quarantine")
    for path in expand_inputs([str(CORPUS)]):
        land_file(path, landing, quarantine, progress=False)
    connection = duckdb.connect()
    connection.execute(
        "create table fhir_resources as select resource_type, resource from read_json("
        f"'{root}/landing/fhir/*/*/*.ndjson.gz', format = 'newline_delimited', hive_partitioning = false, "
        "columns = {'resource_type': 'varchar', 'resource': 'json'}) where resource is not null"
    )
    return connection


def rows_or_error(connection: duckdb.DuckDBPyConnection, sql: str) -> Counter[str] | str:
    try:
        return Counter(repr(row) for row in connection.execute(sql).fetchall())
    except duckdb.Error as error:
        return f"error: {str(error).splitlines()[0]}"


@pytest.mark.parametrize("view_path", VIEWS, ids=[path.stem for path in VIEWS])
def test_typed_reads_give_the_json_renderers_rows_on_the_real_corpus(
    landed: duckdb.DuckDBPyConnection, view_path: Path
) -> None:
    view = json.loads(view_path.read_text())
    typed_sql = compile_view(view, "duckdb").sql
    assert "from_json(" in typed_sql, "the staging view no longer takes typed reads"
    json_sql = DuckDBRenderer().render(plan_view(read_view_definition(view)), DEFAULT_SOURCE)
    typed, untyped = rows_or_error(landed, typed_sql), rows_or_error(landed, json_sql)
    assert typed == untyped
    # An audit of nothing proves nothing: each view reads landed real resources, and rows come out.
    (of_type,) = landed.execute(
        "select count(*) from fhir_resources where resource_type = ?", [view["resource"]]
    ).fetchone() or (0,)
    assert of_type > 0 and isinstance(typed, Counter) and sum(typed.values()) > 0, view["resource"]
