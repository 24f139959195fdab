"""`runstrong users` and `runstrong db`: accounts made, listed, changed and audited from the
command line; bad input named with exit status 2 and nothing written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.cli.runner import run_cli
from tests.web.accounts import PASSWORD, A, seed_server_diary


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("users") / "diary.db"
    seed_server_diary(str(path))
    return path


@pytest.fixture
def runstrong(seeded: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "diary.db"
    shutil.copyfile(seeded, path)
    env = {"RUNSTRONG_DB": str(path), "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
           "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "USER": "tester"}  # fmt: skip

    def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return run_cli(args, env=env, input=input)

    run.path = path  # type: ignore[attr-defined]
    return run


def _audit(path: Path) -> list[tuple[str, str, str]]:
    from runstrong.store.db import open_store
    from runstrong.store.tables import AuditRow

    store = open_store(str(path))
    with store.read() as s:
        rows = [(r.actor, r.action, r.summary) for r in s.scalars(select(AuditRow).order_by(AuditRow.id))]
    store.close()
    return rows


def test_add_a_coach_assign_an_athlete_and_list_them(runstrong) -> None:
    added = runstrong("users", "add", "sam", "--role", "coach", input=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert runstrong("users", "assign", "sam", A).stdout.strip() == f"sam coaches {A}."
    listed = json.loads(runstrong("users", "list", "--format", "json").stdout)
    assert {"name": "sam", "role": "coach", "athlete": None, "coaches": [A]} in listed
    assert ("cli:tester", "coach.assign", f"'sam' assigned '{A}'") in _audit(runstrong.path)


def test_unassign_removes_access_and_deletes_nothing_of_the_diary(runstrong) -> None:
    from runstrong.store import repo
    from runstrong.store.db import open_store

    def sessions_planned() -> int:
        store = open_store(str(runstrong.path))
        with store.read() as s:
            count = len(repo.latest_plan(s, repo.find_athlete(s, A).id)[1].weeks)
        store.close()
        return count

    before = sessions_planned()
    done = runstrong("users", "unassign", "cora_coach", A)
    assert done.returncode == 0 and "no longer coaches" in done.stdout
    listed = json.loads(runstrong("users", "list", "--format", "json").stdout)
    assert next(u for u in listed if u["name"] == "cora_coach")["coaches"] == []
    assert sessions_planned() == before


def test_set_role_and_passwd_are_audited(runstrong) -> None:
    assert runstrong("users", "set-role", "olaf_other", "admin").stdout.strip() == "olaf_other is now admin."
    assert runstrong("users", "passwd", "ann_a", input="a brand new password\n").returncode == 0
    actions = [a for _, a, _ in _audit(runstrong.path)]
    assert actions[-2:] == ["user.role", "user.password"]


def test_review_mode_is_set_per_athlete_and_audited(runstrong) -> None:
    out = runstrong("users", "review-mode", A, "review")
    assert out.returncode == 0 and "wait for a coach" in out.stdout
    assert _audit(runstrong.path)[-1] == ("cli:tester", "review.mode", f"'{A}': reviews review")


def test_token_prints_a_token_once(runstrong) -> None:
    out = runstrong("users", "token", "ben_b", "--label", "sync")
    assert out.returncode == 0 and out.stdout.startswith("rs_") and len(out.stdout.strip()) > 40


def test_an_athletes_account_without_a_diary_sets_up_its_profile_at_the_first_login(runstrong) -> None:
    out = runstrong("users", "add", "ines", "--role", "athlete", input=PASSWORD + "\n")
    assert out.returncode == 0 and "who sets up their profile at their first login" in out.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("users", "add", "x", "--role", "coach"), "short\n", "Error: password: at least"),
        (("users", "add", "ann_a", "--role", "coach"), PASSWORD + "\n", "Error: name: there is already a user"),
        (
            ("users", "add", "y", "--role", "athlete", "--athlete", "Nobody"),
            PASSWORD + "\n",
            "Error: --athlete: no athlete 'Nobody'",
        ),
        (("users", "assign", "ann_a", A), None, "Error: coach: 'ann_a' is athlete, not a coach"),
        (("users", "assign", "cora_coach", "Nobody"), None, "Error: --athlete: no athlete 'Nobody'"),
        (("users", "passwd", "ghost"), PASSWORD + "\n", "Error: user: no user 'ghost'"),
    ],
)
def test_mistakes_are_named_with_exit_2_and_nothing_written(runstrong, args, stdin, message) -> None:
    before = _audit(runstrong.path)
    out = runstrong(*args, input=stdin)
    assert out.returncode == 2 and out.stderr.startswith(message), out.stderr
    assert _audit(runstrong.path) == before


def test_db_upgrade_says_when_there_is_nothing_to_do(runstrong) -> None:
    out = runstrong("db", "upgrade")
    assert out.returncode == 0 and "already at schema" in out.stdout


def test_db_backup_of_sqlite_is_a_readable_copy_and_never_overwrites(runstrong, tmp_path: Path) -> None:
    import sqlite3

    target = tmp_path / "backup.db"
    assert runstrong("db", "backup", "-o", str(target)).returncode == 0
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == 5
    again = runstrong("db", "backup", "-o", str(target))
    assert again.returncode == 2 and "exists already" in again.stderr


def test_db_backup_as_json_reads_back_with_import(runstrong, tmp_path: Path) -> None:
    target = tmp_path / "backup.json"
    assert runstrong("db", "backup", "--json", "-o", str(target)).returncode == 0
    assert A in {a["name"] for a in json.loads(target.read_text())["athletes"]}
    restored = runstrong("import", str(target), "--db", str(tmp_path / "restored.db"))
    assert restored.returncode == 0, restored.stderr
