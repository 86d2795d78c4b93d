"""`asbhub disposal approve|reject|execute|verify|report|check|status|cancel|review|decide`: a
run after planning (each review stage's decision first), and the decisions on records a `review`
rule made due."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from asbhub.cli import Context, hub_context

if TYPE_CHECKING:
    from asbhub.retention.service import RetentionContext
    from asbhub.retention.verify import VerificationResult

# Each command imports the retention modules it uses (they load the store's models), so that
# `asbhub disposal --help` stays quick.

app = typer.Typer(help="Disposal runs: approve, execute, verify, certify.", no_args_is_help=True)


@app.command("approve")
def command_approve(
    ctx: typer.Context,
    run_id: str = typer.Argument(..., metavar="RUN"),
    by: str = typer.Option(..., "--by", help="The reviewer's name, as the certificate shows it."),
    stage: str = typer.Option(
        None, "--stage", help="The review stage (default: the one the run awaits)."
    ),
) -> None:
    """Approve a planned run at its review stage (the same as approving it in Airflow). The
    run executes once every stage of the schedule approved it, each by another person."""
    _decide(ctx, run_id, by, stage, approve=True, reason=None)


@app.command("reject")
def command_reject(
    ctx: typer.Context,
    run_id: str = typer.Argument(..., metavar="RUN"),
    by: str = typer.Option(..., "--by", help="The reviewer's name, as the certificate shows it."),
    reason: str = typer.Option(..., "--reason", help="Why: kept with the run."),
    stage: str = typer.Option(
        None, "--stage", help="The review stage (default: the one the run awaits)."
    ),
) -> None:
    """Reject a planned run at its review stage: the run is cancelled with the reason."""
    _decide(ctx, run_id, by, stage, approve=False, reason=reason)


def _decide(
    ctx: typer.Context,
    run_id: str,
    by: str,
    stage: str | None,
    *,
    approve: bool,
    reason: str | None,
) -> None:
    from asbhub.retention.runs import approvals, awaited_stage, decide_stage
    from asbhub.retention.service import retention_context

    hub = hub_context(ctx)
    with retention_context(hub.settings) as rc, rc.store.session() as session:
        stages = rc.schedule().review_stages
        run = decide_stage(session, run_id, stages, by, approve=approve, stage=stage, reason=reason)
        waiting = awaited_stage(session, run, stages)
        result: dict[str, Any] = {
            "run_id": run.run_id,
            "status": run.status,
            "approved_by": run.approved_by,
            "approved_at": run.approved_at,
            "stages": [
                {
                    "stage": a.stage,
                    "title": a.title,
                    "decision": a.decision,
                    "by": a.decided_by,
                    "at": a.decided_at,
                    "reason": a.reason,
                }
                for a in approvals(session, run)
            ],
            "awaits": waiting.id if waiting else None,
        }
    said = "; ".join(f"{s['stage']} {s['decision']} by {s['by']}" for s in result["stages"])
    after = (
        f"; awaits {result['awaits']}"
        if result["awaits"]
        else ("; approved: it may execute" if result["status"] == "approved" else "")
    )
    hub.emit(result, f"{run_id} {result['status']}: {said}{after}")


@app.command("cancel")
def command_cancel(ctx: typer.Context, run_id: str = typer.Argument(..., metavar="RUN")) -> None:
    """Cancel a run that has not started executing."""
    from asbhub.retention.runs import cancel_run
    from asbhub.retention.service import retention_context

    hub = hub_context(ctx)
    with retention_context(hub.settings) as rc, rc.store.session() as session:
        cancel_run(session, run_id)
    hub.emit({"run_id": run_id, "status": "cancelled"}, f"{run_id} cancelled")


def _execute_and_verify(rc: RetentionContext, run_id: str, batch_size: int) -> VerificationResult:
    from asbhub.retention.execute import execute_run
    from asbhub.retention.verify import verify_run

    remote = rc.remote()
    try:
        execute_run(
            rc.store,
            run_id,
            rc.key,
            rc.areas,
            remote,
            ack_days=rc.ack_days(),
            batch_size=batch_size,
        )
        return verify_run(rc.store, run_id, rc.areas, remote, key=rc.key)
    finally:
        close = getattr(remote, "close", None)
        if close:
            close()


@app.command("execute")
def command_execute(
    ctx: typer.Context,
    run_id: str = typer.Argument(..., metavar="RUN"),
    batch_size: int = typer.Option(10000, "--batch-size", min=1),
) -> None:
    """Dispose of an approved run's records, then verify; re-run it to resume after a failure."""
    from asbhub.retention.service import retention_context

    hub = hub_context(ctx)
    with retention_context(hub.settings) as rc:
        result = _execute_and_verify(rc, run_id, batch_size)
    _report_verification(hub, result)


