"""Extract the plugin's translatable strings into ``i18n/industri_rumahan_id.ts`` (Qt Linguist).

Why not pylupdate5: it files ``toolbelt.tr("…")`` under the context "toolbelt" (the object
before ``.tr``) and cannot see algorithm ``TITLE`` constants, while at run time every string
goes through ``QCoreApplication.translate("IndustriRumahan", …)``. This extractor reads the
code with ``ast`` and knows the plugin's conventions:

* ``tr("…")``, ``toolbelt.tr("…")`` and ``self.tr("…")`` in classes that route ``tr`` to the
  toolbelt (they, or a base class of the package, define ``tr``): context ``IndustriRumahan``
  (or the literal ``context=`` argument);
* ``self.tr("…")`` in other Qt classes: ``QObject.tr``, context = the class name;
* ``QCoreApplication.translate("ctx", "…")`` / ``translate("ctx", "…")``;
* class attributes ``TITLE = "…"`` (algorithm names, translated by the base class);
* ``tr(label)`` looping over a literal tuple, ``tr(TABLE[key])`` of a module-level dict of
  literals: every literal is extracted.

Merging keeps every existing translation; strings gone from the code stay as ``vanished``
entries (ignored by lrelease) so no translator's work is lost. The output is deterministic:
running it twice changes nothing. Options import/export tab-separated "English<TAB>Indonesian"
lists (what engineers put in their reports).
"""

from __future__ import annotations

import argparse
import ast
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "industri_rumahan_plugin"
TS_FILE = PACKAGE / "i18n" / "industri_rumahan_id.ts"
TR_CONTEXT = "IndustriRumahan"
LANGUAGE = "id"


@dataclass
class Message:
    context: str
    source: str
    locations: list[tuple[str, int]] = field(default_factory=list)
    translation: str = ""
    finished: bool = False
    vanished: bool = False


@dataclass
class Extraction:
    messages: dict[tuple[str, str], Message] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, context: str, source: str, where: tuple[str, int]) -> None:
        message = self.messages.setdefault((context, source), Message(context, source))
        message.locations.append(where)


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _routing_classes(trees: dict[str, ast.Module]) -> set[str]:
    """Classes whose ``self.tr`` is the toolbelt's: they or a package base class define tr."""
    bases: dict[str, set[str]] = {}
    routing: set[str] = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                                    for b in node.bases}
                if any(isinstance(f, ast.FunctionDef) and f.name == "tr" for f in node.body):
                    routing.add(node.name)
    changed = True
    while changed:
        changed = False
        for name, parents in bases.items():
            if name not in routing and parents & routing:
                routing.add(name)
                changed = True
    return routing


def _literal_dicts(trees: dict[str, ast.Module]) -> dict[str, list[str]]:
    """Module-level ``NAME = {key: "English", …}`` tables, for ``tr(NAME[key])`` calls."""
    found = {}
    for tree in trees.values():
        for stmt in tree.body:
            target = stmt.targets[0] if isinstance(stmt, ast.Assign) and len(
                stmt.targets) == 1 else getattr(stmt, "target", None)
            value = getattr(stmt, "value", None)
            if isinstance(target, ast.Name) and isinstance(value, ast.Dict):
                values = [_literal(v) for v in value.values]
                if values and all(values):
                    found[target.id] = values
    return found


