"""`aegis governance scaffold MODEL` on a model with no YAML yet: every output column, with the category
it inherits through column lineage marked for review, on DuckDB and on a real PostgreSQL 18 (compiled on
each target; nothing is built, no hook runs, so an unclassified model can be scaffolded)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml  # type: ignore[import-untyped]
from typer.testing import CliRunner

from aegis.cli import app
from aegis.engines.postgres import PostgresServer
from aegis.governance.sample_project import isolated_dbt_env, write_sample_project

pytestmark = pytest.mark.slow

DRAFT = """\
select
    patients.patient_key,
    patients.mrn,
    patients.birth_date,
    encounters.admitted_at,
    lower(patients.gender) as gender,
    1 as constant_one
from {{ ref('stg_demo__patients') }} as patients
inner join {{ ref('fct_demo_encounters') }} as encounters
    on patients.patient_key = encounters.patient_key
"""


def scaffold(tmp_path: Path, env: dict[str, str], *extra: str) -> str:
    project = write_sample_project(tmp_path / "project")
    (project / "models" / "marts" / "demo" / "mart_demo_draft.sql").write_text(DRAFT)
    out = tmp_path / "draft.yml"
    result = CliRunner().invoke(
        app,
        [
            "governance",
            "scaffold",
            "mart_demo_draft",
            "--project-dir",
            str(project),
            "--out",
            str(out),
            *extra,
        ],
        env=env,
    )
    assert result.exit_code == 0, result.output
    return out.read_text()


def check(text: str) -> None:
    document = yaml.safe_load(text)
    (model,) = document["models"]
    assert model["name"] == "mart_demo_draft"
    assert model["config"]["meta"]["contains_phi"] is True
    categories = {c["name"]: c["config"]["meta"]["phi"] for c in model["columns"]}
    assert categories == {
        "patient_key": "none",
        "mrn": "mrn",
        "birth_date": "birth_date",
        "admitted_at": "event_date",
        "gender": "quasi",
        "constant_one": "none",
    }
    assert "phi: mrn  # REVIEW: inherited from stg_demo__patients.mrn [mrn]" in text
    assert "phi: event_date  # REVIEW: inherited from fct_demo_encounters.admitted_at [event_date]" in text
    assert "phi: none  # REVIEW: no PHI upstream" in text


def test_scaffold_on_duckdb(tmp_path: Path) -> None:
    check(scaffold(tmp_path, isolated_dbt_env(tmp_path)))


def test_scaffold_on_postgres(tmp_path: Path, postgres_database: PostgresServer) -> None:
    env = isolated_dbt_env(tmp_path, AEGIS_TARGET="postgres", **postgres_database.dbt_env())
    check(scaffold(tmp_path, env, "--target", "postgres"))


def test_scaffold_never_overwrites_and_names_a_missing_model(tmp_path: Path) -> None:
    project = write_sample_project(tmp_path / "project")
    existing = tmp_path / "taken.yml"
    existing.write_text("keep")
    runner = CliRunner()
    env = isolated_dbt_env(tmp_path)
    taken = runner.invoke(
        app,
        [
            "governance",
            "scaffold",
            "fct_demo_encounters",
            "--project-dir",
            str(project),
            "--out",
            str(existing),
        ],
        env=env,
    )
    assert taken.exit_code == 2 and existing.read_text() == "keep"
    missing = runner.invoke(
        app, ["governance", "scaffold", "no_such_model", "--project-dir", str(project)], env=env
    )
    assert missing.exit_code == 2, missing.output
