"""The Jinja reader (macros/governance) and the Python reader (aegis.governance.classification) agree.

Both read the same YAML and the same dbt_project.yml vars; the macro prints its reading as JSON
(`dbt run-operation aegis_print_classification`), Python reads target/manifest.json written by the
same invocation. Any difference (a column, a category, a strategy, a tier rule) fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from aegis.artifacts import load_manifest
from aegis.governance.classification import GovernanceSettings, classified_nodes, compile_plan
from aegis.governance.dbt_cli import run_operation_json
from aegis.governance.sample_project import isolated_dbt_env, write_sample_project
from aegis.paths import project_root

pytestmark = pytest.mark.slow


def _readings(project: Path, work: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    env = isolated_dbt_env(work)
    jinja = run_operation_json("aegis_print_classification", project_dir=project, env=env)
    manifest = load_manifest(work / "target" / "manifest.json")
    nodes = classified_nodes(manifest)
    python = {"nodes": nodes, "plan": compile_plan(nodes, GovernanceSettings.load(project))}
    return jinja, python


def _assert_same(jinja: dict[str, Any], python: dict[str, Any]) -> None:
    assert [n["unique_id"] for n in jinja["nodes"]] == [n["unique_id"] for n in python["nodes"]]
    for left, right in zip(jinja["nodes"], python["nodes"], strict=True):
        assert left == right, left["unique_id"]
    assert len(jinja["plan"]) == len(python["plan"])
    for left, right in zip(jinja["plan"], python["plan"], strict=True):
        assert left == right, left["unique_id"]


def test_sample_project_readings_agree(tmp_path: Path) -> None:
    project = write_sample_project(tmp_path / "project")
    jinja, python = _readings(project, tmp_path)
    _assert_same(jinja, python)
    # the sample exercises what the comparison must cover: overrides, row filters, aggregate tier
    plan = {entry["name"]: entry for entry in python["plan"]}
    email = next(c for c in plan["stg_demo__patients"]["columns"] if c["name"] == "email")
    assert email["strategies"]["phi_limited"] == "last4"
    assert plan["fct_demo_encounters"]["row_filter"]["allowed_tiers"] == ["phi_full"]
    aggregate = {t["tier"]: t for t in plan["fct_demo_encounters"]["tiers"]}["aggregate"]
    assert aggregate["can_read"] is False


def test_whole_project_readings_agree(tmp_path: Path) -> None:
    jinja, python = _readings(project_root(), tmp_path)
    _assert_same(jinja, python)
