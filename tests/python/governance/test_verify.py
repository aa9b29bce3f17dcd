"""`aegis governance verify` on a real PostgreSQL 18 and on DuckDB: a fresh build is clean; a grant,
revoke, dropped policy or edited tier view made by hand is drift (exit 1, names only, no values); the
next `dbt run` re-applies and verify is clean again. `access-matrix --measure` agrees with the plan
on the clean build and shows the hand-made grant. Last (it deletes a model from the built project): a
deleted model's relation and tier views are orphans, told apart from hand-made drift, and
`aegis governance prune` drops them only with --apply."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml  # type: ignore[import-untyped]
from typer.testing import CliRunner

from aegis.cli import app
from aegis.engines.postgres import PostgresServer, running_postgres
from aegis.governance.dbt_cli import run_dbt
from aegis.governance.sample_project import isolated_dbt_env, write_sample_project

pytestmark = pytest.mark.slow

KEY = "verify-test-key-0123456789abcdef"
# Values of the sample's patient rows: none may appear in any report or message.
SAMPLE_VALUES = ("123-45-6789", "Rivera", "MRN-0001", "1931-03-04", "a.rivera@example.org", KEY)

Built = tuple[Path, dict[str, str]]


def cli(args: list[str], env: dict[str, str]) -> Any:
    result = CliRunner().invoke(app, ["governance", *args], env=env)
    for value in SAMPLE_VALUES:
        assert value not in result.output
    return result


def verify(project: Path, env: dict[str, str], target: str) -> Any:
    return cli(["verify", "--target", target, "--project-dir", str(project)], env)


def rebuild(project: Path, env: dict[str, str]) -> None:
    result = run_dbt(["run"], project_dir=project, env=env)
    assert result.ok, result.output[-4000:]


@pytest.fixture(scope="module")
def pg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[PostgresServer, Path, dict[str, str]]]:
    work = tmp_path_factory.mktemp("verify_pg")
    project = write_sample_project(work / "project")
    # Its own cluster (tier roles are cluster-wide), outside pytest's basetemp (see conftest.session_dir).
    pg_dir = Path(tempfile.mkdtemp(prefix="aegis-verify-pg-"))
    with running_postgres(pg_dir) as server:
        env = isolated_dbt_env(
            work,
            AEGIS_TARGET="postgres",
            AEGIS_PSEUDONYM_KEY=KEY,
            AEGIS_REPORTS_DIR=str(work / "reports"),
            **server.dbt_env(),
        )
        result = run_dbt(["build"], project_dir=project, env=env)
        assert result.ok, result.output[-4000:]
        yield server, project, env
    shutil.rmtree(pg_dir, ignore_errors=True)


def as_superuser(server: PostgresServer, statement: str) -> None:
    with server.connect() as con, con.cursor() as cur:
        cur.execute(statement)


def test_clean_build_verifies_clean_and_matrix_measures_as_declared(pg: Any) -> None:
    _, project, env = pg
    result = verify(project, env, "postgres")
    assert result.exit_code == 0, result.output
    assert "clean" in result.output
    out = Path(env["AEGIS_REPORTS_DIR"]) / "measured"
    matrix = cli(["access-matrix", "--measure", "--project-dir", str(project), "--out", str(out)], env)
    assert matrix.exit_code == 0, matrix.output
    markdown = (out / "access-matrix.md").read_text()
    assert "No difference." in markdown and "] ≠" not in markdown
    assert "| stg_demo__patients | ssn | ssn | clear [base] | denied [denied] |" in markdown


def test_manual_grant_on_a_denied_column_is_drift_and_shows_in_the_measured_matrix(pg: Any) -> None:
    server, project, env = pg
    as_superuser(server, "grant select (ssn) on aegis.stg_demo__patients to aegis_phi_limited")
    try:
        result = verify(project, env, "postgres")
        assert result.exit_code == 1, result.output
        assert (
            "grant added by hand: aegis.stg_demo__patients: aegis_phi_limited has SELECT on column ssn"
            in result.output
        )
        out = Path(env["AEGIS_REPORTS_DIR"]) / "after-grant"
        matrix = cli(["access-matrix", "--measure", "--project-dir", str(project), "--out", str(out)], env)
        assert matrix.exit_code == 1, matrix.output
        assert "aegis_phi_limited on stg_demo__patients.ssn: declared denied, measured base" in matrix.output
        # the base view has no row security: the grant also exposes sensitive rows
        assert (
            "phi_limited on stg_demo__patients: declared sensitive rows hidden, measured sensitive rows visible"
            in (matrix.output)
        )
        for value in SAMPLE_VALUES:
            assert value not in (out / "access-matrix.md").read_text()
    finally:
        as_superuser(server, "revoke select (ssn) on aegis.stg_demo__patients from aegis_phi_limited")
    assert verify(project, env, "postgres").exit_code == 0


def test_table_level_grant_is_drift(pg: Any) -> None:
    server, project, env = pg
    as_superuser(server, "grant select on aegis.fct_demo_encounters to aegis_deidentified")
    try:
        result = verify(project, env, "postgres")
        assert result.exit_code == 1
        assert (
            "table grant added by hand: aegis.fct_demo_encounters: aegis_deidentified has table-level SELECT"
            in (result.output)
        )
        assert "aegis_deidentified has SELECT on column mrn (not declared)" in result.output
    finally:
        as_superuser(server, "revoke select on aegis.fct_demo_encounters from aegis_deidentified")


def drift_until_the_next_run(pg: Any, statement: str, drift: str) -> None:
    """A statement run by hand is reported as `drift` (exit 1); the next `dbt run` makes verify clean."""
    server, project, env = pg
    as_superuser(server, statement)
    result = verify(project, env, "postgres")
    assert result.exit_code == 1
    assert drift in result.output
    rebuild(project, env)
    assert verify(project, env, "postgres").exit_code == 0


def test_manual_revoke_is_drift_until_the_next_run(pg: Any) -> None:
    drift_until_the_next_run(
        pg,
        "revoke select (city) on aegis_tier_phi_limited.fct_demo_encounters from aegis_phi_limited",
        "grant missing: aegis_tier_phi_limited.fct_demo_encounters: aegis_phi_limited lacks declared SELECT on column city",
    )


def test_dropped_policy_and_disabled_row_security_are_drift_until_the_next_run(pg: Any) -> None:
    server, project, env = pg
    as_superuser(server, "drop policy aegis_rows_deidentified on aegis.fct_demo_encounters")
    result = verify(project, env, "postgres")
    assert result.exit_code == 1
    assert (
        "declared policy aegis_rows_deidentified for SELECT to aegis_deidentified is not in effect"
        in result.output
    )
    as_superuser(server, "alter table aegis.fct_demo_encounters disable row level security")
    assert "row level security is disabled" in verify(project, env, "postgres").output
    rebuild(project, env)
    assert verify(project, env, "postgres").exit_code == 0


def test_hand_edited_or_extra_tier_views_are_drift(pg: Any) -> None:
    server, project, env = pg
    # same columns, but the deidentified tier now gets birth dates in full instead of the year
    as_superuser(
        server,
        "create or replace view aegis_tier_deidentified.stg_demo__patients with (security_barrier = true) as"
        " select patient_key, cast(null as text) as mrn, cast(null as text) as ssn, cast(null as text) as family_name,"
        " birth_date, zip_code, cast(null as text) as city, gender, age_years, cast(null as text) as email,"
        " is_part2_sensitive from aegis.stg_demo__patients where is_part2_sensitive = false",
    )
    as_superuser(server, "create view aegis_tier_aggregate.sneaky as select 1 as one")
    result = verify(project, env, "postgres")
    assert result.exit_code == 1
    assert (
        "tier view changed: aegis_tier_deidentified.stg_demo__patients: definition differs" in result.output
    )
    assert "tier view added by hand: aegis_tier_aggregate.sneaky" in result.output
    as_superuser(server, "drop view aegis_tier_aggregate.sneaky")
    rebuild(project, env)
    assert verify(project, env, "postgres").exit_code == 0


def tier_views(server: Any, relation: str) -> dict[str, tuple[str, list[str]]]:
    """Tier schema -> (owner, options) of the tier views named `relation`."""
    with server.connect() as con, con.cursor() as cur:
        cur.execute(
            "select n.nspname, pg_get_userbyid(c.relowner), coalesce(c.reloptions, '{}') from pg_class as c"
            " join pg_namespace as n on n.oid = c.relnamespace"
            " where c.relkind = 'v' and c.relname = %s and n.nspname like 'aegis_tier_%%'",
            (relation,),
        )
        return {schema: (owner, list(options)) for schema, owner, options in cur.fetchall()}


def test_a_row_filtering_view_without_its_barrier_is_drift(pg: Any) -> None:
    """A tier view that filters the sensitive rows of a view (staging here: no row-level security) must be a
    security_barrier view (the phi_full views filter none and are not: the clean build verifies clean);
    losing the barrier there is drift."""
    views = tier_views(pg[0], "stg_demo__patients")
    assert views["aegis_tier_deidentified"][1] == ["security_barrier=true"]
    assert views["aegis_tier_phi_full"][1] == []
    drift_until_the_next_run(
        pg,
        "alter view aegis_tier_deidentified.stg_demo__patients reset (security_barrier)",
        "tier view changed: aegis_tier_deidentified.stg_demo__patients: security_barrier is not set",
    )


def test_a_row_filtering_view_of_a_table_not_owned_by_its_view_owner_is_drift(pg: Any) -> None:
    """A tier view that filters the sensitive rows of a table belongs to the tier's view owner, whose reads
    the tier's row policy filters as a security qual (no security_barrier; the phi_full view filters none
    and is the dbt role's). Handed to a role the policy does not name, it would read every row: drift."""
    views = tier_views(pg[0], "fct_demo_encounters")
    assert views["aegis_tier_deidentified"] == ("aegis_deidentified_views", [])
    assert views["aegis_tier_phi_limited"] == ("aegis_phi_limited_views", [])
    assert views["aegis_tier_phi_full"][0] != "aegis_phi_full_views" and views["aegis_tier_phi_full"][1] == []
    drift_until_the_next_run(
        pg,
        "alter view aegis_tier_deidentified.fct_demo_encounters owner to current_user",
        "tier view changed: aegis_tier_deidentified.fct_demo_encounters: owned by ",
    )


