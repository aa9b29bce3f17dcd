"""The FHIRPath parser: precedence, invocations, literals, and syntax errors with their position."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aegis.views.errors import FhirPathSyntaxError
from aegis.views.fhirpath import Binary, Call, Index, Literal, Member, This, Unary, Variable, parse_fhirpath


def path(*names: str) -> Member | This:
    node: Member | This = This()
    for name in names:
        node = Member(node, name)
    return node


def test_a_path_is_a_chain_of_members_from_the_focus() -> None:
    assert parse_fhirpath("name.family") == path("name", "family")


def test_function_calls_take_their_source_and_arguments() -> None:
    assert parse_fhirpath("name.where(use = 'official').family") == Member(
        Call(path("name"), "where", (Binary("=", path("use"), Literal("official", "string")),)), "family"
    )
    assert parse_fhirpath("getResourceKey()") == Call(This(), "getResourceKey", ())


def test_indexer_binds_to_the_path_before_it() -> None:
    assert parse_fhirpath("name[1].family") == Member(Index(path("name"), Literal(1, "integer")), "family")
    assert parse_fhirpath("name[%i]") == Index(path("name"), Variable("i"))


def test_and_binds_tighter_than_or_and_comparison_tighter_than_and() -> None:
    parsed = parse_fhirpath("a = 1 or b and c > 2")
    assert parsed == Binary(
        "or",
        Binary("=", path("a"), Literal(1, "integer")),
        Binary("and", path("b"), Binary(">", path("c"), Literal(2, "integer"))),
    )


def test_multiplication_binds_tighter_than_addition() -> None:
    assert parse_fhirpath("a + b * c") == Binary("+", path("a"), Binary("*", path("b"), path("c")))


def test_parentheses_and_a_call_on_a_parenthesized_expression() -> None:
    assert parse_fhirpath("(gender = 'male').not()") == Call(
        Binary("=", path("gender"), Literal("male", "string")), "not", ()
    )


def test_literals() -> None:
    assert parse_fhirpath("true") == Literal(True, "boolean")
    assert parse_fhirpath("1.50") == Literal(Decimal("1.50"), "decimal")
    assert parse_fhirpath("-2") == Unary("-", Literal(2, "integer"))
    assert parse_fhirpath("@2020-01-02") == Literal("2020-01-02", "date")
    assert parse_fhirpath(r"'it\'s\ta'") == Literal("it's\ta", "string")
    assert parse_fhirpath(r"'\u00e9'") == Literal("é", "string")


def test_variables_special_names_and_delimited_identifiers() -> None:
    assert parse_fhirpath("%rowIndex") == Variable("rowIndex")
    assert parse_fhirpath("$this") == This()
    assert parse_fhirpath("`div`.x") == path("div", "x")


def test_is_and_as_become_type_functions() -> None:
    assert parse_fhirpath("value as Quantity") == Call(path("value"), "ofType", (path("Quantity"),))
    assert parse_fhirpath("value is FHIR.Quantity") == Call(
        path("value"), "is", (Member(path("FHIR"), "Quantity"),)
    )


@pytest.mark.parametrize(
    ("expression", "position"),
    [
        ("@@", 0),
        ("", 0),
        ("name.", 5),
        ("name.where(use = 'x'", 20),
        ("name family", 5),
        ("'unterminated", 0),
        ("a = = b", 4),
        ("$index", 0),
    ],
)
def test_syntax_errors_name_the_position(expression: str, position: int) -> None:
    with pytest.raises(FhirPathSyntaxError) as caught:
        parse_fhirpath(expression)
    assert caught.value.position == position
    assert repr(expression) in str(caught.value)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_any_text_survives_as_a_string_literal(text: str) -> None:
    escaped = text.replace("\\", "\\\\").replace("'", "\\'")
    assert parse_fhirpath(f"'{escaped}'") == Literal(text, "string")
