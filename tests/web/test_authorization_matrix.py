"""The authorization matrix (issue 17): every route and API operation of the app, found
from the app's own route table (a new route cannot be left out), asked by every role,
about athlete A, on SQLite and PostgreSQL.

Each cell is the expected allow or deny: anonymous is sent to log in (401 for the API and
for changes, 303 to /login for pages); athlete A, A's coach and the admin are let through
(the route may still answer 404 or 422 for the sample values); athlete B and the other
coach get 403. And no response carries the data of an athlete its reader may not see.
"""

from __future__ import annotations

import re
import shutil
from typing import Any

import pytest
from fastapi.routing import APIRoute
from starlette.routing import Mount, Route

from tests.store.conftest import BACKENDS
from tests.web.accounts import A_MARKS, B_MARKS, USERS, A, B, client_for, seed_server_diary
from tests.web.conftest import TODAY

# every route by every role on both backends (~30 s of CPU): CI runs it, bin/test --fast does not
pytestmark = pytest.mark.slow

ROLES = [None, "ann_a", "ben_b", "cora_coach", "olaf_other", "ada_admin"]  # None: anonymous
MAY_SEE_A = {"ann_a", "cora_coach", "ada_admin"}
VISIBLE = {None: set(), "ann_a": {A}, "ben_b": {B}, "cora_coach": {A}, "olaf_other": {B}, "ada_admin": {A, B}}
MARKS = {A: A_MARKS, B: B_MARKS}
# kinds: diary (the athlete's own, their coaches', admins'), staff (coaches and admins: the
# roster shows each only their athletes), staff_diary (a coach of that athlete, or an admin),
# admin (the users page), newcomer (the welcome page: the local owner, or an athlete's
# account setting up its own diary; never a coach or an admin), local (choosing who you
# are: local mode only, so every account is refused);
# routes that anyone may call: logging in and out, the calendar feed (its token is its key),
# the OpenAPI document (no diary data) and the static files
PUBLIC = {"/login", "/logout", "/whoami", "/calendar/{token}.ics", "/openapi.json"}
# a value for every path parameter the app has (a new parameter needs one here)
SAMPLES = {
    "date": TODAY.isoformat(), "day": TODAY.isoformat(), "index": "1", "set_id": "2147483647",
    "session_id": "2147483647", "run_id": "2147483647", "exercise_id": "romanian_deadlift",
    "token": "not-a-token", "name": "load",
}  # fmt: skip


def _depends_on(route: Any, dependency: Any) -> bool:
    dependant = getattr(route, "dependant", None)
    stack = list(dependant.dependencies) if dependant else []
    while stack:
        dep = stack.pop()
        if dep.call is dependency:
            return True
        stack.extend(dep.dependencies)
    return False


def operations(app: Any) -> list[tuple[str, str, str]]:
    """(method, path with samples, kind) for every route as the app serves it (routers
    included with their dependencies): kind is diary, staff, staff_diary, admin, newcomer,
    local or public."""
    from fastapi.routing import iter_route_contexts

    from runstrong.web import auth

    found = []
    for route in iter_route_contexts(app.routes):
        if isinstance(route.original_route, Mount):
            assert route.path == "/static", f"a mounted app at {route.path}: add it to the matrix"
            continue
        assert isinstance(route.original_route, (APIRoute, Route)), route
        names = re.findall(r"{(\w+)}", route.path_format)
        missing = [n for n in names if n not in SAMPLES]
        assert not missing, f"{route.path_format}: give the matrix a sample value for {missing}"
        path = route.path_format.format(**{n: SAMPLES[n] for n in names})
        staff, diary = _depends_on(route, auth.require_staff), _depends_on(route, auth.athlete_access)
        if _depends_on(route, auth.require_admin):
            kind = "admin"
        elif _depends_on(route, auth.require_newcomer):
            kind = "newcomer"
        elif _depends_on(route, auth.require_local):
            kind = "local"
        elif staff and diary:
            kind = "staff_diary"
        elif diary:
            kind = "diary"
        elif staff:
            kind = "staff"
        else:
            assert route.path_format in PUBLIC, f"{route.path_format} checks nobody: depend on auth, or list it public"
            kind = "public"
        found += [(m, path, kind) for m in sorted(route.methods or ()) if m != "HEAD"]
    return found


