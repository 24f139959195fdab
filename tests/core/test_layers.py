"""The pure core imports nothing from the layers around it (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
CORE = SRC / "runstrong" / "core"
OUTER = ("cli", "web", "store", "io", "flows")


def imported_modules(source: str, module: tuple[str, ...]) -> list[str]:
    """Every module `source` imports, relative imports resolved against `module`'s package."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                names.append(".".join([*module[: -node.level], *([base] if base else [])]))
            else:
                names.append(base)
    return names


def outer(names: list[str]) -> list[str]:
    return [n for n in names if any(n == f"runstrong.{x}" or n.startswith(f"runstrong.{x}.") for x in OUTER)]


def test_core_imports_nothing_from_cli_web_store_io_or_flows() -> None:
    bad = {
        str(path.relative_to(CORE)): found
        for path in sorted(CORE.rglob("*.py"))
        if (found := outer(imported_modules(path.read_text("utf-8"), path.relative_to(SRC).with_suffix("").parts)))
    }
    assert bad == {}


def test_a_relative_import_of_an_outer_layer_is_seen() -> None:
    module = ("runstrong", "core", "review", "week")
    assert outer(imported_modules("from ...store import repo\nfrom ..model import Plan\n", module)) == [
        "runstrong.store"
    ]
    assert outer(imported_modules("import runstrong.web.app\n", module)) == ["runstrong.web.app"]


def test_the_plan_values_import_first_or_through_the_model() -> None:
    import subprocess
    import sys

    for code in (
        "import runstrong.core.plan_model as m; from runstrong.core.model import Plan; assert m.Plan is Plan",
        "from runstrong.core.model import Plan, Block; import runstrong.core.plan_model as m; assert m.Block is Block",
    ):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr


def test_no_layer_below_the_cli_imports_it() -> None:
    """web, io, store and flows are driven by the CLI, never the other way: a reader the web
    shares with `runstrong init` lives in io/."""
    package = SRC / "runstrong"
    bad = {
        str(path.relative_to(package)): found
        for layer in ("web", "store", "io", "flows")
        for path in sorted((package / layer).rglob("*.py"))
        if (
            found := [
                n
                for n in imported_modules(path.read_text("utf-8"), path.relative_to(SRC).with_suffix("").parts)
                if n == "runstrong.cli" or n.startswith("runstrong.cli.")
            ]
        )
    }
    assert bad == {}
