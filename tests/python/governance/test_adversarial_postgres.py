"""An adversary per tier on PostgreSQL 18: the real project built once on a small synthetic population
with 42 CFR Part 2 patients, then each tier's login user tries the routes around the protection.

Every route must be blocked for every tier below phi_full: reading sensitive rows from base tables and
tier views of every layer, statistics of hidden columns (pg_stats, pg_statistic), a leaky function in
WHERE under a security_barrier view or row-level security, subtraction of visible rows from an aggregate,
reading the server's files (where the pseudonym key lives), and reading while a model is rebuilt.
Each test first proves there is something to find (Part 2 rows exist for phi_full), so none can pass
by looking at nothing.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import secrets
import subprocess
import threading
import uuid
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import psycopg2
import pytest
from psycopg2 import sql

from aegis.artifacts import load_manifest
from aegis.engines.postgres import PostgresServer
from aegis.engines.raw_load import PostgresRawTarget, load_landing
from aegis.governance.classification import GovernanceSettings, classified_nodes, compile_plan
from aegis.governance.dbt_cli import dbt_executable, run_dbt
from aegis.governance.sample_project import isolated_dbt_env
from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import land_events
from aegis.paths import project_root
from aegis.synth import SynthOptions, generate

pytestmark = pytest.mark.slow

# 80 patients, seed 2: the smallest population of the generator found with Part 2 diagnoses, encounters,
# claims and a buprenorphine/naloxone prescription (seed 7, the session population, has none).
PATIENTS, SEED = 80, 2
LOWER_TIERS = ("phi_limited", "deidentified", "aggregate")
TIERS = ("phi_full", *LOWER_TIERS)
FLAG = "is_part2_sensitive"
BUILD = ("build", "--threads", "1", "--exclude-resource-type", "test", "unit_test")


@dataclass(frozen=True)
class Warehouse:
    server: PostgresServer
    env: dict[str, str]
    work_dir: Path
    plan: list[dict[str, Any]]
    password: str

    def connect(self, tier: str | None = None) -> Any:
        if tier is None:
            return self.server.connect()
        return self.server.connect(user=f"adv_{tier}", password=self.password)

    def rows(self, sql_text: str, tier: str | None = None) -> list[tuple[Any, ...]]:
        conn = self.connect(tier)
        try:
            with conn.cursor() as cursor:
                cursor.execute(sql_text)
                return list(cursor.fetchall())
        finally:
            conn.close()

    def denied_or_rows(self, sql_text: str, tier: str) -> list[tuple[Any, ...]] | None:
        """None when the tier may not run the query at all: a permission error, or no such relation (a
        tier that may not read a model has no tier view of it)."""
        try:
            return self.rows(sql_text, tier)
        except (psycopg2.errors.InsufficientPrivilege, psycopg2.errors.UndefinedTable):
            return None

    def filtered(self) -> list[dict[str, Any]]:
        return [entry for entry in self.plan if entry["row_filter"]]


def base(entry: dict[str, Any]) -> str:
    return f'"{entry["schema"]}"."{entry["identifier"]}"'


def tier_view(entry: dict[str, Any], tier: str) -> str:
    return f'"{entry["schema"]}_tier_{tier}"."{entry["identifier"]}"'


@pytest.fixture(scope="module")
def warehouse(postgres_server: PostgresServer, session_dir: Path) -> Iterator[Warehouse]:
    root = session_dir / "adversarial"
    summary = generate(SynthOptions(patients=PATIENTS, seed=SEED), root / "synth", progress=False)
    landing = root / "landing"
    land_events(summary.events_path, LocalStore(landing), LocalStore(root / "quarantine"), progress=False)
    database = f"aegis_adv_{uuid.uuid4().hex[:8]}"
    admin = postgres_server.connect(dbname="postgres")
    with admin.cursor() as cursor:
        cursor.execute(sql.SQL("create database {}").format(sql.Identifier(database)))
    server = replace(postgres_server, dbname=database)
    work_dir = root / "dbt"
    env = isolated_dbt_env(work_dir, AEGIS_TARGET="postgres", **server.dbt_env())
    password = secrets.token_urlsafe(16)
    conn = server.connect()
    try:
        load_landing(landing, PostgresRawTarget(conn))
        result = run_dbt(list(BUILD), env=env)
        assert result.ok, result.output[-4000:]
        with conn.cursor() as cursor:
            for tier in TIERS:
                cursor.execute(f"drop user if exists adv_{tier}")
                cursor.execute(f"create user adv_{tier} password %s in role aegis_{tier}", (password,))
            cursor.execute("analyze")  # statistics for the pg_stats route
        plan = compile_plan(
            classified_nodes(load_manifest(work_dir / "target" / "manifest.json")), GovernanceSettings.load()
        )
        yield Warehouse(server, env, work_dir, plan, password)
    finally:
        conn.close()
        with admin.cursor() as cursor:
            for tier in TIERS:
                cursor.execute(f"drop user if exists adv_{tier}")
            cursor.execute(
                sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(database))
            )
        admin.close()


def sensitive_counts(wh: Warehouse) -> dict[str, int]:
    return {e["name"]: wh.rows(f"select count(*) from {base(e)} where {FLAG}")[0][0] for e in wh.filtered()}


def test_part2_rows_exist_in_every_layer_for_phi_full(warehouse: Warehouse) -> None:
    counts = sensitive_counts(warehouse)
    marked = {name for name, n in counts.items() if n > 0}
    assert {"stg_fhir__conditions", "stg_fhir__encounters", "fct_conditions", "fct_claim_lines"} <= marked
    full = warehouse.filtered()[0]
    assert (
        warehouse.rows(f"select count(*) from {base(full)} where {FLAG}", "phi_full")[0][0]
        == counts[full["name"]]
    )


@pytest.mark.parametrize("tier", LOWER_TIERS)
def test_no_sensitive_row_through_base_tables_or_tier_views(warehouse: Warehouse, tier: str) -> None:
    counts = sensitive_counts(warehouse)
    read = 0
    for entry in warehouse.filtered():
        plan = next(t for t in entry["tiers"] if t["tier"] == tier)
        granted = plan["can_read"] and any(c["strategies"][tier] != "deny" for c in entry["columns"])
        expected = warehouse.rows(f"select count(*) from {base(entry)}")[0][0] - counts[entry["name"]]
        for relation in (base(entry), tier_view(entry, tier)):
            # count(*) needs no particular column: it is the number of rows the tier can reach
            seen = warehouse.denied_or_rows(f"select count(*) from {relation}", tier)
            where = f"{entry['name']} via {relation} as {tier}"
            if seen is None:
                assert relation == base(entry) or not granted, f"{where}: its tier view is unreadable"
                continue
            assert granted, f"{where}: readable although the tier may not read the model"
            assert seen[0][0] == expected, f"{where}: {seen[0][0]} rows, {expected} without Part 2"
            read += 1
    assert read >= 1


@pytest.mark.parametrize("tier", LOWER_TIERS)
def test_statistics_show_no_hidden_column(warehouse: Warehouse, tier: str) -> None:
    assert warehouse.denied_or_rows("select count(*) from pg_statistic", tier) is None
    stats = warehouse.rows(
        "select schemaname, tablename, attname from pg_stats"
        " where schemaname not in ('pg_catalog', 'information_schema')",
        tier,
    )
    by_relation = {(e["schema"], e["identifier"]): e for e in warehouse.plan}
    for schema, table, column in stats:
        entry = by_relation.get((schema, table))
        assert entry is not None, f"{tier} sees statistics of ungoverned {schema}.{table}"
        tier_plan = next(t for t in entry["tiers"] if t["tier"] == tier)
        strategies = {c["name"]: c["strategies"][tier] for c in entry["columns"]}
        # statistics are of the base values: only a column the tier reads in clear, of all rows
        assert strategies[column] == "clear", f"{tier}: statistics of {table}.{column} ({strategies[column]})"
        assert tier_plan["sees_sensitive_rows"], (
            f"{tier}: statistics of {table}, whose Part 2 rows it may not see"
        )


# A function that raises every value it is given: run in WHERE, it shows which rows a plan let through.
LEAK_FUNCTION = (
    "create function pg_temp.leak(value text) returns boolean language plpgsql cost 0.0000001 as"
    " $$ begin raise notice 'leak:%', value; return true; end $$"
)


def leaked_values(conn: Any) -> set[str]:
    return {line.split("leak:", 1)[1].strip() for line in conn.notices if "leak:" in line}


def test_a_leaky_function_sees_only_visible_rows(warehouse: Warehouse) -> None:
    entry = next(e for e in warehouse.plan if e["name"] == "stg_fhir__conditions")
    part2_codes = {code for (code,) in warehouse.rows(f"select icd10cm_code from {base(entry)} where {FLAG}")}
    assert part2_codes
    conn = warehouse.connect("phi_limited")
    conn.notices = deque()  # every notice: psycopg2's list keeps only the last 50, and a leak may be earlier
    try:
        with conn.cursor() as cursor:
            cursor.execute(LEAK_FUNCTION)
            for relation in (tier_view(entry, "phi_limited"), base(entry)):
                conn.notices.clear()
                try:
                    cursor.execute(f"select count(*) from {relation} where pg_temp.leak(icd10cm_code)")
                except psycopg2.errors.InsufficientPrivilege:
                    conn.rollback()
                    continue
                leaked = leaked_values(conn)
                assert leaked, f"the function ran on no row of {relation}"
                assert not leaked & part2_codes, f"a Part 2 code reached the function through {relation}"
    finally:
        conn.close()


@pytest.mark.parametrize("tier", LOWER_TIERS)
def test_no_tier_can_become_a_view_owner(warehouse: Warehouse, tier: str) -> None:
    """The NOLOGIN roles that own the tier views of row-filtered tables read whole base tables (under the
    row policy that names them) and the pseudonym key: no tier may log in as one, become one or hold
    their privileges."""
    owners = [
        name
        for (name,) in warehouse.rows(
            "select rolname from pg_roles where rolname like 'aegis%views' and not rolcanlogin"
        )
    ]
    assert len(owners) >= len(LOWER_TIERS), f"view owners: {owners}"
    assert warehouse.rows(
        "select count(*) from pg_roles where rolname like 'aegis%views' and rolcanlogin"
    ) == [(0,)]
    for owner in owners:
        assert warehouse.rows(f"select pg_has_role(current_user, '{owner}', 'member')", tier) == [(False,)]
        for attempt in (f"set role {owner}", f"set session authorization {owner}"):
            seen = warehouse.denied_or_rows(f"{attempt}; select current_user", tier)
            assert seen is None, f"{tier} became {owner}"
    assert warehouse.denied_or_rows("select count(*) from aegis_governance.aegis_pseudonym_key", tier) is None


def published_pmpm(warehouse: Warehouse) -> list[tuple[Any, ...]]:
    pmpm = next(e for e in warehouse.plan if e["name"] == "mart_pmpm")
    query = "select payer_name, service_category, month_start_date, claim_line_count from {} where claim_line_count is not null"
    rows = warehouse.denied_or_rows(query.format(base(pmpm)), "aggregate")
    return (
        rows if rows is not None else warehouse.rows(query.format(tier_view(pmpm, "aggregate")), "aggregate")
    )


VISIBLE_LINES = (
    "select payer_name, service_category, date_trunc('{grain}', service_date)::date, count(*) from {relation}"
    " where claim_status = 'active' and claim_outcome in ('complete', 'partial') group by 1, 2, 3"
)


def test_aggregates_minus_visible_rows_leave_nothing(warehouse: Warehouse) -> None:
    lines = next(e for e in warehouse.plan if e["name"] == "fct_claim_lines")
    assert warehouse.rows(f"select count(*) from {base(lines)} where {FLAG}")[0][0] > 0, "no Part 2 line"
    published = published_pmpm(warehouse)
    assert published
    # zero is not a small cell (CMS): 1-10 is
    assert all(count == 0 or count > 10 for *_, count in published), "a small cell is published"
    # phi_limited sees service dates: every published cell must equal the lines it sees in that cell
    visible = {
        (payer, category, month): count
        for payer, category, month, count in warehouse.rows(
            VISIBLE_LINES.format(grain="month", relation=tier_view(lines, "phi_limited")), "phi_limited"
        )
    }
    for payer, category, month, count in published:
        assert visible.get((payer, category, month), 0) == count, "a cell counts lines phi_limited cannot see"
    # deidentified sees years only: per payer, category and year the published cells may not add up to
    # more than the lines it sees (the difference is the suppressed cells, never hidden lines)
    yearly = {
        (payer, category, year.year): count
        for payer, category, year, count in warehouse.rows(
            VISIBLE_LINES.format(grain="year", relation=tier_view(lines, "deidentified")), "deidentified"
        )
    }
    sums: dict[tuple[Any, Any, int], int] = {}
    for payer, category, month, count in published:
        sums[(payer, category, month.year)] = sums.get((payer, category, month.year), 0) + count
    for key, total in sums.items():
        assert total <= yearly.get(key, 0), "published cells add up to more than deidentified sees"


@pytest.mark.parametrize("tier", LOWER_TIERS)
def test_server_files_are_out_of_reach(warehouse: Warehouse, tier: str) -> None:
    for probe in (
        "select pg_ls_dir('.')",
        "select pg_read_binary_file('postgresql.conf')",
        "select count(*) from aegis_governance.aegis_pseudonym_key",
    ):
        assert warehouse.denied_or_rows(probe, tier) is None, f"{tier}: {probe}"


def test_the_key_is_in_no_file_dbt_wrote(warehouse: Warehouse) -> None:
    pads = warehouse.rows("select * from aegis_governance.aegis_pseudonym_key")
    needles = [bytes(value) for row in pads for value in row if isinstance(value, (bytes, memoryview))]
    assert needles, "no key to look for"
    forms = [n for n in needles] + [n.hex().encode() for n in needles]
    files = [p for p in warehouse.work_dir.rglob("*") if p.is_file()]
    assert len(files) > 10
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        assert not any(form in data for form in forms), (
            f"key material in {path.relative_to(warehouse.work_dir)}"
        )


def test_no_sensitive_row_while_a_model_is_rebuilt(warehouse: Warehouse) -> None:
    entry = next(e for e in warehouse.plan if e["name"] == "stg_fhir__conditions")
    view = tier_view(entry, "phi_limited")
    env = {**os.environ, **warehouse.env, "DBT_PROFILES_DIR": str(project_root())}
    command = [dbt_executable(), "run", "--full-refresh", "-s", "stg_fhir__conditions"]
    rebuild = subprocess.Popen(
        command, cwd=project_root(), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    seen: list[int | None] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            for relation in (base(entry), view):
                try:
                    rows = warehouse.rows(
                        f"select count(*) from {relation} where icd10cm_code like 'F1%'", "phi_limited"
                    )
                    seen.append(rows[0][0])
                except psycopg2.Error:  # denied, or the relation is being swapped: nothing read
                    seen.append(None)

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        assert rebuild.wait(timeout=300) == 0
    finally:
        stop.set()
        poller.join()
    assert sum(count is not None for count in seen) >= 3, "the rebuild was never observed"
    assert all(count in (None, 0) for count in seen), "a Part 2 row was readable during the rebuild"
    assert sensitive_counts(warehouse)["stg_fhir__conditions"] > 0  # the rebuild did bring them back


def test_quasi_identifier_linkage_to_deidentified_patients_finds_no_one(warehouse: Warehouse) -> None:
    """phi_limited knows each patient's demographics (a Limited Data Set): joined on every
    quasi-identifier of dim_patient_deidentified (a NULL there matches anything), nobody narrows down to
    fewer than k research ids."""
    dim = next(e for e in warehouse.plan if e["name"] == "dim_patient")
    deid = next(e for e in warehouse.plan if e["name"] == "dim_patient_deidentified")
    pairs = ("gender", "marital_status_code", "language_code", "state", "is_deceased")
    on = " and ".join(f"(d.{c} is null or d.{c} = a.{c})" for c in pairs)
    rows = warehouse.rows(
        "with a as (select patient_id, gender, marital_status_code, language_code, state, is_deceased,"
        " left(zip_code, 3) as zip3, least(age_at_period_end, 90) as age,"
        " extract(year from birth_date)::int as birth_year, extract(year from death_date)::int as death_year"
        f" from {tier_view(dim, 'phi_limited')}),"
        " m as (select a.patient_id, count(*) as candidates from a"
        f" inner join {tier_view(deid, 'phi_limited')} as d on {on}"
        " and (d.zip3 is null or d.zip3 = a.zip3) and (d.age_at_period_end is null or d.age_at_period_end = a.age)"
        " and (d.birth_year is null or d.birth_year = a.birth_year)"
        " and (d.death_year is null or d.death_year = a.death_year) group by a.patient_id)"
        " select count(*), count(*) filter (where candidates < 11) from m",
        "phi_limited",
    )
    linked, unique_enough = rows[0]
    assert linked > 0
    assert unique_enough == 0


# ---- pseudonyms computed at build time (keyed_pseudonym columns, aegis_pseudonym) ----


def materialised_pseudonyms(wh: Warehouse) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(entry, identifier column) for every identifier whose pseudonym the model stores."""
    return [(e, c) for e in wh.plan for c in e["columns"] if c.get("pseudonym_column")]


