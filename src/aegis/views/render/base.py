"""Render a ViewPlan as one SQL query. The walk over the plan is shared; each engine spells the primitives.

A renderer decides nothing about meaning: every plan node becomes the same shape of SQL on every engine
(scalar subqueries over `(value, ord)` rows, lateral joins for nested selections, UNION ALL, a recursive
CTE for `repeat`). What differs per engine is only how JSON is read, unnested and aggregated, how a
regular expression is applied and how a runtime error is raised: the abstract methods below.
"""

from __future__ import annotations

import itertools
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from aegis.views.plan import (
    REFERENCE_ID_GROUP,
    Arithmetic,
    Bound,
    Case,
    Cast,
    Children,
    Collection,
    Compare,
    Concat,
    CountItems,
    EachItem,
    Exists,
    Fail,
    FieldValue,
    Filter,
    FocusItem,
    IsJsonKind,
    IsNull,
    JoinText,
    JsonArray,
    JsonValue,
    Let,
    Literal,
    Logical,
    Not,
    PathValue,
    ReferenceKey,
    RegexGroup,
    RegexMatches,
    RepeatItems,
    RepeatText,
    RowIndex,
    SameFocus,
    Scalar,
    Selection,
    SingleItem,
    SqlType,
    Substring,
    TextLength,
    UnionAll,
    ViewPlan,
    reference_pattern,
)

# Width of each zero-padded part of a repeat's sort key: a path number, then an item position.
SORT_KEY_PATH_WIDTH = 4
SORT_KEY_POSITION_WIDTH = 10


@dataclass(frozen=True)
class SqlSource:
    """Where the resources are: `relation` (SQL text, e.g. a table name or a dbt `{{ source(...) }}`) with
    one row per resource, its JSON in `resource_column`. The view's resource type is selected by
    `resource_type_column` when given (the landing tables have one), else by the JSON's resourceType.
    Column names are SQL as written (quote them yourself if they need it)."""

    relation: str
    resource_column: str = "resource"
    resource_type_column: str | None = "resource_type"
    # Columns of `relation` output as they are, before the view's columns (e.g. the landing envelope's
    # resource_id, version_id, received_at for incremental loads and version de-duplication).
    passthrough_columns: tuple[str, ...] = ()


