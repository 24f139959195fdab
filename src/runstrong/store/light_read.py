"""`runstrong today` read with the standard library's sqlite3: no SQLAlchemy, no Pydantic.

A fresh `today` process spent most of its time importing SQLAlchemy (~160 ms) and the
Pydantic models (~50 ms) before it read a row. On a SQLite diary already at the schema's
head revision (the full path would migrate it first), this module reads exactly what the
day shows, each with one query: the athlete, the current plan's items for the day, the
last sets of its exercises, the sets logged that day, the next session when none is
planned, and, when a planned load follows the log (`core.log_loads`), the lifts' latest
loaded sets, the stored light days they were lifted on (a block's `held_by`) and the
profile's units and load steps. Values stay the stored JSON and rows,
read by `io/day_view` through `Values`; the output is the full path's, byte for byte
(tests/store/test_light_read.py compares both on several diaries).

Anything else (a URL, a missing file, another schema, an athlete name that is not an exact
match, several athletes, no plan, JSON of another shape) answers None, and the caller takes
the full path, which also explains what is wrong. The registry values and the exercises' kit
that load-following needs are kept beside the data cache (`io/data_cache`'s key) as JSON; the
full path writes them the first time (`NeedsFollowData`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

from runstrong.core import loads as ld
from runstrong.core.log_loads import (
    eased_as_planned,
    followed_load,
    held_load,
    held_reps,
    kit_ceilings,
    lift_ceiling,
    not_yet_planned,
    week_best,
    within_kit,
)
from runstrong.core.log_read import first_lived, lived_days, log_reading, lookback, never_both
from runstrong.core.names import kept
from runstrong.core.owned_kit import owned_floor_kg, with_owned_heaviest, with_owned_steps
from runstrong.core.vocab import Units

MIGRATIONS = Path(__file__).with_name("migrations") / "versions"
DATA_FILES = ("exercises.toml", "rules.toml", "screen.toml", "ladders.toml")  # io.data_files.FILES (a test checks)
# what core.log_loads.followed_load and core.loads read from the registry's params
FOLLOW_PARAMS = ("autoreg_assumed_rir", "e1rm_formula", "e1rm_max_reps", "load_step_pct", "carry_load_pct",
                 "max_load_step_pct", "autoreg_max_drop_pct", "rounding_metric_kg", "rounding_imperial_lb",
                 "rounding_bar_kg", "rounding_bar_lb", "light_max_pct_1rm", "light_max_pct_of_best",
                 "heaviest_home_kg", "heaviest_gym_kg", "autoreg_implausible_load_pct",  # and `today`'s words on a slip
                 "autoreg_implausible_reps_pct", "autoreg_read_days")  # fmt: skip
# the stored JSON's keys, as core.diary's models have them (a test checks): another shape takes the full path
SESSION_KEYS = ("date", "label", "week", "focus", "heavy", "estimated_minutes", "blocks", "load")
BLOCK_KEYS = ("role", "exercise_id", "name", "prescription", "held_by", "find_weight", "go_easy")
RUN_KEYS = ("date", "type", "minutes")
SET_COLUMNS = ("exercise_id", "set_number", "side", "reps", "seconds", "contacts", "distance_m", "load_kg", "rpe",
               "rir", "form_quality", "form_note")  # fmt: skip


class NeedsFollowData(Exception):
    """A planned load follows the log, and the registry's values for it are not kept yet."""


class Values:
    """Attribute access over stored JSON (and rows), as the renderers read the models:
    nested objects and lists wrapped, `date` fields as dates."""

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def __getattr__(self, name: str) -> Any:
        try:
            value = self._data[name]
        except KeyError:
            raise AttributeError(name) from None
        if isinstance(value, dict):
            return Values(value)
        if isinstance(value, list):
            return [Values(v) if isinstance(v, dict) else v for v in value]
        if name == "date" and isinstance(value, str):
            return dt.date.fromisoformat(value)
        return value


@dataclass
class Day:
    """What `today` shows: plain JSON values (`sessions`, `runs`, `upcoming`) and set rows."""

    name: str
    units: Units
    plan_version: int
    sessions: list[dict[str, Any]]
    runs: list[dict[str, Any]]
    last: dict[str, list[Values]]
    logged: int
    upcoming: dict[str, Any] | None


