"""Snowflake: VARIANT paths; LATERAL FLATTEN unnests an array with its index."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from aegis.views.plan import SqlType
from aegis.views.render.base import SqlRenderer


class SnowflakeRenderer(SqlRenderer):
    engine = "snowflake"

    TYPES: ClassVar[Mapping[SqlType, str]] = {
        SqlType.TEXT: "varchar",
        SqlType.INTEGER: "integer",
        SqlType.BIGINT: "bigint",
        SqlType.DECIMAL: "number(38, 9)",
        SqlType.BOOLEAN: "boolean",
        SqlType.TIMESTAMPTZ: "timestamp_tz",
        SqlType.JSON: "variant",
    }

    JSON_KINDS: ClassVar[Mapping[str, str]] = {
        "boolean": "is_boolean({0})",
        "number": "(is_integer({0}) or is_decimal({0}) or is_double({0}))",
        "string": "is_varchar({0})",
        "array": "is_array({0})",
        "object": "is_object({0})",
        "null": "is_null_value({0})",
    }

    def string(self, value: str) -> str:
        # Snowflake string literals treat a backslash as an escape character.
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'"

    def as_json(self, column_sql: str) -> str:
        return f"cast({column_sql} as variant)"

    def json_field(self, item_sql: str, name: str) -> str:
        # get_path with a quoted key rather than get(): fakesnow mis-parses `get(...) is not null`.
        return self.json_path(item_sql, (name,))

    def json_path(self, item_sql: str, names: tuple[str, ...]) -> str:
        if not names:
            return item_sql
        path = ".".join('"' + name.replace('"', '""') + '"' for name in names)
        return f"get_path({item_sql}, {self.string(path)})"

    def json_path_to(self, item_sql: str, names: tuple[str, ...], type_: SqlType) -> str:
        # A cast of a path read straight from the VARIANT (get_path(...)::varchar) unquotes a string in one
        # step; it is also the form fakesnow translates faithfully (DuckDB's ->>).
        if not names:
            return self.json_to(item_sql, type_)
        return self.json_to(self.json_path(item_sql, names), type_)

    def json_items(self, json_sql: str) -> str:
        return (
            "select flattened_.value as value, flattened_.index + 1 as ord\n"
            f"from table(flatten(input => case when is_array({json_sql}) then {json_sql} "
            f"when {json_sql} is not null then array_construct({json_sql}) end)) as flattened_\n"
            "where flattened_.value is not null and not is_null_value(flattened_.value)"
        )

    def json_array_items(self, array_sql: str) -> str:
        # flatten of the field itself (not of a CASE over it, which fakesnow mistranslates).
        return (
            "select flattened_.value as value, flattened_.index + 1 as ord\n"
            f"from table(flatten(input => {array_sql})) as flattened_\n"
            "where not is_null_value(flattened_.value)"
        )

    def json_to(self, item_sql: str, type_: SqlType) -> str:
        if type_ is SqlType.JSON:
            return item_sql
        if type_ is SqlType.TIMESTAMPTZ:
            return f"to_timestamp_tz(cast({item_sql} as varchar))"
        return f"cast({item_sql} as {self.TYPES[type_]})"

    def json_array_agg(self, value_sql: str, ord_sql: str) -> str:
        return f"coalesce(array_agg({value_sql}) within group (order by {ord_sql}), array_construct())"

    def string_agg(self, text_sql: str, separator_sql: str, ord_sql: str) -> str:
        return f"listagg({text_sql}, {separator_sql}) within group (order by {ord_sql})"

    def regex_matches(self, text_sql: str, pattern: str) -> str:
        return f"regexp_like({text_sql}, {self.string(pattern)})"

    def regex_group(self, text_sql: str, pattern: str) -> str:
        return f"regexp_substr({text_sql}, {self.string(pattern)}, 1, 1, 'e', 1)"

    def fail(self, message: str) -> str:
        # No raise function in a Snowflake expression: a message that is not a boolean fails the cast.
        return f"cast(concat({self.string(message)}, '') as boolean)"
