"""Run the official SQL-on-FHIR v2 conformance suite (vendored in tests/conformance/sql-on-fhir-v2) on an engine.

Each test file brings fixture resources and tests of a ViewDefinition against expected rows. Per the suite's
rules: rows compare as bags (order does not matter) and so do columns, except that `expectColumns` fixes
the column order; a test with `expectError` passes when compiling or running the view fails.

The report is the suite's test-report format (test-report.schema.json).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from aegis.paths import project_root
from aegis.views import ViewDefinitionError, compile_view
from aegis.views.plan import SqlType
from aegis.views.render import SqlSource

SUITE_RELATIVE_DIR = Path("tests/conformance/sql-on-fhir-v2")
RESOURCE_TABLE = "sof_conformance_resources"
SOURCE = SqlSource(RESOURCE_TABLE, resource_column="resource", resource_type_column="resource_type")


def default_suite_dir() -> Path:
    return project_root() / SUITE_RELATIVE_DIR


@dataclass(frozen=True)
class SuiteTest:
    file: str
    title: str
    tags: tuple[str, ...]
    view: Any
    expect: tuple[Any, ...]
    expect_error: bool
    expect_columns: tuple[str, ...] | None

    @property
    def key(self) -> str:
        """`<file>::<title>`: how the baseline names a test."""
        return f"{self.file}::{self.title}"

    @property
    def tier(self) -> str:
        return "shareable" if "shareable" in self.tags else "experimental"


@dataclass(frozen=True)
class SuiteFile:
    name: str
    resources: tuple[Any, ...]
    tests: tuple[SuiteTest, ...]


def load_suite(directory: Path | None = None) -> tuple[SuiteFile, ...]:
    """Every test file of the suite, sorted by name; empty folder -> ValueError (a suite that runs nothing)."""
    tests_dir = (directory or default_suite_dir()) / "tests"
    files = []
    for path in sorted(tests_dir.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        tests = tuple(
            SuiteTest(
                file=path.name,
                title=test["title"],
                tags=tuple(test.get("tags", ())),
                view=test["view"],
                expect=tuple(test.get("expect", ())),
                expect_error=bool(test.get("expectError", False)),
                expect_columns=tuple(test["expectColumns"]) if "expectColumns" in test else None,
            )
            for test in document["tests"]
        )
        files.append(SuiteFile(path.name, tuple(document.get("resources", ())), tests))
    if not files:
        raise ValueError(f"no conformance test files in {tests_dir}")
    return tuple(files)


class Executor(Protocol):
    """Runs SQL on one engine against a table named RESOURCE_TABLE (resource_type, resource)."""

    renderer: str  # the aegis.views renderer to compile with
    errors: tuple[type[BaseException], ...]  # what a failing query raises

    def load(self, resources: Sequence[Any]) -> None: ...

    def query(self, sql: str, json_columns: frozenset[str]) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows; JSON columns decoded to Python values."""
        ...


@dataclass(frozen=True)
class CaseOutcome:
    file: str
    title: str
    tier: str
    passed: bool
    error: str | None = None

    @property
    def key(self) -> str:
        return f"{self.file}::{self.title}"


@dataclass(frozen=True)
class SuiteRun:
    engine: str
    outcomes: tuple[CaseOutcome, ...]

    def passed(self, tier: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.tier == tier and outcome.passed)

    def total(self, tier: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.tier == tier)

    def summary(self) -> str:
        return (
            f"sql-on-fhir conformance {self.engine}: "
            f"{self.passed('shareable')}/{self.total('shareable')} shareable, "
            f"{self.passed('experimental')}/{self.total('experimental')} experimental"
        )

    def passing_keys(self) -> list[str]:
        return [outcome.key for outcome in self.outcomes if outcome.passed]

    def report(self) -> dict[str, Any]:
        """The suite's test-report format: {file: {"tests": [{"name", "result": {"passed", "error"?}}]}}."""
        report: dict[str, Any] = {}
        for outcome in self.outcomes:
            result: dict[str, Any] = {"passed": outcome.passed}
            if outcome.error:
                result["error"] = outcome.error
            report.setdefault(outcome.file, {"tests": []})["tests"].append(
                {"name": outcome.title, "result": result}
            )
        return report

    def per_file(self) -> list[tuple[str, int, int]]:
        """(file, passed, failed) per test file, in suite order."""
        passed: Counter[str] = Counter()
        failed: Counter[str] = Counter()
        for outcome in self.outcomes:
            (passed if outcome.passed else failed)[outcome.file] += 1
        files = list(dict.fromkeys(outcome.file for outcome in self.outcomes))
        return [(name, passed[name], failed[name]) for name in files]


