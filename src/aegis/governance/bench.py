"""Governance benchmark (figures, not tests): `python -m aegis.governance.bench`.

- plan cost: rendering the whole governance plan (`aegis_governance_plan` for Snowflake, after a
  parse that leaves the partial-parse cache warm) as a ratio of a full `dbt parse` of the same
  project, for this project and for a generated one of 500 models x 30 columns;
- masked-view overhead on DuckDB: the same aggregate query over a tier view and over its base
  relation, as a ratio (needs a built warehouse: `make demo` first).
Ratios travel between machines; seconds do not.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", type=int, default=500)
    parser.add_argument("--columns", type=int, default=30)
    args = parser.parse_args()
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="aegis-governance-bench-") as tmp:
        work = Path(tmp)
        figures["project"] = plan_ratio(project_root(), work / "project")
        generated = write_sample_project(
            work / "generated", wide_models=args.models, wide_columns=args.columns
        )
        figures[f"generated_{args.models}x{args.columns}"] = plan_ratio(generated, work / "generated_run")
    warehouse = Paths.from_env().duckdb_path
    if warehouse.exists():
        figures["duckdb_masked_view"] = view_overhead(warehouse)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
