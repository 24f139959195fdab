"""A new runner sets up in the browser (issue 17, item 6): the welcome page asks
`runstrong init`'s questions, refuses a bad answer by its field with what was typed kept and
nothing stored, makes the plan on the spot once per form, and offers the screen; several
runners on one machine choose who they are; an athlete's account without a diary sets up
its own. Cross-site posts to the new forms are refused like every other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.web.accounts import PASSWORD, A, client_for

from .conftest import ORIGIN, TODAY, SameOriginClient

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

EVIL = {"origin": "https://evil.example", "sec-fetch-site": "cross-site"}
ANSWERS = {
    "name": "Ines", "age": "41", "sex": "female", "units": "metric", "body_mass": "58", "running_years": "6",
    "strength_experience": "novice", "strength_weeks": "0", "start": "2027-01-11", "race_distance": "half",
    "race_date": "2027-04-18", "race_name": "Harbour Half", "run-tue": "intervals 60", "run-thu": "easy 40",
    "run-sun": "long 1h40", "available_days": ["mon", "wed", "fri"], "cap": "40", "equipment": ["dumbbells"],
    "pain_areas": ["knee"], "easy_pace": "5:50/km", "heaviest": "dumbbell 16, kettlebell 12",
}  # fmt: skip


@pytest.fixture
def newcomer(empty_app):  # type: ignore[no-untyped-def]
    with SameOriginClient(empty_app, follow_redirects=False) as c:
        yield c


def key_of(page: str) -> str:
    found = re.search(r'name="key" value="([^"]+)"', page)
    assert found, "the welcome form carries its key"
    return found.group(1)


def athletes_in(app) -> list[str]:  # type: ignore[no-untyped-def]
    from runstrong.store import repo

    with app.state.diary.store.read() as s:
        return [a.name for a in repo.list_athletes(s)]


def test_an_empty_diary_opens_every_page_on_the_welcome_page(newcomer) -> None:
    for path in ("/", "/plan", "/profile", "/checkin"):
        answer = newcomer.get(path)
        assert answer.status_code == 303 and answer.headers["location"] == "/welcome", path
    page = newcomer.get("/welcome").text
    for question in ("What should the plan call you?", "Training for a race?", "Your usual running week",
                     "What kit do you have?", "Anything that hurts", "Longest session"):  # fmt: skip
        assert question in page
    assert 'value="2027-01-11"' in page  # init's suggested start: next Monday


def test_the_welcome_form_makes_the_profile_and_plan_and_offers_the_screen(newcomer, empty_app) -> None:
    key = key_of(newcomer.get("/welcome").text)
    answer = newcomer.post("/welcome", data={**ANSWERS, "key": key})
    assert answer.status_code == 303 and answer.headers["location"] == "/welcome/ready"
    ready = newcomer.get("/welcome/ready").text
    assert "Your plan is ready" in ready and "Harbour Half" in ready
    assert 'href="/assess/guided"' in ready and 'href="/plan"' in ready
    _, profile = empty_app.state.diary.profile()
    assert profile.name == "Ines" and profile.race.name == "Harbour Half" and profile.session_cap_minutes == 40
    assert [r.minutes for r in profile.running.weekly] == [60, 40, 100] and profile.easy_pace == "5:50/km"
    assert {k.value: v for k, v in profile.heaviest_loads.items()} == {"dumbbell": 16, "kettlebell": 12}
    assert newcomer.get("/").status_code == 200


def test_answers_mean_what_they_mean_to_runstrong_init(newcomer, empty_app) -> None:
    from runstrong.io.init_answers import profile_from_options

    typed = {**ANSWERS, "units": "imperial", "body_mass": "128lb", "start": "mon", "preferred_time": "7am"}
    newcomer.post("/welcome", data={**typed, "key": key_of(newcomer.get("/welcome").text)})
    _, stored = empty_app.state.diary.profile()
    options = {"name": "Ines", "age": "41", "sex": "female", "units": "imperial", "body_mass": "128lb",
               "running_years": "6", "strength_experience": "novice", "strength_weeks": "0", "start": "mon",
               "race_distance": "half", "race_date": "2027-04-18", "race_name": "Harbour Half",
               "runs": ("tue:intervals:60", "thu:easy:40", "sun:long:1h40"), "days": ("mon,wed,fri",),
               "cap": "40", "equipment": ("dumbbells",), "pain": ("knee",), "time_": "7am",
               "easy_pace": "5:50/km", "heaviest": "dumbbell 16, kettlebell 12"}  # fmt: skip
    from_init = profile_from_options(options, TODAY)
    assert stored.model_dump(exclude={"adjustments"}) == from_init.model_dump(exclude={"adjustments"})


def test_a_runner_with_no_weights_can_say_they_have_a_backpack_to_load(newcomer, empty_app) -> None:
    page = newcomer.get("/welcome").text
    assert 'value="backpack"' in page and "backpack (filled with books or water bottles)" in page
    answers = {**ANSWERS, "equipment": ["bodyweight", "backpack"], "pain_areas": []}
    newcomer.post("/welcome", data={**answers, "key": key_of(page)})
    _, profile = empty_app.state.diary.profile()
    assert [str(x) for x in profile.equipment] == ["bodyweight", "backpack"]


def test_a_runner_without_a_stair_unticks_it_and_the_plan_knows(newcomer, empty_app) -> None:
    page = newcomer.get("/welcome").text
    assert 'id="furniture-step" name="furniture" value="step" checked' in page and "step (a stair)" in page
    answers = {**ANSWERS, "equipment": ["bodyweight"], "furniture_shown": "1", "furniture": ["chair", "wall"]}
    newcomer.post("/welcome", data={**answers, "key": key_of(page)})
    _, profile = empty_app.state.diary.profile()
    assert [i.value for i in profile.furniture] == ["chair", "wall"]
    assert "step" not in {i.value for i in profile.equipment_items}


@pytest.mark.parametrize(
    ("field", "typed", "says"),
    [
        ("age", "forty", "a whole number"),
        ("body_mass", "", "fill this in"),
        ("race_date", "2027-01-04", "must be after"),
        ("run-tue", "sprint 40", "one of easy, long"),
        ("cap", "90", "from 20 to 60"),
        ("available_days", [], "at least one day"),
        ("heaviest", "a big one", "the kit and its heaviest load in kg"),
    ],
)
def test_a_bad_answer_is_refused_by_its_field_with_what_was_typed_kept_and_nothing_stored(
    newcomer, empty_app, field: str, typed: object, says: str
) -> None:
    page = newcomer.post("/welcome", data={**ANSWERS, field: typed, "key": "k1"})
    assert page.status_code == 422
    message = re.search(rf'<p class="field-error" id="{field}-error">([^<]*)</p>', page.text)
    assert message and says in message.group(1), page.text[:3000]
    assert 'value="Harbour Half"' in page.text and 'value="long 1h40"' in page.text  # the rest as typed
    if isinstance(typed, str) and typed:
        assert f'value="{typed}"' in page.text
    assert 'name="key" value="k1"' in page.text  # the same form: a retry is still one runner
    assert athletes_in(empty_app) == []


def test_the_error_summary_names_each_field_it_lists(newcomer) -> None:
    page = newcomer.post("/welcome", data={**ANSWERS, "age": "old", "cap": "90", "run-tue": "", "key": "k2"}).text
    summary = re.search(r'<div class="error-summary.*?</div>', page, re.S)
    assert summary, page[:2000]
    items = re.findall(r'<li><a href="#([^"]+)">(.*?)</a></li>', summary.group(0))
    named = [(name, text.split(":")[0]) for name, text in items]
    assert named == [("age", "<b>Age</b>"), ("cap", "<b>Longest session</b>")]


def test_sending_the_welcome_form_twice_starts_one_runner(newcomer, empty_app) -> None:
    key = key_of(newcomer.get("/welcome").text)
    first = newcomer.post("/welcome", data={**ANSWERS, "key": key})
    second = newcomer.post("/welcome", data={**ANSWERS, "key": key})
    assert first.status_code == second.status_code == 303
    assert second.headers["location"] == "/welcome/ready"
    assert athletes_in(empty_app) == ["Ines"]


def test_a_second_runner_with_a_name_already_taken_is_refused_by_the_name(newcomer, empty_app) -> None:
    newcomer.post("/welcome", data={**ANSWERS, "key": "k1"})
    page = newcomer.post("/welcome", data={**ANSWERS, "key": "k2", "age": "30"})
    assert page.status_code == 422 and 'id="name-error"' in page.text and "already has a diary" in page.text
    assert athletes_in(empty_app) == ["Ines"]


# ------------------------------------------------------------------ several runners, one machine


@pytest.fixture
def two_runners(app, newcomer_second):  # type: ignore[no-untyped-def]
    return app


@pytest.fixture
def newcomer_second(app):  # type: ignore[no-untyped-def]
    """The seeded diary (Maya) plus a second runner set up on the welcome page."""
    c = SameOriginClient(app, follow_redirects=False)  # no `with`: the app's lifespan is the fixture's
    assert c.post("/welcome", data={**ANSWERS, "key": "second"}).status_code == 303
    return app


def test_several_runners_choose_who_they_are_and_the_browser_remembers(two_runners) -> None:
    with SameOriginClient(two_runners, follow_redirects=False) as c:
        answer = c.get("/")
        assert answer.status_code == 303 and answer.headers["location"] == "/athletes"
        page = c.get("/athletes").text
        assert "Who are you?" in page and A in page and "Ines" in page
        chosen = c.post("/athletes", data={"name": "Ines"})
        assert chosen.status_code == 303 and "runstrong_athlete=Ines" in chosen.headers["set-cookie"]
        assert "Harbour Half" in c.get("/plan").text
        c.post("/athletes", data={"name": A})
        assert "Harbour Half" not in c.get("/plan").text and c.get("/api/v1/athlete", params={"athlete": A}).is_success


def test_a_chosen_runner_who_is_not_in_the_diary_goes_back_to_the_switcher(two_runners) -> None:
    with SameOriginClient(two_runners, follow_redirects=False) as c:
        c.cookies.set("runstrong_athlete", "Nobody")
        assert c.get("/").headers["location"] == "/athletes"
        answer = c.post("/athletes", data={"name": "Nobody"})
        assert answer.status_code == 303 and answer.headers["location"] == "/athletes"


def test_athlete_given_to_serve_still_opens_that_runner(newcomer_second, diary_path: Path) -> None:
    from runstrong.web.app import create_app

    app = create_app(str(diary_path), athlete="Ines", today=TODAY)  # a second server on the same diary
    try:
        with SameOriginClient(app, follow_redirects=False) as c:
            assert c.get("/").status_code == 200 and "Harbour Half" in c.get("/plan").text
    finally:
        app.state.diary.close()


# ------------------------------------------------------------------ server mode


@pytest.fixture
def server_with_newcomer(server):  # type: ignore[no-untyped-def]
    """Server mode with an athlete's account that has no diary yet."""
    import datetime as dt

    from runstrong.flows.accounts import add_user

    add_user(server.state.diary.store, "ines", PASSWORD, "athlete", None, "test", dt.datetime(2027, 1, 1))
    return server


