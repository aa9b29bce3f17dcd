"""The official SQL-on-FHIR v2 conformance suite on every engine, gated by a baseline.

tests/conformance/sql-on-fhir-v2/baseline.json lists, per engine, the tests that pass. A test listed there
that fails now is a regression and fails this module; a test that passes but is not listed is printed, to
be added. DuckDB (in memory) and PostgreSQL 18 (embedded server) run the whole suite; fakesnow runs what its
Snowflake emulation can execute; Redshift has no local engine, so every view is compiled and its SQL
parsed by sqlfluff's redshift dialect.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from aegis.engines.postgres import PostgresServer
from aegis.views import ViewDefinitionError, compile_view
from aegis.views.conformance import (
    SOURCE,
    CaseOutcome,
    DuckDBExecutor,
    PostgresExecutor,
    SnowflakeExecutor,
    SuiteFile,
    SuiteRun,
    default_suite_dir,
    load_suite,
    run_suite,
    run_test,
)

BASELINE_PATH = default_suite_dir() / "baseline.json"
# The deepest compiled view (a nested extension()) nests past sqlfluff's default limit of 255.
SQLFLUFF_MAX_PARSE_DEPTH = 3000


@pytest.fixture(scope="module")
def suite() -> tuple[SuiteFile, ...]:
    return load_suite()


@pytest.fixture(scope="module")
def baseline() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(BASELINE_PATH.read_text(encoding="utf-8"))
    return document


def check_against_baseline(run: SuiteRun, baseline: dict[str, Any], suite: tuple[SuiteFile, ...]) -> None:
    print(f"\n{run.summary()}")
    assert run.outcomes, f"no conformance test ran on {run.engine}"
    assert len(run.outcomes) == sum(len(suite_file.tests) for suite_file in suite)
    expected = set(baseline[run.engine]["passing"])
    outcomes = {outcome.key: outcome for outcome in run.outcomes}
    stale = sorted(expected - set(outcomes))
    assert not stale, f"baseline names tests the suite does not have: {stale}"
    regressions = [f"{key}: {outcomes[key].error}" for key in sorted(expected) if not outcomes[key].passed]
    newly_passing = sorted(key for key, outcome in outcomes.items() if outcome.passed and key not in expected)
    if newly_passing:
        print(f"passing on {run.engine} but not in baseline.json (add them): {newly_passing}")
    assert not regressions, f"{run.engine}: tests of the baseline fail now:\n" + "\n".join(regressions)


def test_baseline_counts_match_its_lists(baseline: dict[str, Any], suite: tuple[SuiteFile, ...]) -> None:
    tiers = {test.key: test.tier for suite_file in suite for test in suite_file.tests}
    for engine, entry in baseline.items():
        if engine.startswith("_"):
            continue
        passing = entry["passing"]
        assert len(passing) == len(set(passing)), f"{engine}: duplicate entries"
        for tier in ("shareable", "experimental"):
            assert entry[tier] == sum(1 for key in passing if tiers.get(key) == tier), f"{engine} {tier}"


@pytest.fixture(scope="module")
def duckdb_run(suite: tuple[SuiteFile, ...]) -> SuiteRun:
    return run_suite(DuckDBExecutor(), suite)


def test_duckdb_conformance(
    duckdb_run: SuiteRun, suite: tuple[SuiteFile, ...], baseline: dict[str, Any]
) -> None:
    check_against_baseline(duckdb_run, baseline, suite)


@pytest.mark.slow
def test_postgres_conformance(
    postgres_database: PostgresServer, suite: tuple[SuiteFile, ...], baseline: dict[str, Any]
) -> None:
    connection = postgres_database.connect()
    try:
        run = run_suite(PostgresExecutor(connection), suite)
    finally:
        connection.close()
    check_against_baseline(run, baseline, suite)


@pytest.fixture
def fresh_fakesnow() -> Iterator[Any]:
    """A factory of fresh in-process fakesnow databases.

    Not the shared `fakesnow_server`: a DuckDB internal error inside fakesnow (some of our Snowflake SQL
    triggers one) invalidates its whole database, so each test gets a new one and one failure cannot fail
    the tests after it.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the connector warns about its vendored requests' versions
        import fakesnow
        import snowflake.connector

    def connect() -> Any:
        connection = snowflake.connector.connect(database="sof", schema="conformance")
        for statement in ("create database if not exists sof", "create schema if not exists sof.conformance"):
            connection.cursor().execute(statement)
        connection.cursor().execute("use schema sof.conformance")
        return connection

    yield fakesnow, connect


@pytest.mark.slow
def test_fakesnow_conformance(
    fresh_fakesnow: Any, suite: tuple[SuiteFile, ...], baseline: dict[str, Any]
) -> None:
    fakesnow, connect = fresh_fakesnow
    outcomes: list[CaseOutcome] = []
    for suite_file in suite:
        for test in suite_file.tests:
            with fakesnow.patch():
                connection = connect()
                executor = SnowflakeExecutor(connection)
                executor.load(suite_file.resources)
                outcomes.append(run_test(executor, test))
                connection.close()
    check_against_baseline(SuiteRun("fakesnow", tuple(outcomes)), baseline, suite)


@pytest.mark.slow
def test_redshift_views_compile_and_parse(suite: tuple[SuiteFile, ...], baseline: dict[str, Any]) -> None:
    """No Redshift here: a test passes when its view compiles and sqlfluff parses the SQL, or when a view
    that must fail (expectError) is refused at compile time."""
    from sqlfluff.core import FluffConfig, Linter

    linter = Linter(
        config=FluffConfig(overrides={"dialect": "redshift", "max_parse_depth": SQLFLUFF_MAX_PARSE_DEPTH})
    )
    outcomes = []
    for suite_file in suite:
        for test in suite_file.tests:
            try:
                compiled = compile_view(test.view, "redshift", SOURCE)
            except ViewDefinitionError as error:
                outcomes.append(CaseOutcome(test.file, test.title, test.tier, test.expect_error, str(error)))
                continue
            violations = linter.parse_string(compiled.sql).violations
            error = str(violations[0]) if violations else None
            outcomes.append(CaseOutcome(test.file, test.title, test.tier, not violations, error))
    check_against_baseline(SuiteRun("redshift", tuple(outcomes)), baseline, suite)


def test_vendored_suite_is_complete() -> None:
    """A fresh clone runs the suite from the test tree: 22 files, 134 tests (123 shareable), with licence."""
    suite_dir = default_suite_dir()
    files = load_suite(suite_dir)
    tests = [test for suite_file in files for test in suite_file.tests]
    assert (len(files), len(tests)) == (22, 134)
    assert sum(1 for test in tests if test.tier == "shareable") == 123
    for name in ("LICENSE.md", "PROVENANCE.md", "tests.schema.json", "test-report.schema.json"):
        assert (suite_dir / name).is_file(), name
    assert "49fc1adffa8490e7cd5c1e8917d8eb24cbea9dee" in (suite_dir / "PROVENANCE.md").read_text()


def test_report_follows_the_suite_schema(duckdb_run: SuiteRun) -> None:
    import jsonschema

    schema = json.loads((default_suite_dir() / "test-report.schema.json").read_text())
    jsonschema.validate(duckdb_run.report(), schema)
    assert sum(len(entry["tests"]) for entry in duckdb_run.report().values()) == 134
