"""The research release is published on its own schedule, not by the runs that follow the data
(docs/governance.md, "The research release").

A reader of the deidentified tier who compares two publications of the release sees which research ids
are new since the last one: the patients whose records arrived in between. Republished by every daily (and
intraday) run, that batch is a day's (an hour's) new patients, few enough to link to someone known to have
had a visit that day, and with them their published diagnoses. So the documented daily selection leaves
the release out, and `tag:research_release` builds it on its own.

On DuckDB, the session's synthetic population: build the project, land a new population, run the daily
selection, and read the release where the deidentified tier reads it: unchanged, row for row, while the
PHI marts took the new patients. Then build the release: it publishes them, and the difference between the
two publications is exactly the new batch. That residual risk is what the schedule keeps to a month's
batch; it is measured here, not closed."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import land_events
from aegis.synth import SynthOptions, generate
from dbt_args import NO_SEEDS, NO_TESTS

pytestmark = pytest.mark.slow

# The documented daily selection (docs/incremental.md) when every source has fresher data, as `make bench`
# runs it: source_status:fresher+ needs the previous run's freshness state.
DAILY = ["-s", "source:*+", "--exclude", "tag:research_release"]
RELEASE = ["-s", "tag:research_release"]
# What the deidentified tier reads (its tier views), and the release's own tables behind them.
PUBLISHED = [
    "main_deidentified_tier_deidentified.dim_patient_deidentified",
    "main_deidentified_tier_deidentified.fct_encounters_deidentified",
    "main_deidentified_tier_deidentified.fct_conditions_deidentified",
]
RELEASE_TABLES = [
    *PUBLISHED,
    "main_intermediate.int_records_assigned_research_ids",
    "main_intermediate.int_patients_assigned_fact_release_levels",
]
NEW_PATIENTS = 12


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    assert row is not None
    return int(row[0])


def _changed_rows(warehouse: Path, before: Path) -> dict[str, tuple[int, int, int]]:
    """Per release relation: rows now, rows only now, rows only before (counts only: never a value)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        con.execute(f"attach '{before}' as before (read_only)")
        return {
            relation: (
                _count(con, f"select count(*) from {relation}"),
                _count(
                    con,
                    f"select count(*) from (select * from {relation} except all select * from before.{relation})",
                ),
                _count(
                    con,
                    f"select count(*) from (select * from before.{relation} except all select * from {relation})",
                ),
            )
            for relation in RELEASE_TABLES
        }


def _published_person_ids(warehouse: Path) -> set[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(f"select research_person_id from {PUBLISHED[0]}").fetchall()
    return {str(r[0]) for r in rows}


def test_daily_run_leaves_the_release_alone(run_dbt: Any, synthetic_landing: Path, tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    shutil.copytree(synthetic_landing, landing)
    env = {"AEGIS_LANDING_DIR": str(landing)}
    first = run_dbt("build", *NO_TESTS, env=env)
    assert first.ok, first.output[-3000:]
    warehouse = tmp_path / "aegis.duckdb"
    first_release = tmp_path / "first_release.duckdb"
    shutil.copy(warehouse, first_release)
    published_first = _published_person_ids(first_release)

    extra = generate(SynthOptions(patients=NEW_PATIENTS, seed=4244), tmp_path / "extra", progress=False)
    report = land_events(
        extra.events_path, LocalStore(landing), LocalStore(tmp_path / "quarantine"), progress=False
    )
    assert report.landed > 0  # the generator also writes invalid events on purpose: those are quarantined
    daily = run_dbt("build", *DAILY, *NO_SEEDS, env=env)
    assert daily.ok, daily.output[-3000:]

    with duckdb.connect(str(warehouse), read_only=True) as con:
        patients = _count(con, "select count(*) from main_marts.dim_patient")
    with duckdb.connect(str(first_release), read_only=True) as con:
        patients_before = _count(con, "select count(*) from main_marts.dim_patient")
    # The daily run did its work: the PHI marts took the new patients ...
    assert patients == patients_before + NEW_PATIENTS
    # ... and republished nothing: every release relation is the one published before, and none is empty.
    unchanged = _changed_rows(warehouse, first_release)
    assert {relation: rows for relation, (rows, _, _) in unchanged.items() if rows == 0} == {}
    assert {relation: (new, gone) for relation, (_, new, gone) in unchanged.items() if new or gone} == {}

    release = run_dbt("build", *RELEASE, *NO_SEEDS, env=env)
    assert release.ok, release.output[-3000:]
    published_now = _published_person_ids(warehouse)
    # The release publishes every patient of the warehouse (the dimension suppresses values, never rows),
    # and what a reader learns by comparing it with the last one is the batch of patients new since then.
    assert len(published_now) == patients
    assert published_first <= published_now
    assert len(published_now - published_first) == NEW_PATIENTS
