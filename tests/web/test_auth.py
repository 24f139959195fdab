"""Server mode's logins: sessions in signed cookies, API tokens, what ends a session, the
login rate limit, and local mode staying as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.accounts import NOW, PASSWORD, A, B, client_for


def test_a_diary_with_users_is_in_server_mode_and_sends_strangers_to_the_login_page(server) -> None:
    with client_for(server, None) as c:
        page = c.get("/plan")
        assert page.status_code == 303 and page.headers["location"] == "/login?next=%2Fplan"
        api = c.get("/api/v1/today")
        assert api.status_code == 401 and api.headers["www-authenticate"].startswith("Bearer")
        assert "Maya" not in api.text and "Maya" not in page.text


def test_logging_in_sets_a_signed_httponly_samesite_cookie_and_opens_the_own_diary(server) -> None:
    with client_for(server, None) as c:
        answer = c.log_in("ann_a")
        cookie = next(v for k, v in answer.headers.multi_items() if k == "set-cookie" and "runstrong_session" in v)
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie  # plain http here
        assert c.get("/api/v1/athlete").json()["name"] == A
        assert "Maya" in c.get("/").text


def test_the_session_cookie_is_secure_behind_tls(server) -> None:
    from tests.web.accounts import AccountClient

    with AccountClient(server, follow_redirects=False, base_url="https://127.0.0.1:8443") as c:
        token = c.page_token()
        answer = c.post("/login", data={"name": "ann_a", "password": PASSWORD},
                        headers={"origin": "https://127.0.0.1:8443", "x-csrf-token": token})  # fmt: skip
        assert answer.status_code == 303
        assert "Secure" in answer.headers["set-cookie"]


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(server) -> None:
    with client_for(server, None) as c:
        wrong = c.log_in("ann_a", "not the password")
        nobody = c.log_in("nobody", PASSWORD)
        assert wrong.status_code == nobody.status_code == 401
        assert "That name and password do not match an account." in wrong.text
        assert "runstrong_session" not in wrong.headers.get("set-cookie", "")


def test_too_many_failures_lock_the_account_even_with_the_right_password(server) -> None:
    from runstrong.flows.accounts import MAX_ACCOUNT_FAILURES

    with client_for(server, None) as c:
        for _ in range(MAX_ACCOUNT_FAILURES):
            assert c.log_in("ann_a", "guess guess guess").status_code == 401
        limited = c.log_in("ann_a")
        assert limited.status_code == 429 and "Too many failed logins" in limited.text
        assert c.log_in("ben_b").status_code == 303  # another account from the same address still may


def test_too_many_failures_from_one_address_stop_guessing_across_accounts(server) -> None:
    from runstrong.flows.accounts import MAX_ADDRESS_FAILURES

    with client_for(server, None) as c:
        for i in range(MAX_ADDRESS_FAILURES):
            assert c.log_in(f"someone{i}", "guess guess guess").status_code == 401
        assert c.log_in("ben_b").status_code == 429


def test_logging_out_ends_the_session(server) -> None:
    with client_for(server, "ann_a") as c:
        assert c.get("/api/v1/athlete").status_code == 200
        response = c.post("/logout")
        assert response.status_code == 303
        assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
        assert c.get("/api/v1/athlete").status_code == 401


def test_a_new_password_ends_every_session_signed_before_it(server) -> None:
    from runstrong.flows.accounts import set_password

    with client_for(server, "ann_a") as c:
        set_password(server.state.diary.store, "ann_a", "another long password", "test", NOW)
        assert c.get("/api/v1/athlete").status_code == 401


def test_a_forged_or_tampered_cookie_is_nobody(server) -> None:
    with client_for(server, "ann_a") as c:
        value = c.cookies.get("runstrong_session")
        payload, _, signature = value.partition(".")
        c.cookies.set("runstrong_session", payload + "." + signature[:-2] + "AA")
        assert c.get("/api/v1/athlete").status_code == 401


def test_an_api_token_works_for_scripts_without_a_csrf_token_and_is_stored_hashed(server) -> None:
    from fastapi.testclient import TestClient
    from sqlalchemy import select

    from runstrong.flows.accounts import new_token
    from runstrong.store.tables import ApiTokenRow

    token = new_token(server.state.diary.store, "ben_b", "watch sync", "test", NOW)
    with server.state.diary.store.read() as s:
        stored = s.scalars(select(ApiTokenRow.token_hash)).all()
    assert token not in stored and len(stored) == 1
    with TestClient(server, base_url="http://127.0.0.1:8000") as script:
        auth = {"Authorization": f"Bearer {token}"}
        assert script.get("/api/v1/athlete", headers=auth).json()["name"] == B
        assert script.get("/api/v1/athlete", params={"athlete": A}, headers=auth).status_code == 403
        assert script.get("/api/v1/athlete", headers={"Authorization": "Bearer rs_wrong"}).status_code == 401
        undo = script.post("/api/v1/undo", headers=auth)
        assert undo.status_code in (200, 400, 409), undo.text  # past CSRF and auth: the flow answers


def test_local_mode_needs_no_password(app, client) -> None:
    assert app.state.accounts is False
    assert client.get("/api/v1/athlete").json()["name"] == "Maya (marathon)"
    assert client.get("/login", follow_redirects=False).status_code == 303


def test_login_only_goes_on_to_a_path_on_this_server(server) -> None:
    with client_for(server, None) as c:
        answer = c.post("/login", data={"name": "ann_a", "password": PASSWORD, "next": "//evil.example/x"})
        assert answer.headers["location"] == "/"


def test_every_worker_signs_with_the_key_from_the_environment(monkeypatch, tmp_path: Path) -> None:
    from runstrong.errors import UserError
    from runstrong.web.server_app import SECRET_ENV, shared_secret

    monkeypatch.setenv(SECRET_ENV, "k" * 40)
    assert shared_secret("postgresql+psycopg://u:p@127.0.0.1/x") == b"k" * 40
    monkeypatch.setenv(SECRET_ENV, "short")
    with pytest.raises(UserError, match="at least 32 characters"):
        shared_secret(None)


def test_without_the_variable_the_key_file_is_made_once_and_kept(monkeypatch, tmp_path: Path) -> None:
    from runstrong.web.server_app import SECRET_ENV, shared_secret

    monkeypatch.delenv(SECRET_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    first = shared_secret("postgresql+psycopg://u:p@127.0.0.1/x")
    assert first == shared_secret("postgresql+psycopg://u:p@127.0.0.1/x") and len(first) == 32
    assert (tmp_path / "runstrong" / "web-key").read_bytes() == first


def test_a_plain_postgresql_url_gets_the_driver_runstrong_ships() -> None:
    from runstrong.store.db import resolve_url

    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
