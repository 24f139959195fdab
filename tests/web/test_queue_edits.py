"""Editing a review in the coach's queue: swapping one lift of the next plan for another the
runner's own swap rule allows, keeping or leaving out the review's swaps one by one; the
athlete's next plan names the coach; a double submit applies once, a stale form is refused;
the roster shows a waiting review's flags; an undone decision puts the review back."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select

from tests.web.accounts import A, client_for

NEXT_WEEK = "2027-01-11"  # the week the waiting review (of 4 Jan) changes first
SWAP_SAID = "Leave out: Barbell hip thrust → Dumbbell hip thrust"  # the review's swap for bad form


def _review_mode(server: Any) -> None:
    with client_for(server, "ada_admin") as admin:
        assert admin.put("/api/v1/review-mode", params={"athlete": A}, json={"mode": "review"}).status_code == 200


def _form(page: str) -> tuple[int, dict[str, list[str]]]:
    """The queue form's diary version and, per swappable lift, the replacements offered."""
    version = int(re.search(r'name="version" value="(\d+)"', page).group(1))  # type: ignore[union-attr]
    selects = re.findall(r'<select id="swap-\w+" name="swap:(\w+)">(.*?)</select>', page, re.S)
    return version, {lift: re.findall(r'<option value="(\w+)">', options) for lift, options in selects}


def _exercises_from(client: Any, since: str) -> set[str]:
    weeks = client.get("/api/v1/plan").json()["weeks"]
    return {x for w in weeks if w["start_date"] >= since for s in w["sessions"] for x in s["exercises"]}


def _next_week(client: Any) -> set[str]:
    week = next(w for w in client.get("/api/v1/plan").json()["weeks"] if w["start_date"] == NEXT_WEEK)
    return {x for s in week["sessions"] for x in s["exercises"]}


def _count(server: Any, table: Any, *where: Any) -> int:
    with server.state.diary.store.read() as s:
        return s.scalar(select(func.count()).select_from(table).where(*where)) or 0


def _bad_form_hip_thrusts(server: Any) -> None:
    """Three hip-thrust sets whose form broke down: the review swaps the lift for an easier one."""
    with client_for(server, "ann_a") as athlete:
        sets = [{"exercise_id": "barbell_hip_thrust", "reps": 8, "form_quality": 1}] * 3
        assert athlete.post("/api/v1/sessions", json={"date": "2027-01-04", "sets": sets}).status_code == 201


def test_the_coach_swaps_one_lift_and_the_athletes_next_plan_names_the_coach(server) -> None:
    from runstrong.store.tables import AuditRow, ChangeRow

    _review_mode(server)
    with client_for(server, "ann_a") as athlete:
        before = athlete.get("/api/v1/athlete").json()["plan_version"]
    with client_for(server, "cora_coach") as coach:
        version, offered = _form(coach.get("/queue/review", params={"athlete": A}).text)
        lift = next(x for x in sorted(offered) if offered[x])
        choice = offered[lift][0]
        data = {"verdict": "accept", "version": str(version), f"swap:{lift}": choice, "note": "Try this one."}
        done = coach.post("/queue/review", params={"athlete": A}, data=data)
        assert done.status_code == 303, done.text
        decided = coach.get("/queue/review", params={"athlete": A}).text
        assert "was accepted by cora_coach" in decided and 'name="verdict"' not in decided  # nothing waits
    with client_for(server, "ann_a") as athlete:
        assert athlete.get("/api/v1/athlete").json()["plan_version"] == before + 1
        assert choice in _next_week(athlete) and lift not in _exercises_from(athlete, NEXT_WEEK)
        assert "Your coach cora_coach chose this in place of" in athlete.get("/plan").text
    with server.state.diary.store.read() as s:
        audit = s.execute(select(AuditRow.actor, AuditRow.summary).where(AuditRow.action == "review.accept")).one()
        change = s.execute(select(ChangeRow.actor, ChangeRow.summary).where(ChangeRow.kind == "review")).one()
    assert audit.actor == "cora_coach" and f"swap {lift} for {choice}" in audit.summary
    assert change.actor == "cora_coach" and f"swap {lift} for {choice}" in change.summary


def test_a_swap_the_runners_rule_does_not_allow_is_refused_and_nothing_is_written(server) -> None:
    from runstrong.store.tables import ReviewQueueRow

    _review_mode(server)
    with client_for(server, "cora_coach") as coach:
        _, offered = _form(coach.get("/queue/review", params={"athlete": A}).text)
        lift = next(x for x in sorted(offered) if offered[x])
        other = next(x for x in sorted(offered) if x != lift)  # a lift of the plan, not an alternative to `lift`
        wrong = (({"from_id": lift, "to_id": other}, "cannot replace"),
                 ({"from_id": "nordic_hamstring_curl", "to_id": lift}, "is not a lift of the week"))  # fmt: skip
        for swap, said in wrong:
            answer = coach.post("/api/v1/queue/decisions", params={"athlete": A},
                                json={"verdict": "accept", "swaps": [swap]})  # fmt: skip
            assert answer.status_code == 422 and said in answer.text and '"swaps"' in answer.text, answer.text
        assert coach.get("/api/v1/roster").json()[0]["review_waiting"] == "2027-01-04"
    assert _count(server, ReviewQueueRow) == 0


