"""The pseudonym key lands nowhere: a random canary key is planted where each warehouse keeps its key,
the whole project is built (`dbt build`, then `dbt docs generate`) on DuckDB and on PostgreSQL 18, and
every file written (target/, logs/, the warehouse folder, the test's folder, files the run touched in
the repository) and PostgreSQL's server log with every statement logged are searched for the key in
every form it could take: text, hex, and the two HMAC pads. Zero hits. On DuckDB the build runs through
`aegis lineage run` (OpenLineage events to files) and the reports are written too (access matrix,
deid-check, summary), so lineage events and reports are searched as well. Both builds use the
profile's two threads, snapshots included (PostgreSQL once failed there with "tuple concurrently
updated"; governance statements are now serialised).

The planted key is really used: pseudonyms in the phi_limited tier views equal Python's
hmac(canary, value, sha256), so a key that silently fell back to another one would fail too.
"""

from __future__ import annotations

import os
import secrets
import stat
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from psycopg2 import sql

from aegis.engines.postgres import PostgresServer
from aegis.engines.raw_load import PostgresRawTarget, load_landing
from aegis.governance.pseudonym_key import (
    duckdb_key_file,
    pads,
    plant_postgres_key,
    pseudonym,
    write_duckdb_key,
)
from aegis.governance.sample_project import isolated_dbt_env
from aegis.paths import project_root

pytestmark = pytest.mark.slow

