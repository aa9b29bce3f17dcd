"""An incremental staging run reads only the landing files written since its last load (docs/staging.md).

On DuckDB: land a population in many small parts, build staging, land another population on the same day
(the same ingest_date partition), then make every earlier part that the file bound says is loaded already
unreadable (garbage bytes under the same name) and run staging incrementally. DuckDB would fail on any of
those files it opened, so the run succeeding proves they were skipped; the files are then restored and a
full refresh from the same landing must give the same rows (EXCEPT ALL both ways, counts only)."""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import orjson
import pytest

from aegis.ingest.landing import PART_STAMP_FORMAT, BufferLimits, LocalStore
from aegis.ingest.loader import land_events
from aegis.synth import SynthOptions, generate
from dbt_args import NO_TESTS

pytestmark = pytest.mark.slow

STAGING = ["path:models/staging"]
# No lookback: the test names exactly the files the bound skips (the default covers a PUT's duration).
NO_LOOKBACK = ["--vars", json.dumps({"aegis_landing_file_lookback_seconds": 0})]
# Small parts, so that one load writes several parts per resource type, most before its last record.
SMALL_PARTS = BufferLimits(max_bytes=16 * 1024)
_STAMP = re.compile(r"part-(\d{8}T\d{12}Z)-")


def _land(events: Path, landing: Path, quarantine: Path) -> None:
    land_events(
        events, LocalStore(landing), LocalStore(quarantine), limits=SMALL_PARTS, progress=False, workers=1
    )


def _parts(landing: Path) -> dict[Path, str]:
    """Every landing part -> the written instant in its name."""
    parts = {}
    for path in landing.glob("fhir/resource_type=*/ingest_date=*/part-*.ndjson.gz"):
        found = _STAMP.search(path.name)
        assert found, "a part without the written instant in its name"
        parts[path] = found.group(1)
    return parts


def _staging_models(target: Path) -> dict[str, tuple[str, str]]:
    """Staging model name -> (schema, resource type of the source it reads)."""
    manifest = json.loads((target / "manifest.json").read_text())
    models = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model" or not node["name"].startswith("stg_fhir__"):
            continue
        (source,) = [uid for uid in node["depends_on"]["nodes"] if uid.startswith("source.aegis.fhir.")]
        models[node["name"]] = (node["schema"], manifest["sources"][source]["meta"]["resource_type"])
    return models


