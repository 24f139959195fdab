"""A whole athlete's diary out of the database and back in, as `AthleteDiary` values.

Export gives every profile and plan version, assessment, session (with its sets and pain
reports), pain report, check-in, run and note, in date order. Import writes them back in
that order inside the caller's transaction, so export -> import -> export is the identity.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from runstrong.core.diary import (
    Assessment,
    AthleteDiary,
    ChangeEntry,
    Note,
    PainReport,
    PlannedRun,
    PlannedSession,
    PlanVersion,
    ProfileVersion,
    RunLog,
    SessionLog,
    SetLog,
    Wellness,
)
from runstrong.errors import UserError

from .repo import SET_FIELDS
from .tables import (
    AssessmentRow,
    Athlete,
    ChangeRow,
    NoteRow,
    PainRow,
    PlannedItem,
    PlanRow,
    Profile,
    RunRow,
    SessionLogRow,
    SetLogRow,
    WellnessRow,
)

PAIN_FIELDS = tuple(PainReport.model_fields)
SESSION_FIELDS = tuple(f for f in SessionLog.model_fields if f not in ("sets", "pains"))
WELLNESS_FIELDS = tuple(Wellness.model_fields)
RUN_FIELDS = tuple(RunLog.model_fields)


def _fields(row: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {n: getattr(row, n) for n in names}


def export_athlete(s: Session, athlete_id: int) -> AthleteDiary:
    a = s.get_one(Athlete, athlete_id)
    profiles = s.scalars(select(Profile).where(Profile.athlete_id == a.id).order_by(Profile.version)).all()
    version_of = {p.id: p.version for p in profiles}
    plans = s.scalars(select(PlanRow).where(PlanRow.athlete_id == a.id).order_by(PlanRow.version)).all()
    planned: dict[int, list[PlannedItem]] = defaultdict(list)
    for item in s.scalars(
        select(PlannedItem).where(PlannedItem.plan_id.in_([p.id for p in plans])).order_by(PlannedItem.id)
    ):
        planned[item.plan_id].append(item)
    return AthleteDiary(
        name=a.name,
        units=a.units,
        created_at=a.created_at,
        profiles=[
            ProfileVersion(version=p.version, created_at=p.created_at, profile=json.loads(p.data)) for p in profiles
        ],
        plans=[
            PlanVersion(
                version=p.version,
                created_at=p.created_at,
                profile_version=version_of[p.profile_id],
                start_date=p.start_date,
                end_date=p.end_date,
                plan=json.loads(p.data),
                sessions=[PlannedSession.model_validate_json(i.data) for i in planned[p.id] if i.kind == "strength"],
                runs=[PlannedRun.model_validate_json(i.data) for i in planned[p.id] if i.kind == "run"],
            )
            for p in plans
        ],
        assessments=[
            Assessment(date=r.date, results=json.loads(r.results), note=r.note)
            for r in s.scalars(_dated(AssessmentRow, a.id))
        ],
        sessions=_export_sessions(s, a.id),
        pains=[
            PainReport(**_fields(r, PAIN_FIELDS))
            for r in s.scalars(_dated(PainRow, a.id).where(PainRow.session_log_id.is_(None)))
        ],
        wellness=[Wellness(**_fields(r, WELLNESS_FIELDS)) for r in s.scalars(_dated(WellnessRow, a.id))],
        runs=[RunLog(**_fields(r, RUN_FIELDS)) for r in s.scalars(_dated(RunRow, a.id))],
        notes=[Note(date=r.date, text=r.text) for r in s.scalars(_dated(NoteRow, a.id))],
        changes=[
            ChangeEntry(version=c.version, created_at=c.created_at, kind=c.kind, summary=c.summary, undoes=c.undoes)
            for c in s.scalars(select(ChangeRow).where(ChangeRow.athlete_id == a.id).order_by(ChangeRow.version))
        ],
    )


def _dated(table: Any, athlete_id: int) -> Any:
    return select(table).where(table.athlete_id == athlete_id).order_by(table.date, table.id)


def _export_sessions(s: Session, athlete_id: int) -> list[SessionLog]:
    sets: dict[int, list[SetLog]] = defaultdict(list)
    query = (
        select(SetLogRow)
        .join(SessionLogRow, SessionLogRow.id == SetLogRow.session_log_id)
        .where(SessionLogRow.athlete_id == athlete_id)
        .order_by(SetLogRow.id)
    )
    for row in s.scalars(query):
        sets[row.session_log_id].append(SetLog(**_fields(row, SET_FIELDS)))
    pains: dict[int, list[PainReport]] = defaultdict(list)
    in_sessions = select(PainRow).where(PainRow.athlete_id == athlete_id, PainRow.session_log_id.is_not(None))
    for row in s.scalars(in_sessions.order_by(PainRow.id)):  # in the order they were reported
        pains[row.session_log_id].append(PainReport(**_fields(row, PAIN_FIELDS)))
    return [
        SessionLog(**_fields(row, SESSION_FIELDS), sets=sets[row.id], pains=pains[row.id])
        for row in s.scalars(_dated(SessionLogRow, athlete_id))
    ]


def delete_athlete(s: Session, athlete_id: int) -> None:
    """Remove an athlete and everything stored for them (foreign keys cascade)."""
    s.execute(delete(Athlete).where(Athlete.id == athlete_id))


def check_diary(diary: AthleteDiary, where: str) -> None:
    """Cross-entry checks a single model cannot make; raise UserError naming the entry."""
    for kind, versions in (
        ("profiles", [p.version for p in diary.profiles]),
        ("plans", [p.version for p in diary.plans]),
    ):
        if len(set(versions)) != len(versions):
            raise UserError(f"{where}.{kind}: a version appears twice ({sorted(versions)}); give each one once")
    known = {p.version for p in diary.profiles}
    for n, plan in enumerate(diary.plans):
        if plan.profile_version not in known:
            raise UserError(
                f"{where}.plans[{n}].profile_version: {plan.profile_version} is not among the profile versions "
                f"({sorted(known) or 'none'}); add that profile or fix the number"
            )
    _check_documents(diary, where)
    versions = [c.version for c in diary.changes]
    if len(set(versions)) != len(versions):
        raise UserError(f"{where}.changes: a version appears twice; give each change once")
    days = [w.date for w in diary.wellness]
    if len(set(days)) != len(days):
        twice = sorted({d for d in days if days.count(d) > 1})
        raise UserError(f"{where}.wellness: one check-in per day; {twice[0]} appears more than once")


def _check_documents(diary: AthleteDiary, where: str) -> None:
    """Every stored profile and plan is what runstrong itself would store (a bad one would
    make the review fail later, far from the import that let it in)."""
    from pydantic import ValidationError

    from runstrong.core.model import AthleteProfile, Plan

    parts = [(f"profiles[{n}].profile", AthleteProfile, p.profile) for n, p in enumerate(diary.profiles)]
    parts += [(f"plans[{n}].plan", Plan, p.plan) for n, p in enumerate(diary.plans)]
    for path, model, data in parts:
        try:
            model.model_validate(data)
        except ValidationError as err:
            first = err.errors()[0]
            loc = ".".join(str(x) for x in first["loc"])
            raise UserError(
                f"{where}.{path}{'.' + loc if loc else ''}: {first['msg']}; export the diary again with runstrong, "
                "or fix that value"
            ) from None


def import_athlete(s: Session, diary: AthleteDiary, *, replace: bool = False, where: str = "athletes[0]") -> int:
    """Write one athlete's diary. An athlete of that name already in the database is an
    error unless `replace`, which first deletes everything stored for them."""
    check_diary(diary, where)
    existing = s.scalar(select(Athlete.id).where(Athlete.name == diary.name))
    _refuse_near_name(s, diary.name, f"{where}.name")
    if existing is not None:
        if not replace:
            raise UserError(
                f"{where}.name: {diary.name!r} is already in the diary; import into another database, or "
                "pass --replace to replace their whole diary with the file's"
            )
        delete_athlete(s, existing)
        s.flush()
    athlete = Athlete(name=diary.name, units=diary.units, created_at=diary.created_at)
    s.add(athlete)
    s.flush()
    aid = athlete.id
    profile_ids = {}
    for p in diary.profiles:
        row = Profile(athlete_id=aid, version=p.version, created_at=p.created_at, data=_json(p.profile))
        s.add(row)
        s.flush()
        profile_ids[p.version] = row.id
    for plan in diary.plans:
        _import_plan(s, aid, plan, profile_ids[plan.profile_version])
    _bulk(s, AssessmentRow, [
        {"athlete_id": aid, "date": x.date, "results": json.dumps(x.results, sort_keys=True), "note": x.note}
        for x in diary.assessments
    ])  # fmt: skip
    import_entries(s, aid, diary)
    _import_changes(s, aid, diary)
    return aid


def _import_changes(s: Session, athlete_id: int, diary: AthleteDiary) -> None:
    """The change log as history (no rows to undo with) and the diary version it reached."""
    _bulk(s, ChangeRow, [{"athlete_id": athlete_id, **c.model_dump(), "data": None} for c in diary.changes])
    version = max((c.version for c in diary.changes), default=0)
    s.execute(update(Athlete).where(Athlete.id == athlete_id).values(diary_version=version))


def import_entries(s: Session, athlete_id: int, diary: AthleteDiary) -> None:
    """The dated entries of `diary` (sessions, pains, check-ins, runs, notes)."""
    for log in diary.sessions:
        sid = s.execute(
            insert(SessionLogRow)
            .values(athlete_id=athlete_id, **_fields(log, SESSION_FIELDS))
            .returning(SessionLogRow.id)
        ).scalar_one()
        _bulk(s, SetLogRow, [{"session_log_id": sid, **st.model_dump()} for st in log.sets])
        _bulk(s, PainRow, [{"athlete_id": athlete_id, "session_log_id": sid, **p.model_dump()} for p in log.pains])
    _bulk(s, PainRow, [{"athlete_id": athlete_id, "session_log_id": None, **p.model_dump()} for p in diary.pains])
    _bulk(s, WellnessRow, [{"athlete_id": athlete_id, **w.model_dump()} for w in diary.wellness])
    _bulk(s, RunRow, [{"athlete_id": athlete_id, **r.model_dump()} for r in diary.runs])
    _bulk(s, NoteRow, [{"athlete_id": athlete_id, **n.model_dump()} for n in diary.notes])


def _import_plan(s: Session, athlete_id: int, plan: PlanVersion, profile_id: int) -> None:
    row = PlanRow(
        athlete_id=athlete_id,
        version=plan.version,
        profile_id=profile_id,
        created_at=plan.created_at,
        start_date=plan.start_date,
        end_date=plan.end_date,
        data=_json(plan.plan),
    )
    s.add(row)
    s.flush()
    items = [
        {"plan_id": row.id, "date": p.date, "kind": "strength", "label": p.label, "data": p.model_dump_json()}
        for p in plan.sessions
    ] + [
        {"plan_id": row.id, "date": r.date, "kind": "run", "label": None, "data": r.model_dump_json()}
        for r in plan.runs
    ]
    _bulk(s, PlannedItem, items)


def _bulk(s: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        s.execute(insert(table), _plain(rows))


def _plain(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Enum members to their values, so every driver stores plain strings."""
    return [{k: (v.value if hasattr(v, "value") else v) for k, v in r.items()} for r in rows]


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def has_entries(s: Session, athlete_id: int) -> bool:
    return any(
        s.scalar(select(table.id).where(table.athlete_id == athlete_id).limit(1)) is not None
        for table in (SessionLogRow, PainRow, WellnessRow, RunRow, NoteRow)
    )


