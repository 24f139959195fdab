"""web/security.py: other websites can neither change the diary (CSRF) nor read it (DNS
rebinding); every answer carries the security headers; a huge body is refused early.

In-process through the real app (TestClient, or the ASGI call itself where the body must
stream), plus one check in Debian's chromium that the pages work under the CSP."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from runstrong.web.security import BODY_LIMIT, COOKIE, SecurityPolicy, policy_for_bind

from .conftest import ORIGIN, TODAY, SameOriginClient
from .test_browser import browser, server  # noqa: F401  (Playwright's chromium, the app on 127.0.0.1)

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "runstrong" / "web" / "templates"
EVIL = "https://evil.example"
PROFILE_CHANGE = {"available_days": ["mon", "wed", "fri"], "session_cap_minutes": "40", "equipment": ["bands"],
                  "pain_areas": ["knee"], "race-distance": "10k", "race-date": "2027-04-25"}  # fmt: skip
RUN = {"type": "easy", "minutes": 30}


@pytest.fixture
def browser_tab(app):  # type: ignore[no-untyped-def]
    """A plain TestClient at the server's address: it sends only what each test gives it."""
    from fastapi.testclient import TestClient

    with TestClient(app, base_url=ORIGIN, follow_redirects=False) as c:
        yield c


def token_of(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "the form carries the token"
    return found.group(1)


def versions(client) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    athlete = client.get("/api/v1/athlete").json()
    return athlete["profile_version"], athlete["plan_version"]


# ------------------------------------------------------------------------ CSRF


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": EVIL, "sec-fetch-site": "cross-site"},
        {"origin": EVIL},  # a browser that sends no Sec-Fetch-* headers
        {"origin": "http://localhost:3000", "sec-fetch-site": "same-site"},  # another app on this machine
        {"origin": "null"},  # a sandboxed frame
    ],
    ids=["cross-site", "origin-only", "same-site-other-port", "null-origin"],
)
def test_a_cross_origin_profile_post_is_refused_and_changes_nothing(browser_tab, headers) -> None:
    token = token_of(browser_tab.get("/profile").text)  # even with the runner's own cookie and token
    before = versions(browser_tab)
    response = browser_tab.post("/profile", data={**PROFILE_CHANGE, "csrf_token": token}, headers=headers)
    assert response.status_code == 403 and "Refused: this request came from another" in response.text
    assert versions(browser_tab) == before
    assert 'value="knee" checked' not in browser_tab.get("/profile").text


@pytest.mark.parametrize("content_type", ["application/json", "text/plain", None])
def test_a_cross_origin_api_write_is_refused_and_logs_nothing(browser_tab, content_type) -> None:
    headers = {"origin": EVIL, "sec-fetch-site": "cross-site"}
    if content_type:
        headers["content-type"] = content_type
    response = browser_tab.post("/api/v1/runs", content=b'{"type": "easy", "minutes": 30}', headers=headers)
    assert response.status_code == 403 and "another site" in response.json()["detail"]
    assert browser_tab.get("/api/v1/runs").json() == []


@pytest.mark.parametrize(
    ("origin", "host", "same"),
    [
        ("http://127.0.0.1:8000", "127.0.0.1:8000", True),
        ("http://[::1]:8000", "[::1]:8000", True),
        ("https://diary.example", "diary.example", True),  # behind a TLS proxy: the app sees http
        ("http://localhost:3000", "localhost:8000", False),
        ("http://127.0.0.1:8000", "localhost:8000", False),
        ("https://evil.example", "127.0.0.1:8000", False),
        ("null", "127.0.0.1:8000", False),
        ("http://[::1", "[::1]:8000", False),
    ],
)
def test_origin_is_compared_by_name_and_port(origin, host, same) -> None:
    from runstrong.web.security import same_origin

    assert same_origin(origin, host, "http") is same


def test_a_same_origin_form_post_with_the_pages_token_is_saved(browser_tab) -> None:
    token = token_of(browser_tab.get("/profile").text)
    same = {"origin": ORIGIN, "sec-fetch-site": "same-origin"}
    response = browser_tab.post("/profile", data={**PROFILE_CHANGE, "csrf_token": token}, headers=same)
    assert response.status_code == 303 and versions(browser_tab) == (2, 2)
    assert 'value="knee" checked' in browser_tab.get("/profile").text


