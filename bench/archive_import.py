"""Importing a Strava-style export archive of 2,000 activities into a fresh SQLite diary,
against the bare parsers on the same files (issue 19: peak memory <= 300 MB, time <= 1.3x).

    python bench/archive_import.py [--activities 2000]

The archive is written by tests/data/strava_archive.py: activities.csv plus activities/
with .fit.gz (real FIT files from ../shared/data/fit moved by whole days: a fenix 2 run of
2,809 records, a fenix 5 run, an Edge 500 ride; FIT runs written with fit-tool when that
folder is absent), .gpx.gz and .tcx.gz (from tests/data/activities), some broken.

Each phase runs in its own process, so its peak memory (ru_maxrss) is its own:
- bare, full: every member gunzipped and decoded whole: garmin-fit-sdk `Decoder.read()`
  with its defaults, `gpxpy.parse`, ElementTree `fromstring`.
- bare, lightest: the same with the lightest honest SDK decode (issue 21): every record
  still decoded, but no CRC check, component or sub-field expansion, heart-rate merge,
  scaling, or conversion of types and dates.
- import: `runstrong import-archive`'s work: the archive streamed, every file read and
  classified, rows matched, duplicates checked, the runs inserted in one transaction.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

LIGHTEST = {"apply_scale_and_offset": False, "convert_datetimes_to_dates": False, "convert_types_to_strings": False,
            "enable_crc_check": False, "expand_sub_fields": False, "expand_components": False,
            "merge_heart_rates": False}  # fmt: skip


def write_archive(path: Path, count: int) -> dict:
    from tests.data.strava_archive import strava_archive

    from activity_import import FIT_DIR, FIT_SOURCES, shift_fit, synthetic_fit_sources

    fits = [(FIT_DIR / n).read_bytes() for n in FIT_SOURCES] if FIT_DIR.is_dir() else synthetic_fit_sources()
    base = dt.date(2015, 8, 15)  # the fenix runs' day; each copy moves by its own number of days

    def fit_maker(n: int, day: dt.date) -> tuple[bytes, dt.datetime, float, float, str]:
        which = n % len(fits)
        data = shift_fit(fits[which], (day - base).days)
        sport = "Ride" if FIT_DIR.is_dir() and FIT_SOURCES[which] == "sample-activity.fit" else "Run"
        return data, dt.datetime.combine(day, dt.time(14, 45), dt.UTC), 47, 9.0, sport

    contents = strava_archive(path, count, first_day=base, fit_maker=fit_maker)
    source = "real FIT files from ../shared" if FIT_DIR.is_dir() else "FIT runs written with fit-tool"
    return {"runs": contents.runs, "rides": contents.rides, "broken": contents.broken, "fit_source": source}


def bare(path: Path, options: dict) -> dict:
    import gpxpy
    from garmin_fit_sdk import Decoder, Stream

    files = 0
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            name = info.filename
            if not name.endswith(".gz"):
                continue
            try:
                data = gzip.decompress(z.read(info))
            except (OSError, EOFError):
                continue  # a broken file: the import names it, the bare parsers skip it
            files += 1
            if name.endswith(".fit.gz"):
                Decoder(Stream.from_byte_array(bytearray(data))).read(**options)
            elif name.endswith(".gpx.gz"):
                gpxpy.parse(data.decode("utf-8"))
            else:
                ET.fromstring(data)
    return {"files": files}


def import_archive(path: Path, workdir: Path) -> dict:
    from runstrong.io.archive import import_archive, open_archive
    from runstrong.store.activity_import import insert_runs, run_index
    from runstrong.store.db import open_store
    from runstrong.store.tables import Athlete

    now = dt.datetime(2026, 1, 1)
    store = open_store(str(workdir / "diary.db"), now)
    with store.write() as s:
        athlete = Athlete(name="Bench", units="metric", created_at=now)
        s.add(athlete)
        s.flush()
        aid = athlete.id
    with store.read() as s:
        index = run_index(s, aid)
    with open_archive(path) as archive:
        report = import_archive(archive, index, today=dt.date(2099, 1, 1), tz=dt.UTC)
    with store.write() as s:
        stored = insert_runs(s, aid, report.runs)
    store.close()
    return {"stored": stored, "duplicates": len(report.duplicates), "skipped": len(report.skipped),
            "broken": [b.split(": ", 1)[0] for b in report.broken], "files": report.files}  # fmt: skip


def phase(name: str, archive: Path, workdir: Path) -> None:
    """One phase in this process: its result, seconds and peak memory as JSON."""
    import garmin_fit_sdk  # noqa: F401  imports outside the timing, as in both real cases
    import gpxpy  # noqa: F401

    import runstrong.io.archive
    import runstrong.store.db  # noqa: F401

    t0 = time.perf_counter()
    if name == "import":
        result = import_archive(archive, workdir)
    else:
        result = bare(archive, {} if name == "bare-full" else LIGHTEST)
    result |= {
        "seconds": time.perf_counter() - t0,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--activities", type=int, default=2000)
    parser.add_argument("--phase", choices=["bare-full", "bare-light", "import"], help=argparse.SUPPRESS)
    parser.add_argument("--archive", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        phase(args.phase, args.archive, args.workdir)
        return
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "export.zip"
        made = write_archive(archive, args.activities)
        shown = made | {"broken": len(made["broken"])}
        print(f"{args.activities} activities, {archive.stat().st_size / 1e6:.1f} MB zipped: {shown}")
        results = {}
        for name in ("bare-full", "bare-light", "import"):
            done = subprocess.run(
                [sys.executable, __file__, "--phase", name, "--archive", str(archive), "--workdir", tmp],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            results[name] = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{name:11} {results[name] | {'broken': len(results[name].get('broken', []))}}")
        imp = results["import"]
        for name in ("bare-full", "bare-light"):
            print(f"import / {name}: {imp['seconds'] / results[name]['seconds']:.2f}x time (goal <= 1.3x)")
        print(f"import peak memory: {imp['peak_mb']:.0f} MB (goal <= 300 MB)")
        unnamed = sorted(set(made["broken"]) - set(imp["broken"]))
        print(f"broken files named: {len(made['broken']) - len(unnamed)} of {len(made['broken'])}", unnamed or "")


if __name__ == "__main__":
    main()
