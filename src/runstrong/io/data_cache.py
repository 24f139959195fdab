"""The checked exercise library, rule registry and ladders (and the figures' poses) kept on disk between processes.

Parsing and validating the TOML costs a fresh process ~25 ms of CPU; reading back what was
checked before costs ~2 ms (with the collector off while the objects are made: a collection
part-way through the load is half of its cost). The file's name is a hash of the data files'
bytes and of the program that reads them (runstrong's version, the Python version, and the
size and modification time of every `core/*.py` and of this reader), so an edited data file
or changed code is a miss, never a stale hit; the same key is written inside the file and
checked on reading. Only data that passed every check is kept. The folder is the user's
cache folder (or `RUNSTRONG_CACHE_DIR`); anything unreadable, damaged or from another
version there is ignored and written again, and a folder that cannot be written to just
means no cache. The file is read by an unpickler that makes nothing but runstrong's own
data values and a few builtins (`SafeUnpickler`): a file someone else put there cannot run
code, it is only ignored.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from pathlib import Path
from typing import Any

ENV = "RUNSTRONG_CACHE_DIR"
FORMAT = 2  # bumped when what is kept changes shape
# Modules whose values a cache file may hold (the data values and the vocabulary they use).
ALLOWED_PREFIXES = ("runstrong.core.",)
ALLOWED_BUILTINS = frozenset({("builtins", n) for n in ("frozenset", "set", "tuple", "list", "dict", "object")}) | {
    ("copyreg", "_reconstructor"),
    ("datetime", "date"),
    ("datetime", "timedelta"),
}


def cache_dir() -> Path:
    value = os.environ.get(ENV, "").strip()
    if value:
        return Path(value).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("runstrong"))


def _code_stamp() -> bytes:
    """The code that reads and shapes the data, by each file's name, size and modification
    time: a change to it makes every cached copy stale."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = []
    folders = [os.path.join(package, "core")]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir():
                    folders.append(entry.path)
                elif entry.name.endswith(".py"):
                    out.append(entry.path)
    out += [os.path.join(package, "io", "data_files.py"), os.path.abspath(__file__)]
    parts = []
    for path in sorted(out):
        stat = os.stat(path)
        parts.append(f"{os.path.relpath(path, package)}\0{stat.st_size}\0{stat.st_mtime_ns}\0")
    return "".join(parts).encode()


def key(files: dict[str, Path]) -> str:
    """A name for this data read by this code: the data files by their bytes, the code by its
    version, and its files' sizes and modification times (a stat, not a read, of each)."""
    from runstrong import __version__

    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version}".encode())
    for path in files.values():
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes())
    digest.update(_code_stamp())
    return digest.hexdigest()[:40]


def _path(name: str) -> Path:
    return cache_dir() / f"data-{name}.pickle"


class SafeUnpickler(pickle.Unpickler):
    """Makes only runstrong's core values (and a few builtins): any other global is refused."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith(ALLOWED_PREFIXES) or (module, name) in ALLOWED_BUILTINS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not runstrong data")


def load(files: dict[str, Path]) -> Any | None:
    """What `save` kept for exactly these files and this code, or None."""
    import gc

    try:
        name = key(files)
        data = _path(name).read_bytes()
    except OSError:  # no cache yet, or the folder cannot be read
        return None
    collecting = gc.isenabled()
    gc.disable()  # thousands of new objects, none of them garbage: no collection part-way
    try:
        kept, value = SafeUnpickler(io.BytesIO(data)).load()
    except Exception:  # damaged, half-written, foreign or from another version: parse the files instead
        return None
    finally:
        if collecting:
            gc.enable()
    return value if kept == name else None


def save(files: dict[str, Path], value: Any) -> None:
    """Keep `value` for these files (written whole, then renamed: a reader never sees half)."""
    import tempfile

    try:
        name = key(files)
        target = _path(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=target.parent, delete=False, suffix=".part") as f:
            pickle.dump((name, value), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, target)
    except OSError:
        pass  # a read-only home: no cache, same results
