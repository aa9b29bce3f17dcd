"""DuckDB: the JSON extension's functions; json_each unnests an array with its positions.

DuckDB's JSON is text: every json_extract parses its document again. The resource's top-level elements that
the view reads are therefore extracted once per resource, in one parse (`json_extract(value, [paths])`, the
resource row's `keys_`), and every path into the resource is read from its element's (small) JSON instead
of the whole resource: the staging views read 5-12 elements of each resource in 8-19 places."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import ClassVar

from aegis.views.plan import (
    Cast,
    Children,
    Collection,
    EachItem,
    Exists,
    FieldValue,
    Filter,
    FocusItem,
    ItemAt,
    JsonValue,
    Let,
    PathValue,
    ReferenceKey,
    RegexGroup,
    RegexMatches,
    SameFocus,
    Scalar,
    Selection,
    SingleItem,
    SqlType,
    ViewPlan,
    reference_pattern,
)
from aegis.views.render.base import SqlRenderer, SqlSource, _indent

# Whether an item that json_extract gave is not a JSON null, by its text: json_extract writes every value it
# returns again (minified), so a JSON null is exactly `null`. json_type would parse the item once more; this
# test runs on every item of every list the staging views read. At 100,000 patients the EOB lines' select
# went 8.3 -> 6.9 s and the staging selects 31.5 -> 29.6 s, the same rows (EXCEPT ALL both ways).
_NOT_JSON_NULL = "cast({0} as varchar) <> 'null'"


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
        # The forEach item of render_one_each (`r.each<n>_.value`) and its elements read, extracted once per
        # item as the resource's are (`r.each<n>_.keys_`).
        self._item_keys: dict[str, dict[str, int]] = {}

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
        try:
            self._resource_items, self._resource_keys = {f"{plan.resource_var}.value"}, {}
            self._item_keys = {}
            flat = self.render_one_each(plan, source)
            if flat is not None:
                return flat
            self._resource_items, self._resource_keys = {f"{plan.resource_var}.value"}, {}
            return super().render(plan, source)
        finally:
            self._resource_items, self._item_keys = set(), {}

    def render_one_each(self, plan: ViewPlan, source: SqlSource) -> str | None:
        """A view whose only iteration is one `forEach`/`forEachOrNull` over a list the R4 model knows (the
        EOB lines' `item`) as `unnest` of that list on the resource row, every column in one select: no
        lateral join (on the EOB lines DuckDB's plan of those kept to one core, and parsed each item again
        per column). None when the view has other iteration (the lateral joins of the shared walk then).

        The rows are those of the shared walk: each item with its 0-based position (%rowIndex) among the
        non-null items, cross joined with the one row of every selection on the same focus; for
        `forEachOrNull` over no item, one row whose columns under the forEach are NULL (a %rowIndex column
        0) and are not evaluated, as the spec's null row."""
        ordered = _one_each_selections(plan.root)
        if ordered is None:
            return None
        self._aliases = itertools.count()
        self._items, self._row_indexes = {}, {}
        resource = plan.resource_var
        each, foreach = _the_foreach(ordered)
        item, position, each_alias = self.alias("item"), self.alias("position"), self.alias("each")
        item_keys: dict[str, int] = {}
        listed: str | None = None
        # Parents first: the forEach's list reads its parent's item, the selections under it read its item.
        for selection, _ in ordered:
            if isinstance(selection.foci, SameFocus):
                self._items[selection.var] = self.item(selection.foci.parent)
                self._row_indexes[selection.var] = self.row_index(selection.foci.parent)
                continue
            listed = self.items_list(foreach.items)
            if listed is None:
                return None
            self._items[each.var] = f"{resource}.{each_alias}.value"
            self._item_keys[self._items[each.var]] = item_keys
            self._row_indexes[each.var] = f"{resource}.{each_alias}.row_index"
        assert listed is not None
        present = f"{resource}.{each_alias}.row_index is not null"
        values = self.each_columns(ordered, foreach.or_null, present)
        where = self.where_clause(plan)
        # Each item's elements that the columns read, in one parse of the item (as the resource's keys_).
        element_paths = ", ".join(self.string(_json_path((name,))) for name in item_keys)
        keys = f", keys_ := json_extract({item}, [{element_paths}])" if item_keys else ""
        no_keys = ", keys_ := cast(null as json[])" if item_keys else ""
        numbered = (
            f"list_transform({{0}}, lambda {item}, {position}: "
            f"struct_pack(value := {item}, row_index := {position} - 1{keys}))"
        )
        none = f"struct_pack(value := cast(null as json), row_index := cast(null as bigint){no_keys})"
        rows = self.each_rows(
            resource,
            each_alias,
            (listed, numbered, none),
            self.resource_rows(plan, source),
            where,
            foreach.or_null,
        )
        return self.select_columns(plan, source, values, rows)

    def each_rows(
        self,
        resource: str,
        each_alias: str,
        listing: tuple[str, str, str],
        resource_rows: str,
        where: str,
        or_null: bool,
    ) -> str:
        """The resource rows (`resource_rows`, kept by `where`) each cross joined with the items of the forEach
        as `<each_alias>` (`unnest` of the numbered list). `listing` is (the list, the numbering with {0} for
        the list, the null row's struct with {0} for the bound list). For forEachOrNull over no item, one
        row whose struct is the null row."""
        listed, numbered, none = listing
        # Concatenated, not formatted: the rows' SQL may hold braces (a from_json structure).
        rows_from = f"\nfrom (\n{_indent(resource_rows)}\n) as {resource}{where}"
        if not or_null:
            inner, unnested = f"select {resource}.*" + rows_from, numbered.format(listed)
        else:
            # The list bound once as a column: a CASE would compute it twice.
            items = self.alias("items")
            inner = f"select {resource}.*, {listed} as {items}" + rows_from
            bound = f"{resource}.{items}"
            unnested = (
                f"case when len({bound}) > 0 then {numbered.format(bound)} else [{none.format(bound)}] end"
            )
        return f"select {resource}.*, unnest({unnested}) as {each_alias}\nfrom (\n{_indent(inner)}\n) as {resource}"

    def select_columns(self, plan: ViewPlan, source: SqlSource, values: dict[str, str], rows: str) -> str:
        """The view's select: the passthrough columns, then its columns (`values`, by name) in order."""
        resource = plan.resource_var
        carried = [f"{resource}.{name}" for name in source.passthrough_columns]
        columns = carried + [values[column.name] for column in plan.output]
        return "select\n" + _indent(",\n".join(columns)) + f"\nfrom (\n{_indent(rows)}\n) as {resource}\n"

    def one_of(self, items: str, too_many_message: str, error_type: str | None) -> str:
        """The only item of list `items` (NULL when empty); more than one raises `too_many_message`. The list
        is bound once to a lambda parameter (a one-item list transformed): written twice in a CASE it would
        be computed twice. `error_type` casts the error where the CASE needs its type spelled."""
        raised = f"error({self.string(too_many_message)})"
        too_many = f"cast({raised} as {error_type})" if error_type else raised
        bound = self.alias("one")
        check = f"case when len({bound}) > 1 then {too_many} else {bound}[1] end"
        return f"list_transform([{items}], lambda {bound}: {check})[1]"

    def each_columns(
        self, ordered: list[tuple[Selection, bool]], or_null: bool, present: str
    ) -> dict[str, str]:
        """Column name -> its select item, for a view of one forEach (`ordered` as _one_each_selections
        gives). Under a forEachOrNull, a column is NULL on the null row (`present` false; a %rowIndex
        column 0)."""
        item_vars = {selection.var for selection, under_each in ordered if under_each}
        values: dict[str, str] = {}
        for selection, under_each in ordered:
            for value in selection.columns:
                sql = self.scalar(value.expression)
                # NULL on the null row without a CASE where its value is NULL whenever the item is (a CASE
                # around the list lambdas cost the EOB lines a third of their CPU).
                strict = not value.column.is_row_index and _null_on_null_item(value.expression, item_vars)
                if under_each and or_null and not strict:
                    otherwise = " else 0" if value.column.is_row_index else ""
                    sql = f"case when {present} then {sql}{otherwise} end"
                values[value.column.name] = f"{sql} as {self.identifier(value.column.name)}"
        return values

    def resource_columns(self, source: SqlSource) -> list[str]:
        if not self._resource_keys:
            # carried by a selection on the same focus that read no element
            return ["cast([] as json[]) as keys_"] if len(self._resource_items) > 1 else []
        paths = ", ".join(self.string(_json_path((name,))) for name in self._resource_keys)
        return [f"json_extract({self.as_json(source.resource_column)}, [{paths}]) as keys_"]

    def resource_rows(self, plan: ViewPlan, source: SqlSource) -> str:
        if source.resource_type_column:
            return super().resource_rows(plan, source)
        # The resource type is read from the same parse as the elements the view reads (`keys_`), in a
        # derived table: a filter on the whole resource would parse every resource once more.
        position = self._resource_keys.setdefault("resourceType", len(self._resource_keys) + 1)
        inner = [f"{self.as_json(source.resource_column)} as value", *self.resource_columns(source)]
        inner.extend(source.passthrough_columns)
        outer = ["value", "0 as row_index", "keys_", *source.passthrough_columns]
        resource_type = f"json_extract_string(keys_[{position}], '$')"
        return (
            f"select {', '.join(outer)}\n"
            f"from (\n    select {', '.join(inner)}\n    from {source.relation}\n) as typed_\n"
            f"where {resource_type} = {self.string(plan.resource_type)}"
        )

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
        if item_sql in self._item_keys and steps:
            keys = self._item_keys[item_sql]
        elif item_sql in self._resource_items and steps:
            keys = self._resource_keys
        else:
            return item_sql, _json_path(steps)
        (name, is_array), rest = steps[0], steps[1:]
        position = keys.setdefault(name, len(keys) + 1)
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
                return self.one_of(items, scalar.too_many_message, "json")
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
        return f"list_filter({items}, lambda item_: {_NOT_JSON_NULL.format('item_')})"

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
        elements = f"list_filter(json_extract({field_sql}, '$[*]'), lambda element_: {_NOT_JSON_NULL.format('element_')})"
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

    def reference_key(self, text_sql: str, resource_type: str | None) -> str:
        # An id has no `/`, so a matched reference's id is its last segment, or the third from last when
        # it is versioned: DuckDB's regexp_extract (a capture group) cost twice the whole match.
        plain, versioned = (reference_pattern(resource_type, versioned=flag) for flag in (False, True))
        return (
            f"case when {self.regex_matches(text_sql, plain)} then split_part({text_sql}, '/', -1) "
            f"when {self.regex_matches(text_sql, versioned)} then split_part({text_sql}, '/', -3) end"
        )

    def fail(self, message: str) -> str:
        return f"cast(error({self.string(message)}) as boolean)"


def _json_path(steps: tuple[str, ...] | tuple[tuple[str, bool], ...]) -> str:
    """A JSONPath of object keys; `[*]` after an array step (DuckDB flattens every wildcard, in order)."""
    path = "$"
    for step in steps:
        name, is_array = (step, False) if isinstance(step, str) else step
        path += '."' + name.replace('"', '\\"') + '"' + ("[*]" if is_array else "")
    return path


def _one_each_selections(root: Selection) -> list[tuple[Selection, bool]] | None:
    """The selections of a view whose only iteration is one forEach (or forEachOrNull), parents before
    children, each with whether it is that forEach or under it; None for any other shape (no iteration,
    repeat, unionAll, or more than one forEach)."""
    found: list[tuple[Selection, bool]] = []

    def visit(selection: Selection, under_each: bool) -> bool:
        if isinstance(selection.foci, EachItem):
            if under_each or any(isinstance(seen.foci, EachItem) for seen, _ in found):
                return False
            under_each = True
        elif not isinstance(selection.foci, SameFocus):
            return False
        found.append((selection, under_each))
        return all(isinstance(child, Selection) and visit(child, under_each) for child in selection.children)

    if not visit(root, False) or not any(isinstance(selection.foci, EachItem) for selection, _ in found):
        return None
    return found


def _the_foreach(ordered: list[tuple[Selection, bool]]) -> tuple[Selection, EachItem]:
    """The forEach selection of _one_each_selections' list, and its iteration."""
    each = next(selection for selection, _ in ordered if isinstance(selection.foci, EachItem))
    assert isinstance(each.foci, EachItem)
    return each, each.foci


def _null_on_null_item(scalar: Scalar, item_vars: set[str]) -> bool:
    """Whether the rendered expression is NULL whenever the item bound to `item_vars` is NULL: a path, item
    or list read from that item (json_extract, list functions and their subqueries all give NULL or no
    item on NULL), typed or matched by a regular expression. Conservative: anything else is False."""
    if isinstance(scalar, PathValue):
        base = scalar.base
        return base in item_vars if isinstance(base, str) else _null_on_null_item(base, item_vars)
    if isinstance(scalar, FieldValue):
        return scalar.var in item_vars
    if isinstance(scalar, JsonValue):
        return _null_on_null_item(scalar.item, item_vars)
    if isinstance(scalar, Cast):
        return _null_on_null_item(scalar.operand, item_vars)
    if isinstance(scalar, RegexMatches | RegexGroup | ReferenceKey):
        return _null_on_null_item(scalar.text, item_vars)
    if isinstance(scalar, SingleItem):
        return _items_of_item(scalar.source, item_vars)
    return False


def _items_of_item(collection: Collection, item_vars: set[str]) -> bool:
    """Whether the collection is read from the item bound to `item_vars` (no item when it is NULL)."""
    while isinstance(collection, Children | Filter | ItemAt):
        collection = collection.source
    return isinstance(collection, FocusItem) and collection.var in item_vars
