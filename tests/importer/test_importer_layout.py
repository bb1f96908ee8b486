"""The importer's code stays navigable: no import circle, one of each helper, no function over 60 lines."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "lexicon" / "importer"


def _modules():
    return {p.stem: ast.parse(p.read_text(encoding="utf-8")) for p in PACKAGE.glob("*.py")}


def _imports(tree, names):
    """Sibling modules a module imports (relative imports inside lexicon/importer/, at any depth)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(a.name for a in node.names)
    return found & names


def test_no_import_circle_in_the_importer():
    modules = _modules()
    graph = {name: _imports(tree, set(modules)) for name, tree in modules.items()}

    def reaches(start, target, seen=()):
        return any(n == target or (n not in seen and reaches(n, target, seen + (n,))) for n in graph[start])

    circles = [name for name in graph if reaches(name, name)]
    assert not circles, f"import circle through {circles}"


def test_one_definition_of_each_shared_helper():
    defined = {}
    for name, tree in _modules().items():
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                defined.setdefault(node.name, []).append(name)
    for helper in ("join_lines", "read_text", "read_lines", "ImportFailed", "WordList", "HyphenJoiner"):
        assert len(defined.get(helper, [])) == 1, (helper, defined.get(helper))
    assert not any(n.endswith("Error") and n != "WordListMissing" for n in defined), "one error type: ImportFailed"


def test_no_function_over_60_lines():
    long = [(name, node.name, node.end_lineno - node.lineno + 1)
            for name, tree in _modules().items() for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef) and node.end_lineno - node.lineno + 1 > 60]
    assert not long, long