def test_the_token_field_never_reaches_the_route(browser_tab) -> None:
    """The screen form's model forbids unknown fields: it passes only without the token."""
    from .test_pages import SCREEN

    token = token_of(browser_tab.get("/assess").text)
    response = browser_tab.post("/assess", data={**SCREEN, "csrf_token": token}, headers={"origin": ORIGIN})
    assert response.status_code == 303 and response.headers["location"] == "/assess/results"


@pytest.mark.parametrize("token", [None, "wrong", "another session's"])
def test_a_form_post_without_the_right_token_is_refused(app, browser_tab, token) -> None:
    browser_tab.get("/profile")
    if token == "another session's":
        with SameOriginClient(app) as other:
            token = other.page_token()
    data = {**PROFILE_CHANGE, **({"csrf_token": token} if token else {})}
    response = browser_tab.post("/profile", data=data, headers={"origin": ORIGIN, "sec-fetch-site": "same-origin"})
    assert response.status_code == 403 and versions(browser_tab) == (1, 1)
    assert ("safety token is out of date" if token else "needs the page&#x27;s safety token") in response.text


def test_a_script_posts_json_without_a_token_but_not_a_form(browser_tab) -> None:
    assert browser_tab.post("/api/v1/runs", json=RUN).status_code == 201  # curl, httpx: no Origin, no cookie game
    form = browser_tab.post("/run", data={"type": "easy", "minutes": "40"})
    assert form.status_code == 403 and "send JSON instead" in form.text
    assert len(browser_tab.get("/api/v1/runs").json()) == 1


def test_htmx_sends_the_token_in_a_header(browser_tab) -> None:
    page = browser_tab.get("/run").text
    header = re.search(r"hx-headers='\{\"X-CSRF-Token\": \"([^\"]+)\"\}'", page)
    assert header and header.group(1) == token_of(page)
    response = browser_tab.post("/run", data={"type": "easy", "minutes": "40"},
                                headers={"x-csrf-token": header.group(1), "origin": ORIGIN})  # fmt: skip
    assert response.status_code == 303


def test_the_session_cookie_is_strict_and_out_of_reach_of_scripts(browser_tab) -> None:
    cookie = browser_tab.get("/").headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "set-cookie" not in browser_tab.get("/").headers  # kept once set


def test_a_link_from_another_site_reloads_once_rather_than_replace_the_cookie(browser_tab) -> None:
    """SameSite=Strict keeps the cookie out of a link followed from another site: a new one
    would put the forms in the runner's other tabs out of date."""
    arrival = {"sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate"}
    first = browser_tab.get("/", headers=arrival)
    assert first.status_code == 200 and 'http-equiv="refresh"' in first.text and "Maya" not in first.text
    assert COOKIE not in first.headers.get("set-cookie", "")
    again = browser_tab.get("/", headers=arrival)  # a browser that still arrives without it: no loop
    assert "Maya" in again.text and COOKIE in again.headers["set-cookie"]
    assert "Maya" in browser_tab.get("/", headers=arrival).text  # the cookie is sent: the page at once


def test_every_post_form_in_the_templates_carries_the_token() -> None:
    for template in TEMPLATES.rglob("*.html"):
        if template.name == "csrf.html":
            continue  # the field itself, in no form
        text = template.read_text()
        posts = len(re.findall(r'<form[^>]*method="post"', text, re.IGNORECASE))
        inline = '<input type="hidden" name="csrf_token" value="{{ csrf_token }}">'  # as the partial has it
        carried = text.count('{% include "partials/csrf.html" %}') + text.count(inline)
        assert carried == posts, template.name
        gets = re.findall(r'<form(?![^>]*method="post")[^>]*>(.*?)</form>', text, re.DOTALL | re.IGNORECASE)
        assert not any("csrf" in form for form in gets), f"{template.name}: a GET form would put the token in the URL"


