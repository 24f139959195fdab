"""`--help` without click: each help page rendered once by click, then kept in the user's cache folder.

Importing click is most of what `runstrong X --help` costs (about 3x `python -c pass` on its
own), so a help page is stored the first time it is shown and printed from the file after
that. The file's name carries everything the page depends on: runstrong's version, the
width click formats to, and a stamp of the command modules (their folder, how many there
are and the newest modification time), so a new version, an edited command or another
terminal width renders the page again. Anything unusual (no cache folder, a read-only
disk, a broken file) falls back to click. Standard library only, and only `os` and `sys`.
"""

from __future__ import annotations

import os
import sys

HELP_FLAGS = ("--help", "-h")
TOP = "runstrong"  # the page of `runstrong --help`
# what help pages also read outside cli/: the values a command lists (core/vocab.py)
ALSO_READ = (("core", "vocab.py"),)


def help_request(args: list[str], commands: dict) -> str | None:
    """The page `args` asks for (`runstrong` or a subcommand's name), or None if it is not a bare help request."""
    if len(args) == 1 and args[0] in HELP_FLAGS:
        return TOP
    if len(args) == 2 and args[1] in HELP_FLAGS and args[0] in commands:
        return args[0]
    return None


def read(page: str) -> str | None:
    """The stored page, or None when there is none for this version, width and code."""
    path = _path(page)
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8") as f:
            return f.read() or None
    except (OSError, UnicodeDecodeError):
        return None


def store(page: str, text: str) -> None:
    """Keep `text` as the page (written whole or not at all); older copies of it go."""
    path = _path(page)
    if path is None or not text:
        return
    folder, name = os.path.split(path)
    try:
        os.makedirs(folder, exist_ok=True)
        for entry in os.scandir(folder):
            if entry.name.endswith(f"-{page}.txt") and entry.name.startswith("help-") and entry.name != name:
                os.remove(entry.path)
        part = f"{path}.{os.getpid()}.part"
        with open(part, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(part, path)
    except OSError:
        return


def _path(page: str) -> str | None:
    folder = _cache_folder()
    stamp = _code_stamp()
    if folder is None or stamp is None:
        return None
    from runstrong import __version__

    return os.path.join(folder, f"help-{__version__}-w{_help_width()}-{stamp}-{page}.txt")


def _cache_folder() -> str | None:
    """The user's cache folder for runstrong (XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows)."""
    env = os.environ
    if sys.platform == "win32":
        base = env.get("LOCALAPPDATA")
    elif sys.platform == "darwin":
        base = os.path.join(env["HOME"], "Library", "Caches") if env.get("HOME") else None
    else:
        base = env.get("XDG_CACHE_HOME") or (os.path.join(env["HOME"], ".cache") if env.get("HOME") else None)
    return os.path.join(base, "runstrong") if base and os.path.isabs(base) else None


def _code_stamp() -> str | None:
    """Where the command modules are, how many, and the newest change among them."""
    cli = os.path.dirname(os.path.abspath(__file__))
    package = os.path.dirname(cli)
    try:
        times = [e.stat().st_mtime_ns for e in os.scandir(cli) if e.name.endswith(".py")]
        times += [os.stat(os.path.join(package, *parts)).st_mtime_ns for parts in ALSO_READ]
    except OSError:
        return None
    where = sum(ord(c) * (i + 1) for i, c in enumerate(cli)) % 1_000_003  # another checkout: other pages
    return f"{where}-{len(times)}-{max(times)}"


def _help_width() -> int:
    """The width click formats help to: the terminal's columns (as shutil finds them), 50 to 78."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 80
    return max(min(columns, 80) - 2, 50)
