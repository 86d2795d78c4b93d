"""`asbhub ledger verify|search|rekey`: the s.62 log, checked, searched (searches are logged)
and re-keyed."""

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


@app.command("rekey")
def command_rekey(
    ctx: typer.Context,
    by: str = typer.Option(..., "--by", help="Who rotates the key (recorded in the ledger)."),
    why: str = typer.Option(..., "--why", help="Why, e.g. the incident or the schedule."),
) -> None:
    """Rotate the ledger key: re-chain and re-seal the ledger under ASBHUB_LEDGER_NEW_KEY.

    The ledger must verify under the current key (ASBHUB_LEDGER_KEY) first. Stop every process
    that writes the ledger before, and give them the new key after: see the data engineer's
    runbook. Keyed lookups (references, field digests) stay under the key they were made with,
    which is then ASBHUB_LEDGER_LOOKUP_KEY."""
    from asbhub.errors import DataError, EnvironmentProblem
    from asbhub.ledger import LedgerKey, load_key, verify
    from asbhub.ledger.chain import LOOKUP_ENV
    from asbhub.ledger.rekey import rekey
    from asbhub.retention.service import retention_context
    from asbhub.settings import secret
    from asbhub.web.health import record_verification

    hub = hub_context(ctx)
    new_secret = secret("ledger_new_key")
    if not new_secret:
        raise EnvironmentProblem(
            "no new ledger key: set ASBHUB_LEDGER_NEW_KEY to the new secret for this command"
        )
    with retention_context(hub.settings) as rc:
        old = rc.key
        lookup_was_set = old.lookup_secret is not None
        new = LedgerKey(load_key(new_secret).secret, old.lookup)
        if new.secret == old.secret:
            raise DataError("ASBHUB_LEDGER_NEW_KEY is the key in use: nothing to rotate")
        with rc.store.session() as session:
            result = rekey(session, old, new, by, why)
            checked = verify(session, new)
            if not checked.ok:  # never committed: the transaction rolls back
                raise DataError(f"the re-keyed ledger does not verify: {checked.problem}")
            record_verification(session, checked, by)
    steps = [
        f"ledger re-keyed: {result.events} events ({result.sealed} sealed) from key "
        f"{result.from_fingerprint} to {result.to_fingerprint}; the rotation is event "
        f"{result.head_seq} {result.head_hash}",
        f"the old head, event {result.old_head_seq} {result.old_head_hash}, and "
        f"{result.anchors} recorded head(s) are kept in it",
        "now, for every process (scheduler, workers, API server, the audit view):",
        "  ASBHUB_LEDGER_KEY = the new key; remove ASBHUB_LEDGER_NEW_KEY",
    ]
    if not lookup_was_set:
        steps.append(f"  {LOOKUP_ENV} = the old key (the store's lookups stay under it)")
    hub.emit(result, "\n".join(steps))


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
