"""The checked exercise library and rule registry kept on disk between processes.

Parsing and validating the TOML costs a fresh process ~150 ms (most of `runstrong review`
after its imports); unpickling the result costs ~8 ms. The file's name is a hash of the
data files' bytes and of the code that defines what is pickled (runstrong's version, the
Python version and every `core/*.py`), so an edited data file or a changed class is a
miss, never a stale hit. Only data that passed every check is kept. The folder is the
user's cache folder (or `RUNSTRONG_CACHE_DIR`); anything unreadable there is ignored and
rebuilt, and a folder that cannot be written to just means no cache.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Any

ENV = "RUNSTRONG_CACHE_DIR"


def cache_dir() -> Path:
    value = os.environ.get(ENV, "").strip()
    if value:
        return Path(value).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("runstrong"))


def _code_files() -> list[Path]:
    """The code that reads and shapes the data: a change to it makes every cached copy stale."""
    package = Path(__file__).resolve().parents[1]
    return sorted([*(package / "core").rglob("*.py"), package / "io" / "data_files.py", Path(__file__).resolve()])


def key(files: dict[str, Path]) -> str:
    """A name for this data read by this code: equal only when both are byte for byte the same."""
    from runstrong import __version__

    digest = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    for path in (*files.values(), *_code_files()):
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:40]


def _path(files: dict[str, Path]) -> Path:
    return cache_dir() / f"data-{key(files)}.pickle"


def load(files: dict[str, Path]) -> Any | None:
    """What `save` kept for exactly these files and this code, or None."""
    import pickle  # here, not at the top: `today`'s light path needs only `key`

    try:
        with open(_path(files), "rb") as f:
            return pickle.load(f)
    except Exception:  # missing, unreadable or half-written: parse the files instead
        return None


def save(files: dict[str, Path], value: Any) -> None:
    """Keep `value` for these files (written whole, then renamed: a reader never sees half)."""
    import pickle
    import tempfile

    try:
        target = _path(files)
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=target.parent, delete=False, suffix=".part") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, target)
    except OSError:
        pass  # a read-only home: no cache, same results
