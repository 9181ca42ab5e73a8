"""A few simple QGIS filter expressions as PostgreSQL ``WHERE`` text, or None.

PyQGIS does not expose the provider's expression compiler, so ``densitybyregion``'s push-down
translates only what has the same meaning in both languages (three-valued logic included):
column references, string and number literals, ``= <> < <= > >=``, ``IN`` / ``NOT IN``,
``IS [NOT] NULL``, ``AND``, ``OR``, ``NOT``. Strings are only compared for (in)equality with
string fields and numbers only with numeric fields, so no implicit cast can differ; anything
else returns None and the caller evaluates the filter in QGIS instead.
"""

from __future__ import annotations

from qgis.core import (
    QgsExpression,
    QgsExpressionNode,
    QgsExpressionNodeBinaryOperator,
    QgsExpressionNodeColumnRef,
    QgsExpressionNodeInOperator,
    QgsExpressionNodeLiteral,
    QgsExpressionNodeUnaryOperator,
    QgsFields,
)

from industri_rumahan_plugin.compat import NUMERIC_KINDS, field_kind

_B = QgsExpressionNodeBinaryOperator.BinaryOperator
_COMPARE = {_B.boEQ: "=", _B.boNE: "<>", _B.boLT: "<", _B.boLE: "<=", _B.boGT: ">",
            _B.boGE: ">="}


class UntranslatableError(Exception):
    """The expression uses something whose SQL meaning could differ."""


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def to_sql(expression: str, fields: QgsFields) -> str | None:
    """The expression as SQL over the layer's columns, or None when it cannot be translated."""
    parsed = QgsExpression(expression)
    if parsed.hasParserError() or parsed.rootNode() is None:
        return None
    try:
        return _node(parsed.rootNode(), fields)
    except UntranslatableError:
        return None


def _kind(node: QgsExpressionNode, fields: QgsFields) -> str:
    """'string' or 'number' of a column or literal operand."""
    if isinstance(node, QgsExpressionNodeColumnRef):
        index = fields.indexOf(node.name())
        if index < 0:
            raise UntranslatableError(node.name())
        kind = field_kind(fields.at(index))
        if kind == "string":
            return "string"
        if kind in NUMERIC_KINDS:
            return "number"
        raise UntranslatableError(node.name())
    value = _literal_value(node)
    if isinstance(value, str):
        return "string"
    return "number"


def _literal_value(node: QgsExpressionNode):
    if isinstance(node, QgsExpressionNodeUnaryOperator) and node.op() == \
            QgsExpressionNodeUnaryOperator.UnaryOperator.uoMinus:
        value = _literal_value(node.operand())
        if isinstance(value, str):
            raise UntranslatableError("-'text'")
        return -value
    if not isinstance(node, QgsExpressionNodeLiteral):
        raise UntranslatableError(node.dump())
    value = node.value()
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise UntranslatableError(node.dump())
    return value


def _operand(node: QgsExpressionNode, fields: QgsFields) -> str:
    if isinstance(node, QgsExpressionNodeColumnRef):
        if fields.indexOf(node.name()) < 0:
            raise UntranslatableError(node.name())
        return quote_ident(node.name())
    value = _literal_value(node)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(float(value)) if isinstance(value, float) else str(int(value))


def _node(node: QgsExpressionNode, fields: QgsFields) -> str:
    if isinstance(node, QgsExpressionNodeBinaryOperator):
        op, left, right = node.op(), node.opLeft(), node.opRight()
        if op in (_B.boAnd, _B.boOr):
            word = "AND" if op == _B.boAnd else "OR"
            return f"({_node(left, fields)} {word} {_node(right, fields)})"
        if op in (_B.boIs, _B.boIsNot) and isinstance(left, QgsExpressionNodeColumnRef) \
                and isinstance(right, QgsExpressionNodeLiteral) and right.value() is None:
            return f"({_operand(left, fields)} IS {'NOT ' if op == _B.boIsNot else ''}NULL)"
        if op in _COMPARE:
            kinds = {_kind(left, fields), _kind(right, fields)}
            if len(kinds) != 1 or (kinds == {"string"} and op not in (_B.boEQ, _B.boNE)):
                raise UntranslatableError(node.dump())
            if not any(isinstance(n, QgsExpressionNodeColumnRef) for n in (left, right)):
                raise UntranslatableError(node.dump())
            return f"({_operand(left, fields)} {_COMPARE[op]} {_operand(right, fields)})"
        raise UntranslatableError(node.dump())
    if isinstance(node, QgsExpressionNodeUnaryOperator) and \
            node.op() == QgsExpressionNodeUnaryOperator.UnaryOperator.uoNot:
        return f"(NOT {_node(node.operand(), fields)})"
    if isinstance(node, QgsExpressionNodeInOperator):
        column = node.node()
        if not isinstance(column, QgsExpressionNodeColumnRef):
            raise UntranslatableError(node.dump())
        kind = _kind(column, fields)
        items = node.list().list()
        if not items or any(_kind(item, fields) != kind for item in items):
            raise UntranslatableError(node.dump())
        values = ", ".join(_operand(item, fields) for item in items)
        return f"({_operand(column, fields)} {'NOT IN' if node.isNotIn() else 'IN'} ({values}))"
    raise UntranslatableError(node.dump())
