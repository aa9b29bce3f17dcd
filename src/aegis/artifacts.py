"""One small reader of dbt artifacts (manifest.json, run_results.json) that every Aegis tool shares."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aegis.paths import project_root


def target_dir() -> Path:
    """dbt's target folder, honouring DBT_TARGET_PATH like dbt itself does."""
    value = os.environ.get("DBT_TARGET_PATH")
    path = Path(value) if value else Path("target")
    return path if path.is_absolute() else project_root() / path


def load_json(name: str, folder: Path | None = None) -> dict[str, Any]:
    path = (folder or target_dir()) / name
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: run dbt (parse/build) first")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class Node:
    unique_id: str
    resource_type: str
    name: str
    path: str
    database: str | None
    schema: str
    alias: str
    materialized: str
    meta: dict[str, Any]
    columns: dict[str, dict[str, Any]]

    @property
    def layer(self) -> str:
        """staging / intermediate / marts / deidentified / snapshots / seeds, from the file path."""
        if self.resource_type in ("seed", "snapshot"):
            return f"{self.resource_type}s"
        parts = Path(self.path).parts
        if "deidentified" in parts:
            return "deidentified"
        return parts[0] if parts else self.resource_type


def column_meta(column: dict[str, Any]) -> dict[str, Any]:
    """Column meta as dbt 1.10+ stores it (config.meta), falling back to the legacy top-level meta."""
    config_meta = (column.get("config") or {}).get("meta") or {}
    return {**(column.get("meta") or {}), **config_meta}


def node_meta(node: dict[str, Any]) -> dict[str, Any]:
    config_meta = (node.get("config") or {}).get("meta") or {}
    return {**(node.get("meta") or {}), **config_meta}


def nodes(manifest: dict[str, Any], resource_types: tuple[str, ...] = ("model", "snapshot", "seed")) -> list[Node]:
    """Project nodes of the given types, in a stable order."""
    found: list[Node] = []
    for unique_id, raw in sorted(manifest.get("nodes", {}).items()):
        if raw.get("resource_type") not in resource_types or raw.get("package_name") != "aegis":
            continue
        found.append(
            Node(
                unique_id=unique_id,
                resource_type=raw["resource_type"],
                name=raw["name"],
                path=raw.get("path", ""),
                database=raw.get("database"),
                schema=raw["schema"],
                alias=raw.get("alias") or raw["name"],
                materialized=(raw.get("config") or {}).get("materialized", ""),
                meta=node_meta(raw),
                columns={name: {**col, "meta": column_meta(col)} for name, col in raw.get("columns", {}).items()},
            )
        )
    return found