@app.command("verify")
def command_verify(ctx: typer.Context, run_id: str = typer.Argument(..., metavar="RUN")) -> None:
    """Check again that nothing the run disposed of remains anywhere."""
    from asbhub.retention.service import retention_context
    from asbhub.retention.verify import verify_run

    hub = hub_context(ctx)
    with retention_context(hub.settings) as rc:
        remote = rc.remote()
        try:
            result = verify_run(rc.store, run_id, rc.areas, remote, key=rc.key)
        finally:
            close = getattr(remote, "close", None)
            if close:
                close()
    _report_verification(hub, result)


def _report_verification(hub: Context, result: VerificationResult) -> None:
    if result.ok:
        hub.emit(
            result,
            f"{result.run_id} verified: {result.checked} records gone, "
            f"{result.held_after_planning} held after planning; no copy found in "
            + ", ".join(result.areas_scanned),
        )
        return
    lines = [
        f"{result.run_id} VERIFICATION FAILED: {len(result.survivors)} copies of disposed "
        "records remain"
    ]
    lines += [
        f"  {s.record_class} {s.rule} {s.reference_hash[:16]}… in {s.where}"
        for s in result.survivors[:50]
    ]
    hub.emit(result, "\n".join(lines))
    raise typer.Exit(1)


@app.command("report")
def command_report(
    ctx: typer.Context,
    run_id: str = typer.Argument(..., metavar="RUN"),
    fmt: str = typer.Option("html", "--format", help="html, csv or json"),
    out: Path = typer.Option(None, "--out", help="File to write; default reports/<RUN>.<format>."),
) -> None:
    """Write the run's disposal certificate (no personal data): rendered from the document frozen
    at verification, refused if that document was altered; a draft before verification."""
    from asbhub.retention import frozen
    from asbhub.retention.service import retention_context

    hub = hub_context(ctx)
    if fmt not in ("html", "csv", "json"):
        raise typer.BadParameter(f"{fmt!r}: use html, csv or json", param_hint="--format")
    with retention_context(hub.settings) as rc:
        with rc.store.session() as session:
            text = frozen.certificate_text(session, rc.key, run_id, fmt)  # type: ignore[arg-type]
        target = out or rc.areas.home / "reports" / f"{run_id}.{fmt}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        where = str(target)
        if out is None:  # kept in the reports area, wherever the areas are
            key = rc.areas.save(target)
            where = key if rc.areas.remote else where
    hub.emit({"run_id": run_id, "format": fmt, "path": where}, where)


@app.command("check")
def command_check(
    ctx: typer.Context,
    run_id: str = typer.Argument(..., metavar="RUN"),
    reference: str = typer.Option(..., "--reference", help="The reference to look for."),
    certificate: Path = typer.Option(
        None, "--certificate", help="Check a certificate file (JSON or CSV) instead of the store."
    ),
) -> None:
    """Was this reference disposed of by the run? (needs the ledger key; exit 1 if not)"""
    from asbhub.retention import certificate as cert_mod
    from asbhub.retention import frozen
    from asbhub.retention.service import retention_context

    hub = hub_context(ctx)
    with retention_context(hub.settings) as rc, rc.store.session() as session:
        found = frozen.check(session, rc.key, run_id)
        if certificate is not None:
            if certificate.suffix.lower() == ".json":
                found = frozen.matches_frozen(
                    session, rc.key, run_id, certificate.read_text(encoding="utf-8")
                )
            result = cert_mod.check_certificate_file(certificate, rc.key, reference)
        else:
            result = cert_mod.check_reference(session, rc.key, run_id, reference)
    if found.frozen and not found.ok:
        hub.emit(
            {"certificate": found.model_dump(mode="json"), **result.model_dump(mode="json")},
            f"CERTIFICATE ALTERED: {run_id}: {found.problem}",
        )
        raise typer.Exit(1)
    if result.disposed:
        hub.emit(
            result,
            f"{reference}: disposed of by {run_id} ({result.record_class}"
            f"{', rule ' + result.rule if result.rule else ''})",
        )
        return
    hub.emit(result, f"{reference}: NOT among the records {run_id} disposed of")
    raise typer.Exit(1)


