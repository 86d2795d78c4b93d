"""`asbhub areas move`: bring a folder-based home's areas into the object store."""

from __future__ import annotations

from pathlib import Path

import typer

from asbhub.cli import hub_context

app = typer.Typer(
    help="The hub's areas: landing, staging, archive, quarantine, reports.", no_args_is_help=True
)


@app.command("move")
def command_move(
    ctx: typer.Context,
    old_home: Path = typer.Option(
        ...,
        "--from",
        help="The folder-based home whose areas go to the object store (ASBHUB_AREAS_CONNECTION).",
        exists=True,
        file_okay=False,
    ),
) -> None:
    """Copy a folder-based home's areas into the object store and rewrite the paths the store
    recorded under it as keys. Safe to repeat; the folders stay until you remove them."""
    from asbhub.runtime import Hub
    from asbhub.storage import move_home

    context = hub_context(ctx)
    hub = Hub(settings=context.settings, actor="asbhub areas move")
    try:
        with hub.store.session() as session:
            result = move_home(hub.areas, old_home, session)
    finally:
        hub.close()
    rewritten = ", ".join(f"{k} {v}" for k, v in result.paths_rewritten.items())
    lines = [
        f"copied {result.files} file(s), {result.bytes:,} bytes, from {result.source} "
        f"to {result.target}; store paths rewritten as keys: {rewritten}",
        *(f"left behind (work in flight): {key}" for key in result.skipped),
        *(f"NOT rewritten, outside {result.source}: {path}" for path in result.not_under_home),
        "The folders are left as they were: run `asbhub retention coverage`, then remove them.",
    ]
    context.emit(result, "\n".join(lines))
    if result.not_under_home:
        raise typer.Exit(1)