class _Visitor(ast.NodeVisitor):
    def __init__(self, rel: str, routing: set[str], out: Extraction,
                 tables: dict[str, list[str]] | None = None) -> None:
        self.rel, self.routing, self.out = rel, routing, out
        self.tables = tables or {}
        self.classes: list[str] = []
        self.loop_literals: dict[str, list[str]] = {}

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        for stmt in node.body:
            if isinstance(stmt, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "TITLE" for t in stmt.targets):
                title = _literal(stmt.value)
                if title:
                    self.out.add(TR_CONTEXT, title, (self.rel, stmt.lineno))
        self.generic_visit(node)
        self.classes.pop()

    def visit_For(self, node: ast.For) -> None:
        """``for a, label in ((x, "Text"), …): tr(label)``: remember the literals of label."""
        bound = {}
        rows = node.iter.elts if isinstance(node.iter, (ast.Tuple, ast.List)) else []
        targets = node.target.elts if isinstance(node.target, ast.Tuple) else [node.target]
        for position, target in enumerate(targets):
            if not isinstance(target, ast.Name):
                continue
            values = [_literal(row.elts[position] if isinstance(row, ast.Tuple) and len(
                row.elts) == len(targets) else row if len(targets) == 1 else None)
                for row in rows]
            if values and all(values):
                bound[target.id] = values
        saved = dict(self.loop_literals)
        self.loop_literals.update(bound)
        self.generic_visit(node)
        self.loop_literals = saved

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name == "tr" and node.args:
            self._tr(node, func)
        elif name == "translate" and len(node.args) >= 2:
            context, source = _literal(node.args[0]), _literal(node.args[1])
            if context is not None and source:
                self.out.add(context, source, (self.rel, node.lineno))
        self.generic_visit(node)

    def _tr(self, node: ast.Call, func: ast.AST) -> None:
        where = f"{self.rel}:{node.lineno}"
        source = _literal(node.args[0])
        if isinstance(node.args[0], ast.JoinedStr):
            self.out.warnings.append(f"{where}: f-string passed to tr() can never be translated")
            return
        first = node.args[0]
        if source is None and isinstance(first, ast.Name) and first.id in self.loop_literals:
            for value in self.loop_literals[first.id]:
                self.out.add(TR_CONTEXT, value, (self.rel, node.lineno))
            return
        if (source is None and isinstance(first, ast.Subscript)
                and isinstance(first.value, ast.Name) and first.value.id in self.tables):
            for value in self.tables[first.value.id]:
                self.out.add(TR_CONTEXT, value, (self.rel, node.lineno))
            return
        if source is None:
            self.out.warnings.append(f"{where}: tr() of a non-literal, not extracted")
            return
        context = TR_CONTEXT
        explicit = [k.value for k in node.keywords if k.arg == "context"]
        if len(node.args) > 1:
            explicit.append(node.args[1])
        if explicit:
            context = _literal(explicit[0]) or TR_CONTEXT
        is_self = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and (
            func.value.id == "self")
        if is_self and self.classes and self.classes[-1] not in self.routing:
            context = self.classes[-1]  # QObject.tr: the class name is the context
        if source:
            self.out.add(context, source, (self.rel, node.lineno))


def extract(package: Path = PACKAGE, relative_to: Path | None = None) -> Extraction:
    """Every translatable string of the package, with its locations (relative paths)."""
    relative_to = relative_to or package / "i18n"
    files = sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)
    trees = {str(p): ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in files}
    routing, tables = _routing_classes(trees), _literal_dicts(trees)
    out = Extraction()
    for path in files:
        rel = Path(_relpath(path, relative_to)).as_posix()
        _Visitor(rel, routing, out, tables).visit(trees[str(path)])
    return out


def _relpath(path: Path, start: Path) -> str:
    import os

    return os.path.relpath(path, start)


def read_ts(path: Path) -> dict[tuple[str, str], Message]:
    """The messages of an existing .ts (empty if there is none)."""
    if not path.is_file():
        return {}
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for node in context.iter("message"):
            source = node.findtext("source") or ""
            element = node.find("translation")
            kind = element.get("type", "") if element is not None else "unfinished"
            text = (element.text or "") if element is not None else ""
            messages[(name, source)] = Message(
                name, source, translation=text, finished=kind == "" and bool(text),
                vanished=kind in ("vanished", "obsolete"))
    return messages


def merge(found: Extraction, old: dict[tuple[str, str], Message], keep_vanished: bool = True
          ) -> list[Message]:
    """Current messages with their old translations, then strings gone from the code."""
    merged = []
    for key, message in found.messages.items():
        previous = old.get(key)
        if previous is not None:
            message.translation = previous.translation
            message.finished = bool(previous.translation) and (
                previous.finished or previous.vanished)
        merged.append(message)
    if keep_vanished:
        for key, previous in old.items():
            if key not in found.messages and previous.translation:
                merged.append(Message(previous.context, previous.source,
                                      translation=previous.translation, vanished=True))
    return merged


