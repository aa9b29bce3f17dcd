"""Slim CI as the pull-request workflow runs it (docs/ci.md): main's manifest is the state, one model is
changed, and `dbt build -s state:modified+ --defer --state <main>` runs that model and its children
only, on a warehouse main built. Uses the small sample project (the mechanism, hooks and governance
post-hooks are the same as the full project's)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from aegis.governance.dbt_cli import run_dbt
from aegis.governance.sample_project import isolated_dbt_env, write_sample_project

pytestmark = pytest.mark.slow


def executed(target: Path) -> dict[str, str]:
    results = json.loads((target / "run_results.json").read_text())["results"]
    return {r["unique_id"]: r["status"] for r in results}


def test_a_pull_request_builds_only_the_modified_model_and_its_children(tmp_path: Path) -> None:
    project = write_sample_project(tmp_path / "project")
    env = isolated_dbt_env(tmp_path)
    main = run_dbt(["build"], project_dir=project, env=env)
    assert main.ok, main.output[-3000:]
    state = tmp_path / "main-state"
    state.mkdir()
    shutil.copy(tmp_path / "target" / "manifest.json", state / "manifest.json")
    built_on_main = executed(tmp_path / "target")
    assert "model.aegis.stg_demo__patients" in built_on_main

    # The pull request changes one model (its SQL: dbt compares checksums).
    encounters = project / "models" / "marts" / "demo" / "fct_demo_encounters.sql"
    encounters.write_text(encounters.read_text() + "\n-- changed in the pull request\n")

    pr_target = tmp_path / "target-pr"
    pr = run_dbt(
        ["build", "-s", "state:modified+", "--defer", "--state", str(state), "--warn-error"],
        project_dir=project,
        env={**env, "DBT_TARGET_PATH": str(pr_target)},
    )
    assert pr.ok, pr.output[-3000:]
    ran = executed(pr_target)
    models = {uid for uid in ran if uid.startswith("model.")}
    assert models == {"model.aegis.fct_demo_encounters", "model.aegis.mart_demo_encounter_counts"}
    assert all(status in ("success", "pass") for status in ran.values()), ran
    # Nothing of the unchanged parent ran: the children read main's relation of it (deferred).
    assert not any("stg_demo__patients" in uid for uid in ran)
