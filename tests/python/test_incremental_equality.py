"""Incremental runs give the rows a full refresh gives (docs/incremental.md).

On DuckDB, a small population: build, land new events (another population, and changes to what was
built: deletions of every kind of fact row, an old encounter that becomes 42 CFR Part 2, an admission
that renames an old stay, an old coverage's new payer, an old claim's new version with fewer lines, a
deleted coverage and a deleted claim), run again incrementally; then `--full-refresh` the same warehouse
from the same landing and compare every incremental model and every table downstream of one, row for row
(EXCEPT ALL both ways). The changes are checked to have reached the incremental tables (a model that
missed new rows or kept deleted ones fails here, not only in the comparison). Tests are excluded from the
runs: they are checked by the make test build."""

from __future__ import annotations

import gzip
import json
import shutil
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest

from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import land_events
from aegis.synth import SynthOptions, generate
from dbt_args import NO_SEEDS, NO_TESTS

pytestmark = pytest.mark.slow

# The staging models (all incremental) and the facts and dimensions built on them (incremental too:
# docs/incremental.md).
INCREMENTAL_FACTS = {
    "fct_encounters": ("encounter_id", "stg_fhir__encounters"),
    "fct_conditions": ("condition_id", "stg_fhir__conditions"),
    "fct_observations": ("observation_id", "stg_fhir__observations"),
    "fct_procedures": ("procedure_id", "stg_fhir__procedures"),
    "fct_medication_requests": ("medication_request_id", "stg_fhir__medication_requests"),
    "dim_patient": ("patient_id", "stg_fhir__patients"),
    "dim_coverage": ("coverage_id", "stg_fhir__coverages"),
}
# The claim lines: all lines of an EOB are derived together (key explanation_of_benefit_id), and again when
# their coverage changes.
CLAIM_LINES = {"int_claim_lines_normalised": "main_intermediate", "fct_claim_lines": "main_marts"}
# Member months: a patient's months are derived again when their coverages differ from the stored ones.
MEMBER_MONTHS = "main_intermediate.int_coverages_expanded_to_member_months"
INCREMENTAL_MODELS = [*INCREMENTAL_FACTS, *CLAIM_LINES, MEMBER_MONTHS.split(".")[1]]
SELECTION = ["+path:models/staging", *(f"+{model}" for model in INCREMENTAL_MODELS)]
# The facts and everything between them and staging, staging left as it is.
FACTS_ONLY = [*(f"+{model}" for model in INCREMENTAL_MODELS), "--exclude", "path:models/staging"]
NEW_PAYER = "Incremental Test Payer"


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


def _landed_resource(landing: Path, resource_type: str, resource_id: str) -> dict[str, Any]:
    """The landed resource (latest version landed) of one id, read back from the landing files."""
    found: dict[str, Any] | None = None
    for path in sorted((landing / "fhir" / f"resource_type={resource_type}").rglob("*.ndjson.gz")):
        with gzip.open(path, "rt") as lines:
            for line in lines:
                envelope = json.loads(line)
                if envelope["resource_id"] == resource_id and envelope["resource"] is not None:
                    resource = envelope["resource"]
                    found = json.loads(resource) if isinstance(resource, str) else resource
    assert found is not None, f"{resource_type} not landed"
    return found


def _later_version(resource: dict[str, Any]) -> dict[str, Any]:
    meta = resource.setdefault("meta", {})
    meta["versionId"] = str(int(meta.get("versionId", "1")) + 1)
    meta["lastUpdated"] = "2026-01-15T00:00:00+00:00"
    return resource


