"""Read a ViewDefinition (parsed JSON) into typed, validated objects.

Checks the shape only (required keys, types, column names, union branches); expressions are parsed later
by the planner, which knows which column each belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from aegis.views.errors import ViewShapeError

# The spec's `sql-name` invariant: a column name usable unquoted in any database.
COLUMN_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
RESOURCE_TYPE = re.compile(r"^[A-Z][A-Za-z]+$")

ConstantValue = str | int | bool | Decimal


@dataclass(frozen=True)
class Column:
    name: str
    path: str
    fhir_type: str | None
    collection: bool
    tags: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Select:
    columns: tuple[Column, ...]
    selects: tuple[Select, ...]
    union_all: tuple[Select, ...]
    for_each: str | None
    for_each_or_null: str | None
    repeat: tuple[str, ...]


@dataclass(frozen=True)
class Constant:
    name: str
    value: ConstantValue
    fhir_type: str


@dataclass(frozen=True)
class ViewDefinition:
    name: str
    resource: str
    selects: tuple[Select, ...]
    where: tuple[str, ...]
    constants: tuple[Constant, ...]

    @property
    def root(self) -> Select:
        """The view as one selection: its top-level selects are siblings (cross joined)."""
        return Select((), self.selects, (), None, None, ())


INTEGER_CONSTANT_TYPES = frozenset({"integer", "positiveInt", "unsignedInt", "integer64"})


def read_view_definition(document: Any) -> ViewDefinition:
    """Validate `document` (a parsed ViewDefinition) and return it typed; ViewShapeError when invalid."""
    view = _view_name(document)
    if not isinstance(document, Mapping):
        raise ViewShapeError(view, "a ViewDefinition must be a JSON object")
    resource = document.get("resource")
    if not isinstance(resource, str) or not RESOURCE_TYPE.match(resource):
        raise ViewShapeError(
            view, "`resource` is required and must name a FHIR resource type, e.g. 'Patient'"
        )
    selects = _list(view, document, "select", "the view")
    if not selects:
        raise ViewShapeError(view, "`select` is required and must hold at least one selection")
    definition = ViewDefinition(
        name=view,
        resource=resource,
        selects=tuple(_read_select(view, item, f"select[{index}]") for index, item in enumerate(selects)),
        where=tuple(
            _read_where(view, item, index)
            for index, item in enumerate(_list(view, document, "where", "the view"))
        ),
        constants=tuple(_read_constant(view, item) for item in _list(view, document, "constant", "the view")),
    )
    _check_constant_names(definition)
    output_columns(definition)  # raises on duplicate names or inconsistent union branches
    return definition


def output_columns(view: ViewDefinition) -> tuple[Column, ...]:
    """The view's columns in output order (the spec's ValidateColumns): a selection's own columns, then its
    nested selects, then its unionAll. Raises on a duplicate name or union branches that differ."""
    return _validate_columns(view.name, view.root, ())


def _validate_columns(view: str, select: Select, before: tuple[Column, ...]) -> tuple[Column, ...]:
    result = before
    for column in select.columns:
        result = _append_column(view, result, column)
    for nested in select.selects:
        for column in _validate_columns(view, nested, result)[len(result) :]:
            result = _append_column(view, result, column)
    if select.union_all:
        branches = [_validate_columns(view, branch, result)[len(result) :] for branch in select.union_all]
        first_names = [column.name for column in branches[0]]
        for index, branch in enumerate(branches[1:], start=1):
            names = [column.name for column in branch]
            if names != first_names:
                raise ViewShapeError(
                    view,
                    f"unionAll branches must have the same columns in the same order: branch 0 has "
                    f"{first_names}, branch {index} has {names}",
                )
        for column in branches[0]:
            result = _append_column(view, result, column)
    return result


def _append_column(view: str, columns: tuple[Column, ...], column: Column) -> tuple[Column, ...]:
    if any(existing.name == column.name for existing in columns):
        raise ViewShapeError(view, f"column {column.name!r} is defined more than once")
    return (*columns, column)


def _view_name(document: Any) -> str:
    if isinstance(document, Mapping):
        name = document.get("name")
        if isinstance(name, str) and name:
            return name
        resource = document.get("resource")
        if isinstance(resource, str) and resource:
            return f"<unnamed {resource} view>"
    return "<unnamed view>"


def _list(view: str, mapping: Mapping[str, Any], key: str, where: str) -> Sequence[Any]:
    value = mapping.get(key, [])
    if not isinstance(value, list):
        raise ViewShapeError(view, f"`{key}` of {where} must be a list")
    return value


def _optional_text(view: str, mapping: Mapping[str, Any], key: str, where: str) -> str | None:
    value = mapping.get(key)
    if value is not None and not isinstance(value, str):
        raise ViewShapeError(
            view, f"`{key}` of {where} must be a FHIRPath string, not {type(value).__name__}"
        )
    return value


def _read_select(view: str, item: Any, where: str) -> Select:
    if not isinstance(item, Mapping):
        raise ViewShapeError(view, f"{where} must be an object")
    for_each = _optional_text(view, item, "forEach", where)
    for_each_or_null = _optional_text(view, item, "forEachOrNull", where)
    repeat_paths = _list(view, item, "repeat", where)
    if any(not isinstance(path, str) for path in repeat_paths):
        raise ViewShapeError(view, f"`repeat` of {where} must be a list of FHIRPath strings")
    iterations = [name for name in ("forEach", "forEachOrNull", "repeat") if item.get(name) is not None]
    if len(iterations) > 1:
        raise ViewShapeError(
            view, f"{where} may have only one of forEach, forEachOrNull, repeat; has {iterations}"
        )
    return Select(
        columns=tuple(
            _read_column(view, column, f"{where}.column[{index}]")
            for index, column in enumerate(_list(view, item, "column", where))
        ),
        selects=tuple(
            _read_select(view, nested, f"{where}.select[{index}]")
            for index, nested in enumerate(_list(view, item, "select", where))
        ),
        union_all=tuple(
            _read_select(view, branch, f"{where}.unionAll[{index}]")
            for index, branch in enumerate(_list(view, item, "unionAll", where))
        ),
        for_each=for_each,
        for_each_or_null=for_each_or_null,
        repeat=tuple(repeat_paths),
    )


def _read_column(view: str, item: Any, where: str) -> Column:
    if not isinstance(item, Mapping):
        raise ViewShapeError(view, f"{where} must be an object")
    path = item.get("path")
    if not isinstance(path, str) or not path.strip():
        raise ViewShapeError(view, f"{where} needs a `path` (a FHIRPath string)")
    name = item.get("name")
    if not isinstance(name, str) or not COLUMN_NAME.match(name):
        raise ViewShapeError(
            view,
            f"{where} needs a `name` of letters, digits and underscores starting with a letter, got {name!r}",
        )
    fhir_type = item.get("type")
    if fhir_type is not None and not isinstance(fhir_type, str):
        raise ViewShapeError(view, f"`type` of column {name!r} must be a string")
    collection = item.get("collection", False)
    if not isinstance(collection, bool):
        raise ViewShapeError(view, f"`collection` of column {name!r} must be true or false")
    tags = []
    for tag in _list(view, item, "tag", f"column {name!r}"):
        if (
            not isinstance(tag, Mapping)
            or not isinstance(tag.get("name"), str)
            or not isinstance(tag.get("value"), str)
        ):
            raise ViewShapeError(view, f"each tag of column {name!r} needs a string `name` and `value`")
        tags.append((tag["name"], tag["value"]))
    return Column(name=name, path=path, fhir_type=fhir_type, collection=collection, tags=tuple(tags))


def _read_where(view: str, item: Any, index: int) -> str:
    if not isinstance(item, Mapping) or not isinstance(item.get("path"), str) or not item["path"].strip():
        raise ViewShapeError(view, f"where[{index}] needs a `path` (a FHIRPath string)")
    path: str = item["path"]
    return path


def _read_constant(view: str, item: Any) -> Constant:
    if not isinstance(item, Mapping) or not isinstance(item.get("name"), str) or not item["name"]:
        raise ViewShapeError(view, "each constant needs a `name`")
    name: str = item["name"]
    values = [(key, value) for key, value in item.items() if key.startswith("value")]
    if len(values) != 1:
        raise ViewShapeError(
            view, f"constant {name!r} needs exactly one value[x] (valueString, valueInteger, ...)"
        )
    key, raw = values[0]
    fhir_type = key[len("value") :]
    fhir_type = fhir_type[:1].lower() + fhir_type[1:]
    return Constant(name=name, value=_constant_value(view, name, fhir_type, raw), fhir_type=fhir_type)


def _constant_value(view: str, name: str, fhir_type: str, raw: Any) -> ConstantValue:
    if fhir_type == "boolean":
        if not isinstance(raw, bool):
            raise ViewShapeError(view, f"constant {name!r}: valueBoolean must be true or false")
        return raw
    if fhir_type in INTEGER_CONSTANT_TYPES:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ViewShapeError(
                view, f"constant {name!r}: value{fhir_type[:1].upper()}{fhir_type[1:]} must be an integer"
            )
        return int(raw)
    if fhir_type == "decimal":
        if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
            raise ViewShapeError(view, f"constant {name!r}: valueDecimal must be a number")
        # str() keeps the written digits of a float (1.2 stays 1.2, not its binary expansion).
        return Decimal(str(raw))
    if not isinstance(raw, str):
        raise ViewShapeError(
            view, f"constant {name!r}: value{fhir_type[:1].upper()}{fhir_type[1:]} must be a string"
        )
    return raw


def _check_constant_names(view: ViewDefinition) -> None:
    seen: set[str] = set()
    for constant in view.constants:
        if constant.name in seen:
            raise ViewShapeError(view.name, f"constant {constant.name!r} is defined more than once")
        seen.add(constant.name)
