"""The Python reader of PHI classification: the same records, errors and plan as the Jinja side.

macros/governance/ holds the reader that dbt runs (validation hook, policy compiler); this module is
its mirror for tools that work from artifacts (audits, access matrix, lineage, catalog). A test
compares the two for the whole project, so both must change together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aegis.artifacts import Manifest, load_manifest, load_project_vars, merged_meta, project_nodes

CLASSIFIED_TYPES = {"model", "snapshot", "seed", "source"}
GOVERNED_TYPES = {"model", "snapshot"}
MUST_DECLARE_TYPES = {"model", "snapshot", "source"}
DATE_CATEGORIES = {"birth_date", "death_date", "event_date"}


@dataclass(frozen=True)
class GovernanceSettings:
    """The classification vars of dbt_project.yml (one source of truth)."""

    categories: list[str]
    tiers: list[str]
    strategies: list[str]
    matrix: dict[str, dict[str, str]]
    restricted_zip3: list[str]
    sensitive_groups: dict[str, dict[str, Any]] = field(default_factory=dict)
    default_sensitive_group: str = "part2_substance_use"
    tier_roles: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_vars(cls, project_vars: dict[str, Any]) -> GovernanceSettings:
        return cls(
            categories=list(project_vars["aegis_phi_categories"]),
            tiers=list(project_vars["aegis_tiers"]),
            strategies=[str(s) for s in project_vars["aegis_strategies"]],
            matrix={
                tier: {k: str(v) for k, v in row.items()}
                for tier, row in project_vars["aegis_strategy_matrix"].items()
            },
            restricted_zip3=[str(z) for z in project_vars["aegis_restricted_zip3"]],
            sensitive_groups=dict(project_vars.get("aegis_sensitive_condition_groups") or {}),
            default_sensitive_group=str(
                project_vars.get("aegis_default_sensitive_group", "part2_substance_use")
            ),
            tier_roles=dict(project_vars.get("aegis_tier_roles") or {}),
        )

    @classmethod
    def load(cls, project_dir: Path | None = None) -> GovernanceSettings:
        return cls.from_vars(load_project_vars(project_dir))

    def tier_role(self, tier: str) -> str:
        return self.tier_roles.get(tier, f"aegis_{tier}")

    def strategy_for(self, tier: str, category: str | None, overrides: dict[str, str] | None) -> str:
        if overrides and overrides.get(tier):
            return overrides[tier]
        row = self.matrix.get(tier) or {}
        return row.get(str(category), row.get("_default", "deny"))


def default_data_type(category: str | None) -> str:
    """The type assumed for an undeclared data_type (mirrors macro aegis_default_data_type)."""
    if category in DATE_CATEGORIES:
        return "date"
    if category == "age":
        return "integer"
    return "varchar"


def type_family(data_type: str | None) -> str:
    """Mirror of macro aegis_type_family."""
    t = (data_type or "varchar").lower()
    if "timestamp" in t or "datetime" in t:
        return "timestamp"
    if t.startswith("date"):
        return "date"
    if "char" in t or "text" in t or "string" in t:
        return "text"
    if "bool" in t:
        return "boolean"
    if any(token in t for token in ("int", "num", "dec", "float", "double", "real")):
        return "number"
    return "other"


def classify_column(column: dict[str, Any]) -> dict[str, Any]:
    meta = merged_meta(column)
    category = meta.get("phi")
    data_type = column.get("data_type")
    return {
        "name": str(column["name"]).lower(),
        "phi": category,
        "data_type": data_type or default_data_type(category),
        "data_type_declared": data_type is not None,
        "phi_strategy": meta.get("phi_strategy") or {},
        "phi_declassified": meta.get("phi_declassified"),
        "pseudonym_of": str(meta.get("pseudonym_of") or "").lower() or None,
    }


def classify_node(node: dict[str, Any]) -> dict[str, Any]:
    """One manifest node or source as the classification record (mirrors aegis_classify_node)."""
    meta = merged_meta(node)
    config = node.get("config") or {}
    is_source = node["resource_type"] == "source"
    return {
        "unique_id": node["unique_id"],
        "name": node["name"],
        "resource_type": node["resource_type"],
        "package_name": node["package_name"],
        "database": node.get("database"),
        "schema": node.get("schema"),
        "identifier": node.get("alias") or node.get("identifier") or node["name"],
        "materialized": config.get("materialized") or ("source" if is_source else None),
        "contract_enforced": bool((config.get("contract") or {}).get("enforced")),
        "contains_phi": meta.get("contains_phi"),
        "aggregate_safe": meta.get("aggregate_safe") or False,
        "sensitive_row_column": meta.get("sensitive_row_column") or None,
        "sensitive_row_group": meta.get("sensitive_row_group"),
        "columns": [classify_column(column) for column in (node.get("columns") or {}).values()],
    }


def classified_nodes(manifest: Manifest) -> list[dict[str, Any]]:
    """Models, snapshots and seeds (by unique_id), then sources: the order the macros use."""
    nodes = project_nodes(manifest, {"model", "snapshot", "seed"})
    sources = project_nodes(manifest, {"source"})
    return [classify_node(node) for node in nodes + sources]


def compile_entry(record: dict[str, Any], settings: GovernanceSettings) -> dict[str, Any]:
    """Mirror of macro aegis_compile_entry."""
    row_filter = None
    if record["sensitive_row_column"]:
        group = record["sensitive_row_group"] or settings.default_sensitive_group
        row_filter = {
            "column": str(record["sensitive_row_column"]).lower(),
            "group": group,
            "allowed_tiers": list((settings.sensitive_groups.get(group) or {}).get("allowed_tiers", [])),
        }
    tiers: list[dict[str, Any]] = [
        {
            "tier": tier,
            "role": settings.tier_role(tier),
            "can_read": tier != "aggregate" or bool(record["aggregate_safe"]),
            "sees_sensitive_rows": row_filter is None or tier in row_filter["allowed_tiers"],
        }
        for tier in settings.tiers
    ]
    # identifier -> the column holding its pseudonym computed at build time (aegis_pseudonym)
    pseudonym_columns = {
        c["pseudonym_of"]: c["name"]
        for c in record["columns"]
        if c["pseudonym_of"] and c["phi"] == "keyed_pseudonym"
    }
    columns = []
    for column in record["columns"]:
        strategies = {
            tier["tier"]: settings.strategy_for(tier["tier"], column["phi"], column["phi_strategy"])
            if tier["can_read"]
            else "deny"
            for tier in tiers
        }
        columns.append(
            {
                "name": column["name"],
                "category": column["phi"],
                "data_type": column["data_type"],
                "family": type_family(column["data_type"]),
                "overridden": len(column["phi_strategy"]) > 0,
                "pseudonym_column": pseudonym_columns.get(column["name"]),
                "strategies": strategies,
            }
        )
    return {
        "unique_id": record["unique_id"],
        "name": record["name"],
        "resource_type": record["resource_type"],
        "materialized": record["materialized"],
        "relation_kind": "view" if record["materialized"] == "view" else "table",
        "database": record["database"],
        "schema": record["schema"],
        "identifier": record["identifier"],
        "contains_phi": record["contains_phi"] is True,
        "aggregate_safe": record["aggregate_safe"] is True,
        "row_filter": row_filter,
        "tiers": tiers,
        "columns": columns,
    }


def compile_plan(records: list[dict[str, Any]], settings: GovernanceSettings) -> list[dict[str, Any]]:
    """The engine-neutral plan (mirror of macro aegis_compile_plan)."""
    return [
        compile_entry(record, settings)
        for record in records
        if record["resource_type"] in GOVERNED_TYPES and record["materialized"] != "ephemeral"
    ]


def load_plan(project_dir: Path | None = None, manifest_path: Path | None = None) -> list[dict[str, Any]]:
    """The plan of a parsed project, from its manifest and its dbt_project.yml vars."""
    manifest = load_manifest(manifest_path, project_dir)
    return compile_plan(classified_nodes(manifest), GovernanceSettings.load(project_dir))