def pseudonym_from_pads(inner: bytes, outer: bytes, value: str) -> str:
    """The pseudonym from the pads: the first 32 hex digits of the HMAC (aegis_keyed_pseudonym)."""
    return hashlib.sha256(outer + hashlib.sha256(inner + value.encode("utf-8")).digest()).hexdigest()[:32]


@pytest.mark.parametrize("tier", LOWER_TIERS)
def test_stored_pseudonyms_are_out_of_reach(warehouse: Warehouse, tier: str) -> None:
    """No lower tier reads a stored pseudonym column by its own name (base table or tier view, in a
    select or a filter), sees its statistics, or can execute a function that computes one."""
    stored = materialised_pseudonyms(warehouse)
    assert {e["name"] for e, _ in stored} >= {"dim_patient", "fct_encounters"}
    for entry, column in stored:
        name = column["pseudonym_column"]
        assert warehouse.rows(f'select count("{name}") from {base(entry)}')[0][0] > 0, (
            f"{name}: nothing to find"
        )
        for relation in (base(entry), tier_view(entry, tier)):
            for probe in (
                f'select "{name}" from {relation}',
                f"select count(*) from {relation} where \"{name}\" > ''",
            ):
                assert warehouse.denied_or_rows(probe, tier) is None, f"{tier}: {probe}"
    stats = "select tablename, attname from pg_stats where attname like '%\\_pseudonym'"
    assert warehouse.rows(stats, "phi_full"), "no statistics of stored pseudonyms: nothing to find"
    assert warehouse.rows(stats, tier) == []
    functions = warehouse.rows(
        "select p.oid::regprocedure::text from pg_proc as p join pg_namespace as n on n.oid = p.pronamespace"
        " where n.nspname not in ('pg_catalog', 'information_schema') and has_function_privilege(p.oid, 'execute')",
        tier,
    )
    assert functions == [], f"{tier} may execute {functions}"
    assert warehouse.rows("select has_schema_privilege('aegis_governance', 'usage')", tier) == [(False,)]


