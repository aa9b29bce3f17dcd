"""DuckDB: the JSON extension's functions; json_each unnests an array with its positions.

DuckDB's JSON is text: every json_extract parses its document again. The resource's top-level elements that
the view reads are therefore extracted once per resource, in one parse (`json_extract(value, [paths])`, the
resource row's `keys_`), and every path into the resource is read from its element's (small) JSON instead
of the whole resource: the staging views read 5-12 elements of each resource in 8-19 places."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from aegis.views.plan import (
    Children,
    Collection,
    Exists,
    Filter,
    FocusItem,
    ItemAt,
    Let,
    SameFocus,
    Scalar,
    Selection,
    SingleItem,
    SqlType,
    ViewPlan,
)
from aegis.views.render.base import SqlRenderer, SqlSource


class _NotInline(Exception):
    """A collection needs a subquery: it cannot be a list expression (inside a lambda)."""


class DuckDBRenderer(SqlRenderer):
    engine = "duckdb"

    def __init__(self) -> None:
        super().__init__()
        self._inline_only = False  # rendering a lambda body: a subquery raises _NotInline
        # The SQL of the resource's JSON while rendering (`r.value`, and `f0.value` of a selection on the
        # same focus, which carries `keys_` along), and top-level element -> its position in `keys_`.
        self._resource_items: set[str] = set()
        self._resource_keys: dict[str, int] = {}

    TYPES: ClassVar[Mapping[SqlType, str]] = {
        SqlType.TEXT: "varchar",
        SqlType.INTEGER: "integer",
        SqlType.BIGINT: "bigint",
        SqlType.DECIMAL: "decimal(38, 9)",
        SqlType.BOOLEAN: "boolean",
        SqlType.TIMESTAMPTZ: "timestamptz",
        SqlType.JSON: "json",
    }

    JSON_KINDS: ClassVar[Mapping[str, str]] = {
        "boolean": "json_type({0}) = 'BOOLEAN'",
        "number": "json_type({0}) in ('BIGINT', 'UBIGINT', 'DOUBLE')",
        "string": "json_type({0}) = 'VARCHAR'",
        "array": "json_type({0}) = 'ARRAY'",
        "object": "json_type({0}) = 'OBJECT'",
        "null": "json_type({0}) = 'NULL'",
    }

    def as_json(self, column_sql: str) -> str:
        return f"cast({column_sql} as json)"

    def render(self, plan: ViewPlan, source: SqlSource) -> str:
        self._resource_items, self._resource_keys = {f"{plan.resource_var}.value"}, {}
        try:
            return super().render(plan, source)
        finally:
            self._resource_items = set()

    def resource_columns(self, source: SqlSource) -> list[str]:
        if not self._resource_keys:
            # carried by a selection on the same focus that read no element
            return ["cast([] as json[]) as keys_"] if len(self._resource_items) > 1 else []
        paths = ", ".join(self.string(_json_path((name,))) for name in self._resource_keys)
        return [f"json_extract({self.as_json(source.resource_column)}, [{paths}]) as keys_"]

    def selection_rows(self, selection: Selection) -> str:
        # Before its columns and nested selections are rendered: they read the resource through it.
        foci = selection.foci
        if isinstance(foci, SameFocus) and self.item(foci.parent) in self._resource_items:
            self._resource_items.add(f"{selection.var}.value")
        return super().selection_rows(selection)

    def foci(self, selection: Selection) -> str:
        foci = selection.foci
        if not isinstance(foci, SameFocus) or f"{selection.var}.value" not in self._resource_items:
            return super().foci(selection)
        parent = self.item(foci.parent)
        row = parent.removesuffix(".value")
        return f"select {parent} as value, {self.row_index(foci.parent)} as row_index, {row}.keys_ as keys_"

    def _in_resource(self, item_sql: str, steps: tuple[tuple[str, bool], ...]) -> tuple[str, str]:
        """(JSON, JSONPath) that read `steps` of `item_sql`: from the top-level element's JSON when the
        item is the resource itself (the element extracted once, `keys_`), else from the item."""
        if item_sql not in self._resource_items or not steps:
            return item_sql, _json_path(steps)
        (name, is_array), rest = steps[0], steps[1:]
        position = self._resource_keys.setdefault(name, len(self._resource_keys) + 1)
        element = f"{item_sql.removesuffix('.value')}.keys_[{position}]"
        return element, "$" + ("[*]" if is_array else "") + _json_path(rest).removeprefix("$")

    def json_field(self, item_sql: str, name: str) -> str:
        item_sql, path = self._in_resource(item_sql, ((name, False),))
        return f"json_extract({item_sql}, {self.string(path)})"

    def json_path(self, item_sql: str, names: tuple[str, ...]) -> str:
        if not names:
            return item_sql
        # A JSON null (not FHIR, but seen) is no value, as a missing element is.
        item_sql, path = self._in_resource(item_sql, tuple((name, False) for name in names))
        return f"nullif(json_extract({item_sql}, {self.string(path)}), cast('null' as json))"

    def json_path_to(self, item_sql: str, names: tuple[str, ...], type_: SqlType) -> str:
        if type_ is SqlType.JSON:
            return self.json_path(item_sql, names)
        item_sql, path = self._in_resource(item_sql, tuple((name, False) for name in names))
        text = f"json_extract_string({item_sql}, {self.string(path)})"
        return text if type_ is SqlType.TEXT else f"cast({text} as {self.TYPES[type_]})"

    # Collections whose steps the R4 model knows are DuckDB lists of JSON items, read with JSONPath
    # wildcards and list functions (no correlated subquery): `code.coding.where(system = %x).code.first()`
    # is list_filter(json_extract(value, '$.code.coding[*]'), lambda ...)[1] read at '$.code'.

    def scalar(self, scalar: Scalar) -> str:
        if (
            isinstance(scalar, SingleItem)
            and scalar.too_many_message is None
            and isinstance(scalar.source, ItemAt)
        ):
            items = self.items_list(scalar.source.source)
            if items is not None:
                position = scalar.source.position + 1
                return f"{items}[{-position if scalar.source.from_end else position}]"
        if isinstance(scalar, SingleItem) and scalar.too_many_message is not None:
            items = self.items_list(scalar.source)
            if items is not None:
                too_many = f"cast(error({self.string(scalar.too_many_message)}) as json)"
                # The list bound once to a lambda parameter (a one-item list transformed): written twice
                # in a CASE it would be computed twice, every JSON in it parsed again.
                bound = self.alias("one")
                check = f"case when len({bound}) > 1 then {too_many} else {bound}[1] end"
                return f"list_transform([{items}], lambda {bound}: {check})[1]"
        if isinstance(scalar, Exists):
            items = self.items_list(scalar.source)
            if items is not None:
                return f"(coalesce(len({items}), 0) > 0)"
        if isinstance(scalar, Let) and self._inline_only:
            raise _NotInline
        return super().scalar(scalar)

    def collection(self, collection: Collection) -> str:
        if self._inline_only:
            raise _NotInline
        return super().collection(collection)

    def single_item(self, rows: str, alias: str, too_many_message: str | None) -> str:
        if self._inline_only:
            raise _NotInline
        return super().single_item(rows, alias, too_many_message)

    def items_list(self, collection: Collection) -> str | None:
        """The items as a DuckDB list of JSON (in order, no NULL or JSON null), or None when a step is not
        known to the R4 model or a filter condition needs a subquery."""
        steps: list[tuple[str, bool]] = []
        base = collection
        while isinstance(base, Children) and base.array is not None:
            steps.append((base.name, base.array))
            base = base.source
        steps.reverse()
        element: str | None = None
        items: str | None = None
        if isinstance(base, FocusItem):
            element = self.item(base.var)
        elif isinstance(base, ItemAt):
            inner = self.items_list(base.source)
            if inner is None:
                return None
            position = base.position + 1
            element = f"{inner}[{-position if base.from_end else position}]"
        elif isinstance(base, Filter):
            inner = self.items_list(base.source)
            condition = self.inline_condition(base) if inner is not None else None
            if condition is None:
                return None
            items = f"list_filter({inner}, lambda {base.var}_: {condition})"
        else:
            return None
        if not steps:
            return items
        wildcard = any(is_array for _, is_array in steps)
        if element is not None:
            element, in_element = self._in_resource(element, tuple(steps))
            path = self.string(in_element)
            items = f"json_extract({element}, {path})" if wildcard else f"[json_extract({element}, {path})]"
        else:
            path = self.string(_json_path(tuple(steps)))
            each = self.alias("l")
            items = f"list_transform({items}, lambda {each}: json_extract({each}, {path}))"
            items = f"flatten({items})" if wildcard else items
        return f"list_filter({items}, lambda item_: json_type(item_) <> 'NULL')"

    def inline_condition(self, filtered: Filter) -> str | None:
        """The filter's condition as a lambda body over parameter `<var>_`, or None if it needs a subquery."""
        saved = self._inline_only
        self._inline_only = True
        self._items[filtered.var] = f"{filtered.var}_"
        try:
            return self.scalar(filtered.condition)
        except _NotInline:
            return None
        finally:
            self._inline_only = saved
            del self._items[filtered.var]

    def json_items(self, json_sql: str) -> str:
        return (
            "select each_.value as value, cast(each_.key as integer) + 1 as ord\n"
            f"from json_each(case when json_type({json_sql}) = 'ARRAY' then {json_sql} else json_array({json_sql}) end) as each_\n"
            "where each_.type <> 'NULL'"
        )

    def json_array_items(self, array_sql: str) -> str:
        # The R4 model says it is an array: no test of its JSON kind.
        return (
            "select each_.value as value, cast(each_.key as integer) + 1 as ord\n"
            f"from json_each({array_sql}) as each_\n"
            "where each_.type <> 'NULL'"
        )

    def field_value(self, field_sql: str, too_many_message: str) -> str:
        # DuckDB's list functions read an array field in place: no correlated subquery to decorrelate.
        elements = (
            f"list_filter(json_extract({field_sql}, '$[*]'), lambda element_: json_type(element_) <> 'NULL')"
        )
        too_many = f"cast(error({self.string(too_many_message)}) as json)"
        return (
            f"case when json_type({field_sql}) = 'ARRAY' then "
            f"(case when len({elements}) > 1 then {too_many} else {elements}[1] end)\n"
            f"when json_type({field_sql}) = 'NULL' then null else {field_sql} end"
        )

    def json_to(self, item_sql: str, type_: SqlType) -> str:
        if type_ is SqlType.JSON:
            return item_sql
        text = f"json_extract_string({item_sql}, '$')"
        return text if type_ is SqlType.TEXT else f"cast({text} as {self.TYPES[type_]})"

    def json_array_agg(self, value_sql: str, ord_sql: str) -> str:
        return f"coalesce(to_json(list({value_sql} order by {ord_sql})), cast('[]' as json))"

    def string_agg(self, text_sql: str, separator_sql: str, ord_sql: str) -> str:
        return f"string_agg({text_sql}, {separator_sql} order by {ord_sql})"

    def regex_matches(self, text_sql: str, pattern: str) -> str:
        return f"regexp_full_match({text_sql}, {self.string(pattern)})"

    def regex_group(self, text_sql: str, pattern: str) -> str:
        return f"regexp_extract({text_sql}, {self.string(pattern)}, 1)"

    def fail(self, message: str) -> str:
        return f"cast(error({self.string(message)}) as boolean)"


def _json_path(steps: tuple[str, ...] | tuple[tuple[str, bool], ...]) -> str:
    """A JSONPath of object keys; `[*]` after an array step (DuckDB flattens every wildcard, in order)."""
    path = "$"
    for step in steps:
        name, is_array = (step, False) if isinstance(step, str) else step
        path += '."' + name.replace('"', '\\"') + '"' + ("[*]" if is_array else "")
    return path