def head_revision() -> str:
    """The newest migration's id (its file name's prefix): `store.db.HEAD_REVISION`, read
    without importing SQLAlchemy (a test keeps them equal)."""
    return max(p.name.split("_", 1)[0] for p in MIGRATIONS.glob("[0-9]*_*.py"))


def sqlite_file(db: str | None) -> Path | None:
    """The diary's SQLite file as `store.db.resolve_url` finds it, when it is a plain path to an existing file."""
    value = db or os.environ.get("RUNSTRONG_DB")
    if not value:
        import platformdirs

        value = str(platformdirs.user_data_path("runstrong") / "diary.db")
    if "://" in value:
        return None
    path = Path(value).expanduser()
    return path.resolve() if path.is_file() else None


def read_day(db: str | None, athlete: str | None, day: dt.date) -> Day | None:
    """The day as `today` shows it, or None when the full path must answer."""
    path = sqlite_file(db)
    if path is None or os.environ.get("RUNSTRONG_DATA", "").strip():
        return None
    try:
        con = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=15)
    except sqlite3.Error:
        return None
    try:
        con.execute("BEGIN")  # one snapshot for every query
        return _read(con, athlete, day)
    except (sqlite3.Error, KeyError, AttributeError, TypeError, ValueError):
        return None  # the full path reads it, or says what is wrong
    finally:
        con.close()


