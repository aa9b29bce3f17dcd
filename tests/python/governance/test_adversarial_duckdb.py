"""The adversarial outcomes of test_adversarial_postgres on DuckDB tier views (a development aid: DuckDB
has no users, so only the views are tested, not access to the file).

The models that carry Part 2 rows and the aggregate over them are built on the same 80-patient
population with Part 2 records; each lower tier's views must hold no Part 2 row, and mart_pmpm must
count only the claim lines the tier's view of fct_claim_lines shows.
"""

from __future__ import annotations

import hashlib
import json
import re
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
SELECT = "+dim_patient +fct_conditions +fct_encounters +fct_claim_lines +mart_pmpm +mart_chronic_condition_prevalence +mart_readmissions_30d +stg_fhir__medication_requests"


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


# ---- pseudonyms computed at build time (keyed_pseudonym columns, aegis_pseudonym) ----


def stored_pseudonyms(plan: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(entry, identifier column) for every identifier whose pseudonym the model stores."""
    return [(e, c) for e in plan for c in e["columns"] if c.get("pseudonym_column")]


@pytest.mark.parametrize("tier", LOWER_TIERS)
def test_tier_views_never_expose_stored_pseudonyms(
    built: tuple[duckdb.DuckDBPyConnection, list[dict[str, Any]]], tier: str
) -> None:
    """A stored pseudonym is never a column of a lower tier's view under its own name; the Safe Harbor
    and aggregate views hold neither it nor its identifier; the phi_limited view reads it instead of
    the key file; no macro in the database computes or reads one."""
    con, plan = built
    stored = stored_pseudonyms(plan)
    assert {e["name"] for e, _ in stored} >= {"dim_patient", "fct_encounters"}
    views = {
        (s, n): sql
        for s, n, sql in con.execute("select schema_name, view_name, sql from duckdb_views()").fetchall()
    }
    checked = 0
    for entry, column in stored:
        base = relation(entry["schema"], entry["identifier"])
        assert con.execute(f'select count("{column["pseudonym_column"]}") from {base}').fetchone() != (0,)
        key = (f"{entry['schema']}_tier_{tier}", entry["identifier"])
        if key not in views:
            continue
        names = {n for (n,) in con.execute(f"select column_name from (describe {relation(*key)})").fetchall()}
        assert column["pseudonym_column"] not in names, f"{tier} view of {entry['name']}"
        assert (column["name"] in names) == (tier == "phi_limited"), f"{tier} view of {entry['name']}"
        assert "pseudonym-key" not in views[key], f"{tier} view of {entry['name']} reads the key file"
        checked += 1
    assert checked >= 1 or tier == "aggregate"
    macros = con.execute(
        "select function_name from duckdb_functions() where function_type like '%macro%'"
        " and (macro_definition ilike '%pseudonym%' or macro_definition ilike '%read_csv%')"
    ).fetchall()
    assert macros == []


def test_phi_limited_cannot_recover_identifiers_through_pseudonyms(
    built: tuple[duckdb.DuckDBPyConnection, list[dict[str, Any]]],
) -> None:
    """What phi_limited reads as an identifier is the keyed HMAC of the real value (the warehouse key,
    from the file its per-row views name), for exactly the rows it may see, and never a real value."""
    con, plan = built
    key_files = {
        path
        for (sql,) in con.execute(
            "select sql from duckdb_views() where sql like '%pseudonym-key%'"
        ).fetchall()
        for path in re.findall(r"read_csv\('([^']+)'", sql)
    }
    assert len(key_files) == 1, "the per-row views name one key file"
    columns = "{'inner_pad': 'varchar', 'outer_pad': 'varchar'}"
    ((inner_hex, outer_hex),) = (
        duckdb.connect()
        .execute(f"select * from read_csv('{key_files.pop()}', header = true, columns = {columns})")
        .fetchall()
    )
    inner, outer = bytes.fromhex(inner_hex), bytes.fromhex(outer_hex)
    checked = 0
    for entry, column in stored_pseudonyms(plan):
        hidden = f" where not {entry['row_filter']['column']}" if entry["row_filter"] else ""
        base = relation(entry["schema"], entry["identifier"])
        real = {
            v
            for (v,) in con.execute(f'select "{column["name"]}" from {base}{hidden}').fetchall()
            if v is not None
        }
        view = relation(f"{entry['schema']}_tier_phi_limited", entry["identifier"])
        seen = {
            v for (v,) in con.execute(f'select "{column["name"]}" from {view}').fetchall() if v is not None
        }
        assert real, f"{entry['name']}.{column['name']}: nothing to find"
        expected = {
            hashlib.sha256(outer + hashlib.sha256(inner + v.encode()).digest()).hexdigest()[:32] for v in real
        }
        assert seen == expected, f"{entry['name']}.{column['name']}"
        assert not seen & real
        checked += 1
    assert checked >= 5
