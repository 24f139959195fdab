"""Importing 500 activity files into a fresh SQLite diary, as a ratio to decoding the same
files with the bare parsers (issue 8: goal <= 1.3x).

    python bench/activity_import.py [--files 500] [--rounds 3]
    python bench/activity_import.py --sdk-options   # garmin-fit-sdk's decode options on one run

The files are varied copies of real ones: FIT activities from ../shared/data/fit (a
Garmin fenix 2 run of 2,809 records, a fenix 5 run, an Edge 500 ride; skipped when that
folder is absent, then FIT runs of the same size are written with fit-tool), GPX tracks
from gpxpy's test suite and TCX files from tcx2gpx's (tests/data/activities). Each copy
is shifted by whole days (FIT timestamps rewritten and the CRC recomputed) so that no
two are duplicates. Both sides read the bytes from disk.

- bare: garmin-fit-sdk `Decoder(...).read()`, `gpxpy.parse`, ElementTree `fromstring`
  (the TCX parser the import uses; tcxreader's time is printed for comparison).
- import: the athlete's runs read for the duplicate check, every file read and
  classified (`io.activities.import_files`), the runs inserted in one transaction.

Rounds alternate bare and import; each import goes into a new diary; medians are reported.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from runstrong.io.activities import fit_crc, fit_records  # noqa: E402

FIT_DIR = Path(os.environ.get("RUNSTRONG_SHARED") or ROOT.parent / "shared") / "data" / "fit"
DATA = ROOT / "tests" / "data" / "activities"
FIT_SOURCES = ["activity-small-fenix2-run.fit", "activity-small-fenix2-run.fit", "garmin-fenix-5-run.fit",
               "sample-activity.fit"]  # fmt: skip
GPX_SOURCES = ["korita-zbevnica.gpx", "cerknicko-jezero.gpx", "hr-track.gpx"]
TCX_SOURCES = ["tcx2gpx-2019-10-20.tcx", "hr-laps.tcx", "hr-laps.tcx", "hr-laps.tcx"]
# date_time fields to shift, by message: every timestamp (253), session/lap start_time (2),
# file_id time_created (4); activity local_timestamp (5) is a local date_time
DATE_FIELDS = {0: {4}, 18: {2, 253}, 19: {2, 253}, 34: {5, 253}}


def shift_fit(data: bytes, days: int) -> bytes:
    """The same FIT file `days` later: date_time fields rewritten, CRC recomputed."""
    out = bytearray(data)
    delta = days * 86400
    for record in fit_records(data):
        if record.definition or data[record.offset] & 0x80:
            continue
        wanted = DATE_FIELDS.get(record.global_num, {253})
        order = "big" if record.big_endian else "little"
        pos = record.offset + 1
        for number, size, _ in record.fields:
            if number in wanted and size == 4:
                value = int.from_bytes(data[pos : pos + 4], order)
                if 0x10000000 <= value < 0xFFFFFFFF:  # a date, not "invalid" or a relative time
                    out[pos : pos + 4] = (value + delta).to_bytes(4, order)
            pos += size
    end = data[0] + int.from_bytes(data[4:8], "little")
    out[end : end + 2] = fit_crc(memoryview(out)[:end]).to_bytes(2, "little")
    return bytes(out)


def shift_xml(text: str, days: int) -> str:
    """Every ISO date in a GPX or TCX file moved `days` later (times of day unchanged)."""

    def move(m: re.Match[str]) -> str:
        return (dt.date.fromisoformat(m.group(1)) + dt.timedelta(days=days)).isoformat() + "T"

    return re.sub(r"(\d{4}-\d{2}-\d{2})T", move, text)


def synthetic_fit_sources() -> list[bytes]:
    from tests.activity_files import fit_run

    start = dt.datetime(2015, 8, 15, 14, 45, tzinfo=dt.UTC)
    sizes = [(47, 9.0, 2800), (40, 8.0, 2400), (1, 0.2, 21)]  # like the fenix 2 and fenix 5 runs
    return [fit_run(start, minutes, km, points=points) for minutes, km, points in sizes]


def make_files(folder: Path, count: int) -> list[Path]:
    """`count` files: 60 % FIT, 20 % GPX, 20 % TCX, each a copy shifted by its own day."""
    fits = [(FIT_DIR / n).read_bytes() for n in FIT_SOURCES] if FIT_DIR.is_dir() else synthetic_fit_sources()
    gpxs = [(DATA / n).read_text("utf-8") for n in GPX_SOURCES]
    tcxs = [(DATA / n).read_text("utf-8") for n in TCX_SOURCES]
    paths = []
    for i in range(count):
        kind = ("fit", "fit", "fit", "gpx", "tcx")[i % 5]
        path = folder / f"{i:04d}.{kind}"
        if kind == "fit":
            path.write_bytes(shift_fit(fits[i % len(fits)], i))
        elif kind == "gpx":
            path.write_text(shift_xml(gpxs[i % len(gpxs)], i), "utf-8")
        else:
            path.write_text(shift_xml(tcxs[i % len(tcxs)], i), "utf-8")
        paths.append(path)
    return paths


# the lightest honest decode garmin-fit-sdk offers (issue 21): every record still read, nothing
# checked, expanded, merged, scaled or converted
LIGHTEST = {"apply_scale_and_offset": False, "convert_datetimes_to_dates": False, "convert_types_to_strings": False,
            "enable_crc_check": False, "expand_sub_fields": False, "expand_components": False,
            "merge_heart_rates": False}  # fmt: skip


def bare(paths: list[Path], fit_options: dict | None = None) -> dict[str, float]:
    """Seconds per format for the bare parsers (FIT: the SDK with its defaults, or `fit_options`)."""
    import gpxpy
    from garmin_fit_sdk import Decoder, Stream

    spent = {"fit": 0.0, "gpx": 0.0, "tcx": 0.0}
    for path in paths:
        t0 = time.perf_counter()
        data = path.read_bytes()
        if path.suffix == ".fit":
            _, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(**(fit_options or {}))
            assert not errors, (path, errors)
        elif path.suffix == ".gpx":
            gpxpy.parse(data.decode("utf-8"))
        else:
            ET.fromstring(data)
        spent[path.suffix[1:]] += time.perf_counter() - t0
    return spent


def readers(paths: list[Path]) -> dict[str, float]:
    """runstrong's readers alone (what the import spends per format before classifying and storing)."""
    from runstrong.io.activities import ActivityFileError, read_activity_file

    spent = {"fit": 0.0, "gpx": 0.0, "tcx": 0.0}
    for path in paths:
        t0 = time.perf_counter()
        with contextlib.suppress(ActivityFileError):
            read_activity_file(path, tz=dt.UTC)
        spent[path.suffix[1:]] += time.perf_counter() - t0
    return spent


