"""Hostile inputs, seeded and reproducible: mutated and re-encoded profiles, screens, set
lines and diary imports (JSON, CSV folders and zips), plus bombs. Shared by the bounded
suite in tests/fuzz and the long run in bench/fuzz.py, so both try the same kinds."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import random
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w
import yaml

from runstrong import clock
from tests.conftest import EXAMPLES

TODAY = clock.today()  # the run's pinned date (tests/conftest.py)
START = TODAY - dt.timedelta(days=TODAY.weekday() + 14)  # a Monday two weeks ago

PROFILE = (EXAMPLES / "novice.toml").read_text(encoding="utf-8").replace("2027-01-11", str(START))
SCREEN = {
    "date": str(START),
    "hip_hinge_pass": True,
    "plank_seconds": 90,
    "side_plank_left_seconds": 45,
    "side_plank_right_seconds": 60,
    "single_leg_squat_left": "good",
    "single_leg_squat_right": "fair",
    "single_leg_squat_faults_right": ["pelvis"],
    "balance_open_left_seconds": 45,
    "balance_open_right_seconds": 40,
    "heel_raise_left": 28,
    "heel_raise_right": 30,
}
SET_LINES = [
    "rdl 3x8@40kg rpe7",
    "side plank 2x30s left",
    "pogo hops 3x20c",
    "farmer carry 2x40m @24kg",
    "split squat 8,8,7 @bw+10kg rir2 form3 # knee drifts in",
    "glute bridge 3x12",
    "calf raise 2x15 @90lb",
]

# values that have broken parsers somewhere: ends of ranges, markup, odd text
NASTY: list[Any] = [
    0, -1, 1e308, -1e308, 10**30, 2**63, 0.1, float("nan"), float("inf"), True, None, "", " ", "\x00", "[/]",
    "[bold]x[/]", "[link=https://x]y[/link]", "🏃" * 50, "a" * 5000, "0001-01-01", "9999-12-31", "-800000",
    "1970-01-01T00:00:00Z", [], {}, [[[[[]]]]], {"a": {"b": {}}}, "\u202e", "NaN", "null", "é", "\r\n",
]  # fmt: skip
NASTY_DATES = [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(1899, 12, 31), dt.date(2201, 1, 1), START]


def yaml_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{n}: &a{n} [{','.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def deep(kind: str, depth: int) -> str:
    if kind == "toml":
        return "name = 'x'\nweird = " + "[" * depth + "]" * depth + "\n"
    if kind == "json":
        return '{"name": ' + "[" * depth + "]" * depth + "}"
    return "name: " + "[" * depth + "]" * depth + "\n"


# ------------------------------------------------------------------- byte mutations


def mutate_bytes(rng: random.Random, data: bytes, count: int = 0) -> bytes:
    """A few random edits: flip, insert, delete, duplicate a slice, truncate."""
    out = bytearray(data)
    for _ in range(count or rng.randint(1, 6)):
        if not out:
            out += bytes([rng.randrange(256)])
            continue
        at = rng.randrange(len(out))
        op = rng.randrange(6)
        if op == 0:
            out[at] ^= 1 << rng.randrange(8)
        elif op == 1:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 2:
            del out[at : at + rng.randint(1, 16)]
        elif op == 3:
            end = min(len(out), at + rng.randint(1, 64))
            out[at:at] = out[at:end] * rng.randint(1, 4)
        elif op == 4:
            del out[at:]
        else:
            out[at:at] = rng.choice([b"[/]", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b'"', b"\n[", b"&a", b"*a"])
    return bytes(out)


def encode_oddly(rng: random.Random, text: str) -> bytes:
    """The text in an encoding a person's editor might have used."""
    choice = rng.randrange(6)
    if choice == 0:
        return text.encode("utf-16")
    if choice == 1:
        return (text + "# café\n").encode("cp1252", errors="replace")
    if choice == 2:
        return codecs.BOM_UTF8 + text.encode()
    if choice == 3:
        return text.encode("utf-32")
    if choice == 4:
        return text.replace("\n", "\r\n").encode()
    return text.encode("utf-16-le")


# ---------------------------------------------------------------- structured mutations


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for n, v in enumerate(data):
            out += _paths(v, (*prefix, n))
    return out


