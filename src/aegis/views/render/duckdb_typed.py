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
        carried = [f"{resource}.{name}" for name in source.passthrough_columns]
        columns = carried + [values[column.name] for column in plan.output]
        where = self.where(plan)
        return (
            "select\n"
            + _indent(",\n".join(columns))
            + f"\nfrom (\n{_indent(self.typed_rows(plan, source))}\n) as {resource}{where}\n"
        )

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
        where = self.where(plan)
        numbered = (
            f"list_transform({{0}}, lambda {item}, {position}: "
            f"struct_pack(value := {item}, row_index := {position} - 1))"
        )
        rows = self.typed_rows(plan, source)
        if not foreach.or_null:
            unnested = numbered.format(listed.sql)
            inner = f"select {resource}.*\nfrom (\n{_indent(rows)}\n) as {resource}{where}"
        else:
            # The list bound once as a column (a CASE would compute it twice); over no item, one row whose
            # value is NULL of the item's type (the first item of an empty list).
            items = self.alias("items")
            inner = f"select {resource}.*, {listed.sql} as {items}\nfrom (\n{_indent(rows)}\n) as {resource}{where}"
            bound = f"{resource}.{items}"
            none = f"[struct_pack(value := {bound}[1], row_index := cast(null as bigint))]"
            unnested = f"case when len({bound}) > 0 then {numbered.format(bound)} else {none} end"
        unnest_rows = f"select {resource}.*, unnest({unnested}) as {each_alias}\nfrom (\n{_indent(inner)}\n) as {resource}"
        carried = [f"{resource}.{name}" for name in source.passthrough_columns]
        columns = carried + [values[column.name] for column in plan.output]
        return (
            "select\n" + _indent(",\n".join(columns)) + f"\nfrom (\n{_indent(unnest_rows)}\n) as {resource}\n"
        )

    def where(self, plan: ViewPlan) -> str:
        return "".join(
            ("\nwhere " if index == 0 else "\n    and ") + self.scalar(condition)
            for index, condition in enumerate(plan.where)
        )

    def typed_rows(self, plan: ViewPlan, source: SqlSource) -> str:
        """The resource rows of the view's type, each resource parsed once (`value`, a STRUCT). Rendered
        after every expression: the structure is what they read."""
        # Always read: the structure is then never empty.
        self._root.child("resourceType", False).primitive = True
        structure = json.dumps(self._root.structure(), separators=(",", ":"))
        parsed = f"from_json({self.as_json(source.resource_column)}, {self.string(structure)})"
        if source.resource_type_column:
            type_filter = f"{source.resource_type_column} = {self.string(plan.resource_type)}"
            selected = ", ".join([f"{parsed} as value", "0 as row_index", *source.passthrough_columns])
            return f"select {selected}\nfrom {source.relation}\nwhere {type_filter}"
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
            if isinstance(collection.source, FocusItem):
                parent = self.bound(collection.source.var)
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
            # Bound once to a lambda parameter: in a CASE the list would be computed twice.
            one = self.alias("one")
            too_many = f"error({self.string(scalar.too_many_message)})"
            check = f"case when len({one}) > 1 then {too_many} else {one}[1] end"
            return _Typed(f"list_transform([{items.sql}], lambda {one}: {check})[1]", items.shape)
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