def test_phi_limited_cannot_recover_identifiers_through_pseudonyms(warehouse: Warehouse) -> None:
    """phi_limited reads each stored pseudonym as its identifier: the keyed HMAC of the real value, never
    the value itself, whether selected, passed to a leaky function or shown in an error message."""
    inner, outer = (
        bytes(v)
        for v in warehouse.rows("select inner_pad, outer_pad from aegis_governance.aegis_pseudonym_key")[0]
    )
    checked = 0
    for entry, column in materialised_pseudonyms(warehouse):
        hidden = f" where not {entry['row_filter']['column']}" if entry["row_filter"] else ""
        real = {
            v
            for (v,) in warehouse.rows(f'select "{column["name"]}" from {base(entry)}{hidden}')
            if v is not None
        }
        seen = {
            v
            for (v,) in warehouse.rows(
                f'select "{column["name"]}" from {tier_view(entry, "phi_limited")}', "phi_limited"
            )
            if v is not None
        }
        assert real, f"{entry['name']}.{column['name']}: nothing to find"
        assert seen == {pseudonym_from_pads(inner, outer, v) for v in real}, (
            f"{entry['name']}.{column['name']}"
        )
        assert not seen & real
        checked += 1
    assert checked >= 5
    dim = next(e for e in warehouse.plan if e["name"] == "dim_patient")
    real_ids = {v for (v,) in warehouse.rows(f"select patient_id from {base(dim)}")}
    conn = warehouse.connect("phi_limited")
    try:
        with conn.cursor() as cursor:
            cursor.execute(LEAK_FUNCTION)
            cursor.execute(
                f"select count(*) from {tier_view(dim, 'phi_limited')} where pg_temp.leak(patient_id)"
            )
            leaked = leaked_values(conn)
            assert leaked and not leaked & real_ids, "a real patient id reached the function"
            # A pseudonym that starts with enough digits fails as out of range instead of as not a number
            # (which one depends on the run's key): either way a data error whose message is checked.
            with pytest.raises(psycopg2.errors.DataError) as error:
                cursor.execute(f"select patient_id::int from {tier_view(dim, 'phi_limited')}")
            assert not any(real in str(error.value) for real in real_ids), "a real id in an error message"
    finally:
        conn.close()


