"""The adversarial outcomes of test_adversarial_postgres on DuckDB tier views (a development aid: DuckDB
has no users, so only the views are tested, not access to the file).

The models that carry Part 2 rows and the aggregate over them are built on the same 80-patient
population with Part 2 records; each lower tier's views must hold no Part 2 row, and mart_pmpm must
count only the claim lines the tier's view of fct_claim_lines shows.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb
import pytest

from aegis.artifacts import load_manifest
from aegis.governance.classification import GovernanceSettings, classified_nodes, compile_plan
from aegis.governance.dbt_cli import run_dbt
from aegis.governance.sample_project import isolated_dbt_env
from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import land_events
from aegis.synth import SynthOptions, generate

pytestmark = pytest.mark.slow

PATIENTS, SEED = 80, 2  # as test_adversarial_postgres: a population with Part 2 records
LOWER_TIERS = ("phi_limited", "deidentified", "aggregate")
FLAG = "is_part2_sensitive"
SELECT = "+fct_conditions +fct_encounters +fct_claim_lines +mart_pmpm +mart_chronic_condition_prevalence +mart_readmissions_30d +stg_fhir__medication_requests"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[duckdb.DuckDBPyConnection, list[dict[str, Any]]]:
    root = tmp_path_factory.mktemp("adversarial_duckdb")
    summary = generate(SynthOptions(patients=PATIENTS, seed=SEED), root / "synth", progress=False)
    landing = root / "landing"
    land_events(summary.events_path, LocalStore(landing), LocalStore(root / "quarantine"), progress=False)
    env = isolated_dbt_env(root, AEGIS_LANDING_DIR=str(landing))
    result = run_dbt(
        ["build", "--select", *SELECT.split(), "--exclude-resource-type", "test", "unit_test"], env=env
    )
    assert result.ok, result.output[-4000:]
    results = json.loads((root / "target" / "run_results.json").read_text())["results"]
    built_names = {r["unique_id"].split(".")[-1] for r in results if r["unique_id"].startswith("model.")}
    plan = compile_plan(
        classified_nodes(load_manifest(root / "target" / "manifest.json")), GovernanceSettings.load()
    )
    con = duckdb.connect(str(root / "aegis.duckdb"), read_only=True)
    return con, [entry for entry in plan if entry["name"] in built_names]


def relation(schema: str, name: str) -> str:
    return f'"{schema}"."{name}"'


def existing_views(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    return {(s, n) for s, n in con.execute("select schema_name, view_name from duckdb_views()").fetchall()}


@pytest.mark.parametrize("tier", LOWER_TIERS)
def test_tier_views_hold_no_part2_row(
    built: tuple[duckdb.DuckDBPyConnection, list[dict[str, Any]]], tier: str
) -> None:
    con, plan = built
    views = existing_views(con)
    sensitive_total = 0
    checked = 0
    for entry in (e for e in plan if e["row_filter"]):
        base = relation(entry["schema"], entry["identifier"])
        sensitive, total = con.execute(
            f"select count(*) filter (where {FLAG}), count(*) from {base}"
        ).fetchone() or (0, 0)
        sensitive_total += sensitive
        key = (f"{entry['schema']}_tier_{tier}", entry["identifier"])
        if key not in views:
            continue
        (seen,) = con.execute(f"select count(*) from {relation(*key)}").fetchone() or (None,)
        assert seen == total - sensitive, (
            f"{entry['name']} as {tier}: {seen} rows, {total - sensitive} without Part 2"
        )
        checked += 1
    assert sensitive_total > 0, "no Part 2 row built: the test would look at nothing"
    assert checked >= 1


def test_pmpm_counts_only_lines_the_tier_sees(
    built: tuple[duckdb.DuckDBPyConnection, list[dict[str, Any]]],
) -> None:
    con, plan = built
    pmpm = next(e for e in plan if e["name"] == "mart_pmpm")
    lines = next(e for e in plan if e["name"] == "fct_claim_lines")
    assert con.execute(
        f"select count(*) from {relation(lines['schema'], lines['identifier'])} where {FLAG}"
    ).fetchone() != (0,)
    published = con.execute(
        "select payer_name, service_category, month_start_date, claim_line_count"
        f" from {relation(pmpm['schema'] + '_tier_aggregate', pmpm['identifier'])} where claim_line_count is not null"
    ).fetchall()
    assert published
    assert all(count == 0 or count > 10 for *_, count in published)
    visible = {
        (payer, category, month): count
        for payer, category, month, count in con.execute(
            "select payer_name, service_category, date_trunc('month', service_date)::date, count(*)"
            f" from {relation(lines['schema'] + '_tier_phi_limited', lines['identifier'])}"
            " where claim_status = 'active' and claim_outcome in ('complete', 'partial') group by all"
        ).fetchall()
    }
    for payer, category, month, count in published:
        assert visible.get((payer, category, month), 0) == count
