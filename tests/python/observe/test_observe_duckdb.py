"""The observed pipeline on DuckDB (fixture `observed` in this folder's conftest.py): history filled, one alert per breach, no PHI anywhere, drift, report."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import duckdb
import pytest

from aegis.observe import alerts, history
from aegis.observe.drift import record_drift
from aegis.observe.history import Store
from aegis.observe.record import record
from aegis.observe.report import write_report


def _rows(observed: Any, table: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(observed.paths.duckdb_path), read_only=True) as connection:
        return connection.execute(f"select * from {history.SCHEMA}.{table}").fetchall()


def test_the_pipeline_ran_as_intended(observed: Any) -> None:
    run, test, freshness = observed.dbt
    assert run.ok, run.output[-2000:]
    assert not test.ok, "the canary's SSN-shaped gender must fail accepted_values"
    assert freshness.ok, freshness.output[-2000:]  # a warn is the SLO breach, not a dbt error


def test_history_tables_are_filled_from_the_artifacts(observed: Any) -> None:
    invocations = _rows(observed, "invocations")
    assert sorted(r[1] for r in invocations) == ["run", "source freshness", "test"]
    node_results = _rows(observed, "node_results")
    assert {r[1].rsplit(".", 1)[-1] for r in node_results} == {"stg_fhir__patients", "dim_patient"}
    statuses = {r[1].split(".")[2]: r[3] for r in _rows(observed, "test_results")}
    assert "fail" in statuses.values() and "pass" in statuses.values()
    freshness = _rows(observed, "source_freshness")
    assert [(r[1], r[2]) for r in freshness] == [("source.aegis.fhir.patient", "warn")]
    loads = _rows(observed, "load_reports")
    assert len(loads) == 1 and loads[0][3] == loads[0][4] + loads[0][5]  # items in = landed + quarantined
    reasons = [r for r in _rows(observed, "load_counts") if r[1] == "quarantined"]
    assert reasons, "the synthetic feed has defects on purpose: quarantine reasons must be recorded"
    volumes = _rows(observed, "volumes")
    assert [r[0] for r in volumes] == ["stg_fhir__patients"] and volumes[0][2] > 0
    lags = {(r[1], r[2]): r for r in _rows(observed, "freshness_lags")}
    assert set(lags) == {("resource_type", "stg_fhir__patients"), ("mart", "dim_patient")}
    # The deliveries were three hours late: the end-to-end lag says so.
    assert lags[("mart", "dim_patient")][5] >= timedelta(hours=3).total_seconds()


def test_record_is_incremental(observed_env: Any) -> None:
    again = record("dev")
    assert {k: v for k, v in again.inserted.items() if v and k != "volumes"} == {}


def test_a_freshness_breach_is_exactly_one_alert_on_each_channel(observed: Any) -> None:
    bodies = [json.loads(b) for b in observed.webhook_bodies]
    freshness = [b for b in bodies if "fhir_freshness_2h breached" in b["text"]]
    assert len(freshness) == 1, [b["text"] for b in bodies]
    text = freshness[0]["text"]
    assert "source fhir (patient)" in text and "expected <= 2.0 h" in text and "observed 3.0 h" in text
    assert "https://reports.example.invalid/observability/index.html" in text
    sns = [m for m in observed.read_sns() if "fhir_freshness_2h breached" in m]
    assert sns == [text]


def test_a_breach_that_lasts_is_held_until_the_renotify_interval(
    observed_env: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    observed = observed_env
    sent_before = len(observed.webhook_bodies)
    record("dev")  # the same breach, minutes later
    assert len(observed.webhook_bodies) == sent_before
    held = [r for r in _rows(observed, "alerts") if r[1] == "fhir_freshness_2h" and r[7] == "held"]
    assert held
    monkeypatch.setenv("AEGIS_ALERT_RENOTIFY_MINUTES", "0")
    record("dev")
    assert len(observed.webhook_bodies) == sent_before + 1


def test_no_alert_history_or_report_holds_a_phi_value(observed_env: Any) -> None:
    observed = observed_env
    # The canary's table also has a volume anomaly: six weeks of history, then yesterday at a tenth.
    today = datetime.now(UTC).date()
    store = Store.duckdb(observed.paths.duckdb_path)
    try:
        store.append(
            "volumes",
            [
                {
                    "relation": "stg_fhir__patients",
                    "day": str(today - timedelta(days=days_ago)),
                    "row_count": 40 if days_ago == 1 else 400 + 7 * (days_ago % 3),
                    "recorded_at": datetime.now(UTC).isoformat(),
                }
                for days_ago in range(43, 0, -1)
            ],
        )
    finally:
        store.close()
    anomaly = record("dev")
    assert any("SLO volume_anomaly breached on stg_fhir__patients" in a for a in anomaly.alerts)
    report = write_report(
        "dev",
        observed.paths,
        manifest=json.loads((observed.work / "target" / "manifest.json").read_text(encoding="utf-8")),
    )
    texts = {"report": report.read_text(encoding="utf-8")}
    texts["webhook"] = "\n".join(b.decode("utf-8") for b in observed.webhook_bodies)
    texts["sns"] = "\n".join(observed.read_sns())
    for table in history.TABLES:
        texts[f"history {table.name}"] = "\n".join(repr(r) for r in _rows(observed, table.name))
    assert texts["webhook"] and texts["sns"] and texts["history test_results"]
    with duckdb.connect(str(observed.paths.duckdb_path), read_only=True) as connection:
        staged = connection.execute(
            "select count(*) from main_staging.stg_fhir__patients where ssn = ?", [observed.canary["ssn"]]
        ).fetchone()
    assert staged == (1,), "the canary must have reached the warehouse, or this test proves nothing"
    leaks = [
        (where, name)
        for where, text in texts.items()
        for name, value in observed.canary.items()
        if value in text
    ]
    assert leaks == []


def test_drift_is_detected_after_a_schema_change(observed: Any) -> None:
    store = Store.duckdb(observed.paths.duckdb_path)
    try:
        store.execute("alter table main_marts.dim_patient add column drift_probe varchar")
        store.execute("alter table main_marts.dim_patient alter column gender type blob")
        events = record_drift(store, observed.paths, "2099-01-01T00:00:00+00:00")
        store.execute("alter table main_marts.dim_patient drop column drift_probe")
        store.execute("alter table main_marts.dim_patient alter column gender type varchar")
    finally:
        store.close()
    changes = {(e["relation"], e["column_name"], e["change"]) for e in events}
    assert changes == {
        ("main_marts.dim_patient", "drift_probe", "added"),
        ("main_marts.dim_patient", "gender", "retyped"),
    }


def test_alert_text_is_built_from_names_and_numbers_only() -> None:
    alert = alerts.Alert("s", "t", "m", "<= 1", "2", "http://x/index.html")
    payload = alert.slack_payload()
    assert payload["text"] == alert.text() and "blocks" in payload


def test_a_channel_that_fails_is_named_without_its_url_and_the_alert_stays_due(tmp_path: Any) -> None:
    import socket

    from aegis.errors import UserError

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    secret_url = f"http://127.0.0.1:{closed}/services/T000/B000/not-a-real-token"
    store = Store.duckdb(tmp_path / "alerts.duckdb")
    try:
        store.ensure()
        alert = alerts.Alert("s", "t", "m", "<= 1", "2", "http://x/index.html")
        channels = alerts.Channels(webhook_url=secret_url)
        with pytest.raises(UserError) as raised:
            alerts.dispatch(store, [alert], "2026-01-01T00:00:00+00:00", channels)
        assert "webhook" in str(raised.value) and "not-a-real-token" not in str(raised.value)
        assert [r["channels"] for r in store.rows("alerts")] == ["failed: webhook failed"]
        with pytest.raises(UserError):  # not held: still due at the next record
            alerts.dispatch(store, [alert], "2026-01-01T00:05:00+00:00", channels)
        assert len(store.rows("alerts")) == 2
    finally:
        store.close()


def test_fhir_drift_names_new_and_retyped_elements_per_resource_type(observed: Any, tmp_path: Any) -> None:
    import gzip
    import shutil

    from aegis.observe.drift import diff, fhir_shape

    landing = tmp_path / "landing"
    shutil.copytree(observed.work / "data" / "landing" / "fhir", landing / "fhir")
    before = fhir_shape(landing)
    assert "Patient.name.family" in before["Patient"] and before["Patient"]["Patient.gender"] == "string"
    newest = sorted((landing / "fhir" / "resource_type=Patient").glob("ingest_date=*"))[-1]
    lines = gzip.decompress(next(newest.glob("part-*.ndjson.gz")).read_bytes()).decode().splitlines()
    envelopes = [json.loads(line) for line in lines if line.strip()]
    for envelope in envelopes:
        envelope["resource"]["gender"] = {"coding": [{"code": "F"}]}  # a sender changed its type
        envelope["resource"]["photo"] = [{"contentType": "image/png"}]  # a new element
    later = newest.parent / "ingest_date=2999-01-01"
    later.mkdir()
    (later / "part-0.ndjson.gz").write_bytes(gzip.compress("\n".join(map(json.dumps, envelopes)).encode()))
    events = diff("fhir", before, fhir_shape(landing), "2999-01-01T00:00:00+00:00")
    changes = {(e["relation"], e["column_name"], e["change"]) for e in events}
    assert ("Patient", "Patient.photo", "added") in changes
    assert ("Patient", "Patient.photo.contentType", "added") in changes
    assert ("Patient", "Patient.gender", "retyped") in changes
    assert {e["relation"] for e in events} == {"Patient"}
    assert all(observed.canary["gender"] not in json.dumps(e) for e in events)