def _send(client: Any, method: str, path: str) -> Any:
    params = {"athlete": A}
    if method == "GET":
        return client.get(path, params=params)
    if path.startswith("/api/"):
        return client.request(method, path, params=params, json={})
    return client.request(method, path, params=params, data={})


def _expected(kind: str, user: str | None, method: str, path: str) -> str:
    if kind == "public":
        return "public"
    if user is None:
        return "login"
    is_staff = USERS[user][0] in ("coach", "admin")
    if kind == "admin":
        return "allow" if USERS[user][0] == "admin" else "deny"
    if kind == "newcomer":
        return "allow" if USERS[user][0] == "athlete" else "deny"
    if kind == "local":
        return "deny"
    if kind == "staff":
        return "allow" if is_staff else "deny"
    if kind == "staff_diary":
        return "allow" if is_staff and user in MAY_SEE_A else "deny"
    return "allow" if user in MAY_SEE_A else "deny"


def _check(expected: str, answer: Any, method: str, path: str) -> None:
    status = answer.status_code
    where = f"{method} {path}: {status} {answer.text[:200]}"
    if expected == "login":
        page_get = method == "GET" and not path.startswith("/api/")
        if page_get:
            assert status == 303 and answer.headers["location"].startswith("/login?next="), where
        else:
            assert status == 401, where
    elif expected == "deny":
        assert status == 403, where
    elif expected == "public":
        assert status < 500, where
    else:
        assert status not in (401, 403) and status < 500, where


@pytest.fixture(params=BACKENDS)
def server(request, tmp_path_factory):  # type: ignore[no-untyped-def]
    from runstrong.web.app import create_app

    if request.param == "sqlite":  # a copy of the session's seeded server diary (conftest's server_seed)
        path = tmp_path_factory.mktemp("matrix") / "diary.db"
        shutil.copyfile(request.getfixturevalue("server_seed"), path)
        url = f"sqlite:///{path}"
    else:
        url = request.getfixturevalue("pg_fresh")("server", seed_server_diary)  # a copy of a seeded template
    app = create_app(url, today=TODAY)
    yield app
    app.state.diary.close()


def test_every_route_by_every_role_is_the_expected_allow_or_deny_and_never_leaks(server) -> None:
    cells = operations(server)
    assert len(cells) > 40  # the whole app: pages, API, review, calendar, login
    checked = 0
    for user in ROLES:
        with client_for(server, user) as client:
            for method, path, kind in cells:
                answer = _send(client, method, path)
                _check(_expected(kind, user, method, path), answer, method, path)
                shown = VISIBLE[user] if kind in ("staff", "admin") else {A} & VISIBLE[user]  # a list, or A's diary
                leaked = [m for name in (A, B) if name not in shown for m in MARKS[name] if m in answer.text]
                assert not leaked, f"{user} {method} {path} carries {leaked}"
                if path == "/logout" and user is not None:  # logged out by the cell: back in for the next
                    assert client.log_in(user).status_code == 303
                checked += 1
    assert checked == len(cells) * len(ROLES)


def test_an_athlete_without_a_choice_sees_only_their_own_diary(server) -> None:
    with client_for(server, "ben_b") as client:
        assert client.get("/api/v1/athlete").json()["name"] == B
        page = client.get("/plan").text
        assert all(m not in page for m in A_MARKS) and "Parkrun PB attempt" in page


