"""Load the landing folder (NDJSON.gz envelopes) into raw_fhir.<type> tables on PostgreSQL or Snowflake.

DuckDB reads the landing files in place and needs none of this. Other engines need real tables behind the
`fhir` source: one table per resource type, one row per delivered envelope (duplicates included — staging
dedupes, as with at-least-once delivery in production). Columns are the envelope fields; the FHIR resource
goes into PostgreSQL `jsonb` / Snowflake `VARIANT`, the two timestamps are typed so that
`dbt source freshness` (loaded_at_field received_at) works.

Files are streamed line by line and written in batches: memory stays bounded by the batch size, not the
landing size. PostgreSQL takes each batch through COPY; Snowflake (fakesnow) through one multi-row
INSERT ... SELECT per batch (in production, COPY INTO from a stage does the same job: docs/engines.md).
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import orjson

RAW_SCHEMA = "raw_fhir"
RESOURCE_TYPES = (
    "Patient",
    "Coverage",
    "Encounter",
    "Condition",
    "Observation",
    "Procedure",
    "MedicationRequest",
    "Claim",
    "ExplanationOfBenefit",
    "Immunization",
)
# Envelope fields in landing-contract order; `resource` stays last (the JSON column).
TEXT_COLUMNS = ("event_id", "resource_type", "resource_id", "version_id")
TIMESTAMP_COLUMNS = ("last_updated", "received_at")
# source_position and deleted decide the latest delivery and apply deletions (docs/landing-contract.md).
ENVELOPE_COLUMNS = (*TEXT_COLUMNS, *TIMESTAMP_COLUMNS, "source", "source_position", "deleted", "resource")
DEFAULT_BATCH_ROWS = 5_000
LANDING_FILE_GLOB = "fhir/resource_type=*/ingest_date=*/*.ndjson.gz"


def table_name(resource_type: str) -> str:
    """`ExplanationOfBenefit` -> `explanation_of_benefit` (the source table names in _fhir__sources.yml)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", resource_type).lower()


@dataclass(frozen=True)
class LandingFile:
    resource_type: str
    path: Path


def landing_files(landing_dir: Path) -> list[LandingFile]:
    """Every landed part file of a modelled type, sorted for a deterministic load order. Every R4 type
    lands; only the modelled ones have raw tables (the others wait in the landing for a view of theirs)."""
    found: list[LandingFile] = []
    for path in sorted(landing_dir.glob(LANDING_FILE_GLOB)):
        resource_type = path.parent.parent.name.removeprefix("resource_type=")
        if resource_type in RESOURCE_TYPES:
            found.append(LandingFile(resource_type, path))
    return found


Row = tuple[str | None, ...]


def _envelope_row(line: bytes, where: str) -> Row:
    try:
        envelope = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        # Position only: the line itself may hold PHI.
        raise ValueError(f"{where}: not valid JSON (at byte {error.pos})") from None
    if not isinstance(envelope, dict) or "resource" not in envelope:
        raise ValueError(f"{where}: not a landing envelope (no `resource` field)")
    values: list[str | None] = [
        None if envelope.get(column) is None else str(envelope[column]) for column in ENVELOPE_COLUMNS[:-1]
    ]
    values.append(orjson.dumps(envelope["resource"]).decode())
    return tuple(values)


def read_envelopes(file: LandingFile) -> Iterator[Row]:
    """Rows of one part file, streamed (a gzip member is never read into memory whole)."""
    with gzip.open(file.path, "rb") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield _envelope_row(line, f"{file.path.name} line {number}")


