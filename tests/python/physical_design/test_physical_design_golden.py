"""The physical design (macros/physical_design) as Snowflake and Redshift build it: the DDL compiled for
each target, with no connection (`dbt compile --no-populate-cache` of analyses/physical_design_plan.sql),
equals the reviewed golden files and parses with sqlfluff. Redshift's clauses come from dbt-redshift's own
dist()/sort() macros. Refresh after a reviewed change with AEGIS_UPDATE_GOLDEN=1."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from aegis.governance.dbt_cli import run_dbt
from aegis.governance.sample_project import isolated_dbt_env
from aegis.governance.sqlcheck import split_statements, unparsed_statements
from aegis.paths import project_root

pytestmark = pytest.mark.slow

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("AEGIS_UPDATE_GOLDEN") == "1"
TARGETS = {"snowflake": "fakesnow", "redshift": "redshift_parse"}
# The large facts: every engine that distributes or clusters must give each of them a design.
FACTS = ("fct_encounters", "fct_conditions", "fct_observations", "fct_claim_lines")


def compiled_plan(target: str, work: Path) -> str:
    env = isolated_dbt_env(work)
    result = run_dbt(
        ["-q", "compile", "--target", target, "--no-populate-cache", "-s", "physical_design_plan"],
        project_dir=project_root(),
        env=env,
    )
    assert result.ok, result.output[-3000:]
    compiled = Path(env["DBT_TARGET_PATH"]) / "compiled/aegis/analyses/physical_design_plan.sql"
    return compiled.read_text().strip() + "\n"


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Both targets compiled at once: each compile is a single-threaded parse, and make test has 2 cores."""
    work = tmp_path_factory.mktemp("physical_design")
    with ThreadPoolExecutor(max_workers=len(TARGETS)) as pool:
        futures = {
            engine: pool.submit(compiled_plan, target, work / engine) for engine, target in TARGETS.items()
        }
        return {engine: future.result() for engine, future in futures.items()}


@pytest.mark.parametrize("engine", sorted(TARGETS))
def test_physical_design_ddl_matches_golden_and_parses(engine: str, plans: dict[str, str]) -> None:
    rendered = plans[engine]
    golden = GOLDEN / f"{engine}.sql"
    if UPDATE or not golden.exists():
        golden.write_text(rendered)
    assert rendered == golden.read_text(), (
        f"{golden.name} differs (a model added or changed its physical design?): review, then "
        "AEGIS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/python/physical_design"
    )
    statements = split_statements(rendered)
    for fact in FACTS:  # an empty plan must not pass as a matching one
        assert any(f"{fact}__dbt_tmp" in s for s in statements), f"{fact} has no physical design on {engine}"
    if engine == "redshift":
        assert all("diststyle key distkey (patient_id)" in s for s in statements)
    else:
        assert sum("cluster by (" in s for s in statements) == len(statements) // 2
    assert unparsed_statements(engine, rendered) == []