def _loaded_bounds(warehouse: Path, models: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Per resource type, the instant up to which every part is loaded: the smallest, over the models
    reading that type, of the newest received_at each holds (the bound of the DuckDB macro, no lookback)."""
    bounds: dict[str, str] = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for name, (schema, resource_type) in models.items():
            row = con.execute(f"select max(received_at) from {schema}.{name}").fetchone()
            if row is None or row[0] is None:
                continue
            stamp = row[0].astimezone(UTC).strftime(PART_STAMP_FORMAT)
            bounds[resource_type] = min(stamp, bounds.get(resource_type, stamp))
    return bounds


def _differences(warehouse: Path, incremental: Path, models: dict[str, tuple[str, str]]) -> dict[str, Any]:
    differences: dict[str, Any] = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        con.execute(f"attach '{incremental}' as incremental (read_only)")
        for name, (schema, _) in sorted(models.items()):
            counts = [
                con.execute(
                    f"select count(*) from (select * from {a}.{name} except all select * from {b}.{name})"
                ).fetchone()
                for a, b in ((schema, f"incremental.{schema}"), (f"incremental.{schema}", schema))
            ]
            if counts != [(0,), (0,)]:
                differences[name] = counts
    return differences


def _staged_population(
    run_dbt: Any, tmp_path: Path, patients: int, seed: int
) -> tuple[Path, Path, dict[str, str]]:
    """A population landed in small parts and its staging built: (landing, quarantine, dbt env)."""
    landing, quarantine = tmp_path / "landing", tmp_path / "quarantine"
    env = {"AEGIS_LANDING_DIR": str(landing)}
    first = generate(SynthOptions(patients=patients, seed=seed), tmp_path / "first", progress=False)
    _land(first.events_path, landing, quarantine)
    built = run_dbt("build", "-s", f"+{STAGING[0]}", *NO_TESTS, env=env)
    assert built.ok, built.output[-3000:]
    return landing, quarantine, env


def test_incremental_staging_reads_only_new_parts(run_dbt: Any, tmp_path: Path) -> None:
    landing, quarantine, env = _staged_population(run_dbt, tmp_path, patients=40, seed=5151)
    warehouse = tmp_path / "aegis.duckdb"
    models = _staging_models(tmp_path / "target")
    bounds = _loaded_bounds(warehouse, models)
    old_parts = _parts(landing)

    second = generate(SynthOptions(patients=8, seed=5152), tmp_path / "second", progress=False)
    _land(second.events_path, landing, quarantine)
    new_parts = set(_parts(landing)) - set(old_parts)
    assert {p.parent.name for p in new_parts} <= {p.parent.name for p in old_parts}, "not the same day"

    loaded = {
        path
        for path, stamp in old_parts.items()
        if stamp <= bounds.get(path.parent.parent.name.removeprefix("resource_type="), "")
    }
    # The bound must skip most of the first load: all but the parts written after its newest record.
    assert len(loaded) >= len(old_parts) // 2, (len(loaded), len(old_parts))
    originals = {path: path.read_bytes() for path in loaded}
    for path in loaded:
        path.write_bytes(b"not gzip: a reader that opens this file fails")
    try:
        incremental = run_dbt("run", "-s", *STAGING, *NO_LOOKBACK, env=env)
    finally:
        for path, data in originals.items():
            path.write_bytes(data)
    assert incremental.ok, incremental.output[-3000:]

    incremental_copy = tmp_path / "incremental.duckdb"
    shutil.copy(warehouse, incremental_copy)
    with duckdb.connect(str(incremental_copy), read_only=True) as con:
        patients = con.execute("select count(*) from main_staging.stg_fhir__patients").fetchone()
    assert patients == (48,), "the second landing did not arrive"
    full = run_dbt("run", "--full-refresh", "-s", *STAGING, env=env)
    assert full.ok, full.output[-3000:]
    assert _differences(warehouse, incremental_copy, models) == {}


# Resources deleted after they were staged, and the staging tables that must lose them (the items of an
# ExplanationOfBenefit go with it).
DELETED = {
    "Observation": ["stg_fhir__observations"],
    "Encounter": ["stg_fhir__encounters"],
    "ExplanationOfBenefit": ["stg_fhir__explanation_of_benefits", "stg_fhir__explanation_of_benefit_items"],
}
KEYS = {
    "Observation": "observation_id",
    "Encounter": "encounter_id",
    "ExplanationOfBenefit": "explanation_of_benefit_id",
}


def test_an_incremental_run_applies_deletions_of_resources_staged_before(
    run_dbt: Any, tmp_path: Path
) -> None:
    """A deletion has no resource to flatten: the view alone would drop it, and the stored row would stay."""
    landing, quarantine, env = _staged_population(run_dbt, tmp_path, patients=30, seed=5153)
    warehouse = tmp_path / "aegis.duckdb"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        victims = {
            resource_type: str(
                con.execute(f"select min({KEYS[resource_type]}) from main_staging.{tables[0]}").fetchone()[0]
            )  # type: ignore[index]
            for resource_type, tables in DELETED.items()
        }
    deletions = tmp_path / "deletions.ndjson"
    deletions.write_bytes(
        b"".join(
            orjson.dumps(
                {
                    "resourceType": "Bundle",
                    "type": "transaction",
                    "entry": [{"request": {"method": "DELETE", "url": f"{resource_type}/{resource_id}"}}],
                }
            )
            + b"\n"
            for resource_type, resource_id in victims.items()
        )
    )
    report = land_events(deletions, LocalStore(landing), LocalStore(quarantine), progress=False, workers=1)
    assert report.deleted == len(victims), report

    incremental = run_dbt("run", "-s", *STAGING, env=env)
    assert incremental.ok, incremental.output[-3000:]
    incremental_copy = tmp_path / "incremental.duckdb"
    shutil.copy(warehouse, incremental_copy)
    with duckdb.connect(str(incremental_copy), read_only=True) as con:
        for resource_type, tables in DELETED.items():
            for table in tables:
                found = con.execute(
                    f"select count(*) from main_staging.{table} where {KEYS[resource_type]} = ?",
                    [victims[resource_type]],
                ).fetchone()
                assert found == (0,), f"{table} kept a resource deleted upstream"
    full = run_dbt("run", "--full-refresh", "-s", *STAGING, env=env)
    assert full.ok, full.output[-3000:]
    assert _differences(warehouse, incremental_copy, _staging_models(tmp_path / "target")) == {}


def test_daily_source_tests_read_only_the_parts_landed_since_the_previous_run(
    run_dbt: Any, tmp_path: Path
) -> None:
    """The landing contract's tests (the fhir sources) on the daily run (var aegis_tests_received_since, the
    previous run's start) open only the parts written since: with every earlier part made unreadable they
    pass, without the var they fail on those parts, and a new part made unreadable fails them too (so the
    new parts are read)."""
    landing, quarantine = tmp_path / "landing", tmp_path / "quarantine"
    env = {"AEGIS_LANDING_DIR": str(landing)}
    first = generate(SynthOptions(patients=20, seed=5154), tmp_path / "first", progress=False)
    _land(first.events_path, landing, quarantine)
    old_parts = _parts(landing)
    previous_run_started = max(old_parts.values())  # after every part of the first landing was written
    since = datetime.strptime(previous_run_started, PART_STAMP_FORMAT) + timedelta(microseconds=1)

    second = generate(SynthOptions(patients=6, seed=5155), tmp_path / "second", progress=False)
    _land(second.events_path, landing, quarantine)
    new_parts = sorted(set(_parts(landing)) - set(old_parts))
    assert new_parts and all(_parts(landing)[p] > previous_run_started for p in new_parts)

    daily = [
        "--vars",
        json.dumps(
            {
                "aegis_tests_received_since": since.strftime("%Y-%m-%d %H:%M:%S.%f"),
                "aegis_landing_file_lookback_seconds": 0,
            }
        ),
    ]
    originals = {path: path.read_bytes() for path in [*old_parts, new_parts[0]]}
    unreadable = b"not gzip: a reader that opens this file fails"
    try:
        for path in old_parts:
            path.write_bytes(unreadable)
        bounded = run_dbt("test", "-s", "source:fhir", *daily, env=env)
        bounded_results = [
            result
            for result in json.loads((tmp_path / "target" / "run_results.json").read_text())["results"]
            if result["unique_id"].startswith("test.")
        ]
        whole = run_dbt("test", "-s", "source:fhir", env=env)
        new_parts[0].write_bytes(unreadable)
        bounded_on_a_bad_new_part = run_dbt("test", "-s", "source:fhir", *daily, env=env)
    finally:
        for path, data in originals.items():
            path.write_bytes(data)
    assert bounded.ok, bounded.output[-3000:]
    assert len(bounded_results) >= 50, "the source tests did not run"
    assert {result["status"] for result in bounded_results} <= {"pass", "warn"}
    assert not whole.ok, "the unreadable parts were never read: the check proves nothing"
    assert not bounded_on_a_bad_new_part.ok, "the daily tests did not read the new parts"
