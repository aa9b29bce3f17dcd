"""The `transform` transport's transformer: adds Aegis facets to every event dbt-ol emits.

openlineage-python's TransformTransport calls `transform(event)` before handing the event to the real
transport (file or HTTP), so nothing in openlineage-dbt is patched. The manifest is read on the first event
(dbt-ol builds the transport before dbt runs, and emits after the build wrote its artifacts).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openlineage.client.event_v2 import Dataset, InputDataset, RunEvent
from openlineage.client.facet_v2 import DatasetFacet
from openlineage.client.transport.transform import EventTransformer

from aegis.artifacts import load_manifest
from aegis.governance.classification import GovernanceSettings
from aegis.lineage.audit import Auditor, ProjectLineage, Upstream
from aegis.lineage.facets import FACET_KEY, classification_facet, column_lineage_facet, tags_facet
from aegis.lineage.nodes import RelationNode


def dataset_name(node: RelationNode) -> str:
    """How openlineage-dbt names a dataset: database.schema.alias (sources: their table name)."""
    table = node.name.split(".", 1)[1] if node.resource_type == "source" else node.identifier
    return ".".join(part for part in (node.database, node.schema, table) if part)


class ProjectFacets:
    """The project's nodes, indexed the way events name datasets, with the facets each one gets."""

    def __init__(self, manifest: dict[str, Any], settings: GovernanceSettings) -> None:
        self.settings = settings
        self.lineage = ProjectLineage(manifest)
        self.lineage.compute()
        self.auditor = Auditor(self.lineage)
        self.by_dataset = {dataset_name(n).lower(): n for n in self.lineage.nodes.values()}

    def node_for(self, dataset: Dataset) -> RelationNode | None:
        return self.by_dataset.get(dataset.name.lower())

    def decorate(self, dataset: Dataset, with_lineage: bool) -> None:
        node = self.node_for(dataset)
        if node is None:
            return
        facets: dict[str, DatasetFacet] = dict(dataset.facets or {})
        facets["tags"] = tags_facet(node)
        facets[FACET_KEY] = classification_facet(node, self.settings)
        if with_lineage and node.unique_id in self.lineage.lineage:
            lineage = column_lineage_facet(
                dataset.namespace, self.upstream_by_column(node), facets.get("columnLineage")
            )
            if lineage is not None:
                facets["columnLineage"] = lineage
        dataset.facets = facets

    def upstream_by_column(self, node: RelationNode) -> dict[str, list[tuple[str, Upstream]]]:
        found: dict[str, list[tuple[str, Upstream]]] = {}
        for column in node.columns:
            items = []
            for upstream in self.auditor.column_upstream(node, column):
                parent = self.lineage.nodes.get(upstream.unique_id or "")
                if parent is not None:
                    items.append((dataset_name(parent), upstream))
            found[column] = items
        return found

    def missing_inputs(self, event: RunEvent, namespace: str) -> list[InputDataset]:
        """Seeds a model reads (dbt-ol lists only model and source parents)."""
        job_facets = event.job.facets or {}
        unique_id = getattr(job_facets.get("dbt_node"), "unique_id", None)
        node = self.lineage.nodes.get(str(unique_id)) if unique_id else None
        if node is None:
            return []
        present = {d.name.lower() for d in event.inputs or []}
        missing = []
        for parent_id in node.depends_on:
            parent = self.lineage.nodes.get(parent_id)
            if (
                parent is not None
                and parent.resource_type == "seed"
                and dataset_name(parent).lower() not in present
            ):
                missing.append(InputDataset(namespace=namespace, name=dataset_name(parent)))
        return missing


class PhiFacetTransformer(EventTransformer):
    """Properties: `project_dir` and `manifest_path` (both optional; default: this project, its target)."""

    def __init__(self, properties: dict[str, Any]) -> None:
        super().__init__(properties)
        self._project: ProjectFacets | None = None

    def project(self) -> ProjectFacets:
        if self._project is None:
            project_dir = Path(self.properties["project_dir"]) if self.properties.get("project_dir") else None
            manifest_path = (
                Path(self.properties["manifest_path"]) if self.properties.get("manifest_path") else None
            )
            manifest = load_manifest(manifest_path, project_dir)
            self._project = ProjectFacets(manifest, GovernanceSettings.load(project_dir))
        return self._project

    def transform(self, event: Any) -> Any:
        if not isinstance(event, RunEvent):
            return event
        project = self.project()
        outputs: Iterable[Dataset] = event.outputs or []
        namespace = next((d.namespace for d in [*outputs, *(event.inputs or [])]), None)
        if namespace is not None and event.outputs:
            event.inputs = [*(event.inputs or []), *project.missing_inputs(event, namespace)]
        for read in event.inputs or []:
            project.decorate(read, with_lineage=False)
        for written in event.outputs or []:
            project.decorate(written, with_lineage=True)
        return event
