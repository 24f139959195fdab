"""The coach's roster and review queue: each coach sees only their athletes; in review
mode an athlete's review waits for a coach, who accepts it (edited or not) or rejects it,
with a note the athlete then sees; every decision is audited."""

from __future__ import annotations

from sqlalchemy import select

from tests.web.accounts import A, B, client_for
from tests.web.conftest import TODAY


def _review_mode(server, athlete: str, mode: str) -> None:  # type: ignore[no-untyped-def]
    with client_for(server, "ada_admin") as admin:
        answer = admin.put("/api/v1/review-mode", params={"athlete": athlete}, json={"mode": mode})
        assert answer.status_code == 200, answer.text


def test_a_coach_sees_only_their_athletes_and_an_admin_everyone(server) -> None:
    with client_for(server, "cora_coach") as coach:
        rows = coach.get("/api/v1/roster").json()
        assert [r["name"] for r in rows] == [A]
        assert rows[0]["sessions_planned"] >= 1 and rows[0]["race_name"] == "Spring Marathon"
        assert rows[0]["coaches"] == ["cora_coach"] and rows[0]["phase"]
        page = coach.get("/roster")
        assert page.status_code == 200 and A in page.text and B not in page.text
    with client_for(server, "ada_admin") as admin:
        assert [r["name"] for r in admin.get("/api/v1/roster").json()] == [A, B]
        assert [r["name"] for r in admin.get("/api/v1/roster", params={"coach": "olaf_other"}).json()] == [B]
        assert admin.get("/api/v1/roster", params={"flag": "pain"}).json() == []  # no review has flagged pain
    with client_for(server, "ann_a") as athlete:
        assert athlete.get("/api/v1/roster").status_code == 403


def test_opening_an_athlete_from_the_roster_shows_their_diary_in_every_page(server) -> None:
    from runstrong.flows.accounts import assign

    assign(server.state.diary.store, "cora_coach", B, "test", TODAY)  # type: ignore[arg-type]
    with client_for(server, "cora_coach") as coach:
        opened = coach.get("/roster/open", params={"athlete": B})
        assert opened.status_code == 303
        assert "Parkrun PB attempt" in coach.get("/plan").text
        assert "Spring Marathon" in coach.get("/plan", params={"athlete": A}).text


def test_in_review_mode_the_athlete_cannot_accept_their_own_review(server) -> None:
    _review_mode(server, A, "review")
    with client_for(server, "ann_a") as athlete:
        answer = athlete.post("/api/v1/review", json={})
        assert answer.status_code == 422 and "your coach reviews your weeks" in answer.text
    with client_for(server, "cora_coach") as coach:
        row = coach.get("/api/v1/roster").json()[0]
        assert row["review_mode"] == "review" and row["review_waiting"] == "2027-01-04"


def test_the_coach_accepts_an_edited_review_and_the_athlete_sees_the_note(server) -> None:
    from runstrong.store.tables import AuditRow, ReviewQueueRow

    _review_mode(server, A, "review")
    with client_for(server, "ann_a") as athlete:
        before = athlete.get("/api/v1/athlete").json()["plan_version"]
    with client_for(server, "cora_coach") as coach:
        page = coach.get("/queue/review", params={"athlete": A})
        assert page.status_code == 200 and "Decisions for the week of" in page.text
        decision = {"verdict": "accept", "hold_instead": "1", "note": "Easy on the hops this week."}
        done = coach.post("/queue/review", params={"athlete": A}, data=decision)
        assert done.status_code == 303, done.text
        assert coach.get("/api/v1/roster").json()[0]["review_waiting"] is None
        again = coach.post("/api/v1/queue/decisions", params={"athlete": A}, json={"verdict": "reject"})
        assert again.status_code == 422 and "was accepted by cora_coach" in again.text
    with client_for(server, "ann_a") as athlete:
        assert athlete.get("/api/v1/athlete").json()["plan_version"] == before + 1
        assert "Easy on the hops this week." in athlete.get("/").text
        assert "Easy on the hops this week." not in athlete.get("/plan").text  # on the session, not everywhere
    with server.state.diary.store.read() as s:
        row = s.execute(select(ReviewQueueRow.status, ReviewQueueRow.edits)).one()
        audit = s.execute(select(AuditRow.actor, AuditRow.summary).where(AuditRow.action == "review.accept")).one()
    assert row.status == "accepted" and '"hold_instead": true' in (row.edits or "")
    assert audit.actor == "cora_coach" and "hold instead of cutting" in audit.summary


