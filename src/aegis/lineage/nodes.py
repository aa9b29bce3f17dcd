"""The manifest nodes lineage and catalog work on: models, snapshots, seeds and sources.

A thin typed view over aegis.artifacts (the one artifacts reader): what each relation is, where it lives,
its compiled SQL, its parents, and its columns with their merged meta (config.meta wins).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aegis.artifacts import Manifest, merged_meta, project_nodes

RELATION_TYPES = {"model", "snapshot", "seed", "source"}


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str | None
    description: str
    meta: dict[str, Any]

    @property
    def phi(self) -> str | None:
        value = self.meta.get("phi")
        return None if value is None else str(value)


@dataclass(frozen=True)
class RelationNode:
    unique_id: str
    resource_type: str
    name: str
    path: str
    database: str | None
    schema: str
    identifier: str
    materialized: str
    relation_name: str | None
    compiled_code: str | None
    depends_on: tuple[str, ...]
    description: str
    meta: dict[str, Any]
    columns: dict[str, Column]

    @property
    def layer(self) -> str:
        """staging / intermediate / marts / deidentified, or seeds / snapshots / sources."""
        if self.resource_type != "model":
            return f"{self.resource_type}s"
        parts = self.path.replace("\\", "/").split("/")
        return "deidentified" if "deidentified" in parts else parts[0]

    @classmethod
    def from_manifest(cls, raw: dict[str, Any]) -> RelationNode:
        is_source = raw["resource_type"] == "source"
        meta = {**(raw.get("source_meta") or {}), **merged_meta(raw)} if is_source else merged_meta(raw)
        columns = {
            str(name).lower(): Column(
                name=str(col.get("name") or name).lower(),
                data_type=col.get("data_type"),
                description=str(col.get("description") or ""),
                meta=merged_meta(col),
            )
            for name, col in (raw.get("columns") or {}).items()
        }
        return cls(
            unique_id=raw["unique_id"],
            resource_type=raw["resource_type"],
            name=f"{raw['source_name']}.{raw['name']}" if is_source else raw["name"],
            path=str(raw.get("path") or ""),
            database=raw.get("database"),
            schema=str(raw.get("schema") or ""),
            identifier=str(raw.get("identifier") if is_source else raw.get("alias") or raw["name"]),
            materialized="source" if is_source else str((raw.get("config") or {}).get("materialized") or ""),
            relation_name=raw.get("relation_name"),
            compiled_code=raw.get("compiled_code"),
            depends_on=tuple((raw.get("depends_on") or {}).get("nodes") or ()),
            description=str(raw.get("description") or ""),
            meta=meta,
            columns=columns,
        )


def relation_nodes(manifest: Manifest, types: set[str] | None = None) -> list[RelationNode]:
    return [RelationNode.from_manifest(raw) for raw in project_nodes(manifest, types or RELATION_TYPES)]
