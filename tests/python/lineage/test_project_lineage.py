"""The real project: `aegis lineage run` on a DuckDB build of synthetic data, and the PHI audit of its models.

Slow (synthesizes a small population, lands it, builds everything through dbt-ol). The identifying values
searched for in the events are read back from the built warehouse (names, SSNs, MRNs, contacts).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from aegis.lineage.audit import audit
from aegis.lineage.facets import FACET_KEY
from aegis.lineage.nodes import relation_nodes
from aegis.lineage.validate import event_errors
from aegis.paths import project_root

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
IDENTIFYING = ("family_name", "given_name", "ssn", "mrn", "phone", "email", "street_address")


@pytest.fixture(scope="module")
def project_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("project-lineage")
    # AEGIS_LANDING_DIR too: dbt's var aegis_landing_root does not follow AEGIS_DATA_DIR.
    env = {
        **os.environ,
        "AEGIS_DATA_DIR": str(folder / "data"),
        "AEGIS_DUCKDB_PATH": str(folder / "aegis.duckdb"),
        "AEGIS_LANDING_DIR": str(folder / "data" / "landing"),
        "DBT_TARGET_PATH": str(folder / "target"),
        "DBT_LOG_PATH": str(folder / "logs"),
        "DBT_PROFILES_DIR": str(project_root()),
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    for command in (
        ["synth", "--patients", "60", "--seed", "11"],
        ["ingest", "land", "--force"],
        ["lineage", "run", "build"],
    ):
        result = subprocess.run(
            [str(BIN / "aegis"), *command],
            cwd=project_root(),
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        summary = [
            line
            for line in (result.stdout + result.stderr).splitlines()
            if " ERROR " in line or " FAIL " in line or "Error" in line or "Done." in line
        ]
        assert result.returncode == 0, f"aegis {command[0]} failed:\n" + "\n".join(summary[-30:])
    [events_file] = sorted((folder / "data" / "openlineage").glob("*.jsonl"))
    return {
        "events": [json.loads(line) for line in events_file.read_text().splitlines()],
        "manifest": json.loads((folder / "target" / "manifest.json").read_text()),
        "warehouse": folder / "aegis.duckdb",
    }


def test_every_model_and_snapshot_completes_and_validates(project_build: dict[str, Any]) -> None:
    events, manifest = project_build["events"], project_build["manifest"]
    completed = {e["job"]["name"] for e in events if e["eventType"] == "COMPLETE"}
    for node in relation_nodes(manifest, {"model", "snapshot", "seed"}):
        if node.materialized == "ephemeral":
            continue
        suffix = {"model": ".build.run", "snapshot": ".build.snapshot", "seed": ".build.seed"}[
            node.resource_type
        ]
        assert any(j.endswith(f".{node.name}{suffix}") for j in completed), node.unique_id
    assert [p for e in events for p in event_errors(e)] == []


def test_marts_carry_column_lineage_and_every_classified_column_its_tag(
    project_build: dict[str, Any],
) -> None:
    events, manifest = project_build["events"], project_build["manifest"]
    outputs = {o["name"]: o for e in events if e["eventType"] == "COMPLETE" for o in e.get("outputs", [])}
    nodes = [n for n in relation_nodes(manifest, {"model"}) if n.materialized != "ephemeral"]
    report = audit(manifest)
    for node in nodes:
        [output] = [o for name, o in outputs.items() if name.endswith(f".{node.schema}.{node.identifier}")]
        tags = {(t["field"], t["value"]) for t in output["facets"]["tags"]["tags"]}
        assert tags == {(name, c.phi) for name, c in node.columns.items() if c.phi}, node.name
        assert output["facets"][FACET_KEY]["dbtUniqueId"] == node.unique_id
        if node.layer in ("marts", "deidentified"):
            fields = output["facets"]["columnLineage"]["fields"]
            # every column with an upstream column (not counts, literals or vars) has its lineage in the event
            derived = {c.column for c in report.columns if c.model == node.name and c.upstream}
            assert derived and derived <= set(fields), node.name


def test_no_identifying_value_in_any_event(project_build: dict[str, Any]) -> None:
    with duckdb.connect(str(project_build["warehouse"]), read_only=True) as connection:
        [schema] = connection.execute(
            "select table_schema from information_schema.tables where table_name = 'stg_fhir__patients'"
        ).fetchone() or [None]
        columns = {
            r[0]
            for r in connection.execute(
                "select column_name from information_schema.columns where table_name = 'stg_fhir__patients'"
            ).fetchall()
        }
        wanted = [c for c in IDENTIFYING if c in columns]
        rows = connection.execute(f'select {", ".join(wanted)} from "{schema}".stg_fhir__patients').fetchall()
    values = {str(v) for row in rows for v in row if v is not None and len(str(v)) >= 4}
    assert len(values) > 50
    text = "\n".join(json.dumps(e) for e in project_build["events"])
    assert sorted(v for v in values if v in text) == []


def test_the_project_audits_clean(project_build: dict[str, Any]) -> None:
    report = audit(project_build["manifest"])
    assert report.models > 20
    assert [f.text() for f in report.findings] == []