# Raises each value it is given with the column's name, in the value's own output format: one call per
# column, each as cheap as the planner can cost it, so that without a barrier it runs before a view's filter.
LEAK_COLUMN_FUNCTION = (
    "create function pg_temp.leak_column(label text, value anyelement) returns boolean language plpgsql"
    " cost 0.0000001 as $$ begin raise notice 'leak:%=%', label, value; return true; end $$"
)


@pytest.mark.parametrize("tier", LOWER_TIERS)
def test_a_leaky_function_sees_nothing_the_tier_cannot_select(warehouse: Warehouse, tier: str) -> None:
    """Every tier view, with or without a row filter (a view that filters a table's rows reads it as the
    tier's view owner, under the row policy, and one that filters a view's rows is a security_barrier
    view; the others are neither, so that the planner sees their statistics): a function in WHERE, given
    each granted column, is given only values the tier selects from that column (masked as it selects
    them), never a base value or a value of a row it cannot see. A filter `<flag> = false` is planned as
    `not <flag>`, which costs nothing and runs before any function anyway (the row policy is then defence
    in depth, and `aegis governance verify` reports its loss); with a filter that costs anything (tried:
    `cast(<flag> as integer) = 0`), views with neither guard fail here for every tier."""
    conn = warehouse.connect(tier)
    conn.notices = deque()  # every notice: a list keeps the last 50
    checked = barrier_free = 0
    try:
        with conn.cursor() as cursor:
            cursor.execute(LEAK_COLUMN_FUNCTION)
            for entry in warehouse.plan:
                columns = [c["name"] for c in entry["columns"] if c["strategies"][tier] != "deny"]
                plan = next(t for t in entry["tiers"] if t["tier"] == tier)
                if not (plan["can_read"] and columns):
                    continue
                calls = [f"pg_temp.leak_column('{c}', \"{c}\")" for c in columns]
                view = tier_view(entry, tier)
                conn.notices.clear()
                cursor.execute(f"select {', '.join(calls)} from {view}")
                visible = leaked_values(conn)
                conn.notices.clear()
                cursor.execute(f"select count(*) from {view} where {' and '.join(calls)}")
                leaked = leaked_values(conn)
                assert leaked or not visible, f"{tier}: the function ran on no row of {view}"
                unseen = len(leaked - visible)  # counted, not shown: the values are the secret
                assert unseen == 0, f"{tier}: {unseen} values of {view} reached the function, not selectable"
                checked += 1
                barrier_free += not (entry["row_filter"] and not plan["sees_sensitive_rows"])
    finally:
        conn.close()
    assert checked >= 3 and barrier_free >= 1
    if tier == "phi_limited":
        assert checked >= 10 and barrier_free >= 5