SKIPPED_IN_REPOSITORY = {".git", ".venv", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis"}


def canary() -> bytes:
    return f"aegis-canary-{secrets.token_hex(16)}".encode()


def needles(key: bytes) -> list[bytes]:
    """Every form the key could be written in: as text, as hex (either case), and its HMAC pads."""
    forms = [key, key.hex().encode()]
    for pad in pads(key):
        forms += [pad.hex().encode(), pad.hex().upper().encode()]
    forms.append(key.hex().upper().encode())
    return forms


def files_under(root: Path, skip: Iterable[Path] = ()) -> Iterator[Path]:
    skipped = {p.resolve() for p in skip}
    for folder, dirs, names in os.walk(root):
        dirs[:] = [
            d for d in dirs if d not in SKIPPED_IN_REPOSITORY and (Path(folder) / d).resolve() not in skipped
        ]
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path


def hits(paths: Iterable[Path], key: bytes) -> list[str]:
    found = []
    forms = needles(key)
    for path in paths:
        data = path.read_bytes()
        found += [f"{path}: form {i}" for i, form in enumerate(forms) if form in data]
    return found


def written_since(started: float, root: Path) -> list[Path]:
    """Files of the repository working tree modified during the test (dbt must write nowhere else)."""
    return [p for p in files_under(root) if p.stat().st_mtime >= started]


def assert_pseudonyms_use(key: bytes, base: list[Any], tier: list[Any]) -> None:
    """The phi_limited view shows HMAC-SHA-256 under `key` of the base (patient_id, mrn) rows."""
    expected = {(pseudonym(key, patient), mrn and pseudonym(key, mrn)) for patient, mrn in base}
    assert len(tier) > 50 and set(tier) == expected


def aegis_cli(work: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The aegis CLI of this venv with the test's isolated environment (as run_dbt gives dbt)."""
    command = [str(Path(sys.executable).with_name("aegis")), *args]
    full_env = {**os.environ, "DBT_PROFILES_DIR": str(project_root()), **isolated_dbt_env(work, **env)}
    return subprocess.run(
        command, cwd=project_root(), env=full_env, capture_output=True, text=True, check=False
    )


def assert_build_ok(result: Any) -> None:
    assert result.ok, result.output[-4000:]


def test_duckdb_build_and_docs_write_the_key_nowhere(
    synthetic_landing: Path, run_dbt: Any, tmp_path: Path
) -> None:
    key = canary()
    warehouse = tmp_path / "warehouse" / "aegis.duckdb"
    env = {
        "AEGIS_LANDING_DIR": str(synthetic_landing),
        "AEGIS_DUCKDB_PATH": str(warehouse),
        "AEGIS_SECRETS_DIR": str(tmp_path / "secrets"),
        # the old interface: nothing may read it, print it or store it (dbt's partial parsing keeps env values)
        "AEGIS_PSEUDONYM_KEY": key.decode(),
    }
    key_file = write_duckdb_key(str(warehouse), key, env)
    started = time.time()
    built = aegis_cli(tmp_path, env, "lineage", "run")
    assert built.returncode == 0, (built.stdout + built.stderr)[-4000:]
    assert_build_ok(run_dbt("docs", "generate", env=env))
    for report in (
        ["governance", "access-matrix"],
        ["governance", "deid-check", "--duckdb-path", str(warehouse)],
        ["summary"],
    ):
        done = aegis_cli(tmp_path, env, *report)
        assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]
        assert not [form for form in needles(key) if form.decode() in done.stdout + done.stderr]
    events = list((tmp_path / "data" / "openlineage").rglob("*"))
    reports = list((tmp_path / "data" / "reports").rglob("*"))
    assert any(p.is_file() for p in events) and any(p.is_file() for p in reports)

    with duckdb.connect(str(warehouse), read_only=True) as con:
        base = con.execute("select patient_id, mrn from main_staging.stg_fhir__patients").fetchall()
        tier = con.execute(
            "select patient_id, mrn from main_staging_tier_phi_limited.stg_fhir__patients"
        ).fetchall()
    assert_pseudonyms_use(key, base, tier)

    # the key's only home: 0600 in a 0700 folder; and the warehouse itself is private (issue 10, item 6)
    assert key_file == duckdb_key_file(str(warehouse), env)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(warehouse.stat().st_mode) == 0o600
    assert stat.S_IMODE(warehouse.parent.stat().st_mode) == 0o700

    written = [*files_under(tmp_path, skip=[key_file.parent]), *written_since(started, project_root())]
    assert len(written) > 5 and any(p.name == "dbt.log" for p in written)
    assert hits(written, key) == []


def test_postgres_build_and_docs_write_the_key_nowhere(
    synthetic_landing: Path, postgres_database: PostgresServer, run_dbt: Any, tmp_path: Path
) -> None:
    server = postgres_database
    key = canary()
    with server.connect(dbname="postgres") as admin, admin.cursor() as cursor:
        # every statement dbt sends reaches the server log, where the key must not be either
        cursor.execute(
            sql.SQL("alter database {} set log_statement = 'all'").format(sql.Identifier(server.dbname))
        )
    with server.connect() as conn:
        load_landing(synthetic_landing, PostgresRawTarget(conn))
        plant_postgres_key(conn, key)
    log_start = server.log_file.stat().st_size
    env = {**server.dbt_env(), "AEGIS_TARGET": "postgres", "AEGIS_PSEUDONYM_KEY": key.decode()}
    started = time.time()
    assert_build_ok(run_dbt("build", env=env))
    assert_build_ok(run_dbt("docs", "generate", env=env))

    with server.connect() as conn, conn.cursor() as cursor:
        cursor.execute("select patient_id, mrn from aegis_staging.stg_fhir__patients")
        base = cursor.fetchall()
        cursor.execute("select patient_id, mrn from aegis_staging_tier_phi_limited.stg_fhir__patients")
        tier = cursor.fetchall()
    assert_pseudonyms_use(key, base, tier)

    server_log = server.log_file.read_bytes()[log_start:]
    assert b"aegis_pseudonym_key" in server_log  # statements were logged: the search below means something
    assert [form for form in needles(key) if form in server_log] == []
    written = [*files_under(tmp_path), *written_since(started, project_root())]
    assert len(written) > 5 and any(p.name == "dbt.log" for p in written)
    assert hits(written, key) == []
