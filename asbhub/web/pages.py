"""The audit view's pages: disposal runs, certificates, reference look-up, ledger, notices,
review decisions, what is held back from the partners, and open Community Triggers."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import RedirectResponse, Response

from asbhub.errors import DataError, EnvironmentProblem
from asbhub.retention import certificate as cert_mod
from asbhub.retention import frozen
from asbhub.web import health, queries
from asbhub.web.app import WebState
from asbhub.web.auth import WebUser, current_user, require_audit_role

# Every route is behind the app's origin check (any POST) and sign-in: see app.create_app.
router = APIRouter()
AuditUser = Annotated[WebUser, Depends(require_audit_role)]
MAX_REFERENCE = 80
MAX_JUSTIFICATION = 500
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}


def _web(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


def _page(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    state = _web(request)
    with state.store.session() as session:
        last = health.last_verification(session)
    response: Response = request.app.state.templates.TemplateResponse(
        request,
        name,
        {
            "base": request.scope.get("root_path", "").rstrip("/"),
            "user": current_user(request),
            "ledger_broken": last is not None and not last.result.ok,
            "last_verification": last,
            "can_look_up": current_user(request).has_any(state.audit_roles),
            **context,
        },
        status_code=status_code,
    )
    return response


def _stages(state: Any) -> Any:
    """The schedule's review stages (the information manager's alone without a schedule)."""
    from asbhub.retention.schedule import review_stages

    return review_stages(state.settings.config_dir)


@router.get("/", name="runs")
def runs_page(request: Request) -> Response:
    state = _web(request)
    with state.store.session() as session:
        runs = queries.disposal_runs(session, stages=_stages(state))
    return _page(request, "runs.html", section="runs", runs=runs, approval_url=state.approval_url())


@router.get("/runs/{run_id}", name="run")
def run_page(request: Request, run_id: str) -> Response:
    state = _web(request)
    with state.store.session() as session:
        rows = queries.disposal_runs(session, run_id, stages=_stages(state))
        if not rows:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"there is no disposal run {run_id}")
        cert = cert_mod.build_certificate(session, run_id)
    return _page(
        request, "run.html", section="runs", run=rows[0], c=cert, approval_url=state.approval_url()
    )


@router.get("/runs/{run_id}/certificate.{fmt}", name="certificate")
def certificate_download(
    request: Request, run_id: str, fmt: Literal["html", "csv", "json"]
) -> Response:
    """The same bytes `asbhub disposal report RUN --format FMT` writes."""
    state = _web(request)
    try:
        key = state.key  # with it, the frozen document is checked against the ledger
    except EnvironmentProblem:
        key = None  # without it, against the digest recorded on the run
    try:
        with state.store.session() as session:
            text = frozen.certificate_text(session, key, run_id, fmt)
    except frozen.CertificateAltered as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
    except DataError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    return Response(
        text.encode("utf-8"),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{run_id}.{fmt}"'},
    )


@router.get("/lookup", name="lookup_form")
def lookup_form(request: Request, user: AuditUser) -> Response:
    return _page(request, "lookup.html", section="lookup", errors={}, form={}, answer=None)


@router.post("/lookup", name="lookup")
def lookup(
    request: Request,
    user: AuditUser,
    reference: Annotated[str, Form()] = "",
    justification: Annotated[str, Form()] = "",
) -> Response:
    """Answer for one reference; the look-up is logged in the ledger as a consultation."""
    reference, justification = reference.strip(), " ".join(justification.split())
    errors: dict[str, str] = {}
    if not reference:
        errors["reference"] = "Enter a referral id, incident reference or person token"
    elif len(reference) > MAX_REFERENCE:
        errors["reference"] = f"A reference is at most {MAX_REFERENCE} characters"
    if not justification:
        errors["justification"] = (
            "Enter why you are looking, e.g. the subject access request or complaint number"
        )
    elif len(justification) > MAX_JUSTIFICATION:
        errors["justification"] = f"Keep the justification under {MAX_JUSTIFICATION} characters"
    form = {"reference": reference, "justification": justification}
    if errors:
        return _page(
            request, "lookup.html", 422, section="lookup", errors=errors, form=form, answer=None
        )
    state = _web(request)
    with state.store.session() as session:
        answer = queries.look_up(session, state.key, reference, by=user.name, why=justification)
    return _page(request, "lookup.html", section="lookup", errors={}, form=form, answer=answer)


@router.get("/ledger", name="ledger")
def ledger_page(request: Request) -> Response:
    return _page(request, "ledger.html", section="ledger")


@router.post("/ledger/verify", name="ledger_verify")
def ledger_verify(request: Request) -> Response:
    state = _web(request)
    with state.store.session() as session:
        health.verify_and_record(session, state.key, by=current_user(request).name)
    base = request.scope.get("root_path", "").rstrip("/")
    return RedirectResponse(f"{base}/ledger", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/notices", name="notices")
def notices_page(request: Request, as_of: date | None = None) -> Response:
    """Disposal notices per partner; `as_of` (a date, not personal) judges what is overdue."""
    state = _web(request)
    # Each partner's ISA deadline; reading it needs no ledger key.
    days = state.hub.ack_days()
    with state.store.session() as session:
        day, rows = queries.partner_acknowledgements(session, as_of, days)
    return _page(request, "notices.html", section="notices", as_of=day, partners=rows)


@router.get("/reviews", name="reviews")
def reviews_page(request: Request) -> Response:
    """Records a `review` rule made due that wait for a person's decision (made with
    `asbhub disposal decide`); named by keyed hash, never in clear."""
    from asbhub.retention.review import pending_reviews

    with _web(request).store.session() as session:
        items = pending_reviews(session).items
    return _page(request, "reviews.html", section="reviews", items=items)


@router.get("/held", name="held")
def held_page(request: Request, user: AuditUser) -> Response:
    """Unroutable incidents, set-aside referrals and changes waiting to be sent. It shows
    incident references and referral ids in clear, so it needs the audit role, as the look-up
    does; reading it writes nothing (a GET must not, and the origin check guards only POSTs)."""
    state = _web(request)
    with state.store.session() as session:
        held = queries.held_back(session)
    return _page(
        request, "held.html", section="held", held=held, audit_roles=sorted(state.audit_roles)
    )


@router.get("/held.json", name="held_json")
def held_json(request: Request, user: AuditUser) -> Response:
    """The same as JSON; its unroutable and set-aside rows have the shape the CLI's
    `asbhub --json ingest unroutable` and `asbhub --json outbound held` print."""
    with _web(request).store.session() as session:
        held = queries.held_back(session)
    return Response(
        held.model_dump_json(indent=2).encode("utf-8"),
        media_type=MEDIA_TYPES["json"],
        headers={"Content-Disposition": 'attachment; filename="held-back.json"'},
    )


@router.get("/casereview", name="casereview")
def casereview_page(request: Request, user: AuditUser) -> Response:
    """Open Community Triggers (ASB Case Review) with their incidents' references and the
    partners flagged. References in clear, so the audit role, as the look-up; never a name."""
    from asbhub.casereview.triggers import open_triggers

    with _web(request).store.session() as session:
        listed = open_triggers(session)
    return _page(request, "casereview.html", section="casereview", triggers=listed.triggers)