def test_an_athletes_account_without_a_diary_sets_up_its_own_once(server_with_newcomer) -> None:
    app = server_with_newcomer
    with client_for(app, "ines") as c:
        assert c.get("/").headers["location"] == "/welcome"
        assert c.get("/api/v1/athlete").status_code == 409
        page = c.get("/welcome").text
        assert "Who are you" not in page and "/athletes" not in page  # no switcher in server mode
        assert c.post("/welcome", data={**ANSWERS, "key": key_of(page)}).status_code == 303
        assert c.get("/api/v1/athlete").json()["name"] == "Ines"
        assert c.get("/welcome").headers["location"] == "/"  # set up once; the profile page edits it
        again = c.post("/welcome", data={**ANSWERS, "name": "Someone Else", "key": "another"})
        assert again.status_code == 303  # answered with the diary it has: nothing new
    assert "Someone Else" not in athletes_in(app)


def test_a_welcome_form_never_writes_over_another_runners_diary(server_with_newcomer) -> None:
    with client_for(server_with_newcomer, "ines") as c:
        page = c.post("/welcome", data={**ANSWERS, "name": A, "key": "k"})
        assert page.status_code == 422 and 'id="name-error"' in page.text
        assert "Spring Marathon" not in page.text
    with client_for(server_with_newcomer, "ann_a") as c:
        assert c.get("/api/v1/athlete").json()["profile_version"] == 1


