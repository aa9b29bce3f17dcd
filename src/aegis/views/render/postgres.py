"""PostgreSQL: jsonb operators; jsonb_array_elements ... with ordinality unnests an array in order."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from aegis.views.plan import SqlType
from aegis.views.render.base import SqlRenderer


class PostgresRenderer(SqlRenderer):
    engine = "postgres"

    TYPES: ClassVar[Mapping[SqlType, str]] = {
        SqlType.TEXT: "text",
        SqlType.INTEGER: "integer",
        SqlType.BIGINT: "bigint",
        SqlType.DECIMAL: "numeric",
        SqlType.BOOLEAN: "boolean",
        SqlType.TIMESTAMPTZ: "timestamptz",
        SqlType.JSON: "jsonb",
    }
    JSON_KINDS: ClassVar[Mapping[str, str]] = {
        kind: f"jsonb_typeof({{0}}) = '{kind}'"
        for kind in ("boolean", "number", "string", "array", "object", "null")
    }

    def as_json(self, column_sql: str) -> str:
        return f"cast({column_sql} as jsonb)"

    def json_field(self, item_sql: str, name: str) -> str:
        return f"({item_sql} -> {self.string(name)})"

    def json_path(self, item_sql: str, names: tuple[str, ...]) -> str:
        # A JSON null (not FHIR, but seen) is no value, as a missing element is.
        return f"nullif({item_sql} #> {_text_array(names)}, 'null'::jsonb)" if names else item_sql

    def json_path_to(self, item_sql: str, names: tuple[str, ...], type_: SqlType) -> str:
        if type_ is SqlType.JSON:
            return self.json_path(item_sql, names)
        text = f"({item_sql} #>> {_text_array(names)})"
        return text if type_ is SqlType.TEXT else f"cast({text} as {self.TYPES[type_]})"

    def json_items(self, json_sql: str) -> str:
        return (
            "select element_.value as value, element_.ord as ord\n"
            f"from jsonb_array_elements(case when jsonb_typeof({json_sql}) = 'array' then {json_sql} "
            f"else jsonb_build_array({json_sql}) end) with ordinality as element_(value, ord)\n"
            "where jsonb_typeof(element_.value) <> 'null'"
        )

    def json_to(self, item_sql: str, type_: SqlType) -> str:
        if type_ is SqlType.JSON:
            return item_sql
        text = f"({item_sql} #>> '{{}}')"
        return text if type_ is SqlType.TEXT else f"cast({text} as {self.TYPES[type_]})"

    def json_array_agg(self, value_sql: str, ord_sql: str) -> str:
        return f"coalesce(jsonb_agg({value_sql} order by {ord_sql}), '[]'::jsonb)"

    def string_agg(self, text_sql: str, separator_sql: str, ord_sql: str) -> str:
        return f"string_agg({text_sql}, {separator_sql} order by {ord_sql})"

    def regex_matches(self, text_sql: str, pattern: str) -> str:
        return f"({text_sql} ~ {self.string(pattern)})"

    def regex_group(self, text_sql: str, pattern: str) -> str:
        # substring(... from pattern) returns the first parenthesized group of the match.
        return f"substring({text_sql} from {self.string(pattern)})"

    def fail(self, message: str) -> str:
        # PostgreSQL has no raise function usable in an expression. Casting the message to boolean fails
        # with the message quoted. concat() is not immutable, so the planner cannot fold (and raise) it
        # ahead of time in a CASE branch that is never taken.
        return f"cast(concat({self.string(message)}) as boolean)"


def _text_array(names: tuple[str, ...]) -> str:
    """A text[] literal of the path's keys, each double-quoted: '{"period","start"}'."""
    quoted = ('"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"' for name in names)
    return "'{" + ",".join(quoted).replace("'", "''") + "}'"
