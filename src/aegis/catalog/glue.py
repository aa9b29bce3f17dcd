"""`aegis catalog export-glue`: register staging and mart models in the AWS Glue Data Catalog.

One Glue database per warehouse schema, one table per model, its columns with Hive types and comments,
and the PHI classification in parameters (per column and per table), so that anyone browsing the catalog
(Athena, Lake Formation, DataZone) sees what each column holds and who owns it. Idempotent: a table that
exists is updated only when something changed, never created twice.

Glue's own `classification` table parameter means the data format (parquet, json...), so ours are
namespaced `aegis.*`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from aegis.artifacts import Manifest, load_manifest
from aegis.governance.classification import GovernanceSettings, default_data_type
from aegis.lineage.categories import NOT_PHI, is_phi
from aegis.lineage.nodes import RelationNode, relation_nodes

EXPORTED_LAYERS = ("staging", "marts", "deidentified")
DEFAULT_OWNER = "aegis-data-platform"
COMMENT_LIMIT = 255
DESCRIPTION_LIMIT = 2048
_DECIMAL = re.compile(r"(?:decimal|numeric)\s*\((\d+)\s*(?:,\s*(\d+))?\)")


def glue_type(data_type: str) -> str:
    """A warehouse type as the Hive type Glue expects."""
    t = data_type.strip().lower()
    if decimal := _DECIMAL.match(t):
        return f"decimal({decimal.group(1)},{decimal.group(2) or 0})"
    if t in ("decimal", "numeric", "number"):
        return "decimal(38,9)"
    if t.startswith("timestamp") or t == "datetime":
        return "timestamp"
    if t == "date":
        return "date"
    if t.startswith("bool"):
        return "boolean"
    if t in ("bigint", "int8", "hugeint", "ubigint"):
        return "bigint"
    if t in ("integer", "int", "int4", "smallint", "int2", "tinyint"):
        return "int"
    if t in ("double", "double precision", "float", "float8", "real", "float4"):
        return "double"
    return "string"


def database_name(node: RelationNode) -> str:
    return re.sub(r"[^a-z0-9_]", "_", node.schema.lower())


def owner_of(node: RelationNode) -> str:
    return str(node.meta.get("owner") or node.meta.get("owner_team") or DEFAULT_OWNER)


def column_input(node: RelationNode, name: str, settings: GovernanceSettings) -> dict[str, Any]:
    column = node.columns[name]
    category = column.phi or NOT_PHI
    overrides = column.meta.get("phi_strategy") or {}
    strategies = {tier: settings.strategy_for(tier, category, overrides) for tier in settings.tiers}
    return {
        "Name": column.name,
        "Type": glue_type(column.data_type or default_data_type(category)),
        "Comment": column.description[:COMMENT_LIMIT],
        "Parameters": {
            "aegis.phi": category,
            "aegis.phi_strategies": json.dumps(strategies, sort_keys=True),
        },
    }


def table_input(node: RelationNode, settings: GovernanceSettings) -> dict[str, Any]:
    columns = [column_input(node, name, settings) for name in node.columns]
    categories = sorted(
        {c["Parameters"]["aegis.phi"] for c in columns if is_phi(c["Parameters"]["aegis.phi"])}
    )
    return {
        "Name": node.identifier.lower(),
        "Description": node.description[:DESCRIPTION_LIMIT],
        "Owner": owner_of(node),
        "TableType": "EXTERNAL_TABLE",
        "Parameters": {
            "aegis.owner": owner_of(node),
            "aegis.contains_phi": str(bool(categories)).lower(),
            "aegis.phi_categories": ",".join(categories),
            "aegis.layer": node.layer,
            "aegis.materialized": node.materialized,
            "aegis.dbt_unique_id": node.unique_id,
            "aegis.aggregate_safe": str(bool(node.meta.get("aggregate_safe"))).lower(),
        },
        "StorageDescriptor": {"Columns": columns},
    }


@dataclass
class GlueExportResult:
    databases_created: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (
            f"glue: {len(self.created)} created, {len(self.updated)} updated, {len(self.unchanged)} unchanged "
            f"tables; {len(self.databases_created)} new databases"
        )


def _comparable(table: dict[str, Any]) -> dict[str, Any]:
    """The parts of a Glue table that we own, to tell whether an update is needed."""
    return {
        "Description": table.get("Description", ""),
        "Owner": table.get("Owner"),
        "Parameters": table.get("Parameters", {}),
        "Columns": [
            {
                "Name": c["Name"],
                "Type": c.get("Type"),
                "Comment": c.get("Comment", ""),
                "Parameters": c.get("Parameters", {}),
            }
            for c in (table.get("StorageDescriptor") or {}).get("Columns", [])
        ],
    }


def ensure_database(client: Any, name: str, result: GlueExportResult) -> None:
    try:
        client.get_database(Name=name)
    except client.exceptions.EntityNotFoundException:
        client.create_database(DatabaseInput={"Name": name, "Description": f"Aegis warehouse schema {name}"})
        result.databases_created.append(name)


def upsert_table(client: Any, database: str, table: dict[str, Any], result: GlueExportResult) -> None:
    qualified = f"{database}.{table['Name']}"
    try:
        existing = client.get_table(DatabaseName=database, Name=table["Name"])["Table"]
    except client.exceptions.EntityNotFoundException:
        client.create_table(DatabaseName=database, TableInput=table)
        result.created.append(qualified)
        return
    if _comparable(existing) == _comparable(table):
        result.unchanged.append(qualified)
        return
    client.update_table(DatabaseName=database, TableInput=table)
    result.updated.append(qualified)


def exported_nodes(manifest: Manifest) -> list[RelationNode]:
    return [
        n
        for n in relation_nodes(manifest, {"model"})
        if n.layer in EXPORTED_LAYERS and n.materialized != "ephemeral"
    ]


def export(manifest: Manifest, client: Any, settings: GovernanceSettings) -> GlueExportResult:
    result = GlueExportResult()
    checked: set[str] = set()
    for node in exported_nodes(manifest):
        database = database_name(node)
        if database not in checked:
            ensure_database(client, database, result)
            checked.add(database)
        upsert_table(client, database, table_input(node, settings), result)
    return result


def export_from_manifest(
    endpoint_url: str | None = None, region: str = "us-east-1", manifest: Manifest | None = None
) -> GlueExportResult:
    from aegis.aws_client import bounded_client

    client = bounded_client("glue", endpoint_url, region)
    return export(manifest or load_manifest(), client, GovernanceSettings.load())
