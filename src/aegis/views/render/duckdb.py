"""DuckDB: the JSON extension's functions; json_each unnests an array with its positions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from aegis.views.plan import SqlType
from aegis.views.render.base import SqlRenderer


class DuckDBRenderer(SqlRenderer):
    engine = "duckdb"

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

    def json_field(self, item_sql: str, name: str) -> str:
        return f"json_extract({item_sql}, {self.string('$.' + chr(34) + name + chr(34))})"

    def json_items(self, json_sql: str) -> str:
        return (
            "select each_.value as value, cast(each_.key as integer) + 1 as ord\n"
            f"from json_each(case when json_type({json_sql}) = 'ARRAY' then {json_sql} else json_array({json_sql}) end) as each_\n"
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