def import_dated_entries(
    s: Session, diary: AthleteDiary, *, replace: bool, now: Any, where: str = "athlete"
) -> tuple[int, bool]:
    """Add the dated entries of `diary` (read from CSV) to the athlete of that name,
    creating the athlete when new. An athlete who already has entries is an error
    unless `replace`, which deletes their entries first (profiles and plans stay)."""
    check_diary(diary, where)
    athlete = s.scalar(select(Athlete).where(Athlete.name == diary.name))
    _refuse_near_name(s, diary.name, where)
    created = athlete is None
    if athlete is None:
        athlete = Athlete(name=diary.name, units=diary.units, created_at=now)
        s.add(athlete)
        s.flush()
    elif has_entries(s, athlete.id):
        if not replace:
            raise UserError(
                f"{where}: {diary.name!r} already has diary entries; pass --replace to replace them with the "
                "file's (profiles and plans stay)"
            )
        for table in (SessionLogRow, PainRow, WellnessRow, RunRow, NoteRow):
            s.execute(delete(table).where(table.athlete_id == athlete.id))
    import_entries(s, athlete.id, diary)
    return athlete.id, created


def _refuse_near_name(s: Session, name: str, where: str) -> None:
    """Athletes are told apart by their exact name (see flows.identity): never merged."""
    other = s.scalar(select(Athlete.name).where(func.lower(Athlete.name) == name.lower(), Athlete.name != name))
    if other is not None:
        raise UserError(
            f"{where}: {name!r} is not {other!r}, who is already in the diary; athletes are told apart by their "
            f"exact name: rename one of them"
        )


def entry_counts(s: Session, athlete_id: int) -> dict[str, int]:
    """How many of each kind of entry an athlete has (what a replacing import deletes)."""
    from .queries import count_rows

    counts = count_rows(s, athlete_id)
    counts["notes"] = s.scalar(select(func.count(NoteRow.id)).where(NoteRow.athlete_id == athlete_id)) or 0
    return counts
