"""Formulas of derived indicators, parsed and evaluated by our own small parser.

Grammar (no names but indicator codes, no function calls, no attribute access, so a
formula can never run code):

    expr   := term (("+" | "-") term)*
    term   := factor (("*" | "/") factor)*
    factor := NUMBER | CODE | "(" expr ")" | "-" factor

CODE is an indicator code (letters, digits, "_", "." and "-" after the first letter);
the special name DAYS is the number of days of the period (for litres per citizen per
day). A division by zero or a missing operand gives None, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from zist.core.calendars import to_latin_digits

DAYS = "DAYS"
_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Za-z][A-Za-z0-9_.\-]*)|(.))")


class FormulaError(ValueError):
    """The formula text is not a valid formula."""


@dataclass(frozen=True)
class Num:
    value: Decimal


@dataclass(frozen=True)
class Ref:
    code: str


@dataclass(frozen=True)
class Neg:
    operand: object


@dataclass(frozen=True)
class BinOp:
    op: str
    left: object
    right: object


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens = []
    position = 0
    # Numbers in any digits, as every number a person types (۱۰۰۰, ۰٫۸۴).
    text = to_latin_digits(text.strip())
    while position < len(text):
        match = _TOKEN.match(text, position)
        number, name, other = match.groups()
        position = match.end()
        if number is not None:
            tokens.append(("num", number))
        elif name is not None:
            tokens.append(("ref", name))
        elif other is not None and other.strip():
            if other not in "+-*/()":
                raise FormulaError(f"unexpected character {other!r}")
            tokens.append(("op", other))
    return tokens


class _Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.i = 0

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None)

    def take(self):
        token = self.peek()
        self.i += 1
        return token

    def expr(self):
        node = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            node = BinOp(self.take()[1], node, self.term())
        return node

    def term(self):
        node = self.factor()
        while self.peek() in (("op", "*"), ("op", "/")):
            node = BinOp(self.take()[1], node, self.factor())
        return node

    def factor(self):
        kind, value = self.take()
        if kind == "num":
            return Num(Decimal(value))
        if kind == "ref":
            return Ref(value)
        if (kind, value) == ("op", "-"):
            return Neg(self.factor())
        if (kind, value) == ("op", "("):
            node = self.expr()
            if self.take() != ("op", ")"):
                raise FormulaError("missing )")
            return node
        raise FormulaError("expected a number, a code or (")


def parse(text: str):
    """The syntax tree of `text`; FormulaError if it is not a formula."""
    tokens = _tokens(text)
    if not tokens:
        raise FormulaError("empty formula")
    parser = _Parser(tokens)
    node = parser.expr()
    if parser.i != len(tokens):
        raise FormulaError("unexpected text after the formula")
    return node


def references(node) -> set[str]:
    """Indicator codes a parsed formula uses (DAYS excluded)."""
    if isinstance(node, Ref):
        return set() if node.code == DAYS else {node.code}
    if isinstance(node, Neg):
        return references(node.operand)
    if isinstance(node, BinOp):
        return references(node.left) | references(node.right)
    return set()


def evaluate(node, values: dict[str, Decimal | None]) -> Decimal | None:
    """Value of a parsed formula; None when an operand is missing or a divisor is 0."""
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Ref):
        value = values.get(node.code)
        return None if value is None else Decimal(value)
    if isinstance(node, Neg):
        value = evaluate(node.operand, values)
        return None if value is None else -value
    left, right = evaluate(node.left, values), evaluate(node.right, values)
    if left is None or right is None:
        return None
    try:
        if node.op == "+":
            return left + right
        if node.op == "-":
            return left - right
        if node.op == "*":
            return left * right
        return None if right == 0 else left / right
    except InvalidOperation:
        return None
