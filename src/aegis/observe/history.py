"""Run history: the `observability` schema's tables, their DDL per engine, and the rows `record` appends.

One definition per table (columns, neutral types, PHI classification) renders the DDL and the inserts of
every engine, so DuckDB, PostgreSQL, Snowflake and Redshift hold the same history. Rows come from dbt's
artifacts (through `aegis.artifacts`) and the loader's reports: identifiers of nodes, statuses, counts,
durations, reason codes. Never a message, a compiled query or a data value: a dbt failure message can
quote a row, and a row may be PHI.

Appends are incremental: an invocation, a freshness snapshot or a load already recorded is skipped, so
`aegis observe record` can run after every build (the Airflow DAG's last step) at the cost of a few
inserts.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

SCHEMA = "observability"
Engine = Literal["duckdb", "postgres", "snowflake", "redshift"]
ENGINES: tuple[Engine, ...] = ("duckdb", "postgres", "snowflake", "redshift")
NeutralType = Literal["text", "int", "float", "timestamp", "date"]


@dataclass(frozen=True)
class Column:
    name: str
    type: NeutralType
    description: str
    phi: str = "none"  # a history table holds identifiers of nodes, statuses and counts: never PHI


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # what makes a row already recorded (incremental appends skip it)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


DECLARATION = Path("models") / "observability" / "_observability__sources.yml"
NEUTRAL_TYPES: frozenset[str] = frozenset({"text", "int", "float", "timestamp", "date"})


def load_tables(project_dir: Path | None = None) -> tuple[Table, ...]:
    """The history tables as `models/observability/_observability__sources.yml` declares them (a dbt source:
    dbt validates each column's `config.meta.phi` like every other source's; Python renders the DDL)."""
    import yaml  # type: ignore[import-untyped]  # no types-PyYAML in the pinned toolchain

    from aegis.paths import project_root

    path = (project_dir or project_root()) / DECLARATION
    if not path.is_file():  # AEGIS_PROJECT_DIR names a project without it: this checkout's declaration
        path = Path(__file__).resolve().parents[3] / DECLARATION
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    (source,) = [s for s in document["sources"] if s["name"] == SCHEMA]
    tables = []
    for table in source["tables"]:
        columns = []
        for column in table["columns"]:
            meta = column["config"]["meta"]
            if meta["history_type"] not in NEUTRAL_TYPES:
                raise ValueError(f"{path}: {table['name']}.{column['name']}: unknown history_type")
            columns.append(Column(column["name"], meta["history_type"], column["description"], meta["phi"]))
        key = tuple(table["config"]["meta"]["history_key"])
        tables.append(Table(table["name"], table["description"], tuple(columns), key))
    return tuple(tables)


TABLES: tuple[Table, ...] = load_tables()
TABLE_BY_NAME = {t.name: t for t in TABLES}


# --- rendering per engine (one small function per engine, like adapter.dispatch) ----------------

_TYPES: dict[Engine, dict[NeutralType, str]] = {
    "duckdb": {
        "text": "varchar",
        "int": "bigint",
        "float": "double",
        "timestamp": "timestamptz",
        "date": "date",
    },
    "postgres": {
        "text": "text",
        "int": "bigint",
        "float": "double precision",
        "timestamp": "timestamptz",
        "date": "date",
    },
    "snowflake": {
        "text": "varchar",
        "int": "number(38, 0)",
        "float": "float",
        "timestamp": "timestamp_tz",
        "date": "date",
    },
    # Redshift: varchar(256) holds every id and code we write; timestamptz is a native type.
    "redshift": {
        "text": "varchar(1024)",
        "int": "bigint",
        "float": "double precision",
        "timestamp": "timestamptz",
        "date": "date",
    },
}


def create_schema_sql(engine: Engine) -> str:
    return f"create schema if not exists {SCHEMA}"


def create_table_sql(table: Table, engine: Engine) -> str:
    columns = ",\n    ".join(f"{c.name} {_TYPES[engine][c.type]}" for c in table.columns)
    comment = ""
    if engine == "snowflake":
        comment = " comment = '" + table.description.replace("'", "''") + "'"
    return f"create table if not exists {SCHEMA}.{table.name} (\n    {columns}\n){comment}"


def insert_sql(table: Table, engine: Engine) -> str:
    """A parameterised insert: `?` for DuckDB, `%s` (pyformat) for psycopg2, redshift_connector and the
    Snowflake connector's default binding."""
    marker = "?" if engine == "duckdb" else "%s"
    placeholders = ", ".join(marker for _ in table.columns)
    return f"insert into {SCHEMA}.{table.name} ({', '.join(table.column_names)}) values ({placeholders})"


