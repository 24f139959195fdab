"""What the web pages and the JSON API both do to the diary, in one place: each write is
one flow (one transaction), its input checked first (`diary_input`) and its refusals
translated into problems by field (`problems`). The reads are `diary_reads.DiaryReads`,
which `Diary` extends. No HTML and no HTTP here.

Bad input raises `InputError` with each problem located by field (the pages show it by the
field, the API returns it as a 422); a missing thing raises `NotFound`, a diary with no
athlete or plan `Unavailable`, a form opened before another change `Changed`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import ValidationError

from runstrong.core.diary import PainReport, RunLog, Wellness
from runstrong.core.model import AthleteProfile
from runstrong.errors import UserError
from runstrong.flows.base import Clock, Conflict, NothingToUndo, Refused
from runstrong.store import changes, repo

from .diary_input import pain_reports, session_input
from .diary_reads import DiaryReads
from .problems import (
    Changed,
    FieldProblem,
    InputError,
    Unavailable,
    entry_from_input,
    problem_from_user_error,
    problem_of,
    problems_from,
)
from .review_input import ReviewRequest, review_inputs, review_problem


class Diary(DiaryReads):
    """The diary as the web app reads and changes it (see `DiaryReads` for the reads)."""

    # ------------------------------------------------------------------ writes (each one flow)

    def clock_now(self) -> Clock:
        return Clock(self.clock(), self.today())

    def version(self) -> int:
        """The diary version now: a form carries it back so a stale one gets the conflict answer
        (inside a page's shared read, the one its athlete's facts were read with)."""
        with self.reading() as s:
            who = self.who(s)
            memo = self.read_memo()
            if memo is not None and "version" in memo and memo["version"][0] == self.athlete_name:
                return memo["version"][1]
            return changes.current_version(s, who.id)

    def log_session(
        self,
        day: dt.date,
        sets: Iterable[dict[str, Any]] = (),
        *,
        label: str | None = None,
        as_planned: bool = False,
        minutes: Any = None,
        session_rpe: Any = None,
        note: str | None = None,
        pains: Iterable[dict[str, Any]] = (),
        new_session: bool = False,
        confirmed: bool = False,
        key: str | None = None,
        version: int | None = None,
        planned_on: dt.date | None = None,
    ) -> Any:
        """Log a session done on `day` (for the one planned on `planned_on`, if another day)
        through the log flow, idempotent by `key`: the planned sets (`as_planned`) and/or `sets` as done."""
        from runstrong.flows.log_session import LogInput, log_session

        scalars = {"minutes": minutes, "session_rpe": session_rpe, "note": note}
        done, pain_reports_, session = session_input(day, sets, pains, scalars, self.today())
        given = LogInput(day=day, sets=tuple(done), as_planned=as_planned, label=label, minutes=session.minutes,
                         session_rpe=session.session_rpe, note=session.note, pains=tuple(pain_reports_),
                         new_session=new_session, key=key, planned_on=planned_on,
                         confirmed=confirmed)  # fmt: skip
        return self._flow(log_session, given, expected_version=version)

    def _flow(self, flow: Callable[..., Any], *args: Any, expected_version: int | None = None) -> Any:
        """Run a flow for this diary's athlete; its refusals become problems by field."""
        try:
            return flow(self.store, self.athlete_name, *args, self.clock_now(), expected_version=expected_version)
        except Conflict as err:
            raise Changed(str(err)) from None
        except Refused as err:
            raise InputError.one(err.field, err.message) from None
        except ValidationError as err:
            raise InputError(problems_from(err)) from None
        except NothingToUndo as err:
            raise Unavailable(str(err)) from None

    def save_wellness(
        self, data: dict[str, Any], pains: Iterable[dict[str, Any]] = (), version: int | None = None
    ) -> tuple[Wellness | None, list[str]]:
        """The day's check-in (a second one that day updates its answers); a pain alone too."""
        from runstrong.flows.checkin import record_checkin

        today = self.today()
        pains = list(pains)
        alone = bool(pains) and not data  # a pain alone is a check-in too, with no answers
        entry = None if alone else entry_from_input(Wellness, {"date": today, **data}, today)
        reports, problems = pain_reports(pains, today, today)
        if problems:
            raise InputError(problems)
        done = self._flow(record_checkin, entry, reports, expected_version=version)
        return entry, done.replaced

    def report_pains(
        self, day: dt.date, pains: Iterable[dict[str, Any]], version: int | None = None
    ) -> tuple[list[PainReport], int]:
        """Pain felt outside a logged session (a run, the next morning), with no check-in."""
        from runstrong.flows.checkin import record_checkin

        today = self.today()
        reports, problems = pain_reports(pains, day, today)
        if problems or not reports:
            raise InputError(problems or [FieldProblem(("pains",), "report at least one pain")])
        done = self._flow(record_checkin, None, reports, expected_version=version)
        return reports, done.version

    def add_run(self, data: dict[str, Any]) -> tuple[int, RunLog, bool]:
        """A run logged: its id, the run, and whether the same run was logged that day
        already (a form sent twice, a retried request: nothing added)."""
        from runstrong.flows.checkin import add_run

        today = self.today()
        run = entry_from_input(RunLog, {"date": today, **data}, today)
        added = self._flow(add_run, run)
        return added.id, run, added.already

    def swap(self, from_id: str, to_id: str, reason: str | None = None, version: int | None = None) -> Any:
        """Replace `from_id` by `to_id` in the sessions not yet lived (see flows.swap)."""
        from runstrong.flows.swap import swap

        self.exercise(from_id)
        try:
            return swap(self.store, self.athlete_name, from_id, to_id, reason, self.clock_now(), self.library,
                        self.params, expected_version=version)  # fmt: skip
        except (Conflict, Refused, ValidationError) as err:
            raise problem_of(err) from None

    def update_profile(self, changes_: dict[str, Any], version: int | None = None) -> repo.StoredPlan:
        """A new profile version with `changes_` (fields of AthleteProfile) and its plan."""
        from runstrong.flows.profile import update_profile

        try:
            return update_profile(self.store, self.athlete_name, changes_, self.clock_now(),
                                  expected_version=version).stored  # fmt: skip
        except ValidationError as err:
            raise InputError(problems_from(err, AthleteProfile)) from None
        except (Conflict, Refused) as err:
            raise problem_of(err) from None
        except UserError as err:
            raise InputError([problem_from_user_error(err, "profile")]) from None

    def record_screen(self, data: dict[str, Any], version: int | None = None) -> tuple[repo.StoredPlan, Any]:
        """A baseline screen added to the profile (a new version and plan); its scored result."""
        from runstrong.core.screen import Screen
        from runstrong.flows.screen import record_screen

        try:
            screen = Screen.model_validate({"date": self.today(), **data})
        except ValidationError as err:
            raise InputError(problems_from(err, Screen)) from None
        try:
            done = record_screen(self.store, self.athlete_name, screen, self.clock_now(), self.params,
                                 expected_version=version)  # fmt: skip
        except (Conflict, Refused) as err:
            raise problem_of(err) from None
        return done.stored, done.result

    # ------------------------------------------------------------------ edit, delete, undo

    def edit_set(self, set_id: int, updates: dict[str, Any], version: int | None = None) -> Any:
        from runstrong.flows.edit import edit_set

        return self._flow(edit_set, set_id, updates, expected_version=version)

    def delete_set(self, set_id: int, version: int | None = None) -> Any:
        from runstrong.flows.delete import delete_set

        return self._flow(delete_set, set_id, expected_version=version)

    def delete_session(self, session_id: int, version: int | None = None) -> Any:
        from runstrong.flows.delete import delete_session

        return self._flow(delete_session, session_id, expected_version=version)

    def edit_wellness(self, day: dt.date, updates: dict[str, Any], version: int | None = None) -> Any:
        from runstrong.flows.edit import edit_wellness

        return self._flow(edit_wellness, day, updates, expected_version=version)

    def delete_run(self, run_id: int, version: int | None = None) -> Any:
        from runstrong.flows.delete import delete_run

        return self._flow(delete_run, run_id, expected_version=version)

    def undo(self, version: int | None = None) -> Any:
        from runstrong.flows.undo import undo

        return self._flow(undo, expected_version=version)

    # ------------------------------------------------------------------ weekly review

    def review(self, req: ReviewRequest) -> Any:
        """The weekly review of `req.week` (default: last week) and the plan it would write."""
        from runstrong.store.reviewing import prepare_review

        today = self.today()
        week, real_life = review_inputs(req, today)
        with self.store.read() as s:
            who = self.who(s)
            try:
                return prepare_review(s, who.name, week, today, self.context, real_life)
            except UserError as err:
                raise review_problem(err) from None

    def review_written(self, req: ReviewRequest) -> tuple[Any, bool, int | None, str | None, str | None]:
        """The weekly review of `req.week`, whether accepting it now would write nothing (it was
        accepted and nothing changed since), the plan version its acceptance wrote, if any, why
        it is not accepted now (a later week's review was), and what changed since it was."""
        from runstrong.flows.review import changed_since, superseded, writes_nothing
        from runstrong.store.reviewing import prepare_review
        from runstrong.store.reviews import accepted_version, later_accepted

        today = self.today()
        week, real_life = review_inputs(req, today)
        with self.store.read() as s:
            who = self.who(s)
            try:
                outcome = prepare_review(s, who.name, week, today, self.context, real_life)
            except UserError as err:
                raise review_problem(err) from None
            week_start = outcome.review.week_start
            before = accepted_version(s, outcome.athlete.id, week_start)
            later = later_accepted(s, outcome.athlete.id, week_start)
            why_not = superseded(week_start, later) if later else None
            return outcome, writes_nothing(s, outcome, today), before, why_not, changed_since(s, outcome)

    def accept_review(self, req: ReviewRequest, version: int | None = None) -> tuple[Any, repo.StoredPlan]:
        """Review the week and write the new plan version in one change (the old one is kept)."""
        from runstrong.flows.review import accept_review

        today = self.today()
        week, real_life = review_inputs(req, today)
        try:
            done = accept_review(self.store, self.athlete_name, week, self.clock_now(), self.context, real_life,
                                 expected_version=version)  # fmt: skip
        except Conflict as err:
            raise Changed(str(err)) from None
        except UserError as err:
            raise review_problem(err) from None
        return done.outcome, done.stored
