"""DuckDB's typed reads (aegis.views.render.duckdb_typed) give the rows of its JSON renderer on real FHIR
we did not write: every staging ViewDefinition, over every resource of its type in the vendored corpus
(HL7 R4 examples, Synthea, US Core, CARIN Blue Button, Bulk Data NDJSON: tests/data/fhir/README.md).

The conformance suite proves the typed form on the 74 of its views that take it (test_conformance.py);
this proves it on the shapes real senders write."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from aegis.paths import project_root
from aegis.views import DEFAULT_SOURCE, compile_view, plan_view, read_view_definition
from aegis.views.render.duckdb import DuckDBRenderer

CORPUS = project_root() / "tests" / "data" / "fhir"
VIEWS = sorted((project_root() / "models" / "staging" / "fhir" / "views").glob("*.json"))


def resources_in(document: Any) -> Iterator[dict[str, Any]]:
    """The resource, or every resource of a Bundle (nested Bundles too)."""
    if not isinstance(document, dict) or "resourceType" not in document:
        return
    yield document
    for entry in document.get("entry") or []:
        if isinstance(entry, dict):
            yield from resources_in(entry.get("resource"))


def corpus_resources() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix == ".json" and path.name not in ("corpus_index.json", "expected_not_landed.json"):
            found.extend(resources_in(json.loads(path.read_text())))
        elif path.suffix == ".ndjson":
            for line in path.read_text().splitlines():
                if line.strip():
                    found.extend(resources_in(json.loads(line)))
    return found


RESOURCES = corpus_resources()


def rows_or_error(connection: duckdb.DuckDBPyConnection, sql: str) -> Counter[str] | str:
    try:
        return Counter(repr(row) for row in connection.execute(sql).fetchall())
    except duckdb.Error as error:
        return f"error: {str(error).splitlines()[0]}"


@pytest.mark.parametrize("view_path", VIEWS, ids=[path.stem for path in VIEWS])
def test_typed_reads_give_the_json_renderers_rows_on_the_real_corpus(view_path: Path) -> None:
    view = json.loads(view_path.read_text())
    of_type = [resource for resource in RESOURCES if resource["resourceType"] == view["resource"]]
    connection = duckdb.connect()
    connection.execute("create table fhir_resources (resource_type varchar, resource json)")
    connection.executemany(
        "insert into fhir_resources values (?, ?)",
        [[resource["resourceType"], json.dumps(resource)] for resource in of_type],
    )
    typed_sql = compile_view(view, "duckdb").sql
    assert "from_json(" in typed_sql, "the staging view no longer takes typed reads"
    json_sql = DuckDBRenderer().render(plan_view(read_view_definition(view)), DEFAULT_SOURCE)
    typed, untyped = rows_or_error(connection, typed_sql), rows_or_error(connection, json_sql)
    assert typed == untyped
    # An audit of nothing proves nothing: each view reads real resources, and rows come out.
    assert of_type and isinstance(typed, Counter) and sum(typed.values()) > 0, view["resource"]
