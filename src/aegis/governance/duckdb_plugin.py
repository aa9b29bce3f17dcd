"""dbt-duckdb plugin (profiles.yml `plugins`): local protection that DuckDB itself does not give.

DuckDB has no users or grants: whoever can open the file reads every table, tier views included. So
the operating system is the only access control there is, and this plugin applies it before dbt
connects:

- the warehouse folder is created 0700 (an existing folder we own is tightened, unless it is shared
  by design like /tmp), and the database file (and its WAL) is created 0600;
- the warehouse's pseudonym key file exists (random, 0600, outside the repository;
  aegis.governance.pseudonym_key), so tier views can compute HMAC pseudonyms without the key in SQL;
- the key is the one the warehouse was built with (check_pseudonym_key).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import duckdb
from dbt.adapters.duckdb.plugins import BasePlugin

from aegis.errors import UserError
from aegis.governance.pseudonym_key import duckdb_key_check, ensure_duckdb_key, private_folder

PRIVATE_UMASK = 0o077


def _local_file(path: str) -> Path | None:
    if not path or path == ":memory:" or "://" in path or path.startswith(("md:", "motherduck:")):
        return None
    return Path(path).expanduser().absolute()


def protect_database_files(database: Path) -> None:
    """chmod 0600 the database file and its WAL, where they exist and are ours."""
    for path in (database, database.with_name(database.name + ".wal")):
        if path.exists() and path.stat().st_uid == os.getuid() and stat.S_IMODE(path.stat().st_mode) != 0o600:
            path.chmod(0o600)


KEY_CHECK_TABLE = "aegis_governance.pseudonym_key_check"


class PseudonymKeyMismatch(UserError, RuntimeError):
    """A RuntimeError too: dbt-duckdb reports those from a connection as a failure to connect, in one line."""


def check_pseudonym_key(conn: Any, key_file: Path, database: str) -> None:
    """Bind the warehouse to its key. The first connection records the key's check value in the
    warehouse, every later one compares. Without it, a key file lost and drawn again (or another
    warehouse's key) gives new per-row pseudonyms beside the ones models stored under the old key, and
    joins between them find nothing, silently. A read-only connection compares only."""
    check = duckdb_key_check(key_file)
    try:
        conn.execute("create schema if not exists aegis_governance")
        conn.execute(f"create table if not exists {KEY_CHECK_TABLE} (key_check varchar not null)")
        conn.execute(
            f"insert into {KEY_CHECK_TABLE} select ? where not exists (select 1 from {KEY_CHECK_TABLE})",
            [check],
        )
    except duckdb.Error:  # read-only: nothing to record
        pass
    try:
        stored = {row[0] for row in conn.execute(f"select key_check from {KEY_CHECK_TABLE}").fetchall()}
    except duckdb.CatalogException:
        return
    if stored and stored != {check}:
        raise PseudonymKeyMismatch(
            f"the pseudonym key file {key_file} is not the key the warehouse {database} was built with: its"
            " stored pseudonyms would no longer match the views'. Restore that key file; or, to rotate the key"
            f" on purpose, delete from {KEY_CHECK_TABLE} and rebuild the models that store pseudonyms with"
            " --full-refresh (docs/governance.md, 'Pseudonyms stored at build time')"
        )


class Plugin(BasePlugin):
    def initialize(self, plugin_config: dict[str, Any]) -> None:
        self._umask: int | None = None
        self._database: Path | None = None
        self._key_file: Path | None = None
        self._path = ""

    def update_connection_config(self, creds: Any, config: dict[str, Any]) -> None:
        """Runs just before duckdb.connect: private folder, key file, and a 077 umask for the new file."""
        self._database = _local_file(str(creds.path))
        if self._database is not None:
            private_folder(self._database.parent)
            self._umask = os.umask(PRIVATE_UMASK)
        self._path = str(creds.path)
        self._key_file = ensure_duckdb_key(self._path)

    def configure_connection(self, conn: Any) -> None:
        """Runs just after duckdb.connect: restore the umask, tighten files created before this plugin."""
        if self._umask is not None:
            os.umask(self._umask)
            self._umask = None
        if self._database is not None:
            protect_database_files(self._database)
        if self._key_file is not None:
            check_pseudonym_key(conn, self._key_file, self._path)