def test_the_reviews_own_swaps_are_kept_or_left_out_one_by_one(server) -> None:
    _review_mode(server)
    _bad_form_hip_thrusts(server)
    with client_for(server, "cora_coach") as coach:
        page = coach.get("/queue/review", params={"athlete": A}).text
        assert 'name="drop_swap" value="barbell_hip_thrust"' in page and SWAP_SAID in page
        unknown = coach.post("/api/v1/queue/decisions", params={"athlete": A},
                             json={"verdict": "accept", "dropped_swaps": ["goblet_squat"]})  # fmt: skip
        assert unknown.status_code == 422 and "not one of the review's swaps" in unknown.text
        done = coach.post("/api/v1/queue/decisions", params={"athlete": A},
                          json={"verdict": "accept", "dropped_swaps": ["barbell_hip_thrust"]})  # fmt: skip
        assert done.status_code == 201, done.text
    with client_for(server, "ann_a") as athlete:
        later = _exercises_from(athlete, NEXT_WEEK)
        assert "barbell_hip_thrust" in later and "dumbbell_hip_thrust" not in later  # the coach kept the lift


def test_the_same_decision_sent_twice_is_applied_once(server) -> None:
    from runstrong.store.tables import AuditRow, PlanRow

    _review_mode(server)
    plans = _count(server, PlanRow)
    with client_for(server, "cora_coach") as coach:
        version, offered = _form(coach.get("/queue/review", params={"athlete": A}).text)
        lift = next(x for x in sorted(offered) if offered[x])
        data = {"verdict": "accept", "version": str(version), f"swap:{lift}": offered[lift][0]}
        first, second = (coach.post("/queue/review", params={"athlete": A}, data=data) for _ in range(2))
        assert first.status_code == second.status_code == 303, second.text
        body = {"verdict": "accept", "swaps": [{"from_id": lift, "to_id": offered[lift][0]}]}
        retried = coach.post("/api/v1/queue/decisions", params={"athlete": A}, json=body)
        assert retried.status_code == 201 and retried.json()["plan_version"] is not None
    assert _count(server, PlanRow) == plans + 1
    assert _count(server, AuditRow, AuditRow.action == "review.accept") == 1


def test_a_decision_on_a_review_that_changed_since_it_was_opened_is_refused(server) -> None:
    from runstrong.store.tables import ReviewQueueRow

    _review_mode(server)
    with client_for(server, "cora_coach") as coach:
        version, _ = _form(coach.get("/queue/review", params={"athlete": A}).text)
        _bad_form_hip_thrusts(server)  # the athlete logs while the coach reads: the review is not the same
        stale = coach.post("/queue/review", params={"athlete": A}, data={"verdict": "accept", "version": str(version)})
        assert stale.status_code == 409 and "changed since you opened it" in stale.text
        assert SWAP_SAID in stale.text  # the review as it is now, to decide again
    assert _count(server, ReviewQueueRow) == 0


def test_the_roster_shows_a_waiting_reviews_flags_marked_as_waiting(server) -> None:
    _review_mode(server)
    with client_for(server, "cora_coach") as coach:
        row = coach.get("/api/v1/roster").json()[0]
        assert row["flags_waiting"] is True and "pain" not in {f["kind"] for f in row["flags"]}
    with client_for(server, "ann_a") as athlete:  # then a pain report: the waiting review, read again, flags it
        pain = {"date": "2027-01-06", "pains": [{"area": "knee", "score": 6, "when": "during", "side": "left"}]}
        assert athlete.post("/api/v1/pains", json=pain).status_code == 201
    with client_for(server, "cora_coach") as coach:
        row = coach.get("/api/v1/roster").json()[0]
        assert row["review_waiting"] == "2027-01-04" and row["flags_waiting"] is True
        assert "pain" in {f["kind"] for f in row["flags"]}
        assert [r["name"] for r in coach.get("/api/v1/roster", params={"flag": "pain"}).json()] == [A]
        page = coach.get("/roster").text
        assert 'class="badge waiting"' in page and "review waiting</span>" in page
        accepted = coach.post("/api/v1/queue/decisions", params={"athlete": A}, json={"verdict": "accept"})
        assert accepted.status_code == 201
        row = coach.get("/api/v1/roster").json()[0]
    assert row["review_waiting"] is None and row["flags_waiting"] is False
    assert "pain" in {f["kind"] for f in row["flags"]}  # now the accepted review's


