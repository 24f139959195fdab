"""The checked library and registry are kept on disk, keyed by the files' bytes and the
code: a second process reads them back equal, an edited file is a miss, and a damaged
cache file is ignored."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from runstrong.io import data_cache
from runstrong.io.data_files import check_data, data_files


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
