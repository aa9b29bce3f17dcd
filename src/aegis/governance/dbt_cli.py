"""Run dbt for governance tools and tests: one subprocess per call, output kept for messages.

A subprocess (not dbtRunner in-process) because dbt keeps global state between invocations, and
because tests run several projects and targets side by side.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aegis.paths import project_root


@dataclass(frozen=True)
class DbtResult:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def dbt_executable() -> str:
    """The dbt next to the running interpreter (the project venv), else whatever is on PATH."""
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


def run_dbt(
    args: list[str],
    *,
    project_dir: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 900,
) -> DbtResult:
    """`dbt <args>` in project_dir with the repository's profiles.yml unless DBT_PROFILES_DIR is set."""
    full_env = {**os.environ, **(env or {})}
    full_env.setdefault("DBT_PROFILES_DIR", str(project_root()))
    full_env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    command = [dbt_executable(), *args]
    completed = subprocess.run(
        command,
        cwd=project_dir or project_root(),
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return DbtResult(command, completed.returncode, completed.stdout, completed.stderr)


def between(text: str, begin: str, end: str) -> str:
    """The text between two marker lines printed by a governance run-operation."""
    if begin not in text or end not in text:
        raise ValueError(f"markers {begin!r} / {end!r} not found in dbt output")
    return text.split(begin, 1)[1].split(end, 1)[0]


def run_operation_json(
    macro: str,
    operation_args: dict[str, Any] | None = None,
    *,
    project_dir: Path | None = None,
    env: dict[str, str] | None = None,
    extra: list[str] | None = None,
) -> Any:
    """Run a macro that prints one line `AEGIS_JSON <document>` and return the document."""
    args = ["-q", "run-operation", macro, *(extra or [])]
    if operation_args:
        args += ["--args", json.dumps(operation_args)]
    result = run_dbt(args, project_dir=project_dir, env=env)
    if not result.ok:
        raise RuntimeError(f"dbt run-operation {macro} failed:\n{result.output[-4000:]}")
    for line in result.stdout.splitlines():
        if line.startswith("AEGIS_JSON "):
            return json.loads(line[len("AEGIS_JSON ") :])
    raise ValueError(f"dbt run-operation {macro} printed no AEGIS_JSON line")


def governance_plan_sql(
    engine: str | None = None,
    *,
    project_dir: Path | None = None,
    env: dict[str, str] | None = None,
    extra: list[str] | None = None,
) -> str:
    """The reviewable DDL script of `dbt run-operation aegis_governance_plan` (markers stripped)."""
    args = ["-q", "run-operation", "aegis_governance_plan", *(extra or [])]
    if engine:
        args += ["--args", json.dumps({"engine": engine})]
    result = run_dbt(args, project_dir=project_dir, env=env)
    if not result.ok:
        raise RuntimeError(f"dbt run-operation aegis_governance_plan failed:\n{result.output[-4000:]}")
    body = between(result.stdout, "-- AEGIS GOVERNANCE PLAN BEGIN\n", "-- AEGIS GOVERNANCE PLAN END")
    return body.strip() + "\n"