@pytest.fixture(scope="module")
def duck(tmp_path_factory: pytest.TempPathFactory) -> Built:
    work = tmp_path_factory.mktemp("verify_duckdb")
    project = write_sample_project(work / "project")
    env = isolated_dbt_env(work)
    result = run_dbt(["build"], project_dir=project, env=env)
    assert result.ok, result.output[-3000:]
    return project, env


def test_duckdb_verify_is_clean_then_catches_edited_and_missing_views(duck: Built) -> None:
    project, env = duck
    result = verify(project, env, "dev")
    assert result.exit_code == 0, result.output
    assert "governance verify on duckdb: clean" in result.output
    with duckdb.connect(env["AEGIS_DUCKDB_PATH"]) as con:
        con.execute(
            "create or replace view main_tier_deidentified.fct_demo_encounters as select encounter_key,"
            " patient_key, admitted_at, is_part2_sensitive from main.fct_demo_encounters"
        )
        con.execute("drop view main_tier_phi_limited.mart_demo_encounter_counts")
    result = verify(project, env, "duckdb")
    assert result.exit_code == 1
    assert "tier view changed: main_tier_deidentified.fct_demo_encounters" in result.output
    assert "tier view missing: main_tier_phi_limited.mart_demo_encounter_counts" in result.output
    rebuild(project, env)
    assert verify(project, env, "dev").exit_code == 0


