"""dbt-duckdb plugin (profiles.yml `plugins`): local protection that DuckDB itself does not give.

DuckDB has no users or grants: whoever can open the file reads every table, tier views included. So
the operating system is the only access control there is, and this plugin applies it before dbt
connects:

- the warehouse folder is created 0700 (an existing folder we own is tightened, unless it is shared
  by design like /tmp), and the database file (and its WAL) is created 0600;
- the warehouse's pseudonym key file exists (random, 0600, outside the repository;
  aegis.governance.pseudonym_key), so tier views can compute HMAC pseudonyms without the key in SQL.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin

from aegis.governance.pseudonym_key import ensure_duckdb_key, private_folder

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


class Plugin(BasePlugin):
    def initialize(self, plugin_config: dict[str, Any]) -> None:
        self._umask: int | None = None
        self._database: Path | None = None

    def update_connection_config(self, creds: Any, config: dict[str, Any]) -> None:
        """Runs just before duckdb.connect: private folder, key file, and a 077 umask for the new file."""
        self._database = _local_file(str(creds.path))
        if self._database is not None:
            private_folder(self._database.parent)
            self._umask = os.umask(PRIVATE_UMASK)
        ensure_duckdb_key(str(creds.path))

    def configure_connection(self, conn: Any) -> None:
        """Runs just after duckdb.connect: restore the umask, tighten files created before this plugin."""
        if self._umask is not None:
            os.umask(self._umask)
            self._umask = None
        if self._database is not None:
            protect_database_files(self._database)
