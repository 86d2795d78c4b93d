"""`asbhub db upgrade`: create or migrate the hub store's schema."""

from __future__ import annotations

import typer

from asbhub.cli import hub_context

app = typer.Typer(help="The hub store.", no_args_is_help=True)


@app.command("upgrade")
def command_upgrade(ctx: typer.Context) -> None:
    """Create or migrate the store's schema to the latest version."""
    from asbhub.store.engine import current_revision, make_engine, safe_url, upgrade

    hub = hub_context(ctx)
    url = hub.settings.database_url
    upgrade(url)
    engine = make_engine(url)
    try:
        revision = current_revision(engine)
    finally:
        engine.dispose()
    hub.emit(
        {"store": safe_url(url), "revision": revision},
        f"store {safe_url(url)} is at revision {revision}",
    )
