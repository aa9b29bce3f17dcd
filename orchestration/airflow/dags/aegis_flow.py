"""What the Aegis DAGs do, without Airflow: settings, freshness gates, PHI-free alerts, the CLI calls.

Standard library only, so it imports in the Airflow environment (which does not install dbt or aegis:
their pins conflict) and in the project's environment, where pytest checks it without Airflow.
Everything the tasks run is a command of the project's own environment (`.venv/bin/dbt`, `.venv/bin/aegis`).
"""

from __future__ import annotations

import json
import logging
import os
import shlex
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

log = logging.getLogger("aegis.orchestration")

# dbt's source freshness statuses (sources.json). warn is past warn_after but within error_after: the
# declared SLO still holds, so the models run; error is past error_after; runtime error means not measured.
FRESH_STATUSES = frozenset({"pass", "warn"})


@dataclass(frozen=True)
class Settings:
    """Where things are, from the environment (MWAA: environment variables or a startup script)."""

    project_dir: Path
    dbt: Path
    aegis: Path
    target: str
    manifest: Path
    artifacts: Path
    pool: str
    pool_slots: int
    select: tuple[str, ...]
    exclude: tuple[str, ...]
    land_inputs: tuple[str, ...]
    landing_root: Path
    retries: int
    deadline_hours: float
    release_schedule: str

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        # dags/ -> airflow/ -> orchestration/ -> the repository, which is the dbt project.
        project = Path(env.get("AEGIS_PROJECT_DIR") or Path(__file__).resolve().parents[3])
        bin_dir = Path(env.get("AEGIS_BIN_DIR") or project / ".venv" / "bin")
        data = Path(env.get("AEGIS_DATA_DIR") or project / "data")
        target_path = Path(env.get("DBT_TARGET_PATH") or project / "target")
        target = env.get("AEGIS_DBT_TARGET", "dev")
        return cls(
            project_dir=project,
            dbt=Path(env.get("AEGIS_DBT_EXECUTABLE") or bin_dir / "dbt"),
            aegis=Path(env.get("AEGIS_EXECUTABLE") or bin_dir / "aegis"),
            target=target,
            manifest=Path(env.get("AEGIS_AIRFLOW_MANIFEST") or target_path / "manifest.json"),
            artifacts=Path(env.get("AEGIS_AIRFLOW_ARTIFACTS") or data / "airflow"),
            pool=env.get("AEGIS_AIRFLOW_POOL", "aegis_warehouse"),
            # DuckDB takes one writer at a time (a second process cannot open the file); the other engines
            # take what the warehouse and its dbt threads are sized for.
            pool_slots=int(env.get("AEGIS_AIRFLOW_POOL_SLOTS") or (1 if target == "dev" else 4)),
            select=tuple(shlex.split(env.get("AEGIS_AIRFLOW_SELECT", ""))),
            exclude=tuple(shlex.split(env.get("AEGIS_AIRFLOW_EXCLUDE", ""))),
            land_inputs=tuple(shlex.split(env.get("AEGIS_AIRFLOW_LAND_INPUTS", ""))),
            landing_root=Path(env.get("AEGIS_LANDING_DIR") or data / "landing"),
            retries=int(env.get("AEGIS_AIRFLOW_RETRIES", "2")),
            deadline_hours=float(env.get("AEGIS_AIRFLOW_DEADLINE_HOURS") or 0),
            # The research release's cadence (docs/governance.md, "The research release"): monthly, on the
            # 1st after that day's daily run; the privacy officer's choice.
            release_schedule=env.get("AEGIS_AIRFLOW_RELEASE_SCHEDULE") or "0 9 1 * *",
        )

    @property
    def sources_json(self) -> Path:
        return self.artifacts / "sources.json"

    @property
    def audit_target(self) -> Path:
        """The target folder of the compile the lineage audit reads (its manifest holds compiled SQL)."""
        return self.artifacts / "target"

    @property
    def alerts(self) -> Path:
        return self.artifacts / "alerts.jsonl"

    def dbt_args(self) -> list[str]:
        project = str(self.project_dir)
        return [
            "--project-dir",
            project,
            "--profiles-dir",
            project,
            "--profile",
            "aegis",
            "--target",
            self.target,
        ]

    def run(self, argv: Sequence[str | Path], ok: frozenset[int] = frozenset({0})) -> int:
        return run(argv, cwd=self.project_dir, target=self.target, ok=ok)


def dbt_profile_env(target: str) -> dict[str, str]:
    """The profile and target as cosmos passes them (--profile aegis --target T), for every other dbt call.

    dbt keeps its partial parse only while the profile and target flags are the ones it parsed with; a
    call without them (aegis governance verify runs dbt itself) would make the next task parse the whole
    project again (about 20 s each on this project)."""
    return {"DBT_PROFILE": "aegis", "DBT_TARGET": target}


class CommandFailed(RuntimeError):
    """A project command exited non-zero. The message names the command and the exit code, never its output."""


