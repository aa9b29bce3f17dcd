"""The physical design (macros/physical_design) as Snowflake and Redshift build it: the DDL compiled for
each target, with no connection (`dbt compile --no-populate-cache` of analyses/physical_design_plan.sql),
equals the reviewed golden files and parses with sqlfluff. Redshift's clauses come from dbt-redshift's own
dist()/sort() macros. Refresh after a reviewed change with AEGIS_UPDATE_GOLDEN=1."""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pytest

from aegis.governance.dbt_cli import run_dbt
from aegis.governance.sample_project import isolated_dbt_env
from aegis.governance.sqlcheck import split_statements, unparsed_statements
from aegis.paths import project_root

pytestmark = pytest.mark.slow

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("AEGIS_UPDATE_GOLDEN") == "1"
TARGETS = {"snowflake": "fakesnow", "redshift": "redshift_parse"}
# The large facts: every engine that distributes or clusters must give each of them a design.
FACTS = ("fct_encounters", "fct_conditions", "fct_observations", "fct_claim_lines")


def compiled_plan(target: str, work: Path) -> str:
    env = isolated_dbt_env(work)
    result = run_dbt(
        ["-q", "compile", "--target", target, "--no-populate-cache", "-s", "physical_design_plan"],
        project_dir=project_root(),
        env=env,
    )
    assert result.ok, result.output[-3000:]
    compiled = Path(env["DBT_TARGET_PATH"]) / "compiled/aegis/analyses/physical_design_plan.sql"
    return compiled.read_text().strip() + "\n"


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Both targets compiled at once: each compile is a single-threaded parse, and make test has 2 cores."""
    work = tmp_path_factory.mktemp("physical_design")
    with ThreadPoolExecutor(max_workers=len(TARGETS)) as pool:
        futures = {
            engine: pool.submit(compiled_plan, target, work / engine) for engine, target in TARGETS.items()
        }
        return {engine: future.result() for engine, future in futures.items()}


@pytest.mark.parametrize("engine", sorted(TARGETS))
def test_physical_design_ddl_matches_golden_and_parses(engine: str, plans: dict[str, str]) -> None:
    rendered = plans[engine]
    golden = GOLDEN / f"{engine}.sql"
    if UPDATE or not golden.exists():
        golden.write_text(rendered)
    assert rendered == golden.read_text(), (
        f"{golden.name} differs (a model added or changed its physical design?): review, then "
        "AEGIS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/python/physical_design"
    )
    statements = split_statements(rendered)
    for fact in FACTS:  # an empty plan must not pass as a matching one
        assert any(f"{fact}__dbt_tmp" in s for s in statements), f"{fact} has no physical design on {engine}"
    if engine == "redshift":
        assert all("diststyle key distkey (patient_id)" in s for s in statements)
    else:
        assert sum("cluster by (" in s for s in statements) == len(statements) // 2
    assert unparsed_statements(engine, rendered) == []


def test_duckdb_writes_each_designed_model_in_its_declared_order(tmp_path: Path) -> None:
    """DuckDB has no design config: its order is the select's (aegis_physical_order). Every model that
    declares a design closes its select with `order by` its sensitive-row column, then its sort_by."""
    env = isolated_dbt_env(tmp_path)
    result = run_dbt(
        [
            "-q",
            "compile",
            "--no-populate-cache",
            "-s",
            "config.materialized:incremental",
            "config.materialized:table",
        ],
        project_dir=project_root(),
        env=env,
    )
    assert result.ok, result.output[-3000:]
    manifest = json.loads((Path(env["DBT_TARGET_PATH"]) / "manifest.json").read_text())
    designed = {
        node["name"]: node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["config"]["meta"].get("physical_design")
    }
    assert set(FACTS) <= set(designed), "a large fact lost its physical design"
    for name, node in designed.items():
        meta = node["config"]["meta"]
        expected = [meta["sensitive_row_column"]] if meta.get("sensitive_row_column") else []
        expected += meta["physical_design"]["sort_by"]
        last_line = node["compiled_code"].strip().splitlines()[-1]
        if expected:
            assert last_line == f"order by {', '.join(expected)}", (
                f"{name} is not written in its declared order"
            )
        else:  # a design with nothing to order by (dim_patient: distribution only)
            assert not last_line.startswith("order by"), name
    assert sum("sensitive_row_column" in node["config"]["meta"] for node in designed.values()) >= len(FACTS)


def test_duckdb_skips_the_sensitive_row_filter_on_row_groups_written_in_that_order() -> None:
    """The premise of that order: DuckDB's zone map of a row group without sensitive rows proves the tiers'
    filter (`is_part2_sensitive = false`) true there. Written unordered, 1% of such rows touch every row
    group; written in the declared order, only the last one."""
    rows = 4 * 122_880
    with duckdb.connect() as con:
        for table, order in (("unordered", ""), ("ordered", "order by is_part2_sensitive, event_date")):
            con.execute(
                f"create table {table} as select i % 100 = 7 as is_part2_sensitive,"
                f" date '2020-01-01' + cast(i % 1500 as integer) as event_date from range({rows}) as t(i) {order}"
            )
        con.execute("checkpoint")
        mixed = {
            table: sum(
                stats["min"] is False and stats["max"] is True
                for (stats,) in con.execute(
                    f"select stats from pragma_storage_info('{table}')"
                    " where column_name = 'is_part2_sensitive' and segment_type = 'BOOLEAN'"
                ).fetchall()
            )
            for table in ("unordered", "ordered")
        }
    assert mixed["unordered"] >= 4
    assert mixed["ordered"] == 1