def tcxreader_seconds(paths: list[Path]) -> float:
    from tcxreader.tcxreader import TCXReader

    t0 = time.perf_counter()
    for path in paths:
        if path.suffix == ".tcx":
            TCXReader().read(str(path))
    return time.perf_counter() - t0


def import_into_fresh_diary(paths: list[Path], workdir: Path, n: int) -> tuple[float, int, object]:
    from runstrong.io.activities import import_files
    from runstrong.store.activity_import import insert_runs, run_index
    from runstrong.store.db import open_store
    from runstrong.store.tables import Athlete

    now = dt.datetime(2026, 1, 1)
    store = open_store(str(workdir / f"diary-{n}.db"), now)
    with store.write() as s:
        athlete = Athlete(name="Bench", units="metric", created_at=now)
        s.add(athlete)
        s.flush()
        aid = athlete.id
    t0 = time.perf_counter()
    with store.read() as s:
        index = run_index(s, aid)
    report = import_files(paths, index, today=dt.date(2099, 1, 1), tz=dt.UTC, cross_training=True)
    with store.write() as s:
        stored = insert_runs(s, aid, report.runs)
    spent = time.perf_counter() - t0
    store.close()
    return spent, stored, report


SDK_OPTIONS = [
    ("Decoder.read() with its defaults", {}),
    ("expand_components, merge_heart_rates off", {"expand_components": False, "merge_heart_rates": False}),
    ("... and expand_sub_fields off", {"expand_components": False, "merge_heart_rates": False,
                                       "expand_sub_fields": False}),
    ("... and enable_crc_check off", {"expand_components": False, "merge_heart_rates": False,
                                      "expand_sub_fields": False, "enable_crc_check": False}),
    ("... and no string or date conversion", {"expand_components": False, "merge_heart_rates": False,
                                              "expand_sub_fields": False, "enable_crc_check": False,
                                              "convert_types_to_strings": False,
                                              "convert_datetimes_to_dates": False}),
]  # fmt: skip


