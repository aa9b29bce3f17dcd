"""The Airflow DAG run for real (Airflow 3 `dag.test()`, cosmos, dbt on DuckDB), fresh and with a stale source.

One workspace for the module: 200 synthetic patients landed, a plain `dbt build` of the whole project (the
tier views `governance verify` compares against), then the `aegis_daily` DAG limited to the patient and
encounter branches (AEGIS_AIRFLOW_SELECT: one task per model costs a dbt start, so the test runs a few;
`make bench` runs the whole DAG). Needs .venv-airflow (`make airflow-venv`; `make test` creates it).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest

from aegis.orchestration import Workspace, age_deliveries

pytestmark = pytest.mark.slow

SELECT = "+dim_patient +stg_fhir__encounters"
ENCOUNTER_BRANCH = ("stg_fhir__encounters_model_build",)
PATIENT_BRANCH = ("stg_fhir__patients_model_build", "dim_patient_model_build")


@pytest.fixture(scope="module")
def workspace() -> Iterator[Workspace]:
    # Outside pytest's basetemp: a concurrent session may reset it (see conftest.session_dir).
    space = Workspace(Path(tempfile.mkdtemp(prefix="aegis-airflow-")))
    space.prepare(patients=200)
    space.dbt_build()
    try:
        yield space
    finally:
        shutil.rmtree(space.root, ignore_errors=True)


def expected(states: dict[str, str], skipped: tuple[str, ...] = ()) -> dict[str, str]:
    """Every task succeeds (observe record/report included), but the models of a stale source are skipped."""
    return {task: "skipped" if skipped and task.endswith(skipped) else "success" for task in states}


def mismatches(states: dict[str, str], wanted: dict[str, str]) -> dict[str, str]:
    """task -> 'got X, want Y' for every task whose state is not the expected one."""
    return {t: f"got {s}, want {wanted[t]}" for t, s in states.items() if s != wanted[t]}


def run(space: Workspace) -> dict[str, Any]:
    result = space.run_dag("aegis_daily", AEGIS_AIRFLOW_SELECT=SELECT, AEGIS_AIRFLOW_RETRIES="0")
    assert "task_states" in result, result
    return result


def tier_views(space: Workspace, model: str) -> set[str]:
    with duckdb.connect(str(space.duckdb), read_only=True) as connection:
        rows = connection.execute(
            "select schema_name from duckdb_views() where view_name = ? and schema_name like '%_tier_%'",
            [model],
        ).fetchall()
    return {str(r[0]) for r in rows}


def test_fresh_sources_every_task_succeeds(workspace: Workspace) -> None:
    result = run(workspace)
    states = result["task_states"]
    # The rendering: a freshness gate per source the selection reads, one task per model (dbt build).
    assert {t for t in states if "freshness_gate_" in t} == {
        "dbt_build.freshness_gate_fhir_patient",
        "dbt_build.freshness_gate_fhir_encounter",
    }
    assert {f"dbt_build.{m}" for m in (*PATIENT_BRANCH, *ENCOUNTER_BRANCH)} <= set(states)
    assert mismatches(states, expected(states)) == {}, result.get("state")
    assert workspace.alerts_of("source_stale") == []
    # Governance was applied by the per-model builds and verified by the DAG (verify exits 1 on drift).
    assert {"main_marts_tier_phi_limited", "main_marts_tier_deidentified"} <= tier_views(
        workspace, "dim_patient"
    )
    # Each model's build leaves its unit tests to CI, as the documented daily command does.
    assert result["dbt_cmd_flags"] and all(
        flags == ["--exclude-resource-type", "unit_test"] for flags in result["dbt_cmd_flags"].values()
    ), result["dbt_cmd_flags"]
    # The module's first run has no previous successful run: its tests read whole tables.
    assert result["dbt_env"] and [
        env["AEGIS_TESTS_RECEIVED_SINCE"] for env in result["dbt_env"].values()
    ] == [""] * len(result["dbt_env"]), result["dbt_env"]


def test_stale_source_skips_its_models_with_one_alert(workspace: Workspace) -> None:
    aged = age_deliveries(workspace.landing, "Encounter", datetime.now(UTC) - timedelta(days=2))
    assert aged > 0
    before = len(workspace.alerts_of("source_stale"))
    result = run(workspace)
    states = result["task_states"]
    # The gate itself succeeds (it decided); the models that read Encounter are skipped, not failed.
    assert mismatches(states, expected(states, skipped=ENCOUNTER_BRANCH)) == {}, result.get("state")
    stale = workspace.alerts_of("source_stale")[before:]
    assert len(stale) == 1, stale
    assert stale[0]["sources"] == ["source.aegis.fhir.encounter:error"]
    # PHI-free: identifiers of the pipeline only.
    assert set(stale[0]) == {"at", "kind", "dag_id", "run_id", "sources"}
    assert result["state"] == "success"
    # The previous run succeeded: the daily tests read what landed since it started (docs/incremental.md).
    bounds = {env["AEGIS_TESTS_RECEIVED_SINCE"] for env in result["dbt_env"].values()}
    assert len(bounds) == 1, result["dbt_env"]
    since = datetime.strptime(bounds.pop(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    assert datetime.now(UTC) - timedelta(hours=1) < since < datetime.now(UTC)


RESEARCH_RELEASE = {
    "int_records_assigned_research_ids",
    "int_patients_assigned_fact_release_levels",
    "dim_patient_deidentified",
    "fct_encounters_deidentified",
    "fct_conditions_deidentified",
}


def built_models(task_ids: list[str]) -> set[str]:
    return {
        t.removeprefix("dbt_build.").removesuffix("_model_build")
        for t in task_ids
        if t.endswith("_model_build")
    }


def test_research_release_is_its_own_dag(workspace: Workspace) -> None:
    """The runs that follow the data never republish the research release; its own DAG builds it alone
    (docs/governance.md, "The research release"). Parsed from the module's manifest, nothing run."""
    releases = workspace.run_dag("aegis_research_release", parse_only=True)
    assert "aegis_research_release" in releases["dags"], releases
    assert built_models(releases["task_ids"]) == RESEARCH_RELEASE
    # No landing, no freshness gate: it publishes what the warehouse holds.
    assert not [t for t in releases["task_ids"] if "land" in t or "freshness" in t], releases["task_ids"]
    for dag_id in ("aegis_daily", "aegis_intraday"):
        models = built_models(workspace.run_dag(dag_id, parse_only=True)["task_ids"])
        assert {"dim_patient", "fct_encounters", "stg_fhir__patients"} <= models
        assert models.isdisjoint(RESEARCH_RELEASE), (dag_id, models & RESEARCH_RELEASE)