def test_undoing_the_coachs_decision_puts_the_review_back_in_the_queue(server) -> None:
    from runstrong.store.tables import AuditRow

    _review_mode(server)
    with client_for(server, "ann_a") as athlete:
        before = athlete.get("/api/v1/athlete").json()["plan_version"]
    with client_for(server, "cora_coach") as coach:
        body = {"verdict": "accept", "note": "Easy week."}
        assert coach.post("/api/v1/queue/decisions", params={"athlete": A}, json=body).status_code == 201
    with client_for(server, "ann_a") as athlete:  # the athlete's undo does not silently revert their coach
        refused = athlete.post("/api/v1/undo")
        assert refused.status_code == 422 and "only a coach takes it back" in refused.text
        assert athlete.get("/api/v1/athlete").json()["plan_version"] == before + 1
    with client_for(server, "cora_coach") as coach:
        assert coach.post("/api/v1/undo", params={"athlete": A}).status_code == 200
        assert coach.get("/api/v1/roster").json()[0]["review_waiting"] == "2027-01-04"
        page = coach.get("/queue/review", params={"athlete": A}).text
        assert "cora_coach undid the decision on this review" in page and 'name="verdict"' in page
        again = coach.post("/api/v1/queue/decisions", params={"athlete": A}, json={"verdict": "reject"})
        assert again.status_code == 201, again.text
    with client_for(server, "ann_a") as athlete:
        assert athlete.get("/api/v1/athlete").json()["plan_version"] == before  # the accept's plan is gone
        assert "Easy week." not in athlete.get("/").text  # and its note with it
    with server.state.diary.store.read() as s:
        actions = s.scalars(select(AuditRow.action).where(AuditRow.action.like("review.%")).order_by(AuditRow.id))
        assert list(actions) == ["review.mode", "review.accept", "review.undo", "review.reject"]


def test_undoing_what_a_waiting_review_read_changes_the_review_in_the_queue(server) -> None:
    _review_mode(server)
    _bad_form_hip_thrusts(server)
    with client_for(server, "cora_coach") as coach:
        opened, _ = _form(coach.get("/queue/review", params={"athlete": A}).text)
        with client_for(server, "ann_a") as athlete:
            assert athlete.post("/api/v1/undo").status_code == 200  # the session the review read is gone
        page = coach.get("/queue/review", params={"athlete": A}).text
        assert SWAP_SAID not in page and _form(page)[0] != opened
        stale = coach.post("/api/v1/queue/decisions", params={"athlete": A},
                           json={"verdict": "accept", "version": opened})  # fmt: skip
        assert stale.status_code == 409
        assert coach.get("/api/v1/roster").json()[0]["review_waiting"] == "2027-01-04"


def test_a_cross_site_or_tokenless_queue_decision_with_a_swap_is_refused_and_writes_nothing(server) -> None:
    """Cross-site: refused for the form and the JSON API alike. Without the page's token:
    refused for the form and for any body a page could send cross-site (text/plain); JSON
    needs no token, as a page cannot send it to another origin (see web/security.py)."""
    import json

    from runstrong.store.tables import AuditRow, ReviewQueueRow

    _review_mode(server)
    evil = {"origin": "https://evil.example", "sec-fetch-site": "cross-site"}
    with client_for(server, "cora_coach") as coach:  # logged in: the cookie goes with every request
        version, offered = _form(coach.get("/queue/review", params={"athlete": A}).text)
        lift = next(x for x in sorted(offered) if offered[x])
        form = {"verdict": "accept", "version": str(version), f"swap:{lift}": offered[lift][0]}
        body = {"verdict": "accept", "swaps": [{"from_id": lift, "to_id": offered[lift][0]}]}
        refused = [
            coach.post("/queue/review", params={"athlete": A}, data=form, headers=evil),
            coach.post("/api/v1/queue/decisions", params={"athlete": A}, json=body, headers=evil),
            coach.post("/queue/review", params={"athlete": A}, data=form, headers={"x-csrf-token": "not-the-token"}),
            coach.post("/api/v1/queue/decisions", params={"athlete": A}, content=json.dumps(body),
                       headers={"x-csrf-token": "not-the-token", "content-type": "text/plain"}),
        ]  # fmt: skip
        assert [r.status_code for r in refused] == [403] * 4, [r.text[:120] for r in refused]
    assert _count(server, ReviewQueueRow) == 0
    assert _count(server, AuditRow, AuditRow.action == "review.accept") == 0


def test_a_rejected_reviews_flags_stay_on_the_roster(server) -> None:
    _review_mode(server)
    with client_for(server, "ann_a") as athlete:
        pain = {"date": "2027-01-06", "pains": [{"area": "knee", "score": 6, "when": "during", "side": "left"}]}
        assert athlete.post("/api/v1/pains", json=pain).status_code == 201
    with client_for(server, "cora_coach") as coach:
        rejected = coach.post("/api/v1/queue/decisions", params={"athlete": A}, json={"verdict": "reject"})
        assert rejected.status_code == 201
        row = coach.get("/api/v1/roster").json()[0]
    assert row["review_waiting"] is None and row["flags_waiting"] is False
    assert "pain" in {f["kind"] for f in row["flags"]}  # the plan stayed, the knee is still flagged
