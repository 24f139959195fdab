"""The house stays small enough to read: no function over 80 lines, no module over 500 in src/.

The ceilings come from the developers' guide (aim for 50 and 400). Generated Alembic
migrations are left out. A function is measured from its `def` line to its last line
(decorators not counted: a click command's options are declarations, not logic).
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "runstrong"
MAX_FUNCTION_LINES = 80
MAX_MODULE_LINES = 500


def long_functions(source: str, limit: int = MAX_FUNCTION_LINES) -> dict[str, int]:
    """Every function or method in `source` longer than `limit` lines, by qualified name."""
    found: dict[str, int] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            name = prefix
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}{child.name}."
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (child.end_lineno or child.lineno) - child.lineno + 1
                if length > limit:
                    found[name.rstrip(".")] = length
            visit(child, name)

    visit(ast.parse(source), "")
    return found


def shipped_modules() -> list[Path]:
    return [p for p in sorted(SRC.rglob("*.py")) if "migrations" not in p.relative_to(SRC).parts]


def test_no_function_in_src_is_over_80_lines() -> None:
    too_long = {
        f"{path.relative_to(SRC)}:{name}": length
        for path in shipped_modules()
        for name, length in long_functions(path.read_text("utf-8")).items()
    }
    assert too_long == {}


def test_no_module_in_src_is_over_500_lines() -> None:
    too_long = {
        str(path.relative_to(SRC)): n
        for path in shipped_modules()
        if (n := len(path.read_text("utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert too_long == {}


def test_a_long_nested_function_or_method_is_found_by_its_qualified_name() -> None:
    source = (
        "class A:\n    def method(self):\n"
        + "".join(f"        x{i} = {i}\n" for i in range(5))
        + "        def inner():\n"
        + "".join(f"            y{i} = {i}\n" for i in range(4))
        + "def short():\n    return 1\n"
    )
    assert long_functions(source, limit=4) == {"A.method": 11, "A.method.inner": 5}
    assert long_functions(source, limit=5) == {"A.method": 11}
