"""The installable app (issue 18 item 1): a valid web app manifest with real icons, and the
service worker served from the root with the app's version."""

from __future__ import annotations

import json
import struct

import pytest

from runstrong import __version__

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_every_page_links_the_manifest_and_the_offline_script(client) -> None:
    page = client.get("/").text
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert 'src="/static/offline.js' in page and 'id="outbox"' in page


def test_the_manifest_is_what_an_install_needs(client) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/manifest+json")
    manifest = json.loads(response.text)
    assert manifest["name"] and manifest["short_name"] and manifest["display"] == "standalone"
    assert manifest["start_url"] == "/" and manifest["scope"] == "/"
    sizes = set()
    for icon in manifest["icons"]:
        image = client.get(icon["src"])
        assert image.status_code == 200 and image.headers["content-type"] == icon["type"] == "image/png"
        width, height = png_size(image.content)
        assert f"{width}x{height}" == icon["sizes"]
        sizes.add(width)
    assert {192, 512} <= sizes  # what browsers ask of an installable app


def test_the_service_worker_is_served_from_the_root_with_the_apps_version(client) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200 and "javascript" in response.headers["content-type"]
    assert f'var VERSION = "{__version__}"' in response.text and "__VERSION__" not in response.text
    assert 'request.method !== "GET"' in response.text  # it never answers a post: logs go through offline.js


def test_asset_urls_carry_the_apps_version_on_every_page_never_the_diarys(client, app) -> None:
    """The session page's forms carry the diary version; its stylesheet must not (the
    worker keeps /static files by the app's version)."""
    from .conftest import TODAY

    app.state.diary.log_session(TODAY, as_planned=True)  # the diary version moves on
    for path in ("/", f"/session/{TODAY}?label=A", "/checkin"):
        page = client.get(path).text
        assert f'href="/static/app.css?v={__version__}"' in page, path