def batched(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class RawTarget(Protocol):
    """One engine's side of the load: create the tables, append a batch."""

    def create_tables(self, *, replace: bool) -> None: ...

    def append(self, table: str, rows: Sequence[Row]) -> None: ...


@dataclass
class PostgresRawTarget:
    """raw_fhir tables in PostgreSQL; `connection` is a psycopg2 connection."""

    connection: Any
    schema: str = RAW_SCHEMA

    def create_tables(self, *, replace: bool) -> None:
        columns = ", ".join(
            [f"{name} text" for name in TEXT_COLUMNS]
            + [f"{name} timestamptz" for name in TIMESTAMP_COLUMNS]
            + ["source text", "source_position text", "deleted boolean", "resource jsonb"]
        )
        with self.connection.cursor() as cursor:
            cursor.execute(f"create schema if not exists {self.schema}")
            for resource_type in RESOURCE_TYPES:
                table = f"{self.schema}.{table_name(resource_type)}"
                if replace:
                    cursor.execute(f"drop table if exists {table}")
                cursor.execute(f"create table if not exists {table} ({columns})")
        self.connection.commit()

    def append(self, table: str, rows: Sequence[Row]) -> None:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        # CSV: an unquoted empty field is NULL for COPY, a quoted one "" would be an empty string.
        writer.writerows(["" if value is None else value for value in row] for row in rows)
        buffer.seek(0)
        with self.connection.cursor() as cursor:
            cursor.copy_expert(
                f"copy {self.schema}.{table} ({', '.join(ENVELOPE_COLUMNS)}) from stdin with (format csv)",
                buffer,
            )
        self.connection.commit()


@dataclass
class SnowflakeRawTarget:
    """RAW_FHIR tables in Snowflake (or fakesnow); `connection` is a snowflake.connector connection."""

    connection: Any
    schema: str = RAW_SCHEMA
    # Each batch is one statement with client-side bound values: keep it well under statement size limits.
    rows_per_statement: int = 500
    _select: str = field(init=False, default="")

    def __post_init__(self) -> None:
        position = {name: index + 1 for index, name in enumerate(ENVELOPE_COLUMNS)}
        casts = (
            [f"column{position[name]}" for name in TEXT_COLUMNS]
            + [f"cast(column{position[name]} as timestamp_tz)" for name in TIMESTAMP_COLUMNS]
            + [f"column{position['source']}", f"column{position['source_position']}"]
            + [f"cast(column{position['deleted']} as boolean)", f"parse_json(column{position['resource']})"]
        )
        self._select = ", ".join(casts)

    def create_tables(self, *, replace: bool) -> None:
        columns = ", ".join(
            [f"{name} varchar" for name in TEXT_COLUMNS]
            + [f"{name} timestamp_tz" for name in TIMESTAMP_COLUMNS]
            + ["source varchar", "source_position varchar", "deleted boolean", "resource variant"]
        )
        cursor = self.connection.cursor()
        try:
            cursor.execute(f"create schema if not exists {self.schema}")
            for resource_type in RESOURCE_TYPES:
                table = f"{self.schema}.{table_name(resource_type)}"
                verb = "create or replace table" if replace else "create table if not exists"
                cursor.execute(f"{verb} {table} ({columns})")
        finally:
            cursor.close()

    def append(self, table: str, rows: Sequence[Row]) -> None:
        placeholders = "(" + ", ".join(["%s"] * len(ENVELOPE_COLUMNS)) + ")"
        cursor = self.connection.cursor()
        try:
            for start in range(0, len(rows), self.rows_per_statement):
                chunk = rows[start : start + self.rows_per_statement]
                values = ", ".join([placeholders] * len(chunk))
                statement = (
                    f"insert into {self.schema}.{table} ({', '.join(ENVELOPE_COLUMNS)}) "
                    f"select {self._select} from values {values}"
                )
                cursor.execute(statement, [value for row in chunk for value in row])
        finally:
            cursor.close()


@dataclass
class LoadReport:
    """Rows loaded per raw table (counts only: nothing from the records themselves)."""

    rows_by_table: dict[str, int] = field(default_factory=dict)
    files: int = 0

    @property
    def total_rows(self) -> int:
        return sum(self.rows_by_table.values())


def load_landing(
    landing_dir: Path,
    target: RawTarget,
    *,
    replace: bool = True,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    progress: bool = False,
) -> LoadReport:
    """Create the nine raw tables (empty ones too: every source must exist) and append every landed row."""
    target.create_tables(replace=replace)
    files = landing_files(landing_dir)
    report = LoadReport(rows_by_table={table_name(kind): 0 for kind in RESOURCE_TYPES}, files=len(files))
    with _progress(progress, len(files)) as advance:
        for file in files:
            table = table_name(file.resource_type)
            for batch in batched(read_envelopes(file), batch_rows):
                target.append(table, batch)
                report.rows_by_table[table] += len(batch)
            advance()
    return report


class _Advance(Protocol):
    def __call__(self) -> None: ...


class _progress:
    """A rich progress bar over files when asked for (and on a terminal), otherwise nothing."""

    def __init__(self, enabled: bool, total: int) -> None:
        self._enabled = enabled
        self._total = total
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> _Advance:
        if self._enabled:
            from rich.progress import Progress

            self._bar = Progress(transient=True)
            self._bar.start()
            self._task = self._bar.add_task("loading raw tables", total=self._total)
        return self._advance

    def _advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def __exit__(self, *exc_info: object) -> None:
        if self._bar is not None:
            self._bar.stop()
