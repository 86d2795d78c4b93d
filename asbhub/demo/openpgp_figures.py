"""The demo's OpenPGP partner: its batches as the store recorded them (every file encrypted to
its key), what the simulated partner decrypted with the hub's signature checked and sent back
sealed, and how the hub took those files (decrypted, the partner's signature checked)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from asbhub.demo.figures import store_session
from asbhub.demo.simulator import PartnerReply
from asbhub.openpgp import plain_name
from asbhub.partners import PartnerConfig
from asbhub.store.models import Delivery, InboundFile


@dataclass(frozen=True)
class OpenPgpFigures:
    partner_id: str | None  # None: no partner of the demo receives OpenPGP
    batches: int = 0  # delivered to it
    batches_encrypted: int = 0  # every file of the batch encrypted to its key
    opened: int = 0  # files the partner decrypted, the hub's signature good
    sealed: int = 0  # files it sent encrypted to the hub and signed
    loaded: int = 0  # of those, loaded (or partly) by the hub after its own checks
    refused: int = 0  # of those, refused (decryption or signature)

    @property
    def ok(self) -> bool:
        return self.partner_id is None or (
            self.batches_encrypted == self.batches > 0
            and self.opened > 0
            and self.sealed > 0
            and self.loaded > 0
        )


def openpgp_figures(
    hub_url: str, partners: Sequence[PartnerConfig], replies: Sequence[PartnerReply]
) -> OpenPgpFigures:
    partner = next((p for p in partners if p.openpgp is not None), None)
    if partner is None:
        return OpenPgpFigures(partner_id=None)
    with store_session(hub_url) as session:
        files = list(
            session.scalars(
                select(Delivery.files).where(
                    Delivery.partner_id == partner.id, Delivery.status == "delivered"
                )
            )
        )
        inbound = list(
            session.execute(
                select(InboundFile.name, InboundFile.status).where(
                    InboundFile.partner_id == partner.id
                )
            )
        )
    sealed_in = [(name, status) for name, status in inbound if plain_name(name)]
    ours = [r for r in replies if r.partner_id == partner.id]
    return OpenPgpFigures(
        partner_id=partner.id,
        batches=len(files),
        batches_encrypted=sum(
            1 for batch in files if batch and all(f.get("encrypted") for f in batch)
        ),
        opened=sum(r.opened for r in ours),
        sealed=sum(r.sealed for r in ours),
        loaded=sum(1 for _, status in sealed_in if status in {"loaded", "partially_loaded"}),
        refused=sum(1 for _, status in sealed_in if status == "rejected"),
    )


def openpgp_lines(figures: OpenPgpFigures) -> list[list[str]]:
    header = [
        "partner",
        "batches delivered",
        "every file encrypted",
        "files it opened (hub's signature good)",
        "files it sent sealed",
        "loaded by the hub",
        "refused",
    ]
    if figures.partner_id is None:
        return [header]
    return [
        header,
        [
            figures.partner_id,
            str(figures.batches),
            str(figures.batches_encrypted),
            str(figures.opened),
            str(figures.sealed),
            str(figures.loaded),
            str(figures.refused),
        ],
    ]


def openpgp_note(figures: OpenPgpFigures) -> str:
    if figures.partner_id is None:
        return "No partner of this demo receives OpenPGP."
    return (
        "Read from the store (the manifests' encrypted entries, the inbound files) and from the "
        "simulated partner's own GnuPG, which refuses a file whose signature is not the hub's. "
        "The first night, before the retention run disposes of it."
    )
