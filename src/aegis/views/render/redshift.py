"""Redshift: SUPER navigation and PartiQL unnesting (`from x as a, a.items as e at i`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from aegis.views.plan import SqlType
from aegis.views.render.base import SqlRenderer


class RedshiftRenderer(SqlRenderer):
    engine = "redshift"

    TYPES: ClassVar[Mapping[SqlType, str]] = {
        SqlType.TEXT: "varchar",
        SqlType.INTEGER: "integer",
        SqlType.BIGINT: "bigint",
        SqlType.DECIMAL: "decimal(38, 9)",
        SqlType.BOOLEAN: "boolean",
        SqlType.TIMESTAMPTZ: "timestamptz",
        SqlType.JSON: "super",
    }

    JSON_KINDS: ClassVar[Mapping[str, str]] = {
        "boolean": "is_boolean({0})",
        "number": "is_number({0})",
        "string": "is_varchar({0})",
        "array": "is_array({0})",
        "object": "is_object({0})",
        "null": "json_typeof({0}) = 'null'",
    }

    def as_json(self, column_sql: str) -> str:
        return column_sql  # a SUPER column already

    def json_field(self, item_sql: str, name: str) -> str:
        return f"{item_sql}.{self.identifier(name)}"

    def json_items(self, json_sql: str) -> str:
        return (
            "select element_ as value, position_ + 1 as ord\n"
            f"from (select case when is_array({json_sql}) then {json_sql} else array({json_sql}) end as items_) as array_,\n"
            "    array_.items_ as element_ at position_\n"
            "where element_ is not null"
        )

    def json_to(self, item_sql: str, type_: SqlType) -> str:
        if type_ is SqlType.JSON:
            return item_sql
        if type_ is SqlType.TEXT:
            return f"case when is_varchar({item_sql}) then cast({item_sql} as varchar) else json_serialize({item_sql}) end"
        if type_ is SqlType.TIMESTAMPTZ:
            return f"cast(cast({item_sql} as varchar) as timestamptz)"
        return f"cast({item_sql} as {self.TYPES[type_]})"

    def json_array_agg(self, value_sql: str, ord_sql: str) -> str:
        serialized = f"listagg(json_serialize({value_sql}), ',') within group (order by {ord_sql})"
        return f"json_parse('[' || coalesce({serialized}, '') || ']')"

    def string_agg(self, text_sql: str, separator_sql: str, ord_sql: str) -> str:
        return f"listagg({text_sql}, {separator_sql}) within group (order by {ord_sql})"

    def regex_matches(self, text_sql: str, pattern: str) -> str:
        return f"({text_sql} ~ {self.string(pattern)})"

    def regex_group(self, text_sql: str, pattern: str) -> str:
        return f"regexp_substr({text_sql}, {self.string(pattern)}, 1, 1, 'e')"

    def fail(self, message: str) -> str:
        return f"cast(concat({self.string(message)}, '') as boolean)"
