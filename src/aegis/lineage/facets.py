"""The dataset facets Aegis adds to OpenLineage events: PHI tags, the classification facet, column lineage.

- `tags` (the standard TagsDatasetFacet): one tag per classified column, `key=phi`, `value=<category>`,
  `field=<column>`, `source=aegis`.
- `aegis_phiClassification` (custom, named `{prefix}_{name}` per the spec's custom-facet rules): per column,
  the category and the strategy each tier gets; its JSON schema is schemas/openlineage/ in this repository.
- `columnLineage`: rebuilt from the lineage audit's engine, which follows `select *` and CTEs that
  openlineage-sql loses; dbt-ol's own field entries are kept for columns the engine cannot resolve.

Only names, categories and strategies: no data value ever goes into a facet.
"""

from __future__ import annotations

from typing import Any

import attr
from openlineage.client.facet_v2 import DatasetFacet, column_lineage_dataset, tags_dataset
from openlineage.client.utils import RedactMixin

from aegis.governance.classification import GovernanceSettings
from aegis.lineage.audit import Upstream
from aegis.lineage.categories import is_phi
from aegis.lineage.nodes import RelationNode

AEGIS_PRODUCER = "https://github.com/aegis-health/aegis/tree/v0.1.0/src/aegis/lineage"
FACET_KEY = "aegis_phiClassification"
FACET_SCHEMA_URL = (
    "https://github.com/aegis-health/aegis/blob/v0.1.0/schemas/openlineage/"
    "AegisPhiClassificationDatasetFacet.json#/$defs/AegisPhiClassificationDatasetFacet"
)
TAG_KEY, TAG_SOURCE = "phi", "aegis"


@attr.define
class AegisPhiColumnClassification(RedactMixin):
    """One column: camelCase field names, as the OpenLineage spec writes them."""

    category: str
    strategies: dict[str, str]
    overridden: bool = attr.field(default=False)
    declassifiedBy: str | None = attr.field(default=None)


@attr.define
class AegisPhiClassificationDatasetFacet(DatasetFacet):
    containsPhi: bool
    tiers: list[str]
    columns: dict[str, AegisPhiColumnClassification]
    aggregateSafe: bool = attr.field(default=False)
    dbtUniqueId: str | None = attr.field(default=None)

    @staticmethod
    def _get_schema() -> str:
        return FACET_SCHEMA_URL


def classified_columns(node: RelationNode) -> dict[str, str]:
    return {name: column.phi for name, column in node.columns.items() if column.phi is not None}


def tags_facet(node: RelationNode) -> tags_dataset.TagsDatasetFacet:
    return tags_dataset.TagsDatasetFacet(
        tags=[
            tags_dataset.TagsDatasetFacetFields(key=TAG_KEY, value=category, source=TAG_SOURCE, field=name)
            for name, category in classified_columns(node).items()
        ],
        producer=AEGIS_PRODUCER,
    )


def classification_facet(
    node: RelationNode, settings: GovernanceSettings
) -> AegisPhiClassificationDatasetFacet:
    columns: dict[str, AegisPhiColumnClassification] = {}
    for name, category in classified_columns(node).items():
        meta = node.columns[name].meta
        overrides: dict[str, str] = meta.get("phi_strategy") or {}
        declassified = meta.get("phi_declassified") or {}
        columns[name] = AegisPhiColumnClassification(
            category=category,
            strategies={tier: settings.strategy_for(tier, category, overrides) for tier in settings.tiers},
            overridden=bool(overrides),
            declassifiedBy=str(declassified["by"])
            if isinstance(declassified, dict) and "by" in declassified
            else None,
        )
    return AegisPhiClassificationDatasetFacet(
        containsPhi=bool(node.meta.get("contains_phi")) or any(is_phi(c.category) for c in columns.values()),
        tiers=list(settings.tiers),
        columns=columns,
        aggregateSafe=bool(node.meta.get("aggregate_safe")),
        dbtUniqueId=node.unique_id,
        producer=AEGIS_PRODUCER,
    )


def _transformation(upstream: Upstream) -> column_lineage_dataset.Transformation:
    # A JSON extraction names its path (the field is the container column): `$.name[0].family`.
    description = f"json path $.{upstream.json_path}" if upstream.json_path else None
    if upstream.via == "join_key":
        subtype, kind = "JOIN", "INDIRECT"
    elif upstream.aggregated:
        subtype, kind = "AGGREGATION", "DIRECT"
    else:
        subtype, kind = "TRANSFORMATION", "DIRECT"
    return column_lineage_dataset.Transformation(
        type=kind, subtype=subtype, description=description, masking=False
    )


def column_lineage_facet(
    namespace: str,
    upstream_by_column: dict[str, list[tuple[str, Upstream]]],
    previous: Any | None,
) -> column_lineage_dataset.ColumnLineageDatasetFacet | None:
    """Our column lineage (dataset name, upstream) per column; dbt-ol's fields fill what we could not resolve."""
    fields: dict[str, column_lineage_dataset.Fields] = dict(getattr(previous, "fields", None) or {})
    for column, upstream in upstream_by_column.items():
        if upstream:
            fields[column] = column_lineage_dataset.Fields(
                inputFields=[
                    column_lineage_dataset.InputField(
                        namespace=namespace,
                        name=dataset,
                        field=item.column,
                        transformations=[_transformation(item)],
                    )
                    for dataset, item in upstream
                ]
            )
    if not fields:
        return None
    return column_lineage_dataset.ColumnLineageDatasetFacet(fields=fields, producer=AEGIS_PRODUCER)
