"""Declared protection (the plan) versus what the live warehouse has: drift is reported and fails.

Expected state comes from the engine-neutral plan (`classification.load_plan`) and, for view
definitions, from the engine's own renderer (`aegis_governance_plan`, the same DDL the post-hook
runs). The live state is read from the catalog only:

- PostgreSQL: information_schema.column_privileges and role_table_grants, pg_policies,
  pg_class.relrowsecurity / reloptions / relowner, pg_views (definitions normalised by PostgreSQL itself:
  the expected select is created as a temporary view in a rolled-back transaction).
- DuckDB: duckdb_views() in the tier schemas (definitions normalised the same way, temp views).
- Snowflake / Redshift: the equivalent catalog queries are rendered for a DBA to run
  (`--print-queries`); fakesnow enforces no governance, so nothing can be checked here.

Reports name relations, columns, roles and policies — never a data value or the pseudonym key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aegis.governance.access_matrix import (
    base_grant_columns,
    normalise_predicate,
    tier_schema,
    tier_view_columns,
)
from aegis.governance.prune import (
    ORPHAN_KIND,
    Orphan,
    find_orphans,
    governed_schemas,
    live_duckdb,
    live_postgres,
    manifest_relations,
    orphan_relations,
)

ENGINE_OF_TARGET = {
    "dev": "duckdb",
    "duckdb": "duckdb",
    "postgres": "postgres",
    "fakesnow": "snowflake",
    "snowflake": "snowflake",
    "redshift_parse": "redshift",
    "redshift": "redshift",
}


@dataclass(frozen=True, order=True)
class Drift:
    """One difference between the plan and the warehouse (names only)."""

    relation: str
    kind: str
    detail: str

    def describe(self) -> str:
        return f"{self.kind}: {self.relation}: {self.detail}"


@dataclass
class VerifyReport:
    engine: str
    relations: int
    drifts: list[Drift] = field(default_factory=list)
    checks: int = 0

    @property
    def clean(self) -> bool:
        """No drift, and something was checked: a verify that looked at nothing never passes."""
        return not self.drifts and self.relations > 0 and self.checks > 0

    def summary(self) -> str:
        if not self.drifts and not self.clean:
            return (
                f"governance verify on {self.engine}: FAILED, nothing verified; {self.relations} relation(s), "
                f"{self.checks} check(s) (is the project classified and built?)"
            )
        verdict = "clean" if self.clean else f"DRIFT ({len(self.drifts)})"
        return f"governance verify on {self.engine}: {verdict}; {self.relations} relation(s), {self.checks} check(s)"


def engine_of(target: str) -> str:
    try:
        return ENGINE_OF_TARGET[target]
    except KeyError as error:
        raise ValueError(
            f"unknown target '{target}' (one of {', '.join(sorted(ENGINE_OF_TARGET))})"
        ) from error


def dbt_target_of(target: str) -> str:
    """The profiles.yml target for a --target value given as an engine name."""
    return {"duckdb": "dev", "snowflake": "fakesnow", "redshift": "redshift_parse"}.get(target, target)


def relation_name(schema: str, identifier: str) -> str:
    return f"{schema}.{identifier}"


# --- expected view definitions, from the engine's renderer ---------------------------------------

VIEW_PATTERNS = {
    "postgres": re.compile(
        r"^create view (\S+)(?: with \(security_barrier = true\))? as\n(.*?);$", re.M | re.S
    ),
    "duckdb": re.compile(r"^create or replace view (\S+) as\n(.*?);$", re.M | re.S),
}


def expected_view_selects(plan_sql: str, engine: str) -> dict[tuple[str, str], str]:
    """(schema, view) -> the select its tier view is created with, from the rendered plan script."""
    found: dict[tuple[str, str], str] = {}
    for match in VIEW_PATTERNS[engine].finditer(plan_sql):
        parts = match.group(1).split(".")
        found[(parts[-2], parts[-1])] = match.group(2)
    return found


def same_definition(expected: str, live: str) -> bool:
    """Normalised definitions are equal (plans hold no secret: the key is read where it is stored)."""
    return expected == live


# --- PostgreSQL ----------------------------------------------------------------------------------


def _fetch(connection: Any, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
        return rows


def _roles(plan: list[dict[str, Any]]) -> list[str]:
    return sorted({tier["role"] for entry in plan for tier in entry["tiers"]})


def _tier_schemas(plan: list[dict[str, Any]]) -> list[str]:
    return sorted({tier_schema(entry["schema"], t["tier"]) for entry in plan for t in entry["tiers"]})


def expected_postgres_grants(plan: list[dict[str, Any]]) -> set[tuple[str, str, str, str, str]]:
    """(role, schema, relation, column, privilege) for base relations and tier views."""
    grants: set[tuple[str, str, str, str, str]] = set()
    for entry in plan:
        for tier in entry["tiers"]:
            for column in base_grant_columns(entry, tier):
                grants.add((tier["role"], entry["schema"], entry["identifier"], column, "SELECT"))
            view_schema = tier_schema(entry["schema"], tier["tier"])
            for column in tier_view_columns(entry, tier):
                grants.add((tier["role"], view_schema, entry["identifier"], column, "SELECT"))
    return grants


def expected_postgres_views(plan: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {
        (tier_schema(entry["schema"], tier["tier"]), entry["identifier"])
        for entry in plan
        for tier in entry["tiers"]
        if tier_view_columns(entry, tier)
    }


def view_owner_role(tier: dict[str, Any]) -> str:
    """The role owning a tier's views of row-filtered tables (macros/governance/aegis_postgres_view_owner.sql)."""
    return f"{tier['role']}_views"


