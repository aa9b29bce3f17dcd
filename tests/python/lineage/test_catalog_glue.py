"""`aegis catalog export-glue` against a moto Glue server on 127.0.0.1, with the real project's manifest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer

from aegis.catalog.glue import export, exported_nodes, glue_type
from aegis.governance.classification import GovernanceSettings
from aegis.paths import project_root

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def glue(moto_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client("glue", endpoint_url=moto_endpoint, region_name="us-east-1")
    for database in client.get_databases()["DatabaseList"]:  # every test starts from an empty catalog
        client.delete_database(Name=database["Name"])
    return client


@pytest.fixture(scope="module")
def parsed_target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("glue-parse")
    env = {
        **os.environ,
        "DBT_TARGET_PATH": str(folder / "target"),
        "DBT_LOG_PATH": str(folder / "logs"),
        "DBT_PROFILES_DIR": str(project_root()),
        "AEGIS_DUCKDB_PATH": str(folder / "aegis.duckdb"),
    }
    dbt = str(Path(sys.executable).parent / "dbt")
    result = subprocess.run(
        [dbt, "parse", "--no-partial-parse"],
        cwd=project_root(),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    return folder / "target"


@pytest.fixture(scope="module")
def project_manifest(parsed_target: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((parsed_target / "manifest.json").read_text())
    return data


def all_tables(client: Any) -> dict[str, dict[str, Any]]:
    tables = {}
    for database in client.get_databases()["DatabaseList"]:
        for table in client.get_tables(DatabaseName=database["Name"])["TableList"]:
            tables[f"{database['Name']}.{table['Name']}"] = table
    return tables


def test_every_staging_and_mart_model_is_registered_with_its_classification(
    glue: Any, project_manifest: dict[str, Any]
) -> None:
    settings = GovernanceSettings.load()
    nodes = exported_nodes(project_manifest)
    assert {n.layer for n in nodes} >= {"staging", "marts"}
    result = export(project_manifest, glue, settings)
    tables = all_tables(glue)
    assert len(result.created) == len(nodes) == len(tables)
    assert {d["Name"] for d in glue.get_databases()["DatabaseList"]} == {n.schema.lower() for n in nodes}
    for node in nodes:
        table = tables[f"{node.schema.lower()}.{node.identifier.lower()}"]
        columns = {c["Name"]: c for c in table["StorageDescriptor"]["Columns"]}
        assert list(columns) == list(node.columns)
        categories = set()
        for name, column in node.columns.items():
            assert columns[name]["Parameters"]["aegis.phi"] == column.phi
            strategies = json.loads(columns[name]["Parameters"]["aegis.phi_strategies"])
            assert set(strategies) == set(settings.tiers)
            assert columns[name].get("Comment", "") == column.description[:255]
            if column.phi not in ("none", "quasi"):
                categories.add(column.phi)
        assert table["Owner"] == table["Parameters"]["aegis.owner"]
        assert table["Parameters"]["aegis.dbt_unique_id"] == node.unique_id
        declared = {c for c in table["Parameters"]["aegis.phi_categories"].split(",") if c}
        assert declared - {"quasi"} == categories


def test_export_is_idempotent_and_updates_in_place(glue: Any, project_manifest: dict[str, Any]) -> None:
    settings = GovernanceSettings.load()
    first = export(project_manifest, glue, settings)
    second = export(project_manifest, glue, settings)
    assert second.created == [] and second.updated == [] and second.databases_created == []
    assert len(second.unchanged) == len(first.created)

    node = exported_nodes(project_manifest)[0]
    raw = project_manifest["nodes"][node.unique_id]
    changed = {
        **project_manifest,
        "nodes": {**project_manifest["nodes"], node.unique_id: {**raw, "description": "a new description"}},
    }
    third = export(changed, glue, settings)
    assert third.updated == [f"{node.schema.lower()}.{node.identifier.lower()}"] and third.created == []
    assert len(all_tables(glue)) == len(first.created)
    table = glue.get_table(DatabaseName=node.schema.lower(), Name=node.identifier.lower())["Table"]
    assert table["Description"] == "a new description"


@pytest.mark.parametrize(
    ("warehouse", "hive"),
    [
        ("varchar", "string"),
        ("TEXT", "string"),
        ("integer", "int"),
        ("bigint", "bigint"),
        ("numeric(18,2)", "decimal(18,2)"),
        ("decimal", "decimal(38,9)"),
        ("date", "date"),
        ("timestamp with time zone", "timestamp"),
        ("boolean", "boolean"),
        ("double precision", "double"),
        ("json", "string"),
    ],
)
def test_glue_types(warehouse: str, hive: str) -> None:
    assert glue_type(warehouse) == hive


def test_cli_exports_the_parsed_project(
    glue: Any, moto_endpoint: str, parsed_target: Path, project_manifest: dict[str, Any]
) -> None:
    env = {
        **os.environ,
        "DBT_TARGET_PATH": str(parsed_target),
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    command = [
        str(Path(sys.executable).parent / "aegis"),
        "catalog",
        "export-glue",
        "--endpoint-url",
        moto_endpoint,
    ]
    first = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    again = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    count = len(exported_nodes(project_manifest))
    assert first.returncode == 0 and f"glue: {count} created, 0 updated" in first.stdout, first.stderr[-2000:]
    assert again.returncode == 0 and f"0 created, 0 updated, {count} unchanged" in again.stdout