@pytest.mark.parametrize("user", ["cora_coach", "ada_admin"])
def test_coaches_and_admins_set_up_nobodys_profile_on_the_welcome_page(server, user: str) -> None:
    with client_for(server, user) as c:
        assert c.get("/welcome").status_code == 403
        assert c.post("/welcome", data={**ANSWERS, "key": "k"}).status_code == 403
        assert c.get("/athletes").status_code == 403  # choosing who you are: local mode only


# ------------------------------------------------------------------ other sites


@pytest.mark.parametrize(
    ("path", "form"),
    [("/welcome", {**ANSWERS, "key": "k"}), ("/athletes", {"name": "Ines"}), ("/assess/guided", {"step": "0"})],
)
def test_a_cross_site_post_to_the_new_forms_is_refused_and_stores_nothing(app, path: str, form: dict) -> None:
    from fastapi.testclient import TestClient

    with TestClient(app, base_url=ORIGIN, follow_redirects=False) as tab:
        token = re.search(r'name="csrf_token" value="([^"]+)"', tab.get("/welcome").text).group(1)  # type: ignore[union-attr]
        answer = tab.post(path, data={**form, "csrf_token": token}, headers=EVIL)
        assert answer.status_code == 403 and "another site" in answer.text
        assert tab.post(path, data=form).status_code == 403  # no token: refused too
    assert athletes_in(app) == [A]


