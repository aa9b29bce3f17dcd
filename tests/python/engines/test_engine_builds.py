"""The whole project builds on real PostgreSQL 18 and on fakesnow (Snowflake dialect) from landed data.

synthetic population -> landing (aegis.ingest) -> raw_fhir tables (aegis.engines.raw_load) -> `dbt build`.
On PostgreSQL the build is then checked against the access matrix for every governed model, column and
tier, connecting as a login user of each tier role; the de-identified marts pass the checker and keep
their research ids across a --full-refresh.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import psycopg2
import pytest
from psycopg2 import sql

from aegis.artifacts import load_manifest
from aegis.engines.fakesnow import FakesnowServer
from aegis.engines.postgres import PostgresServer
from aegis.engines.raw_load import PostgresRawTarget, SnowflakeRawTarget, load_landing
from aegis.governance.classification import GovernanceSettings, classified_nodes, compile_plan
from aegis.governance.dbt_cli import DbtResult, run_dbt
from aegis.governance.deid_check import check, postgres_warehouse
from aegis.governance.sample_project import isolated_dbt_env

pytestmark = pytest.mark.slow

CROSSWALK = "int_records_assigned_research_ids"
# One thread: governance's apply creates the tier roles with a check-then-create that races between two
# threads on PostgreSQL ("duplicate key ... pg_authid_rolname_index"); reported to governance.
POSTGRES_BUILD = ("build", "--threads", "1")
# Unit tests are left out on fakesnow only: dbt-snowflake builds their fixtures as TEMPORARY tables
# qualified with a database, which fakesnow (DuckDB) refuses ("TEMPORARY table names can only use the
# temp catalog"). They run on DuckDB (make test) and PostgreSQL (above).
FAKESNOW_BUILD = ("build", "--exclude-resource-type", "unit_test")
# Governance's pseudonym strategy (phi_limited) needs a keyed-hash secret; a fresh random one per run.
PSEUDONYM_KEY = {"AEGIS_PSEUDONYM_KEY": secrets.token_urlsafe(24)}
TIERS = ("phi_full", "phi_limited", "deidentified", "aggregate")


def assert_dbt_ok(result: DbtResult) -> None:
    # dbt prints counts, node names and SQL on failure, never row values (store_failures is off).
    assert result.ok, result.output[-6000:]


@dataclass(frozen=True)
class Build:
    server: PostgresServer
    work_dir: Path
    env: dict[str, str]
    manifest: dict[str, Any]
    user_password: str

    def scalar(self, query: str) -> Any:
        return self.query_all(query)[0][0]

    def query_all(self, query: str, *, tier: str | None = None) -> list[tuple[Any, ...]]:
        """Rows of `query` as the superuser, or as the login user of `tier`."""
        if tier is None:
            conn = self.server.connect()
        else:
            conn = self.server.connect(user=f"engines_{tier}", password=self.user_password)
        try:
            with conn.cursor() as cursor:
                cursor.execute(query)
                return list(cursor.fetchall())
        finally:
            conn.close()

    def denied(self, tier: str, query: str) -> bool:
        try:
            self.as_tier(tier, query)
        except psycopg2.errors.InsufficientPrivilege:
            return True
        return False

    def as_tier(self, tier: str, query: str) -> list[tuple[Any, ...]]:
        return self.query_all(query, tier=tier)


@pytest.fixture(scope="module")
def postgres_build(
    synthetic_landing: Path, postgres_server: PostgresServer, session_dir: Path
) -> Iterator[Build]:
    """The project built once on a fresh database, with one login user per tier role."""
    database = f"aegis_build_{uuid.uuid4().hex[:8]}"
    admin = postgres_server.connect(dbname="postgres")
    with admin.cursor() as cursor:
        cursor.execute(sql.SQL("create database {}").format(sql.Identifier(database)))
    server = replace(postgres_server, dbname=database)
    work_dir = session_dir / "postgres_build"
    env = isolated_dbt_env(work_dir, AEGIS_TARGET="postgres", **server.dbt_env(), **PSEUDONYM_KEY)
    conn = server.connect()
    password = secrets.token_urlsafe(16)
    try:
        report = load_landing(synthetic_landing, PostgresRawTarget(conn))
        assert report.rows_by_table["patient"] > 0
        assert_dbt_ok(run_dbt([*POSTGRES_BUILD], env=env))
        with conn.cursor() as cursor:
            for tier in TIERS:
                # Roles are cluster-wide: another database's build may have made the user already.
                cursor.execute(f"drop user if exists engines_{tier}")
                cursor.execute(f"create user engines_{tier} password %s in role aegis_{tier}", (password,))
        yield Build(server, work_dir, env, load_manifest(work_dir / "target" / "manifest.json"), password)
    finally:
        conn.close()
        with admin.cursor() as cursor:
            for tier in TIERS:
                cursor.execute(f"drop user if exists engines_{tier}")
            cursor.execute(
                sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(database))
            )
        admin.close()


def relation(manifest: dict[str, Any], model: str) -> str:
    node = next(n for n in manifest["nodes"].values() if n["resource_type"] == "model" and n["name"] == model)
    return f'"{node["schema"]}"."{node["alias"]}"'


def test_postgres_deidentified_marts_are_complete_and_clean(postgres_build: Build) -> None:
    manifest = postgres_build.manifest
    patients = postgres_build.scalar(f"select count(*) from {relation(manifest, 'dim_patient')}")
    assert patients > 0
    assert (
        postgres_build.scalar(f"select count(*) from {relation(manifest, 'dim_patient_deidentified')}")
        == patients
    )
    conn = postgres_build.server.connect()
    try:
        report = check(manifest, postgres_warehouse(conn))
    finally:
        conn.close()
    assert report.ok, [finding.describe() for finding in report.findings]


def test_postgres_research_ids_survive_a_full_refresh(postgres_build: Build) -> None:
    crosswalk = relation(postgres_build.manifest, CROSSWALK)
    digest = (
        f"select md5(string_agg(entity_type || source_id || research_id, ',' order by research_id)), count(*)"
        f" from {crosswalk}"
    )
    before = postgres_build.scalar(digest)
    refreshed = run_dbt([*POSTGRES_BUILD, "--full-refresh", "--select", CROSSWALK], env=postgres_build.env)
    assert_dbt_ok(refreshed)
    assert postgres_build.scalar(digest) == before


def test_postgres_crosswalk_is_readable_by_phi_full_only(postgres_build: Build) -> None:
    crosswalk = relation(postgres_build.manifest, CROSSWALK)
    assert postgres_build.as_tier("phi_full", f"select count(*) > 0 from {crosswalk}") == [(True,)]
    for tier in ("phi_limited", "deidentified", "aggregate"):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            postgres_build.as_tier(tier, f"select research_id from {crosswalk}")
        views = postgres_build.scalar(
            "select count(*) from pg_views where schemaname like '%\\_tier\\_" + tier + "'"
            f" and viewname = '{CROSSWALK}'"
        )
        assert views == 0, f"a {tier} view of the crosswalk exists"


# What a tier must see of a masked column, as a SQL count of rows that break the rule (0 = enforced).
MASK_RULES: dict[str, str] = {
    "null": "count({c})",
    "redact_text": "count(*) filter (where {c} is not null and {c} <> '[REDACTED]')",
    "redact_other": "count({c})",
    "last4": "count(*) filter (where {c} is not null and ({c} not like '***%' or length({c}) > 7))",
    "year": "count(*) filter (where extract(month from {c}) <> 1 or extract(day from {c}) <> 1)",
    "zip3": "count(*) filter (where {c} is not null and {c} !~ '^[0-9]{{3}}$')",
    "age_cap_90": "count(*) filter (where {c} > 90)",
    "pseudonym": "count(*) filter (where {c} is not null and {c} !~ '^[0-9a-f]{{32}}$')",
}


def mask_rule(strategy: str, family: str) -> str:
    if strategy == "redact":
        return MASK_RULES["redact_text" if family == "text" else "redact_other"]
    if strategy == "year" and family not in ("date", "timestamp"):
        return "count(*) filter (where {c} not between 1000 and 9999)"
    return MASK_RULES[strategy]  # a new strategy must get a rule here: KeyError fails the test


def column_digest(column: str) -> str:
    quoted = f'"{column}"'
    return f"md5(coalesce(string_agg(coalesce({quoted}::text, '~'), ',' order by {quoted}::text), ''))"


def test_postgres_enforces_the_access_matrix(postgres_build: Build) -> None:
    """Every governed model x column x tier, read by a login user of the tier role: clear columns equal
    the base, masked ones follow their strategy, denied ones raise, hidden rows stay hidden."""
    plan = compile_plan(classified_nodes(postgres_build.manifest), GovernanceSettings.load())
    views = {
        (schema, name)
        for schema, name in postgres_build.query_all("select schemaname, viewname from pg_views")
    }
    checked = 0
    for entry in plan:
        base = f'"{entry["schema"]}"."{entry["identifier"]}"'
        for tier in entry["tiers"]:
            view_key = (f"{entry['schema']}_tier_{tier['tier']}", entry["identifier"])
            source = f'"{view_key[0]}"."{view_key[1]}"' if view_key in views else base
            hidden = (
                ""
                if tier["sees_sensitive_rows"]
                else f' where not coalesce("{entry["row_filter"]["column"]}", false)'
            )
            readable = [c for c in entry["columns"] if c["strategies"][tier["tier"]] != "deny"]
            where = f"{entry['name']} as {tier['tier']}"
            for column in entry["columns"]:
                if column["strategies"][tier["tier"]] == "deny":
                    assert postgres_build.denied(tier["tier"], f'select "{column["name"]}" from {source}'), (
                        where + column["name"]
                    )
                    checked += 1
            if not readable:
                continue
            clear = [c["name"] for c in readable if c["strategies"][tier["tier"]] == "clear"]
            masked = [c for c in readable if c["strategies"][tier["tier"]] != "clear"]
            measures = (
                ["count(*)"]
                + [column_digest(name) for name in clear]
                + [
                    mask_rule(c["strategies"][tier["tier"]], c["family"]).format(c=f'"{c["name"]}"')
                    for c in masked
                ]
            )
            (seen,) = postgres_build.as_tier(tier["tier"], f"select {', '.join(measures)} from {source}")
            (truth,) = postgres_build.query_all(
                f"select {', '.join(['count(*)'] + [column_digest(name) for name in clear])} from {base}{hidden}"
            )
            assert seen[: 1 + len(clear)] == truth, f"{where}: rows or clear columns differ from the base"
            assert all(broken == 0 for broken in seen[1 + len(clear) :]), f"{where}: a masked column leaks"
            checked += len(readable)
    assert checked > 500


# Last of the PostgreSQL tests (a module runs in order on one worker): it adds patients to the shared build.
def test_postgres_incremental_run_derives_only_new_rows(postgres_build: Build, tmp_path: Path) -> None:
    """The incremental path (literal watermarks compared as timestamptz with staging's received_at, keys
    united before the upstream is read) on a real PostgreSQL: a second run after new deliveries adds their
    patients and facts, and keeps every row it had."""
    from aegis.ingest.landing import LocalStore
    from aegis.ingest.loader import land_events
    from aegis.synth import SynthOptions, generate

    extra = generate(SynthOptions(patients=7, seed=4244), tmp_path / "synth", progress=False)
    land_events(
        extra.events_path, LocalStore(tmp_path / "landing"), LocalStore(tmp_path / "q"), progress=False
    )
    facts = ("dim_patient", "fct_encounters", "fct_observations", "fct_claim_lines")
    before = {fact: postgres_build.scalar(f"select count(*) from aegis_marts.{fact}") for fact in facts}
    conn = postgres_build.server.connect()
    try:
        # appended to the raw tables, as a loader does: the first build's rows stay
        report = load_landing(tmp_path / "landing", PostgresRawTarget(conn), replace=False)
        assert report.rows_by_table["patient"] >= 7  # each version of a patient is a raw row
    finally:
        conn.close()
    assert_dbt_ok(run_dbt(["run", "--threads", "1"], env=postgres_build.env))
    after = {fact: postgres_build.scalar(f"select count(*) from aegis_marts.{fact}") for fact in facts}
    new_patients = json.loads(extra.expected_path.read_text())["latest_resources"]["Patient"]
    assert after["dim_patient"] == before["dim_patient"] + new_patients, (
        "the new patients did not arrive (or old ones left)"
    )
    for fact in facts[1:]:
        assert after[fact] > before[fact], f"{fact}: the new deliveries' rows did not arrive"
    duplicated = postgres_build.scalar(
        "select count(*) - count(distinct observation_id) from aegis_marts.fct_observations"
    )
    assert duplicated == 0, "fct_observations holds a row twice after the incremental run"


def test_fakesnow_builds_the_project(
    synthetic_landing: Path, fakesnow_server: FakesnowServer, run_dbt: Any
) -> None:
    database = "AEGIS_BUILD_TEST"
    conn = fakesnow_server.connect(database=None)
    try:
        cursor = conn.cursor()
        cursor.execute(f"create database if not exists {database}")
        cursor.execute(f"use database {database}")
        report = load_landing(synthetic_landing, SnowflakeRawTarget(conn))
        assert report.rows_by_table["patient"] > 0
        env = {
            **fakesnow_server.dbt_env(),
            "AEGIS_SF_DATABASE": database,
            "AEGIS_TARGET": "fakesnow",
            **PSEUDONYM_KEY,
        }
        assert_dbt_ok(run_dbt(*FAKESNOW_BUILD, env=env))
        cursor.execute("select count(*) from aegis_deidentified.dim_patient_deidentified")
        deidentified_patients = cursor.fetchone()[0]
        cursor.execute("select count(*) from aegis_marts.dim_patient")
        assert deidentified_patients == cursor.fetchone()[0] > 0
    finally:
        conn.close()
