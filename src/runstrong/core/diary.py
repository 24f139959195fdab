"""The training diary as values: what a runner logs, on stated scales.

Every scale is written in its field's description, so the JSON Schema, the prompts and
the export say the same thing. Higher is better on the 1-5 wellness scales, after the
five-item questionnaire of McLean et al. (2010); pain is the 0-10 numeric rating scale.

Pure: no clock, no database. A date may not be in the future relative to `today`, which
the caller passes as validation context (`validate_entry(Model, data, today)`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, ValidationInfo, model_validator

from . import names
from .log_loads import holding_rule
from .model import Day, Frozen, PainArea, Phase, Plan, Prescription, Role, RunType, Session, Week, in_date_range
from .planned_effort import planned_effort
from .vocab import SESSION_LETTER

DIARY_SCHEMA = "runstrong.diary"
DIARY_VERSION = 1
MEASURES = ("reps", "seconds", "contacts", "distance_m")
MAX_SETS = 99  # sets of one exercise (and side) in a session: what set_number and the exports hold


def _not_in_future(value: dt.date, info: ValidationInfo) -> dt.date:
    today = (info.context or {}).get("today")
    if today is not None and value > today:
        raise ValueError(f"{value} is in the future (today is {today}); log today or a past day")
    return value


def _utc_naive(value: dt.datetime | None) -> dt.datetime | None:
    """Instants are kept in UTC without a zone, the same on every database backend."""
    if value is not None:
        in_date_range(value.date())  # first: a zone shift at year 1 or 9999 would overflow
    if value is not None and value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def utc_text(value: dt.datetime) -> str:
    """An instant kept naive in UTC, written with its zone marker (2024-06-02T03:42:10Z)."""
    return _utc_naive(value).isoformat() + "Z"  # type: ignore[union-attr]


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("contains a NUL character; remove it")
    return value


LogDate = Annotated[Day, AfterValidator(_not_in_future)]
Scale5 = Annotated[int, Field(ge=1, le=5)]
Rpe = Annotated[float, Field(ge=1, le=10, multiple_of=0.5)]
Text = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(_no_nul)]


class SetLog(Frozen):
    """One set as done. Exactly one measure (reps, seconds, contacts or metres)."""

    exercise_id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$")]
    set_number: Annotated[int, Field(ge=1, le=MAX_SETS)]
    side: Literal["left", "right"] | None = Field(None, description="For one-sided work; empty when both sides.")
    reps: Annotated[int | None, Field(ge=0, le=500)] = None
    seconds: Annotated[int | None, Field(ge=0, le=3600)] = None
    contacts: Annotated[int | None, Field(ge=0, le=1000)] = None
    distance_m: Annotated[float | None, Field(ge=0, le=10000)] = None
    load_kg: Annotated[float | None, Field(ge=0, le=500)] = Field(
        None, description="External load in kg (added to bodyweight); empty for bodyweight or not recorded."
    )
    rpe: Rpe | None = Field(None, description="Rating of perceived exertion, 1-10 (CR-10, half points allowed).")
    rir: Annotated[int | None, Field(ge=0, le=10)] = Field(None, description="Reps in reserve, 0-10.")
    form_quality: Scale5 | None = Field(None, description="Form quality, 1 = broke down ... 5 = clean every rep.")
    form_note: Text | None = Field(None, description="What the form did: depth, hinge quality, knee wobble...")

    @model_validator(mode="after")
    def _one_measure_one_effort(self) -> SetLog:
        given = [m for m in MEASURES if getattr(self, m) is not None]
        if len(given) != 1:
            raise ValueError("reps: give exactly one of reps, seconds, contacts or distance_m")
        if self.rpe is not None and self.rir is not None:
            raise ValueError("rir: give RPE or RIR, not both")
        return self

    @property
    def measure(self) -> str:
        return next(m for m in MEASURES if getattr(self, m) is not None)

    @property
    def amount(self) -> float:
        return float(getattr(self, self.measure))


def counts_nothing(measure: str) -> str:
    """Why a set as done of 0 reps, seconds, contacts or metres is refused (one message for
    every face): a set not done is left out, never logged as zero (stored ones still read)."""
    noun = "metres" if measure == "distance_m" else measure
    return f"a set of 0 {noun} counts nothing; give what you did (more than 0), or leave out a set you did not do"


PainSide = Literal["left", "right", "both", "none"]
PainWhen = Literal["during", "after", "next_morning"]
PAIN_SIDES: tuple[str, ...] = ("left", "right", "both", "none")
PAIN_WHENS: tuple[str, ...] = ("during", "after", "next_morning")


class PainReport(Frozen):
    """One pain report: where, which side, how bad, when it was felt and what provoked it.
    Side, timing and cause are optional so reports logged before they existed still read;
    the review's pain-monitoring rule needs the timing to tell "during" from "next morning"."""

    date: LogDate
    area: PainArea
    score: Annotated[int, Field(ge=0, le=10)] = Field(description="Pain, 0 = none ... 10 = worst imaginable (NRS).")
    note: Text | None = None
    side: PainSide | None = Field(None, description="left, right, both, or none (an area without sides).")
    when: PainWhen | None = Field(
        None, description="When it was felt: during the exercise or run, after it, or the next morning."
    )
    provoked_by: Annotated[str | None, Field(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=64)] = Field(
        None, description="The exercise id (e.g. split_squat) or run type (e.g. long) that provoked it."
    )


