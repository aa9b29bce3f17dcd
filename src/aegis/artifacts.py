"""One small reader of dbt artifacts (manifest.json, run_results.json) that every Aegis tool shares."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # no types-PyYAML in the pinned toolchain

from aegis.paths import project_root

Manifest = dict[str, Any]


def target_dir(project_dir: Path | None = None) -> Path:
    """dbt's target folder, honouring DBT_TARGET_PATH like dbt itself does."""
    value = os.environ.get("DBT_TARGET_PATH")
    path = Path(value) if value else Path("target")
    return path if path.is_absolute() else (project_dir or project_root()) / path


def load_json(name: str, folder: Path | None = None) -> dict[str, Any]:
    path = (folder or target_dir()) / name
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: run dbt (parse/build) first")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


# dbt commands whose run_results.json describe what was built and tested (not compile, docs, run-operation).
BUILD_COMMANDS = frozenset({"build", "run", "test", "seed", "snapshot"})
BUILD_RESULTS = "run_results.build.json"


def command_of(run_results: dict[str, Any]) -> str | None:
    which = (run_results.get("args") or {}).get("which")
    return str(which) if which else None


def keep_build_results(folder: Path | None = None) -> None:
    """Copy run_results.json aside when a build wrote it: the next dbt command (a compile, docs generate,
    verify's run-operation) overwrites it, and the summary must still report the build."""
    folder = folder or target_dir()
    path = folder / "run_results.json"
    if path.is_file() and command_of(json.loads(path.read_text(encoding="utf-8"))) in BUILD_COMMANDS:
        shutil.copyfile(path, folder / BUILD_RESULTS)


def last_build_results(folder: Path | None = None) -> dict[str, Any] | None:
    """run_results of the last build Aegis saw (run_results.json if a build wrote it, else the copy)."""
    folder = folder or target_dir()
    keep_build_results(folder)
    path = folder / BUILD_RESULTS
    return load_json(BUILD_RESULTS, folder) if path.is_file() else None


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


def merged_meta(thing: dict[str, Any]) -> dict[str, Any]:
    """A node's or column's meta: legacy top-level `meta` overlaid with `config.meta` (dbt 1.10+ wins)."""
    config_meta = (thing.get("config") or {}).get("meta") or {}
    return {**(thing.get("meta") or {}), **config_meta}


def column_meta(column: dict[str, Any]) -> dict[str, Any]:
    """Column meta as dbt 1.10+ stores it (config.meta), falling back to the legacy top-level meta."""
    return merged_meta(column)


def node_meta(node: dict[str, Any]) -> dict[str, Any]:
    return merged_meta(node)


def nodes(
    manifest: dict[str, Any], resource_types: tuple[str, ...] = ("model", "snapshot", "seed")
) -> list[Node]:
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
                columns={
                    name: {**col, "meta": column_meta(col)} for name, col in raw.get("columns", {}).items()
                },
            )
        )
    return found


def load_manifest(path: Path | None = None, project_dir: Path | None = None) -> Manifest:
    """The parsed manifest.json (run `dbt parse` first)."""
    if path is not None:
        return load_json(path.name, path.parent)
    return load_json("manifest.json", target_dir(project_dir))


def load_project(project_dir: Path | None = None) -> dict[str, Any]:
    """dbt_project.yml as written (Jinja in values is left unrendered)."""
    root = project_dir or project_root()
    data: dict[str, Any] = yaml.safe_load((root / "dbt_project.yml").read_text(encoding="utf-8"))
    return data


def load_project_vars(project_dir: Path | None = None) -> dict[str, Any]:
    """The `vars:` block of dbt_project.yml (the classification matrix lives there)."""
    project_vars: dict[str, Any] = load_project(project_dir).get("vars") or {}
    return project_vars


def project_nodes(manifest: Manifest, resource_types: set[str]) -> list[dict[str, Any]]:
    """Raw manifest nodes and sources of the root project (not packages), by unique_id.

    The order is case-insensitive, like Jinja's `sort` filter, so Python and macro readings agree.
    """
    project_name = manifest.get("metadata", {}).get("project_name")
    candidates = list(manifest.get("nodes", {}).values()) + list(manifest.get("sources", {}).values())
    chosen = [
        node
        for node in candidates
        if node.get("resource_type") in resource_types
        and (project_name is None or node.get("package_name") == project_name)
    ]
    return sorted(chosen, key=lambda node: str(node["unique_id"]).lower())