def run(argv: Sequence[str | Path], *, cwd: Path, target: str, ok: frozenset[int] = frozenset({0})) -> int:
    """Run a project command, its output into the task log (the project's commands print no PHI)."""
    command = [str(a) for a in argv]
    started = time.monotonic()
    result = subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **dbt_profile_env(target)},
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    for stream in (result.stdout, result.stderr):
        if stream.strip():
            log.info("%s", stream.rstrip())
    log.info("%s exited %d in %.1fs", " ".join(command[:3]), result.returncode, time.monotonic() - started)
    if result.returncode not in ok:
        raise CommandFailed(f"{Path(command[0]).name} {' '.join(command[1:3])} exited {result.returncode}")
    return result.returncode


# --- freshness gates ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Freshness:
    """One source's freshness result: its dbt unique_id and dbt's status. Timestamps stay out (event_date)."""

    source: str
    status: str

    @property
    def fresh(self) -> bool:
        return self.status in FRESH_STATUSES


def read_freshness(sources_json: Path) -> dict[str, str]:
    """unique_id -> status from the sources.json that `dbt source freshness` wrote."""
    document: dict[str, Any] = json.loads(sources_json.read_text())
    results = document.get("results") or []
    if not results:
        raise ValueError(f"{sources_json}: no freshness result (no source declares freshness?)")
    return {str(r["unique_id"]): str(r["status"]) for r in results}


def measure_freshness(settings: Settings) -> dict[str, str]:
    """Run `dbt source freshness` once for every source and return each source's status.

    dbt exits 1 when a source is past error_after: that is a result here (the gates skip), not a failure.
    A run that wrote no results (no connection, bad project) fails the task."""
    settings.artifacts.mkdir(parents=True, exist_ok=True)
    settings.sources_json.unlink(missing_ok=True)
    settings.run(
        [
            settings.dbt,
            "source",
            "freshness",
            *settings.dbt_args(),
            "--output",
            settings.sources_json,
        ],
        ok=frozenset({0, 1}),
    )
    if not settings.sources_json.exists():
        raise CommandFailed("dbt source freshness wrote no sources.json")
    return read_freshness(settings.sources_json)


def gate_open(source: str, has_freshness: bool, statuses: Mapping[str, str] | None) -> bool:
    """A source's models run when it met its declared freshness; a source that declares none is open.

    A source that declares freshness but has no result (the measurement did not run) is closed: a gate
    that cannot see the data must not let it through."""
    if not has_freshness:
        return True
    status = (statuses or {}).get(source)
    opened = status in FRESH_STATUSES
    log.info("freshness gate %s: %s -> %s", source, status or "no result", "run" if opened else "skip")
    return opened


def stale_sources(statuses: Mapping[str, str]) -> list[Freshness]:
    return sorted(
        (Freshness(s, status) for s, status in statuses.items() if status not in FRESH_STATUSES),
        key=lambda f: f.source,
    )


# --- alerts ---------------------------------------------------------------------------------------


def alert(settings: Settings, kind: str, **fields: str | list[str]) -> dict[str, Any]:
    """Append one alert to the alerts file and the task log.

    Only identifiers of the pipeline go in (dag, task, run, source names, exception class): no message
    text, no row, no timestamp of the data. Route alerts.jsonl to SNS/Slack from there."""
    record: dict[str, Any] = {"at": datetime.now(UTC).isoformat(), "kind": kind, **fields}
    settings.artifacts.mkdir(parents=True, exist_ok=True)
    with settings.alerts.open("a") as out:
        out.write(json.dumps(record, sort_keys=True) + "\n")
    log.warning("aegis alert: %s", json.dumps(record, sort_keys=True))
    return record


def freshness_alert(settings: Settings, statuses: Mapping[str, str], dag_id: str, run_id: str) -> list[str]:
    """One alert for every stale source of a run (not one per source or per skipped model)."""
    stale = stale_sources(statuses)
    if stale:
        alert(
            settings,
            "source_stale",
            dag_id=dag_id,
            run_id=run_id,
            sources=[f"{f.source}:{f.status}" for f in stale],
        )
    return [f.source for f in stale]


def failure_alert(settings: Settings, context: Mapping[str, Any]) -> dict[str, Any]:
    """on_failure_callback: task id, dag id, run id and the exception's class, never its message."""
    instance = context.get("task_instance") or context.get("ti")
    exception = context.get("exception")
    return alert(
        settings,
        "task_failed",
        dag_id=str(getattr(instance, "dag_id", "")),
        task_id=str(getattr(instance, "task_id", "")),
        run_id=str(context.get("run_id", "")),
        exception=type(exception).__name__ if exception is not None else "",
    )


def landing_has_files(root: Path) -> bool:
    """The streaming path has landed something (the intra-day DAG waits for this)."""
    return any(root.glob("fhir/resource_type=*/ingest_date=*/part-*.ndjson.gz"))


async def deadline_missed(dag_id: str, **_: Any) -> None:
    """DeadlineAlert callback (run by the triggerer): the run is past its SLO. Identifiers only."""
    alert(Settings.from_env(), "deadline_missed", dag_id=dag_id)
