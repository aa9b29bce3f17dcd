"""The history tables on PostgreSQL (a real server), and their Snowflake/Redshift DDL and DML parsed."""

from __future__ import annotations

from typing import Any

import pytest
import sqlglot
import sqlglot.expressions as exp

from aegis.observe import history
from aegis.observe.record import record


@pytest.mark.parametrize("engine", ["snowflake", "redshift", "postgres", "duckdb"])
def test_ddl_and_inserts_parse_in_the_engine_dialect(engine: history.Engine) -> None:
    statements = history.ddl(engine)
    assert len(statements) == len(history.TABLES) + 1
    for table, statement in zip(history.TABLES, statements[1:], strict=True):
        parsed = sqlglot.parse_one(statement, read=engine)
        assert isinstance(parsed, exp.Create)
        assert [c.name for c in parsed.find_all(exp.ColumnDef)] == table.column_names
        insert = sqlglot.parse_one(history.insert_sql(table, engine).replace("%s", "?"), read=engine)
        assert isinstance(insert, exp.Insert)
    assert isinstance(sqlglot.parse_one(statements[0], read=engine), exp.Create)


def test_redshift_and_snowflake_types_are_their_own() -> None:
    redshift = "\n".join(history.ddl("redshift"))
    snowflake = "\n".join(history.ddl("snowflake"))
    assert "timestamptz" in redshift and "varchar(1024)" in redshift and "timestamp_tz" not in redshift
    assert "timestamp_tz" in snowflake and "number(38, 0)" in snowflake and "comment = '" in snowflake


def test_history_tables_are_filled_on_postgresql(
    observed: Any, postgres_database: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in observed.variables.items():
        monkeypatch.setenv(name, value)
    for name in ("AEGIS_ALERT_WEBHOOK_URL", "AEGIS_ALERT_SNS_TOPIC_ARN"):  # the DuckDB tests count those
        monkeypatch.delenv(name)
    for name, value in postgres_database.dbt_env().items():
        monkeypatch.setenv(name, value)
    connection = postgres_database.connect()
    with connection.cursor() as cursor:
        # The staging relation the manifest names, so volumes and lags run their SQL on PostgreSQL too.
        cursor.execute("create schema main_staging")
        cursor.execute(
            "create table main_staging.stg_fhir__patients as select now() - make_interval(hours => g) "
            "as received_at from generate_series(4, 40) as g"
        )
    assert record("postgres", folder=observed.work / "artifacts-of-run").engine == "postgres"
    summary = record("postgres")
    assert summary.engine == "postgres"
    with connection.cursor() as cursor:
        counts = {}
        for table in history.TABLES:
            cursor.execute(f"select count(*) from {history.SCHEMA}.{table.name}")
            counts[table.name] = cursor.fetchone()[0]
        cursor.execute(f"select status from {history.SCHEMA}.source_freshness")
        assert cursor.fetchall() == [("warn",)]
        cursor.execute(
            f"select subject_kind, subject, events from {history.SCHEMA}.freshness_lags order by 1"
        )
        lags = cursor.fetchall()
        cursor.execute(f"select slo, relation, channels from {history.SCHEMA}.alerts order by 1, 3")
        channels = cursor.fetchall()
    connection.close()
    assert counts["invocations"] == 3 and counts["test_results"] > 0 and counts["node_results"] == 2
    assert counts["load_reports"] == 1 and counts["volumes"] >= 2 and counts["schema_columns"] > 0
    assert ("resource_type", "stg_fhir__patients", 37) in lags
    # Events received 4 to 40 hours before the build: the mart's p95 lag breaches the 6-hour target (once,
    # then held), and the stale patient source breaches the freshness SLO; no channel is configured here.
    assert channels == [
        ("fhir_freshness_2h", "source fhir (patient)", "none configured"),
        ("fhir_freshness_2h_lag", "mart dim_patient", "held"),
        ("fhir_freshness_2h_lag", "mart dim_patient", "none configured"),
    ]
    assert record("postgres").inserted.get("invocations") == 0


def test_history_tables_are_created_and_filled_in_snowflakes_dialect(
    observed: Any, fakesnow_server: Any
) -> None:
    """The Snowflake DDL and inserts run through the Snowflake connector against fakesnow (no enforcement,
    but Snowflake's SQL, types and parameter binding)."""
    import json
    import uuid

    from aegis.observe.history import Store

    database = f"observe_{uuid.uuid4().hex[:8]}"
    admin = fakesnow_server.connect(database=None)
    admin.cursor().execute(f"create database {database}")
    admin.close()
    store = Store("snowflake", fakesnow_server.connect(database=database))
    try:
        store.ensure()
        folder = observed.work / "artifacts-of-run"
        run_results = json.loads((folder / "run_results.json").read_text(encoding="utf-8"))
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        rows = history.run_result_rows(run_results, manifest, "2026-01-01T00:00:00+00:00")
        rows.update(history.load_report_rows((observed.work / "data" / "landing" / "_loads").glob("*.json")))
        inserted = history.append_all(store.append, rows)
        assert inserted["invocations"] == 1 and inserted["node_results"] == 2 and inserted["load_counts"] > 0
        assert history.append_all(store.append, rows) == {name: 0 for name in rows}  # keys read back
        assert store.rows("node_results", order_by="unique_id")[0]["status"] == "success"
    finally:
        store.close()