def test_removing_a_coach_ends_their_access_at_their_next_request(server) -> None:
    from runstrong.flows.accounts import assign

    with client_for(server, "cora_coach") as coach:
        assert coach.get("/api/v1/athlete", params={"athlete": A}).status_code == 200
        assign(server.state.diary.store, "cora_coach", A, "test", TODAY, remove=True)  # type: ignore[arg-type]
        assert coach.get("/api/v1/athlete", params={"athlete": A}).status_code == 403
    with client_for(server, "ann_a") as athlete:
        assert athlete.get("/api/v1/athlete").json()["plan_version"] is not None  # nothing deleted


def test_an_athlete_may_have_several_coaches(server) -> None:
    from runstrong.flows.accounts import assign

    assign(server.state.diary.store, "olaf_other", A, "test", TODAY)  # type: ignore[arg-type]
    for coach in ("cora_coach", "olaf_other"):
        with client_for(server, coach) as client:
            assert client.get("/api/v1/athlete", params={"athlete": A}).json()["name"] == A


def test_a_name_differing_only_in_case_is_the_same_athlete_and_the_same_check(server) -> None:
    with client_for(server, "olaf_other") as client:
        assert client.get("/api/v1/athlete", params={"athlete": A.upper()}).status_code == 403
        assert client.get("/api/v1/athlete", params={"athlete": "Nobody At All"}).status_code == 403


def test_a_coach_of_several_athletes_is_asked_to_choose(server) -> None:
    from runstrong.flows.accounts import assign

    assign(server.state.diary.store, "cora_coach", B, "test", TODAY)  # type: ignore[arg-type]
    with client_for(server, "cora_coach") as client:
        answer = client.get("/api/v1/athlete")
        assert answer.status_code == 409 and "?athlete=NAME" in answer.json()["detail"]
        assert client.get("/").headers["location"] == "/roster"  # a page: the roster to choose from
    with client_for(server, "ada_admin") as admin:
        assert admin.get("/plan").headers["location"] == "/roster"


def test_the_queue_edit_with_a_swap_by_every_role(server) -> None:
    """The queue's form and API with a coach's swap, by every role: only A's coach and the
    admin may decide (the first decision stands), and no answer carries B's diary."""
    from tests.web.test_queue_edits import _form

    with client_for(server, "ada_admin") as admin:
        assert admin.put("/api/v1/review-mode", params={"athlete": A}, json={"mode": "review"}).status_code == 200
    with client_for(server, "cora_coach") as coach:
        version, offered = _form(coach.get("/queue/review", params={"athlete": A}).text)
    lift = next(x for x in sorted(offered) if offered[x])
    form = {"verdict": "accept", "version": str(version), f"swap:{lift}": offered[lift][0]}
    body = {"verdict": "accept", "swaps": [{"from_id": lift, "to_id": offered[lift][0]}]}
    expected = {None: (401, 401), "ann_a": (403, 403), "ben_b": (403, 403), "olaf_other": (403, 403),
                "cora_coach": (303, 201), "ada_admin": (400, 422)}  # fmt: skip  # the admin: decided already
    for user, (page_status, api_status) in expected.items():
        with client_for(server, user) as client:
            page = client.post("/queue/review", params={"athlete": A}, data=form)
            api = client.post("/api/v1/queue/decisions", params={"athlete": A}, json=body)
            assert (page.status_code, api.status_code) == (page_status, api_status), (user, page.text[:200])
            for answer in (page, api, client.get("/queue/review", params={"athlete": A})):
                assert not [m for m in B_MARKS if m in answer.text], (user, answer.text[:200])


def test_the_new_runners_pages_are_in_the_matrix_with_their_own_rule(server) -> None:
    kinds = {(m, p): k for m, p, k in operations(server)}
    assert kinds[("GET", "/welcome")] == kinds[("POST", "/welcome")] == "newcomer"
    assert kinds[("GET", "/athletes")] == kinds[("POST", "/athletes")] == "local"
    assert kinds[("GET", "/welcome/ready")] == kinds[("POST", "/assess/guided")] == "diary"