def describe_pain(p: PainReport, name_of: dict[str, str] | None = None) -> str:
    """A pain report as a runner reads it: "knee (left) 5/10 during split squat"."""
    side = f" ({p.side})" if p.side in ("left", "right", "both") else ""
    text = f"{p.area.value.replace('_', ' ')}{side} {p.score}/10"
    if p.when is not None:
        text += " " + p.when.replace("_", " ")
    if p.provoked_by is not None:
        cause = (name_of or {}).get(p.provoked_by, p.provoked_by.replace("_", " "))
        text += (" " if p.when in ("during", "after") else " from ") + cause
    return text


class SessionLog(Frozen):
    """A strength session as done, with the planned session it fulfils when there is one."""

    date: LogDate
    plan_version: Annotated[int | None, Field(ge=1)] = None
    planned_date: Day | None = Field(None, description="Date of the planned session this log fulfils.")
    planned_label: Annotated[str | None, Field(max_length=8)] = Field(None, description="Its letter in the week.")
    minutes: Annotated[int | None, Field(ge=1, le=300)] = None
    session_rpe: Rpe | None = Field(None, description="Session RPE, 1-10 (Foster's CR-10), asked after the session.")
    note: Text | None = None
    sets: list[SetLog] = []
    pains: list[PainReport] = []

    @model_validator(mode="after")
    def _sets_fit_their_numbers(self) -> SessionLog:
        counts: dict[tuple[str, str | None], int] = {}
        for s in self.sets:
            counts[(s.exercise_id, s.side)] = counts.get((s.exercise_id, s.side), 0) + 1
        over = [k for k, n in counts.items() if n > MAX_SETS]
        if over:
            raise ValueError(f"sets: at most {MAX_SETS} sets of one exercise in a session ({over[0][0]}); "
                             "log the rest as a new session")  # fmt: skip
        return self


class Wellness(Frozen):
    """A daily check-in: one per day. 1-5 scales, higher is better (after McLean et al. 2010)."""

    date: LogDate
    sleep_hours: Annotated[float | None, Field(ge=0, le=16)] = Field(None, description="Hours slept, 0-16.")
    sleep_quality: Scale5 | None = Field(None, description="Sleep quality, 1 = insomnia ... 5 = very restful.")
    mood: Scale5 | None = Field(None, description="Mood, 1 = very low or irritable ... 5 = very positive.")
    appetite: Scale5 | None = Field(None, description="Appetite, 1 = none ... 5 = normal and hungry.")
    soreness: Scale5 | None = Field(None, description="Muscle soreness, 1 = very sore ... 5 = feeling great.")
    stress: Scale5 | None = Field(None, description="Stress, 1 = highly stressed ... 5 = very relaxed.")
    energy: Scale5 | None = Field(None, description="Energy, 1 = always tired ... 5 = very fresh.")
    note: Text | None = None

    @model_validator(mode="after")
    def _something_answered(self) -> Wellness:
        if all(getattr(self, f) is None for f in WELLNESS_FIELDS):
            raise ValueError("sleep_hours: answer at least one question of the check-in")
        return self


