"""The DAG's decisions without Airflow: freshness gates from dbt's sources.json, PHI-free alerts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "orchestration" / "airflow" / "dags"))
import aegis_flow


def settings(tmp_path: Path) -> aegis_flow.Settings:
    return aegis_flow.Settings.from_env({"AEGIS_DATA_DIR": str(tmp_path), "AEGIS_PROJECT_DIR": str(tmp_path)})


def test_gate_opens_within_error_after_and_closes_past_it_or_unmeasured() -> None:
    statuses = {"source.aegis.fhir.patient": "pass", "source.aegis.fhir.encounter": "warn"}
    statuses |= {"source.aegis.fhir.claim": "error", "source.aegis.fhir.condition": "runtime error"}
    assert aegis_flow.gate_open("source.aegis.fhir.patient", True, statuses)
    assert aegis_flow.gate_open("source.aegis.fhir.encounter", True, statuses)
    assert not aegis_flow.gate_open("source.aegis.fhir.claim", True, statuses)
    assert not aegis_flow.gate_open("source.aegis.fhir.condition", True, statuses)
    # Declared freshness but no result (the measurement did not run): closed, never waved through.
    assert not aegis_flow.gate_open("source.aegis.fhir.observation", True, statuses)
    assert not aegis_flow.gate_open("source.aegis.fhir.observation", True, None)
    # No freshness declared (Immunization): nothing to wait for.
    assert aegis_flow.gate_open("source.aegis.fhir.immunization", False, None)


def test_sources_json_is_read_and_an_empty_one_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "sources.json"
    path.write_text(json.dumps({"results": [{"unique_id": "source.aegis.fhir.patient", "status": "pass"}]}))
    assert aegis_flow.read_freshness(path) == {"source.aegis.fhir.patient": "pass"}
    path.write_text(json.dumps({"results": []}))
    with pytest.raises(ValueError, match="no freshness result"):
        aegis_flow.read_freshness(path)


def test_one_freshness_alert_per_run_with_identifiers_only(tmp_path: Path) -> None:
    config = settings(tmp_path)
    statuses = {
        "source.aegis.fhir.patient": "pass",
        "source.aegis.fhir.encounter": "error",
        "source.aegis.fhir.claim": "runtime error",
    }
    stale = aegis_flow.freshness_alert(config, statuses, "aegis_daily", "manual__1")
    assert stale == ["source.aegis.fhir.claim", "source.aegis.fhir.encounter"]
    assert (
        aegis_flow.freshness_alert(config, {"source.aegis.fhir.patient": "pass"}, "aegis_daily", "r2") == []
    )
    records = [json.loads(line) for line in config.alerts.read_text().splitlines()]
    assert len(records) == 1
    assert set(records[0]) == {"at", "kind", "dag_id", "run_id", "sources"}


class FakeTaskInstance:
    dag_id = "aegis_daily"
    task_id = "dbt_build.dim_patient_model_build"


def test_failure_alert_names_the_exception_class_not_its_message(tmp_path: Path) -> None:
    config = settings(tmp_path)
    secret = "MRN 12345678 Jane Doe 1961-04-02"
    record = aegis_flow.failure_alert(
        config, {"task_instance": FakeTaskInstance(), "run_id": "manual__1", "exception": ValueError(secret)}
    )
    assert record["exception"] == "ValueError"
    assert record["task_id"] == "dbt_build.dim_patient_model_build"
    assert secret not in config.alerts.read_text()


def test_landing_sensor_sees_only_landed_parts(tmp_path: Path) -> None:
    assert not aegis_flow.landing_has_files(tmp_path)
    part = tmp_path / "fhir" / "resource_type=Patient" / "ingest_date=2026-12-04" / "part-0001.ndjson.gz"
    part.parent.mkdir(parents=True)
    part.write_bytes(b"")
    assert aegis_flow.landing_has_files(tmp_path)


def test_settings_follow_the_environment_and_duckdb_takes_one_writer(tmp_path: Path) -> None:
    config = aegis_flow.Settings.from_env(
        {"AEGIS_PROJECT_DIR": str(tmp_path), "AEGIS_AIRFLOW_SELECT": "+dim_patient tag:daily"}
    )
    assert config.dbt == tmp_path / ".venv" / "bin" / "dbt"
    assert config.manifest == tmp_path / "target" / "manifest.json"
    assert config.select == ("+dim_patient", "tag:daily")
    assert config.pool_slots == 1
    assert aegis_flow.Settings.from_env({"AEGIS_DBT_TARGET": "snowflake"}).pool_slots == 4