def test_a_rejected_review_leaves_the_plan_as_it_was(server) -> None:
    _review_mode(server, A, "review")
    with client_for(server, "ada_admin") as admin:
        before = admin.get("/api/v1/athlete", params={"athlete": A}).json()["plan_version"]
        done = admin.post("/api/v1/queue/decisions", params={"athlete": A},
                          json={"verdict": "reject", "note": "Keep going as planned."})  # fmt: skip
        assert done.status_code == 201 and done.json()["plan_version"] is None
        assert admin.get("/api/v1/athlete", params={"athlete": A}).json()["plan_version"] == before


def test_the_other_coach_cannot_decide_or_switch_modes(server) -> None:
    with client_for(server, "olaf_other") as other:
        assert (
            other.post("/api/v1/queue/decisions", params={"athlete": A}, json={"verdict": "accept"}).status_code == 403
        )
        assert other.put("/api/v1/review-mode", params={"athlete": A}, json={"mode": "auto"}).status_code == 403


def test_the_change_log_says_who_changed_the_diary(server) -> None:
    from runstrong.store.tables import ChangeRow

    with client_for(server, "cora_coach") as coach:
        assert coach.post("/api/v1/wellness", params={"athlete": A}, json={"mood": 4}).status_code == 201
    with client_for(server, "ann_a") as athlete:
        assert athlete.post("/api/v1/runs", json={"type": "easy", "minutes": 30}).status_code == 201
    with server.state.diary.store.read() as s:
        actors = s.execute(select(ChangeRow.kind, ChangeRow.actor).order_by(ChangeRow.id)).all()
    assert [a for _, a in actors[-2:]] == ["cora_coach", "ann_a"]


def test_an_admin_assigns_a_coach_on_the_users_page_and_it_is_audited(server) -> None:
    from runstrong.store.tables import AuditRow

    with client_for(server, "ada_admin") as admin:
        page = admin.get("/admin/users")
        assert page.status_code == 200 and "cora_coach" in page.text
        done = admin.post("/admin/assign", data={"coach": "olaf_other", "athlete": A, "action": "assign"})
        assert done.status_code == 303 and done.headers["location"].startswith("/admin/users?done=")
        refused = admin.post("/admin/users", data={"name": "x", "role": "coach", "password": "short"})
        assert refused.status_code == 400 and "password: at least" in refused.text
    with client_for(server, "olaf_other") as other:
        assert other.get("/api/v1/athlete", params={"athlete": A}).status_code == 200
        assert other.get("/admin/users").status_code == 403
    with server.state.diary.store.read() as s:
        last = s.execute(select(AuditRow.actor, AuditRow.action).order_by(AuditRow.id.desc())).first()
    assert tuple(last) == ("ada_admin", "coach.assign")


def test_the_roster_shows_a_waiting_reviews_pain_from_stored_flags_kept_by_the_athletes_log(server) -> None:
    """The athlete's pain report moves the stored flags in its own write: the coach's roster
    then reads them, and no athlete's flags are worked out at read time."""
    from runstrong.store.roster import read_roster

    _review_mode(server, A, "review")
    with client_for(server, "ada_admin") as admin:  # everyone's first roster: the rows kept
        assert [r["flags"] for r in admin.get("/api/v1/roster").json()] == [[], []]
    with client_for(server, "ann_a") as athlete:
        told = athlete.post("/api/v1/pains", json={"date": "2027-01-06", "pains": [{"area": "knee", "score": 6}]})
        assert told.status_code == 201, told.text
    diary = server.state.diary
    with diary.store.read() as s:
        assert read_roster(s, None, TODAY, diary.context).worked_out == []  # every row kept by a flow or a roster
    with client_for(server, "cora_coach") as coach:
        [row] = coach.get("/api/v1/roster").json()
        assert row["flags_waiting"] and row["review_waiting"] == "2027-01-04"
        assert [f["kind"] for f in row["flags"]] == ["pain"] and "Knee pain up to 6/10" in row["flags"][0]["text"]
        assert [r["name"] for r in coach.get("/api/v1/roster", params={"flag": "pain"}).json()] == [A]
    with client_for(server, "olaf_other") as other:  # B's coach: A's flags are not in their roster
        assert [r["name"] for r in other.get("/api/v1/roster").json()] == [B]
