"""The diary's tables (SQLAlchemy 2 declarative models).

The schema is owned by the Alembic migrations in `migrations/versions`; these models
must describe the head revision (tests compare them). Names follow one naming
convention so that batch migrations on SQLite can drop constraints by name.
JSON documents (profiles, plans, planned sessions, assessment results) are stored as
text, exactly as written, so an export gives back the same bytes on every backend.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from .actor import current_actor

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _athlete_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"), index=True)


class Athlete(Base):
    __tablename__ = "athletes"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    units: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # added by migration 0005: goes up by one with every change a flow makes (optimistic checks)
    diary_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Profile(Base):
    """One row per version of an athlete's profile."""

    __tablename__ = "profiles"
    __table_args__ = (UniqueConstraint("athlete_id", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    data: Mapped[str] = mapped_column(Text)


class PlanRow(Base):
    """One row per plan version: every re-plan adds a row, history is kept."""

    __tablename__ = "plans"
    __table_args__ = (UniqueConstraint("athlete_id", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    version: Mapped[int] = mapped_column(Integer)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    data: Mapped[str] = mapped_column(Text)


class PlannedItem(Base):
    """A planned strength session or run of a plan version, for quick look-up by date."""

    __tablename__ = "planned_items"
    __table_args__ = (Index("ix_planned_items_plan_id_date", "plan_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))  # strength | run
    label: Mapped[str | None] = mapped_column(String(8))
    # a strength session's JSON (`core.diary.PlannedSession`); since migration 0010 each block
    # keeps `held_by`, the rule that holds its load down (a light day before a key run, the taper)
    data: Mapped[str] = mapped_column(Text)


class AssessmentRow(Base):
    __tablename__ = "assessments"
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    date: Mapped[dt.date] = mapped_column(Date)
    results: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class SessionLogRow(Base):
    __tablename__ = "session_logs"
    __table_args__ = (Index("ix_session_logs_athlete_id_date", "athlete_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    plan_version: Mapped[int | None] = mapped_column(Integer)
    planned_date: Mapped[dt.date | None] = mapped_column(Date)
    planned_label: Mapped[str | None] = mapped_column(String(8))
    minutes: Mapped[int | None] = mapped_column(Integer)
    session_rpe: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(Text)


class SetLogRow(Base):
    __tablename__ = "set_logs"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_log_id: Mapped[int] = mapped_column(ForeignKey("session_logs.id", ondelete="CASCADE"), index=True)
    exercise_id: Mapped[str] = mapped_column(String(80), index=True)
    set_number: Mapped[int] = mapped_column(Integer)
    side: Mapped[str | None] = mapped_column(String(8))
    reps: Mapped[int | None] = mapped_column(Integer)
    seconds: Mapped[int | None] = mapped_column(Integer)
    contacts: Mapped[int | None] = mapped_column(Integer)
    distance_m: Mapped[float | None] = mapped_column(Float)
    load_kg: Mapped[float | None] = mapped_column(Float)
    rpe: Mapped[float | None] = mapped_column(Float)
    rir: Mapped[int | None] = mapped_column(Integer)
    form_quality: Mapped[int | None] = mapped_column(Integer)
    form_note: Mapped[str | None] = mapped_column(Text)


class PainRow(Base):
    __tablename__ = "pain_reports"
    __table_args__ = (Index("ix_pain_reports_athlete_id_date", "athlete_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    session_log_id: Mapped[int | None] = mapped_column(ForeignKey("session_logs.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    area: Mapped[str] = mapped_column(String(32))
    score: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    side: Mapped[str | None] = mapped_column(String(8))  # left, right, both, none; empty before 0007
    when: Mapped[str | None] = mapped_column(String(16))  # during, after, next_morning
    provoked_by: Mapped[str | None] = mapped_column(String(64))  # an exercise id or a run type


class WellnessRow(Base):
    __tablename__ = "wellness"
    __table_args__ = (UniqueConstraint("athlete_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    sleep_hours: Mapped[float | None] = mapped_column(Float)
    sleep_quality: Mapped[int | None] = mapped_column(Integer)
    mood: Mapped[int | None] = mapped_column(Integer)
    appetite: Mapped[int | None] = mapped_column(Integer)
    soreness: Mapped[int | None] = mapped_column(Integer)
    stress: Mapped[int | None] = mapped_column(Integer)
    energy: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)


class RunRow(Base):
    __tablename__ = "runs"
    __table_args__ = (Index("ix_runs_athlete_id_date", "athlete_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    type: Mapped[str] = mapped_column(String(16))
    minutes: Mapped[float] = mapped_column(Float)
    distance_km: Mapped[float | None] = mapped_column(Float)
    rpe: Mapped[float | None] = mapped_column(Float)
    leg_feel: Mapped[int | None] = mapped_column(Integer)
    # added by migration 0002
    tightness: Mapped[int | None] = mapped_column(Integer)
    form_note: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    # added by migration 0003 (runs imported from files: `runstrong run import`)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # UTC, naive
    avg_hr: Mapped[int | None] = mapped_column(Integer)
    max_hr: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(String(80))


class WeekFlagsRow(Base):
    """A completed week's flags in a coach's words, one row per athlete and week (migration
    0015): kept by the flows in the transaction of a change that touches the week (or the
    first change after it ends), worked out by the roster when missing or stale, whatever the
    athlete's review mode (`store/week_flags`)."""

    __tablename__ = "week_flags"
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"), primary_key=True)
    week_start: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    stamp: Mapped[str] = mapped_column(String(200))
    data_stamp: Mapped[str] = mapped_column(Text)
    flags: Mapped[str] = mapped_column(Text)  # JSON: [{kind, text, rule_id}, ...]


class NoteRow(Base):
    __tablename__ = "notes"
    __table_args__ = (Index("ix_notes_athlete_id_date", "athlete_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)


class ReviewRow(Base):
    """An accepted weekly review (one per athlete and week: reviewing again replaces it)."""

    __tablename__ = "reviews"
    __table_args__ = (UniqueConstraint("athlete_id", "week_start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    week_start: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    plan_version_before: Mapped[int] = mapped_column(Integer)
    plan_version_after: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)


class ChangeRow(Base):
    """The append-only change log (migration 0005): one row per change a flow made, with
    the rows as they were before and after it, so that an undo restores exactly. An undo
    is itself a change (`undoes` names the version it took back); rows are never updated."""

    __tablename__ = "changes"
    __table_args__ = (UniqueConstraint("athlete_id", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)  # the diary version this change made
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(32))
    summary: Mapped[str] = mapped_column(Text)
    undoes: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[str | None] = mapped_column(Text)  # rows before and after; None: history only
    # added by migration 0008: who made it (a server-mode user; None: this machine's own user)
    actor: Mapped[str | None] = mapped_column(String(80), default=current_actor)


class LogKeyRow(Base):
    """An idempotency key of a log (a form token, a content hash, an Idempotency-Key):
    the same key again is answered with the first answer, never logged twice."""

    __tablename__ = "log_keys"
    __table_args__ = (UniqueConstraint("athlete_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    answer: Mapped[str] = mapped_column(Text)


metadata = Base.metadata


class CalendarFeedRow(Base):
    """The secret token of an athlete's calendar feed (`/calendar/<token>.ics`); a new token
    revokes the old one."""

    __tablename__ = "calendar_feeds"
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"), unique=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


# ------------------------------------------------------------ server mode (migration 0008)


class UserRow(Base):
    """A person who logs in: an athlete (their own diary, `athlete_id`), a coach (the
    athletes assigned in `coach_athletes`) or an admin (everyone). `session_epoch` goes up
    when the password or role changes, which ends every session signed before."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    athlete_id: Mapped[int | None] = mapped_column(ForeignKey("athletes.id", ondelete="SET NULL"), unique=True)
    session_epoch: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class CoachAthleteRow(Base):
    """A coach's assignment to an athlete; an athlete may have several coaches."""

    __tablename__ = "coach_athletes"
    __table_args__ = (UniqueConstraint("coach_id", "athlete_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ApiTokenRow(Base):
    """An API token for scripts, kept only as its SHA-256 (the token itself is shown once)."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class LoginFailureRow(Base):
    """A failed login, counted per account and per client address for the rate limit."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    account: Mapped[str] = mapped_column(String(80), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)


class AuditRow(Base):
    """Who did what, when: account changes and the coach's review decisions."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    athlete_id: Mapped[int | None] = mapped_column(ForeignKey("athletes.id", ondelete="SET NULL"), index=True)
    summary: Mapped[str] = mapped_column(Text)


class ReviewSettingRow(Base):
    """How an athlete's weekly reviews are applied: `auto` or `review` (wait for a coach)."""

    __tablename__ = "review_settings"
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"), unique=True)
    mode: Mapped[str] = mapped_column(String(16))


class ReviewQueueRow(Base):
    """A week's review waiting for (or decided by) a coach; `edits` is the coach's changes
    as JSON, `note` their note to the athlete."""

    __tablename__ = "review_queue"
    __table_args__ = (UniqueConstraint("athlete_id", "week_start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    week_start: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16))
    edits: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(80))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class RosterFlagsRow(Base):
    """The roster's flags of one athlete as the flows last left them (migration 0009): the
    flags of the latest review or of the one waiting for a coach, and the week waiting.
    Current while the diary's stamp, the day and the planning data are the ones it was
    worked out for (`store/roster_flags`)."""

    __tablename__ = "roster_flags"
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"), primary_key=True)
    stamp: Mapped[str] = mapped_column(String(200))
    worked_out_on: Mapped[dt.date] = mapped_column(Date)
    data_stamp: Mapped[str] = mapped_column(Text)
    waiting_week: Mapped[dt.date | None] = mapped_column(Date)
    flags: Mapped[str] = mapped_column(Text)  # JSON: [{kind, text, rule_id}, ...]
    flags_waiting: Mapped[bool] = mapped_column()  # Boolean, from the annotation
    plan_id: Mapped[int | None] = mapped_column(Integer)  # the plan the facts below come from
    plan_facts: Mapped[str | None] = mapped_column(Text)  # JSON: its weeks' (start, phase) and race
