"""Helpers for lineage tests: the adversarial mini dbt project, copied to a tmp folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIXTURE_PROJECT = Path(__file__).parent / "fixtures" / "adversarial_project"
DBT = str(Path(sys.executable).parent / "dbt")


@dataclass(frozen=True)
class MiniProject:
    root: Path
    env: dict[str, str]

    @property
    def target(self) -> Path:
        return Path(self.env["DBT_TARGET_PATH"])

    def dbt(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([DBT, *args], cwd=self.root, env=self.env, capture_output=True, text=True,
                              check=False)

    def manifest(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.target / "manifest.json").read_text())
        return data


def make_mini_project(folder: Path) -> MiniProject:
    root = folder / "project"
    for template in FIXTURE_PROJECT.rglob("*.tmpl"):
        # Stored as *.tmpl: under tests/, dbt would parse .sql/.yml files as the main project's tests.
        target = root / template.relative_to(FIXTURE_PROJECT).with_suffix("")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, target)
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "DBT_PROFILES_DIR": str(root),
        "DBT_PROJECT_DIR": str(root),
        "DBT_TARGET_PATH": str(folder / "target"),
        "DBT_LOG_PATH": str(folder / "logs"),
        "AEGIS_PROJECT_DIR": str(root),
        "AEGIS_FIXTURE_DUCKDB_PATH": str(folder / "fixture.duckdb"),
        "AEGIS_DATA_DIR": str(folder / "data"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    return MiniProject(root, env)
