"""What a runner can say on the welcome page beyond the usual week: a goal race before the main
race, how much a painful area hurts now, and a body mass asked about before it is kept, read
with `runstrong init`'s own readers (a bad answer refused by its field, nothing stored)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from .test_welcome import ANSWERS, athletes_in, key_of, newcomer  # noqa: F401 - fixtures

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")


def error_of(page: str, field: str) -> str:
    found = re.search(rf'<p class="field-error" id="{field}-error">([^<]*)</p>', page)
    assert found, page[:3000]
    return found.group(1)


def test_a_goal_race_on_the_welcome_page_gets_its_race_week(newcomer, empty_app) -> None:  # noqa: F811
    """Ines's half on Sun 18 Apr with a 10K goal race on Sun 14 Mar: the 10K is a dated goal race,
    its week the usual week around it, and her plan's week of it is a goal race week."""
    page = newcomer.get("/welcome").text
    assert 'name="goal_races"' in page and "Another race you are aiming at before it?" in page
    answers = {**ANSWERS, "goal_races": "2027-03-14 10k 45 Spring 10K", "key": key_of(page)}
    assert newcomer.post("/welcome", data=answers).status_code == 303
    _, profile = empty_app.state.diary.profile()
    race = next(r for r in profile.running.dated if r.goal)
    assert (race.date, race.distance.value, race.minutes, race.name) == (dt.date(2027, 3, 14), "10k", 45, "Spring 10K")
    assert sorted((r.date.isoformat(), r.type.value) for r in profile.running.dated if not r.goal) == [
        ("2027-03-09", "intervals"), ("2027-03-11", "easy"),
    ]  # fmt: skip
    week = next(w for w in empty_app.state.diary.plan().plan.weeks if w.start_date == dt.date(2027, 3, 8))
    assert any(r.rule_id == "goal-race" and "Spring 10K" in r.text for r in week.reasons)


@pytest.mark.parametrize(
    ("field", "answers", "says"),
    [
        ("goal_races", {"goal_races": "2027-05-02 10k"}, "is not before your main race (2027-04-18)"),
        ("goal_races", {"goal_races": "14 March 10k"}, "is not a date and a distance"),
        ("pain_scores", {"pain_scores": "knee 12"}, "12 is not 0-10"),
        ("pain_scores", {"pain_scores": "foot 2"}, "foot has a score but is not ticked as painful"),
        ("pain_scores", {"pain_scores": "knee"}, "give a score 0-10 after knee"),
    ],
)
def test_a_bad_goal_race_or_pain_score_is_refused_by_its_field(
    newcomer,  # noqa: F811
    empty_app,
    field: str,
    answers: dict,
    says: str,
) -> None:
    page = newcomer.post("/welcome", data={**ANSWERS, **answers, "key": "k9"})
    assert page.status_code == 422
    assert says in error_of(page.text, field)
    assert f'value="{answers[field]}"' in page.text  # as typed
    assert athletes_in(empty_app) == []


def test_a_pain_score_on_the_welcome_page_starts_the_loading_rung(newcomer, empty_app) -> None:  # noqa: F811
    page = newcomer.get("/welcome").text
    assert 'name="pain_scores"' in page and "How much does each hurt now, 0-10?" in page
    assert newcomer.post("/welcome", data={**ANSWERS, "pain_scores": "knee 2", "key": key_of(page)}).status_code == 303
    _, profile = empty_app.state.diary.profile()
    assert {a.value: s for a, s in profile.pain_scores.items()} == {"knee": 2}
    first = empty_app.state.diary.plan().plan.weeks[0]
    texts = [r.text for s in first.sessions for b in s.blocks for r in b.reasons]
    assert any("Graded return for your knee" in t and "slow heavy work" in t for t in texts), texts


