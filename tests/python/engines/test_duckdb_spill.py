"""A DuckDB build that spills to disk goes on (docs/performance.md, memory): the dev profile bounds memory
and gives DuckDB a spill folder once, when the database opens. As per-cursor settings, dbt-duckdb set
temp_directory again on every node's cursor, DuckDB refuses that once it has spilled, and at 1,000,000
patients every model after the first spill failed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[3]
DBT = Path(sys.executable).parent / "dbt"
MEMORY_LIMIT = "100MB"
# ~600 MB of distinct strings: more than the limit, so the hash aggregate spills.
SPILLS = (
    "select count(*) as n from "
    "(select distinct cast(i as varchar) || repeat('x', 200) as s from range(3000000) t(i))"
)


def test_the_query_spills_and_duckdb_then_refuses_another_temp_directory(tmp_path: Path) -> None:
    """The premise: this query spills under the limit, after which a second SET temp_directory fails."""
    spill = tmp_path / "spill"
    with duckdb.connect(
        str(tmp_path / "w.duckdb"), config={"memory_limit": MEMORY_LIMIT, "temp_directory": str(spill)}
    ) as con:
        con.execute(f"create table spilled as {SPILLS}")
        with pytest.raises(duckdb.NotImplementedException, match="temporary directory"):
            con.execute(f"set temp_directory = '{spill}'")


def test_models_after_a_spill_build(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "models").mkdir(parents=True)
    (project / "dbt_project.yml").write_text(
        'name: spill_check\nversion: "1.0"\nprofile: aegis\nmodels:\n  +materialized: table\n'
    )
    (project / "models" / "spills.sql").write_text(SPILLS + "\n")
    (project / "models" / "after_spill.sql").write_text("select n from {{ ref('spills') }}\n")
    env = {
        **os.environ,
        "AEGIS_TARGET": "dev",
        "AEGIS_DUCKDB_MEMORY_LIMIT": MEMORY_LIMIT,
        "AEGIS_DUCKDB_PATH": str(tmp_path / "aegis.duckdb"),
        "AEGIS_DUCKDB_TEMP_DIR": str(tmp_path / "spill"),
        "DBT_TARGET_PATH": str(tmp_path / "target"),
        "DBT_LOG_PATH": str(tmp_path / "logs"),
    }
    # One thread: each model on its own cursor, one after the other, as in a build.
    run = subprocess.run(
        [str(DBT), "run", "--threads", "1", "--profiles-dir", str(ROOT), "--project-dir", str(project)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    with duckdb.connect(str(tmp_path / "aegis.duckdb"), read_only=True) as con:
        assert con.execute("select n from main.after_spill").fetchone() == (3000000,)