class Changes:
    """Changes to rows the first build derived, picked from it (ids only, never printed)."""

    def __init__(self, warehouse: Path, landing: Path) -> None:
        with duckdb.connect(str(warehouse), read_only=True) as con:

            def one(sql: str, *parameters: str) -> tuple[Any, ...]:
                row = con.execute(sql, list(parameters)).fetchone()
                assert row is not None, "the first build has no row to change"
                return tuple(row)

            # an encounter that is not Part 2 and has observations: its reason becomes a Part 2 diagnosis
            (self.remarked_encounter,) = one(
                "select e.encounter_id from main_marts.fct_encounters e"
                " join main_marts.fct_observations o on o.encounter_id = e.encounter_id"
                " where not e.is_part2_sensitive order by e.encounter_id limit 1"
            )
            # an inpatient encounter: a new encounter admitting the day before becomes its stay's name
            (self.restayed_encounter,) = one(
                "select encounter_id from main_marts.fct_encounters"
                " where stay_id = encounter_id order by encounter_id limit 1"
            )
            # a coverage billed by claims: its new version names another payer
            (self.repaid_coverage,) = one(
                "select min(coverage_id) from main_marts.fct_claim_lines where payer_name is not null"
            )
            # another one, deleted upstream: its claims' lines fall back to the EOB's insurer name
            (self.deleted_coverage,) = one(
                "select min(coverage_id) from main_marts.fct_claim_lines"
                " where payer_name is not null and coverage_id <> ?",
                self.repaid_coverage,
            )
            # a claim of two or more lines: its new version has one line less
            (self.shortened_eob,) = one(
                "select min(explanation_of_benefit_id) from main_marts.fct_claim_lines"
                " where coverage_id not in (?, ?) and explanation_of_benefit_id in ("
                " select explanation_of_benefit_id from main_marts.fct_claim_lines group by all"
                " having count(*) > 1)",
                self.repaid_coverage,
                self.deleted_coverage,
            )
            # a claim deleted upstream: its lines go
            (self.deleted_eob,) = one(
                "select min(explanation_of_benefit_id) from main_marts.fct_claim_lines"
                " where coverage_id not in (?, ?) and explanation_of_benefit_id <> ?",
                self.repaid_coverage,
                self.deleted_coverage,
                self.shortened_eob,
            )
            # a claim whose new version has no line at all (item is 0..*): every line of it goes
            (self.emptied_eob,) = one(
                "select min(explanation_of_benefit_id) from main_marts.fct_claim_lines"
                " where coverage_id not in (?, ?) and explanation_of_benefit_id not in (?, ?)",
                self.repaid_coverage,
                self.deleted_coverage,
                self.shortened_eob,
                self.deleted_eob,
            )
            (self.shortened_lines,) = one(
                "select count(*) - 1 from main_marts.fct_claim_lines where explanation_of_benefit_id = ?",
                self.shortened_eob,
            )
        self.landing = landing
        self.admitting_encounter = str(uuid.UUID(int=4243))

    def events(self) -> list[dict[str, Any]]:
        remarked = _later_version(_landed_resource(self.landing, "Encounter", self.remarked_encounter))
        remarked["reasonCode"] = [
            {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "F10.20"}]}
        ]
        admitting = _landed_resource(self.landing, "Encounter", self.restayed_encounter)
        start = str(admitting["period"]["start"])
        # the day before, ending when the old admission starts: the stay is now named after it
        admitting.update(
            id=self.admitting_encounter,
            meta={"versionId": "1", "lastUpdated": "2026-01-15T00:00:00+00:00"},
            period={"start": (datetime.fromisoformat(start) - timedelta(days=1)).isoformat(), "end": start},
        )
        repaid = _later_version(_landed_resource(self.landing, "Coverage", self.repaid_coverage))
        repaid["payor"] = [{"display": NEW_PAYER}]
        shortened = _later_version(_landed_resource(self.landing, "ExplanationOfBenefit", self.shortened_eob))
        shortened["item"] = shortened["item"][:-1]
        emptied = _later_version(_landed_resource(self.landing, "ExplanationOfBenefit", self.emptied_eob))
        del emptied["item"]
        return [remarked, admitting, repaid, shortened, emptied]


