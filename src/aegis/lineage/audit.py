"""PHI propagation audit: follow every column's lineage and compare what it inherits with what it declares.

For each output column of each model and snapshot, the strictest category among its upstream columns is
the category it inherits. Three findings:

- `undeclared_phi`: inherits PHI, declared `none`, no `phi_declassified: {by, reason}`;
- `under_classified`: declared a category less strict than the inherited one, without a declassification;
- `false_aggregation`: declassified `by: aggregation` although some PHI reaches it without passing a
  reducing aggregate grouped by non-identifying keys.
- `unresolved_lineage`: a column whose upstream could not be followed (the audit fails closed).
- `unfiltered_sensitive_rows` (the row-level counterpart): a model or snapshot built from a parent that
  declares a sensitive-row column (`config.meta.sensitive_row_column`, 42 CFR Part 2) declares neither its
  own `sensitive_row_column` (which the governance compiler turns into each engine's row policy) nor
  `sensitive_rows_excluded: <reason>` backed by a filter on the parent's flag in its SQL.

Findings carry model, column, the upstream path (down to the root column) and the fix. No data values are
read: only the manifest (compiled SQL, declared columns, meta).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import sqlglot
from sqlglot import exp
from sqlglot.errors import SqlglotError

from aegis.lineage.categories import (
    NOT_PHI,
    STRICTNESS_DIRECT,
    is_phi,
    strictest,
    strictness,
)
from aegis.lineage.fhir_paths import fhir_path_category, fhirpath_element_path
from aegis.lineage.nodes import Column, RelationNode, relation_nodes
from aegis.lineage.sql_lineage import Edge, RelationKey, SourceColumn, StatementLineage, statement_lineage

FindingKind = Literal[
    "undeclared_phi",
    "under_classified",
    "false_aggregation",
    "unresolved_lineage",
    "unfiltered_sensitive_rows",
]
ROWS = "(rows)"  # the "column" of a row-level finding
DIALECTS = {"duckdb": "duckdb", "postgres": "postgres", "snowflake": "snowflake", "redshift": "redshift"}
EXTERNAL_SOURCE_CATALOG = "aegis_external_source"
SNAPSHOT_META_COLUMNS = frozenset(
    {"dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to", "dbt_is_deleted"}
)


@dataclass(frozen=True)
class Declared:
    category: str
    declassified_by: str | None

    @classmethod
    def of(cls, column: Column | None) -> Declared:
        meta = column.meta if column else {}
        declassified = meta.get("phi_declassified") or {}
        by = declassified.get("by") if isinstance(declassified, dict) and declassified.get("reason") else None
        return cls(str(meta.get("phi", NOT_PHI)), str(by) if by else None)


@dataclass(frozen=True)
class Upstream:
    """One upstream column of an output column, with the category it carries into it."""

    node: str
    column: str
    category: str
    via: str
    json_path: str | None
    aggregated: bool
    unique_id: str | None = None

    def label(self) -> str:
        path = f"${self.json_path}" if self.json_path else ""
        via = " (join key)" if self.via == "join_key" else ""
        agg = " (aggregated)" if self.aggregated else ""
        return f"{self.node}.{self.column}{path} [{self.category}]{via}{agg}"


@dataclass
class ColumnAudit:
    model: str
    column: str
    declared: str
    declassified_by: str | None
    inherited: str
    upstream: list[Upstream]


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    model: str
    column: str
    declared: str
    inherited: str
    upstream_path: tuple[str, ...]
    fix: str

    def text(self) -> str:
        path = " <- ".join(self.upstream_path) or "(no upstream found)"
        return (
            f"{self.kind}: {self.model}.{self.column} declared {self.declared}, inherits {self.inherited}\n"
            f"    path: {path}\n    fix:  {self.fix}"
        )


@dataclass
class AuditReport:
    dialect: str
    findings: list[Finding]
    columns: list[ColumnAudit]
    models: int
    seconds: float
    unresolved: dict[str, list[str]] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not self.findings

    def to_dict(self) -> dict[str, Any]:
        return {
            "dialect": self.dialect,
            "models": self.models,
            "seconds": round(self.seconds, 3),
            "clean": self.clean,
            "findings": [asdict(f) for f in self.findings],
            "columns": [asdict(c) for c in self.columns],
        }


class ProjectLineage:
    """Every model's column lineage, resolved to manifest nodes."""

    def __init__(self, manifest: dict[str, Any], catalog: dict[str, Any] | None = None) -> None:
        adapter = str((manifest.get("metadata") or {}).get("adapter_type") or "duckdb")
        self.dialect = DIALECTS.get(adapter, adapter)
        self.nodes: dict[str, RelationNode] = {n.unique_id: n for n in relation_nodes(manifest)}
        self._catalog_columns = _catalog_columns(catalog)
        self._relations: dict[RelationKey, RelationNode] = {}
        self._external: dict[str, RelationKey] = {}
        for node in self.nodes.values():
            key = self._relation_key(node)
            if key is not None:
                self._relations[key] = node
        self.lineage: dict[str, StatementLineage] = {}
        # model -> column -> FHIRPath expressions, for staging models generated from ViewDefinitions.
        self._views: dict[str, dict[str, tuple[str, ...]]] | None = None
        self.errors: dict[str, str] = {}
        self._effective: dict[tuple[str, str], str] = {}

    # -- relations ---------------------------------------------------------------------------------
    def _relation_key(self, node: RelationNode) -> RelationKey | None:
        if not node.relation_name:
            return None
        try:
            table = sqlglot.parse_one(node.relation_name, read=self.dialect, into=exp.Table)
        except SqlglotError:
            table = None
        if isinstance(table, exp.Table) and isinstance(table.this, exp.Identifier):
            return (table.catalog.lower(), table.db.lower(), table.name.lower())
        # A source read through an expression (dbt-duckdb external_location): stands for a named relation.
        key = (EXTERNAL_SOURCE_CATALOG, node.schema.lower(), node.name.replace(".", "__").lower())
        self._external[node.relation_name] = key
        return key

    def node_for(self, relation: RelationKey) -> RelationNode | None:
        if relation in self._relations:
            return self._relations[relation]
        matches = [
            n
            for key, n in self._relations.items()
            if key[2] == relation[2] and (not relation[1] or key[1] == relation[1])
        ]
        return matches[0] if len(matches) == 1 else None

    def columns_of(self, node: RelationNode) -> dict[str, str]:
        declared = {name: col.data_type or "text" for name, col in node.columns.items()}
        return {**self._catalog_columns.get(node.unique_id, {}), **declared}

    # -- lineage -----------------------------------------------------------------------------------
    def audited_nodes(self) -> list[RelationNode]:
        return [
            n for n in self.nodes.values() if n.resource_type in ("model", "snapshot") and n.compiled_code
        ]

    def compute(self) -> None:
        for node in self.audited_nodes():
            self.compute_node(node)

    def compute_node(self, node: RelationNode) -> None:
        self.lineage[node.unique_id] = self.statement_of(node)
        if self._views is None:
            self._views = _staging_view_paths(Path.cwd())
        if node.name in self._views:
            self._follow_view_paths(node, self._views[node.name])

    def _follow_view_paths(self, node: RelationNode, paths: dict[str, tuple[str, ...]]) -> None:
        """A staging model generated from a ViewDefinition reads its columns from the resource JSON through
        FHIRPath expressions the compiled SQL hides in lateral joins: take them from the view instead, so
        each column inherits the category of the FHIR elements it reads."""
        sources = [
            self.nodes[p]
            for p in node.depends_on
            if p in self.nodes and self.nodes[p].resource_type == "source"
        ]
        key = self._relation_key(sources[0]) if len(sources) == 1 else None
        if key is None:
            return
        columns = self.lineage[node.unique_id].columns
        for column, expressions in paths.items():
            # The view's paths replace what the SQL parser made of the rendered JSON access: they are the
            # FHIRPath the column was declared with (filters such as where(system = %ssn_system) included).
            edges = [edge for edge in columns.get(column, []) if edge.source.column != "resource"]
            edges += [Edge(SourceColumn(key, "resource", fhirpath_element_path(e))) for e in expressions]
            columns[column] = edges

    def statement_of(self, node: RelationNode) -> StatementLineage:
        sql = node.compiled_code or ""
        schema: dict[str, dict[str, dict[str, dict[str, str]]]] = {}
        for parent_id in node.depends_on:
            parent = self.nodes.get(parent_id)
            key = self._relation_key(parent) if parent else None
            if parent is None or key is None:
                continue
            if parent.relation_name in self._external:
                sql = sql.replace(parent.relation_name, ".".join(f'"{part}"' for part in key))
            schema.setdefault(key[0], {}).setdefault(key[1], {})[key[2]] = self.columns_of(parent)
        # An incremental model may read its own relation ({{ this }}); its declared columns resolve it.
        own_key = self._relation_key(node)
        if own_key is not None:
            schema.setdefault(own_key[0], {}).setdefault(own_key[1], {}).setdefault(
                own_key[2], self.columns_of(node)
            )
        outputs = list(self.columns_of(node)) or None
        try:
            return statement_lineage(sql, self.dialect, schema, outputs)
        except SqlglotError as error:
            self.errors[node.unique_id] = type(error).__name__
            return StatementLineage({}, [f"could not parse compiled SQL ({type(error).__name__})"])

    # -- categories --------------------------------------------------------------------------------
    def upstream(self, edge: Edge) -> Upstream:
        node = self.node_for(edge.source.relation)
        if node is None:
            return Upstream(
                ".".join(p for p in edge.source.relation if p),
                edge.source.column,
                "unknown",
                edge.via,
                edge.source.json_path,
                bool(edge.reductions),
            )
        return Upstream(
            node.name,
            edge.source.column,
            self.category_of(node, edge.source),
            edge.via,
            edge.source.json_path,
            self._truly_aggregated(edge),
            node.unique_id,
        )

    def category_of(self, node: RelationNode, source: SourceColumn) -> str:
        """What a column carries downstream: its declaration, or more if its own upstream carries more.

        A declassification with a reason is the reviewed decision and stops inheritance; otherwise a
        misclassified column upstream cannot launder PHI for the models that read it.
        """
        if source.json_path:
            by_path = fhir_path_category(node.meta.get("resource_type"), source.json_path)
            if by_path is not None:
                return by_path
        key = (node.unique_id, source.column)
        if key not in self._effective:
            self._effective[key] = Declared.of(node.columns.get(source.column)).category  # cycle guard
            self._effective[key] = self._effective_category(node, source.column)
        return self._effective[key]

    def _effective_category(self, node: RelationNode, column: str) -> str:
        declared = Declared.of(node.columns.get(column))
        lineage = self.lineage.get(node.unique_id)
        if declared.declassified_by is not None or lineage is None:
            return declared.category
        inherited = [self.upstream(edge).category for edge in lineage.columns.get(column, [])]
        return strictest([declared.category, *(c for c in inherited if c != "unknown")])

    def _truly_aggregated(self, edge: Edge) -> bool:
        """A reducing aggregate whose grouping keys identify nobody (per-person groups reduce nothing)."""
        for reduction in edge.reductions:
            key_categories = [self._key_category(key) for key in reduction.grouped_by]
            if all(strictness(c) < STRICTNESS_DIRECT for c in key_categories):
                return True
        return False

    def _key_category(self, key: SourceColumn) -> str:
        node = self.node_for(key.relation)
        return self.category_of(node, key) if node else "unknown"