# ---- the k-anonymous release levels: phi_full only ----

RELEASE_LEVELS = "int_patients_assigned_fact_release_levels"


def release_level_relations(wh: Warehouse) -> list[tuple[str, int]]:
    """Every table or view of that name in any schema (the base table, any tier view), with its oid."""
    return [
        (f'"{schema}"."{name}"', oid)
        for schema, name, oid in wh.rows(
            "select n.nspname, c.relname, c.oid::int from pg_class as c"
            " join pg_namespace as n on n.oid = c.relnamespace"
            f" where c.relname = '{RELEASE_LEVELS}' and c.relkind in ('r', 'v', 'm', 'p', 'f')"
        )
    ]


def test_release_levels_are_readable_by_phi_full(warehouse: Warehouse) -> None:
    entry = next(e for e in warehouse.plan if e["name"] == RELEASE_LEVELS)
    total, linked = warehouse.rows(
        f"select count(*), count(research_person_id) from {base(entry)} where release_level is not null"
    )[0]
    assert total > 0 and linked > 0, "no release level to find"
    assert warehouse.rows(
        f"select count(*), count(research_person_id) from {base(entry)} where release_level is not null",
        "phi_full",
    ) == [(total, linked)]
    stats = f"select attname from pg_stats where tablename = '{RELEASE_LEVELS}'"
    assert {"research_person_id", "release_level"} <= {a for (a,) in warehouse.rows(stats, "phi_full")}


