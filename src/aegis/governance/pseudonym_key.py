"""The pseudonym key: HMAC-SHA-256 (RFC 2104) pads, the DuckDB key file, and a key planted on PostgreSQL.

Pseudonyms are HMAC-SHA-256 of a value's UTF-8 bytes under a per-warehouse key, truncated to its first
128 bits: 32 lowercase hex digits (the truncation RFC 2104 section 5 and NIST SP 800-107 allow; 128 bits
keep collisions negligible, and half the width halves what joins and `count(distinct)` sort). SQL engines without an HMAC function compute it from sha256 with the two key blocks
precomputed (RFC 2104 section 4): ``sha256(outer_pad || sha256(inner_pad || message))`` where
``inner_pad = K xor 0x36..`` and ``outer_pad = K xor 0x5c..`` over the key zero-padded to 64 bytes.
The pads are as secret as the key: whoever holds them computes every pseudonym.

Where the key lives (never in SQL text, logs or artifacts):

- PostgreSQL: generated inside the database by the governance setup (macros/governance/
  aegis_pseudonym_key_setup.sql) into an owner-only table. `plant_postgres_key` replaces it with a
  known key (tests, or a migration that must keep pseudonyms) through COPY, whose data never
  appears in statement text or in the server's statement log.
- DuckDB: a CSV file of the pads, mode 0600, in a 0700 folder outside the repository
  (``AEGIS_SECRETS_DIR``, default ``~/.aegis/secrets``), one per warehouse path, created by the aegis
  DuckDB plugin before dbt connects. Views name the file, not the key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

BLOCK_SIZE = 64
KEY_BYTES = 32
DEFAULT_SECRETS_DIR = "~/.aegis/secrets"
PAD_COLUMNS = "inner_pad,outer_pad"


def pads(key: bytes) -> tuple[bytes, bytes]:
    """(inner_pad, outer_pad) of RFC 2104 for SHA-256 (64-byte block)."""
    if len(key) > BLOCK_SIZE:
        key = hashlib.sha256(key).digest()
    block = key.ljust(BLOCK_SIZE, b"\0")
    return bytes(b ^ 0x36 for b in block), bytes(b ^ 0x5C for b in block)


PSEUDONYM_HEX_DIGITS = 32


def hmac_sha256_hex(key: bytes, value: str) -> str:
    """HMAC-SHA-256 of `value`'s UTF-8 bytes under `key`, as 64 lowercase hex digits (Python's hmac)."""
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()


def pseudonym(key: bytes, value: str) -> str:
    """The pseudonym every engine must produce for `value` under `key`: the HMAC's first 128 bits, as
    macros/governance/aegis_keyed_pseudonym.sql truncates it (the reference)."""
    return hmac_sha256_hex(key, value)[:PSEUDONYM_HEX_DIGITS]


def secrets_dir(environ: Mapping[str, str] | None = None) -> Path:
    """AEGIS_SECRETS_DIR of `environ` (default: this process's environment), else ~/.aegis/secrets."""
    value = (os.environ if environ is None else environ).get("AEGIS_SECRETS_DIR")
    return Path(value or DEFAULT_SECRETS_DIR).expanduser()


def duckdb_key_file(warehouse_path: str, environ: Mapping[str, str] | None = None) -> Path:
    """The key file of a DuckDB warehouse, named like macros/governance/aegis_duckdb_key_file.sql does."""
    digest = hashlib.md5(warehouse_path.encode("utf-8"), usedforsecurity=False).hexdigest()
    return secrets_dir(environ) / f"duckdb-{digest}.pseudonym-key.csv"


def private_folder(path: Path) -> Path:
    """Create `path` (and missing parents) with mode 0700; tighten it to 0700 if it is ours."""
    missing = [p for p in [path, *path.parents] if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    tighten_folder(path)
    return path


def tighten_folder(path: Path) -> None:
    """chmod 0700 a folder we own, unless it is shared by design (sticky, like /tmp) or a home folder."""
    info = path.stat()
    shared = info.st_mode & stat.S_ISVTX or path in (Path.home(), Path("/"))
    if info.st_uid == os.getuid() and not shared and stat.S_IMODE(info.st_mode) != 0o700:
        path.chmod(0o700)


def _key_file_text(key: bytes) -> str:
    inner, outer = pads(key)
    return f"{PAD_COLUMNS}\n{inner.hex()},{outer.hex()}\n"


def write_duckdb_key(warehouse_path: str, key: bytes, environ: Mapping[str, str] | None = None) -> Path:
    """Replace the warehouse's key (rotation, or a planted test key): written 0600, then renamed."""
    target = duckdb_key_file(warehouse_path, environ)
    private_folder(target.parent)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(8)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(_key_file_text(key))
    temporary.replace(target)
    return target


def ensure_duckdb_key(warehouse_path: str, environ: Mapping[str, str] | None = None) -> Path:
    """The warehouse's key file, created from 32 random bytes if missing; always mode 0600 in a 0700 folder."""
    target = duckdb_key_file(warehouse_path, environ)
    private_folder(target.parent)
    if not target.exists():
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(8)}")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(_key_file_text(secrets.token_bytes(KEY_BYTES)))
        try:
            os.link(temporary, target)  # atomic; a concurrent run that won keeps its key
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    if stat.S_IMODE(target.stat().st_mode) != 0o600:
        target.chmod(0o600)
    return target


KEY_CHECK_MESSAGE = b"aegis:pseudonym-key-check"


def duckdb_key_check(key_file: Path) -> str:
    """The check value of the key in `key_file`: the pseudonym of a fixed public label under it, from the
    file's pads. It tells two keys apart and reveals nothing of either (an HMAC of a constant)."""
    row = key_file.read_text().splitlines()[1]
    inner, outer = (bytes.fromhex(pad) for pad in row.split(","))
    digest = hashlib.sha256(outer + hashlib.sha256(inner + KEY_CHECK_MESSAGE).digest()).hexdigest()
    return digest[:PSEUDONYM_HEX_DIGITS]


POSTGRES_KEY_TABLE = """create table if not exists {schema}.aegis_pseudonym_key (
    single_row boolean primary key default true check (single_row),
    inner_pad bytea not null check (length(inner_pad) = 64),
    outer_pad bytea not null check (length(outer_pad) = 64)
)"""


def plant_postgres_key(connection: Any, key: bytes, schema: str = "aegis_governance") -> None:
    """Store `key` as the database's pseudonym key (same table as the governance setup creates).

    The pads travel as COPY data, never in statement text, so neither the statement log nor
    pg_stat_statements sees them. `connection` is a psycopg2 connection of the key's owner.
    """
    inner, outer = pads(key)
    with connection.cursor() as cursor:
        cursor.execute(f"create schema if not exists {schema}")
        cursor.execute(f"revoke all on schema {schema} from public")
        cursor.execute(POSTGRES_KEY_TABLE.format(schema=schema))
        cursor.execute(f"delete from {schema}.aegis_pseudonym_key")
        data = f"\\\\x{inner.hex()}\t\\\\x{outer.hex()}\n"
        cursor.copy_expert(
            f"copy {schema}.aegis_pseudonym_key (inner_pad, outer_pad) from stdin", _Lines(data)
        )


class _Lines:
    """A minimal file object for psycopg2's copy_expert."""

    def __init__(self, text: str) -> None:
        self._data = text.encode("utf-8")

    def read(self, size: int = -1) -> bytes:
        chunk, self._data = (self._data, b"") if size < 0 else (self._data[:size], self._data[size:])
        return chunk

    def readline(self, size: int = -1) -> bytes:
        return self.read(size)
