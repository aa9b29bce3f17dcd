"""Warehouse loading SQL (macros/loading): the rendered run-operation output equals the golden files, parses
in its engine's dialect (sqlfluff), and refuses what it cannot render.

Regenerate after an intended change: AEGIS_UPDATE_GOLDEN=1 pytest tests/python/ingest_stream -k loading
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlfluff
import yaml

from aegis.paths import project_root

GOLDEN = Path(__file__).parent / "golden"
BUCKET = "aegis-landing-prod-123456789012"
CASES: dict[str, tuple[str, dict[str, Any]]] = {
    "snowflake_copy_into": (
        "snowflake",
        {
            "engine": "snowflake",
            "bucket": BUCKET,
            "storage_integration": "aegis_landing_s3",
        },
    ),
    "snowflake_snowpipe": (
        "snowflake",
        {
            "engine": "snowflake",
            "bucket": BUCKET,
            "storage_integration": "aegis_landing_s3",
            "snowpipe": True,
            "resource_types": ["Patient", "ExplanationOfBenefit"],
        },
    ),
    "redshift_copy": (
        "redshift",
        {
            "engine": "redshift",
            "bucket": BUCKET,
            "iam_role": "arn:aws:iam::123456789012:role/aegis-redshift-load",
            "ingest_date": "2026-01-31",
            "region": "us-east-1",
        },
    ),
}

DBT = str(Path(sys.executable).parent / "dbt")
Render = Callable[[dict[str, Any]], subprocess.CompletedProcess[str]]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def render(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[dict[str, Any]], subprocess.CompletedProcess[str]]:
    """`dbt run-operation aegis_raw_loading` with one target folder for the module: partial parsing makes
    every call after the first one fast."""
    folder = tmp_path_factory.mktemp("loading")
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(project_root()),
        "DBT_PROJECT_DIR": str(project_root()),
        "DBT_TARGET_PATH": str(folder / "target"),
        "DBT_LOG_PATH": str(folder / "logs"),
        "AEGIS_DUCKDB_PATH": str(folder / "aegis.duckdb"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }

    def run(arguments: dict[str, Any]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [DBT, "-q", "run-operation", "aegis_raw_loading", "--args", yaml.safe_dump(arguments)],
            cwd=project_root(),
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    return run


@pytest.mark.parametrize("case", sorted(CASES))
def test_rendered_sql_matches_golden_and_parses(case: str, render: Render) -> None:
    dialect, arguments = CASES[case]
    result = render(arguments)
    assert result.returncode == 0, result.stdout + result.stderr
    golden = GOLDEN / f"{case}.sql"
    if os.environ.get("AEGIS_UPDATE_GOLDEN"):
        golden.write_text(result.stdout)
    assert result.stdout == golden.read_text()
    parsed = sqlfluff.parse(result.stdout, dialect=dialect)  # raises on anything unparsable
    assert parsed


def test_every_raw_table_of_the_source_is_loaded() -> None:
    sources = yaml.safe_load(
        (Path(__file__).parents[3] / "models/staging/fhir/_fhir__sources.yml").read_text()
    )
    tables = {table["name"] for table in sources["sources"][0]["tables"]}
    copy_sql = (GOLDEN / "snowflake_copy_into.sql").read_text()
    redshift_sql = (GOLDEN / "redshift_copy.sql").read_text()
    for table in tables:
        assert f"copy into raw_fhir.{table} (" in copy_sql
        assert f"copy raw_fhir.{table} (" in redshift_sql


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"engine": "duckdb", "bucket": BUCKET}, "engine must be snowflake or redshift"),
        (
            {
                "engine": "snowflake",
                "bucket": BUCKET,
                "storage_integration": "x",
                "resource_types": ["Bundle"],
            },
            "unknown FHIR resource type",
        ),
        (
            {"engine": "redshift", "bucket": BUCKET, "iam_role": "arn", "run": True},
            "run=true needs a redshift target",
        ),
    ],
)
def test_what_cannot_be_rendered_is_refused(arguments: dict[str, Any], message: str, render: Render) -> None:
    result = render(arguments)
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