def test_snowflake_and_redshift_render_catalog_queries(duck: Built) -> None:
    project, env = duck
    refused = verify(project, env, "snowflake")
    assert refused.exit_code == 2
    snowflake = cli(
        ["verify", "--target", "snowflake", "--print-queries", "--project-dir", str(project)], env
    )
    assert snowflake.exit_code == 0, snowflake.output
    assert "information_schema.policy_references(" in snowflake.output
    assert "ref_entity_name => 'AEGIS.MAIN.FCT_DEMO_ENCOUNTERS'" in snowflake.output
    assert "grants_to_roles" in snowflake.output and "'AEGIS_PHI_LIMITED'" in snowflake.output
    redshift = cli(["verify", "--target", "redshift", "--print-queries", "--project-dir", str(project)], env)
    assert redshift.exit_code == 0, redshift.output
    for view in ("svv_attached_masking_policy", "svv_rls_attached_policy", "svv_relation_privileges"):
        assert f"from {view}" in redshift.output
    assert "(schema_name = 'main' and table_name = 'stg_demo__patients')" in redshift.output


DELETED = "mart_demo_encounter_counts"


def delete_model(project: Path) -> None:
    marts = project / "models" / "marts" / "demo"
    (marts / f"{DELETED}.sql").unlink()
    models_yaml = marts / "_demo__models.yml"
    document = yaml.safe_load(models_yaml.read_text())
    document["models"] = [m for m in document["models"] if m["name"] != DELETED]
    models_yaml.write_text(yaml.safe_dump(document, sort_keys=False))


