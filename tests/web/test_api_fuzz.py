"""The API fuzzed from its own OpenAPI document (schemathesis, in-process ASGI): whatever
the input, no 500; bad input gets a documented 4xx with a message; answers match the schema.

Bounded: a few dozen examples per operation, so the whole run takes well under a minute.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def _app():  # type: ignore[no-untyped-def]
    """The app over a seeded diary in a temporary folder (schemathesis reads the schema at
    collection, before fixtures exist; `schemathesis.pytest.from_fixture` fails on pytest 9)."""
    import datetime as dt
    import tempfile
    from pathlib import Path

    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store
    from runstrong.web.app import create_app
    from runstrong.web.security import SecurityPolicy
    from tests.conftest import EXAMPLES

    from .conftest import TODAY

    path = Path(tempfile.mkdtemp(prefix="runstrong-fuzz-")) / "diary.db"
    store = open_store(str(path))
    profile = load_profile(EXAMPLES / "marathoner.toml")
    with store.write() as s:
        repo.store_plan(s, profile, build_plan(profile, load_context(), least_bad=True), dt.datetime(2027, 1, 1, 8, 0))
    store.close()
    # the fuzzer's in-process client calls the server "testserver": a name it answers to here
    return create_app(str(path), today=TODAY, security=SecurityPolicy().with_hosts(["testserver"])), path.parent


APP, FOLDER = _app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _clean_up():  # type: ignore[no-untyped-def]
    import shutil

    yield
    APP.state.diary.close()
    shutil.rmtree(FOLDER, ignore_errors=True)


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_never_fails_and_answers_bad_input_with_a_4xx_message(case) -> None:  # type: ignore[no-untyped-def]
    response = case.call_and_validate(checks=CHECKS)
    if 400 <= response.status_code < 500:
        detail = response.json()["detail"]
        assert detail, "a 4xx answer says what is wrong"
        if isinstance(detail, list):
            assert all(p["msg"] and p["loc"] for p in detail)