def test_a_page_opened_before_a_restart_still_saves(diary_path, tmp_path) -> None:
    """serve keeps the signing key beside the diary, so the token outlives the process."""
    from runstrong.web.app import create_app
    from runstrong.web.server_app import key_beside_diary

    key = key_beside_diary(str(diary_path))
    assert key == key_beside_diary(str(diary_path)) and len(key or b"") == 32
    assert (diary_path.parent / "diary.db.web-key").stat().st_mode & 0o777 == 0o600
    assert key_beside_diary("postgresql+psycopg://u:p@127.0.0.1/nowhere") is None  # a key per process there
    from fastapi.testclient import TestClient

    statuses, cookies, token = [], None, ""
    for secret in (key, key, b"the key of another server, 32 b."):
        app = create_app(str(diary_path), today=TODAY, security=SecurityPolicy(secret=secret or b""))
        with TestClient(app, base_url=ORIGIN, follow_redirects=False, cookies=cookies) as tab:
            if cookies is None:  # the page, opened before the restarts
                token = token_of(tab.get("/run").text)
                cookies = dict(tab.cookies)
            response = tab.post("/run", data={"type": "easy", "minutes": "30", "csrf_token": token},
                                headers={"origin": ORIGIN})  # fmt: skip
            statuses.append(response.status_code)
        app.state.diary.close()
    assert statuses == [303, 303, 403]


def test_a_cut_short_key_file_is_replaced_by_a_whole_one(tmp_path) -> None:
    from runstrong.web.security import secret_from_file

    path = tmp_path / "diary.db.web-key"
    path.write_bytes(b"short")
    key = secret_from_file(path)
    assert len(key) == 32 and path.read_bytes() == key == secret_from_file(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["diary.db.web-key"]  # no temporary file left


# ------------------------------------------------------------------------ Host allow-list


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "testserver", "192.168.1.20", ""])
def test_a_foreign_host_gets_400_and_no_diary_data(app, host) -> None:
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        for path in ("/", "/profile", "/api/v1/athlete", "/api/v1/today", "/openapi.json"):
            response = c.get(path, headers={"host": host})
            assert response.status_code == 400, path
            assert "Maya" not in response.text and "does not answer to the host name" in response.text
        refused = c.post("/api/v1/runs", json=RUN, headers={"host": host})
        assert refused.status_code == 400
    with SameOriginClient(app) as runner:
        assert runner.get("/api/v1/runs").json() == []


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1:9999", "[::1]:8000", "LOCALHOST", "localhost."])
def test_loopback_names_on_any_port_are_answered(app, host) -> None:
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        response = c.get("/api/v1/athlete", headers={"host": host})
    assert response.status_code == 200 and response.json()["name"].startswith("Maya")


def test_beyond_loopback_it_answers_to_addresses_its_names_and_the_allowed_ones() -> None:
    import socket

    from runstrong.web.hosts import host_allowed

    lan = policy_for_bind("0.0.0.0", ["diary.home.arpa"])
    allowed = ["192.168.1.20:8000", "[fe80::1]:8000", "localhost", f"{socket.gethostname()}:8000",
               "diary.home.arpa:8000"]  # fmt: skip
    assert all(host_allowed(h, lan.hosts, lan.any_address) for h in allowed)
    refused = ("evil.example", "rebound.example:8000", "", ":8000")
    assert not any(host_allowed(h, lan.hosts, lan.any_address) for h in refused)
    assert "0.0.0.0" not in lan.hosts and "192.0.2.7" in policy_for_bind("192.0.2.7").hosts
    local = policy_for_bind("127.0.0.1")
    assert not local.any_address and not host_allowed("192.168.1.20", local.hosts, local.any_address)
    assert socket.gethostname() == "localhost" or not host_allowed(socket.gethostname(), local.hosts, False)


# ------------------------------------------------------------------------ headers


def test_every_answer_carries_the_security_headers(app, browser_tab) -> None:
    from fastapi.testclient import TestClient

    answers = {path: browser_tab.get(path) for path in ("/", "/plan", "/profile", "/api", "/api/v1/today",
                                                        "/openapi.json", "/nowhere", "/static/app.css")}  # fmt: skip
    answers["refused post"] = browser_tab.post("/profile", data={}, headers={"origin": EVIL})
    answers["too large"] = browser_tab.post("/api/v1/runs", content=b"x" * (BODY_LIMIT + 1))
    with TestClient(app) as foreign:
        answers["foreign host"] = foreign.get("/")
    for name, response in answers.items():
        h = response.headers
        csp = h["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe" not in csp, name
        assert h["x-content-type-options"] == "nosniff", name
        assert h["referrer-policy"] == "same-origin" and "camera=()" in h["permissions-policy"], name
        assert h.get("cache-control") == "no-store" or name == "/static/app.css", name
    assert answers["/static/app.css"].headers.get("cache-control") != "no-store"  # static files may be cached


def test_templates_need_no_inline_script_or_style() -> None:
    for template in [*TEMPLATES.rglob("*.html")]:
        text = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), f"{template.name}: inline <script>"
        assert not re.search(r"\son[a-z]+\s*=", text), f"{template.name}: an on* handler"
        assert not re.search(r"\sstyle\s*=|<style", text), f"{template.name}: inline style"
        assert "javascript:" not in text, template.name