def _staging_view_paths(project: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    """model -> output column -> the FHIRPath expressions it reads, for the staging models generated from
    ViewDefinitions in `project` (none when the project has no such views)."""
    from aegis.staging.generate import VIEWS_DIR, staging_views

    if not (project / VIEWS_DIR).is_dir():
        return {}
    return {view.model: {c.name: c.paths for c in view.columns} for view in staging_views(project)}


def _catalog_columns(catalog: dict[str, Any] | None) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for group in ("nodes", "sources"):
        for unique_id, entry in ((catalog or {}).get(group) or {}).items():
            found[unique_id] = {
                name.lower(): str(col.get("type") or "text")
                for name, col in (entry.get("columns") or {}).items()
            }
    return found


def _strictest_upstream(upstream: Iterable[Upstream]) -> Upstream | None:
    best: Upstream | None = None
    for item in upstream:
        if is_phi(item.category) and (best is None or strictness(item.category) > strictness(best.category)):
            best = item
    return best


class Auditor:
    def __init__(self, project: ProjectLineage) -> None:
        self.project = project
        self._by_name = {n.name: n for n in project.nodes.values()}
        self._column_memo: dict[tuple[str, str], list[Upstream]] = {}

    def column_upstream(self, node: RelationNode, column: str) -> list[Upstream]:
        key = (node.unique_id, column.lower())
        if key not in self._column_memo:
            lineage = self.project.lineage.get(node.unique_id)
            edges = lineage.columns.get(column.lower(), []) if lineage else []
            self._column_memo[key] = [self.project.upstream(edge) for edge in edges]
        return self._column_memo[key]

    def path(self, node: RelationNode, column: str, category: str, limit: int = 12) -> tuple[str, ...]:
        """From the column back to the root column the category comes from (strictest branch)."""
        steps = [f"{node.name}.{column}"]
        current: RelationNode | None = node
        current_column = column
        while current is not None and len(steps) < limit:
            candidates = [
                u
                for u in self.column_upstream(current, current_column)
                if strictness(u.category) >= strictness(category)
            ]
            step = _strictest_upstream(candidates)
            if step is None:
                break
            steps.append(step.label())
            current, current_column = self._by_name.get(step.node), step.column
            if step.json_path:
                break
        return tuple(steps)

    def audit_column(
        self, node: RelationNode, column: str, meta_column: Column
    ) -> tuple[ColumnAudit, list[Finding]]:
        declared = Declared.of(meta_column)
        upstream = self.column_upstream(node, column)
        inherited = strictest(u.category for u in upstream if u.category != "unknown")
        audit = ColumnAudit(
            node.name, column, declared.category, declared.declassified_by, inherited, upstream
        )
        findings: list[Finding] = []

        def finding(kind: FindingKind, fix: str) -> None:
            findings.append(
                Finding(
                    kind,
                    node.name,
                    column,
                    declared.category,
                    inherited,
                    self.path(node, column, inherited),
                    fix,
                )
            )

        if node.resource_type == "snapshot" and column.lower() in SNAPSHOT_META_COLUMNS:
            return audit, findings  # written by dbt itself from the snapshot config, not by the SQL
        lineage = self.project.lineage.get(node.unique_id)
        if not upstream and lineage is not None and _mentions(lineage.unresolved, column):
            finding(
                "unresolved_lineage",
                "qualify the column and declare every upstream column in YAML "
                "(select * is expanded from the declared columns)",
            )
        if any(u.category == "unknown" for u in upstream):
            finding("unresolved_lineage", "read upstream relations only through ref() or source()")
        if declared.declassified_by is None:
            if is_phi(inherited) and declared.category == NOT_PHI:
                finding(
                    "undeclared_phi",
                    f"set phi: {inherited}, or add phi_declassified: {{by, reason}} "
                    "if the expression really removes the identifier",
                )
            elif strictness(declared.category) < strictness(inherited):
                finding("under_classified", f"set phi: {inherited} (it carries {inherited} from upstream)")
        elif declared.declassified_by == "aggregation":
            unaggregated = [u for u in upstream if is_phi(u.category) and not u.aggregated]
            if unaggregated:
                finding(
                    "false_aggregation",
                    "aggregate with a reducing function (sum, avg, count...) grouped by "
                    "non-identifying keys, or classify the column as "
                    f"{strictest(u.category for u in unaggregated)} and drop the declassification",
                )
        return audit, findings


def _mentions(unresolved: list[str], column: str) -> bool:
    return any(column.lower() in item.lower() or "could not parse" in item for item in unresolved)


def audit(
    manifest: dict[str, Any], catalog: dict[str, Any] | None = None, progress: bool = False
) -> AuditReport:
    started = time.perf_counter()
    project = ProjectLineage(manifest, catalog)
    targets = project.audited_nodes()
    _compute_with_progress(project, targets, progress)
    auditor = Auditor(project)
    findings: list[Finding] = []
    columns: list[ColumnAudit] = []
    for node in sorted(targets, key=lambda n: n.name):
        for column, meta_column in node.columns.items():
            column_audit, column_findings = auditor.audit_column(node, column, meta_column)
            columns.append(column_audit)
            findings.extend(column_findings)
    findings.extend(audit_sensitive_rows(project.nodes))
    unresolved = {uid: lin.unresolved for uid, lin in project.lineage.items() if lin.unresolved}
    return AuditReport(
        project.dialect, findings, columns, len(targets), time.perf_counter() - started, unresolved
    )


def sensitive_row_column(node: RelationNode) -> str | None:
    value = node.meta.get("sensitive_row_column")
    return str(value).lower() if value else None


def audit_sensitive_rows(nodes: dict[str, RelationNode]) -> list[Finding]:
    """Row sensitivity propagates like column PHI: every model or snapshot with a parent that marks
    sensitive rows must mark them too (so each engine's row policy applies), or drop them and say why.
    Direct parents suffice: a parent that neither marks nor drops is itself a finding."""
    findings: list[Finding] = []
    for node in sorted(nodes.values(), key=lambda n: n.name):
        if node.resource_type not in ("model", "snapshot"):
            continue
        marked = [
            (parent, column)
            for parent in (nodes.get(uid) for uid in node.depends_on)
            if parent is not None
            and parent.resource_type in ("model", "snapshot")
            and (column := sensitive_row_column(parent)) is not None
        ]
        if not marked or sensitive_row_column(node) is not None:
            continue
        parents = tuple(f"{parent.name}.{column} [sensitive rows]" for parent, column in marked)
        reason = node.meta.get("sensitive_rows_excluded")
        if isinstance(reason, str) and reason.strip():
            code = (node.compiled_code or "").lower()
            unfiltered = [column for _, column in marked if column not in code]
            if node.compiled_code is None or not unfiltered:
                continue
            fix = f"filter the parents' rows on {', '.join(sorted(set(unfiltered)))} as declared"
        else:
            fix = (
                "carry the parents' flag into config.meta.sensitive_row_column (each engine's row policy "
                "then hides the rows), or drop the rows and declare sensitive_rows_excluded: <reason>"
            )
        findings.append(
            Finding(
                "unfiltered_sensitive_rows", node.name, ROWS, "no row filter", "sensitive rows", parents, fix
            )
        )
    return findings


def _compute_with_progress(project: ProjectLineage, targets: list[RelationNode], progress: bool) -> None:
    if not progress:
        project.compute()
        return
    from rich.console import Console
    from rich.progress import Progress

    console = Console(stderr=True)  # a bar for people only: nothing, not even a blank line, when piped
    with Progress(console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("column lineage", total=len(targets))
        for node in targets:
            project.compute_node(node)
            bar.advance(task)
