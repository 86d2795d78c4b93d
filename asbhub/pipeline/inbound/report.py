"""Inbound, last phase: tell the partner and tidy the outbox.

For every file the fetch phase took, once it has ended (loaded, partly loaded, rejected or
failed; or seen before): its rejection report, when it has one, goes to the partner's inbox
from the hub's reports area, and the file leaves the outbox (moved to `processed`, or deleted
when the partner's file says so). A file still in progress (its load stopped part-way) stays
in the outbox, and the next run resumes it.

A report delivered but not recorded as such is simply delivered again by a later run: partners
receive the same report (same name, same bytes) twice rather than never. A transfer failure is
probed with a fresh listing: when the partner's server is gone, this partner's phase stops
and says `failed_transport`; a failure on one file is named and the others go on.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from pydantic import BaseModel

from asbhub.partners import PartnerConfig
from asbhub.pipeline.inbound.files import put_report, reports_folder, tidy_outbox
from asbhub.pipeline.inbound.status import FileStatus, PartnerStatus
from asbhub.runtime import Hub
from asbhub.storage import AreaFileMissing
from asbhub.store.models import InboundFile
from connectors import Transport, TransportError

log = logging.getLogger(__name__)


class ReportResult(BaseModel):
    partner_id: str
    status: PartnerStatus = PartnerStatus.OK
    reports: list[str] = []  # delivered to the partner's inbox this run
    tidied: list[int] = []  # files that left the outbox
    waiting: list[int] = []  # not ended yet: left in the outbox for the next run
    failures: dict[int, str] = {}  # file id -> what went wrong after the file had ended
    reason: str | None = None


def report_files(
    hub: Hub, partner: PartnerConfig, transport: Transport, file_ids: Sequence[int]
) -> ReportResult:
    result = ReportResult(partner_id=partner.id)
    try:
        for file_pk in file_ids:
            with hub.store.session() as session:
                record = session.get(InboundFile, file_pk)
                if record is None or record.partner_id != partner.id:
                    raise LookupError(f"{partner.id}: no inbound file {file_pk} from this partner")
                name, status, report = record.name, record.status, record.rejection_report
            if status == FileStatus.IN_PROGRESS:
                result.waiting.append(file_pk)
                continue
            try:
                if report and deliver_report(hub, partner, transport, report):
                    result.reports.append(report)
                tidy_outbox(partner, transport, name)
                result.tidied.append(file_pk)
            except TransportError as exc:
                transport.survey("outbox")  # the server gone: stops this partner's phase
                result.failures[file_pk] = f"after processing: {type(exc).__name__}"
            except Exception as exc:
                log.exception("%s: %s: report or tidy failed", partner.id, name)
                result.failures[file_pk] = f"after processing: {type(exc).__name__}"
    except TransportError as exc:
        result.status, result.reason = PartnerStatus.FAILED_TRANSPORT, str(exc)
    return result


def deliver_report(hub: Hub, partner: PartnerConfig, transport: Transport, report: str) -> bool:
    """Put a kept report in the partner's inbox; False when retention has disposed of it."""
    try:
        kept = hub.areas.fetch(reports_folder(hub, partner) / report)
    except AreaFileMissing:
        return False
    put_report(hub, partner, transport, kept)
    return True