def test_a_cross_site_post_to_the_welcome_page_is_refused_in_server_mode(server_with_newcomer) -> None:
    with client_for(server_with_newcomer, "ines") as c:
        answer = c.post("/welcome", data={**ANSWERS, "key": "k"}, headers=EVIL)
        assert answer.status_code == 403
    assert "Ines" not in athletes_in(server_with_newcomer)


def test_the_new_forms_have_the_body_limit_and_the_host_check(app) -> None:
    from runstrong.web.security import BODY_LIMIT

    with SameOriginClient(app, follow_redirects=False) as c:
        big = c.post("/welcome", content=b"name=" + b"x" * (BODY_LIMIT + 1),
                     headers={"content-type": "application/x-www-form-urlencoded"})  # fmt: skip
        assert big.status_code == 413
        assert c.get("/welcome", headers={"host": "evil.example"}).status_code == 400
    assert athletes_in(app) == [A]


def test_a_runner_who_gave_birth_says_so_on_the_welcome_page_and_her_plan_waits_with_hops(newcomer, empty_app) -> None:
    page = newcomer.get("/welcome").text
    assert "I gave birth in the last year" in page and 'name="postnatal_since"' in page  # init's health question
    answers = {**ANSWERS, "health": ["postnatal", "pelvic_floor"], "postnatal_since": "2026-11-13"}
    assert newcomer.post("/welcome", data={**answers, "key": key_of(page)}).status_code == 303
    _, profile = empty_app.state.diary.profile()
    assert [h.value for h in profile.health] == ["postnatal", "pelvic_floor"]
    assert str(profile.postnatal_since) == "2026-11-13"
    plan = empty_app.state.diary.plan().plan
    first = plan.weeks[0]
    assert any(r.rule_id == "postnatal-impact-return" and "8 weeks after the birth" in r.text for r in first.reasons)


def test_a_birth_date_is_dropped_when_the_birth_box_is_not_ticked(newcomer, empty_app) -> None:
    answers = {**ANSWERS, "health": ["low_bone_density"], "postnatal_since": "2026-11-13"}
    newcomer.post("/welcome", data={**answers, "key": key_of(newcomer.get("/welcome").text)})
    _, profile = empty_app.state.diary.profile()
    assert [h.value for h in profile.health] == ["low_bone_density"] and profile.postnatal_since is None


@pytest.mark.parametrize(
    ("field", "answers", "says"),
    [
        ("postnatal_since", {"health": ["postnatal"], "postnatal_since": ""}, "give the date of the birth"),
        ("postnatal_since", {"health": ["postnatal"], "postnatal_since": "13/11/2026"}, "write it like 2026-10-01"),
        ("postnatal_since", {"health": ["postnatal"], "postnatal_since": "2027-02-01"}, "is after today"),
        ("health", {"health": ["asthma"]}, "postnatal"),
        ("due_date", {"health": ["pregnant"], "due_date": ""}, "how many weeks pregnant"),
    ],
)
def test_a_bad_health_answer_is_refused_by_its_field_and_nothing_stored(
    newcomer, empty_app, field: str, answers: dict, says: str
) -> None:
    page = newcomer.post("/welcome", data={**ANSWERS, **answers, "key": "k3"})
    assert page.status_code == 422
    message = re.search(rf'<p class="field-error" id="{field}-error">([^<]*)</p>', page.text)
    assert message and says in message.group(1), page.text[:3000]
    assert athletes_in(empty_app) == []


def test_a_runner_back_from_a_bone_stress_injury_says_where_and_when_she_was_cleared(newcomer, empty_app) -> None:
    """cr26a F3: the welcome page asks what init asks, the site in the runner's words and the day
    the clinician cleared running (bone-stress-return); a missing clearance is refused by its field."""
    page = newcomer.get("/welcome").text
    assert 'value="bone_stress"' in page and 'name="bone_stress_site"' in page and 'name="cleared_to_run"' in page
    refused = newcomer.post("/welcome", data={**ANSWERS, "health": ["bone_stress"], "bone_stress_site": "shin",
                                              "cleared_to_run": "", "key": "k4"})  # fmt: skip
    message = re.search(r'<p class="field-error" id="cleared_to_run-error">([^<]*)</p>', refused.text)
    assert refused.status_code == 422 and message and "not cleared to run yet" in message.group(1)
    assert athletes_in(empty_app) == []
    answers = {**ANSWERS, "health": ["bone_stress"], "bone_stress_site": "shin", "cleared_to_run": "2026-10-12"}
    assert newcomer.post("/welcome", data={**answers, "key": key_of(page)}).status_code == 303
    _, profile = empty_app.state.diary.profile()
    assert profile.bone_stress_site.value == "tibia" and str(profile.cleared_to_run) == "2026-10-12"
    notes = " ".join(empty_app.state.diary.plan().plan.warnings)
    assert "Any pain at your shin (tibia), during or after a session or a run, is a stop sign" in notes