WELLNESS_FIELDS = ("sleep_hours", "sleep_quality", "mood", "appetite", "soreness", "stress", "energy")


class RunLog(Frozen):
    date: LogDate
    type: RunType
    minutes: Annotated[float, Field(gt=0, le=1440)] = Field(description="Duration in minutes.")
    distance_km: Annotated[float | None, Field(ge=0, le=500)] = None
    rpe: Rpe | None = Field(None, description="Run RPE, 1-10 (CR-10).")
    leg_feel: Scale5 | None = Field(None, description="How the legs felt, 1 = dead and heavy ... 5 = springy.")
    tightness: Annotated[int | None, Field(ge=0, le=10)] = Field(None, description="Tightness, 0 = none ... 10.")
    form_note: Text | None = Field(None, description="Running form: cadence, overstriding, hips dropping...")
    note: Text | None = None
    # filled by `runstrong run import` from a watch or app file; empty for runs logged by hand
    started_at: Annotated[
        dt.datetime | None, AfterValidator(_utc_naive), PlainSerializer(utc_text, when_used="json-unless-none")
    ] = Field(None, description="Start time in UTC, from the imported file.")
    avg_hr: Annotated[int | None, Field(ge=20, le=250)] = Field(None, description="Average heart rate, bpm.")
    max_hr: Annotated[int | None, Field(ge=20, le=250)] = Field(None, description="Maximum heart rate, bpm.")
    source: Annotated[str | None, Field(min_length=1, max_length=80)] = Field(
        None, description="Where an imported run came from (format and file hash), to spot it when imported again."
    )


class Note(Frozen):
    date: LogDate
    text: Text


class Assessment(Frozen):
    """A baseline screen: results by test (e.g. `plank_seconds`, `heel_raise_left`), as the
    profile's `screens` record them (`runstrong assess`); stored whenever a profile is."""

    date: LogDate
    results: dict[Annotated[str, Field(pattern=r"^[a-z0-9_]+$")], Any]
    note: Text | None = None


M = TypeVar("M", bound=BaseModel)


def validate_entry(model: type[M], data: dict[str, Any], today: dt.date) -> M:
    """Validate diary input, refusing dates after `today`."""
    return model.model_validate(data, context={"today": today})


# ---------------------------------------------------------------------- planned work


# the rules a plan's load comes from when no set of the runner's stands behind it: an estimate
ESTIMATE_RULES = frozenset({"starting-load-estimate", "cross-lift-start"})


class PlannedBlock(Frozen):
    role: Role
    exercise_id: str
    name: str
    prescription: Prescription
    held_by: str | None = Field(
        None,
        description="The rule that holds this block's load down (a light day before a key run, a deload, the taper); "
        "absent in rows stored before it was kept, which means none.",
    )
    find_weight: bool = Field(
        False,
        description="The load is the plan's estimate (no set of the runner's behind it), even at the heaviest "
        "their kit makes: until a set of the lift is logged, the runner finds their weight (find-your-weight), "
        "and the first log sets the load however far from the estimate (load-autoregulation).",
    )
    go_easy: str | None = Field(
        None,
        description='The painful side\'s cue on single-leg work that loads it ("Go easy on your left knee...", '
        "pain-monitoring); absent in rows stored before it was kept, which means none.",
    )


SessionLoad = Literal["heavy", "moderate", "light"]


