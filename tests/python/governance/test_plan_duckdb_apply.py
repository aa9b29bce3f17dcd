"""On DuckDB the post-hook builds one masked view per tier; a second build changes nothing;
`aegis_governance_unapply` removes every tier object; compile/docs never apply."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from aegis.governance.dbt_cli import run_dbt
from aegis.governance.sample_project import isolated_dbt_env, write_sample_project

pytestmark = pytest.mark.slow


def _catalog(path: Path) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(
            "select schema_name, view_name, sql from duckdb_views() where not internal order by 1, 2"
        ).fetchall()


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def _columns(path: Path, schema: str, table: str) -> list[str]:
    sql = f"select column_name from information_schema.columns where table_schema = '{schema}' and table_name = '{table}'"
    return [row[0] for row in _rows(path, sql)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], Path]:
    work = tmp_path_factory.mktemp("duckdb_apply")
    project = write_sample_project(work / "project")
    env = isolated_dbt_env(work)
    result = run_dbt(["build"], project_dir=project, env=env)
    assert result.ok, result.output[-3000:]
    return project, env, work / "aegis.duckdb"


def test_tier_views_mask_per_strategy(built: Any) -> None:
    _, _, db = built
    limited = _rows(
        db,
        "select patient_key, family_name, email, zip_code, length(mrn) from main_tier_phi_limited.stg_demo__patients order by 1",
    )
    # patient 2 is Part 2 sensitive: only phi_full sees the row
    assert [r[0] for r in limited] == [1, 3]
    assert limited[0][1:] == ("[REDACTED]", "***.org", "03601", 32)
    assert "ssn" not in _columns(db, "main_tier_phi_limited", "stg_demo__patients")
    deidentified = _rows(
        db,
        "select birth_date, zip_code, age_years from main_tier_deidentified.stg_demo__patients order by patient_key",
    )
    # patient 1 (born 1931) is over 89: no birth year at all (Safe Harbor 90+), age shown as 90
    assert [(r[0] and str(r[0]), r[1], r[2]) for r in deidentified] == [
        (None, "000", 90),
        ("2001-01-01", "100", 24),
    ]
    columns = _columns(db, "main_tier_deidentified", "stg_demo__patients")
    assert "ssn" not in columns and "family_name" not in columns and "mrn" not in columns
    full = _rows(db, "select count(*), count(ssn) from main_tier_phi_full.stg_demo__patients")
    assert full == [(3, 2)]


def test_aggregate_tier_sees_only_aggregate_safe_models(built: Any) -> None:
    _, _, db = built
    views = {
        r[0]
        for r in _rows(
            db, "select table_name from information_schema.tables where table_schema = 'main_tier_aggregate'"
        )
    }
    assert views == {"mart_demo_encounter_counts"}


def test_second_build_changes_nothing(built: Any) -> None:
    project, env, db = built
    before = _catalog(db)
    result = run_dbt(["run"], project_dir=project, env=env)
    assert result.ok, result.output[-3000:]
    assert _catalog(db) == before


def test_compile_and_docs_do_not_apply(tmp_path: Path) -> None:
    project = write_sample_project(tmp_path / "project")
    env = isolated_dbt_env(tmp_path)
    for command in (["compile"], ["docs", "generate"]):
        result = run_dbt(command, project_dir=project, env=env)
        assert result.ok, result.output[-3000:]
    db = tmp_path / "aegis.duckdb"
    assert not db.exists() or not [row for row in _catalog(db) if "_tier_" in row[0]]


def test_unapply_removes_every_tier_object(built: Any) -> None:
    project, env, db = built
    result = run_dbt(["run-operation", "aegis_governance_unapply"], project_dir=project, env=env)
    assert result.ok, result.output[-3000:]
    schemas = {r[0] for r in _rows(db, "select schema_name from information_schema.schemata")}
    assert not [s for s in schemas if "_tier_" in s]
    assert {r[1] for r in _catalog(db)} == {"stg_demo__patients"}  # the model's own view only
