"""`asbhub ingest run | unroutable | reroute`: load the force's extracts from the landing
area, and see and route again the incidents no partner covered."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from asbhub.cli import hub_context

if TYPE_CHECKING:
    from asbhub.pipeline.reroute import UnroutableIncident

# Each command imports the pipeline modules it uses (they load the store and the transports),
# so that `asbhub ingest --help` stays quick.

app = typer.Typer(help="The force's incident extracts.", no_args_is_help=True)


@app.command("run")
def command_run(
    ctx: typer.Context,
    source: Path = typer.Option(None, "--from", help="Landing folder (default: HOME/landing)."),
    connection: str = typer.Option(
        None, "--from-connection", help="Read the landing area from this connection's store."
    ),
    prefix: str = typer.Option("landing", "--prefix", help="With --from-connection: the prefix."),
) -> None:
    """Validate and load every extract in the landing area; quarantine what is wrong."""
    from asbhub.pipeline.ingest import ingest_folder, ingest_landing, ingest_prefix
    from asbhub.runtime import Hub

    context = hub_context(ctx)
    hub = Hub(settings=context.settings, actor="asbhub ingest")
    try:
        if connection:
            result = ingest_prefix(hub, connection, prefix)
        elif source:
            result = ingest_folder(hub, source)
        else:  # the landing area the deployment names, as the DAG reads it
            result = ingest_landing(hub)
    finally:
        hub.close()
    lines = [
        f"{f.name}: {f.status}, {f.rows_in} rows = {f.loaded} loaded + {f.already_known} known "
        f"+ {f.changed} changed + {f.quarantined} quarantined; {f.referrals} referrals, "
        f"{f.not_asb} not ASB, {f.unroutable} unroutable"
        + (
            f"; changes: {f.updates} update(s), {f.withdrawals} withdrawal(s) for the next feed"
            + (f", {f.escalations} ESCALATED (risk raised)" if f.escalations else "")
            if f.changed
            else ""
        )
        + (f" ({f.reason})" if f.reason else "")
        for f in result.files
    ] or ["no extracts in the landing folder"]
    if result.rerouted:
        lines.append(
            f"routed now: {len(result.rerouted)} incident(s) held earlier, "
            f"{result.rerouted_referrals} referral(s) for the next feed"
        )
    lines += _held_lines(result.unroutable)
    context.emit(result, "\n".join(lines))
    if any(f.status == "quarantined" or f.quarantined for f in result.files) or result.unroutable:
        raise typer.Exit(1)


@app.command("unroutable")
def command_unroutable(ctx: typer.Context) -> None:
    """List the ASB incidents no partner covers, held with their detail; exit 1 if any."""
    from asbhub.pipeline.reroute import list_unroutable
    from asbhub.runtime import Hub

    context = hub_context(ctx)
    hub = Hub(settings=context.settings, actor="asbhub ingest")
    try:
        held = list_unroutable(hub)
    finally:
        hub.close()
    context.emit(
        {"unroutable": [h.model_dump(mode="json") for h in held]},
        "\n".join(_held_lines(held) or ["no unroutable incidents"]),
    )
    if held:
        raise typer.Exit(1)


@app.command("reroute")
def command_reroute(ctx: typer.Context) -> None:
    """Route the held incidents with today's partner files (after adding a district or an
    alias); their referrals go out in the next feed. Exit 1 while any stay unroutable."""
    from asbhub.pipeline.reroute import reroute
    from asbhub.runtime import Hub

    context = hub_context(ctx)
    hub = Hub(settings=context.settings, actor="asbhub ingest reroute")
    try:
        result = reroute(hub)
    finally:
        hub.close()
    lines = [
        f"routed: {len(result.routed)} incident(s), {result.referrals} referral(s) for the next "
        "feed"
    ]
    context.emit(result, "\n".join(lines + _held_lines(result.still_unroutable)))
    if result.still_unroutable:
        raise typer.Exit(1)


def _held_lines(held: list[UnroutableIncident]) -> list[str]:
    if not held:
        return []
    lines = [f"UNROUTABLE: {len(held)} ASB incident(s) referred to no one, held until routed:"]
    lines += [
        f"  {h.incident_ref}  district {h.district!r}  from {h.source_file}"
        + ("  HIGH RISK" if h.risk_level == "high" else "")
        + f": {h.reason}"
        + ("" if h.detail_held else " (detail no longer held)")
        for h in held
    ]
    return lines