class PlannedSession(Frozen):
    """A strength session of a stored plan, kept apart from the full plan so that `today`
    and `log` read one small row."""

    date: dt.date
    label: str
    week: int
    focus: str
    heavy: bool
    estimated_minutes: int
    blocks: list[PlannedBlock]
    load: SessionLoad = Field(
        "moderate",
        description="heavy, moderate or light, as every view words it (`session_load`): light in a deload, "
        "the taper and race week, and on a light day before a key run.",
    )


LIGHT_PHASES = (Phase.taper, Phase.race_week)


def session_load(session: Session, week: Week) -> SessionLoad:
    """heavy, moderate or light, as a runner would say it: the one label every view shows
    (the plan, the booklet, `today`, the dashboard and the session page)."""
    if session.heavy:
        return "heavy"
    light = (
        week.deload
        or week.phase in LIGHT_PHASES
        or any(r.rule_id == "light-before-key-runs" for b in session.blocks for r in b.reasons)
    )
    return "light" if light else "moderate"


class PlannedRun(Frozen):
    date: dt.date
    type: RunType
    minutes: int


LOGGED_ROLES = (Role.primary, Role.accessory)


def planned_work(plan: Plan) -> tuple[list[PlannedSession], list[PlannedRun]]:
    """The plan's strength sessions (labelled A, B, C within each week) and runs."""
    from .owned_cues import side_cue  # the planner's cues: not needed by the diary's readers

    sessions: list[PlannedSession] = []
    runs: list[PlannedRun] = []
    for week in plan.weeks:
        for n, s in enumerate(week.sessions):
            blocks = [
                PlannedBlock(
                    role=b.role,
                    exercise_id=b.exercise_id,
                    name=b.name,
                    prescription=b.prescription,
                    held_by=holding_rule(b.rule_ids),
                    find_weight=asks_to_find_weight(b.rule_ids),
                    go_easy=side_cue(b),
                )
                for b in s.blocks
            ]
            sessions.append(
                PlannedSession(
                    date=s.date,
                    label=SESSION_LETTER.get(s.focus, "ABCDEFG"[n]),
                    week=week.index,
                    focus=s.focus.value,
                    heavy=s.heavy,
                    estimated_minutes=s.estimated_minutes,
                    blocks=blocks,
                    load=session_load(s, week),
                )
            )
        runs.extend(PlannedRun(date=r.date, type=r.type, minutes=r.minutes) for r in week.runs if r.minutes)
    return sessions, runs


def asks_to_find_weight(rule_ids: Iterable[str]) -> bool:
    """Whether a block's load is an estimate the runner checks: it cites an estimate (even at the
    kit's heaviest: cr20a #4, a novice's 50 kg first hip thrust) or asks it (a pain ladder's new
    lift: cr26a F13); not where the one weight the runner owns is the load (owned-weights, cr23a F4)."""
    ids = set(rule_ids)
    return bool(ids & ESTIMATE_RULES or "find-your-weight" in ids) and "owned-weights" not in ids


def sets_as_planned(session: PlannedSession, unloaded_rpe: float | None = None) -> list[SetLog]:
    """The sets of a planned session done exactly as prescribed (main and accessory work;
    warm-up and mobility drills are not logged set by set), with the dose's load and effort;
    unloaded work's effort is `unloaded_rpe` (`core/planned_effort`)."""
    out: list[SetLog] = []
    for block in session.blocks:
        if block.role not in LOGGED_ROLES:
            continue
        p = block.prescription
        measure = next(m for m in MEASURES if getattr(p, m))
        effort = planned_effort(p, unloaded_rpe)
        sides: list[str | None] = [None] * p.sets
        if p.extra_sets_side:
            sides.append(p.extra_sets_side)
        counts: dict[str | None, int] = {}
        for side in sides:
            counts[side] = counts.get(side, 0) + 1
            out.append(
                SetLog(
                    exercise_id=block.exercise_id,
                    set_number=counts[side],
                    side=side,
                    **{measure: getattr(p, measure)},
                    **effort,
                )
            )
    return out


