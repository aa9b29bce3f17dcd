"""Governance benchmark (figures, not tests): `python -m aegis.governance.bench`.

- plan cost: rendering the whole governance plan (`aegis_governance_plan` for Snowflake, after a
  parse that leaves the partial-parse cache warm) as a ratio of a full `dbt parse` of the same
  project, for this project and for a generated one of 500 models x 30 columns;
- masked-view overhead on DuckDB: the same aggregate query over a tier view and over its base
  relation, as a ratio (needs a built warehouse: `make demo` first);
- masked reads (MASKED_READS: point lookup, month aggregate, fact-dimension join) on that DuckDB
  warehouse and, with `--postgres-landing`, on embedded PostgreSQL: phi_limited tier against base, and
  the base with the tier's 42 CFR Part 2 row filter applied by hand.
Ratios travel between machines; seconds do not.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from aegis.governance.dbt_cli import run_dbt
from aegis.governance.sample_project import isolated_dbt_env, write_sample_project
from aegis.paths import Paths, project_root


def _seconds(args: list[str], project: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = run_dbt(args, project_dir=project, env=env)
    if not result.ok:
        raise SystemExit(f"dbt {' '.join(args)} failed:\n{result.output[-2000:]}")
    return time.perf_counter() - started


def plan_ratio(project: Path, work: Path) -> dict[str, float]:
    """Full parse seconds, plan seconds (warm parse cache) and their ratio."""
    env = isolated_dbt_env(work)
    parse = _seconds(["parse", "--no-partial-parse"], project, env)
    noop = _seconds(["run-operation", "aegis_commit"], project, env)
    plan = _seconds(
        ["-q", "run-operation", "aegis_governance_plan", "--args", "{engine: snowflake}"], project, env
    )
    return {
        "parse_s": round(parse, 2),
        "plan_s": round(plan, 2),
        "plan_minus_startup_s": round(plan - noop, 2),
        "plan_over_parse": round(plan / parse, 2),
    }


def view_overhead(duckdb_path: Path, repeats: int = 20) -> dict[str, Any]:
    """Same query over the phi_limited tier view and over the base table of dim_patient."""
    queries = {
        "base": "select count(*), count(distinct mrn), min(birth_date) from main_marts.dim_patient",
        "tier_view": "select count(*), count(distinct mrn), min(birth_date) from main_marts_tier_phi_limited.dim_patient",
    }
    timings: dict[str, float] = {}
    with duckdb.connect(str(duckdb_path), read_only=True) as con:
        for name, sql in queries.items():
            con.execute(sql).fetchall()  # warm
            started = time.perf_counter()
            for _ in range(repeats):
                con.execute(sql).fetchall()
            timings[name] = (time.perf_counter() - started) / repeats
    return {
        "base_ms": round(timings["base"] * 1000, 3),
        "view_ms": round(timings["tier_view"] * 1000, 3),
        "view_over_base": round(timings["tier_view"] / timings["base"], 2),
    }


# The three reads a masked-view cost matters for (issue 13): a point lookup by key, a month aggregate, a join
# of a fact to its dimension. `{s}` is the schema: the base marts schema or its phi_limited tier schema.
# The lookup's `{key}` is a key of that relation, found before timing (LOOKUP_KEY), so on the tier it is
# the pseudonym the tier shows: an analyst looks up a key they hold, not one the query must search for.
# `{where}` is empty, except in a third sample of the base table that applies the tier's 42 CFR Part 2 row
# filter by hand: what the filter costs, apart from the view.
LOOKUP_KEY = "select max(patient_id) from {s}.dim_patient"
PART2_FILTER = " where fct_encounters.is_part2_sensitive = false"
MASKED_READS = {
    "point_lookup": "select * from {s}.dim_patient where patient_id = '{key}'",
    "month_aggregate": (
        "select date_trunc('month', encounter_start_date) as month, encounter_class, count(*) as encounters"
        " from {s}.fct_encounters{where} group by 1, 2"
    ),
    "fact_dim_join": (
        "select dim_patient.gender, count(*) as encounters, count(distinct dim_patient.patient_id) as patients"
        " from {s}.fct_encounters inner join {s}.dim_patient"
        " on fct_encounters.patient_id = dim_patient.patient_id{where} group by 1"
    ),
}


def masked_reads(
    run: Callable[[str], Any], base_schema: str, tier_schema: str, repeats: int = 5
) -> dict[str, dict[str, float]]:
    """Median seconds of each of MASKED_READS over the base schema and the tier schema, and their ratio.
    `run` executes one query and returns its rows (any engine's connection). Base and tier samples
    alternate, so that load from other processes weighs on both alike (the ratio is the figure)."""
    schemas = {"base": base_schema, "tier": tier_schema}
    keys = {
        label: str(run(LOOKUP_KEY.format(s=schema))[0][0]).replace("'", "''")
        for label, schema in schemas.items()
    }
    figures: dict[str, dict[str, float]] = {}
    for name, template in MASKED_READS.items():
        queries = {
            label: template.format(s=schema, key=keys[label], where="") for label, schema in schemas.items()
        }
        if "{where}" in template:
            queries["base_part2_filtered"] = template.format(s=base_schema, where=PART2_FILTER)
        samples: dict[str, list[float]] = {label: [] for label in queries}
        for sql in queries.values():
            run(sql)  # warm
        for _ in range(repeats):
            for label, sql in queries.items():
                started = time.perf_counter()
                run(sql)
                samples[label].append(time.perf_counter() - started)
        medians = {label: statistics.median(values) for label, values in samples.items()}
        figures[name] = {
            "base_ms": round(medians["base"] * 1000, 3),
            "tier_ms": round(medians["tier"] * 1000, 3),
            "tier_over_base": round(medians["tier"] / medians["base"], 2),
        }
        if "base_part2_filtered" in medians:
            filtered = medians["base_part2_filtered"]
            figures[name]["base_part2_filtered_ms"] = round(filtered * 1000, 3)
            figures[name]["part2_filtered_over_base"] = round(filtered / medians["base"], 2)
            figures[name]["tier_over_part2_filtered"] = round(medians["tier"] / filtered, 2)
    return figures


def duckdb_masked_reads(duckdb_path: Path, repeats: int = 5) -> dict[str, dict[str, float]]:
    """MASKED_READS on a built DuckDB warehouse: main_marts against main_marts_tier_phi_limited."""
    with duckdb.connect(str(duckdb_path), read_only=True) as con:
        return masked_reads(
            lambda sql: con.execute(sql).fetchall(), "main_marts", "main_marts_tier_phi_limited", repeats
        )


def postgres_masked_reads(landing: Path, work: Path, repeats: int = 5) -> dict[str, dict[str, float]]:
    """MASKED_READS on embedded PostgreSQL: the landing loaded into raw tables, the two marts the reads use
    built with governance (tier views, pseudonym function), then aegis_marts against its phi_limited tier."""
    from aegis.engines.postgres import running_postgres
    from aegis.engines.raw_load import PostgresRawTarget, load_landing

    with running_postgres(work / "postgres") as server:
        connection = server.connect()
        connection.autocommit = False
        try:
            load_landing(landing, PostgresRawTarget(connection))
        finally:
            connection.close()
        env = {**isolated_dbt_env(work / "dbt", AEGIS_LANDING_DIR=str(landing)), **server.dbt_env()}
        # every seed: staging reads reference seeds its refs do not all name (the row-sensitivity rule)
        selection = ["-s", "+dim_patient", "+fct_encounters", "resource_type:seed"]
        no_tests = ["--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"]
        _seconds(["build", "--target", "postgres", *selection, *no_tests], project_root(), env)
        connection = server.connect()
        try:
            with connection.cursor() as cursor:
                # the steady state autovacuum reaches (statistics and the visibility map that index-only
                # scans need), not wherever it got to when timing starts: both the base and the tier read it
                cursor.execute("vacuum analyze")

                def run(sql: str) -> object:
                    cursor.execute(sql)
                    return cursor.fetchall()

                return masked_reads(run, "aegis_marts", "aegis_marts_tier_phi_limited", repeats)
        finally:
            connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", type=int, default=500)
    parser.add_argument("--columns", type=int, default=30)
    parser.add_argument(
        "--postgres-landing",
        type=Path,
        help="a landed population: also measure the masked reads on embedded PostgreSQL (loads and builds it)",
    )
    args = parser.parse_args()
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="aegis-governance-bench-") as tmp:
        work = Path(tmp)
        figures["project"] = plan_ratio(project_root(), work / "project")
        generated = write_sample_project(
            work / "generated", wide_models=args.models, wide_columns=args.columns
        )
        figures[f"generated_{args.models}x{args.columns}"] = plan_ratio(generated, work / "generated_run")
        if args.postgres_landing:
            figures["postgres_masked_reads"] = postgres_masked_reads(args.postgres_landing, work / "postgres")
    warehouse = Paths.from_env().duckdb_path
    if warehouse.exists():
        figures["duckdb_masked_view"] = view_overhead(warehouse)
        figures["duckdb_masked_reads"] = duckdb_masked_reads(warehouse)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
