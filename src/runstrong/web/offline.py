"""The installable, offline-capable web app (issue 18): the web app manifest and the service
worker, served from the site's root so the worker's scope is the whole app.

The worker (static/sw.js) keeps the pages a runner has visited, and the ones the dashboard
and session pages point to, on the device; offline.js keeps a session logged without a
connection in IndexedDB with its form's idempotency key and sends it when the connection
returns, so the log flow answers a second send "already logged", never a double log.
"""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import Response

from runstrong import __version__

router = APIRouter(include_in_schema=False)
STATIC = Path(__file__).parent / "static"
INK, BACKGROUND = "#1c2226", "#f4f5f1"  # the header's and the page's colours (app.css)


def manifest() -> dict:
    """The manifest as browsers read it to install the app (name, start page, icons)."""
    icons = [{"src": f"/static/icon-{n}.png", "sizes": f"{n}x{n}", "type": "image/png", "purpose": "any maskable"}
             for n in (192, 512)]  # fmt: skip
    return {
        "name": "runstrong",
        "short_name": "runstrong",
        "description": "Your strength plan and training diary, for runners.",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "background_color": BACKGROUND,
        "theme_color": INK,
        "icons": icons,
    }


@router.get("/manifest.webmanifest")
def web_manifest(request: Request) -> Response:
    return Response(json.dumps(manifest()), media_type="application/manifest+json")


@router.get("/sw.js")
def service_worker(request: Request) -> Response:
    """The worker, versioned with the app so an upgrade replaces what the device kept."""
    text = (STATIC / "sw.js").read_text(encoding="utf-8").replace("__VERSION__", __version__)
    return Response(text, media_type="text/javascript")
