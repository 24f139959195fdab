"""A help page shown once is printed from the user's cache after that, without importing click."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from runstrong.cli.help_cache import help_request
from runstrong.cli.main import COMMANDS

SHOW = (
    "import sys\n"
    "sys.argv = ['runstrong', *sys.argv[1:]]\n"
    "from runstrong.cli.main import main\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    print('click' in sys.modules, file=sys.stderr)\n"
)


def runstrong(args: list[str], cache: Path, columns: int = 100) -> tuple[str, bool]:
    """The page printed, and whether click was imported to print it."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "HOME")}
    env |= {"XDG_CACHE_HOME": str(cache), "COLUMNS": str(columns)}
    done = subprocess.run([sys.executable, "-c", SHOW, *args], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout, done.stderr.strip().splitlines()[-1] == "True"


def test_a_help_page_is_printed_from_the_cache_the_second_time_without_click(tmp_path: Path) -> None:
    first, used_click = runstrong(["plan", "--help"], tmp_path)
    assert used_click and first.startswith("Usage: runstrong plan")
    again, used_click = runstrong(["plan", "--help"], tmp_path)
    assert again == first and not used_click
    top, _ = runstrong(["--help"], tmp_path)
    assert runstrong(["-h"], tmp_path) == (top, False)


def test_another_terminal_width_renders_the_page_again(tmp_path: Path) -> None:
    wide, _ = runstrong(["review", "--help"], tmp_path, columns=100)
    narrow, used_click = runstrong(["review", "--help"], tmp_path, columns=60)
    assert used_click and narrow != wide


def test_only_a_bare_help_request_is_served_from_the_cache() -> None:
    assert help_request(["--help"], COMMANDS) == "runstrong"
    assert help_request(["plan", "-h"], COMMANDS) == "plan"
    assert help_request(["plan", "x.toml", "--help"], COMMANDS) is None
    assert help_request(["nosuch", "--help"], COMMANDS) is None
    assert help_request(["run", "import", "--help"], COMMANDS) is None
