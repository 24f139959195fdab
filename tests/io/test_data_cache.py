"""The checked library, registry and ladders are kept on disk, keyed by the files' bytes and
the code: a second process reads them back equal, an edited file is a miss (even at the same
size and time), a damaged file is ignored and written again, a folder that cannot be written
means no cache, and a file that is not the program's own data is never trusted."""

from __future__ import annotations

import os
import pickle
import shutil
import sys
from pathlib import Path

import pytest

from runstrong.io import data_cache
from runstrong.io import data_files as data_files_module
from runstrong.io.data_files import check_data, data_files, load_context, load_library, load_poses, load_registry


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(data_cache.ENV, str(folder))
    return folder


def test_what_was_checked_once_is_read_back_equal(cache: Path) -> None:
    files = data_files(None)
    checked = check_data(None)
    assert data_cache.load(files) is None
    data_cache.save(files, (checked.library, checked.registry))
    library, registry = data_cache.load(files)
    assert library.exercises == checked.library.exercises
    assert registry.fingerprint == checked.registry.fingerprint and registry.params == checked.registry.params
    assert len(list(cache.glob("data-*.pickle"))) == 1


def test_an_edited_data_file_is_a_miss(cache: Path, tmp_path: Path) -> None:
    edited = tmp_path / "data"
    edited.mkdir()
    shutil.copy(data_files(None)["rules.toml"], edited / "rules.toml")
    checked = check_data(edited)
    data_cache.save(data_files(edited), (checked.library, checked.registry))
    assert data_cache.load(data_files(edited)) is not None
    with open(edited / "rules.toml", "a", encoding="utf-8") as f:
        f.write("\n# a coach's note\n")
    assert data_cache.load(data_files(edited)) is None


def test_a_damaged_cache_file_is_ignored(cache: Path) -> None:
    files = data_files(None)
    cache.mkdir()
    (cache / f"data-{data_cache.key(files)}.pickle").write_bytes(b"\x80\x05not a pickle")
    assert data_cache.load(files) is None


@pytest.fixture
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each `load_context` as in a new process: no context kept in memory, only on disk."""
    monkeypatch.setattr(data_files_module, "_CONTEXTS", {})


def _edited_rules(folder: Path, cut: int) -> Path:
    folder.mkdir(exist_ok=True)
    text = (
        data_files(None)["rules.toml"].read_text("utf-8").replace("volume_cut_pct = 40\n", f"volume_cut_pct = {cut}\n")
    )
    (folder / "rules.toml").write_text(text, "utf-8")
    return folder / "rules.toml"


def test_a_changed_data_file_is_never_served_from_the_cache(cache: Path, tmp_path: Path, fresh_process: None) -> None:
    rules = _edited_rules(tmp_path / "data", 35)
    assert load_context(tmp_path / "data").params.deload_volume_cut_pct == 35
    stat = rules.stat()
    _edited_rules(tmp_path / "data", 30)  # the same size, and the same time put back: only the bytes differ
    os.utime(rules, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    data_files_module._CONTEXTS.clear()
    assert load_context(tmp_path / "data").params.deload_volume_cut_pct == 30
    assert len(list(cache.glob("data-*.pickle"))) == 2


def test_an_unwritable_cache_folder_only_means_no_cache(tmp_path: Path, monkeypatch, fresh_process: None) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(data_cache.ENV, str(blocker / "cache"))
    first = load_context()
    data_files_module._CONTEXTS.clear()
    again = load_context()
    assert again is not first and again.data_stamp == first.data_stamp and len(again.library) == len(first.library)


def test_a_corrupt_cache_file_is_ignored_and_written_again(cache: Path, fresh_process: None) -> None:
    expected = load_context().data_stamp
    (kept,) = cache.glob("data-*.pickle")
    kept.write_bytes(kept.read_bytes()[: len(kept.read_bytes()) // 2])  # half a file
    data_files_module._CONTEXTS.clear()
    assert load_context().data_stamp == expected
    assert data_cache.load(data_files(None)) is not None  # rewritten whole


def test_a_cache_file_made_for_other_data_is_not_trusted(cache: Path, tmp_path: Path) -> None:
    _edited_rules(tmp_path / "data", 30)
    checked = check_data(tmp_path / "data")
    data_cache.save(data_files(tmp_path / "data"), (checked.library, checked.registry, checked.ladders))
    (written,) = cache.glob("data-*.pickle")
    written.rename(cache / f"data-{data_cache.key(data_files(None))}.pickle")  # under the shipped data's name
    assert data_cache.load(data_files(None)) is None


class _RunsCode:
    def __reduce__(self) -> tuple:
        return (os.system, (f"touch {MARKER}",))


MARKER = Path("/nonexistent")  # set by the test below


def test_a_cache_file_that_would_run_code_is_refused(cache: Path, tmp_path: Path, monkeypatch) -> None:
    marker = tmp_path / "ran"
    monkeypatch.setattr(sys.modules[__name__], "MARKER", marker)
    files = data_files(None)
    cache.mkdir()
    name = data_cache.key(files)
    (cache / f"data-{name}.pickle").write_bytes(pickle.dumps((name, _RunsCode())))
    assert data_cache.load(files) is None
    assert not marker.exists()


@pytest.mark.parametrize(
    ("load", "same"),
    [
        (load_library, lambda a, b: a.exercises == b.exercises and a.version == b.version),
        (load_registry, lambda a, b: a.rules == b.rules and a.params == b.params),
        (load_poses, lambda a, b: a == b),
    ],
    ids=["library", "registry", "poses"],
)
def test_each_shipped_file_an_adapter_reads_alone_is_kept_and_read_back_equal(cache: Path, load, same) -> None:
    load.cache_clear()
    try:
        parsed = load()
        assert len(list(cache.glob("data-*.pickle"))) == 1
        load.cache_clear()
        again = load()
        assert again is not parsed and same(again, parsed)
    finally:
        load.cache_clear()
