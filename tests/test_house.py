"""The house stays small enough to read: no function over 80 lines, no module over 500 in src/.

The ceilings come from the developers' guide (aim for 50 and 400). Generated Alembic
migrations are left out. A function is measured from its `def` line to its last line
(decorators not counted: a click command's options are declarations, not logic).
"""

from __future__ import annotations

import ast
import re
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


CORE = SRC / "core"
CACHE_DECORATORS = frozenset({"cache", "lru_cache"})
MUTATORS = frozenset({"append", "add", "update", "setdefault", "pop", "popitem", "clear", "extend", "insert"})


def _decorator_name(node: ast.expr) -> str:
    node = node.func if isinstance(node, ast.Call) else node
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


def _is_mutable_value(node: ast.expr | None) -> bool:
    if isinstance(node, ast.Dict | ast.List | ast.Set | ast.DictComp | ast.ListComp | ast.SetComp):
        return True
    return isinstance(node, ast.Call) and _decorator_name(node) in {"dict", "list", "set", "defaultdict", "OrderedDict"}


def module_memos(source: str) -> list[str]:
    """Module-level memo tables in `source`: a function cached by functools (a reader of the
    shipped data that takes no argument aside: that is a load, not a memo keyed by values), or
    a module-level dict/list/set that some function writes into."""
    tree = ast.parse(source)
    found = [
        f"@{_decorator_name(d)} {node.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and (node.args.args or node.args.posonlyargs)
        for d in node.decorator_list
        if _decorator_name(d) in CACHE_DECORATORS
    ]
    mutable = set()
    for node in tree.body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if _is_mutable_value(value):
            mutable |= {t.id for t in targets if isinstance(t, ast.Name)}
    for func in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)):
        for node in ast.walk(func):
            if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store | ast.Del):
                written = node.value
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS:
                written = node.func.value
            else:
                continue
            if isinstance(written, ast.Name) and written.id in mutable:
                found.append(f"{written.id} written in {func.name}")
    return found


def test_core_keeps_no_module_level_memo() -> None:
    found = {str(p.relative_to(SRC)): module_memos(p.read_text()) for p in sorted(CORE.rglob("*.py"))}
    found = {path: memos for path, memos in found.items() if memos}
    assert not found, f"core keeps state between calls (a cache belongs to the PlanningContext): {found}"


def test_a_memo_table_or_a_cached_function_is_found() -> None:
    source = (
        "from functools import lru_cache\n_SEEN = {}\n"
        "def remember(k):\n    _SEEN[k] = 1\n"
        "@lru_cache(maxsize=8)\ndef twice(x):\n    return 2 * x\n"
        "TABLE = {1: 2}\ndef read(k):\n    return TABLE[k]\n"
    )
    assert sorted(module_memos(source)) == ["@lru_cache twice", "_SEEN written in remember"]


FILE_READS = frozenset({"open", "read_text", "read_bytes", "read", "load", "iterdir", "glob", "rglob", "files"})
FILE_MODULES = frozenset({"importlib.resources", "importlib_resources", "pathlib", "os", "io", "tomllib", "shutil"})


def file_access(source: str) -> list[str]:
    """What in `source` reads files or package data: an import of a file module
    (importlib.resources, pathlib, os, io, tomllib, shutil), or a call such as `open(...)`,
    `x.read_text()` or `resources.files(...)`. Core parses what an adapter read."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name in FILE_MODULES]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            names = {f"{module}.{a.name}" for a in node.names}
            if module in FILE_MODULES or names & FILE_MODULES:
                found.append(f"from {module} import {', '.join(a.name for a in node.names)}")
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in FILE_READS and not (isinstance(func, ast.Attribute) and _is_json_or_pickle(func.value)):
                found.append(f"{name}() on line {node.lineno}")
    return found


def _is_json_or_pickle(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id in {"json", "marshal"}


def test_core_reads_no_file_and_no_package_data() -> None:
    found = {str(p.relative_to(SRC)): file_access(p.read_text()) for p in sorted(CORE.rglob("*.py"))}
    found = {path: reads for path, reads in found.items() if reads}
    assert not found, f"core reads files itself (an adapter in io/ reads them and calls a core parser): {found}"


def test_a_file_read_or_a_package_data_import_is_found() -> None:
    source = (
        "import tomllib\nfrom importlib import resources\nimport json\n"
        "def load():\n    text = resources.files('x').joinpath('a.toml').read_text('utf-8')\n"
        "    return json.loads(text), open('b').read()\n"
        "def parse(data: dict):\n    return json.loads(data['x'])\n"
    )
    assert sorted(file_access(source)) == [
        "files() on line 5", "from importlib import resources", "import tomllib", "open() on line 6",
        "read() on line 6", "read_text() on line 5",
    ]  # fmt: skip


def private_imports(source: str) -> list[str]:
    """Each `_private` name `source` imports from another module of the package (relative
    imports, or absolute ones from `runstrong`): a module that needs another's private
    helper wants a public one instead."""
    return [
        f"from {'.' * node.level}{node.module or ''} import {a.name}"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("runstrong"))
        for a in node.names
        if a.name.startswith("_") and not a.name.startswith("__")
    ]


def test_no_module_imports_another_modules_private_names() -> None:
    found = {str(p.relative_to(SRC)): private_imports(p.read_text()) for p in sorted(SRC.rglob("*.py"))}
    found = {path: names for path, names in found.items() if names}
    assert not found, f"modules reach into each other's private names: {found}"


def test_a_private_import_is_found() -> None:
    source = (
        "from .dosing import DoseContext, _Draft\nfrom ..model import __version__\nfrom os import _exit\n"
        "from runstrong.cli.plan import _build\n"
    )
    assert private_imports(source) == ["from .dosing import _Draft", "from runstrong.cli.plan import _build"]


def test_every_data_file_has_an_edition_in_one_convention() -> None:
    """One version convention across data files: year.month.edition, a string at the top."""
    import tomllib

    data = Path(__file__).parents[1] / "src" / "runstrong" / "data"
    for path in sorted(data.glob("*.toml")):
        version = tomllib.loads(path.read_text("utf-8")).get("version")
        assert isinstance(version, str) and re.fullmatch(r"20\d\d\.(1[0-2]|[1-9])\.\d+", version), (path.name, version)
