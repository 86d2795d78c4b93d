"""`asbhub remote ls|get|put|rm PARTNER ...`: a data engineer's hands on a partner's folders."""

from __future__ import annotations

from pathlib import Path

import typer
from pydantic import BaseModel

from asbhub.cli import hub_context
from asbhub.partners import get_partner, load_partners
from connectors import Transport, open_transport
from connectors.base import RemoteFile

app = typer.Typer(help="List, fetch, deliver and remove files in a partner's folders.")

FOLDER_HELP = "inbox (hub delivers), outbox (partner delivers), processed or archive."


class Listing(BaseModel):
    partner: str
    folder: str
    files: list[RemoteFile]


class Transfer(BaseModel):
    partner: str
    folder: str
    name: str
    local_path: str
    sha256: str
    size: int


class Removal(BaseModel):
    partner: str
    folder: str
    removed: list[str]


def _open(ctx: typer.Context, partner_id: str) -> Transport:
    partner = get_partner(load_partners(hub_context(ctx).settings.partners_dir), partner_id)
    return open_transport(partner.transport)


def _folder(folder: str) -> str:
    if folder not in ("inbox", "outbox", "processed", "archive"):
        raise typer.BadParameter(f"{folder!r}: expected {FOLDER_HELP}")
    return folder


@app.command("ls")
def command_ls(
    ctx: typer.Context,
    partner: str = typer.Argument(..., help="Partner id."),
    folder: str = typer.Argument("outbox", help=FOLDER_HELP, callback=_folder),
) -> None:
    """List the files ready in a folder (in-flight, hidden and unsafe names are left out)."""
    with _open(ctx, partner) as transport:
        files = transport.list(folder)  # type: ignore[arg-type]
    lines = [f"{f.size:>12}  {f.mtime:%Y-%m-%d %H:%M}  {f.name}" for f in files]
    lines.append(f"{len(files)} file(s) in {partner}/{folder}")
    hub_context(ctx).emit(Listing(partner=partner, folder=folder, files=files), "\n".join(lines))


@app.command("get")
def command_get(
    ctx: typer.Context,
    partner: str = typer.Argument(..., help="Partner id."),
    folder: str = typer.Argument(..., help=FOLDER_HELP, callback=_folder),
    name: str = typer.Argument(..., help="File name in the folder."),
    dest: Path = typer.Option(Path("."), "--to", help="Local folder or file path."),
) -> None:
    """Download one file (atomically, SHA-256 checked)."""
    target = dest / name if dest.is_dir() else dest
    with _open(ctx, partner) as transport:
        sha = transport.get(folder, name, target)  # type: ignore[arg-type]
    result = Transfer(
        partner=partner,
        folder=folder,
        name=name,
        local_path=str(target),
        sha256=sha,
        size=target.stat().st_size,
    )
    hub_context(ctx).emit(result, f"{partner}/{folder}/{name} -> {target}  sha256 {sha}")


@app.command("put")
def command_put(
    ctx: typer.Context,
    partner: str = typer.Argument(..., help="Partner id."),
    folder: str = typer.Argument(..., help=FOLDER_HELP, callback=_folder),
    source: Path = typer.Argument(..., exists=True, dir_okay=False, help="Local file."),
    name: str = typer.Option(None, "--name", help="Remote name (default: the local name)."),
) -> None:
    """Deliver one file: uploaded under a temporary name, verified, then renamed into place."""
    remote_name = name or source.name
    with _open(ctx, partner) as transport:
        put = transport.put(folder, remote_name, source)  # type: ignore[arg-type]
    result = Transfer(
        partner=partner,
        folder=folder,
        name=remote_name,
        local_path=str(source),
        sha256=put.sha256,
        size=put.size,
    )
    human = f"{source} -> {partner}/{folder}/{remote_name}  sha256 {put.sha256}"
    hub_context(ctx).emit(result, human)


@app.command("rm")
def command_rm(
    ctx: typer.Context,
    partner: str = typer.Argument(..., help="Partner id."),
    folder: str = typer.Argument(..., help=FOLDER_HELP, callback=_folder),
    names: list[str] = typer.Argument(..., help="File names to remove."),
) -> None:
    """Remove files from a folder (names already gone are not an error)."""
    with _open(ctx, partner) as transport:
        transport.delete(folder, names)  # type: ignore[arg-type]
    result = Removal(partner=partner, folder=folder, removed=names)
    hub_context(ctx).emit(result, f"removed {len(names)} file(s) from {partner}/{folder}")
