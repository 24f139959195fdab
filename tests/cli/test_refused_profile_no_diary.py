"""A profile the CLI refuses writes nothing, not even an empty diary file (cr23a F10): `athlete
add`, `today --profile` and `log --profile` read the file before they open the diary."""

from __future__ import annotations

import pytest

from tests.cli.runner import env_for, run_cli

BAD = """
name = "Elke"
age = 157
body_mass_kg = 66
start_date = 2027-01-04
"""


@pytest.mark.parametrize(
    "args",
    [("athlete", "add", "me.toml"), ("today", "--profile", "me.toml"), ("log", "--profile", "me.toml", "--as-planned")],
    ids=["athlete-add", "today", "log"],
)
def test_a_refused_profile_creates_no_diary(tmp_path, args):
    (tmp_path / "me.toml").write_text(BAD)
    out = run_cli(args, cwd=tmp_path, env=env_for(tmp_path))
    assert out.returncode == 2, out.stdout + out.stderr
    assert "age" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "diary.db").exists()
