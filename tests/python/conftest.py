"""Shared pytest fixtures: real engines started once per session, and an isolated dbt runner.

- `postgres_server`: embedded PostgreSQL 18 on 127.0.0.1:<free port>, password auth, database `aegis`.
  Session-scoped (starts in about a second). Tests that write should use `postgres_database`, which gives
  each test its own fresh database on that server.
- `fakesnow_server`: a fakesnow process (Snowflake HTTP protocol) on 127.0.0.1:<free port>; its data is
  in memory and shared by all sessions, so tests isolate by database name.
- `run_dbt`: runs the dbt CLI of this venv from the project root, in a subprocess, with the target,
  logs and DuckDB file in the test's tmp folder and the engine variables you pass in.

Both servers are stopped at the end of the session (and by an atexit hook if pytest dies).
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path

import pytest
from psycopg2 import sql

from aegis.engines.fakesnow import FakesnowServer, start_fakesnow, stop_fakesnow
from aegis.engines.postgres import PostgresServer, start_postgres, stop_postgres
from aegis.paths import project_root

DBT = str(Path(sys.executable).parent / "dbt")


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresServer]:
    server = start_postgres(tmp_path_factory.mktemp("postgres"))
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
def fakesnow_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakesnowServer]:
    server = start_fakesnow(tmp_path_factory.mktemp("fakesnow"))
    print(f"\nfakesnow started in {server.start_seconds:.2f}s on {server.host}:{server.port}")
    try:
        yield server
    finally:
        stop_fakesnow(server)


RunDbt = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_dbt(tmp_path: Path) -> RunDbt:
    """`run_dbt("build", "--target", "postgres", env=pg.dbt_env())` -> CompletedProcess (never raises).

    Isolation: DBT_TARGET_PATH, DBT_LOG_PATH and AEGIS_DUCKDB_PATH point into this test's tmp folder, so
    parallel helpers, CI and other tests never share artifacts. `env` adds or overrides variables.
    """

    def run(
        *args: str, env: Mapping[str, str] | None = None, timeout: float = 1800
    ) -> subprocess.CompletedProcess[str]:
        full_env = {
            **os.environ,
            "DBT_PROFILES_DIR": str(project_root()),
            "DBT_PROJECT_DIR": str(project_root()),
            "DBT_TARGET_PATH": str(tmp_path / "target"),
            "DBT_LOG_PATH": str(tmp_path / "logs"),
            "AEGIS_DUCKDB_PATH": str(tmp_path / "aegis.duckdb"),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            **(env or {}),
        }
        return subprocess.run(
            [DBT, *args],
            cwd=project_root(),
            env=full_env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    return run