def test_the_openapi_document_names_the_refusals(browser_tab) -> None:
    operation = browser_tab.get("/openapi.json").json()["paths"]["/api/v1/runs"]
    assert {"403", "413"} <= set(operation["post"]["responses"]) and "413" not in operation["get"]["responses"]
    assert "another site" in operation["post"]["responses"]["403"]["description"]
    # a GET is refused only for not being the reader's (server mode), never as sent by another site
    assert "another site" not in operation["get"]["responses"]["403"]["description"]


# ------------------------------------------------------------------------ body limit


def test_an_announced_oversized_body_is_refused_with_413_naming_the_limit(browser_tab) -> None:
    api = browser_tab.post(
        "/api/v1/runs", content=b"x" * (BODY_LIMIT + 1), headers={"content-type": "application/json"}
    )
    assert api.status_code == 413 and api.json()["detail"].endswith("the limit is 1 MB (1,048,576 bytes).")
    page = browser_tab.post("/checkin", content=b"x" * (BODY_LIMIT + 1),
                            headers={"content-type": "application/x-www-form-urlencoded"})  # fmt: skip
    assert page.status_code == 413 and "the limit is 1 MB" in page.text and page.text.startswith("<!doctype html>")
    near = browser_tab.post("/api/v1/runs", json={**RUN, "form_note": "x" * (BODY_LIMIT - 100)})
    assert near.status_code == 422  # under the limit: the API's own answer (the note is too long)


def test_a_streamed_oversized_body_is_refused_without_reading_it_all(app) -> None:
    """400 MB sent in 64 kB chunks with no Content-Length: refused once past the limit."""
    chunk, total = b"x" * 65536, 400 * 1024 * 1024
    pulled = 0
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal pulled
        pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": pulled < total}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/api/v1/runs", "raw_path": b"/api/v1/runs", "root_path": "", "query_string": b"",
             "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 50000),
             "headers": [(b"host", b"127.0.0.1:8000"), (b"content-type", b"application/json"),
                         (b"transfer-encoding", b"chunked")]}  # fmt: skip
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 413 and b"the limit is 1 MB" in sent[1]["body"]
    assert BODY_LIMIT < pulled <= BODY_LIMIT + len(chunk)


def test_a_real_server_answers_413_while_the_body_is_still_coming(server) -> None:  # noqa: F811
    """Over a socket to uvicorn: a chunked body that never ends is answered once past the limit."""
    import select
    import socket
    from urllib.parse import urlsplit

    port = urlsplit(server).port
    chunk = b"x" * 65536
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(f"POST /api/v1/runs HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n".encode())  # fmt: skip
        answer = b""
        for _ in range(BODY_LIMIT // len(chunk) + 2):  # just past the limit, and no last chunk
            if select.select([sock], [], [], 0)[0]:
                break  # answered already: stop sending, as a client does when the server has spoken
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError):
                break  # the server answered and closed while a chunk was on its way
        try:
            while b"the limit is" not in answer and (part := sock.recv(65536)):  # it closes the connection after
                answer += part
        except ConnectionResetError:
            pass  # closed with the rest of the body unread: what was answered before is what counts
    assert answer.startswith(b"HTTP/1.1 413") and b"the limit is 1 MB" in answer


def test_the_body_limit_is_the_policys(diary_path) -> None:
    from runstrong.web.app import create_app

    app = create_app(str(diary_path), today=TODAY, security=SecurityPolicy(body_limit=2000))
    with SameOriginClient(app) as c:
        response = c.post("/api/v1/runs", json={**RUN, "form_note": "x" * 3000})
    app.state.diary.close()
    assert response.status_code == 413 and "the limit is 2,000 bytes" in response.json()["detail"]


# ------------------------------------------------------------------------ serve