def _part2_observations(con: duckdb.DuckDBPyConnection, encounter_id: str) -> tuple[int, int]:
    """(observations, of which Part 2) recorded in one encounter."""
    row = con.execute(
        "select count(*), count(*) filter (where is_part2_sensitive) from main_marts.fct_observations"
        " where encounter_id = ?",
        [encounter_id],
    ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def _stay_of(con: duckdb.DuckDBPyConnection, encounter_id: str) -> str | None:
    row = con.execute("select stay_id from main_marts.fct_encounters where encounter_id = ?", [encounter_id])
    found = row.fetchone()
    assert found is not None, "the encounter is gone"
    return None if found[0] is None else str(found[0])


def _assert_changes_arrived(con: duckdb.DuckDBPyConnection, changes: Changes) -> None:
    """Counts only: each change reached the incremental tables."""
    observations, part2 = _part2_observations(con, changes.remarked_encounter)
    assert observations > 0 and part2 == observations, (
        "fct_observations kept the old Part 2 mark of an encounter that became Part 2"
    )
    assert _stay_of(con, changes.restayed_encounter) == changes.admitting_encounter, (
        "fct_encounters kept the old stay of an encounter whose stay was renamed"
    )
    for model, schema in CLAIM_LINES.items():
        table = f"{schema}.{model}"
        lines, repaid = _claim_lines(
            con, table, "coverage_id", changes.repaid_coverage, "payer_name = ?", NEW_PAYER
        )
        assert lines > 0 and repaid == lines, f"{model} kept the old payer of a coverage's new version"
        lines, _ = _claim_lines(con, table, "explanation_of_benefit_id", changes.shortened_eob)
        assert lines == changes.shortened_lines, f"{model} kept a line the claim's new version dropped"
        lines, _ = _claim_lines(con, table, "explanation_of_benefit_id", changes.emptied_eob)
        assert lines == 0, f"{model} kept the lines of a claim whose new version has none"
    months, repaid = _claim_lines(
        con, MEMBER_MONTHS, "coverage_id", changes.repaid_coverage, "payer_name = ?", NEW_PAYER
    )
    assert months > 0 and repaid == months, "member months kept the old payer of a coverage's new version"
    months, _ = _claim_lines(con, MEMBER_MONTHS, "coverage_id", changes.deleted_coverage)
    assert months > 0, "the coverage the test deletes later has no member months to lose"
    lines, _ = _claim_lines(
        con,
        "main_staging.stg_fhir__explanation_of_benefit_items",
        "explanation_of_benefit_id",
        changes.emptied_eob,
    )
    assert lines == 0, (
        "stg_fhir__explanation_of_benefit_items kept the items of a claim whose new version has none"
    )


def _claim_lines(
    con: duckdb.DuckDBPyConnection,
    table: str,
    key: str,
    value: str,
    condition: str = "true",
    *parameters: str,
) -> tuple[int, int]:
    """(lines whose `key` is `value`, of which `condition` holds): counts only."""
    row = con.execute(
        f"select count(*), count(*) filter (where {condition}) from {table} where {key} = ?",
        [*parameters, value],
    ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def _delete_staged_rows(warehouse: Path, changes: Changes) -> dict[str, list[str]]:
    """What staging does when a resource is deleted upstream (its post-hook removes the row): here directly
    on the staging tables, so that the facts' own deletion path is tested. The encounter that became Part 2
    and the admission that renamed a stay go, and one row of every other fact; keys by fact. A coverage and
    a claim (its header and its lines) billed under other coverages go too."""
    deleted: dict[str, list[str]] = {}
    with duckdb.connect(str(warehouse)) as con:
        for model, (key, staged) in INCREMENTAL_FACTS.items():
            if model == "fct_encounters":
                keys = [changes.remarked_encounter, changes.admitting_encounter]
            else:
                row = con.execute(f"select max({key}) from main_staging.{staged}").fetchone()
                assert row is not None and row[0] is not None
                keys = [str(row[0])]
            con.execute(f"delete from main_staging.{staged} where {key} in (select unnest(?))", [keys])
            deleted[model] = keys
        con.execute(
            "delete from main_staging.stg_fhir__coverages where coverage_id = ?", [changes.deleted_coverage]
        )
        for staged in ("stg_fhir__explanation_of_benefits", "stg_fhir__explanation_of_benefit_items"):
            con.execute(
                f"delete from main_staging.{staged} where explanation_of_benefit_id = ?",
                [changes.deleted_eob],
            )
    return deleted


def _assert_deletions_arrived(
    con: duckdb.DuckDBPyConnection, changes: Changes, deleted: dict[str, list[str]]
) -> None:
    for model, keys in deleted.items():
        key = INCREMENTAL_FACTS[model][0]
        found = con.execute(
            f"select count(*) from main_marts.{model} where {key} in (select unnest(?))", [keys]
        )
        assert found.fetchone() == (0,), f"{model} kept a row deleted upstream"
    observations, part2 = _part2_observations(con, changes.remarked_encounter)
    assert observations > 0 and part2 == 0, "fct_observations kept the Part 2 mark of a deleted encounter"
    assert _stay_of(con, changes.restayed_encounter) == changes.restayed_encounter, (
        "fct_encounters kept the stay of a deleted admission"
    )
    months, _ = _claim_lines(con, MEMBER_MONTHS, "coverage_id", changes.deleted_coverage)
    assert months == 0, "member months kept the months of a coverage deleted upstream"
    for model, schema in CLAIM_LINES.items():
        table = f"{schema}.{model}"
        lines, _ = _claim_lines(con, table, "explanation_of_benefit_id", changes.deleted_eob)
        assert lines == 0, f"{model} kept the lines of a claim deleted upstream"
        # the synthetic claims name no insurer of their own: the payer falls back to that (null)
        lines, fallen_back = _claim_lines(
            con,
            table,
            "coverage_id",
            changes.deleted_coverage,
            "payer_name is null and plan_type is null and coverage_received_at is null",
        )
        assert lines > 0 and fallen_back == lines, f"{model} kept the payer of a coverage deleted upstream"


def _differences(
    warehouse: Path, incremental_copy: Path, tables: dict[str, tuple[str, str]]
) -> tuple[dict[str, Any], list[str]]:
    """Per table, the rows only one side has (counts only: the rows are synthetic PHI and never printed),
    and the tables that are empty."""
    differences: dict[str, Any] = {}
    empty: list[str] = []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        con.execute(f"attach '{incremental_copy}' as incremental (read_only)")
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
    return differences, empty


def test_incremental_run_equals_full_refresh(run_dbt: Any, synthetic_landing: Path, tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    shutil.copytree(synthetic_landing, landing)
    env = {"AEGIS_LANDING_DIR": str(landing)}
    first = run_dbt("build", "-s", *SELECTION, *NO_TESTS, env=env)
    assert first.ok, first.output[-3000:]
    with duckdb.connect(str(tmp_path / "aegis.duckdb"), read_only=True) as con:
        patients_before = con.execute("select count(*) from main_staging.stg_fhir__patients").fetchone()

    changes = Changes(tmp_path / "aegis.duckdb", landing)
    changed = tmp_path / "changes.ndjson.gz"
    with gzip.open(changed, "wt") as out:
        out.writelines(json.dumps(event) + "\n" for event in changes.events())
    extra = generate(SynthOptions(patients=12, seed=4243), tmp_path / "extra", progress=False)
    report = land_events(changed, LocalStore(landing), LocalStore(tmp_path / "quarantine"), progress=False)
    assert report.quarantined == 0, "a change was quarantined"
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
        _assert_changes_arrived(con, changes)
    # the new population arrived through the incremental run
    assert (
        patients_before is not None and patients_after is not None and patients_after[0] > patients_before[0]
    )

    full = run_dbt("build", "--full-refresh", "-s", *SELECTION, *NO_SEEDS, env=env)
    assert full.ok, full.output[-3000:]
    incremental_models = [uid for uid in tables if uid.startswith("model.aegis.stg_")]
    assert len(incremental_models) >= 10 and len(tables) > len(incremental_models)
    manifest = json.loads((target / "manifest.json").read_text())
    # every fact this test changes is built incrementally, and compared below
    assert {
        name: manifest["nodes"][f"model.aegis.{name}"]["config"]["materialized"]
        for name in INCREMENTAL_MODELS
    } == dict.fromkeys(INCREMENTAL_MODELS, "incremental")
    assert {f"model.aegis.{name}" for name in INCREMENTAL_MODELS} <= set(tables)

    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert (
            con.execute("select count(*) from main_staging.stg_fhir__patients").fetchone() == patients_after
        )
    differences, empty = _differences(warehouse, incremental_copy, tables)
    assert differences == {}
    # an empty table compares nothing: only the source no sender feeds yet may be empty
    assert empty in ([], ["model.aegis.stg_fhir__immunizations"]), empty

    # Deletions upstream: the facts alone, incrementally, then full-refreshed from the same staging.
    deleted = _delete_staged_rows(warehouse, changes)
    incremental = run_dbt("build", "-s", *FACTS_ONLY, *NO_SEEDS, env=env)
    assert incremental.ok, incremental.output[-3000:]
    tables = _tables(target)
    assert {f"model.aegis.{name}" for name in INCREMENTAL_MODELS} <= set(tables)
    shutil.copy(warehouse, incremental_copy)
    with duckdb.connect(str(incremental_copy), read_only=True) as con:
        _assert_deletions_arrived(con, changes, deleted)
    full = run_dbt("build", "--full-refresh", "-s", *FACTS_ONLY, *NO_SEEDS, env=env)
    assert full.ok, full.output[-3000:]
    differences, empty = _differences(warehouse, incremental_copy, tables)
    assert (differences, empty) == ({}, [])
