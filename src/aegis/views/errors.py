"""The errors of the ViewDefinition compiler.

Every error names the view; an error about an expression also names the column (or the `where` or `forEach`
that holds it) and the expression, so that whoever reads it finds the line to fix without a debugger.
"""

from __future__ import annotations

from aegis.errors import UserError


class ViewDefinitionError(UserError):
    """A ViewDefinition that cannot be compiled: a bad shape, a bad expression or an unsupported feature.
    A UserError: the CLI prints it as one line and exits 2."""

    def __init__(self, view: str, message: str) -> None:
        super().__init__(f"view {view!r}: {message}")
        self.view = view


class ViewShapeError(ViewDefinitionError):
    """The JSON is not a valid ViewDefinition (missing `resource`, wrong types, duplicate columns, ...)."""


class FhirPathSyntaxError(ValueError):
    """A FHIRPath expression that does not parse; `position` is the 0-based character offset."""

    def __init__(self, expression: str, position: int, message: str) -> None:
        super().__init__(f"{message} at position {position} in {expression!r}")
        self.expression = expression
        self.position = position


class ViewCompileError(ViewDefinitionError):
    """An expression the compiler cannot turn into SQL: a syntax error, an unknown constant or an
    unsupported function. Never silently compiled to NULL."""

    def __init__(self, view: str, location: str, expression: str, reason: str) -> None:
        super().__init__(view, f"{location}: cannot compile {expression!r}: {reason}")
        self.location = location
        self.expression = expression
        self.reason = reason
