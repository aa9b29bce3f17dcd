"""The DuckDB pseudonym key is random per warehouse, private and stable: two warehouses get two keys, the
file is 0600 in a 0700 folder, a second run keeps the key, and a tightened folder stays usable. The pads
are RFC 2104's (checked against Python's hmac)."""

from __future__ import annotations

import hashlib
import hmac
import stat
from pathlib import Path

from aegis.governance.duckdb_plugin import protect_database_files
from aegis.governance.pseudonym_key import (
    duckdb_key_file,
    ensure_duckdb_key,
    hmac_sha256_hex,
    pads,
    pseudonym,
)


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
