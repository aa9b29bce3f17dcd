"""`aegis lineage run` on a real DuckDB build, its events received by a local HTTP OpenLineage backend.

The mini project (fixtures/adversarial_project) has seeds, models and data tests; its seeds hold synthetic
names, SSNs, MRNs, dates of birth and contacts, so the no-PHI-in-events check has real values to look for.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlglot
from lineage_helpers import LineageReceiver, MiniProject, make_mini_project
from sqlglot import exp

from aegis.lineage.facets import FACET_KEY
from aegis.lineage.nodes import relation_nodes
from aegis.lineage.validate import event_errors

pytestmark = pytest.mark.slow
AEGIS = str(Path(sys.executable).parent / "aegis")
API_KEY = "test-key-not-a-secret"


@pytest.fixture(scope="module")
def receiver() -> Iterator[LineageReceiver]:
    server = LineageReceiver()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def built(
    receiver: LineageReceiver, tmp_path_factory: pytest.TempPathFactory
) -> tuple[MiniProject, list[Any]]:
    project = make_mini_project(tmp_path_factory.mktemp("lineage-events"))
    env = {**project.env, "OPENLINEAGE_URL": receiver.url, "OPENLINEAGE_API_KEY": API_KEY}
    result = subprocess.run(
        [AEGIS, "lineage", "run", "--transport", "http", "build"],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "seed events" in result.stdout
    return project, list(receiver.events)


def completed_outputs(events: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        o["name"].split(".")[-1]: o
        for e in events
        if e["eventType"] == "COMPLETE"
        for o in e.get("outputs", [])
    }


def test_events_arrive_over_http_with_the_api_key(
    receiver: LineageReceiver, built: tuple[MiniProject, list[Any]]
) -> None:
    _, events = built
    assert len(events) > 20
    assert set(receiver.authorizations) == {f"Bearer {API_KEY}"}


def test_every_model_seed_and_test_has_start_and_complete(built: tuple[MiniProject, list[Any]]) -> None:
    project, events = built
    manifest = project.manifest()
    by_state: dict[str, set[str]] = {"START": set(), "COMPLETE": set()}
    for event in events:
        by_state.setdefault(event["eventType"], set()).add(event["job"]["name"])
    for node in relation_nodes(manifest, {"model", "seed"}):
        suffix = ".build.run" if node.resource_type == "model" else ".build.seed"
        job = next((j for j in by_state["COMPLETE"] if j.endswith(f".{node.name}{suffix}")), None)
        assert job is not None, f"no COMPLETE event for {node.unique_id}"
        assert job in by_state["START"]
    tested = {n["attached_node"] for n in manifest["nodes"].values() if n["resource_type"] == "test"}
    for model in tested:
        assert any(j.endswith(f".{model.split('.')[-1]}.build.test") for j in by_state["COMPLETE"])
    assert "FAIL" not in by_state


def test_every_event_and_facet_validates(built: tuple[MiniProject, list[Any]]) -> None:
    _, events = built
    problems = [f"{e['job']['name']}: {p}" for e in events for p in event_errors(e)]
    assert problems == []


def test_every_classified_column_carries_its_tag_and_classification(
    built: tuple[MiniProject, list[Any]],
) -> None:
    project, events = built
    outputs = completed_outputs(events)
    for node in relation_nodes(project.manifest(), {"model", "seed"}):
        facets = outputs[node.identifier]["facets"]
        tags = {(t["field"], t["value"]) for t in facets["tags"]["tags"] if t["key"] == "phi"}
        assert all(t["source"] == "aegis" for t in facets["tags"]["tags"])
        expected = {(name, column.phi) for name, column in node.columns.items() if column.phi}
        assert expected and tags == expected, node.name
        classification = facets[FACET_KEY]
        assert {c: v["category"] for c, v in classification["columns"].items()} == dict(expected)
        assert classification["_schemaURL"].endswith(
            "/schemas/openlineage/AegisPhiClassificationDatasetFacet.json#/$defs/AegisPhiClassificationDatasetFacet"
        )
    ssn = outputs["left_ssn"]["facets"][FACET_KEY]["columns"]["ssn_area_ok"]["strategies"]
    assert ssn == {"phi_full": "clear", "phi_limited": "deny", "deidentified": "deny", "aggregate": "deny"}


def test_column_lineage_follows_star_joins_and_seeds(built: tuple[MiniProject, list[Any]]) -> None:
    project, events = built
    outputs = completed_outputs(events)
    for node in relation_nodes(project.manifest(), {"model"}):
        fields = outputs[node.identifier]["facets"]["columnLineage"]["fields"]
        assert set(fields) >= {c for c in node.columns if c not in ("patient_count", "key_rank")}, node.name
    star = outputs["star_through_ctes"]["facets"]["columnLineage"]["fields"]["ssn"]["inputFields"]
    assert [(f["name"].split(".")[-1], f["field"]) for f in star] == [("raw_patients", "ssn")]
    joined = outputs["join_key_only"]["facets"]["columnLineage"]["fields"]["patient_ref"]["inputFields"]
    assert {(f["field"], f["transformations"][0]["subtype"]) for f in joined} == {
        ("patient_ref", "TRANSFORMATION"),
        ("mrn", "JOIN"),
    }
    [birth] = outputs["fhir_json_paths"]["facets"]["columnLineage"]["fields"]["birth_date"]["inputFields"]
    assert (birth["field"], birth["transformations"][0]["description"]) == (
        "resource",
        "json path $.birthDate",
    )
    model_events = [e for e in events if e["job"]["name"].endswith("upper_first_name.build.run")]
    assert all("raw_patients" in {i["name"].split(".")[-1] for i in e["inputs"]} for e in model_events)


def test_no_phi_value_in_any_event(built: tuple[MiniProject, list[Any]]) -> None:
    import json

    project, events = built
    # Identifying values of the seed. Left out: gender (its words are also category names) and ZIP codes
    # (five digits also occur inside random run ids and microsecond timestamps).
    with (project.root / "seeds" / "raw_patients.csv").open() as handle:
        values = {
            v for row in csv.DictReader(handle) for k, v in row.items() if v and k not in ("gender", "zip")
        }
    text = "\n".join(json.dumps(e) for e in events)
    assert [v for v in values if v in text] == []
    literals: set[str] = set()
    for event in events:
        sql = ((event["job"].get("facets") or {}).get("sql") or {}).get("query")
        if sql:
            literals |= {
                lit.this
                for lit in sqlglot.parse_one(sql, read="duckdb").find_all(exp.Literal)
                if lit.is_string
            }
    assert literals and not (literals & values)
