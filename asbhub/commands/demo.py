"""`asbhub demo`: the whole nightly exchange on embedded defaults, on loopback, in var/demo."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from asbhub.cli import hub_context


def register(root: typer.Typer) -> None:
    root.command("demo")(command_demo)


def command_demo(
    ctx: typer.Context,
    incidents: int = typer.Option(2000, "--incidents", min=10, max=50_000),
    seed: int = typer.Option(7, "--seed"),
    home: Path = typer.Option(Path("var/demo"), "--demo-home", help="Rebuilt on every run."),
) -> None:
    """Seed a night, run the real DAGs against an SFTP server and an S3 endpoint on loopback,
    answer as the partners, run retention, and print what happened."""
    from asbhub.demo.run import run_demo
    from asbhub.ledger.verify import summary_of

    context = hub_context(ctx)
    # Bound to this process's own stream now: the demo runs its `asbhub` commands in this
    # process, which capture sys.stdout and sys.stderr while each runs, and the progress display
    # must not write into a command's output.
    console = Console(file=sys.stderr if context.json_output else sys.stdout, width=132)
    result = run_demo(home, incidents, seed, console)
    if context.json_output:
        context.emit(result)
    else:
        table = Table(title=f"Demo night {result.night} ({result.incidents} incidents)")
        for label in (
            "partner",
            "via",
            "referrals",
            "outcomes",
            "rows quarantined",
            "files rejected",
            "rejection reports",
            "notices",
            "acks",
        ):
            table.add_column(label, justify="left" if label in ("partner", "via") else "right")
        for p in result.partners:
            table.add_row(
                p.partner_id,
                p.transport,
                str(p.referrals_sent),
                str(p.outcomes_loaded),
                str(p.rows_quarantined),
                str(p.files_rejected),
                str(p.rejection_reports),
                str(p.notices_sent),
                str(p.acks_received),
            )
        console.print(table)
        d = result.disposal
        console.print(
            f"Disposal run {d['run_id']} as of {d['as_of']}: {d.get('planned')} planned, "
            f"{'verified' if d.get('verified') else 'NOT VERIFIED'}"
        )
        ledger_line = summary_of(result.ledger)  # what was checked, per kind, live and sealed
        console.print(ledger_line[:1].upper() + ledger_line[1:])
        failed = [r for r in result.dag_runs if r.state != "success"]
        console.print(f"DAG runs: {len(result.dag_runs)}, not successful: {len(failed)}")
        for run in failed:
            console.print(f"  {run.dag_id} {run.logical_date}: {run.state} {run.error or ''}")
        console.print(f"Certificate: {result.certificate_html}")
        console.print(f"Report page: {result.report_page}")
        console.print(
            f"Took {result.seconds:.0f} s. Secrets for this run: {result.home}/secrets.env"
        )
    if not result.ok:
        raise typer.Exit(1)
