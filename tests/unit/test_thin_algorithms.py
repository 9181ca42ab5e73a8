"""Every algorithm is thin and refuses inputs one way (issue 12).

Read from the source with ``ast`` (no QGIS needed): ``processAlgorithm`` reads parameters,
calls the gateway, a kernel of ``core`` and the writer, in about 50 lines as QGIS's own
algorithms do; a translated refusal always goes through ``input_error``/``require`` (one
convention: the message starts with the parameter, see adapters/errors.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

PROCESSING = Path(__file__).resolve().parents[2] / "industri_rumahan_plugin" / "processing"
MAX_LINES = 50


def _modules():
    for path in sorted(PROCESSING.glob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _body_lines(func: ast.FunctionDef) -> int:
    body = func.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    return body[-1].end_lineno - body[0].lineno + 1 if body else 0


def test_every_process_algorithm_is_short():
    found, long = 0, {}
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "processAlgorithm":
                found += 1
                lines = _body_lines(node)
                if lines > MAX_LINES:
                    long[path.name] = lines
    assert found >= 24  # every algorithm of the provider was looked at
    assert long == {}, f"processAlgorithm bodies over {MAX_LINES} lines: {long}"


def _is_translated(node: ast.AST) -> bool:
    """``tr("...")`` / ``self.tr("...")``, possibly ``.format(...)``-ed."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr == "format":
        return _is_translated(node.func.value)
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name == "tr"


def test_translated_refusals_name_their_parameter():
    """``raise QgsProcessingException(self.tr(...))`` names no parameter: refused."""
    offenders = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            func = node.exc.func
            if getattr(func, "id", "") != "QgsProcessingException" or not node.exc.args:
                continue
            if _is_translated(node.exc.args[0]):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == [], "use self.input_error(NAME, message): " + ", ".join(offenders)


def test_the_checker_sees_a_bad_raise_and_a_long_body():
    """The two checks above can fail: a hand-made module shows both faults."""
    source = "def processAlgorithm(self):\n" + "    x = 1\n" * 51 + \
        "    raise QgsProcessingException(self.tr('bad').format(a=1))\n"
    tree = ast.parse(source)
    func = tree.body[0]
    assert _body_lines(func) == 52
    raised = next(n for n in ast.walk(tree) if isinstance(n, ast.Raise))
    assert _is_translated(raised.exc.args[0])
