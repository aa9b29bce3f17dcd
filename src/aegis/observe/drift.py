"""Schema drift: columns added, removed or retyped, in landed FHIR and in warehouse relations.

Two shapes are taken at each `aegis observe record`:

- fhir: per resource type, the element paths and JSON types of the resources landed in the newest
  `ingest_date` partition (keys and types only: `Patient.name.given` is `array<string>`; never a value);
- warehouse: per relation, column names and SQL types from `information_schema.columns`.

A shape is stored in `observability.schema_columns` when it differs from the last stored one, and each
difference becomes a row of `observability.drift_events`. A relation seen for the first time is a
baseline, not drift. For FHIR, "removed" means absent from the newest day's deliveries of that type.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from aegis.observe import history
from aegis.observe.history import Store
from aegis.paths import Paths

Shape = dict[str, dict[str, str]]  # relation -> column -> type


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "object"
    return "array"


def _paths(value: Any, prefix: str) -> Iterator[tuple[str, str]]:
    """(path, type) of every element under value; array items merge under the array's path."""
    if isinstance(value, dict):
        for key, child in value.items():
            path = f"{prefix}.{key}"
            if isinstance(child, list):
                kinds = {_json_type(item) for item in child} or {"empty"}
                yield path, f"array<{'|'.join(sorted(kinds))}>"
                for item in child:
                    yield from _paths(item, path)
            else:
                yield path, _json_type(child)
                yield from _paths(child, path)


def fhir_shape(landing_dir: Path) -> Shape:
    """Element paths and types per resource type, from the newest ingest_date partition of each."""
    shape: Shape = {}
    for type_dir in sorted((landing_dir / "fhir").glob("resource_type=*")):
        partitions = sorted(type_dir.glob("ingest_date=*"))
        if not partitions:
            continue
        resource_type = type_dir.name.split("=", 1)[1]
        columns: dict[str, set[str]] = {}
        for part in sorted(partitions[-1].glob("part-*.ndjson.gz")):
            with gzip.open(part, "rt", encoding="utf-8") as lines:
                for line in lines:
                    if not line.strip():
                        continue
                    resource = json.loads(line).get("resource")
                    for path, kind in _paths(resource, resource_type):
                        columns.setdefault(path, set()).add(kind)
        shape[resource_type] = {path: "|".join(sorted(kinds)) for path, kinds in columns.items()}
    return shape


def warehouse_shape(store: Store) -> Shape:
    rows = store.execute(
        "select table_schema, table_name, column_name, data_type from information_schema.columns "
        "where table_schema not in ('information_schema', 'pg_catalog', %s) order by 1, 2, 3".replace(
            "%s", f"'{history.SCHEMA}'"
        )
    )
    shape: Shape = {}
    for schema, table, column, data_type in rows:
        shape.setdefault(f"{schema}.{table}", {})[str(column)] = str(data_type).lower()
    return shape


def last_shape(store: Store, scope: str) -> Shape:
    rows = [r for r in store.rows("schema_columns") if r["scope"] == scope]
    newest: dict[str, str] = {}
    for row in rows:
        seen = str(row["seen_at"])
        if seen > newest.get(str(row["relation"]), ""):
            newest[str(row["relation"])] = seen
    shape: Shape = {}
    for row in rows:
        if str(row["seen_at"]) == newest[str(row["relation"])]:
            shape.setdefault(str(row["relation"]), {})[str(row["column_name"])] = str(row["data_type"])
    return shape


def diff(scope: str, before: Shape, after: Shape, detected_at: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for relation in sorted(set(before) & set(after)):
        old, new = before[relation], after[relation]
        for column in sorted(set(old) | set(new)):
            if column not in old:
                change, old_type, new_type = "added", None, new[column]
            elif column not in new:
                change, old_type, new_type = "removed", old[column], None
            elif old[column] != new[column]:
                change, old_type, new_type = "retyped", old[column], new[column]
            else:
                continue
            events.append(
                {
                    "detected_at": detected_at,
                    "scope": scope,
                    "relation": relation,
                    "column_name": column,
                    "change": change,
                    "old_type": old_type,
                    "new_type": new_type,
                }
            )
    return events


def record_drift(store: Store, paths: Paths, recorded_at: str) -> list[dict[str, Any]]:
    """Take both shapes, store the changed ones, append and return the drift events."""
    events: list[dict[str, Any]] = []
    for scope, shape in (("fhir", fhir_shape(paths.landing_dir)), ("warehouse", warehouse_shape(store))):
        before = last_shape(store, scope)
        events.extend(diff(scope, before, shape, recorded_at))
        changed = [relation for relation in shape if before.get(relation) != shape[relation]]
        store.append(
            "schema_columns",
            [
                {"scope": scope, "relation": r, "column_name": c, "data_type": t, "seen_at": recorded_at}
                for r in changed
                for c, t in sorted(shape[r].items())
            ],
        )
    store.append("drift_events", events)
    return events
