"""Relations and tier views left behind by models that were deleted from the project (orphans).

dbt never drops a relation whose model is gone: the table keeps its PHI, its grants and its tier views.
An orphan is a relation in a schema the plan governs that no node of the manifest builds, and that
Aegis governed: a tier view of the same name exists in one of its tier schemas. Anything else found
there that the plan does not declare (a view someone created in a tier schema) is hand-made drift,
which `verify` reports and `prune` never touches.

`aegis governance prune` prints the plan (tier views first, then the base relation) and drops only with
`--apply`. DuckDB and PostgreSQL; names only, never a value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aegis.artifacts import Manifest
from aegis.governance.access_matrix import tier_schema

Relation = tuple[str, str]  # (schema, name), lower case

ORPHAN_KIND = "orphan of a deleted model"


@dataclass(frozen=True)
class Orphan:
    """A deleted model's base relation and its tier views."""

    schema: str
    name: str
    kind: str  # "table" / "view": the base relation
    tier_views: tuple[Relation, ...] = field(default_factory=tuple)

    def relations(self) -> list[Relation]:
        return [*self.tier_views, (self.schema, self.name)]


def manifest_relations(manifest: Manifest) -> set[Relation]:
    """(schema, identifier) of every relation the project builds (models, seeds, snapshots, any package)."""
    found: set[Relation] = set()
    for node in manifest.get("nodes", {}).values():
        if node.get("resource_type") not in ("model", "seed", "snapshot"):
            continue
        if (node.get("config") or {}).get("materialized") == "ephemeral":
            continue
        identifier = node.get("alias") or node.get("identifier") or node["name"]
        found.add((str(node["schema"]).lower(), str(identifier).lower()))
    return found


def governed_schemas(plan: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """Base schemas of the plan, and every tier schema of each."""
    tiers = sorted({t["tier"] for entry in plan for t in entry["tiers"]})
    bases = sorted({str(entry["schema"]).lower() for entry in plan})
    return bases, [tier_schema(base, tier) for base in bases for tier in tiers]


def find_orphans(plan: list[dict[str, Any]], built: set[Relation], live: dict[Relation, str]) -> list[Orphan]:
    """Orphans among the live relations (`live`: (schema, name) -> 'table' / 'view')."""
    bases, _ = governed_schemas(plan)
    tiers = sorted({t["tier"] for entry in plan for t in entry["tiers"]})
    orphans = []
    candidates = {
        (base, name)
        for base in bases
        for (schema, name) in live
        if schema == base or any(schema == tier_schema(base, tier) for tier in tiers)
    }
    for base, name in sorted(candidates):
        if (base, name) in built:
            continue
        views = tuple((tier_schema(base, t), name) for t in tiers if (tier_schema(base, t), name) in live)
        if not views or (base, name) not in live:
            # No tier view: not something Aegis governed. No base relation: a view made by hand in a tier
            # schema (verify reports it as such). Neither is ours to drop.
            continue
        orphans.append(Orphan(base, name, live[(base, name)], views))
    return orphans


def orphan_relations(orphans: list[Orphan]) -> set[Relation]:
    return {relation for orphan in orphans for relation in orphan.relations()}


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def prune_statements(orphans: list[Orphan]) -> list[str]:
    """Drop tier views first (they select from the base relation), then the base relation."""
    statements = []
    for orphan in orphans:
        for schema, name in orphan.tier_views:
            statements.append(f"drop view if exists {_quote(schema)}.{_quote(name)}")
        kind = "view" if orphan.kind == "view" else "table"
        statements.append(f"drop {kind} if exists {_quote(orphan.schema)}.{_quote(orphan.name)}")
    return statements


def live_duckdb(connection: Any, schemas: list[str]) -> dict[Relation, str]:
    rows = connection.execute(
        "select schema_name, table_name, 'table' from duckdb_tables()"
        " where database_name = current_database() and list_contains(?, lower(schema_name))"
        " union all select schema_name, view_name, 'view' from duckdb_views()"
        " where database_name = current_database() and not internal and not temporary"
        " and list_contains(?, lower(schema_name))",
        [schemas, schemas],
    ).fetchall()
    return {(str(r[0]).lower(), str(r[1]).lower()): str(r[2]) for r in rows}


def live_postgres(connection: Any, schemas: list[str]) -> dict[Relation, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "select table_schema, table_name, table_type from information_schema.tables"
            " where lower(table_schema) = any(%s)",
            (schemas,),
        )
        rows = cursor.fetchall()
    return {(str(r[0]).lower(), str(r[1]).lower()): "view" if r[2] == "VIEW" else "table" for r in rows}


@dataclass
class PruneResult:
    engine: str
    relations_seen: int
    orphans: list[Orphan]
    statements: list[str]
    applied: bool


def run_prune(
    target: str, *, project_dir: Path | None = None, duckdb_path: Path | None = None, apply: bool = False
) -> PruneResult:
    """Find the orphans of a live target (duckdb or postgres) against a fresh parse; drop them if `apply`."""
    from aegis.artifacts import load_manifest
    from aegis.governance.classification import load_plan
    from aegis.governance.dbt_cli import run_dbt
    from aegis.governance.verify import dbt_target_of, engine_of

    engine = engine_of(target)
    if engine not in ("duckdb", "postgres"):
        raise ValueError(f"{engine}: prune runs on duckdb and postgres (drop orphans there by hand)")
    parsed = run_dbt(["-q", "parse", "--target", dbt_target_of(target)], project_dir=project_dir)
    if not parsed.ok:
        raise RuntimeError(f"dbt parse failed:\n{parsed.output[-2000:]}")
    plan = load_plan(project_dir)
    built = manifest_relations(load_manifest(project_dir=project_dir))
    bases, tier_schemas = governed_schemas(plan)
    if engine == "duckdb":
        import duckdb

        from aegis.paths import Paths

        path = str(duckdb_path or Paths.from_env().duckdb_path)
        with duckdb.connect(path, read_only=not apply) as connection:
            live = live_duckdb(connection, bases + tier_schemas)
            orphans = find_orphans(plan, built, live)
            statements = prune_statements(orphans)
            if apply:
                connection.execute("begin")
                for statement in statements:
                    connection.execute(statement)
                connection.execute("commit")
        return PruneResult(engine, len(live), orphans, statements, apply)
    from aegis.governance.verify import postgres_connection

    connection = postgres_connection()
    try:
        live = live_postgres(connection, bases + tier_schemas)
        orphans = find_orphans(plan, built, live)
        statements = prune_statements(orphans)
        if apply:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
            connection.commit()
        return PruneResult(engine, len(live), orphans, statements, apply)
    finally:
        connection.close()
