"""`aegis observe` failures a user can cause: one line naming what and where, exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

AEGIS = str(Path(sys.executable).parent / "aegis")


def run(tmp_path: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AEGIS_", "DBT_"))}
    env.update(
        AEGIS_DATA_DIR=str(tmp_path / "data"),
        AEGIS_DUCKDB_PATH=str(tmp_path / "data" / "aegis.duckdb"),
        DBT_TARGET_PATH=str(tmp_path / "target"),
        **extra,
    )
    return subprocess.run([AEGIS, *args], env=env, capture_output=True, text=True, timeout=120, check=False)


def one_line(result: subprocess.CompletedProcess[str], *needles: str) -> str:
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert all(n in lines[0] for n in needles), lines[0]
    return lines[0]


def test_record_without_a_warehouse(tmp_path: Path) -> None:
    one_line(run(tmp_path, "observe", "record"), str(tmp_path / "data" / "aegis.duckdb"), "does not exist")
    assert not (tmp_path / "data" / "aegis.duckdb").exists()


def test_record_without_dbt_artifacts(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    duckdb.connect(str(tmp_path / "data" / "aegis.duckdb")).close()
    one_line(run(tmp_path, "observe", "record"), str(tmp_path / "target"), "DBT_TARGET_PATH")


def test_report_on_an_unknown_target(tmp_path: Path) -> None:
    one_line(run(tmp_path, "observe", "report", "--target", "nosuch"), "'nosuch'", "dev or postgres")


def test_evaluate_needs_weeks_of_history(tmp_path: Path) -> None:
    one_line(run(tmp_path, "observe", "evaluate", "--days", "10"), "--days 10", ">= 35")


def test_ddl_of_an_unknown_engine(tmp_path: Path) -> None:
    one_line(run(tmp_path, "observe", "ddl", "--engine", "oracle"), "'oracle'", "redshift")


def test_record_of_a_manifest_without_results(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    duckdb.connect(str(tmp_path / "data" / "aegis.duckdb")).close()
    (tmp_path / "target").mkdir()
    (tmp_path / "target" / "manifest.json").write_text('{"nodes": {}, "sources": {}}')
    one_line(run(tmp_path, "observe", "record"), "no dbt build results or source freshness", str(tmp_path))
