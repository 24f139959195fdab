"""The API fuzzed in server mode (issue 17's done-when): schemathesis, authenticated with a
coach's API token, over every operation including the roster and the review queue: no
500 whatever the input; refusals (401, 403) and bad input get documented 4xx answers."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.web.test_api_fuzz import CHECKS

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def _app():  # type: ignore[no-untyped-def]
    """The server diary (two athletes, five users) in a temporary folder, and a token of
    A's coach (schemathesis reads the schema at collection, before fixtures exist)."""
    import datetime as dt
    import tempfile
    from pathlib import Path

    from runstrong.flows.accounts import new_token
    from runstrong.store.db import open_store
    from runstrong.web.app import create_app
    from runstrong.web.security import SecurityPolicy
    from tests.web.accounts import seed_server_diary

    from .conftest import TODAY

    path = Path(tempfile.mkdtemp(prefix="runstrong-fuzz-server-")) / "diary.db"
    seed_server_diary(str(path))
    store = open_store(str(path))
    token = new_token(store, "cora_coach", "fuzz", "test", dt.datetime(2027, 1, 1, 8, 0))
    store.close()
    app = create_app(str(path), today=TODAY, security=SecurityPolicy().with_hosts(["testserver"]))
    assert app.state.accounts
    return app, path.parent, token


APP, FOLDER, TOKEN = _app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _clean_up():  # type: ignore[no-untyped-def]
    import shutil

    yield
    APP.state.diary.close()
    shutil.rmtree(FOLDER, ignore_errors=True)


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_the_api_as_a_coach_never_fails(case) -> None:  # type: ignore[no-untyped-def]
    response = case.call_and_validate(checks=CHECKS, headers={"Authorization": f"Bearer {TOKEN}"})
    if 400 <= response.status_code < 500:
        assert response.json()["detail"], "a 4xx answer says what is wrong"


def test_the_fuzzer_is_logged_in_as_the_coach() -> None:
    from starlette.testclient import TestClient

    from tests.web.accounts import A

    client = TestClient(APP, base_url="http://testserver")  # no lifespan: the module's clean-up closes the diary
    answer = client.get("/api/v1/athlete", headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200 and answer.json()["name"] == A
    assert client.get("/api/v1/athlete").status_code == 401
