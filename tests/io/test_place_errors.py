"""A read-only data folder and a full disk are the user's to fix, said plainly (exit 2,
the folder named, what to do), never an internal OSError or a vague "check --db".
Real filesystems: small tmpfs mounts (read-only, or a few KB); skipped where mounting is
not permitted."""

from __future__ import annotations

import errno
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.fuzz.runner import run_cli


def _mount(target: Path, options: str) -> Path:
    target.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode().strip()})")
    return target


@pytest.fixture
def mounts():
    mounted: list[Path] = []

    def mount(target: Path, options: str) -> Path:
        mounted.append(_mount(target, options))
        return target

    yield mount
    for target in reversed(mounted):
        subprocess.run(["umount", "--lazy", str(target)], capture_output=True)  # lazily: a test may still hold a file


def _full(mount, tmp_path: Path) -> Path:
    """A 64 KB disk, filled to the last byte."""
    disk = mount(tmp_path / "full", "size=64k")
    with (disk / "filler").open("wb", buffering=0) as fh, pytest.raises(OSError) as err:
        while True:
            fh.write(b"\0" * 4096)
    assert err.value.errno == errno.ENOSPC
    return disk


def test_a_read_only_data_folder_is_named_with_what_to_do(tmp_path, mounts):
    data = mounts(tmp_path / "data", "ro,size=64k")
    ran = run_cli("athlete", "list", env={"XDG_DATA_HOME": str(data), "RUNSTRONG_DB": ""})
    assert ran.code == 2, ran.err
    assert str(data / "runstrong") in ran.err and "Read-only" in ran.err
    assert "--db or RUNSTRONG_DB" in ran.err and "internal error" not in ran.err


def test_a_diary_file_in_a_read_only_folder_says_the_folder_is_read_only(tmp_path, mounts):
    folder = mounts(tmp_path / "ro", "ro,size=64k")
    ran = run_cli("athlete", "add", str(EXAMPLES / "novice.toml"), env={"RUNSTRONG_DB": str(folder / "diary.db")})
    assert ran.code == 2, ran.err
    assert f"the folder {folder} is read-only" in ran.err


def test_a_full_disk_says_the_disk_is_full_and_nothing_was_written(tmp_path, mounts):
    disk = _full(mounts, tmp_path)
    ran = run_cli("athlete", "add", str(EXAMPLES / "novice.toml"), env={"RUNSTRONG_DB": str(disk / "diary.db")})
    assert ran.code == 2, ran.err
    assert f"the disk holding {disk} is full" in ran.err and "nothing was written" in ran.err
    assert "check --db" not in ran.err


def test_writing_a_plan_to_a_full_disk_leaves_no_half_file(tmp_path, mounts):
    disk = _full(mounts, tmp_path)
    out = disk / "plan.json"
    ran = run_cli("plan", str(EXAMPLES / "novice.toml"), "--format", "json", "-o", str(out))
    assert ran.code == 2, ran.err
    assert "--output" in ran.err and "No space left" in ran.err
    assert sorted(p.name for p in disk.iterdir()) == ["filler"]
