"""Validate OpenLineage events against JSON Schemas derived from the client's own facet classes.

The spec's JSON Schemas (OpenLineage.json, facets/*.json) ship in no installed package, so the schemas are
derived from openlineage-python's generated attrs classes, which are generated from those very files: each
class becomes an object schema (its fields typed, the fields without a default required), and each facet is
checked against the class whose `_get_schema()` names the same `$defs` entry as the facet's `_schemaURL`.
Facets that the client does not know are checked against a schema file: ours (schemas/openlineage/) or
openlineage-dbt's (shipped in openlineage.common.schema); any other facet must at least be a BaseFacet.
"""

from __future__ import annotations

import enum
import importlib
import json
import pkgutil
import types
import typing
import uuid
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import attr
import jsonschema
from openlineage.client import event_v2, generated

from aegis.paths import project_root

FACET_CONTAINERS = {"facets", "inputFacets", "outputFacets"}
Schema = dict[str, Any]


def _type_schema(hint: Any, pending: list[type]) -> Schema:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) == 1:
            return _type_schema(options[0], pending)
        return {"anyOf": [_type_schema(a, pending) for a in options]}
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        return {"type": "array", "items": _type_schema(item, pending)}
    if origin is dict:
        _, value = typing.get_args(hint) or (str, Any)
        return {"type": "object", "additionalProperties": _type_schema(value, pending)}
    if isinstance(hint, type):
        if issubclass(hint, enum.Enum):
            return {"enum": [member.value for member in hint]}
        simple = {bool: "boolean", int: "integer", float: "number", str: "string"}
        if hint in simple:
            return {"type": simple[hint]}
        if attr.has(hint):
            pending.append(hint)  # by reference: some classes nest themselves (subset conditions)
            return {"$ref": f"#/$defs/{_key(hint)}"}
    return {}


def _key(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _object_schema(cls: type, pending: list[type]) -> Schema:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Schema] = {}
    required: list[str] = []
    for field in attr.fields(cls):
        name = field.name
        properties[name] = {} if name in FACET_CONTAINERS else _type_schema(hints.get(name, Any), pending)
        if field.default is attr.NOTHING and field.init:
            required.append(name)
    return {"type": "object", "properties": properties, "required": required}


@cache
def class_schema(cls: type) -> Schema:
    """The JSON Schema of one attrs class of the client (facet containers are checked facet by facet)."""
    definitions: dict[str, Schema] = {}
    pending: list[type] = [cls]
    while pending:
        current = pending.pop()
        if _key(current) not in definitions:
            definitions[_key(current)] = {}  # placeholder: stops self-reference loops
            definitions[_key(current)] = _object_schema(current, pending)
    return {"$defs": definitions, "$ref": f"#/$defs/{_key(cls)}"}


def _generated_classes() -> Iterator[type]:
    for module_info in pkgutil.iter_modules(generated.__path__):
        module = importlib.import_module(f"{generated.__name__}.{module_info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and attr.has(value) and "_get_schema" in vars(value):
                yield value


def _definition(schema_url: str) -> str:
    """`https://openlineage.io/spec/facets/1-0-0/TagsDatasetFacet.json#/$defs/TagsDatasetFacet` -> TagsDatasetFacet."""
    return schema_url.rsplit("/", 1)[-1]


@cache
def facet_classes() -> dict[str, type]:
    return {_definition(cls._get_schema()): cls for cls in _generated_classes()}  # type: ignore[attr-defined]


@cache
def file_schemas() -> dict[str, Schema]:
    """Facet schemas kept as files: ours, and openlineage-dbt's (keyed by `$defs` name)."""
    import openlineage.common.schema as dbt_schemas

    folders = [project_root() / "schemas" / "openlineage", Path(dbt_schemas.__path__[0])]
    found: dict[str, Schema] = {}
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            document = json.loads(path.read_text())
            for name in document.get("$defs", {}):
                found[name] = {**document, "$ref": f"#/$defs/{name}"}
    return found


def _check(instance: Any, schema: Schema, where: str) -> list[str]:
    # Remote $refs (the spec's BaseFacet) are not fetched: the base fields are checked by _base_facet_errors.
    resolver_free = json.loads(
        json.dumps(schema).replace(
            '{"$ref": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetFacet"}', "{}"
        )
    )
    validator = jsonschema.Draft202012Validator(resolver_free)
    return [f"{where}: {error.message}" for error in validator.iter_errors(instance)]


def _base_facet_errors(facet: Any, where: str) -> list[str]:
    if not isinstance(facet, dict):
        return [f"{where}: a facet must be an object"]
    errors = []
    for key in ("_producer", "_schemaURL"):
        value = facet.get(key)
        if not isinstance(value, str) or not urlparse(value).scheme:
            errors.append(f"{where}: {key} must be a URI")
    return errors


def facet_errors(facet: Any, where: str) -> list[str]:
    errors = _base_facet_errors(facet, where)
    if errors:
        return errors
    name = _definition(facet["_schemaURL"])
    if name in facet_classes():
        return _check(facet, class_schema(facet_classes()[name]), where)
    if name in file_schemas():
        return _check(facet, file_schemas()[name], where)
    return []


def _facet_maps(event: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield "run.facets", (event.get("run") or {}).get("facets") or {}
    yield "job.facets", (event.get("job") or {}).get("facets") or {}
    for group in ("inputs", "outputs"):
        for index, dataset in enumerate(event.get(group) or []):
            for container in ("facets", "inputFacets", "outputFacets"):
                yield f"{group}[{index}].{container}", dataset.get(container) or {}


def event_errors(event: dict[str, Any]) -> list[str]:
    """Everything wrong with one RunEvent (as JSON); empty when it is valid."""
    errors = _check(event, class_schema(event_v2.RunEvent), "event")
    errors += _check(event.get("run", {}), class_schema(event_v2.Run), "run")
    errors += _check(event.get("job", {}), class_schema(event_v2.Job), "job")
    for group, cls in (("inputs", event_v2.InputDataset), ("outputs", event_v2.OutputDataset)):
        for index, dataset in enumerate(event.get(group) or []):
            errors += _check(dataset, class_schema(cls), f"{group}[{index}]")
    try:
        datetime.fromisoformat(str(event.get("eventTime")).replace("Z", "+00:00"))
    except ValueError:
        errors.append("eventTime is not an ISO 8601 date-time")
    try:
        uuid.UUID(str((event.get("run") or {}).get("runId")))
    except ValueError:
        errors.append("run.runId is not a UUID")
    for key in ("producer", "schemaURL"):
        if not urlparse(str(event.get(key, ""))).scheme:
            errors.append(f"{key} is not a URI")
    for where, facets in _facet_maps(event):
        for key, facet in facets.items():
            errors += facet_errors(facet, f"{where}.{key}")
    return errors
