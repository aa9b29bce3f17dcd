"""`aegis governance scaffold MODEL`: the YAML of a model, every column with a suggested classification.

The model is compiled (`dbt compile -s MODEL`: no hook runs, nothing is built, so an unclassified model
compiles), then its column lineage is followed with the lineage audit's reader (`aegis.lineage.audit`):
each output column is suggested the strictest category it inherits from upstream columns. Every
inherited suggestion carries a `# REVIEW` comment naming where it comes from, because only a person can
say whether an expression removed the identifier (then `phi_declassified: {by, reason}`). Columns whose
lineage cannot be followed get `<category>` and must be classified by hand. Names only, never a value.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aegis.artifacts import load_manifest
from aegis.lineage.audit import Auditor, ProjectLineage, Upstream
from aegis.lineage.categories import is_phi, strictest


@dataclass(frozen=True)
class Suggestion:
    column: str
    category: str | None  # None: the lineage could not be followed
    declared: str | None
    source: str | None  # upstream column the category comes from

    @property
    def yaml_category(self) -> str:
        return self.declared or self.category or "<category>"

    def comment(self) -> str:
        if self.declared:
            if self.category and self.category != self.declared and self.source:
                return f"declared; REVIEW: inherits {self.category} from {self.source}"
            return "declared"
        if self.category is None:
            return "REVIEW: lineage not followed; classify by hand (docs/classification.md)"
        if self.source is None:
            return "REVIEW: no PHI upstream"
        return f"REVIEW: inherited from {self.source}"


def suggestions(manifest: dict[str, Any], model: str) -> list[Suggestion]:
    """One suggestion per output column of `model`, in select order."""
    project = ProjectLineage(manifest)
    node = next((n for n in project.nodes.values() if n.resource_type == "model" and n.name == model), None)
    if node is None or not node.compiled_code:
        raise LookupError(f"model {model} is not in the compiled manifest")
    project.compute_node(node)
    auditor = Auditor(project)
    lineage = project.lineage[node.unique_id]
    found = []
    for name in list(lineage.columns) or [name.lower() for name in node.columns]:
        upstream: list[Upstream] = auditor.column_upstream(node, name)
        declared_column = node.columns.get(name)
        declared = (
            str(declared_column.meta["phi"]) if declared_column and "phi" in declared_column.meta else None
        )
        unresolved = not upstream and any(
            name in item.lower() or "could not parse" in item for item in lineage.unresolved
        )
        if unresolved or any(u.category == "unknown" for u in upstream):
            found.append(Suggestion(name, None, declared, None))
            continue
        category = strictest(u.category for u in upstream)
        origin = next((u for u in upstream if u.category == category and is_phi(category)), None)
        found.append(Suggestion(name, category, declared, origin.label() if origin else None))
    return found


def render_yaml(model: str, found: list[Suggestion]) -> str:
    """The model's YAML block (one YAML per folder: paste it under that folder's `models:`)."""
    contains_phi = any(s.yaml_category != "none" for s in found)  # an unclassified column counts
    lines = [
        "version: 2",
        "models:",
        f"  - name: {model}",
        "    description: >-",
        "      Grain: one row per ... (REVIEW: describe the grain).",
        "    config:",
        "      meta:",
        f"        contains_phi: {json.dumps(contains_phi)}",
        "    columns:",
    ]
    for suggestion in found:
        lines += [
            f"      - name: {suggestion.column}",
            '        description: ""',
            "        config:",
            "          meta:",
            f"            phi: {suggestion.yaml_category}  # {suggestion.comment()}",
        ]
    return "\n".join(lines) + "\n"


def scaffold(model: str, *, project_dir: Path | None = None, target: str | None = None) -> str:
    from aegis.governance.dbt_cli import run_dbt

    args = ["-q", "compile", "-s", model] + (["--target", target] if target else [])
    compiled = run_dbt(args, project_dir=project_dir)
    if not compiled.ok:
        raise RuntimeError(f"dbt compile -s {model} failed:\n{compiled.output[-2000:]}")
    manifest = load_manifest(project_dir=project_dir)
    return render_yaml(model, suggestions(manifest, model))
