"""The shape of the code (issue 11): no Python file over 800 lines, and core, the generic
machinery every app stands on, imports no other Zist app — not even inside a function —
so no import circle runs through it. Apps plug into core instead (registers, related
lists, `set_policy`, `imports.background`)."""

import ast
from pathlib import Path

import zist

ROOT = Path(zist.__file__).parent
CORE = ROOT / "core"
MAX_LINES = 800


def _python_files(folder: Path):
    return sorted(p for p in folder.rglob("*.py") if "migrations" not in p.parts)


def _imported(tree: ast.AST, module: str) -> set[str]:
    """Every module a file imports, at the top or inside functions and classes."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolved against the file's own package
                base = module.rsplit(".", node.level)[0]
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            names.add(target)
            names.update(f"{target}.{alias.name}" for alias in node.names)
    return names


def test_no_python_file_is_over_800_lines():
    long = {
        str(path.relative_to(ROOT.parent)): count
        for path in _python_files(ROOT)
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_core_imports_no_other_zist_app():
    found = {}
    for path in _python_files(CORE):
        if "tests" in path.relative_to(CORE).parts:
            continue  # core's tests exercise core through real apps
        module = ".".join(path.relative_to(ROOT.parent).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        others = {
            name
            for name in _imported(tree, module)
            if name.startswith("zist.") and not name.startswith("zist.core")
        }
        if others:
            found[str(path.relative_to(ROOT.parent))] = sorted(others)
    assert found == {}


def test_the_import_check_sees_imports_inside_functions():
    source = "def f():\n    from zist.jobs import enqueue\n"
    assert "zist.jobs" in _imported(ast.parse(source), "zist.core.views")
    assert "zist.users.roles" in _imported(
        ast.parse("from ..users import roles"), "zist.core.querysets"
    )