def _read(con: sqlite3.Connection, athlete: str | None, day: dt.date) -> Day | None:
    (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone() or (None,)
    if revision != head_revision():
        return None
    who = _athlete(con, athlete)
    plan = (
        who
        and con.execute(
            "SELECT id, version FROM plans WHERE athlete_id = ? ORDER BY version DESC LIMIT 1", (who[0],)
        ).fetchone()
    )
    if not plan:
        return None
    items = con.execute(
        "SELECT kind, data FROM planned_items WHERE plan_id = ? AND date = ? ORDER BY id", (plan[0], day.isoformat())
    ).fetchall()
    sessions = [json.loads(d) for k, d in items if k == "strength"]
    runs = [json.loads(d) for k, d in items if k == "run"]
    if not all(_shaped(s) for s in sessions) or any(tuple(r) != RUN_KEYS for r in runs):
        return None
    last = _last_sets(con, who[0], [b["exercise_id"] for s in sessions for b in s["blocks"]], day)
    if any(b["prescription"]["load_kg"] for s in sessions for b in s["blocks"]):
        sessions = _follow(con, who[0], plan[0], sessions, day)
    ids = [i for (i,) in con.execute("SELECT id FROM session_logs WHERE athlete_id = ? AND date = ? ORDER BY id",
                                     (who[0], day.isoformat()))]  # fmt: skip
    logged = _count_sets(con, ids)
    upcoming = None if sessions else _next_session(con, who[0], day)
    if upcoming is not None and not _shaped(upcoming):
        return None
    return Day(who[1], Units(who[2]), plan[1], sessions, runs, last, logged, upcoming)


def _shaped(session: dict[str, Any]) -> bool:
    return tuple(session) == SESSION_KEYS and all(tuple(b) == BLOCK_KEYS for b in session["blocks"])


def _athlete(con: sqlite3.Connection, name: str | None) -> tuple[int, str, str] | None:
    """The athlete `repo.find_athlete` finds by an exact name, or the only one; else None."""
    if name is not None:
        return con.execute("SELECT id, name, units FROM athletes WHERE name = ?", (kept(name.strip()),)).fetchone()
    rows = con.execute("SELECT id, name, units FROM athletes LIMIT 2").fetchall()
    return rows[0] if len(rows) == 1 else None


def _last_sets(con: sqlite3.Connection, athlete_id: int, exercise_ids: list[str], before: dt.date) -> dict:
    """`repo.last_sets`: each exercise's sets in the latest earlier session that had it."""
    ids = sorted(set(exercise_ids))
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = con.execute(
        f"SELECT {', '.join('s.' + c for c in SET_COLUMNS)} FROM set_logs s JOIN ("
        " SELECT x.exercise_id AS ex, x.session_log_id AS sid, row_number() OVER"
        "  (PARTITION BY x.exercise_id ORDER BY l.date DESC, l.id DESC) AS rank"
        " FROM set_logs x JOIN session_logs l ON x.session_log_id = l.id"
        f" WHERE l.athlete_id = ? AND l.date < ? AND x.exercise_id IN ({marks})"
        ") latest ON s.session_log_id = latest.sid AND s.exercise_id = latest.ex"
        " WHERE latest.rank = 1 ORDER BY s.id",
        (athlete_id, before.isoformat(), *ids),
    )
    out: dict[str, list[Values]] = {}
    for row in rows:
        out.setdefault(row[0], []).append(Values(dict(zip(SET_COLUMNS, row, strict=True))))
    return out


def _count_sets(con: sqlite3.Connection, session_ids: list[int]) -> int:
    if not session_ids:
        return 0
    marks = ",".join("?" * len(session_ids))
    return con.execute(f"SELECT count(id) FROM set_logs WHERE session_log_id IN ({marks})", session_ids).fetchone()[0]


def _next_session(con: sqlite3.Connection, athlete_id: int, after: dt.date) -> dict[str, Any] | None:
    row = con.execute(
        "SELECT i.data FROM planned_items i JOIN plans p ON p.id = i.plan_id"
        " WHERE p.athlete_id = ? AND i.kind = 'strength' AND i.date > ?"
        " AND p.version = (SELECT max(version) FROM plans WHERE athlete_id = ?)"
        " ORDER BY i.date, i.id LIMIT 1",
        (athlete_id, after.isoformat(), athlete_id),
    ).fetchone()
    return json.loads(row[0]) if row else None


# ---------------------------------------------------------------- loads that follow the log


def _follow(con: sqlite3.Connection, athlete_id: int, plan_id: int, sessions: list[dict], day: dt.date) -> list[dict]:
    """`flows.loads.follow_diary` on the stored JSON: each planned load moved by its lift's
    latest logged sets (`core.log_loads.followed_load` and `held_load`, the same code)."""
    data = follow_data()
    p = SimpleNamespace(**data["params"])
    logged = _logged_sets(con, athlete_id, day, p)
    row = (
        logged
        and con.execute(
            "SELECT data FROM profiles WHERE athlete_id = ? ORDER BY version DESC LIMIT 1", (athlete_id,)
        ).fetchone()
    )
    if not row:
        return sessions
    profile = json.loads(row[0])
    taken = {**profile.get("recent_sets", {}), **profile.get("logged_sets", {})}
    logged = not_yet_planned(logged, taken)  # a plan made from a set already follows it
    if not logged:
        return sessions
    units, kits, pairs = Units(profile["units"]), data["kits"], frozenset(data["pairs"])
    owned = profile.get("owned_weights", {})  # a profile stored before them has none
    own = with_owned_steps(profile["load_increments"], owned), profile.get("bar_weights", {}), owned
    gym = "gym" in profile.get("equipment", ())
    heaviest = with_owned_heaviest(profile.get("heaviest_loads", {}), owned)  # a profile stored before them has none
    ceilings = kit_ceilings(units, heaviest, gym, p)
    light = _lived_days(con, plan_id, {d for s in logged.values() for d in lookback(dt.date.fromisoformat(s.date))})
    out = []
    for session in sessions:
        blocks = [_followed(b, logged, units, own, (kits, pairs), p, light, ceilings) for b in session["blocks"]]
        out.append(session if blocks == session["blocks"] else {**session, "blocks": blocks})
    return out


def _lived_days(con: sqlite3.Connection, plan_id: int, days: set[dt.date]) -> dict[tuple[str, str], Values]:
    """`core.log_read.lived_days` of the stored plan's sessions on `days`, keyed by ISO date (the
    logged sets' dates here); one statement over the days' range."""
    rows = con.execute(
        "SELECT data FROM planned_items WHERE plan_id = ? AND kind = 'strength' AND date BETWEEN ? AND ?",
        (plan_id, min(days).isoformat(), max(days).isoformat()),
    )
    wanted = {d.isoformat() for d in days}
    sessions = [Values(x) for (data,) in rows for x in [json.loads(data)] if x.get("date") in wanted]
    return {(x, str(d)): b for (x, d), b in lived_days(sessions, [dt.date.fromisoformat(d) for d in wanted]).items()}


def _followed(
    block: dict, logged: dict, units: Units, own: tuple, lifts: tuple, p: Any, light: dict, ceilings: dict
) -> dict:
    """A block's load as its lift's logged set moves it (`log_loads.followed_block`); `lifts`: each
    exercise's implement, and the exercises that take both dumbbells at once."""
    (kits, pairs), presc, last = lifts, block["prescription"], logged.get(block["exercise_id"])
    kit = kits.get(block["exercise_id"])
    if presc["load_kg"] is None or last is None or kit is None:
        return block
    day = light.get((block["exercise_id"], last.date))
    if day is not None and day.held_by and eased_as_planned(day.prescription, last, p):
        return block
    step, bar = ld.increment_kg(kit, units, own[0], p), ld.lightest_kg(kit, units, own[1], p)
    bar = bar or owned_floor_kg(kit, units, own[2])
    first = first_lived(light, block["exercise_id"], last.date)
    estimate, hold = log_reading(bool(block.get("find_weight")), last, day, first, p)
    moved = followed_load(Values(presc), last, step, bar, p, estimate)  # type: ignore[arg-type]
    # one hard week: the load lifted holds; else never a load step with the reps' (log_loads._followed)
    kg = min(presc["load_kg"], last.load_kg) if hold else never_both(moved, presc["reps"], last, day, estimate)
    kg = held_load(block["held_by"], presc["load_kg"], kg, last, step, bar, p)
    top = lift_ceiling(block["exercise_id"] in pairs, kit, ceilings, step, bar)
    kg = within_kit(kg, presc["load_kg"], top, step, bar)
    reps = presc["reps"] if hold else held_reps(Values(presc), last, kg, p) or presc["reps"]  # type: ignore[arg-type]
    if kg == presc["load_kg"] and reps == presc["reps"]:
        return block
    return {**block, "prescription": {**presc, "load_kg": kg, "reps": reps}}


def _logged_sets(con: sqlite3.Connection, athlete_id: int, before: dt.date, p: Any) -> dict[str, SimpleNamespace]:
    """`store.logged_loads.logged_sets`: each lift's best set of its latest week logged with a load."""
    rows = con.execute(
        "SELECT s.exercise_id, s.session_log_id, s.reps, s.load_kg, s.rpe, s.rir, l.date FROM set_logs s"
        " JOIN session_logs l ON s.session_log_id = l.id"
        " WHERE l.athlete_id = ? AND l.date < ? AND s.load_kg IS NOT NULL AND s.reps IS NOT NULL"
        " ORDER BY l.date DESC, l.id DESC, s.id",
        (athlete_id, before.isoformat()),
    )
    by_lift: dict[str, list[tuple[str, SimpleNamespace]]] = {}
    for ex, _sid, reps, load_kg, rpe, rir, day in rows:
        by_lift.setdefault(ex, []).append(
            (day, SimpleNamespace(reps=reps, load_kg=load_kg, rpe=rpe, rir=rir, date=day))
        )
    out = {}
    for ex, dated in by_lift.items():
        found = week_best(dated, p)
        if found is not None:  # as core.log_loads.best_set makes its RecentSet
            s = found[1]
            out[ex] = SimpleNamespace(reps=min(s.reps, 30), load_kg=s.load_kg, rpe=s.rpe,
                                      rir=s.rir if s.rpe is None else None, date=s.date)  # fmt: skip
    return out


def _follow_file() -> Path:
    """Beside the data cache, named by the same key: the shipped data read by this code."""
    import runstrong
    from runstrong.io import data_cache

    files = {name: Path(runstrong.__file__).parent / "data" / name for name in DATA_FILES}
    return data_cache.cache_dir() / f"follow-{data_cache.key(files)}.json"


def follow_data() -> dict[str, Any]:
    """The registry's values and each exercise's kit that load-following reads (NeedsFollowData when not kept)."""
    try:
        data = json.loads(_follow_file().read_text("utf-8"))
    except (OSError, ValueError):
        raise NeedsFollowData from None
    if not isinstance(data, dict) or set(FOLLOW_PARAMS) - set(data.get("params", {})) or "pairs" not in data:
        raise NeedsFollowData  # kept by an older version, which read fewer values
    return data


def keep_follow_data(ctx: Any) -> None:
    """Keep what `follow_data` answers, from a checked planning context of the shipped data."""
    data = {
        "params": {name: getattr(ctx.params, name) for name in FOLLOW_PARAMS},
        "kits": {e.id: ld.implement(e.equipment) for e in ctx.library.exercises},
        "pairs": [e.id for e in ctx.library.exercises if e.pair_load],
    }
    target = _follow_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_suffix(f".{os.getpid()}.part")
        part.write_text(json.dumps(data), "utf-8")
        os.replace(part, target)
    except OSError:
        pass  # a read-only cache folder: `today` takes the full path each time