def _set(data: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = _set(copy[head], rest, value)
    return copy


def nasty_value(rng: random.Random) -> Any:
    if rng.random() < 0.3:
        return rng.choice(NASTY_DATES)
    return rng.choice(NASTY)


def mutate_structure(rng: random.Random, data: Any, count: int = 0) -> Any:
    """Replace or drop a few values anywhere in the tree, or add unknown fields."""
    for _ in range(count or rng.randint(1, 4)):
        paths = _paths(data)
        path = rng.choice(paths)
        if rng.random() < 0.15 and isinstance(data, dict):
            data = {**data, rng.choice(["adjustments", "screens", "exercise_swaps", "nmae", "known_loads_kg"]): []}
        elif rng.random() < 0.2 and path and isinstance(data, dict) and len(path) == 1:
            data = {k: v for k, v in data.items() if k != path[0]}
        else:
            data = _set(data, path, nasty_value(rng))
    return data


def dump(rng: random.Random, data: Any, fmt: str) -> bytes | None:
    """`data` written as TOML, YAML or JSON; None when the format cannot hold it."""
    try:
        if fmt == "toml":
            return tomli_w.dumps(_tomlable(data)).encode()
        if fmt == "yaml":
            return yaml.safe_dump(data, allow_unicode=True).encode()
        return json.dumps(data, default=str, allow_nan=True).encode()
    except (TypeError, ValueError, AttributeError):  # e.g. a top level that is no table
        return None


def _tomlable(data: Any) -> Any:
    if isinstance(data, dict):
        return {str(k): _tomlable(v) for k, v in data.items() if v is not None}
    if isinstance(data, list):
        return [_tomlable(v) for v in data if v is not None]
    return data


# ----------------------------------------------------------------------- each kind


DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
KIT = ["bodyweight", "bands", "dumbbells", "gym", "box", "bench", "kettlebell", "barbell", "pull_up_bar", "step"]
EXERCISE_IDS = ["glute_bridge", "romanian_deadlift", "front_plank", "pogo_hops", "bird_dog", "nordic_curl", "x_y"]


def _day(rng: random.Random, spread: int = 200) -> str:
    return str(START + dt.timedelta(days=rng.randint(-30, spread)))


def plausible(rng: random.Random) -> dict[str, Any]:
    """A change a runner or a review could really make: near the edges, rarely past them."""
    return rng.choice(
        [
            {"plan_weeks": rng.randint(0, 60)},
            {"age": rng.randint(10, 110)},
            {"session_cap_minutes": rng.randint(15, 70)},
            {"available_days": rng.sample(DAYS, rng.randint(0, 7))},
            {"equipment": rng.sample(KIT, rng.randint(1, 3))},
            {"pain_areas": rng.sample(["knee", "achilles", "hip", "lower_back", "calf", "foot"], rng.randint(0, 3))},
            {"strength_experience": rng.choice(["novice", "intermediate", "advanced"])},
            {"race": {"distance": rng.choice(["5k", "10k", "half", "marathon"]), "date": _day(rng, 500)}},
            {"allow_double_days": rng.random() < 0.5, "consistent_strength_weeks": rng.randint(0, 600)},
            {"running": {"weekly": [{"day": d, "type": rng.choice(["easy", "long", "tempo", "intervals", "race"]),
                                     "minutes": rng.randint(0, 700)} for d in rng.sample(DAYS, rng.randint(0, 7))]}},
            {"adjustments": [{"week_start": _day(rng), "reduce": {"core": rng.randint(0, 70)}, "max_sessions":
                              rng.randint(0, 3), "equipment": rng.sample(KIT, 1), "deload": rng.random() < 0.3}
                             for _ in range(rng.randint(1, 4))]},
            {"exercise_swaps": [{"from_id": rng.choice(EXERCISE_IDS), "to_id": rng.choice([*EXERCISE_IDS, None]),
                                 "since": _day(rng)} for _ in range(rng.randint(1, 3))]},
            {"known_loads_kg": {rng.choice(EXERCISE_IDS): rng.choice([0.5, 40, 500, 501])}},
        ]
    )  # fmt: skip


def profile_file(rng: random.Random) -> tuple[str, bytes]:
    """(suffix, bytes) of a hostile profile."""
    import tomllib

    kind = rng.randrange(14)
    if kind >= 10:  # plausible edits: reach the planner, not only the parser
        data = tomllib.loads(PROFILE)
        for _ in range(rng.randint(1, 3)):
            data |= plausible(rng)
        fmt = rng.choice(["toml", "yaml", "json"])
        return f".{fmt}", dump(rng, data, fmt) or PROFILE.encode()
    if kind == 0:
        return ".yaml", yaml_bomb(rng.randint(6, 12)).encode()
    if kind == 1:
        fmt = rng.choice(["toml", "json", "yaml"])
        return f".{fmt}" if fmt != "yaml" else ".yaml", deep(fmt, rng.choice([70, 1000, 50_000])).encode()
    if kind == 2:
        return ".toml", encode_oddly(rng, PROFILE)
    if kind in (3, 4):
        return ".toml", mutate_bytes(rng, PROFILE.encode())
    fmt = rng.choice(["toml", "yaml", "json"])
    data = mutate_structure(rng, tomllib.loads(PROFILE))
    body = dump(rng, data, fmt)
    if body is None:
        return ".toml", mutate_bytes(rng, PROFILE.encode())
    return f".{fmt}", mutate_bytes(rng, body, 1) if rng.random() < 0.2 else body


def screen_file(rng: random.Random) -> tuple[str, bytes]:
    kind = rng.randrange(6)
    if kind == 0:
        return ".yaml", yaml_bomb(rng.randint(6, 12)).encode()
    if kind == 1:
        return ".json", encode_oddly(rng, json.dumps(SCREEN))
    fmt = rng.choice(["toml", "yaml", "json"])
    body = dump(rng, mutate_structure(rng, SCREEN), fmt)
    if body is None or kind == 2:
        return ".json", mutate_bytes(rng, json.dumps(SCREEN).encode())
    return f".{fmt}", body


SET_TOKENS = [
    "3x8", "x", "@", "kg", "lb", "bw+", "rpe", "rir", "form", "#", "s", "c", "m", ",", "left", "right",
    "99999999999", "-3", "1e9", "0x8", "[/]", "\x00", "😀", "nan", "inf", "20x", "x500", "@500kg", "5,5,",
]  # fmt: skip


def set_line(rng: random.Random) -> str:
    base = rng.choice(SET_LINES)
    kind = rng.randrange(4)
    if kind == 0:
        words = base.split()
        words.insert(rng.randrange(len(words) + 1), rng.choice(SET_TOKENS))
        return " ".join(words)
    if kind == 1:
        return mutate_bytes(rng, base.encode()).decode("utf-8", errors="replace")
    if kind == 2:
        return " ".join(rng.choice(SET_TOKENS) for _ in range(rng.randint(1, 6)))
    return base.split()[0] + " " + "".join(rng.choice(SET_TOKENS) for _ in range(rng.randint(1, 4)))


def diary_export(sessions: int = 2) -> dict:
    """A small valid diary export, as `runstrong export` writes it."""
    day = START + dt.timedelta(days=1)
    return {
        "schema": "runstrong.diary",
        "version": 1,
        "exported_at": f"{TODAY}T08:00:00",
        "athletes": [
            {
                "name": "Fuzz",
                "units": "metric",
                "created_at": f"{START}T08:00:00",
                "sessions": [
                    {
                        "date": str(day + dt.timedelta(days=2 * n)),
                        "minutes": 35,
                        "session_rpe": 6,
                        "note": "fine",
                        "sets": [{"exercise_id": "glute_bridge", "set_number": k, "reps": 12} for k in (1, 2)],
                    }
                    for n in range(sessions)
                ],
                "wellness": [{"date": str(day), "mood": 4, "sleep_hours": 7.5}],
                "runs": [{"date": str(day), "type": "easy", "minutes": 30, "started_at": f"{day}T07:00:00+02:00"}],
                "notes": [{"date": str(day), "text": "a note"}],
            }
        ],
    }


def diary_json(rng: random.Random) -> bytes:
    kind = rng.randrange(6)
    if kind == 0:
        return deep("json", rng.choice([70, 5000, 100_000])).encode()
    if kind == 1:
        return encode_oddly(rng, json.dumps(diary_export()))
    if kind == 2:
        return mutate_bytes(rng, json.dumps(diary_export()).encode())
    return json.dumps(mutate_structure(rng, diary_export(), rng.randint(1, 3)), default=str).encode()


def csv_texts() -> dict[str, str]:
    """The CSV files of `diary_export()`, as `runstrong export --format csv` writes them."""
    from runstrong.core.diary import DiaryExport
    from runstrong.io.diary_files import _render, csv_tables

    tables = csv_tables(DiaryExport.model_validate(diary_export()), {})
    return {name: _render(rows) for name, rows in tables.items()}


def diary_csv(rng: random.Random) -> dict[str, bytes]:
    """CSV files (name -> bytes), some edited cell by cell, some re-encoded or byte-mutated."""
    out: dict[str, bytes] = {}
    for name, text in csv_texts().items():
        roll = rng.random()
        if roll < 0.15:
            out[name] = encode_oddly(rng, text)
        elif roll < 0.35:
            out[name] = mutate_bytes(rng, text.encode())
        elif roll < 0.6:
            out[name] = _mutate_cells(rng, text).encode()
        elif roll < 0.9:
            out[name] = text.encode()
    return out


def _mutate_cells(rng: random.Random, text: str) -> str:
    import csv

    rows = list(csv.reader(io.StringIO(text, newline="")))
    if len(rows) < 2:
        return text
    row = rng.randrange(1, len(rows))
    col = rng.randrange(len(rows[row]))
    value = nasty_value(rng)
    rows[row][col] = str(value) if not isinstance(value, dt.date) else value.isoformat()
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def diary_zip(rng: random.Random) -> bytes:
    """A zip of CSV files, sometimes a bomb, with many members, or damaged."""
    buffer = io.BytesIO()
    kind = rng.randrange(8)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as z:
        if kind == 0:
            z.writestr("notes.csv", "athlete,date,text\r\n" + "A" * rng.choice([2, 20, 60]) * 1024 * 1024)
        elif kind == 1:
            for n in range(rng.choice([50, 150])):
                z.writestr(f"x{n}.csv", "")
        else:
            for name, data in diary_csv(rng).items():
                z.writestr(rng.choice([name, f"diary/{name}", name]), data)
    data = buffer.getvalue()
    return mutate_bytes(rng, data, 1) if kind == 7 else data


GENERATORS: dict[str, Callable[[random.Random], Any]] = {
    "profile": profile_file,
    "screen": screen_file,
    "set line": set_line,
    "diary json": diary_json,
    "diary csv": diary_csv,
    "diary zip": diary_zip,
}


ACTIVITY_SEEDS = Path(__file__).resolve().parents[1] / "data" / "activities"
CALENDAR_SEEDS = Path(__file__).resolve().parents[1] / "data" / "ics"


def activity_file(rng: random.Random) -> tuple[str, bytes]:
    """A real activity file (FIT, GPX, TCX, CSV) mutated, truncated, gzipped or renamed."""
    import gzip

    seeds = sorted(p for p in ACTIVITY_SEEDS.iterdir() if p.suffix in (".fit", ".gpx", ".tcx", ".csv"))
    seed = rng.choice(seeds)
    data = mutate_bytes(rng, seed.read_bytes()) if rng.random() < 0.8 else seed.read_bytes()
    suffix = seed.suffix if rng.random() < 0.85 else rng.choice([".fit", ".gpx", ".tcx", ".csv"])
    if rng.random() < 0.2:
        return suffix + ".gz", gzip.compress(data) if rng.random() < 0.8 else mutate_bytes(rng, gzip.compress(data))
    return suffix, data


def calendar_file(rng: random.Random) -> bytes:
    """A real running-plan calendar with its bytes or its lines mutated."""
    seed = rng.choice(sorted(CALENDAR_SEEDS.glob("*.ics")))
    text = seed.read_text(encoding="utf-8", errors="replace")
    if rng.random() < 0.5:
        return mutate_bytes(rng, text.encode())
    lines = text.splitlines()
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(lines))
        key = lines[at].split(":", 1)[0]
        value = rng.choice([str(nasty_value(rng)), str(rng.choice(NASTY_DATES)).replace("-", ""), "FREQ=SECONDLY"])
        lines[at] = f"{key}:{value}"
    return "\r\n".join(lines).encode("utf-8", errors="replace")