def run_suite(executor: Executor, suite: Iterable[SuiteFile], engine_name: str | None = None) -> SuiteRun:
    outcomes: list[CaseOutcome] = []
    for suite_file in suite:
        executor.load(suite_file.resources)
        outcomes.extend(run_test(executor, test) for test in suite_file.tests)
    return SuiteRun(engine_name or executor.renderer, tuple(outcomes))


def run_test(executor: Executor, test: SuiteTest) -> CaseOutcome:
    def outcome(passed: bool, error: str | None = None) -> CaseOutcome:
        return CaseOutcome(test.file, test.title, test.tier, passed, error)

    try:
        compiled = compile_view(test.view, executor.renderer, SOURCE)
    except ViewDefinitionError as error:
        return outcome(test.expect_error, None if test.expect_error else f"compile error: {error}")
    json_columns = frozenset(column.name for column in compiled.columns if column.type is SqlType.JSON)
    try:
        columns, rows = executor.query(compiled.sql, json_columns)
    except executor.errors as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return outcome(test.expect_error, None if test.expect_error else f"query failed: {first_line}")
    if test.expect_error:
        return outcome(False, "expected an error, the view compiled and ran")
    mismatch = compare_rows(columns, rows, test.expect, test.expect_columns)
    return outcome(mismatch is None, mismatch)


def compare_rows(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    expect: Sequence[Any],
    expect_columns: Sequence[str] | None,
) -> str | None:
    """None when the rows match (as a bag), else what differs."""
    if expect_columns is not None and list(columns) != list(expect_columns):
        return f"expected columns {list(expect_columns)}, got {list(columns)}"
    if expect:
        expected_names = set(expect[0])
        if expected_names != set(columns):
            return f"expected columns {sorted(expected_names)}, got {sorted(columns)}"
    actual_rows = sorted(_row_key(dict(zip(columns, row, strict=True))) for row in rows)
    expected_rows = sorted(_row_key(row) for row in expect)
    if actual_rows == expected_rows:
        return None
    return f"expected rows {expected_rows}, got {actual_rows}"


def _row_key(row: dict[str, Any]) -> str:
    return json.dumps({name: _canonical(value) for name, value in row.items()}, sort_keys=True)


