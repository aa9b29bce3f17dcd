"""The DuckDB pseudonym key is random per warehouse, private and stable: two warehouses get two keys, the
file is 0600 in a 0700 folder, a second run keeps the key, and a tightened folder stays usable. The pads
are RFC 2104's (checked against Python's hmac). A warehouse refuses a key it was not built with."""

from __future__ import annotations

import hashlib
import hmac
import stat
from pathlib import Path

import duckdb
import pytest

from aegis.errors import UserError
from aegis.governance.dbt_cli import run_dbt
from aegis.governance.duckdb_plugin import KEY_CHECK_TABLE, check_pseudonym_key, protect_database_files
from aegis.governance.pseudonym_key import (
    duckdb_key_file,
    ensure_duckdb_key,
    hmac_sha256_hex,
    pads,
    pseudonym,
    write_duckdb_key,
)
from aegis.governance.sample_project import isolated_dbt_env, write_sample_project


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_each_warehouse_gets_its_own_private_random_key(tmp_path: Path) -> None:
    env = {"AEGIS_SECRETS_DIR": str(tmp_path / "secrets")}
    first = ensure_duckdb_key(str(tmp_path / "a.duckdb"), env)
    second = ensure_duckdb_key(str(tmp_path / "b.duckdb"), env)
    assert first == duckdb_key_file(str(tmp_path / "a.duckdb"), env) and first != second
    assert first.read_text() != second.read_text()
    assert mode(first) == mode(second) == 0o600 and mode(first.parent) == 0o700
    kept = first.read_text()
    first.chmod(0o644)
    assert ensure_duckdb_key(str(tmp_path / "a.duckdb"), env).read_text() == kept  # stable
    assert mode(first) == 0o600  # and tightened again
    assert [p.name for p in first.parent.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_pads_compose_to_python_hmac() -> None:
    key, message = b"k" * 20, b"MRN-0001"
    inner, outer = pads(key)
    composed = hashlib.sha256(outer + hashlib.sha256(inner + message).digest()).hexdigest()
    assert composed == hmac.new(key, message, hashlib.sha256).hexdigest() == hmac_sha256_hex(key, "MRN-0001")
    assert pseudonym(key, "MRN-0001") == composed[:32]  # the first 128 bits
    long_key = bytes(range(100))  # longer than a block: hashed first (RFC 2104)
    inner, outer = pads(long_key)
    composed = hashlib.sha256(outer + hashlib.sha256(inner + message).digest()).hexdigest()
    assert composed == hmac_sha256_hex(long_key, "MRN-0001")
    assert pseudonym(long_key, "MRN-0001") == composed[:32]


def test_database_files_are_tightened_to_0600(tmp_path: Path) -> None:
    database = tmp_path / "w.duckdb"
    database.write_bytes(b"")
    database.with_name("w.duckdb.wal").write_bytes(b"")
    database.chmod(0o644)
    protect_database_files(database)
    assert mode(database) == mode(database.with_name("w.duckdb.wal")) == 0o600


# ---- the warehouse is bound to its key ----


def test_a_warehouse_refuses_a_key_it_was_not_built_with(tmp_path: Path) -> None:
    """The first connection records the key's check value; the same key passes again, another key (a key
    file lost and drawn again) is refused with the key file and warehouse named, never the key; a
    read-only connection compares without writing."""
    database = tmp_path / "w.duckdb"
    env = {"AEGIS_SECRETS_DIR": str(tmp_path / "secrets")}
    key_file = write_duckdb_key(str(database), b"first key", env)
    with duckdb.connect(str(database)) as con:
        check_pseudonym_key(con, key_file, str(database))
        check_pseudonym_key(con, key_file, str(database))
        assert con.execute(f"select count(*) from {KEY_CHECK_TABLE}").fetchall() == [(1,)]
    write_duckdb_key(str(database), b"second key", env)
    for read_only in (False, True):
        with duckdb.connect(str(database), read_only=read_only) as con, pytest.raises(UserError) as refused:
            check_pseudonym_key(con, key_file, str(database))
    message = str(refused.value)
    assert str(key_file) in message and str(database) in message and "--full-refresh" in message
    for secret in (b"second key".hex(), *key_file.read_text().splitlines()[1].split(",")):
        assert secret not in message
    fresh = tmp_path / "read_only.duckdb"
    duckdb.connect(str(fresh)).close()
    with duckdb.connect(str(fresh), read_only=True) as con:  # nothing recorded, nothing to compare
        check_pseudonym_key(con, key_file, str(fresh))


def test_dbt_stops_on_a_warehouse_whose_key_file_was_replaced(tmp_path: Path) -> None:
    """Through the DuckDB plugin, as every dbt command connects: a built warehouse whose key file is drawn
    again fails before any model runs, in one line that names the key file."""
    project = write_sample_project(tmp_path / "project")
    env = isolated_dbt_env(tmp_path)
    assert run_dbt(["run", "-s", "stg_demo__patients"], project_dir=project, env=env).ok
    key_file = duckdb_key_file(env["AEGIS_DUCKDB_PATH"], env)
    key_file.unlink()  # lost: the plugin draws a new key
    result = run_dbt(["run", "-s", "stg_demo__patients"], project_dir=project, env=env)
    assert not result.ok
    assert f"the pseudonym key file {key_file} is not the key the warehouse" in result.output
    assert "Traceback" not in result.output
