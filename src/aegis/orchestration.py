"""Run the Airflow DAGs of orchestration/airflow locally, from the project's environment.

Airflow and cosmos live in their own environment (.venv-airflow, `make airflow-venv`: their pins conflict
with the dbt set), so this module never imports them: it prepares a private data folder and an
AIRFLOW_HOME (SQLite metadata, nothing listening on a port) and runs orchestration/airflow/run_dag.py
with that environment's Python. Used by the end-to-end test and by scripts/bench_orchestration.py.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# AEGIS_PROJECT_DIR: another checkout of the project (the DAG reads the same variable).
ROOT = Path(os.environ.get("AEGIS_PROJECT_DIR") or Path(__file__).resolve().parents[2])
AIRFLOW_PYTHON = ROOT / ".venv-airflow" / "bin" / "python"
RUN_DAG = ROOT / "orchestration" / "airflow" / "run_dag.py"
BIN = Path(sys.executable).parent


class AirflowEnvironmentMissing(RuntimeError):
    """The Airflow environment has not been created."""


@dataclass(frozen=True)
class Workspace:
    """A private data folder, dbt target and AIRFLOW_HOME under one root."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def landing(self) -> Path:
        return self.data / "landing"

    @property
    def duckdb(self) -> Path:
        return self.data / "warehouse" / "aegis.duckdb"

    @property
    def target(self) -> Path:
        return self.root / "target"

    @property
    def alerts(self) -> Path:
        return self.data / "airflow" / "alerts.jsonl"

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of every command: this workspace's folders, Airflow's home inside it."""
        home = self.root / "airflow-home"
        env = {k: v for k, v in os.environ.items() if k not in ("DBT_PROJECT_DIR", "DBT_PROFILES_DIR")}
        env.update(
            {
                "AEGIS_DATA_DIR": str(self.data),
                "AEGIS_DUCKDB_PATH": str(self.duckdb),
                "DBT_TARGET_PATH": str(self.target),
                "DBT_LOG_PATH": str(self.root / "logs"),
                "AIRFLOW_HOME": str(home),
                "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
                "AIRFLOW__CORE__DAGS_FOLDER": str(RUN_DAG.parent / "dags"),
                "AIRFLOW__COSMOS__CACHE_DIR": str(home / "cosmos"),
                # cosmos reports each DAG run to its vendor by default: nothing leaves this machine.
                "AIRFLOW__COSMOS__ENABLE_TELEMETRY": "False",
                # As cosmos passes them (--profile aegis --target dev): one flag set keeps dbt's partial
                # parse valid from the first command to the last (see aegis_flow.dbt_profile_env).
                "DBT_PROFILE": "aegis",
                "DBT_TARGET": "dev",
                "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
                "PYTHONHASHSEED": "0",
            }
        )
        env.update(extra)
        return env

    def run(self, argv: Sequence[str | Path], **extra: str) -> float:
        """Run a project command in this workspace; seconds taken. Raises on a non-zero exit."""
        started = time.perf_counter()
        subprocess.run(
            [str(a) for a in argv], cwd=ROOT, env=self.env(**extra), check=True, stdout=subprocess.DEVNULL
        )
        return time.perf_counter() - started

    def prepare(self, patients: int, seed: int = 7) -> None:
        """Synthetic patients landed, and the manifest the DAG renders from (`dbt parse`)."""
        (self.duckdb.parent).mkdir(parents=True, exist_ok=True)
        self.run([BIN / "aegis", "synth", "--patients", str(patients), "--seed", str(seed)])
        self.run([BIN / "aegis", "ingest", "land", "--force"])
        self.run([BIN / "dbt", "parse"])

    def dbt_build(self) -> float:
        """A plain `dbt build` of the whole project: the baseline, and every tier view verify expects."""
        return self.run([BIN / "dbt", "build"])

    def run_dag(
        self, dag_id: str = "aegis_daily", *, parse_only: bool = False, **extra: str
    ) -> dict[str, Any]:
        """run_dag.py in the Airflow environment: parse seconds, and (unless parse_only) run seconds,
        the run's state and every task's state."""
        if not AIRFLOW_PYTHON.exists():
            raise AirflowEnvironmentMissing(f"{AIRFLOW_PYTHON} is missing: run `make airflow-venv`")
        out = self.root / f"{dag_id}-result.json"
        out.unlink(missing_ok=True)
        command = [str(AIRFLOW_PYTHON), str(RUN_DAG), dag_id, "--out", str(out)]
        log = self.root / f"{dag_id}.log"
        with log.open("a") as sink:
            subprocess.run(
                [*command, *(["--parse-only"] if parse_only else [])],
                cwd=ROOT,
                env=self.env(**extra),
                check=False,
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        if not out.exists():
            raise RuntimeError(f"run_dag.py wrote no result; its log is {log}")
        result: dict[str, Any] = json.loads(out.read_text())
        return result

    def alerts_of(self, kind: str) -> list[dict[str, Any]]:
        if not self.alerts.exists():
            return []
        records = [json.loads(line) for line in self.alerts.read_text().splitlines() if line.strip()]
        return [r for r in records if r.get("kind") == kind]


def age_deliveries(landing: Path, resource_type: str, received_at: datetime) -> int:
    """Set received_at of every landed delivery of a resource type (a sender that stopped delivering then).

    The landing files are rewritten in place; returns the number of deliveries changed."""
    stamp = received_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    changed = 0
    for part in sorted(landing.glob(f"fhir/resource_type={resource_type}/ingest_date=*/part-*.ndjson.gz")):
        rows = [json.loads(line) for line in gzip.decompress(part.read_bytes()).splitlines() if line.strip()]
        for row in rows:
            row["received_at"] = stamp
        part.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
        changed += len(rows)
    return changed
