"""Incremental runs give the rows a full refresh gives (docs/performance.md, incremental runs).

On DuckDB, a small population: build, land new events (another population and a second delivery of some
resources), run again incrementally; then `--full-refresh` the same warehouse from the same landing and
compare every incremental model and every table downstream of one, row for row (EXCEPT ALL both ways).
Tests are excluded from the runs: they are checked by the make test build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import land_events
from aegis.synth import SynthOptions, generate

pytestmark = pytest.mark.slow

# The staging models (all incremental) and the facts and dimensions built on them.
SELECTION = [
    "+path:models/staging",
    "+fct_encounters",
    "+fct_conditions",
    "+fct_observations",
    "+dim_patient",
]
NO_TESTS = ["--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"]
# After the first build the seeds are what they were: loading them again would only cost time.
NO_SEEDS = [*NO_TESTS, "--exclude-resource-type", "seed"]


def _tables(target: Path) -> dict[str, tuple[str, str]]:
    """unique_id -> (schema, name) of the selected models the last run built as tables."""
    manifest = json.loads((target / "manifest.json").read_text())
    results = json.loads((target / "run_results.json").read_text())["results"]
    built = {r["unique_id"] for r in results if r["status"] == "success"}
    return {
        uid: (node["schema"], node["alias"])
        for uid, node in manifest["nodes"].items()
        if uid in built and node["resource_type"] == "model" and node["config"]["materialized"] != "view"
    }


def test_incremental_run_equals_full_refresh(run_dbt: Any, synthetic_landing: Path, tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    shutil.copytree(synthetic_landing, landing)
    env = {"AEGIS_LANDING_DIR": str(landing)}
    first = run_dbt("build", "-s", *SELECTION, *NO_TESTS, env=env)
    assert first.ok, first.output[-3000:]
    with duckdb.connect(str(tmp_path / "aegis.duckdb"), read_only=True) as con:
        patients_before = con.execute("select count(*) from main_staging.stg_fhir__patients").fetchone()

    extra = generate(SynthOptions(patients=12, seed=4243), tmp_path / "extra", progress=False)
    land_events(extra.events_path, LocalStore(landing), LocalStore(tmp_path / "quarantine"), progress=False)
    incremental = run_dbt("build", "-s", *SELECTION, *NO_SEEDS, env=env)
    assert incremental.ok, incremental.output[-3000:]
    target = tmp_path / "target"
    tables = _tables(target)
    warehouse = tmp_path / "aegis.duckdb"
    incremental_copy = tmp_path / "incremental.duckdb"
    shutil.copy(warehouse, incremental_copy)
    with duckdb.connect(str(incremental_copy), read_only=True) as con:
        patients_after = con.execute("select count(*) from main_staging.stg_fhir__patients").fetchone()
    # the new population arrived through the incremental run
    assert (
        patients_before is not None and patients_after is not None and patients_after[0] > patients_before[0]
    )

    full = run_dbt("build", "--full-refresh", "-s", *SELECTION, *NO_SEEDS, env=env)
    assert full.ok, full.output[-3000:]
    incremental_models = [uid for uid in tables if uid.startswith("model.aegis.stg_")]
    assert len(incremental_models) >= 10 and len(tables) > len(incremental_models)

    with duckdb.connect(str(warehouse), read_only=True) as con:
        con.execute(f"attach '{incremental_copy}' as incremental (read_only)")
        assert (
            con.execute("select count(*) from main_staging.stg_fhir__patients").fetchone() == patients_after
        )
        differences, empty = {}, []
        for uid, (schema, name) in sorted(tables.items()):
            if con.execute(f"select count(*) from {schema}.{name}").fetchone() == (0,):
                empty.append(uid)
            only_full, only_incremental = (
                con.execute(
                    f"select count(*) from (select * from {a}.{name} except all select * from {b}.{name})"
                ).fetchone()
                for a, b in ((schema, f"incremental.{schema}"), (f"incremental.{schema}", schema))
            )
            if only_full != (0,) or only_incremental != (0,):
                differences[uid] = {"only_full": only_full, "only_incremental": only_incremental}
    # counts only: the rows are synthetic PHI and never printed
    assert differences == {}
    # an empty table compares nothing: only the source no sender feeds yet may be empty
    assert empty in ([], ["model.aegis.stg_fhir__immunizations"]), empty
