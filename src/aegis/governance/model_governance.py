"""dbt model governance rules the project keeps, checked on a manifest.

- every model belongs to a group (with an owner) and has a primary-key test: `unique` + `not_null` on one
  column, or `unique_combination_of_columns`;
- an exposure reads the marts its access tier may read: `aggregate` only `aggregate_safe` models,
  `deidentified` only Safe Harbor models (`meta.deidentification`) or aggregate_safe ones; every model an
  exposure depends on is `access: public`.

`python -m aegis.governance.model_governance --manifest target/manifest.json` (part of `make test`).
No model or no exposure is a failure, not a pass.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from aegis.artifacts import load_manifest, merged_meta, project_nodes


def _key_tests(manifest: dict[str, Any]) -> dict[str, set[str]]:
    """Per model: `unique:<col>`, `not_null:<col>` and `combination` for the tests attached to it."""
    found: dict[str, set[str]] = {}
    for node in manifest.get("nodes", {}).values():
        if node.get("resource_type") != "test":
            continue
        metadata = node.get("test_metadata") or {}
        name = metadata.get("name")
        attached = node.get("attached_node") or next(iter(node["depends_on"]["nodes"][-1:]), None)
        if not attached:
            continue
        column = str(node.get("column_name") or "").lower()
        if name in ("unique", "not_null") and column:
            found.setdefault(attached, set()).add(f"{name}:{column}")
        elif name == "unique_combination_of_columns":
            found.setdefault(attached, set()).add("combination")
    return found


def has_primary_key_test(tests: set[str]) -> bool:
    if "combination" in tests:
        return True
    return any(f"not_null:{t.split(':', 1)[1]}" in tests for t in tests if t.startswith("unique:"))


def problems(manifest: dict[str, Any]) -> list[str]:
    models = {node["unique_id"]: node for node in project_nodes(manifest, {"model"})}
    if not models:
        return ["the manifest holds no model: nothing to check"]
    found: list[str] = []
    groups = {g["name"]: g for g in (manifest.get("groups") or {}).values()}
    key_tests = _key_tests(manifest)
    for unique_id, node in models.items():
        name = node["name"]
        group = node.get("group")
        if not group:
            found.append(
                f"model {name} ({node['original_file_path']}): no group; set +group in dbt_project.yml"
            )
        elif not (groups.get(group, {}).get("owner") or {}).get("email"):
            found.append(f"group {group} (of model {name}) has no owner email")
        if not has_primary_key_test(key_tests.get(unique_id, set())):
            found.append(
                f"model {name} ({node['patch_path'] or node['original_file_path']}): no primary-key test; add "
                "unique + not_null on its key column, or dbt_utils.unique_combination_of_columns"
            )
    exposures = list((manifest.get("exposures") or {}).values())
    if not exposures:
        found.append("the manifest holds no exposure: the consumers of the marts are not declared")
    for exposure in exposures:
        tier = merged_meta(exposure).get("aegis_tier")
        if tier not in ("aggregate", "deidentified"):
            found.append(f"exposure {exposure['name']}: meta.aegis_tier must be aggregate or deidentified")
        for dependency in exposure["depends_on"]["nodes"]:
            read = models.get(dependency)
            if read is None:
                continue
            meta = merged_meta(read)
            if read.get("access") != "public":
                found.append(f"exposure {exposure['name']} reads {read['name']}, which is not access: public")
            readable = bool(meta.get("aggregate_safe")) or (
                tier == "deidentified" and bool(meta.get("deidentification"))
            )
            if not readable:
                found.append(
                    f"exposure {exposure['name']} ({tier} tier) reads {read['name']}, which that tier may not "
                    "read (aggregate: aggregate_safe only; deidentified: Safe Harbor marts)"
                )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="dbt model governance rules (groups, keys, exposures)")
    parser.add_argument("--manifest", type=Path, default=Path("target/manifest.json"))
    args = parser.parse_args(argv)
    manifest = load_manifest(args.manifest)
    found = problems(manifest)
    for problem in found:
        print(problem, file=sys.stderr)
    if found:
        return 1
    models = len(project_nodes(manifest, {"model"}))
    print(
        f"{models} models: each in an owned group with a primary-key test; exposures read what their tier may"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