def expected_row_guards(plan: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """The tier views that filter sensitive rows, and what keeps those rows from a reader's functions:
    for a table, its owner `view_owner_role(tier)`, whose reads the row policy filters as a security
    qual of the scan; for a view (no row-level security), the security_barrier option ("barrier").
    A view that filters no row needs neither."""
    return {
        (tier_schema(entry["schema"], tier["tier"]), entry["identifier"]): (
            view_owner_role(tier) if entry["relation_kind"] == "table" else "barrier"
        )
        for entry in plan
        for tier in entry["tiers"]
        if entry["row_filter"] and not tier["sees_sensitive_rows"] and tier_view_columns(entry, tier)
    }


def expected_postgres_policies(entry: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    """(policy, cmd, role, normalised predicate) for a table with a sensitive-row filter."""
    if not entry["row_filter"] or entry["relation_kind"] != "table":
        return set()
    column = entry["row_filter"]["column"]
    return {
        (
            f"aegis_rows_{tier['tier']}",
            "SELECT",
            role,
            normalise_predicate("true" if tier["sees_sensitive_rows"] else f"{column} = false"),
        )
        for tier in entry["tiers"]
        for role in ([tier["role"]] if tier["sees_sensitive_rows"] else [tier["role"], view_owner_role(tier)])
    }


def _live_postgres_grants(
    connection: Any, roles: list[str], schemas: list[str]
) -> set[tuple[str, str, str, str, str]]:
    rows = _fetch(
        connection,
        "select grantee, table_schema, table_name, column_name, privilege_type"
        " from information_schema.column_privileges"
        " where grantee = any(%s) and table_schema = any(%s)",
        (roles, schemas),
    )
    return {(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows}


def _grant_drifts(plan: list[dict[str, Any]], live: set[tuple[str, str, str, str, str]]) -> list[Drift]:
    expected = expected_postgres_grants(plan)
    drifts = [
        Drift(relation_name(s, t), "grant added by hand", f"{role} has {priv} on column {c} (not declared)")
        for role, s, t, c, priv in sorted(live - expected)
    ]
    drifts += [
        Drift(relation_name(s, t), "grant missing", f"{role} lacks declared {priv} on column {c}")
        for role, s, t, c, priv in sorted(expected - live)
    ]
    return drifts


def _table_grant_drifts(connection: Any, roles: list[str], schemas: list[str]) -> list[Drift]:
    """Aegis grants columns only: any table-level privilege of a tier role was added by hand."""
    rows = _fetch(
        connection,
        "select grantee, table_schema, table_name, privilege_type from information_schema.role_table_grants"
        " where grantee = any(%s) and table_schema = any(%s) order by 1, 2, 3, 4",
        (roles, schemas),
    )
    return [
        Drift(relation_name(r[1], r[2]), "table grant added by hand", f"{r[0]} has table-level {r[3]}")
        for r in rows
    ]


def _row_security_drifts(connection: Any, entry: dict[str, Any]) -> list[Drift]:
    schema, table = entry["schema"], entry["identifier"]
    name = relation_name(schema, table)
    drifts: list[Drift] = []
    enabled = _fetch(
        connection,
        "select c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace"
        " where n.nspname = %s and c.relname = %s",
        (schema, table),
    )
    if not enabled:
        return [Drift(name, "relation missing", "the governed relation does not exist")]
    expected = expected_postgres_policies(entry)
    if bool(enabled[0][0]) != bool(expected):
        state = "disabled" if expected else "enabled"
        drifts.append(
            Drift(name, "row level security", f"row level security is {state}, plan says otherwise")
        )
    rows = _fetch(
        connection,
        "select policyname, cmd, roles, qual from pg_policies where schemaname = %s and tablename = %s",
        (schema, table),
    )
    live = {
        (str(policy), str(cmd), str(role), normalise_predicate(qual))
        for policy, cmd, roles, qual in rows
        for role in (roles if isinstance(roles, list) else str(roles).strip("{}").split(","))
    }
    drifts += [
        Drift(name, "policy added or changed by hand", f"policy {p} for {cmd} to {role} is not declared")
        for p, cmd, role, _ in sorted(live - expected)
    ]
    drifts += [
        Drift(name, "policy missing or changed", f"declared policy {p} for {cmd} to {role} is not in effect")
        for p, cmd, role, _ in sorted(expected - live)
    ]
    return drifts


def _normalised_postgres_select(connection: Any, select_sql: str) -> str:
    """PostgreSQL's own rendering of a select: created as a temp view, read back, rolled back."""
    with connection.cursor() as cursor:
        cursor.execute("savepoint aegis_verify")
        try:
            cursor.execute(f"create temporary view aegis_verify_expected as\n{select_sql}")
            cursor.execute("select pg_get_viewdef('aegis_verify_expected'::regclass)")
            definition = str(cursor.fetchone()[0])
        finally:
            cursor.execute("rollback to savepoint aegis_verify")
        return definition


def _view_drifts(
    connection: Any, plan: list[dict[str, Any]], expected_selects: dict[tuple[str, str], str]
) -> list[Drift]:
    expected = expected_postgres_views(plan)
    guards = expected_row_guards(plan)
    rows = _fetch(
        connection,
        "select v.schemaname, v.viewname, pg_get_viewdef(c.oid), coalesce(c.reloptions, '{}'), v.viewowner"
        " from pg_views v join pg_namespace n on n.nspname = v.schemaname"
        " join pg_class c on c.relnamespace = n.oid and c.relname = v.viewname"
        " where v.schemaname = any(%s)",
        (_tier_schemas(plan),),
    )
    live = {(str(r[0]), str(r[1])): (str(r[2]), list(r[3]), str(r[4])) for r in rows}
    drifts = [
        Drift(relation_name(*view), "tier view added by hand", "view is not in the plan")
        for view in sorted(set(live) - expected)
    ]
    drifts += [
        Drift(relation_name(*view), "tier view missing", "declared tier view does not exist")
        for view in sorted(expected - set(live))
    ]
    for view in sorted(expected & set(live)):
        definition, options, owner = live[view]
        guard = guards.get(view)
        if guard == "barrier" and "security_barrier=true" not in options:
            drifts.append(Drift(relation_name(*view), "tier view changed", "security_barrier is not set"))
        elif guard not in (None, "barrier") and owner != guard:
            drifts.append(
                Drift(
                    relation_name(*view), "tier view changed", f"owned by {owner}, not {guard}: no row policy"
                )
            )
        select_sql = expected_selects.get(view)
        if select_sql is None:
            drifts.append(
                Drift(relation_name(*view), "tier view unverifiable", "no definition in the rendered plan")
            )
        elif not same_definition(_normalised_postgres_select(connection, select_sql), definition):
            drifts.append(
                Drift(relation_name(*view), "tier view changed", "definition differs from the plan")
            )
    return drifts


def _role_drifts(connection: Any, roles: list[str]) -> list[Drift]:
    live = {
        r[0] for r in _fetch(connection, "select rolname from pg_roles where rolname = any(%s)", (roles,))
    }
    return [Drift(role, "role missing", "tier role does not exist") for role in roles if role not in live]


def verify_postgres(connection: Any, plan: list[dict[str, Any]], plan_sql: str) -> VerifyReport:
    """Compare the plan with the live PostgreSQL catalog. `connection` must not be in autocommit-free
    trouble: temp views are created inside a savepoint and rolled back."""
    connection.autocommit = False
    roles = _roles(plan)
    schemas = sorted({entry["schema"] for entry in plan} | set(_tier_schemas(plan)))
    report = VerifyReport("postgres", len(plan))
    try:
        report.drifts += _role_drifts(connection, roles)
        live_grants = _live_postgres_grants(connection, roles, schemas)
        report.drifts += _grant_drifts(plan, live_grants)
        report.drifts += _table_grant_drifts(connection, roles, schemas)
        for entry in plan:
            report.drifts += _row_security_drifts(connection, entry)
        report.drifts += _view_drifts(connection, plan, expected_view_selects(plan_sql, "postgres"))
    finally:
        connection.rollback()
    report.checks = (
        len(roles) + len(expected_postgres_grants(plan)) + len(plan) + len(expected_postgres_views(plan))
    )
    report.drifts = sorted(set(report.drifts))
    return report


# --- DuckDB --------------------------------------------------------------------------------------

CREATE_VIEW_PREFIX = re.compile(r"^create (?:or replace )?(?:temp(?:orary)? )?view \S+ as ", re.I | re.S)


def expected_duckdb_views(plan: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """DuckDB: a view per tier that may read the model and gets at least one column."""
    return expected_postgres_views(plan)


def _normalised_duckdb_select(connection: Any, select_sql: str) -> str:
    """DuckDB's own rendering of a select, through a temporary view (allowed on a read-only file).

    A stored view drops the catalog name of relations in its own catalog; a temporary view lives in
    catalog `temp` and keeps it, so the warehouse's catalog prefix is removed to compare alike.
    """
    connection.execute(f"create or replace temporary view aegis_verify_expected as\n{select_sql}")
    row = connection.execute(
        "select sql, current_database() from duckdb_views() where temporary and view_name = 'aegis_verify_expected'"
    ).fetchone()
    connection.execute("drop view if exists temp.aegis_verify_expected")
    if row is None:
        return ""
    definition = CREATE_VIEW_PREFIX.sub("", str(row[0]), count=1)
    return re.sub(rf"(?<![\w'.]){re.escape(str(row[1]))}\.(?=\w)", "", definition)


def verify_duckdb(connection: Any, plan: list[dict[str, Any]], plan_sql: str) -> VerifyReport:
    """Tier views exist, and only they, with the definitions the renderer gives (duckdb_views())."""
    expected = expected_duckdb_views(plan)
    selects = expected_view_selects(plan_sql, "duckdb")
    schemas = _tier_schemas(plan)
    rows = connection.execute(
        "select schema_name, view_name, sql from duckdb_views() where not internal and not temporary"
        " and list_contains(?, schema_name)",
        [schemas],
    ).fetchall()
    live = {(str(r[0]), str(r[1])): CREATE_VIEW_PREFIX.sub("", str(r[2]), count=1) for r in rows}
    report = VerifyReport("duckdb", len(plan), checks=len(expected))
    report.drifts += [
        Drift(relation_name(*v), "tier view added by hand", "view is not in the plan")
        for v in sorted(set(live) - expected)
    ]
    report.drifts += [
        Drift(relation_name(*v), "tier view missing", "declared tier view does not exist")
        for v in sorted(expected - set(live))
    ]
    for view in sorted(expected & set(live)):
        select_sql = selects.get(view)
        if select_sql is None:
            report.drifts.append(
                Drift(relation_name(*view), "tier view unverifiable", "no definition in the rendered plan")
            )
        elif not same_definition(_normalised_duckdb_select(connection, select_sql), live[view]):
            report.drifts.append(
                Drift(relation_name(*view), "tier view changed", "column expressions differ from the plan")
            )
    return report


# --- Snowflake and Redshift: queries for a DBA -----------------------------------------------------


def _quoted(values: Iterable[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def snowflake_queries(plan: list[dict[str, Any]]) -> str:
    """Catalog queries that show, on a live account, what `verify` compares on PostgreSQL."""
    roles = [r.upper() for r in _roles(plan)]
    out = [
        "-- Aegis governance verify: Snowflake catalog queries (run as a role that can read policies).",
        "-- Compare with `aegis governance plan --engine snowflake`; fakesnow enforces none of this.",
        "",
        "-- grants to the tier roles (ACCOUNT_USAGE lags up to 2 hours; SHOW GRANTS TO ROLE is immediate)",
        "select grantee_name, privilege, granted_on, table_catalog, table_schema, name",
        "from snowflake.account_usage.grants_to_roles",
        f"where deleted_on is null and grantee_name in ({_quoted(roles)})",
        "order by grantee_name, table_schema, name, privilege;",
    ]
    for entry in sorted(plan, key=lambda e: (e["schema"], e["identifier"])):
        database = (entry["database"] or "<database>").upper()
        full = f"{database}.{entry['schema']}.{entry['identifier']}".upper()
        readers = [t["role"].upper() for t in entry["tiers"] if t["can_read"]]
        out += [
            "",
            f"-- {full}: expected select to {', '.join(readers) or 'no tier'}; "
            f"row access policy {'expected' if entry['row_filter'] else 'not expected'}",
            "select policy_kind, policy_name, ref_column_name, ref_arg_column_names, tag_name, policy_status",
            f"from table({database}.information_schema.policy_references(",
            f"    ref_entity_name => '{full}', ref_entity_domain => '{entry['relation_kind']}'))",
            "order by policy_kind, ref_column_name;",
        ]
    return "\n".join(out) + "\n"


def redshift_queries(plan: list[dict[str, Any]]) -> str:
    roles = _roles(plan)
    relations = sorted({(e["schema"], e["identifier"]) for e in plan})
    pairs = " or ".join(f"({{s}} = '{s}' and {{t}} = '{t}')" for s, t in relations) or "false"
    out = [
        "-- Aegis governance verify: Redshift catalog queries (run as a superuser or sys:secadmin).",
        "-- Compare with `aegis governance plan --engine redshift`.",
        "",
        "-- masking policies attached per column and role, with priorities",
        "select schema_name, table_name, policy_name, grantee, grantee_type, priority, input_columns, output_columns",
        "from svv_attached_masking_policy",
        f"where {pairs.format(s='schema_name', t='table_name')}",
        "order by schema_name, table_name, priority desc;",
        "",
        "-- RLS policies attached, and whether row level security is on",
        "select relschema, relname, polname, grantee, granteekind, is_pol_on, is_rls_on",
        "from svv_rls_attached_policy",
        f"where {pairs.format(s='relschema', t='relname')}",
        "order by relschema, relname, polname, grantee;",
        "",
        "-- relation privileges of the tier roles (column grants: svv_column_privileges)",
        "select namespace_name, relation_name, privilege_type, identity_name, identity_type",
        "from svv_relation_privileges",
        f"where identity_name in ({_quoted(roles)})",
        "order by namespace_name, relation_name, identity_name, privilege_type;",
        "",
        "select namespace_name, relation_name, column_name, privilege_type, identity_name",
        "from svv_column_privileges",
        f"where identity_name in ({_quoted(roles)})",
        "order by namespace_name, relation_name, column_name, identity_name;",
    ]
    return "\n".join(out) + "\n"


# --- entry point ---------------------------------------------------------------------------------


def run_verify(
    target: str, *, project_dir: Path | None = None, duckdb_path: Path | None = None
) -> VerifyReport:
    """Verify a live target (postgres or duckdb): plan from the project, catalog from the warehouse."""
    from aegis.artifacts import load_manifest
    from aegis.governance.classification import load_plan
    from aegis.governance.dbt_cli import governance_plan_sql

    engine = engine_of(target)
    if engine not in ("postgres", "duckdb"):
        raise ValueError(
            f"{engine} cannot be verified from here: use --print-queries and run them on the account"
        )
    # The renderer first: it parses the project (fresh manifest) and, on DuckDB, must not meet our
    # read-only connection's lock.
    plan_sql = governance_plan_sql(engine, project_dir=project_dir, extra=["--target", dbt_target_of(target)])
    plan = load_plan(project_dir)
    built = manifest_relations(load_manifest(project_dir=project_dir))
    bases, tier_schemas = governed_schemas(plan)
    if engine == "duckdb":
        import duckdb

        from aegis.paths import Paths

        with duckdb.connect(str(duckdb_path or Paths.from_env().duckdb_path), read_only=True) as connection:
            report = verify_duckdb(connection, plan, plan_sql)
            live = live_duckdb(connection, bases + tier_schemas)
        return with_orphans(report, find_orphans(plan, built, live))
    connection = postgres_connection()
    try:
        report = verify_postgres(connection, plan, plan_sql)
        live = live_postgres(connection, bases + tier_schemas)
        return with_orphans(report, find_orphans(plan, built, live))
    finally:
        connection.close()


def with_orphans(report: VerifyReport, orphans: list[Orphan]) -> VerifyReport:
    """Drift on relations of deleted models is told apart from hand-made drift, and the base relations
    they left behind (with their data) are drift too: `aegis governance prune` removes them."""
    left = {relation_name(*relation) for relation in orphan_relations(orphans)}
    hint = "the model is no longer in the project (aegis governance prune drops it)"
    drifts = [
        Drift(d.relation, ORPHAN_KIND, f"{d.kind}, {d.detail}; {hint}") if d.relation.lower() in left else d
        for d in report.drifts
    ]
    drifts += [
        Drift(relation_name(o.schema, o.name), ORPHAN_KIND, f"{o.kind} still holds its rows; {hint}")
        for o in orphans
    ]
    report.drifts = sorted(set(drifts))
    return report


def postgres_connection() -> Any:
    """A connection from the AEGIS_PG_* variables (the ones the `postgres` target of profiles.yml reads)."""
    from aegis.engines.postgres import connect_from_env

    return connect_from_env()