@app.command("status")
def command_status(
    ctx: typer.Context,
    days: int = typer.Option(
        None,
        "--days",
        min=1,
        help="Deadline in days for every partner "
        "(default: each partner's isa.disposal_ack_days, else 28).",
    ),
    as_of: str = typer.Option(None, "--as-of", help="Judge overdue as on this date."),
) -> None:
    """Disposal notices per partner, and those not acknowledged within the ISA's deadline."""
    from asbhub.retention.notices import notice_status
    from asbhub.retention.service import retention_context

    hub = hub_context(ctx)
    day = date.fromisoformat(as_of) if as_of else None
    with retention_context(hub.settings) as rc, rc.store.session() as session:
        result = notice_status(session, day, deadline_days=days, partner_days=rc.ack_days())
    lines = [
        f"{p:<24} issued {t['issued']:>6}  sent {t['sent']:>6}  acknowledged {t['acknowledged']:>6}"
        f"  overdue {t['overdue']:>6}"
        for p, t in sorted(result.by_partner.items())
    ]
    lines += [
        f"  OVERDUE {o.partner_id} {o.notice_id} (run {o.run_id}) due {o.due} "
        f"{o.days_overdue} days ago"
        for o in result.overdue[:200]
    ]
    hub.emit(result, "\n".join(lines) or "no disposal notices issued")


@app.command("review")
def command_review(ctx: typer.Context) -> None:
    """Records a `review` rule made due that no one has decided yet."""
    hub = hub_context(ctx)
    from asbhub.retention.review import pending_reviews
    from asbhub.retention.service import retention_context

    with retention_context(hub.settings) as rc, rc.store.session() as session:
        result = pending_reviews(session)
    lines = [
        f"{i.id:>8}  {i.record_class:<20} {i.rule:<40} {i.target:<24} (run {i.run_id})"
        for i in result.items
    ]
    hub.emit(
        result,
        "\n".join(lines)
        + (
            "\ndecide each with `asbhub disposal decide ID keep|dispose --by NAME --reason TEXT`"
            if lines
            else "nothing waits for a review decision"
        ),
    )


@app.command("decide")
def command_decide(
    ctx: typer.Context,
    item_id: int = typer.Argument(..., metavar="ID", help="The id `disposal review` lists."),
    decision: str = typer.Argument(..., metavar="keep|dispose"),
    by: str = typer.Option(..., "--by", help="Who decides."),
    reason: str = typer.Option(..., "--reason", help="Why (kept with the decision, logged)."),
    next_review: str = typer.Option(
        None, "--next-review", help="With keep: when to review again (YYYY-MM-DD; default 1 year)."
    ),
) -> None:
    """Decide a review item: keep it (until its next review) or dispose of it in the next run."""
    hub = hub_context(ctx)
    from asbhub.retention.review import decide
    from asbhub.retention.service import retention_context

    when = None
    if next_review:
        try:
            when = date.fromisoformat(next_review)
        except ValueError as exc:
            raise typer.BadParameter(
                f"{next_review!r} is not a date like 2033-06-01", param_hint="--next-review"
            ) from exc
    with retention_context(hub.settings) as rc, rc.store.session() as session:
        result = decide(session, rc.key, item_id, decision, by, reason, when)
    follow = (
        f"kept; reviewed again on {result.next_review_on}"
        if result.next_review_on
        else "planned for disposal in the next run"
    )
    hub.emit(result, f"review item {item_id}: {result.decision} by {result.decided_by}: {follow}")
