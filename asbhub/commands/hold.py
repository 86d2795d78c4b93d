"""`asbhub hold add|remove|list`: legal holds that stop disposal."""

from __future__ import annotations

import typer

from asbhub.cli import hub_context

# Each command imports the retention modules it uses (they load the store's models), so that
# `asbhub hold --help` stays quick.

app = typer.Typer(help="Legal holds: a held record is never disposed of.", no_args_is_help=True)


@app.command("add")
def command_add(
    ctx: typer.Context,
    reference: str = typer.Argument(
        ..., help="Referral id, incident reference, batch id or file name."
    ),
    reason: str = typer.Option(..., "--reason", help="Why (litigation, complaint, inquiry...)."),
    by: str = typer.Option(..., "--by", help="Who places the hold."),
) -> None:
    """Place a legal hold."""
    from asbhub.retention.holds import add_hold
    from asbhub.retention.service import retention_context

    hub = hub_context(ctx)
    with retention_context(hub.settings) as rc, rc.store.session() as session:
        hold = add_hold(session, reference, reason, by)
    hub.emit(hold, f"hold {hold.id} on {hold.reference} by {hold.placed_by}: {hold.reason}")


@app.command("remove")
def command_remove(
    ctx: typer.Context,
    reference: str = typer.Argument(...),
    reason: str = typer.Option(..., "--reason", help="Why the hold is lifted."),
    by: str = typer.Option(..., "--by", help="Who lifts it."),
) -> None:
    """Lift a legal hold (the record becomes due again at the next plan)."""
    from asbhub.retention.holds import remove_hold
    from asbhub.retention.service import retention_context

    hub = hub_context(ctx)
    with retention_context(hub.settings) as rc, rc.store.session() as session:
        hold = remove_hold(session, reference, by, reason)
    hub.emit(hold, f"hold {hold.id} on {hold.reference} lifted by {hold.removed_by}")


@app.command("list")
def command_list(
    ctx: typer.Context,
    all_: bool = typer.Option(False, "--all", help="Include lifted holds."),
) -> None:
    """List legal holds."""
    from asbhub.retention.holds import list_holds
    from asbhub.retention.service import retention_context

    hub = hub_context(ctx)
    with retention_context(hub.settings) as rc, rc.store.session() as session:
        holds = list_holds(session, include_removed=all_)
    lines = [
        f"{h.id:>5} {h.reference:<24} {h.placed_at:%Y-%m-%d} {h.placed_by:<24} {h.reason}"
        + (f"  (lifted {h.removed_at:%Y-%m-%d} by {h.removed_by})" if h.removed_at else "")
        for h in holds
    ]
    hub.emit(
        {"holds": [h.model_dump(mode="json") for h in holds]}, "\n".join(lines) or "no legal holds"
    )
