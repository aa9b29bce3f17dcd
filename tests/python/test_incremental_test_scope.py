"""Data tests of the incremental models read only recent rows on the daily run, whole tables otherwise
(docs/incremental.md, tests on incremental models): compiled with var aegis_tests_received_since, every test
attached to an incremental fact filters its model on received_at (a staging model's as a timestamp with
time zone), every test of a fhir source reads only the landing parts written since, and no other test is
bounded (a table-level count stays whole); compiled without it (make test, CI) or with aegis_full_tests
(the weekly run), no test is."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

INCREMENTAL_FACTS = {
    "fct_encounters",
    "fct_conditions",
    "fct_observations",
    "fct_procedures",
    "fct_medication_requests",
    "dim_patient",
    "dim_coverage",
    "int_claim_lines_normalised",
    "fct_claim_lines",
}
INCREMENTAL_STAGING = {"stg_fhir__coverages", "stg_fhir__patients"}
# The tests of two facts (dim_coverage's relationship to dim_patient: its parent side stays whole; and
# fct_claim_lines' relationship to dim_coverage, bounded on its own side), of the claim lines' intermediate
# (incremental too), of two staging models (stg_fhir__patients has a row count, which must read the whole table), of an
# aggregate mart (rebuilt whole) and of a source.
SELECTION = [
    "test_type:data,fct_encounters",
    "test_type:data,dim_coverage",
    "test_type:data,int_claim_lines_normalised",
    "test_type:data,mart_pmpm",
    "test_type:data,stg_fhir__coverages",
    "test_type:data,stg_fhir__patients",
    "test_type:data,source:fhir.coverage",
]
SINCE = "2026-01-01 00:00:00"
# The landed envelopes' bound on DuckDB (aegis_landed_since_tests_bound): partition and part name.
LANDING_WINDOW = "ingest_date >= cast("


def _bounded_on_received_at(sql: str) -> bool:
    """The facts' bound: received_at from the var (less the staging lookback), not the landing's."""
    return f"received_at >= (cast('{SINCE}' as timestamp)" in sql and LANDING_WINDOW not in sql


def _bounded_on_received_at_with_time_zone(sql: str) -> bool:
    """Staging's: the same instant, given as UTC to a timestamp with time zone."""
    return f"received_at >= (cast('{SINCE}+00:00' as timestamptz)" in sql and LANDING_WINDOW not in sql


def _compiled_tests(
    run_dbt: Any, target: Path, variables: Mapping[str, object], env: Mapping[str, str] | None = None
) -> dict[str, tuple[str, str]]:
    """unique_id -> (the model the test is attached to, or "source" for a test of a source, its compiled
    SQL)."""
    result = run_dbt("compile", "-s", *SELECTION, "--vars", json.dumps(variables), env=env)
    assert result.ok, result.output[-3000:]
    nodes = json.loads((target / "manifest.json").read_text())["nodes"]
    tests = {
        uid: (
            "source"
            if any(parent.startswith("source.") for parent in node["depends_on"]["nodes"])
            else str(node.get("attached_node") or "").removeprefix("model.aegis."),
            node["compiled_code"],
        )
        for uid, node in nodes.items()
        if node["resource_type"] == "test" and node.get("compiled_code")
    }
    assert tests, "no test compiled"
    return tests


def test_daily_run_tests_recent_rows_of_incremental_facts_only(run_dbt: Any, tmp_path: Path) -> None:
    target = tmp_path / "target"
    daily = _compiled_tests(run_dbt, target, {"aegis_tests_received_since": SINCE})
    windowed = {uid for uid, (_, sql) in daily.items() if _bounded_on_received_at(sql)}
    on_facts = {uid for uid, (attached, _) in daily.items() if attached in INCREMENTAL_FACTS}
    assert on_facts and len(on_facts) < len(daily)
    assert windowed == on_facts
    on_staging = {uid for uid, (attached, _) in daily.items() if attached in INCREMENTAL_STAGING}
    row_counts = {uid for uid in on_staging if ".row_count_between_" in uid}
    assert len(row_counts) == 1 and len(on_staging) > 10
    assert {
        uid for uid, (_, sql) in daily.items() if _bounded_on_received_at_with_time_zone(sql)
    } == on_staging - row_counts
    on_sources = {uid for uid, (attached, _) in daily.items() if attached == "source"}
    assert len(on_sources) >= 5
    assert {uid for uid, (_, sql) in daily.items() if LANDING_WINDOW in sql} == on_sources

    # The Airflow DAG sets the bound as an environment variable (a changed var re-parses the project).
    from_airflow = _compiled_tests(run_dbt, target, {}, env={"AEGIS_TESTS_RECEIVED_SINCE": SINCE})
    assert from_airflow == daily

    whole_table_runs: list[Mapping[str, object]] = [
        {},
        {"aegis_tests_received_since": SINCE, "aegis_full_tests": True},
        {"aegis_tests_received_since": ""},  # Airflow's first run: no previous start
    ]
    for variables in whole_table_runs:
        whole = _compiled_tests(run_dbt, target, variables)
        assert set(whole) == set(daily)
        assert [uid for uid, (_, sql) in whole.items() if SINCE in sql] == [], variables
