"""`asbhub ledger verify|search`: the s.62 log, checked and searched (searches are logged)."""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING

import typer

from asbhub.cli import hub_context

if TYPE_CHECKING:
    from asbhub.ledger.search import SearchHit

# Each command imports the ledger modules it uses (they load the store's models), so that
# `asbhub ledger --help` stays quick.

app = typer.Typer(help="The DPA 2018 s.62 ledger.", no_args_is_help=True)


@app.command("verify")
def command_verify(
    ctx: typer.Context,
    by: str = typer.Option(None, "--by", help="Who runs the check (default: this user)."),
) -> None:
    """Recompute the chain; exit 1 naming the first bad event if anything was tampered with.

    The result is kept, so the audit view shows the last verification whoever ran it."""
    from asbhub.ledger import verify
    from asbhub.retention.service import retention_context
    from asbhub.web.health import record_verification

    hub = hub_context(ctx)
    with retention_context(hub.settings) as rc, rc.store.session() as session:
        result = verify(session, rc.key)
        record_verification(session, result, by or getpass.getuser())
    head = f"\nhead: event {result.head_seq} {result.head_hash}" if result.head_seq else ""
    hub.emit(result, result.summary() + head)
    if not result.ok:
        raise typer.Exit(1)


@app.command("search")
def command_search(
    ctx: typer.Context,
    reference: str = typer.Option(..., "--reference", help="A referral id or other reference."),
    by: str = typer.Option(..., "--by", help="Who is asking (logged)."),
    why: str = typer.Option(
        ..., "--why", help="Why, e.g. a subject access request number (logged)."
    ),
) -> None:
    """Who was sent what about a reference, and when it was disposed of."""
    from asbhub.ledger import search
    from asbhub.retention.service import retention_context

    hub = hub_context(ctx)
    with retention_context(hub.settings) as rc, rc.store.session() as session:
        result = search(session, rc.key, reference, by=by, why=why)
    lines = [
        f"{len(result.events)} ledger events name this reference "
        f"(this search is logged as event {result.logged_as_seq})"
    ]
    for e in result.events:
        lines.append(f"  {e.seq:>8} {e.at:%Y-%m-%d %H:%M:%S} {e.kind:<12}{_described(e)}")
    for d in result.disposals:
        when = f"{d.disposed_at:%Y-%m-%d %H:%M:%S}" if d.disposed_at else "?"
        lines.append(f"  disposed {when} by run {d.run_id} under rule {d.rule}")
    if not result.disposals:
        lines.append("  not disposed of by any disposal run")
    hub.emit(result, "\n".join(lines))


def _described(e: SearchHit) -> str:
    """What the event says: a sealed one keeps only the facts that name no one."""
    to = f" to {e.recipient}" if e.recipient else ""
    facts = ", ".join(
        f"{name.replace('_', ' ')} {e.details[name]}"
        for name in ("batch_id", "isa_reference", "run_id", "record_class")
        if e.details.get(name) is not None
    )
    facts = f" ({facts})" if facts else ""
    if e.sealed:
        when = f"{e.sealed_at:%Y-%m-%d}" if e.sealed_at else "?"
        return f"{to}{facts} [sealed {when} by run {e.sealed_by}: content disposed of]"
    return f" by {e.actor}{to}{facts}: {e.justification}"
