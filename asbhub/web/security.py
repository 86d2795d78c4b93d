"""What every response carries and what every state-changing request must prove: the audit
view's defences against a hostile browser (framing, sniffing, caching, cross-site forms)."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi import HTTPException, Request, status
from starlette.datastructures import MutableHeaders
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from asbhub.errors import ConfigError

access_log = logging.getLogger("asbhub.web.access")
crash_log = logging.getLogger("asbhub.web")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class FramePolicy:
    """Who may show the view in a frame: nobody on its own; Airflow's UI, which shows it in an
    iframe from the same origin (the plugin's navigation entry), inside Airflow."""

    frame_ancestors: str
    x_frame_options: str


NO_FRAMING = FramePolicy("'none'", "DENY")
SAME_ORIGIN_FRAMING = FramePolicy("'self'", "SAMEORIGIN")


def security_headers(frames: FramePolicy) -> dict[str, str]:
    """Every response may hold audit data: never cached, sniffed, framed by another site or
    read by another origin. `same-origin` referrers keep a reference out of other sites' logs
    and still let our own form posts carry a real `Origin` (with `no-referrer`, browsers send
    `Origin: null`, which the origin check must refuse)."""
    return {
        "Cache-Control": "no-store",
        "Referrer-Policy": "same-origin",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": frames.x_frame_options,
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Content-Security-Policy": (
            "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            f"frame-ancestors {frames.frame_ancestors}; form-action 'self'; base-uri 'none'"
        ),
    }


class SecurityHeaders:
    """ASGI middleware: the headers on every response (pages, errors, static files, even a crash
    that reaches no handler), and one access-log line naming the path only, never a query
    string: nothing personal goes in URLs, and this keeps it so even if someone adds one."""

    def __init__(self, app: ASGIApp, headers: dict[str, str]) -> None:
        self.app = app
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        sent_status: int | None = None

        async def send_with_headers(message: Message) -> None:
            nonlocal sent_status
            if message["type"] == "http.response.start":
                sent_status = message["status"]
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers.setdefault(name, value)
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if sent_status is not None:
                raise
            # Answered here, with the headers, and logged here: inside Airflow an outer handler
            # would otherwise find the answer already started.
            crash_log.exception("%s %s failed", scope["method"], scope["path"])
            crash = PlainTextResponse("The hub could not answer this request.", 500)
            await crash(scope, receive, send_with_headers)
        finally:
            _log_access(scope, sent_status, started)


def _log_access(scope: Scope, sent_status: int | None, started: float) -> None:
    user = scope.get("state", {}).get("asbhub_user")
    access_log.info(
        "%s %s %s %s %.0fms",
        scope["method"],
        scope["path"],
        sent_status if sent_status is not None else "-",
        getattr(user, "name", "-"),
        (time.perf_counter() - started) * 1000,
    )


# -- cross-site request forgery -----------------------------------------------------------------


@dataclass(frozen=True)
class Origin:
    scheme: str
    host: str
    port: int

    @classmethod
    def parse(cls, text: str) -> Origin | None:
        """`scheme://host[:port]` from an Origin or Referer value; None for `null` or nonsense."""
        try:
            parts = urlsplit(text.strip())
            port = parts.port
        except ValueError:
            return None
        if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
            return None
        return cls(parts.scheme, parts.hostname.casefold(), port or DEFAULT_PORTS[parts.scheme])

    def __str__(self) -> str:
        default = DEFAULT_PORTS[self.scheme] == self.port
        return f"{self.scheme}://{self.host}" + ("" if default else f":{self.port}")


def parse_origins(raw: str | None) -> frozenset[Origin]:
    """The view's public origins (ASBHUB_WEB_ORIGIN), comma-separated; each must be an origin."""
    origins: set[Origin] = set()
    problems: list[str] = []
    for item in (raw or "").split(","):
        if not item.strip():
            continue
        origin = Origin.parse(item)
        if origin is None or urlsplit(item.strip()).path not in ("", "/"):
            problems.append(
                f"ASBHUB_WEB_ORIGIN: {item.strip()!r} is not an origin like "
                "https://audit.example.org (scheme and host, no path)"
            )
        else:
            origins.add(origin)
    if problems:
        raise ConfigError(problems)
    return frozenset(origins)


def claimed_origin(request: Request) -> Origin | None:
    """The page a form was sent from: the `Origin` header, else the origin of the `Referer`."""
    origin = request.headers.get("origin")
    if origin is not None:
        return Origin.parse(origin)
    referer = request.headers.get("referer")
    return Origin.parse(referer) if referer else None


def is_own_origin(sent: Origin, request: Request, configured: Iterable[Origin]) -> bool:
    """Configured origins are matched exactly; without them, the host (and port) the browser
    addressed, as the `Host` header says, must be the sender's."""
    allowed = frozenset(configured)
    if allowed:
        return sent in allowed
    host = Origin.parse(f"{sent.scheme}://{request.headers.get('host', '')}")
    return host is not None and (host.host, host.port) == (sent.host, sent.port)


def same_origin(request: Request) -> None:
    """Refuse any state-changing request not sent from the view's own pages: a browser adds our
    credentials (Basic, Airflow's cookie) to a form another site makes it send, but not our
    origin. No header, or `Origin: null`, is refused too: the request cannot prove its page."""
    if request.method in SAFE_METHODS:
        return
    configured: frozenset[Origin] = request.app.state.web.origins
    sent = claimed_origin(request)
    if sent is not None and is_own_origin(sent, request, configured):
        return
    hint = (
        ""
        if configured
        else "; behind a reverse proxy that changes the Host header, set ASBHUB_WEB_ORIGIN "
        "to the address people use"
    )
    raise HTTPException(
        status.HTTP_403_FORBIDDEN,
        "this form must be sent from the audit view's own pages (the request did not say which "
        f"page it came from, or came from another site){hint}",
    )
