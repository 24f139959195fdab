"""`runstrong today` words a session's load as the plan and the booklet do, on both of its read
paths (the full one and `store/light_read`): a light day before a key run, a deload and the
taper are "light" (cr18b #8: `today` said "moderate" for every session that was not heavy)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from runstrong.store import light_read
from tests.cli.runner import env_for, run_cli
from tests.conftest import EXAMPLES

# the example marathoner's plan: one session of each kind (tests/web/test_session_load_words.py checks the plan)
KINDS = {
    "light-day": (dt.date(2027, 1, 4), "light"),
    "moderate": (dt.date(2027, 1, 8), "moderate"),
    "deload": (dt.date(2027, 1, 29), "light"),
    "heavy": (dt.date(2027, 2, 19), "heavy"),  # week 7: week 6 starts the third session, heavy waits a week
    "taper": (dt.date(2027, 4, 12), "light"),
}


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("marathoner")
    env = env_for(folder) | {"RUNSTRONG_TODAY": "2027-04-30"}
    assert run_cli(["athlete", "add", str(EXAMPLES / "marathoner.toml")], env=env).returncode == 0
    return env


@pytest.mark.parametrize("light", [True, False], ids=["light-path", "full-path"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_today_words_a_sessions_load_as_the_plan_does(env, monkeypatch, kind, light):
    day, label = KINDS[kind]
    answered = []
    read_day = light_read.read_day

    def spy(*args):
        answered.append(read_day(*args) if light else None)
        return answered[-1]

    run_cli(["today", "--date", str(day)], env=env)  # the first keeps what load-following reads
    with monkeypatch.context() as m:
        m.setattr(light_read, "read_day", spy)
        out = run_cli(["today", "--date", str(day)], env=env)
    assert out.returncode == 0, out.stderr
    [title] = re.findall(r"Session [A-Z] · [^·]+ · (\w+) · ~", out.stdout)
    assert title == label
    assert (answered[-1] is not None) == light  # the path meant did answer