def sdk_options(data: bytes, repeat: int = 5) -> None:
    """How far garmin-fit-sdk's own options go on one file, against the summary-only path."""
    from garmin_fit_sdk import Decoder, Stream

    from runstrong.io.activities import read_fit

    def best(call) -> float:  # type: ignore[no-untyped-def]
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            call()
            times.append(time.perf_counter() - t0)
        return min(times) * 1000

    for label, options in SDK_OPTIONS:
        ms = best(lambda o=options: Decoder(Stream.from_byte_array(bytearray(data))).read(**o))
        print(f"  {label:45} {ms:7.1f} ms")
    print(f"  {'runstrong read_fit (summary only)':45} {best(lambda: read_fit(data, 'x', 'y')):7.1f} ms")
    print(f"  {'  of which the CRC check':45} {best(lambda: fit_crc(data)):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sdk-options", action="store_true", help="Only time garmin-fit-sdk's options on one run.")
    args = parser.parse_args()
    if args.sdk_options:
        data = (FIT_DIR / FIT_SOURCES[0]).read_bytes() if FIT_DIR.is_dir() else synthetic_fit_sources()[0]
        print(f"one FIT run of {len(data) / 1000:.0f} kB, best of 5:")
        sdk_options(data)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "activities"
        folder.mkdir()
        paths = make_files(folder, args.files)
        size = sum(p.stat().st_size for p in paths)
        source = "real FIT files from ../shared" if FIT_DIR.is_dir() else "FIT runs written with fit-tool"
        print(f"{len(paths)} files, {size / 1e6:.1f} MB ({source}; GPX from gpxpy's tests, TCX from tcx2gpx's)")
        bare(paths[:10])  # imports and caches outside the timing
        import_into_fresh_diary(paths[:10], Path(tmp), -1)
        bare_runs, light_runs, reader_runs, import_runs = [], [], [], []
        for n in range(args.rounds):
            bare_runs.append(bare(paths))
            light_runs.append(bare([p for p in paths if p.suffix == ".fit"], LIGHTEST)["fit"])
            reader_runs.append(readers(paths))
            spent, stored, report = import_into_fresh_diary(paths, Path(tmp), n)
            import_runs.append(spent)
        kinds = ("fit", "gpx", "tcx")
        per_bare = {k: statistics.median(r[k] for r in bare_runs) for k in kinds}
        per_reader = {k: statistics.median(r[k] for r in reader_runs) for k in kinds}
        total_bare = statistics.median(sum(r.values()) for r in bare_runs)
        total_readers = statistics.median(sum(r.values()) for r in reader_runs)
        total_import = statistics.median(import_runs)
        print(f"stored {stored} runs; {len(report.duplicates)} duplicates, {len(report.skipped)} skipped, "
              f"{len(report.broken)} broken; medians of {args.rounds} rounds")  # fmt: skip
        print(f"{'format':8} {'files':>5} {'bare parser':>12} {'runstrong reader':>17} {'ratio':>6}")
        for k in kinds:
            count = sum(1 for p in paths if p.suffix == f".{k}")
            print(f"{k:8} {count:5} {per_bare[k]:10.2f} s {per_reader[k]:15.2f} s {per_reader[k] / per_bare[k]:5.2f}x")
        tcxr = tcxreader_seconds(paths)
        print(f"tcxreader on the same TCX files: {tcxr:.2f} s (ElementTree: {per_bare['tcx']:.2f} s)")
        print(f"bare parsers: {total_bare:.2f} s; readers alone: {total_readers:.2f} s; import: {total_import:.2f} s "
              f"({len(paths) / total_import:.0f} files/s, {total_import - total_readers:+.2f} s for classifying, "
              "checking duplicates and storing)")  # fmt: skip
        print(f"ratio import / bare parsers: {total_import / total_bare:.2f}x (goal <= 1.3x)")
        light_fit = statistics.median(light_runs)
        total_light = total_bare - per_bare["fit"] + light_fit
        print(f"against the lightest SDK decode of the FIT files ({light_fit:.2f} s, not {per_bare['fit']:.2f} s): "
              f"FIT reader {per_reader['fit'] / light_fit:.2f}x, import {total_import / total_light:.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
