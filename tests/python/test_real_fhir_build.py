"""Real Synthea R4 bundles (tests/data/fhir/synthea, public sample output) land and `dbt build` on DuckDB
runs with zero errors; the marts are non-empty and reconcile with the bundles' resource counts."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pytest

from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import land_file
from aegis.ingest.reading import expand_inputs

CORPUS = Path(__file__).resolve().parents[1] / "data" / "fhir"
# Synthea's sample history spans decades: the measurement period is widened to hold it.
PERIOD = '{aegis_period_start: "1990-01-01", aegis_period_end: "2020-12-31"}'


def _bundle_counts() -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in (CORPUS / "synthea").glob("*.json"):
        for entry in json.loads(path.read_text())["entry"]:
            counts[entry["resource"]["resourceType"]] += 1
    return counts


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    from aegis.governance.dbt_cli import run_dbt
    from aegis.governance.sample_project import isolated_dbt_env

    work = tmp_path_factory.mktemp("synthea-build")
    landing, quarantine = LocalStore(work / "data" / "landing"), LocalStore(work / "data" / "quarantine")
    for path in expand_inputs([str(CORPUS / "synthea")]):
        report = land_file(path, landing, quarantine, progress=False)
        assert report.quarantined == 0, report.quarantined_by_reason
    result = run_dbt(["build", "--vars", PERIOD], env=isolated_dbt_env(work), timeout=1800)
    problems = [
        line
        for line in result.output.splitlines()
        if " ERROR " in line or " FAIL " in line or "Error in" in line
    ]
    assert result.ok, "\n".join(problems) or result.output[-4000:]
    assert "ERROR=0" in result.output
    return duckdb.connect(str(work / "aegis.duckdb"), read_only=True)


def _count(connection: duckdb.DuckDBPyConnection, relation: str, where: str = "true") -> int:
    row: Any = connection.execute(f"select count(*) from {relation} where {where}").fetchone()
    return int(row[0])


def test_every_mart_the_issue_names_is_filled_and_reconciles(warehouse: duckdb.DuckDBPyConnection) -> None:
    counts = _bundle_counts()
    assert _count(warehouse, "main_marts.dim_patient") == counts["Patient"] == 5
    assert _count(warehouse, "main_marts.fct_encounters") == counts["Encounter"]
    assert _count(warehouse, "main_marts.fct_conditions") == counts["Condition"]
    assert _count(warehouse, "main_marts.fct_observations") == counts["Observation"]
    eob_items = sum(
        len(entry["resource"].get("item", []))
        for path in (CORPUS / "synthea").glob("*.json")
        for entry in json.loads(path.read_text())["entry"]
        if entry["resource"]["resourceType"] == "ExplanationOfBenefit"
    )
    assert _count(warehouse, "main_marts.fct_claim_lines") == eob_items > 0
    assert _count(warehouse, "main_marts.mart_chronic_conditions") == 5
    # Synthea codes conditions in SNOMED CT only: hypertension is found through the SNOMED value set.
    assert _count(warehouse, "main_marts.mart_chronic_conditions", "has_hypertension") >= 1
    # No Coverage resources: the payer named on each EOB carries PMPM.
    assert _count(warehouse, "main_marts.mart_pmpm", "member_months > 0") > 0


def test_real_shapes_reach_staging(warehouse: duckdb.DuckDBPyConnection) -> None:
    # MRN by its v2-0203 type (Synthea's MRN system is its own), US Core extensions, references resolved
    # from urn:uuid, Period choices.
    assert (
        _count(warehouse, "main_staging.stg_fhir__patients", "mrn is not null and race_code is not null") == 5
    )
    assert _count(warehouse, "main_staging.stg_fhir__patients", "birth_sex in ('M', 'F')") == 5
    assert (
        _count(
            warehouse,
            "main_staging.stg_fhir__conditions",
            "snomed_code is not null and patient_id is not null",
        )
        == 12
    )
    assert _count(warehouse, "main_staging.stg_fhir__procedures", "performed_at is not null") == _count(
        warehouse, "main_staging.stg_fhir__procedures"
    )
    assert _count(warehouse, "main_staging.stg_fhir__encounters", "service_provider_id is not null") > 0
