"""Start and stop a fakesnow server: Snowflake's HTTP protocol on 127.0.0.1, backed by in-memory DuckDB.

dbt-snowflake (through snowflake-connector-python) logs in and runs queries against it exactly as against
an account, so the project's Snowflake dialect really executes. The server runs in its own process rather
than a thread of the test process: dbt builds then don't fight the tests for the GIL, a crash cannot take
pytest down, and the server log goes to a file.

fakesnow emulates the SQL, not the platform: no roles, grants, masking or row access policies are
enforced (see docs/engines.md).
"""

from __future__ import annotations

import atexit
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LISTEN_HOST = "127.0.0.1"
READY_TIMEOUT_SECONDS = 60.0
STOP_TIMEOUT_SECONDS = 15.0
# Names the `fakesnow` target of profiles.yml expects; fakesnow accepts any credentials.
ACCOUNT = "fakesnow"
USER = "fake"
PASSWORD = "snow"
DATABASE = "AEGIS"
WAREHOUSE = "AEGIS_WH"
ROLE = "ACCOUNTADMIN"


@dataclass(frozen=True)
class FakesnowServer:
    host: str
    port: int
    pid: int
    log_file: Path
    start_seconds: float

    def connect_kwargs(self, *, database: str | None = DATABASE, schema: str | None = None) -> dict[str, Any]:
        """Keyword arguments for `snowflake.connector.connect` against this server."""
        kwargs: dict[str, Any] = {
            "account": ACCOUNT,
            "user": USER,
            "password": PASSWORD,
            "host": self.host,
            "port": self.port,
            "protocol": "http",
            # Telemetry would try to reach the internet; retries would hide a server error for minutes.
            "session_parameters": {"CLIENT_OUT_OF_BAND_TELEMETRY_ENABLED": False},
            "network_timeout": 60,
        }
        if database:
            kwargs["database"] = database
        if schema:
            kwargs["schema"] = schema
        return kwargs

    def connect(self, *, database: str | None = DATABASE, schema: str | None = None) -> Any:
        import snowflake.connector

        return snowflake.connector.connect(**self.connect_kwargs(database=database, schema=schema))

    def dbt_env(self) -> dict[str, str]:
        """The variables the `fakesnow` target of profiles.yml reads."""
        return {
            "AEGIS_SF_ACCOUNT": ACCOUNT,
            "AEGIS_SF_USER": USER,
            "AEGIS_SF_PASSWORD": PASSWORD,
            "AEGIS_SF_HOST": self.host,
            "AEGIS_SF_PORT": str(self.port),
            "AEGIS_SF_DATABASE": DATABASE,
            "AEGIS_SF_WAREHOUSE": WAREHOUSE,
            "AEGIS_SF_ROLE": ROLE,
        }


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LISTEN_HOST, 0))
        return int(sock.getsockname()[1])


def _accepts_connections(port: int) -> bool:
    try:
        with socket.create_connection((LISTEN_HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


def _stop_process(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    # fakesnow -s waits for SIGINT and then shuts uvicorn down cleanly.
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT_SECONDS)


_processes: dict[int, subprocess.Popen[bytes]] = {}


def stop_fakesnow(server: FakesnowServer) -> None:
    process = _processes.pop(server.pid, None)
    if process is not None:
        _stop_process(process)


def start_fakesnow(work_dir: Path) -> FakesnowServer:
    """Launch `python -m fakesnow -s` on 127.0.0.1:<free port> and wait until it accepts connections.

    The database is in memory and shared by every session of this server: dbt, the raw loader and the
    tests see the same tables. The caller must call `stop_fakesnow`.
    """
    started = time.perf_counter()
    work_dir.mkdir(parents=True, exist_ok=True)
    log_file = work_dir / "fakesnow.log"
    port = _free_port()
    with log_file.open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "fakesnow", "-s", "--host", LISTEN_HOST, "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            # fakesnow makes a stage "bucket" folder in the temp dir on start: keep it inside work_dir.
            env={**os.environ, "TMPDIR": str(work_dir)},
        )
    _processes[process.pid] = process
    atexit.register(_stop_process, process)
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while not _accepts_connections(port):
        if process.poll() is not None or time.monotonic() > deadline:
            _stop_process(process)
            raise RuntimeError(f"fakesnow did not start on {LISTEN_HOST}:{port}; log: {log_file}")
        time.sleep(0.1)
    return FakesnowServer(
        host=LISTEN_HOST,
        port=port,
        pid=process.pid,
        log_file=log_file,
        start_seconds=time.perf_counter() - started,
    )


@contextmanager
def running_fakesnow(work_dir: Path) -> Iterator[FakesnowServer]:
    server = start_fakesnow(work_dir)
    try:
        yield server
    finally:
        stop_fakesnow(server)