def test_a_body_mass_unusual_for_age_and_sex_is_asked_and_kept_once_ticked(newcomer, empty_app) -> None:  # noqa: F811
    """150 typed in kg by a woman who meant pounds: refused by the body mass field with the
    question and a box to tick; 150lb is kept at once; the same 150 kg with the box ticked is kept."""
    page = newcomer.get("/welcome").text
    assert 'name="body_mass_ok"' not in page  # asked only when there is something to ask
    asked = newcomer.post("/welcome", data={**ANSWERS, "body_mass": "150", "key": "k5"})
    assert asked.status_code == 422
    said = error_of(asked.text, "body_mass")
    assert "150 kg (331 lb) is more than most women weigh (over 120 kg); if you meant 150 lb" in said
    assert 'name="body_mass_ok"' in asked.text and "Yes, that body mass is right" in asked.text
    assert athletes_in(empty_app) == []
    kept = newcomer.post("/welcome", data={**ANSWERS, "body_mass": "150", "body_mass_ok": "yes", "key": "k5"})
    assert kept.status_code == 303
    _, profile = empty_app.state.diary.profile()
    assert profile.body_mass_kg == 150


PROFILE = {"available_days": ["mon", "wed", "fri", "sat"], "session_cap_minutes": "45", "equipment": ["gym"],
           "race-distance": "marathon", "race-date": "2027-04-25"}  # fmt: skip


def test_the_profile_page_adds_edits_and_takes_out_a_goal_race(client) -> None:
    """Maya (the marathoner example) adds a goal half on Sun 14 Mar on her profile page: it is a
    dated goal race in her usual week and her plan's week of it says so; the field shows it for
    editing; emptying the field takes it out and the week goes back to the usual week."""
    page = client.get("/profile").text
    assert 'name="goal_races"' in page and "Another race you are aiming at before it?" in page
    assert client.post("/profile", data={**PROFILE, "goal_races": "2027-03-14 half City Half"}).status_code == 303
    _, profile = client.app.state.diary.profile()
    race = next(r for r in profile.running.dated if r.goal)
    assert (race.date, race.distance.value, race.name) == (dt.date(2027, 3, 14), "half", "City Half")
    assert len(profile.running.dated) == 6  # Mon-Sat of the usual week, Sunday's long run is the race
    week = next(w for w in client.app.state.diary.plan().plan.weeks if w.start_date == dt.date(2027, 3, 8))
    assert any(r.rule_id == "goal-race" and "City Half" in r.text for r in week.reasons)
    assert 'value="2027-03-14 half 45 City Half"' in client.get("/profile").text
    assert client.post("/profile", data={**PROFILE, "goal_races": ""}).status_code == 303
    _, profile = client.app.state.diary.profile()
    assert profile.running.dated == []


def test_the_profile_page_refuses_a_goal_race_after_the_main_race_by_its_field(client) -> None:
    answer = client.post("/profile", data={**PROFILE, "goal_races": "2027-05-09 half"})
    assert answer.status_code == 422
    assert "is not before your main race (2027-04-25)" in error_of(answer.text, "goal_races")
    assert 'value="2027-05-09 half"' in answer.text


def test_the_profile_page_sets_how_much_a_painful_area_hurts_now(client) -> None:
    answer = client.post("/profile", data={**PROFILE, "pain_areas": ["knee"], "pain_scores": "knee 2"})
    assert answer.status_code == 303
    _, profile = client.app.state.diary.profile()
    assert {a.value: s for a, s in profile.pain_scores.items()} == {"knee": 2}
    assert 'value="knee 2"' in client.get("/profile").text
    refused = client.post("/profile", data={**PROFILE, "pain_areas": [], "pain_scores": "knee 2"})
    assert refused.status_code == 422
    assert "knee has a score but is not ticked as painful" in error_of(refused.text, "pain_scores")


def test_a_goal_race_left_in_the_hidden_field_with_no_main_race_is_not_kept(newcomer, empty_app) -> None:  # noqa: F811
    """The goal race field shows beside a main race only (as the race date does): a runner who typed
    one and then chose "no race" is planned on the usual week, not around a race they no longer see."""
    answers = {**ANSWERS, "race_distance": "none", "plan_weeks": "12", "goal_races": "2027-03-14 10k"}
    assert newcomer.post("/welcome", data={**answers, "key": "k7"}).status_code == 303
    _, profile = empty_app.state.diary.profile()
    assert profile.race is None and profile.running.dated == []
