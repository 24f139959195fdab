"""Which Host names and Origins are this server's: what `security.py` checks a request
against to refuse DNS rebinding (a foreign Host) and requests sent by other sites (a
foreign Origin)."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Collection
from urllib.parse import urlsplit

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def is_loopback(host: str) -> bool:
    """Whether binding to `host` keeps the app on this machine."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def machine_names() -> set[str]:
    """The names other devices may use for this machine (hostname, hostname.local, FQDN)."""
    hostname = socket.gethostname().lower()
    names = {hostname, f"{hostname}.local", socket.getfqdn().lower()}
    return {n for n in names if n and n != ".local"}


def host_name(host: str) -> str:
    """The name part of a Host value: lower case, without port, brackets or final dot."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host[1:]
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


def _authority(host: str, scheme: str) -> tuple[str, int | None]:
    """(name, port) of a Host header value; port None when not written."""
    try:
        parts = urlsplit(f"{scheme}://{host}")
        return (parts.hostname or "").rstrip("."), parts.port
    except ValueError:
        return "", None


_DEFAULT_PORT = {"http": 80, "https": 443}


def same_origin(origin: str, host: str, scheme: str) -> bool:
    """Whether an Origin header names this server (as the Host header calls it). The scheme
    is not compared: behind a TLS proxy the app sees http while the page is https."""
    try:
        parts = urlsplit(origin)
        o_name, o_port = (parts.hostname or "").rstrip("."), parts.port or _DEFAULT_PORT.get(parts.scheme)
    except ValueError:
        return False
    h_name, h_port = _authority(host, scheme)
    if h_port is None:  # no port in Host: the page's default port
        h_port = _DEFAULT_PORT.get(parts.scheme)
    return bool(o_name) and o_name == h_name and o_port == h_port


def host_allowed(host: str, names: Collection[str], any_address: bool) -> bool:
    """Whether a Host header value is one of `names` (any port: an ssh tunnel or a port
    forward changes it), or, with `any_address`, an IP address: rebinding needs a *name*
    that an attacker's DNS can point at this machine, so digits cannot be rebound."""
    name = host_name(host)
    if not name:
        return False
    if name in names:
        return True
    if not any_address:
        return False
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True