@pytest.mark.parametrize("tier", LOWER_TIERS)
def test_release_levels_are_out_of_reach_below_phi_full(warehouse: Warehouse, tier: str) -> None:
    """A research id's release level tells whether its facts are published unlinked: no tier below phi_full
    reads the table, a view of it in any schema, its columns' statistics or their catalog entries. Hard-coded
    to phi_full only, whatever the plan says, so that a loosened classification fails here."""
    relations = release_level_relations(warehouse)
    assert relations, "no release-level relation to probe"
    for relation, oid in relations:
        for probe in (
            f"select count(*) from {relation}",
            f"select research_person_id, release_level from {relation}",
            f"select count(*) from {relation} where release_level = 4",
            f"select release_level, count(*) from {relation} group by 1",
        ):
            seen = warehouse.denied_or_rows(probe, tier)
            assert seen in (None, [], [(0,)]), f"{tier} reads {probe}: {seen}"
        privileges = warehouse.rows(
            f"select has_table_privilege({oid}::oid, 'select'), has_any_column_privilege({oid}::oid, 'select')",
            tier,
        )
        assert privileges == [(False, False)], f"{tier} holds a privilege on {relation}"
    for catalog in (
        f"select attname from pg_stats where tablename = '{RELEASE_LEVELS}'",
        f"select column_name from information_schema.columns where table_name = '{RELEASE_LEVELS}'",
        f"select column_name from information_schema.column_privileges where table_name = '{RELEASE_LEVELS}'",
        f"select table_schema from information_schema.tables where table_name = '{RELEASE_LEVELS}'",
    ):
        assert warehouse.rows(catalog, tier) == [], f"{tier}: {catalog}"
    assert warehouse.denied_or_rows("select count(*) from pg_statistic", tier) is None
