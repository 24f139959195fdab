"""Diary files: the schema-versioned JSON export and spreadsheet-friendly CSV.

JSON holds everything (profiles and plan versions included) and is the lossless backup:
`{"schema": "runstrong.diary", "version": 1, "athletes": [...]}`.
CSV holds the dated diary, one file per kind, in a folder or a .zip: `sessions.csv`,
`sets.csv` (one row per set), `pains.csv`, `wellness.csv` (one row per day), `runs.csv`
(one row per run) and `notes.csv`. Every row names its athlete; sets and pains name their
session by `date#n` (the n-th session of that day).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
import zlib
from collections import defaultdict
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from runstrong.core.diary import (
    DIARY_SCHEMA,
    DIARY_VERSION,
    AthleteDiary,
    DiaryExport,
    Note,
    PainReport,
    RunLog,
    SessionLog,
    SetLog,
    Wellness,
    utc_text,
)
from runstrong.errors import UserError
from runstrong.io.profile_file import validation_error
from runstrong.io.text import DIARY_CSV_BYTES, DIARY_JSON_BYTES, MB, decode_text, parse_structured, read_text

SESSION_COLUMNS = ["athlete", "session", *[f for f in SessionLog.model_fields if f not in ("sets", "pains")]]
SET_COLUMNS = ["athlete", "session", "date", "exercise", *SetLog.model_fields]
PAIN_COLUMNS = ["athlete", "session", *PainReport.model_fields]
WELLNESS_COLUMNS = ["athlete", *Wellness.model_fields]
RUN_COLUMNS = ["athlete", *RunLog.model_fields]
NOTE_COLUMNS = ["athlete", *Note.model_fields]
# columns a file may lack: a display name, and fields added after the first CSV exports
OPTIONAL_COLUMNS = frozenset({"exercise", "started_at", "avg_hr", "max_hr", "source"})
PAIN_ADDED_COLUMNS = frozenset({"side", "when", "provoked_by"})  # pains.csv written before them still reads
CSV_FILES = {
    "sessions.csv": SESSION_COLUMNS,
    "sets.csv": SET_COLUMNS,
    "pains.csv": PAIN_COLUMNS,
    "wellness.csv": WELLNESS_COLUMNS,
    "runs.csv": RUN_COLUMNS,
    "notes.csv": NOTE_COLUMNS,
}

# ----------------------------------------------------------------------------- JSON


def dump_json(export: DiaryExport) -> str:
    return export.model_dump_json(by_alias=True, indent=2) + "\n"


def load_json(path: Path, today: dt.date) -> DiaryExport:
    """Read (bounded, decoded by io/text) and validate an export file."""
    return parse_json(read_text(path, DIARY_JSON_BYTES), path.name, today)


def parse_json(text: str, source: str, today: dt.date) -> DiaryExport:
    """Parse and validate an export; dates after `today` are refused like any bad field."""
    try:
        data = parse_structured(text, ".json", source)
    except json.JSONDecodeError as err:
        raise UserError(f"{source}: not valid JSON ({err}); export again with `runstrong export`") from None
    if not isinstance(data, dict) or data.get("schema") != DIARY_SCHEMA:
        raise UserError(f'{source}: schema: not a runstrong diary (expected "schema": "{DIARY_SCHEMA}")')
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise UserError(f"{source}: version: {version!r} is not a diary version; expected {DIARY_VERSION}")
    if version > DIARY_VERSION:
        raise UserError(
            f"{source}: version: {version} is newer than this runstrong reads ({DIARY_VERSION}); upgrade runstrong"
        )
    try:
        return DiaryExport.model_validate(data, context={"today": today})
    except ValidationError as err:
        raise validation_error(err, source, DiaryExport) from None


# ------------------------------------------------------------------------------ CSV


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "value"):  # enums
        return str(value.value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.datetime):  # instants are kept naive in UTC: say so
        return utc_text(value)
    return str(value)


def csv_tables(export: DiaryExport, names: dict[str, str]) -> dict[str, list[list[str]]]:
    """The rows of every CSV file (header first); `names` maps exercise ids to names."""
    tables: dict[str, list[list[str]]] = {name: [columns] for name, columns in CSV_FILES.items()}
    for athlete in export.athletes:
        per_day: dict[dt.date, int] = defaultdict(int)
        for log in athlete.sessions:
            per_day[log.date] += 1
            key = f"{log.date}#{per_day[log.date]}"
            tables["sessions.csv"].append([athlete.name, key, *(_cell(getattr(log, c)) for c in SESSION_COLUMNS[2:])])
            for st in log.sets:
                fixed = [athlete.name, key, str(log.date), names.get(st.exercise_id, st.exercise_id)]
                tables["sets.csv"].append(fixed + [_cell(getattr(st, c)) for c in SET_COLUMNS[4:]])
            for p in log.pains:
                tables["pains.csv"].append([athlete.name, key, *(_cell(getattr(p, c)) for c in PAIN_COLUMNS[2:])])
        for p in athlete.pains:
            tables["pains.csv"].append([athlete.name, "", *(_cell(getattr(p, c)) for c in PAIN_COLUMNS[2:])])
        for kind, entries, columns in (
            ("wellness.csv", athlete.wellness, WELLNESS_COLUMNS),
            ("runs.csv", athlete.runs, RUN_COLUMNS),
            ("notes.csv", athlete.notes, NOTE_COLUMNS),
        ):
            for e in entries:
                tables[kind].append([athlete.name, *(_cell(getattr(e, c)) for c in columns[1:])])
    return tables


def _render(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)  # \r\n line ends: cells holding \r or \n get quoted
    return buffer.getvalue()


def write_csv(export: DiaryExport, target: Path, names: dict[str, str]) -> list[str]:
    """Write the CSV files into folder `target`, or into a zip when it ends in .zip."""
    tables = csv_tables(export, names)
    if target.suffix.lower() == ".zip":
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for name, rows in tables.items():
                z.writestr(name, _render(rows))
    else:
        if target.exists() and not target.is_dir():
            raise UserError(f"output: {target} is a file; give a folder or a name ending in .zip for CSV")
        target.mkdir(parents=True, exist_ok=True)
        for name, rows in tables.items():
            (target / name).write_text(_render(rows), encoding="utf-8", newline="")
    return list(tables)


# A diary zip holds six CSV files; CSV compresses ~5-10 times, so a member expanding more
# than ZIP_MAX_RATIO times (past a first megabyte) is a bomb, not a diary.
ZIP_MAX_MEMBERS = 100
ZIP_MAX_RATIO = 100


def _read_csv_texts(source: Path) -> dict[str, str]:
    if source.is_dir():
        # bytes decoded as they are: line breaks inside quoted cells are kept
        return {
            n: read_text(source / n, DIARY_CSV_BYTES, f"{source.name}/{n}") for n in CSV_FILES if (source / n).exists()
        }
    try:
        with zipfile.ZipFile(source) as z:
            return _read_zip_members(z, source.name)
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise UserError(
            f"not a readable zip file ({err.__class__.__name__})",
            field="file",
            fix="give a .json export, a .zip made by `runstrong export` or a folder of CSV files",
            source=source.name,
        ) from None


def _read_zip_members(z: zipfile.ZipFile, name: str) -> dict[str, str]:
    """The diary's CSV members, within the member-count, size and ratio limits; an encrypted
    or unsupported member is named with what to do."""
    infos = z.infolist()
    if len(infos) > ZIP_MAX_MEMBERS:
        raise UserError(
            f"holds {len(infos)} files, more than the {ZIP_MAX_MEMBERS} a diary zip may hold",
            field="members",
            fix="zip only the diary's CSV files",
            source=name,
        )
    present = {Path(i.filename).name: i for i in infos if not i.is_dir()}
    texts: dict[str, str] = {}
    budget = DIARY_CSV_BYTES
    for member in CSV_FILES:
        info = present.get(member)
        if info is None:
            continue
        where = f"{name}/{info.filename}"
        data = _read_member(z, info, where, budget)
        budget -= len(data)
        texts[member] = decode_text(data, where)
    return texts


def _read_member(z: zipfile.ZipFile, info: zipfile.ZipInfo, where: str, budget: int) -> bytes:
    if info.flag_bits & 0x1:
        raise UserError("is encrypted", field="member", fix="zip the CSV files again without a password", source=where)
    chunks, total = [], 0
    try:
        with z.open(info) as fh:
            while chunk := fh.read(MB):
                total += len(chunk)
                if total > budget:
                    raise UserError(
                        f"expands past the {DIARY_CSV_BYTES // MB} MB limit for a diary's CSV files",
                        field="size",
                        fix="check it is the right file; export one athlete at a time if it is really this large",
                        source=where,
                    )
                if total > MB and total > ZIP_MAX_RATIO * max(info.compress_size, 1):
                    raise UserError(
                        f"expands more than {ZIP_MAX_RATIO} times: a zip bomb, not a diary",
                        field="size",
                        fix="give the zip `runstrong export` wrote",
                        source=where,
                    )
                chunks.append(chunk)
    except NotImplementedError as err:  # a compression method Python cannot read
        raise UserError(
            f"uses an unsupported compression ({err})",
            field="member",
            fix="zip it again with plain deflate",
            source=where,
        ) from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as err:
        raise UserError(f"is damaged ({err})", field="member", fix="zip the CSV files again", source=where) from None
    return b"".join(chunks)


def _rows(name: str, text: str) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    optional = OPTIONAL_COLUMNS | (PAIN_ADDED_COLUMNS if name == "pains.csv" else frozenset())
    missing = [c for c in CSV_FILES[name] if c not in (reader.fieldnames or []) and c not in optional]
    if missing:
        raise UserError(f"{name}: missing column(s) {', '.join(missing)}; keep the header `runstrong export` wrote")
    return [(n, {k: (v if v != "" else None) for k, v in row.items()}) for n, row in enumerate(reader, start=2)]


def _validate(model: type, data: dict[str, Any], where: str, today: dt.date) -> Any:
    try:
        return model.model_validate(data, context={"today": today})
    except ValidationError as err:
        raise validation_error(err, where, model) from None


def parse_csv(source: Path, today: dt.date) -> dict[str, dict[str, list]]:
    """Read CSV files back: per athlete, the lists of sessions, pains, wellness, runs, notes."""
    texts = _read_csv_texts(source)
    if not texts:
        raise UserError(f"{source}: no diary CSV files found (expected {', '.join(CSV_FILES)})")
    out: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    keep = lambda row, columns: {c: row.get(c) for c in columns}  # noqa: E731
    sets: dict[tuple[str, str], list] = defaultdict(list)
    pains: dict[tuple[str, str], list] = defaultdict(list)
    for n, row in _rows("sets.csv", texts.get("sets.csv", _render([SET_COLUMNS]))):
        sets[(row["athlete"], row["session"])].append(
            _validate(SetLog, keep(row, SET_COLUMNS[4:]), f"sets.csv: row {n}", today)
        )
    for n, row in _rows("pains.csv", texts.get("pains.csv", _render([PAIN_COLUMNS]))):
        pain = _validate(PainReport, keep(row, PAIN_COLUMNS[2:]), f"pains.csv: row {n}", today)
        if row["session"]:
            pains[(row["athlete"], row["session"])].append(pain)
        else:
            out[_name(row, "pains.csv", n)]["pains"].append(pain)
    seen: set[tuple[str, str]] = set()
    for n, row in _rows("sessions.csv", texts.get("sessions.csv", _render([SESSION_COLUMNS]))):
        key = (_name(row, "sessions.csv", n), row["session"])
        seen.add(key)
        data = keep(row, SESSION_COLUMNS[2:]) | {"sets": sets.get(key, []), "pains": pains.get(key, [])}
        out[key[0]]["sessions"].append(_validate(SessionLog, data, f"sessions.csv: row {n}", today))
    for orphan in [*sets, *pains]:
        if orphan not in seen:
            raise UserError(f"sets.csv: session: {orphan[1]!r} of {orphan[0]!r} is not in sessions.csv; add it there")
    for kind, model, columns in (
        ("wellness", Wellness, WELLNESS_COLUMNS),
        ("runs", RunLog, RUN_COLUMNS),
        ("notes", Note, NOTE_COLUMNS),
    ):
        for n, row in _rows(f"{kind}.csv", texts.get(f"{kind}.csv", _render([columns]))):
            entry = _validate(model, keep(row, columns[1:]), f"{kind}.csv: row {n}", today)
            out[_name(row, f"{kind}.csv", n)][kind].append(entry)
    return out


def _name(row: dict[str, Any], file: str, n: int) -> str:
    if not row.get("athlete"):
        raise UserError(f"{file}: row {n}: athlete: empty; write the athlete's name as in the diary")
    return row["athlete"]


def entries_as_diary(name: str, entries: dict[str, list], units: str, created_at: dt.datetime) -> AthleteDiary:
    return AthleteDiary(name=name, units=units, created_at=created_at, **entries)  # type: ignore[arg-type]