def _canonical(value: Any) -> Any:
    """Values as the suite's JSON means them: 5, 5.0 and Decimal('5.000') are the same number."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value)).normalize()
        return {"number": format(number, "f")}
    if isinstance(value, list | tuple):
        return [_canonical(item) for item in value]
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


# --- executors -----------------------------------------------------------------------------------


def _decode_json(
    columns: Sequence[str], rows: Iterable[Sequence[Any]], json_columns: frozenset[str]
) -> list[tuple[Any, ...]]:
    decoded = []
    for row in rows:
        decoded.append(
            tuple(
                json.loads(value) if name in json_columns and isinstance(value, str) else value
                for name, value in zip(columns, row, strict=True)
            )
        )
    return decoded


class DuckDBExecutor:
    renderer = "duckdb"

    def __init__(self) -> None:
        import duckdb

        self.errors: tuple[type[BaseException], ...] = (duckdb.Error,)
        self.connection = duckdb.connect(":memory:")
        self.connection.execute(f"create table {RESOURCE_TABLE} (resource_type varchar, resource json)")

    def load(self, resources: Sequence[Any]) -> None:
        self.connection.execute(f"delete from {RESOURCE_TABLE}")
        if resources:
            self.connection.executemany(
                f"insert into {RESOURCE_TABLE} values (?, ?)",
                [[resource.get("resourceType"), json.dumps(resource)] for resource in resources],
            )

    def query(self, sql: str, json_columns: frozenset[str]) -> tuple[list[str], list[tuple[Any, ...]]]:
        cursor = self.connection.execute(sql)
        columns = [description[0] for description in cursor.description or ()]
        return columns, _decode_json(columns, cursor.fetchall(), json_columns)


class PostgresExecutor:
    """On a psycopg2 connection (the caller owns it); the resources go to a temporary table."""

    renderer = "postgres"
    STATEMENT_TIMEOUT = "60s"

    def __init__(self, connection: Any) -> None:
        import psycopg2

        self.errors: tuple[type[BaseException], ...] = (psycopg2.Error,)
        self.connection = connection
        self.connection.autocommit = True
        with self.connection.cursor() as cursor:
            cursor.execute(f"set statement_timeout = '{self.STATEMENT_TIMEOUT}'")
            cursor.execute(f"create temporary table {RESOURCE_TABLE} (resource_type text, resource jsonb)")

    def load(self, resources: Sequence[Any]) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(f"truncate {RESOURCE_TABLE}")
            for resource in resources:
                cursor.execute(
                    f"insert into {RESOURCE_TABLE} values (%s, %s)",
                    (resource.get("resourceType"), json.dumps(resource)),
                )

    def query(self, sql: str, json_columns: frozenset[str]) -> tuple[list[str], list[tuple[Any, ...]]]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql)
            columns = [description[0] for description in cursor.description or ()]
            # psycopg2 decodes jsonb itself: a JSON string arrives as a str already, not to decode again.
            return columns, [tuple(row) for row in cursor.fetchall()]


class SnowflakeExecutor:
    """On a snowflake-connector connection (fakesnow in tests); VARIANT values arrive as JSON text."""

    renderer = "snowflake"

    def __init__(self, connection: Any) -> None:
        import snowflake.connector

        self.errors: tuple[type[BaseException], ...] = (snowflake.connector.Error,)
        self.connection = connection
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"create or replace table {RESOURCE_TABLE} (resource_type varchar, resource variant)"
            )

    def load(self, resources: Sequence[Any]) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(f"delete from {RESOURCE_TABLE}")
            for resource in resources:
                cursor.execute(
                    f"insert into {RESOURCE_TABLE} select %s, parse_json(%s)",
                    (resource.get("resourceType"), json.dumps(resource)),
                )

    def query(self, sql: str, json_columns: frozenset[str]) -> tuple[list[str], list[tuple[Any, ...]]]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql)
            columns = [
                description[0].lower() if description[0].isupper() else description[0]
                for description in cursor.description or ()
            ]
            return columns, _decode_json(columns, cursor.fetchall(), json_columns)


# --- entry points for the CLI ---------------------------------------------------------------------

CLI_ENGINES = ("duckdb", "postgres")


def run_on_engine(engine: str, suite_dir: Path | None = None) -> SuiteRun:
    """The whole suite on DuckDB (in memory) or PostgreSQL (the AEGIS_PG_* variables of the postgres target)."""
    suite = load_suite(suite_dir)
    if engine == "duckdb":
        return run_suite(DuckDBExecutor(), suite)
    if engine == "postgres":
        from aegis.engines.postgres import connect_from_env

        connection = connect_from_env()
        try:
            return run_suite(PostgresExecutor(connection), suite)
        finally:
            connection.close()
    raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(CLI_ENGINES)}")


def describe_run(run: SuiteRun) -> list[str]:
    """Lines for people: passed/failed per file, each failure with its reason, then the total."""
    lines = []
    failures: dict[str, list[CaseOutcome]] = {outcome.file: [] for outcome in run.outcomes}
    for outcome in run.outcomes:
        if not outcome.passed:
            failures[outcome.file].append(outcome)
    for name, passed, failed in run.per_file():
        lines.append(f"{name:28} {passed:3} passed {failed:3} failed")
        lines.extend(
            f"    FAILED [{outcome.tier}] {outcome.title}: {outcome.error}" for outcome in failures[name]
        )
    lines.append(run.summary())
    return lines


def write_report(run: SuiteRun, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(run.report(), indent=2) + "\n", encoding="utf-8")