def _esc(text: str) -> str:
    return escape(text, {'"': "&quot;", "'": "&apos;"})


def render_ts(messages: Iterable[Message], language: str = LANGUAGE) -> str:
    """Qt Linguist XML, grouped by context, in order of first appearance in the code."""
    def order(m: Message) -> tuple:
        return (m.vanished, m.locations[0] if m.locations else ("", 0), m.source)

    by_context: dict[str, list[Message]] = {}
    for message in sorted(messages, key=order):
        by_context.setdefault(message.context, []).append(message)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{language}" sourcelanguage="en">']
    for context in sorted(by_context):
        lines += ["<context>", f"    <name>{_esc(context)}</name>"]
        for m in by_context[context]:
            lines.append("    <message>")
            for filename, line in m.locations:
                lines.append(f'        <location filename="{_esc(filename)}" line="{line}"/>')
            lines.append(f"        <source>{_esc(m.source)}</source>")
            kind = ' type="vanished"' if m.vanished else (
                "" if m.finished else ' type="unfinished"')
            lines.append(f"        <translation{kind}>{_esc(m.translation)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def import_tsv(messages: list[Message], path: Path) -> int:
    """Fill translations from "English<TAB>Indonesian" lines; returns how many were set."""
    pairs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line and not line.startswith("#"):
            english, indonesian = line.split("\t", 1)
            if english.strip() and indonesian.strip():
                pairs[english.strip()] = indonesian.strip()
    count = 0
    for message in messages:
        key = message.source.strip()
        if key in pairs and not message.vanished:
            # Keep the source's leading/trailing spaces (e.g. " (fast path)" is appended).
            lead = message.source[: len(message.source) - len(message.source.lstrip())]
            trail = message.source[len(message.source.rstrip()):]
            message.translation, message.finished = lead + pairs[key] + trail, True
            count += 1
    return count


def unfinished(messages: Iterable[Message]) -> list[Message]:
    return [m for m in messages if not m.vanished and not (m.finished and m.translation)]


def update(ts_path: Path = TS_FILE, *, tsv: Path | None = None, keep_vanished: bool = True,
           write: bool = True) -> tuple[bool, list[Message], Extraction]:
    """Re-extract and merge; returns (changed, messages, extraction)."""
    found = extract(relative_to=ts_path.parent)
    messages = merge(found, read_ts(ts_path), keep_vanished)
    if tsv is not None:
        import_tsv(messages, tsv)
    text = render_ts(messages)
    changed = not ts_path.is_file() or ts_path.read_text(encoding="utf-8") != text
    if changed and write:
        ts_path.parent.mkdir(parents=True, exist_ok=True)
        ts_path.write_text(text, encoding="utf-8")
    return changed, messages, found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, default=TS_FILE, help="the .ts file to update")
    parser.add_argument("--import-tsv", type=Path, help='add "English<TAB>Indonesian" lines')
    parser.add_argument("--export-unfinished", type=Path,
                        help="write the untranslated sources as a TSV to fill in")
    parser.add_argument("--drop-vanished", action="store_true",
                        help="forget translations of strings no longer in the code")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if the .ts is not up to date")
    args = parser.parse_args(argv)
    changed, messages, found = update(args.ts, tsv=args.import_tsv,
                                      keep_vanished=not args.drop_vanished, write=not args.check)
    for warning in found.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    todo = unfinished(messages)
    if args.export_unfinished:
        args.export_unfinished.write_text(
            "".join(f"{m.source}\t\n" for m in todo), encoding="utf-8")
    state = ("out of date" if args.check else "updated") if changed else "up to date"
    print(f"{args.ts.relative_to(REPO) if args.ts.is_relative_to(REPO) else args.ts}: "
          f"{state}; {len(found.messages)} strings, {len(todo)} untranslated")
    if not args.check and changed:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from plugin_install import compile_translations

        compile_translations(args.ts.parent)
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
