"""`aegis observe record`: append the last build's history to the `observability` schema.

Reads dbt's artifacts (manifest.json, the last build's run_results, sources.json when `dbt source freshness`
ran) and the loader's reports, measures daily volumes and end-to-end lags from the staging models'
`received_at`, snapshots schemas for drift, then evaluates the SLOs and alerts. Every step appends only
what is new, so running it after each build costs a few queries.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aegis.artifacts import last_build_results, load_json, nodes, target_dir
from aegis.errors import UserError
from aegis.observe import history
from aegis.observe.history import Store
from aegis.paths import Paths


@dataclass
class RecordSummary:
    engine: str
    inserted: dict[str, int] = field(default_factory=dict)
    alerts: list[str] = field(default_factory=list)
    drift: int = 0

    def render(self) -> str:
        counts = ", ".join(f"{name}+{n}" for name, n in sorted(self.inserted.items()) if n) or "nothing new"
        lines = [f"observability history ({self.engine}): {counts}"]
        lines.append(f"schema drift: {self.drift} change(s)")
        lines.extend(f"alert: {a}" for a in self.alerts)
        return "\n".join(lines)


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


def open_store(target: str, paths: Paths | None = None) -> Store:
    """The history store of a target: `dev` (DuckDB file) or `postgres` (the AEGIS_PG_* server)."""
    paths = paths or Paths.from_env()
    if target in ("dev", "duckdb"):
        if not paths.duckdb_path.is_file():
            raise UserError(
                f"DuckDB warehouse {paths.duckdb_path} does not exist; build it first (dbt build) "
                "or point AEGIS_DUCKDB_PATH at it"
            )
        return Store.duckdb(paths.duckdb_path)
    if target == "postgres":
        from aegis.engines.postgres import connect_from_env

        connection = connect_from_env()
        connection.autocommit = True
        return Store("postgres", connection)
    raise UserError(
        f"observe record: target {target!r} is not recordable here (dev or postgres); Snowflake and Redshift "
        "take the DDL of `aegis observe ddl --engine ...`"
    )


def _relation(node: Any, engine: str) -> str:
    return f'"{node.schema}"."{node.alias}"'


def staging_models(manifest: dict[str, Any]) -> list[Any]:
    """Staging models with a received_at column: the relations volumes and lags are measured on."""
    return [
        n
        for n in nodes(manifest, ("model",))
        if n.layer == "staging" and "received_at" in n.columns and n.materialized != "ephemeral"
    ]


def existing_relations(store: Store) -> set[tuple[str, str]]:
    rows = store.execute("select table_schema, table_name from information_schema.tables")
    return {(str(s), str(t)) for s, t in rows}


def volume_rows(store: Store, manifest: dict[str, Any], recorded_at: str) -> list[dict[str, Any]]:
    """Daily counts per staging model from received_at: only the days from the last recorded one on.

    The predicate on received_at lets an incremental model or a partitioned table prune; counts only.
    """
    existing = existing_relations(store)
    last = {
        str(r): d
        for r, d in store.execute(
            f"select relation, max(day) from {history.SCHEMA}.volumes group by relation"
        )
    }
    rows: list[dict[str, Any]] = []
    marker = "?" if store.engine == "duckdb" else "%s"
    for node in staging_models(manifest):
        if (node.schema, node.alias) not in existing:
            continue
        since = last.get(node.name)
        where = f" where received_at >= cast({marker} as date)" if since else ""
        found = store.execute(
            f"select cast(received_at as date) as day, count(*) from {_relation(node, store.engine)}"
            f"{where} group by 1 order by 1",
            [str(since)] if since else [],
        )
        for day, count in found:
            if day is None:
                continue
            rows.append(
                {"relation": node.name, "day": str(day), "row_count": int(count), "recorded_at": recorded_at}
            )
    return rows


def _replace_days(store: Store, rows: list[dict[str, Any]]) -> None:
    """The last recorded day was partial: its count is replaced, older days are kept."""
    marker = "?" if store.engine == "duckdb" else "%s"
    for row in rows:
        store.execute(
            f"delete from {history.SCHEMA}.volumes where relation = {marker} and day = cast({marker} as date)",
            [row["relation"], row["day"]],
        )


def record(target: str = "dev", paths: Paths | None = None, folder: Path | None = None) -> RecordSummary:
    """Append everything new to the history tables of `target`; evaluate SLOs, drift and alerts."""
    from aegis.observe import drift, slo

    paths = paths or Paths.from_env()
    folder = folder or target_dir()
    if target in ("dev", "duckdb"):
        open_store(target, paths).close()  # the warehouse must exist before its artifacts matter
    try:
        manifest = load_json("manifest.json", folder)
    except FileNotFoundError as error:
        raise UserError(f"{error}; set DBT_TARGET_PATH to the build's target folder") from None
    run_results = last_build_results(folder)
    sources_path = folder / "sources.json"
    if not run_results and not sources_path.is_file():  # a record of nothing is a failure, not "no alerts"
        raise UserError(
            f"observe record: no dbt build results or source freshness in {folder}; run dbt build first "
            "(or set DBT_TARGET_PATH)"
        )
    recorded_at = now_iso()
    store = open_store(target, paths)
    summary = RecordSummary(engine=store.engine)
    try:
        store.ensure()
        tables: dict[str, list[dict[str, Any]]] = {}

        def add(more: dict[str, list[dict[str, Any]]]) -> None:
            for name, rows in more.items():
                tables.setdefault(name, []).extend(rows)

        if run_results:
            add(history.run_result_rows(run_results, manifest, recorded_at))
        if sources_path.is_file():
            add(history.freshness_rows(load_json("sources.json", folder), recorded_at))
        add(history.load_report_rows((paths.landing_dir / "_loads").glob("*.json")))
        volumes = volume_rows(store, manifest, recorded_at)
        _replace_days(store, volumes)
        tables["volumes"] = volumes
        if run_results:
            tables["freshness_lags"] = slo.lag_rows(store, manifest, run_results)
        summary.inserted = history.append_all(store.append, tables)
        events = drift.record_drift(store, paths, recorded_at)
        summary.drift = len(events)
        summary.alerts = [a.text() for a in slo.evaluate_and_alert(store, manifest, recorded_at)]
    finally:
        store.close()
    return summary


def report_link(paths: Paths | None = None) -> str:
    base = os.environ.get("AEGIS_REPORT_URL")
    if base:
        return base.rstrip("/") + "/index.html"
    paths = paths or Paths.from_env()
    return (paths.reports_dir / "observability" / "index.html").as_uri()
