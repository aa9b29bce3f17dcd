"""Parse the FHIRPath subset used by ViewDefinitions into a small syntax tree.

The parser knows FHIRPath's grammar and operator precedence, not what a function means: which functions
compile, and how, is the planner's business (aegis.views.plan), so an unknown function parses fine and is
rejected there with the view and column in the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from aegis.views.errors import FhirPathSyntaxError


@dataclass(frozen=True)
class Literal:
    value: str | int | Decimal | bool | None  # None: the empty collection `{}`
    kind: str  # string | integer | decimal | boolean | date | empty


@dataclass(frozen=True)
class This:
    """`$this`, or the implicit focus a path starts from."""


@dataclass(frozen=True)
class Variable:
    name: str  # without the %


@dataclass(frozen=True)
class Member:
    source: Node
    name: str


@dataclass(frozen=True)
class Call:
    source: Node
    name: str
    args: tuple[Node, ...]


@dataclass(frozen=True)
class Index:
    source: Node
    index: Node


@dataclass(frozen=True)
class Unary:
    operator: str  # + | -
    operand: Node


@dataclass(frozen=True)
class Binary:
    operator: str
    left: Node
    right: Node


Node = Literal | This | Variable | Member | Call | Index | Unary | Binary

_TOKEN = re.compile(
    r"""
    (?P<space>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<string>'(?:[^'\\]|\\.)*')
  | (?P<date>@[0-9T][0-9:.+\-TZ]*)
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<quoted>`(?:[^`\\]|\\.)*`)
  | (?P<special>\$this|\$index|\$total)
  | (?P<variable>%(?:[A-Za-z_][A-Za-z0-9_]*|`(?:[^`\\]|\\.)*`|'(?:[^'\\]|\\.)*'))
  | (?P<identifier>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<operator><=|>=|!=|!~|[-+*/&|=~<>().,\[\]{}])
    """,
    re.VERBOSE | re.DOTALL,
)

_ESCAPES = {"'": "'", '"': '"', "`": "`", "\\": "\\", "/": "/", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}

# Binary operators from loosest to tightest binding (FHIRPath spec, section "Operator precedence").
_PRECEDENCE: tuple[tuple[str, ...], ...] = (
    ("implies",),
    ("or", "xor"),
    ("and",),
    ("in", "contains"),
    ("=", "~", "!=", "!~"),
    ("<", ">", "<=", ">="),
    ("|",),
    ("+", "-", "&"),
    ("*", "/", "div", "mod"),
)
_WORD_OPERATORS = frozenset({"implies", "or", "xor", "and", "in", "contains", "div", "mod", "is", "as"})


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    position: int


def _unescape(body: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            follower = body[index + 1]
            if follower == "u" and index + 5 < len(body):
                out.append(chr(int(body[index + 2 : index + 6], 16)))
                index += 6
                continue
            out.append(_ESCAPES.get(follower, follower))
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _tokenize(expression: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(expression):
        match = _TOKEN.match(expression, position)
        if match is None:
            raise FhirPathSyntaxError(expression, position, f"unexpected character {expression[position]!r}")
        kind = match.lastgroup or ""
        if kind != "space":
            tokens.append(_Token(kind, match.group(), position))
        position = match.end()
    tokens.append(_Token("end", "", len(expression)))
    return tokens


class _Parser:
    def __init__(self, expression: str) -> None:
        self.expression = expression
        self.tokens = _tokenize(expression)
        self.index = 0

    @property
    def current(self) -> _Token:
        return self.tokens[self.index]

    def fail(self, message: str) -> FhirPathSyntaxError:
        return FhirPathSyntaxError(self.expression, self.current.position, message)

    def take(self) -> _Token:
        token = self.current
        self.index += 1
        return token

    def at(self, *texts: str) -> bool:
        token = self.current
        if token.kind == "operator":
            return token.text in texts
        return token.kind == "identifier" and token.text in texts and token.text in _WORD_OPERATORS

    def expect(self, text: str) -> None:
        if not (self.current.kind == "operator" and self.current.text == text):
            found = self.current.text or "the end"
            raise self.fail(f"expected {text!r} but found {found!r}")
        self.index += 1

    def parse(self) -> Node:
        if self.current.kind == "end":
            raise self.fail("empty expression")
        node = self.binary(0)
        if self.current.kind != "end":
            raise self.fail(f"unexpected {self.current.text!r}")
        return node

    def binary(self, level: int) -> Node:
        if level == len(_PRECEDENCE):
            return self.type_operation()
        node = self.binary(level + 1)
        while self.at(*_PRECEDENCE[level]):
            operator = self.take().text
            node = Binary(operator, node, self.binary(level + 1))
        return node

    def type_operation(self) -> Node:
        node = self.unary()
        while self.at("is", "as"):
            operator = self.take().text
            node = Call(node, "ofType" if operator == "as" else "is", (self.type_specifier(),))
        return node

    def type_specifier(self) -> Node:
        node: Node = Member(This(), self.identifier())
        while self.at("."):
            self.take()
            node = Member(node, self.identifier())
        return node

    def unary(self) -> Node:
        if self.at("+", "-"):
            operator = self.take().text
            return Unary(operator, self.unary())
        return self.postfix(self.term())

    def postfix(self, node: Node) -> Node:
        while True:
            if self.at("."):
                self.take()
                node = self.invocation(node)
            elif self.at("["):
                self.take()
                index = self.binary(0)
                self.expect("]")
                node = Index(node, index)
            else:
                return node

    def identifier(self) -> str:
        token = self.current
        if token.kind == "identifier":
            self.index += 1
            return token.text
        if token.kind == "quoted":
            self.index += 1
            return _unescape(token.text[1:-1])
        raise self.fail(f"expected a name but found {token.text or 'the end'!r}")

    def invocation(self, source: Node) -> Node:
        name = self.identifier()
        if not self.at("("):
            return Member(source, name)
        self.take()
        args: list[Node] = []
        if not self.at(")"):
            args.append(self.binary(0))
            while self.at(","):
                self.take()
                args.append(self.binary(0))
        self.expect(")")
        return Call(source, name, tuple(args))

    def term(self) -> Node:
        token = self.current
        if token.kind == "string":
            self.index += 1
            return Literal(_unescape(token.text[1:-1]), "string")
        if token.kind == "number":
            self.index += 1
            if "." in token.text:
                return Literal(Decimal(token.text), "decimal")
            return Literal(int(token.text), "integer")
        if token.kind == "date":
            self.index += 1
            return Literal(token.text[1:], "date")
        if token.kind == "variable":
            self.index += 1
            name = token.text[1:]
            if name[:1] in "`'":
                name = _unescape(name[1:-1])
            return Variable(name)
        if token.kind == "special":
            self.index += 1
            if token.text != "$this":
                raise FhirPathSyntaxError(self.expression, token.position, f"{token.text} is not supported")
            return This()
        if token.kind == "identifier" and token.text in ("true", "false"):
            self.index += 1
            return Literal(token.text == "true", "boolean")
        if self.at("("):
            self.take()
            node = self.binary(0)
            self.expect(")")
            return node
        if self.at("{"):
            self.take()
            self.expect("}")
            return Literal(None, "empty")
        if token.kind in ("identifier", "quoted"):
            return self.invocation(This())
        raise self.fail(f"unexpected {token.text or 'end of expression'!r}")


def parse_fhirpath(expression: str) -> Node:
    """The syntax tree of `expression`; FhirPathSyntaxError (with the position) when it does not parse."""
    return _Parser(expression).parse()
