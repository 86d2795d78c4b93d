"""The audit view's FastAPI app: mounted in Airflow by the plugin, or served by `asbhub serve`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from fastapi import Depends, FastAPI, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from asbhub import settings as settings_mod
from asbhub.errors import EnvironmentProblem, HubError
from asbhub.ledger import LedgerKey
from asbhub.runtime import Hub
from asbhub.settings import Settings
from asbhub.store.engine import Store
from asbhub.web import auth, security
from asbhub.web.throttle import LoginGuard

HERE = Path(__file__).resolve().parent
DEFAULT_APPROVAL_DAG = "retention_disposal"
Mode = Literal["standalone", "airflow"]


@dataclass
class WebState:
    """The hub behind the pages; the store and the key are opened when first needed."""

    settings: Settings
    mode: Mode
    audit_roles: frozenset[str]
    airflow_url: str | None  # where Airflow's UI is; "" means the same origin (plugin)
    approval_dag_id: str = DEFAULT_APPROVAL_DAG
    # Where the view's pages are served from, when a proxy hides it from the Host header.
    origins: frozenset[security.Origin] = frozenset()
    _key: LedgerKey | None = field(default=None, repr=False)

    @cached_property
    def hub(self) -> Hub:
        """The one Hub, read-only here: a web server leaves its process's umask alone."""
        return Hub(settings=self.settings, actor="asbhub audit view", secure=False)

    @property
    def store(self) -> Store:
        return self.hub.store

    @property
    def key(self) -> LedgerKey:
        return self._key if self._key is not None else self.hub.ledger_key

    def approval_url(self) -> str | None:
        """Airflow's list of this DAG's pending approvals (its human-in-the-loop step)."""
        if self.airflow_url is None:
            return None
        return f"{self.airflow_url.rstrip('/')}/dags/{self.approval_dag_id}/required_actions"

    @property
    def frames(self) -> security.FramePolicy:
        # Airflow's UI shows the view in an iframe of its own (the plugin's navigation entry).
        return security.SAME_ORIGIN_FRAMING if self.mode == "airflow" else security.NO_FRAMING

    def close(self) -> None:
        if "hub" in self.__dict__:
            self.hub.close()


def create_app(state: WebState, authenticate: auth.Authenticate) -> FastAPI:
    from asbhub.web import pages

    app = FastAPI(
        title="ASB hub audit view",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.web = state
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    # The origin check comes first: a cross-site form is refused before any password is hashed.
    app.include_router(
        pages.router, dependencies=[Depends(security.same_origin), Depends(authenticate)]
    )
    app.add_middleware(security.SecurityHeaders, headers=security.security_headers(state.frames))
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(HubError, _hub_error)  # type: ignore[arg-type]
    return app


def templates() -> Jinja2Templates:
    env = Jinja2Templates(directory=HERE / "templates")
    env.env.globals["fmt_time"] = lambda t: t.strftime("%Y-%m-%d %H:%M UTC") if t else "—"
    return env


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    state: WebState = request.app.state.web
    if exc.status_code == 401 and state.mode == "airflow" and request.method == "GET":
        login = auth.airflow_login_url(str(request.url))
        if login:
            return RedirectResponse(login, status_code=303)
    titles = {
        401: "Sign in needed",
        403: "Not allowed",
        404: "Not found",
        405: "Not allowed",
        429: "Too many attempts",
        503: "Busy",
    }
    response = request.app.state.templates.TemplateResponse(
        request,
        "error.html",
        {
            "title": titles.get(exc.status_code, "Error"),
            "message": exc.detail,
            "user": None,
            "base": request.scope.get("root_path", "").rstrip("/"),
        },
        status_code=exc.status_code,
        headers=getattr(exc, "headers", None),
    )
    assert isinstance(response, HTMLResponse)
    return response


async def _hub_error(request: Request, exc: HubError) -> Response:
    """A missing key or unreachable store: say what to fix, as the CLI would."""
    code = 503 if isinstance(exc, EnvironmentProblem) else 500
    response: Response = request.app.state.templates.TemplateResponse(
        request,
        "error.html",
        {
            "title": "The hub cannot answer",
            "message": str(exc),
            "user": None,
            "base": request.scope.get("root_path", "").rstrip("/"),
        },
        status_code=code,
    )
    return response


def standalone_app(settings: Settings | None = None, guard: LoginGuard | None = None) -> FastAPI:
    """The app `asbhub serve` runs: users and roles from the environment, no Airflow needed;
    sign-ins throttled by `guard` (one per process)."""
    given = settings_mod.options()
    users = auth.parse_users(given.web_users.get_secret_value() if given.web_users else None)
    state = WebState(
        settings=settings or settings_mod.resolve(),
        mode="standalone",
        audit_roles=auth.audit_roles(),
        airflow_url=given.airflow_url or None,
        approval_dag_id=given.approval_dag_id or DEFAULT_APPROVAL_DAG,
        origins=security.parse_origins(given.web_origin),
    )
    return create_app(state, auth.standalone_authenticator(users, guard or LoginGuard()))


def airflow_app() -> FastAPI:
    """The app the Airflow plugin mounts at /asbhub: Airflow's auth manager says who asks."""
    given = settings_mod.options()
    state = WebState(
        settings=settings_mod.resolve(),
        mode="airflow",
        audit_roles=auth.audit_roles(),
        airflow_url=given.airflow_url or "",
        approval_dag_id=given.approval_dag_id or DEFAULT_APPROVAL_DAG,
        origins=security.parse_origins(given.web_origin),
    )
    return create_app(state, auth.airflow_authenticator())
