"""Where Aegis keeps its local files. Every location can be moved with an environment variable.

The same variables are read by `profiles.yml` and `dbt_project.yml` (through `env_var`), so the Python
tools and dbt always agree on where the landing folder and the DuckDB file are.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def project_root() -> Path:
    """The folder holding dbt_project.yml (the repository root)."""
    env = os.environ.get("AEGIS_PROJECT_DIR")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "dbt_project.yml").is_file():
            return parent
    return Path.cwd()


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    synth_dir: Path
    landing_dir: Path
    quarantine_dir: Path
    duckdb_path: Path
    reports_dir: Path

    @classmethod
    def from_env(cls) -> Paths:
        root = project_root()

        def resolve(var: str, default: Path) -> Path:
            value = os.environ.get(var)
            path = Path(value) if value else default
            return path if path.is_absolute() else (root / path)

        data = resolve("AEGIS_DATA_DIR", root / "data")
        return cls(
            data_dir=data,
            synth_dir=resolve("AEGIS_SYNTH_DIR", data / "synth"),
            landing_dir=resolve("AEGIS_LANDING_DIR", data / "landing"),
            quarantine_dir=resolve("AEGIS_QUARANTINE_DIR", data / "quarantine"),
            duckdb_path=resolve("AEGIS_DUCKDB_PATH", data / "warehouse" / "aegis.duckdb"),
            reports_dir=resolve("AEGIS_REPORTS_DIR", data / "reports"),
        )