class SqlRenderer(ABC):
    """The shared walk over a ViewPlan; subclasses spell the engine-specific primitives."""

    engine: str

    def __init__(self) -> None:
        self._aliases = itertools.count()
        # SQL of a variable's item and %rowIndex where it is not `<var>.value` / `<var>.row_index`: the
        # selections read in place of the resource row, and the lambda parameters of list functions.
        self._items: dict[str, str] = {}
        self._row_indexes: dict[str, str] = {}

    # --- engine primitives ----------------------------------------------------------------------

    # The engine's SQL type for each plan type, and a test per JSON kind ("{0}" is the JSON item).
    TYPES: ClassVar[Mapping[SqlType, str]]
    JSON_KINDS: ClassVar[Mapping[str, str]]

    def sql_type(self, type_: SqlType) -> str:
        return self.TYPES[type_]

    def json_is(self, item_sql: str, kind: str) -> str:
        return "(" + self.JSON_KINDS[kind].format(item_sql) + ")"

    @abstractmethod
    def as_json(self, column_sql: str) -> str:
        """The resource column as the engine's JSON type."""

    @abstractmethod
    def json_field(self, item_sql: str, name: str) -> str: ...

    @abstractmethod
    def json_items(self, json_sql: str) -> str:
        """A subquery of rows (value, ord): the elements of a JSON array, or the value itself when it is not
        an array; no row for NULL or a JSON null. `ord` orders the rows."""

    @abstractmethod
    def json_to(self, item_sql: str, type_: SqlType) -> str: ...

    @abstractmethod
    def json_array_agg(self, value_sql: str, ord_sql: str) -> str:
        """Aggregate: the values as a JSON array in `ord` order; [] (not NULL) when there is no row."""

    @abstractmethod
    def string_agg(self, text_sql: str, separator_sql: str, ord_sql: str) -> str: ...

    @abstractmethod
    def regex_matches(self, text_sql: str, pattern: str) -> str: ...

    @abstractmethod
    def regex_group(self, text_sql: str, pattern: str) -> str: ...

    def reference_key(self, text_sql: str, resource_type: str | None) -> str:
        """getReferenceKey of reference text `text_sql`: its id when it is a literal reference (to
        `resource_type`), else NULL."""
        matches = self.regex_matches(text_sql, reference_pattern(resource_type))
        return f"case when {matches} then {self.regex_group(text_sql, REFERENCE_ID_GROUP)} end"

    @abstractmethod
    def fail(self, message: str) -> str:
        """A BOOLEAN expression that raises an error with `message` when evaluated."""

    def string(self, value: str) -> str:
        return "'" + value.replace("'", "''") + "'"

    def identifier(self, name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    def json_path(self, item_sql: str, names: tuple[str, ...]) -> str:
        """PathValue: the JSON at `names` (each step one object key, none an array) of `item_sql`."""
        for name in names:
            item_sql = self.json_field(item_sql, name)
        return item_sql

    def json_path_to(self, item_sql: str, names: tuple[str, ...], type_: SqlType) -> str:
        """JsonValue(PathValue): the JSON at `names` converted to `type_` (engines read text in one step)."""
        return self.json_to(self.json_path(item_sql, names), type_)

    def item(self, var: str) -> str:
        return self._items.get(var, f"{var}.value")

    def row_index(self, var: str) -> str:
        return self._row_indexes.get(var, f"{var}.row_index")

    def lateral(self, subquery: str, alias: str) -> str:
        return f"cross join lateral (\n{_indent(subquery)}\n) as {alias}"

    # --- the walk -------------------------------------------------------------------------------

    def render(self, plan: ViewPlan, source: SqlSource) -> str:
        """One SELECT statement (no WITH), so that it can also be the body of a CTE in a dbt model."""
        self._aliases = itertools.count()
        self._items, self._row_indexes = {}, {}
        resource = plan.resource_var
        view_alias = self.alias("v")
        carried = [f"{resource}.{name}" for name in source.passthrough_columns]
        in_place = _same_focus_selections(plan.root)
        if in_place is not None:
            # No iteration anywhere: every column is read from the resource row itself, no lateral join.
            for selection in in_place:
                self._items[selection.var] = self.item(resource)
                self._row_indexes[selection.var] = self.row_index(resource)
            values = {
                value.column.name: f"{self.scalar(value.expression)} as {self.identifier(value.column.name)}"
                for selection in in_place
                for value in selection.columns
            }
            columns = carried + [values[column.name] for column in plan.output]
            rows = ""
        else:
            columns = carried + [f"{view_alias}.{self.identifier(column.name)}" for column in plan.output]
            rows = self.lateral(self.selection(plan.root), view_alias) + "\n"
        where = self.where_clause(plan)
        # After every expression is rendered: resource_rows() may depend on what they read.
        return (
            "select\n"
            + _indent(",\n".join(columns))
            + "\nfrom (\n"
            + _indent(self.resource_rows(plan, source))
            + f"\n) as {resource}\n"
            + rows
            + (f"{where.lstrip()}\n" if where else "")
        )

    def where_clause(self, plan: ViewPlan) -> str:
        """The view's `where` conditions as a WHERE clause on the resource rows, each on a line of its own
        ('' when it has none)."""
        return "".join(
            ("\nwhere " if index == 0 else "\n    and ") + self.scalar(condition)
            for index, condition in enumerate(plan.where)
        )

    def type_filter(self, plan: ViewPlan, source: SqlSource) -> str:
        """The condition that keeps the view's resource type."""
        if source.resource_type_column:
            return f"{source.resource_type_column} = {self.string(plan.resource_type)}"
        resource_type = self.json_path_to(
            self.as_json(source.resource_column), ("resourceType",), SqlType.TEXT
        )
        return f"{resource_type} = {self.string(plan.resource_type)}"

    def resource_rows(self, plan: ViewPlan, source: SqlSource) -> str:
        """The SELECT of the resource rows of the view's type: `value` (the resource JSON), `row_index` 0,
        what resource_columns() adds, then the passthrough columns. Rendered after every expression."""
        resource_select = [f"{self.as_json(source.resource_column)} as value", "0 as row_index"]
        resource_select.extend(self.resource_columns(source))
        resource_select.extend(source.passthrough_columns)
        return (
            f"select {', '.join(resource_select)}\n"
            f"from {source.relation}\n"
            f"where {self.type_filter(plan, source)}"
        )

    def resource_columns(self, source: SqlSource) -> list[str]:
        """Columns the resource row carries besides `value` and `row_index` (none by default): an engine
        may read something of the resource once there instead of in every expression."""
        return []

    def alias(self, prefix: str) -> str:
        # Plan variables are f<n>, t<n>, w<n>, b<n> and r; renderer aliases end in an underscore: never the same.
        return f"{prefix}{next(self._aliases)}_"

    def selection(self, selection: Selection) -> str:
        rows = self.selection_rows(selection)
        foci = selection.foci
        if not (isinstance(foci, EachItem) and foci.or_null):
            return rows
        # forEachOrNull over nothing: exactly one row, every column NULL (a %rowIndex column 0).
        nulls = ", ".join(
            ("0" if column.is_row_index else f"cast(null as {self.sql_type(column.type)})")
            + f" as {self.identifier(column.name)}"
            for column in selection.output
        )
        return f"{rows}\nunion all\nselect {nulls}\nwhere not exists (\n{_indent(self.collection(foci.items))}\n)"

    def selection_rows(self, selection: Selection) -> str:
        var = selection.var
        select_list = [
            f"{self.scalar(value.expression)} as {self.identifier(value.column.name)}"
            for value in selection.columns
        ]
        joins = []
        for child in selection.children:
            alias = self.alias("s")
            select_list.extend(f"{alias}.{self.identifier(column.name)}" for column in child.output)
            joins.append(self.lateral(self.child(child), alias))
        lines = [
            "select",
            _indent(",\n".join(select_list) or "1 as no_columns"),
            f"from (\n{_indent(self.foci(selection))}\n) as {var}",
        ]
        lines.extend(joins)
        return "\n".join(lines)

    def child(self, child: Selection | UnionAll) -> str:
        if isinstance(child, Selection):
            return self.selection(child)
        return "\nunion all\n".join(f"(\n{_indent(self.selection(branch))}\n)" for branch in child.branches)

    def foci(self, selection: Selection) -> str:
        foci = selection.foci
        if isinstance(foci, SameFocus):
            return f"select {self.item(foci.parent)} as value, {self.row_index(foci.parent)} as row_index"
        if isinstance(foci, EachItem):
            items = self.alias("i")
            return (
                f"select {items}.value as value, row_number() over (order by {items}.ord) - 1 as row_index\n"
                f"from (\n{_indent(self.collection(foci.items))}\n) as {items}"
            )
        return self.repeat(foci)

    def repeat(self, foci: RepeatItems) -> str:
        tree, step, found = self.alias("tree"), foci.step_var, self.alias("c")
        steps = "\nunion all\n".join(
            f"select {index} as path_number, {item}.value, {item}.ord\nfrom (\n{_indent(self.collection(items))}\n) as {item}"
            for index, items in enumerate(foci.steps)
            for item in [self.alias("p")]
        )
        key = (
            f"lpad(cast({found}.path_number as varchar), {SORT_KEY_PATH_WIDTH}, '0')"
            f" || lpad(cast({found}.ord as varchar), {SORT_KEY_POSITION_WIDTH}, '0')"
        )
        return (
            f"with recursive {tree}(value, sort_key) as (\n"
            f"    select {found}.value, {key}\n"
            f"    from (select {self.item(foci.parent)} as value) as {step}\n"
            f"{_indent(self.lateral(steps, found))}\n"
            "    union all\n"
            f"    select {found}.value, {step}.sort_key || {key}\n"
            f"    from {tree} as {step}\n"
            f"{_indent(self.lateral(steps, found))}\n"
            ")\n"
            f"select value, row_number() over (order by sort_key) - 1 as row_index\nfrom {tree}"
        )

    # collections: subqueries of (value, ord)

    def collection(self, collection: Collection) -> str:
        if isinstance(collection, FocusItem):
            item = self.item(collection.var)
            return f"select {item} as value, 1 as ord where {item} is not null"
        if isinstance(collection, Children) and collection.array is not None:
            return self.known_children(collection)
        if isinstance(collection, Children):
            if isinstance(collection.source, FocusItem):
                return self.json_items(self.json_field(self.item(collection.source.var), collection.name))
            parent, child = self.alias("s"), self.alias("e")
            return (
                f"select {child}.value as value, row_number() over (order by {parent}.ord, {child}.ord) as ord\n"
                f"from (\n{_indent(self.collection(collection.source))}\n) as {parent}\n"
                + self.lateral(self.json_items(self.json_field(f"{parent}.value", collection.name)), child)
            )
        if isinstance(collection, Filter):
            var = collection.var
            return (
                f"select {var}.value as value, {var}.ord as ord\n"
                f"from (\n{_indent(self.collection(collection.source))}\n) as {var}\n"
                f"where {self.scalar(collection.condition)}"
            )
        numbered, items = self.alias("n"), self.alias("x")
        direction = " desc" if collection.from_end else ""
        return (
            f"select {numbered}.value as value, {numbered}.ord as ord\n"
            f"from (\n"
            f"    select {items}.value, {items}.ord, row_number() over (order by {items}.ord{direction}) as position\n"
            f"    from (\n{_indent(self.collection(collection.source), 8)}\n    ) as {items}\n"
            f") as {numbered}\n"
            f"where {numbered}.position = {collection.position + 1}"
        )

    def json_array_items(self, array_sql: str) -> str:
        """Rows (value, ord) of a field the R4 model declares an array (no test of its JSON kind)."""
        return self.json_items(array_sql)

    def known_children(self, children: Children) -> str:
        """Children whose cardinality the R4 model gives: an array field is unnested as such, a single field
        is read in place (no unnesting)."""
        if isinstance(children.source, FocusItem):
            parent, rows, ord_sql = self.item(children.source.var), "", "1"
        else:
            alias = self.alias("s")
            parent, ord_sql = f"{alias}.value", f"{alias}.ord"
            rows = f"from (\n{_indent(self.collection(children.source))}\n) as {alias}\n"
        field = self.json_field(parent, children.name)
        if children.array:
            child = self.alias("e")
            order = f"{ord_sql}, {child}.ord" if rows else f"{child}.ord"
            join = self.lateral(self.json_array_items(field), child) if rows else ""
            if not rows:
                return self.json_array_items(field)
            return f"select {child}.value as value, row_number() over (order by {order}) as ord\n{rows}{join}"
        present = f"{field} is not null and not {self.json_is(field, 'null')}"
        return f"select {field} as value, {ord_sql} as ord\n{rows}where {present}"

    def single_item(self, rows: str, alias: str, too_many_message: str | None) -> str:
        """The only `value` of `rows` (a FROM clause aliased `alias`); more than one fails (no check when
        `too_many_message` is None: the plan proved at most one)."""
        if too_many_message is None:
            return f"(\n    select any_value({alias}.value)\n{_indent(rows)}\n)"
        too_many = f"case when count(*) > 1 then {self.fail(too_many_message)} else true end"
        return f"(\n    select any_value({alias}.value)\n{_indent(rows)}\n    having {too_many}\n)"

    def field_value(self, field_sql: str, too_many_message: str) -> str:
        """FieldValue: the field unless it is an array or a JSON null (engines with list functions
        override this to avoid the subquery altogether)."""
        elements = self.json_items(field_sql)
        alias = self.alias("x")
        rows = f"from (\n{_indent(elements)}\n) as {alias}"
        return (
            f"case when {self.json_is(field_sql, 'array')} then {self.single_item(rows, alias, too_many_message)}\n"
            f"when {self.json_is(field_sql, 'null')} then null else {field_sql} end"
        )

    def over(self, collection: Collection) -> tuple[str, str]:
        """(FROM clause over the collection's rows, their alias)."""
        alias = self.alias("x")
        return f"from (\n{_indent(self.collection(collection))}\n) as {alias}", alias

    # scalars

    def scalar(self, scalar: Scalar) -> str:
        if isinstance(scalar, Literal):
            return self.literal(scalar)
        if isinstance(scalar, RowIndex):
            return self.row_index(scalar.var)
        if isinstance(scalar, SingleItem):
            return self.single_item(*self.over(scalar.source), scalar.too_many_message)
        if isinstance(scalar, FieldValue):
            return self.field_value(
                self.json_field(self.item(scalar.var), scalar.name), scalar.too_many_message
            )
        if isinstance(scalar, PathValue):
            return self.json_path(self.path_base(scalar), scalar.names)
        if isinstance(scalar, JsonValue):
            if isinstance(scalar.item, PathValue):
                return self.json_path_to(self.path_base(scalar.item), scalar.item.names, scalar.type)
            return self.json_to(self.scalar(scalar.item), scalar.type)
        if isinstance(scalar, IsJsonKind):
            return self.json_is(self.scalar(scalar.item), scalar.kind)
        if isinstance(scalar, Cast):
            return f"cast({self.scalar(scalar.operand)} as {self.sql_type(scalar.type)})"
        if isinstance(scalar, Compare | Arithmetic):
            return f"({self.scalar(scalar.left)} {scalar.operator} {self.scalar(scalar.right)})"
        if isinstance(scalar, Concat):
            return "(" + " || ".join(f"coalesce({self.scalar(part)}, '')" for part in scalar.parts) + ")"
        if isinstance(scalar, Logical):
            return f"({self.scalar(scalar.left)} {scalar.operator} {self.scalar(scalar.right)})"
        if isinstance(scalar, Not):
            return f"(not {self.scalar(scalar.operand)})"
        if isinstance(scalar, IsNull):
            return f"({self.scalar(scalar.operand)} is null)"
        if isinstance(scalar, Case):
            whens = " ".join(
                f"when {self.scalar(condition)} then {self.scalar(value)}"
                for condition, value in scalar.whens
            )
            otherwise = f" else {self.scalar(scalar.otherwise)}" if scalar.otherwise is not None else ""
            return f"case {whens}{otherwise} end"
        if isinstance(scalar, Exists):
            return f"exists (\n{_indent(self.collection(scalar.source))}\n)"
        if isinstance(scalar, CountItems):
            rows, alias = self.over(scalar.source)
            return f"(\n    select count(*)\n{_indent(rows)}\n)"
        if isinstance(scalar, JoinText):
            rows, alias = self.over(scalar.source)
            text = self.json_to(f"{alias}.value", SqlType.TEXT)
            joined = self.string_agg(text, self.string(scalar.separator), f"{alias}.ord")
            return f"(\n    select coalesce({joined}, '')\n{_indent(rows)}\n)"
        if isinstance(scalar, JsonArray):
            rows, alias = self.over(scalar.source)
            return (
                f"(\n    select {self.json_array_agg(f'{alias}.value', f'{alias}.ord')}\n{_indent(rows)}\n)"
            )
        if isinstance(scalar, RegexMatches):
            return self.regex_matches(self.scalar(scalar.text), scalar.pattern)
        if isinstance(scalar, RegexGroup):
            return self.regex_group(self.scalar(scalar.text), scalar.pattern)
        if isinstance(scalar, ReferenceKey):
            return self.reference_key(self.scalar(scalar.text), scalar.resource_type)
        if isinstance(scalar, Bound):
            return self.item(scalar.var)
        if isinstance(scalar, Let):
            return (
                f"(\n    select {self.scalar(scalar.body)}\n"
                f"    from (select {self.scalar(scalar.value)} as value) as {scalar.var}\n)"
            )
        if isinstance(scalar, TextLength):
            return f"length({self.scalar(scalar.text)})"
        if isinstance(scalar, Substring):
            length = "" if scalar.length is None else f", {scalar.length}"
            return f"substr({self.scalar(scalar.text)}, {scalar.start}{length})"
        if isinstance(scalar, RepeatText):
            return f"repeat({self.scalar(scalar.text)}, {self.scalar(scalar.count)})"
        if isinstance(scalar, Fail):
            return self.fail(scalar.message)
        raise TypeError(f"unknown plan node {scalar!r}")

    def path_base(self, path: PathValue) -> str:
        return self.item(path.base) if isinstance(path.base, str) else self.scalar(path.base)

    def literal(self, literal: Literal) -> str:
        value = literal.value
        if value is None:
            return f"cast(null as {self.sql_type(literal.type)})"
        if isinstance(value, bool):
            rendered = "true" if value else "false"
        elif isinstance(value, int | Decimal):
            rendered = str(value)
        else:
            rendered = self.string(value)
        if literal.type in (SqlType.TEXT, SqlType.BOOLEAN):
            return rendered
        return f"cast({rendered} as {self.sql_type(literal.type)})"


def _same_focus_selections(root: Selection) -> list[Selection] | None:
    """The selections of a plan without iteration (no forEach, repeat or unionAll anywhere), in output
    order, or None: such a view has one row per resource, read in place."""
    found: list[Selection] = []

    def visit(selection: Selection) -> bool:
        if not isinstance(selection.foci, SameFocus):
            return False
        found.append(selection)
        return all(isinstance(child, Selection) and visit(child) for child in selection.children)

    return found if visit(root) else None


def _indent(text: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line else line for line in text.split("\n"))
