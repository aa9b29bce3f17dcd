"""Shared pytest fixtures: real engines started once per session, and an isolated dbt runner.

- `postgres_server`: embedded PostgreSQL 18 on 127.0.0.1:<free port>, password auth, database `aegis`.
  Session-scoped (starts in about a second). Tests that write should use `postgres_database`, which gives
  each test its own fresh database on that server.
- `fakesnow_server`: a fakesnow process (Snowflake HTTP protocol) on 127.0.0.1:<free port>; its data is
  in memory and shared by all sessions, so tests isolate by database name.
- `synthetic_landing`: a small synthetic population (aegis.synth, fixed seed) landed by aegis.ingest
  into a session tmp folder; the landing contract layout, ready for DuckDB or the raw loaders.
- `run_dbt`: runs the dbt CLI of this venv from the project root, in a subprocess, with the target,
  logs, data folder and DuckDB file in the test's tmp folder and the engine variables you pass in.

Both servers are stopped at the end of the session (and by an atexit hook if pytest dies).
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path

import pytest
from psycopg2 import sql

from aegis.engines.fakesnow import FakesnowServer, start_fakesnow, stop_fakesnow
from aegis.engines.postgres import PostgresServer, start_postgres, stop_postgres
from aegis.governance.dbt_cli import DbtResult
from aegis.governance.dbt_cli import run_dbt as run_dbt_cli
from aegis.governance.sample_project import isolated_dbt_env

pytest_plugins = ("area_progress",)  # one line per area instead of dots (tests/python/area_progress.py)


@pytest.fixture(scope="session")
def session_dir() -> Iterator[Path]:
    """A private folder for the session's servers and data, removed at the end.

    Outside pytest's basetemp on purpose: a concurrent pytest session on the same machine resets that
    tree to 0700 (locking out the server's OS user when running as root) and deletes basetemps beyond
    the newest three — which killed a running PostgreSQL whose data folder vanished.
    """
    path = Path(tempfile.mkdtemp(prefix="aegis-tests-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server(session_dir: Path) -> Iterator[PostgresServer]:
    server = start_postgres(session_dir / "postgres")
    print(f"\nembedded PostgreSQL started in {server.start_seconds:.2f}s on {server.host}:{server.port}")
    try:
        yield server
    finally:
        stop_postgres(server)


@pytest.fixture
def postgres_database(postgres_server: PostgresServer) -> Iterator[PostgresServer]:
    """The session server, pointed at a new empty database that is dropped after the test."""
    name = f"aegis_{uuid.uuid4().hex[:12]}"
    admin = postgres_server.connect(dbname="postgres")
    try:
        with admin.cursor() as cursor:
            cursor.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
        yield replace(postgres_server, dbname=name)
        with admin.cursor() as cursor:
            cursor.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name)))
    finally:
        admin.close()


@pytest.fixture(scope="session")
def fakesnow_server(session_dir: Path) -> Iterator[FakesnowServer]:
    server = start_fakesnow(session_dir / "fakesnow")
    print(f"\nfakesnow started in {server.start_seconds:.2f}s on {server.host}:{server.port}")
    try:
        yield server
    finally:
        stop_fakesnow(server)


SYNTHETIC_PATIENTS = 120
SYNTHETIC_SEED = 7


@pytest.fixture(scope="session")
def synthetic_landing(session_dir: Path) -> Path:
    from aegis.ingest.landing import LocalStore
    from aegis.ingest.loader import land_events
    from aegis.synth import SynthOptions, generate

    root = session_dir / "synthetic"
    summary = generate(
        SynthOptions(patients=SYNTHETIC_PATIENTS, seed=SYNTHETIC_SEED), root / "synth", progress=False
    )
    landing = root / "landing"
    land_events(summary.events_path, LocalStore(landing), LocalStore(root / "quarantine"), progress=False)
    return landing


RunDbt = Callable[..., DbtResult]


@pytest.fixture
def run_dbt(tmp_path: Path) -> RunDbt:
    """`run_dbt("build", env={**pg.dbt_env(), "AEGIS_TARGET": "postgres"})` -> DbtResult (never raises).

    Isolation (aegis.governance.sample_project.isolated_dbt_env): target, logs, DuckDB file and data folder
    in this test's tmp folder, so parallel helpers, CI and other tests never share artifacts. `env` adds
    or overrides variables. Module-scoped fixtures call aegis.governance.dbt_cli.run_dbt the same way.
    """

    def run(*args: str, env: Mapping[str, str] | None = None, timeout: float = 1800) -> DbtResult:
        return run_dbt_cli(list(args), env=isolated_dbt_env(tmp_path, **(env or {})), timeout=timeout)

    return run