def test_serve_on_an_address_beyond_loopback_needs_accounts_like_lan(diary_path) -> None:
    from .test_serve_cli import run

    result = run("serve", "--db", str(diary_path), "--host", "0.0.0.0", "--port", "0")
    assert result.returncode == 2
    assert "--host 0.0.0.0: listening beyond this machine needs accounts, and this diary has none" in result.stderr


# ------------------------------------------------------------------------ in a real browser

PAGES = ["/", "/plan", "/checkin", "/run", "/exercises", "/exercises/romanian_deadlift", "/profile", "/assess", "/api"]
WATCH_CSP = "document.addEventListener('securitypolicyviolation', e => (window.__csp = window.__csp || [])" \
            ".push(e.violatedDirective + ' ' + e.blockedURI))"  # fmt: skip


@pytest.mark.slow
def test_pages_work_under_the_csp_in_chromium_and_a_session_is_logged(browser, server) -> None:  # noqa: F811
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 375, "height": 740}, base_url=server)
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.add_init_script(WATCH_CSP)
    for path in PAGES:
        page.goto(path)
        assert page.evaluate("typeof htmx") == "object", f"{path}: htmx did not load"
        assert page.evaluate("window.__csp || []") == [], path
    page.goto("/review")
    page.locator("#charts-h").scroll_into_view_if_needed()
    expect(page.locator(".charts img").first).to_have_js_property("complete", True)

    page.goto("/")
    page.get_by_role("link", name="Open session A").click()  # htmx-boosted from here on
    page.locator("label[for='s0-done']").click()
    expect(page.locator("#rest-timer")).to_have_class("rest-timer running")  # app.js runs
    page.get_by_role("button", name="Tick every set as planned").click()
    page.get_by_label("Session RPE, 1-10").fill("6")
    page.get_by_role("button", name="Save session").click()
    expect(page.locator(".notice.ok")).to_contain_text("Logged 14 sets")
    page.goto("/profile")
    page.locator("label[for='pain_areas-knee']").click()
    page.get_by_role("button", name=re.compile("Save")).click()
    expect(page.locator(".notice.ok")).to_be_visible()
    assert problems == [] and page.evaluate("window.__csp || []") == []

    # a link followed from another site, in another tab, leaves this tab's forms working
    checkin = context.new_page()
    checkin.goto("/checkin")
    checkin.get_by_label("Hours slept last night").fill("7")
    other = context.new_page()
    other.set_content(f'<a href="{server}/plan">runstrong</a>')
    other.click("a")
    expect(other.get_by_role("heading", level=1)).to_contain_text("plan", ignore_case=True)
    checkin.get_by_role("button", name="Save check-in").click()
    expect(checkin.locator(".notice.ok")).to_have_text("✓ Check-in saved.")

    # the policy is in force: an inline handler slipped into the page does not run
    page.evaluate(
        """document.body.insertAdjacentHTML('beforeend', '<img src="/nowhere.png" onerror="window.__ran = 1">')"""
    )
    page.wait_for_function("(window.__csp || []).length > 0")
    assert page.evaluate("window.__ran") is None
    context.close()


def test_a_path_with_its_own_limit_takes_bigger_bodies_and_others_keep_the_general_one() -> None:
    policy = SecurityPolicy(body_limit=2000, path_limits=(("/runs/upload", 5000),))
    assert policy.limit_for("/runs/upload") == 5000
    assert policy.limit_for("/runs/upload/x") == 2000 and policy.limit_for("/api/v1/runs") == 2000
    assert policy.with_hosts(["example.test"]).limit_for("/runs/upload") == 5000


def test_an_upload_over_its_own_limit_gets_413_naming_that_limit(diary_path) -> None:
    from runstrong.web.app import create_app

    policy = SecurityPolicy(body_limit=2000, path_limits=(("/runs/upload", 5000),))
    app = create_app(str(diary_path), today=TODAY, security=policy)
    with SameOriginClient(app) as c:
        big = c.post("/runs/upload", content=b"x" * 6000, headers={"content-type": "application/octet-stream"})
        elsewhere = c.post("/checkin", content=b"x" * 3000, headers={"content-type": "application/octet-stream"})
    app.state.diary.close()
    assert big.status_code == 413 and "the limit is 5,000 bytes" in big.text
    assert elsewhere.status_code == 413 and "the limit is 2,000 bytes" in elsewhere.text
