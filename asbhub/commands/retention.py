"""`asbhub retention plan|schedule`: plan a disposal run from the retention schedule."""

from __future__ import annotations

from datetime import date

import typer

from asbhub.cli import hub_context

# Each command imports the retention modules it uses (they load the store's models), so that
# `asbhub retention --help` stays quick.

app = typer.Typer(help="The retention schedule and disposal planning.", no_args_is_help=True)


@app.command("plan")
def command_plan(
    ctx: typer.Context,
    as_of: str = typer.Option(
        None, "--as-of", help="Plan as on this date (YYYY-MM-DD); default today."
    ),
    by: str = typer.Option("retention", "--by", help="Who plans the run."),
) -> None:
    """Record what is due for disposal, by class and rule; prints the disposal run id."""
    from asbhub.retention.plan import plan_disposal
    from asbhub.retention.service import retention_context

    hub = hub_context(ctx)
    day = _date(as_of)
    with retention_context(hub.settings) as rc:
        schedule = rc.schedule()
        with rc.store.session() as session:
            result = plan_disposal(session, schedule, rc.key, day, planned_by=by)
    lines = [result.run_id]
    for record_class, rules in result.counts.items():
        for rule, info in rules.items():
            lines.append(
                f"  {record_class:<18} {rule:<36} {info['action']:<8} "
                f"{info['planned']:>8} due  {info['held']:>6} held"
            )
    lines.append(
        f"  schedule {result.schedule_version}: {result.planned} to dispose, "
        f"{result.for_review} for review, {result.held} held, "
        f"{result.kept_on_review} kept on review; approve with "
        f"`asbhub disposal approve {result.run_id} --by NAME`"
    )
    hub.emit(result, "\n".join(lines))


@app.command("coverage")
def command_coverage(ctx: typer.Context) -> None:
    """Check that every row and file the hub keeps belongs to exactly one record class; list
    anything no class covers and exit 1."""
    hub = hub_context(ctx)
    from asbhub.retention.coverage import check_coverage
    from asbhub.retention.service import retention_context

    with retention_context(hub.settings) as rc, rc.store.session() as session:
        result = check_coverage(session, rc.areas)
    lines = [
        f"  {record_class:<22} " + ", ".join(f"{where} {n}" for where, n in sorted(places.items()))
        for record_class, places in sorted(result.counts.items())
    ]
    if result.ok:
        hub.emit(result, "\n".join(["every row and file belongs to one record class:", *lines]))
        return
    problems = [f"  {u.where}: {u.count} ({u.detail})" for u in result.uncovered[:200]]
    hub.emit(
        result,
        "\n".join(
            [f"NOT COVERED: {len(result.uncovered)} places no record class covers:", *problems]
        ),
    )
    raise typer.Exit(1)


@app.command("schedule")
def command_schedule(ctx: typer.Context) -> None:
    """Check and show the retention schedule."""
    hub = hub_context(ctx)
    from asbhub.retention.schedule import load_schedule

    schedule = load_schedule(hub.settings.retention_file)
    rows = [
        {
            "record_class": r.record_class,
            "rule": r.id,
            "clock": r.clock,
            "period": str(r.period),
            "action": r.action,
            "description": r.description,
        }
        for rules in schedule.rules.values()
        for r in rules
    ]
    human = [f"schedule version {schedule.version} ({schedule.digest[:12]})"]
    human += [
        f"  {r['record_class']:<22} {r['rule']:<36} {r['period']:>9} from {r['clock']:<13} "
        f"{r['action']}"
        for r in rows
    ]
    hub.emit(
        {"version": schedule.version, "digest": schedule.digest, "rules": rows}, "\n".join(human)
    )


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise typer.BadParameter(
            f"{text!r} is not a date like 2032-06-01", param_hint="--as-of"
        ) from exc
