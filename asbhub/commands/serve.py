"""`asbhub serve`: the audit view on its own, for sites that do not expose Airflow's UI."""

from __future__ import annotations

import logging

import typer

from asbhub.cli import hub_context


def register(root: typer.Typer) -> None:
    """Add `serve` to the root app as a plain command."""
    root.command("serve")(serve)


def serve(
    ctx: typer.Context,
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        help="Address to listen on (loopback by "
        "default; put a TLS-terminating proxy in front for anything else).",
    ),
    port: int = typer.Option(8765, "--port", min=1, max=65535),
    hash_password: bool = typer.Option(
        False, "--hash-password", help="Ask for a password and print its hash for ASBHUB_WEB_USERS."
    ),
) -> None:
    """Serve the audit view; users and roles come from ASBHUB_WEB_USERS (there is no default)."""
    if hash_password:
        from asbhub.web.auth import password_hash

        secret = typer.prompt("password", hide_input=True, confirmation_prompt=True)
        if len(secret) < 12:
            raise typer.BadParameter("use at least 12 characters")
        typer.echo(password_hash(secret))
        return
    import uvicorn

    from asbhub.web.app import standalone_app

    hub = hub_context(ctx)
    app = standalone_app(hub.settings)  # refuses to start without ASBHUB_WEB_USERS
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    # uvicorn's own access log prints query strings; ours prints the path only.
    uvicorn.run(
        app, host=host, port=port, access_log=False, ws="none", lifespan="off", server_header=False
    )