def ddl(engine: Engine) -> list[str]:
    """Every statement that creates the observability schema and its tables on `engine`."""
    return [create_schema_sql(engine), *(create_table_sql(t, engine) for t in TABLES)]


# --- a connection that speaks to DuckDB or PostgreSQL -------------------------------------------


class Store:
    """The history tables on one live engine (DuckDB file or PostgreSQL connection)."""

    def __init__(self, engine: Engine, connection: Any) -> None:
        self.engine = engine
        self.connection = connection

    @classmethod
    def duckdb(cls, path: Path) -> Store:
        import duckdb

        return cls("duckdb", duckdb.connect(str(path)))

    def close(self) -> None:
        self.connection.close()

    def execute(self, statement: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        if self.engine == "duckdb":
            result = self.connection.execute(statement, list(parameters))
            return list(result.fetchall()) if result.description else []
        with self.connection.cursor() as cursor:
            cursor.execute(statement, tuple(parameters) or None)
            return list(cursor.fetchall()) if cursor.description else []

    def ensure(self) -> None:
        for statement in ddl(self.engine):
            self.execute(statement)
        if self.engine == "postgres" and not getattr(self.connection, "autocommit", True):
            self.connection.commit()

    def keys(self, table: Table) -> set[tuple[str, ...]]:
        rows = self.execute(f"select {', '.join(table.key)} from {SCHEMA}.{table.name}")
        return {tuple(_key_text(v) for v in row) for row in rows}

    def append(self, table_name: str, rows: Iterable[dict[str, Any]]) -> int:
        """Insert the rows not yet recorded (by the table's key); returns how many were inserted."""
        table = TABLE_BY_NAME[table_name]
        seen = self.keys(table)
        fresh: list[tuple[Any, ...]] = []
        for row in rows:
            key = tuple(_key_text(row.get(k)) for k in table.key)
            if key in seen:
                continue
            seen.add(key)
            fresh.append(tuple(row.get(c) for c in table.column_names))
        if not fresh:
            return 0
        statement = insert_sql(table, self.engine)
        if self.engine == "duckdb":
            self.connection.executemany(statement, [list(r) for r in fresh])
        else:
            with self.connection.cursor() as cursor:
                cursor.executemany(statement, fresh)
            if not getattr(self.connection, "autocommit", True):
                self.connection.commit()
        return len(fresh)

    def rows(self, table_name: str, order_by: str | None = None) -> list[dict[str, Any]]:
        table = TABLE_BY_NAME[table_name]
        order = f" order by {order_by}" if order_by else ""
        found = self.execute(f"select {', '.join(table.column_names)} from {SCHEMA}.{table.name}{order}")
        return [dict(zip(table.column_names, row, strict=True)) for row in found]


def _key_text(value: Any) -> str:
    """Keys compare as text: a timestamp read back equals the ISO string it was written from."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        from datetime import datetime

        if isinstance(value, datetime) and value.tzinfo is not None:
            from datetime import UTC

            return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")
        return str(value.isoformat())
    text = str(value)
    if len(text) >= 19 and text[4] == "-" and text[10] in "T ":
        from datetime import UTC, datetime

        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return text
        if parsed.tzinfo is not None:
            return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")
    return text


# --- rows from artifacts ------------------------------------------------------------------------


def _completed_at(result: dict[str, Any]) -> str | None:
    for timing in result.get("timing") or []:
        if timing.get("name") == "execute" and timing.get("completed_at"):
            return str(timing["completed_at"])
    return None


def run_result_rows(
    run_results: dict[str, Any], manifest: dict[str, Any], recorded_at: str
) -> dict[str, list[dict[str, Any]]]:
    """Rows of invocations, node_results and test_results from one run_results.json."""
    metadata = run_results.get("metadata") or {}
    invocation = str(metadata.get("invocation_id"))
    results = run_results.get("results") or []
    manifest_nodes = manifest.get("nodes") or {}
    out: dict[str, list[dict[str, Any]]] = {
        "invocations": [
            {
                "invocation_id": invocation,
                "command": str((run_results.get("args") or {}).get("which") or ""),
                "dbt_version": metadata.get("dbt_version"),
                "generated_at": metadata.get("generated_at"),
                "elapsed_s": run_results.get("elapsed_time"),
                "results": len(results),
                "recorded_at": recorded_at,
            }
        ],
        "node_results": [],
        "test_results": [],
    }
    for result in results:
        unique_id = str(result.get("unique_id"))
        kind = unique_id.split(".", 1)[0]
        if kind in ("test", "unit_test"):
            node = manifest_nodes.get(unique_id) or {}
            attached = node.get("attached_node") or next(
                iter((node.get("depends_on") or {}).get("nodes") or []), None
            )
            out["test_results"].append(
                {
                    "invocation_id": invocation,
                    "unique_id": unique_id,
                    "tested_node": attached,
                    "status": str(result.get("status")),
                    "failures": result.get("failures"),
                    "completed_at": _completed_at(result),
                }
            )
        elif kind in ("model", "seed", "snapshot"):
            out["node_results"].append(
                {
                    "invocation_id": invocation,
                    "unique_id": unique_id,
                    "resource_type": kind,
                    "status": str(result.get("status")),
                    "execution_time_s": result.get("execution_time"),
                    "rows_affected": (result.get("adapter_response") or {}).get("rows_affected"),
                    "completed_at": _completed_at(result),
                }
            )
    return out


def freshness_rows(sources: dict[str, Any], recorded_at: str) -> dict[str, list[dict[str, Any]]]:
    metadata = sources.get("metadata") or {}
    invocation = str(metadata.get("invocation_id"))
    results = sources.get("results") or []
    return {
        "invocations": [
            {
                "invocation_id": invocation,
                "command": "source freshness",
                "dbt_version": metadata.get("dbt_version"),
                "generated_at": metadata.get("generated_at"),
                "elapsed_s": sources.get("elapsed_time"),
                "results": len(results),
                "recorded_at": recorded_at,
            }
        ],
        "source_freshness": [
            {
                "invocation_id": invocation,
                "unique_id": r.get("unique_id"),
                "status": str(r.get("status")),
                "max_loaded_at": r.get("max_loaded_at"),
                "snapshotted_at": r.get("snapshotted_at"),
                "age_s": r.get("max_loaded_at_time_ago_in_s"),
            }
            for r in results
        ],
    }


def load_report_rows(report_paths: Iterable[Path]) -> dict[str, list[dict[str, Any]]]:
    """Rows from the loader's `_loads/*.json` reports: counts and reason codes, nothing else."""
    out: dict[str, list[dict[str, Any]]] = {"load_reports": [], "load_counts": []}
    for path in sorted(report_paths):
        report = json.loads(path.read_text(encoding="utf-8"))
        load_id = f"{report.get('events_sha256', path.stem)}@{report.get('started_at')}"
        out["load_reports"].append(
            {
                "load_id": load_id,
                "started_at": report.get("started_at"),
                "finished_at": report.get("finished_at"),
                "items_in": report.get("items_in"),
                "landed": report.get("landed"),
                "quarantined": report.get("quarantined"),
            }
        )
        for kind, field in (("landed", "landed_by_type"), ("quarantined", "quarantined_by_reason")):
            for label, items in sorted((report.get(field) or {}).items()):
                out["load_counts"].append({"load_id": load_id, "kind": kind, "label": label, "items": items})
    return out


Appender = Callable[[str, Iterable[dict[str, Any]]], int]


def append_all(append: Appender, tables: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    return {name: append(name, rows) for name, rows in tables.items()}