def number_sets(existing: dict[tuple[str, str | None], int], sets: Iterable[SetLog]) -> list[SetLog]:
    """Renumber new sets to follow the ones already logged for the same exercise and side."""
    counts = dict(existing)
    out = []
    for s in sets:
        key = (s.exercise_id, s.side)
        counts[key] = counts.get(key, 0) + 1
        if counts[key] > MAX_SETS:
            raise ValueError(
                f"sets: at most {MAX_SETS} sets of {s.exercise_id} in a session; log the rest as a new session"
            )
        out.append(s.model_copy(update={"set_number": counts[key]}))
    return out


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


# ------------------------------------------------------------------------ summaries


class WeekSummary(Frozen):
    week_start: dt.date
    sessions: int = 0
    sets: int = 0
    reps: int = 0
    tonnage_kg: float = Field(0.0, description="Sum of load x reps over loaded sets.")
    session_rpe: float | None = Field(None, description="Mean session RPE.")
    srpe_load: float = Field(0.0, description="Sum of session RPE x minutes (Foster's session load).")
    runs: int = 0
    run_minutes: float = 0.0
    run_km: float = 0.0
    sleep_hours: float | None = None
    wellness: float | None = Field(None, description="Mean of the answered 1-5 wellness scales.")
    max_pain: int | None = None
    notes: list[Note] = Field([], description="The week's notes, in date order.")


class ExerciseSummary(Frozen):
    exercise_id: str
    sessions: int
    sets: int
    total: float = Field(description="Total reps, seconds, contacts or metres, by the exercise's measure.")
    measure: str
    best_load_kg: float | None
    mean_rpe: float | None
    first_date: dt.date
    last_date: dt.date


class LoggedSet(Frozen):
    date: dt.date
    set: SetLog


# --------------------------------------------------------------------------- export


class ProfileVersion(Frozen):
    version: Annotated[int, Field(ge=1)]
    created_at: dt.datetime
    profile: dict[str, Any] = Field(description="The profile as stored (see `runstrong schema profile`).")


class PlanVersion(Frozen):
    version: Annotated[int, Field(ge=1)]
    created_at: dt.datetime
    profile_version: Annotated[int, Field(ge=1)]
    start_date: dt.date
    end_date: dt.date
    plan: dict[str, Any] = Field(description="The plan as stored (see `runstrong schema plan`).")
    sessions: list[PlannedSession]
    runs: list[PlannedRun]


class ChangeEntry(Frozen):
    """One change in the diary's change log, as exported (the rows it touched stay behind:
    an imported change is history, not something to undo)."""

    version: Annotated[int, Field(ge=1)]
    created_at: dt.datetime
    kind: Annotated[str, Field(min_length=1, max_length=32)]
    summary: Annotated[str, Field(max_length=2000)]
    undoes: Annotated[int | None, Field(ge=1)] = None


class AthleteDiary(Frozen):
    """Everything stored for one athlete, in date order."""

    name: Annotated[str, Field(min_length=1, max_length=80), AfterValidator(names.kept)]
    units: Literal["metric", "imperial"]
    created_at: dt.datetime
    profiles: list[ProfileVersion] = []
    plans: list[PlanVersion] = []
    assessments: list[Assessment] = []
    sessions: list[SessionLog] = []
    pains: list[PainReport] = Field([], description="Pain reported outside a strength session.")
    wellness: list[Wellness] = []
    runs: list[RunLog] = []
    notes: list[Note] = []
    changes: list[ChangeEntry] = Field([], description="The change log, oldest first (kept as history).")


class DiaryExport(Frozen):
    """The JSON export: `{"schema": "runstrong.diary", "version": 1, "athletes": [...]}`."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_name: Literal["runstrong.diary"] = Field(DIARY_SCHEMA, alias="schema")
    version: Literal[1] = DIARY_VERSION
    exported_at: dt.datetime | None = None
    athletes: list[AthleteDiary]