def duckdb_execute(env: dict[str, str], statement: str) -> None:
    with duckdb.connect(env["AEGIS_DUCKDB_PATH"]) as con:
        con.execute(statement)


# Runs after every other test of this module: it deletes a model from the built sample projects.
@pytest.mark.parametrize("engine", ["duckdb", "postgres"])
def test_deleted_model_leaves_orphans_that_prune_drops_only_with_apply(
    engine: str, request: pytest.FixtureRequest
) -> None:
    if engine == "duckdb":
        project, env = request.getfixturevalue("duck")
        target, base = "dev", "main"

        def execute(statement: str) -> None:
            duckdb_execute(env, statement)
    else:
        server, project, env = request.getfixturevalue("pg")
        target, base = "postgres", "aegis"

        def execute(statement: str) -> None:
            as_superuser(server, statement)

    delete_model(project)
    tier = f"{base}_tier_aggregate"
    execute(f"create view {tier}.sneaky as select 1 as one")

    verified = verify(project, env, target)
    assert verified.exit_code == 1, verified.output
    assert f"orphan of a deleted model: {base}.{DELETED}: table still holds its rows" in verified.output
    assert f"orphan of a deleted model: {base}_tier_phi_full.{DELETED}: tier view" in verified.output
    assert f"tier view added by hand: {tier}.sneaky" in verified.output
    assert "fct_demo_encounters" not in verified.output

    planned = cli(["prune", "--target", target, "--project-dir", str(project)], env)
    assert planned.exit_code == 0, planned.output
    assert f'drop view if exists "{base}_tier_phi_full"."{DELETED}";' in planned.output
    assert f'drop table if exists "{base}"."{DELETED}";' in planned.output
    assert "sneaky" not in planned.output
    assert "plan only, nothing dropped" in planned.output

    applied = cli(["prune", "--target", target, "--apply", "--project-dir", str(project)], env)
    assert applied.exit_code == 0, applied.output
    drops = [line for line in planned.output.splitlines() if line.startswith("drop ")]
    assert f"dropped {len(drops)} relation(s)" in applied.output

    after = verify(project, env, target)
    assert after.exit_code == 1, after.output
    assert "orphan" not in after.output
    assert f"tier view added by hand: {tier}.sneaky" in after.output
    execute(f"drop view {tier}.sneaky")
