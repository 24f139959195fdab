"""Feed one hostile input to the command that reads it and judge the answer: accepted (exit
0), or refused with exit 2 and a field named, with nothing written; anything else (exit 1,
an internal error, a refusal naming nothing, a write despite the refusal) is a finding."""

from __future__ import annotations

import hashlib
import random
import re
import sqlite3
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tests.fuzz import inputs
from tests.fuzz.runner import Ran, run_cli

# "Error: <where>: <message>" (our errors) or click's "Error: Invalid value for '--x'"
FIELD_NAMED = re.compile(r"^Error: (Invalid value for '[^']+'|[^\n:]+?: \S)")


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    findings: list[str] = field(default_factory=list)

    def judge(self, kind: str, ran: Ran, changed: bool, what: str) -> None:
        self.counts["inputs"] += 1
        if ran.code == 0:
            self.counts["accepted"] += 1
            return
        if ran.internal or ran.code != 2:
            self.counts["internal errors"] += 1
            self.findings.append(f"{kind}: exit {ran.code}: {ran.err.strip()[:300]} <- {what}")
        elif not FIELD_NAMED.match(ran.err):
            self.counts["rejected without a field"] += 1
            self.findings.append(f"{kind}: no field named: {ran.err.strip()[:300]} <- {what}")
        elif changed:
            self.counts["written despite refusal"] += 1
            self.findings.append(f"{kind}: refused but wrote: {ran.err.strip()[:200]} <- {what}")
        else:
            self.counts["rejected with field"] += 1


def diary_digest(path: Path) -> str:
    """Every row of every table, hashed: equal digests mean nothing was written."""
    if not path.exists():
        return "none"
    digest = hashlib.sha256()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for table in tables:
            for row in db.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                digest.update(repr(row).encode())
    return digest.hexdigest()


class Bench:
    """A working folder with a diary holding one athlete (the base profile) and a profile file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.db = root / "diary.db"
        self.env = {"RUNSTRONG_DB": str(self.db), "XDG_DATA_HOME": str(root / "data")}
        self.profile = root / "me.toml"
        self.profile.write_text(inputs.PROFILE)
        ran = run_cli("athlete", "add", str(self.profile), env=self.env)
        assert ran.code == 0, ran.err

    def run(self, *args: str) -> tuple[Ran, bool]:
        """Run and say whether the diary changed."""
        before = diary_digest(self.db)
        ran = run_cli(*args, env=self.env)
        return ran, diary_digest(self.db) != before


def try_profile(bench: Bench, rng: random.Random, n: int, tally: Tally) -> None:
    suffix, data = inputs.profile_file(rng)
    path = bench.root / f"p{n % 7}{suffix}"
    path.write_bytes(data)
    if n % 4 == 0:  # storing writes: a refusal must leave the diary as it was
        ran, changed = bench.run("athlete", "add", str(path))
    else:
        ran, changed = run_cli("plan", str(path), "--format", "json", env=bench.env), False
    tally.judge("profile", ran, changed, repr(data[:120]))


def try_screen(bench: Bench, rng: random.Random, n: int, tally: Tally) -> None:
    suffix, data = inputs.screen_file(rng)
    source = bench.root / f"screen{suffix}"
    source.write_bytes(data)
    target = bench.root / "screened.toml"
    target.write_text(inputs.PROFILE)
    ran = run_cli("assess", str(target), "--no-input", "--from", str(source), env=bench.env)
    changed = target.read_text(encoding="utf-8") != inputs.PROFILE
    tally.judge("screen", ran, changed and ran.code != 0, repr(data[:120]))


def try_set_line(bench: Bench, rng: random.Random, n: int, tally: Tally) -> None:
    line = inputs.set_line(rng)
    day = inputs.START + inputs.dt.timedelta(days=n % 10)
    ran, changed = bench.run("log", "--date", str(day), f"--set={line}")
    tally.judge("set line", ran, changed and ran.code != 0, repr(line))


def try_diary_json(bench: Bench, rng: random.Random, n: int, tally: Tally) -> None:
    path = bench.root / "import.json"
    path.write_bytes(inputs.diary_json(rng))
    ran, changed = bench.run("import", str(path), *(["--replace"] if n % 2 else []))
    tally.judge("diary json", ran, changed and ran.code != 0, repr(path.read_bytes()[:120]))


def try_diary_csv(bench: Bench, rng: random.Random, n: int, tally: Tally) -> None:
    folder = bench.root / f"csv{n}"
    folder.mkdir()
    files = inputs.diary_csv(rng)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    ran, changed = bench.run("import", str(folder), "--replace")
    tally.judge("diary csv", ran, changed and ran.code != 0, repr({k: v[:60] for k, v in files.items()})[:300])


def try_diary_zip(bench: Bench, rng: random.Random, n: int, tally: Tally) -> None:
    path = bench.root / "import.zip"
    path.write_bytes(inputs.diary_zip(rng))
    ran, changed = bench.run("import", str(path), "--replace")
    try:
        members = zipfile.ZipFile(path).namelist()[:8]
    except Exception:
        members = ["(damaged)"]
    tally.judge("diary zip", ran, changed and ran.code != 0, repr(members))


def try_activity(bench: Bench, rng: random.Random, n: int, tally: Tally) -> None:
    """`run import` names a file it cannot read and exits 1 (the rest are imported, by
    design): never an internal error, and a broken single-activity file (FIT, GPX, TCX)
    writes nothing; a CSV export may still give its readable rows."""
    suffix, data = inputs.activity_file(rng)
    path = bench.root / f"a{n}{suffix}"
    path.write_bytes(data)
    ran, changed = bench.run("run", "import", str(path))
    tally.counts["inputs"] += 1
    crashed = "internal error" in ran.err or "Traceback" in ran.err or ran.code not in (0, 1, 2)
    if crashed or (ran.code == 1 and path.name not in ran.out + ran.err):
        tally.counts["internal errors"] += 1
        tally.findings.append(f"activity: exit {ran.code}: {ran.err.strip()[:300]} <- {suffix} {data[:80]!r}")
    elif ran.code == 0:
        tally.counts["accepted"] += 1
    elif changed and ".csv" not in suffix:
        tally.counts["written despite refusal"] += 1
        tally.findings.append(f"activity: refused but wrote <- {suffix} {data[:80]!r}")
    else:
        tally.counts["rejected with field"] += 1  # the file is named: it is the field here


def try_calendar(bench: Bench, rng: random.Random, n: int, tally: Tally) -> None:
    data = inputs.calendar_file(rng)
    path = bench.root / "plan.ics"
    path.write_bytes(data)
    target = bench.root / "runner.toml"
    target.write_text(inputs.PROFILE)
    ran = run_cli("calendar", "import", str(path), "--profile", str(target), "--yes", env=bench.env)
    changed = target.read_text(encoding="utf-8") != inputs.PROFILE
    tally.judge("calendar", ran, changed and ran.code != 0, repr(data[:120]))


TRIES = {
    "profile": try_profile,
    "screen": try_screen,
    "set line": try_set_line,
    "diary json": try_diary_json,
    "diary csv": try_diary_csv,
    "diary zip": try_diary_zip,
    "activity file": try_activity,
    "calendar": try_calendar,
}


def fuzz(root: Path, kind: str, count: int, seed: int, tally: Tally | None = None) -> Tally:
    """`count` inputs of `kind` from `seed`, judged into `tally`."""
    tally = tally or Tally()
    bench = Bench(root)
    rng = random.Random(f"{kind}:{seed}")
    for n in range(count):
        TRIES[kind](bench, rng, n, tally)
    return tally
