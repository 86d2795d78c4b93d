"""`asbhub partners check`: load every partner file and report every problem at once."""

from __future__ import annotations

import typer
from pydantic import BaseModel

from asbhub.cli import hub_context
from asbhub.partners import load_partners

app = typer.Typer(help="Partner configuration.", no_args_is_help=True)


class PartnerSummary(BaseModel):
    id: str
    name: str
    kind: str
    transport: str
    covers: str
    isa_reference: str
    shared_fields: int


@app.command("check")
def command_check(
    ctx: typer.Context,
    connect: bool = typer.Option(
        False, "--connect", help="Also reach each partner: host key fingerprint, folder access."
    ),
) -> None:
    """Validate config/partners/*.yaml (unknown keys, ISA fields and treatments, host keys)."""
    hub = hub_context(ctx)
    partners = load_partners(hub.settings.partners_dir)
    if connect:
        from connectors.connectivity import report_connectivity

        raise typer.Exit(report_connectivity(hub, partners))
    summaries = [
        PartnerSummary(
            id=p.id,
            name=p.name,
            kind=p.kind,
            transport=p.transport.type,
            covers=", ".join(p.coverage.districts) or f"tenants of {p.coverage.landlord}",
            isa_reference=p.isa.reference,
            shared_fields=sum(1 for t in p.isa.fields.values() if t != "drop"),
        )
        for p in partners
    ]
    lines = [f"{s.id:<28} {s.kind:<17} {s.transport:<6} {s.covers}" for s in summaries]
    lines.append(f"{len(summaries)} partners, configuration valid")
    hub.emit({"partners": [s.model_dump() for s in summaries], "valid": True}, "\n".join(lines))


@app.command("hub-key")
def command_hub_key(ctx: typer.Context) -> None:
    """Print the hub's OpenPGP public key and its fingerprint, to give a partner that receives
    OpenPGP (from the secret ASBHUB_OPENPGP_KEY; the secret key itself is never printed)."""
    from asbhub.errors import EnvironmentProblem
    from asbhub.openpgp import Keyring, OpenPgpError, hub_key

    hub = hub_context(ctx)
    found = hub_key()
    if found is None:
        raise EnvironmentProblem(
            "the hub's OpenPGP key is not set (ASBHUB_OPENPGP_KEY or the Airflow Variable "
            "asbhub_openpgp_key)"
        )
    with Keyring() as keyring:
        try:
            fingerprint = keyring.import_hub(*found)
            public = keyring.hub_public_key()
        except OpenPgpError as exc:
            raise EnvironmentProblem(str(exc)) from exc
        older = sorted(keyring.hub_keys - {fingerprint})
    note = "".join(
        f"(still opening files encrypted to the hub's previous key {key})\n" for key in older
    )
    hub.emit(
        {"fingerprint": fingerprint, "public_key": public, "previous_keys": older},
        f"{fingerprint}\n{note}{public}",
    )
