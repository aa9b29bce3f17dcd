"""DuckDB, typed reads: the resource parsed once into a STRUCT of the elements the view reads.

The JSON renderer (aegis.views.render.duckdb) reads text: every json_extract parses its JSON again, so a
list read in several columns (the EOB lines' six adjudication lookups) is parsed once per column, and
each of its items once per test. Here the resource is read once with `from_json` into a STRUCT that
holds exactly the elements the view reads, typed by the R4 model (a list where the element repeats), and
every path is a struct field or a list lambda: no JSON is parsed after that.

Primitives are read as VARCHAR, the text json_extract_string gives (a number's text, `true`), so casts
and comparisons are the JSON renderer's. A JSON null in a list is a NULL element and is skipped as the
JSON renderer skips it.

Only what it can read this way is read this way: a view without iteration or with one forEach, whose
every step the R4 model knows and whose every value is converted from a primitive. Anything else (a JSON
column, a subquery, ofType on JSON, repeat, unionAll, FHIR types outside the model) raises NotTyped, and
DuckDBTypedRenderer renders the view with the JSON renderer instead, which the conformance suite proves
for every view. The typed form is proved by the same suite on every view it takes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from aegis.views.plan import (
    Bound,
    Children,
    Collection,
    CountItems,
    Exists,
    FieldValue,
    Filter,
    FocusItem,
    IsJsonKind,
    ItemAt,
    JoinText,
    JsonArray,
    JsonValue,
    Let,
    PathValue,
    SameFocus,
    Scalar,
    Selection,
    SingleItem,
    SqlType,
    ViewPlan,
)
from aegis.views.render.base import SqlSource, _indent, _same_focus_selections
from aegis.views.render.duckdb import DuckDBRenderer, _one_each_selections, _the_foreach


class NotTyped(Exception):
    """The view needs something typed reads do not do: render it with the JSON renderer."""


@dataclass
class _Shape:
    """What the view reads of one JSON value: its fields (each with whether the R4 model says it repeats),
    or its text when `primitive`. Neither: the value is only tested for presence (read as JSON)."""

    fields: dict[str, tuple[bool, _Shape]] = field(default_factory=dict)
    primitive: bool = False

    def child(self, name: str, array: bool) -> _Shape:
        if name in self.fields:
            repeats, shape = self.fields[name]
            if repeats != array:
                raise NotTyped
            return shape
        # DuckDB's struct fields are case-insensitive: two FHIR names that differ only in case would meet.
        if any(known.lower() == name.lower() for known in self.fields):
            raise NotTyped
        shape = _Shape()
        self.fields[name] = (array, shape)
        return shape

    def structure(self) -> object:
        """The from_json structure: an object per struct, a one-item array per list, a type name per leaf."""
        if self.primitive and self.fields:
            raise NotTyped  # read both as text and by its fields
        if self.primitive:
            return "VARCHAR"
        if not self.fields:
            return "JSON"
        return {
            name: [shape.structure()] if repeats else shape.structure()
            for name, (repeats, shape) in self.fields.items()
        }


@dataclass(frozen=True)
class _Typed:
    """SQL of a typed value and the shape of what is read of it."""

    sql: str
    shape: _Shape


_NOT_NULL = "lambda item_: item_ is not null"


class _TypedReads(DuckDBRenderer):
    """Renders a plan with typed reads, or raises NotTyped. One use per view."""

    def __init__(self) -> None:
        super().__init__()
        self._root = _Shape()
        self._bound: dict[str, _Typed] = {}

    # --- rows -----------------------------------------------------------------------------------

    def render(self, plan: ViewPlan, source: SqlSource) -> str:
        if any(column.type is SqlType.JSON for column in plan.output):
            raise NotTyped
        resource = plan.resource_var
        self._bound[resource] = _Typed(f"{resource}.value", self._root)
        in_place = _same_focus_selections(plan.root)
        if in_place is not None:
            return self.render_in_place(plan, source, in_place)
        ordered = _one_each_selections(plan.root)
        if ordered is None:
            raise NotTyped
        return self.render_each(plan, source, ordered)

    def render_in_place(self, plan: ViewPlan, source: SqlSource, selections: list[Selection]) -> str:
        resource = plan.resource_var
        for selection in selections:
            self._bound[selection.var] = self._bound[resource]
            self._row_indexes[selection.var] = f"{resource}.row_index"
        values = {
            value.column.name: f"{self.scalar(value.expression)} as {self.identifier(value.column.name)}"
            for selection in selections
            for value in selection.columns
        }
        where = self.where_clause(plan)
        rows = self.typed_rows(plan, source)  # after every expression: the structure is what they read
        if where:  # the conditions read the resource by its alias
            rows = f"select *\nfrom (\n{_indent(rows)}\n) as {resource}{where}"
        return self.select_columns(plan, source, values, rows)

    def render_each(self, plan: ViewPlan, source: SqlSource, ordered: list[tuple[Selection, bool]]) -> str:
        """One forEach (or forEachOrNull) as `unnest` of its list on the resource row, as the JSON
        renderer's render_one_each: each item with its 0-based position among the non-null items; over no
        item, forEachOrNull's one row whose columns under the forEach are NULL (a %rowIndex column 0)."""
        resource = plan.resource_var
        each, foreach = _the_foreach(ordered)
        each_alias, item, position = self.alias("each"), self.alias("item"), self.alias("position")
        listed: _Typed | None = None
        # Parents first: the forEach's list reads its parent's item, the selections under it read its item.
        for selection, _ in ordered:
            if selection is each:
                listed = self.items_of(foreach.items)
                self._bound[each.var] = _Typed(f"{resource}.{each_alias}.value", listed.shape)
                self._row_indexes[each.var] = f"{resource}.{each_alias}.row_index"
            else:
                parent = selection.foci.parent if isinstance(selection.foci, SameFocus) else ""
                self._bound[selection.var] = self.bound(parent)
                self._row_indexes[selection.var] = self.row_index(parent)
        assert listed is not None
        present = f"{resource}.{each_alias}.row_index is not null"
        values = self.each_columns(ordered, foreach.or_null, present)
        numbered = (
            f"list_transform({{0}}, lambda {item}, {position}: "
            f"struct_pack(value := {item}, row_index := {position} - 1))"
        )
        # Over no item, the value is NULL of the item's type: the first item of the empty list.
        none = "struct_pack(value := {0}[1], row_index := cast(null as bigint))"
        where = self.where_clause(plan)
        rows = self.each_rows(
            resource,
            each_alias,
            (listed.sql, numbered, none),
            self.typed_rows(plan, source),  # after every expression: the structure is what they read
            where,
            foreach.or_null,
        )
        return self.select_columns(plan, source, values, rows)

    def typed_rows(self, plan: ViewPlan, source: SqlSource) -> str:
        """The resource rows of the view's type, each resource parsed once (`value`, a STRUCT). Rendered
        after every expression: the structure is what they read."""
        # Always read: the structure is then never empty.
        self._root.child("resourceType", False).primitive = True
        structure = json.dumps(self._root.structure(), separators=(",", ":"))
        parsed = f"from_json({self.as_json(source.resource_column)}, {self.string(structure)})"
        if source.resource_type_column:
            selected = ", ".join([f"{parsed} as value", "0 as row_index", *source.passthrough_columns])
            return f"select {selected}\nfrom {source.relation}\nwhere {self.type_filter(plan, source)}"
        # The type tested inside an unnest of a one-item list: as a WHERE on the parsed value, DuckDB pushed
        # the test below the projection and parsed every resource twice (the EOBs' select 5.7 s, 3.8 s so).
        of_type = f'lambda typed_: typed_."resourceType" = {self.string(plan.resource_type)}'
        value = f"unnest(list_filter([{parsed}], {of_type})) as value"
        selected = ", ".join([value, "0 as row_index", *source.passthrough_columns])
        return f"select {selected}\nfrom {source.relation}"

    # --- values ---------------------------------------------------------------------------------

    def bound(self, var: str) -> _Typed:
        if var not in self._bound:
            raise NotTyped
        return self._bound[var]

    def items_of(self, collection: Collection) -> _Typed:
        """The items as a DuckDB list without NULL, in order, and the shape of one item."""
        if isinstance(collection, FocusItem):
            one = self.bound(collection.var)
            return _Typed(f"list_filter([{one.sql}], {_NOT_NULL})", one.shape)
        if isinstance(collection, Children):
            if collection.array is None:
                raise NotTyped  # the R4 model does not know the step: only JSON can tell
            name = self.identifier(collection.name)
            parent = self.single_value(collection.source)
            if parent is not None:
                shape = parent.shape.child(collection.name, collection.array)
                values = f"{parent.sql}.{name}" if collection.array else f"[{parent.sql}.{name}]"
            else:
                parents = self.items_of(collection.source)
                shape = parents.shape.child(collection.name, collection.array)
                each = self.alias("l")
                values = f"list_transform({parents.sql}, lambda {each}: {each}.{name})"
                values = f"flatten({values})" if collection.array else values
            return _Typed(f"list_filter({values}, {_NOT_NULL})", shape)
        if isinstance(collection, Filter):
            items = self.items_of(collection.source)
            self._bound[collection.var] = _Typed(f"{collection.var}_", items.shape)
            try:
                condition = self.scalar(collection.condition)
            finally:
                del self._bound[collection.var]
            return _Typed(f"list_filter({items.sql}, lambda {collection.var}_: {condition})", items.shape)
        one = self.item_at(collection)
        return _Typed(f"list_filter([{one.sql}], {_NOT_NULL})", one.shape)

    def single_value(self, collection: Collection) -> _Typed | None:
        """A collection of at most one item as that value (NULL for none), when it is a bound item or a
        path of steps that do not repeat from one: a field of a NULL struct is NULL, so no list is needed
        (the list of one item, transformed and flattened at every step, cost the EOB lines 8 %)."""
        if isinstance(collection, FocusItem):
            return self.bound(collection.var)
        if isinstance(collection, Children) and collection.array is False:
            parent = self.single_value(collection.source)
            if parent is not None:
                shape = parent.shape.child(collection.name, False)
                return _Typed(f"{parent.sql}.{self.identifier(collection.name)}", shape)
        return None

    def item_at(self, item_at: ItemAt) -> _Typed:
        items = self.items_of(item_at.source)
        position = item_at.position + 1
        return _Typed(f"{items.sql}[{-position if item_at.from_end else position}]", items.shape)

    def typed_value(self, scalar: Scalar) -> _Typed:
        """A JSON-valued plan node as the typed value it reads."""
        if isinstance(scalar, PathValue):
            value = self.bound(scalar.base) if isinstance(scalar.base, str) else self.typed_value(scalar.base)
            sql, shape = value.sql, value.shape
            for name in scalar.names:
                shape = shape.child(name, False)
                sql = f"{sql}.{self.identifier(name)}"
            return _Typed(sql, shape)
        if isinstance(scalar, SingleItem):
            if isinstance(scalar.source, ItemAt) and scalar.too_many_message is None:
                return self.item_at(scalar.source)
            items = self.items_of(scalar.source)
            if scalar.too_many_message is None:
                return _Typed(f"{items.sql}[1]", items.shape)
            return _Typed(self.one_of(items.sql, scalar.too_many_message, None), items.shape)
        raise NotTyped

    def scalar(self, scalar: Scalar) -> str:
        if isinstance(scalar, JsonValue):
            value = self.typed_value(scalar.item)
            value.shape.primitive = True
            if scalar.type is SqlType.TEXT:
                return value.sql
            return f"cast({value.sql} as {self.TYPES[scalar.type]})"
        if isinstance(scalar, Exists):
            return f"(coalesce(len({self.items_of(scalar.source).sql}), 0) > 0)"
        if isinstance(
            scalar,
            SingleItem
            | PathValue
            | FieldValue
            | IsJsonKind
            | CountItems
            | JoinText
            | JsonArray
            | Let
            | Bound,
        ):
            raise NotTyped  # a JSON value, a subquery or a binding: the JSON renderer's
        return super().scalar(scalar)

    # Anything of the shared walk that reaches JSON or a subquery is not typed.

    def collection(self, collection: Collection) -> str:
        raise NotTyped

    def single_item(self, rows: str, alias: str, too_many_message: str | None) -> str:
        raise NotTyped

    def json_field(self, item_sql: str, name: str) -> str:
        raise NotTyped

    def json_items(self, json_sql: str) -> str:
        raise NotTyped


class DuckDBTypedRenderer(DuckDBRenderer):
    """DuckDB: typed reads where the view allows them (_TypedReads), the JSON renderer elsewhere."""

    def render(self, plan: ViewPlan, source: SqlSource) -> str:
        try:
            return _TypedReads().render(plan, source)
        except NotTyped:
            return super().render(plan, source)
