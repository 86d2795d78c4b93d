"""Inbound: fetch what partners send back (outcomes, disposal acks), validate, quarantine what
is wrong, load and match the rest, report rejections to the partner, and tidy the outbox.

File naming (also in the partner guide). Partners put files in their *outbox*:

* ``outcomes-<anything>.csv`` or ``.jsonl`` (``.ndjson``): outcome/1.0 rows;
* ``disposal-acks-<anything>.csv`` or ``.jsonl``: disposal-ack/1.0 rows.

A file without either prefix is read by its header (``outcome_id`` or ``notice_id``) and
rejected when that does not tell. Names with path separators, ``..`` or control characters are
never read: they are reported. A file is known by name and SHA-256: the same file sent again is
recognised and not loaded twice; a changed file under a name already used is loaded as new and
flagged. For every file with problems, ``rejection-<stem>-<sha8>.json`` (rejection-report/1.0)
goes to the partner's inbox. Processed files move to the partner's processed folder (or are
deleted when the transport says ``after_fetch: delete``); the hub archives the original under
HOME/archive/<partner>/ for the retention schedule ("inbound originals").

A night is three phases, each a task in the partner's inbound DAG and one call here
(`run_partner`): *fetch* (asbhub.pipeline.inbound.fetch) takes every complete file into the
hub, registered and archived; *load* (asbhub.pipeline.inbound.load) validates and loads each
from the archive, with no transport; *report* (asbhub.pipeline.inbound.report) delivers the
rejection reports and tidies the outbox.

What is taken (asbhub.pipeline.inbound.outbox): only complete files (stable across two
listings, or renamed by the partner) within the size limit; unsafe names, special files,
symlinks out of the folder and files over the limit are reported once and left where they are.

No file stops a run (asbhub.pipeline.inbound.failures): a failed transfer leaves the file in the
outbox, named in the result; any other failure keeps the original in quarantine, records the
file as failed, tells the partner and tidies the outbox. The run goes on and ends non-zero.

Crash safety: each chunk of rows commits with its quarantine entries and ledger events; a file
leaves the outbox only once it has ended, so a re-run fetches a file whose load stopped and
resumes it part-way through (lines already done are counted, not redone), re-delivers a report
whose delivery may not have happened, and sweeps what a killed run left on the hub's disk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from pydantic import BaseModel, computed_field

from asbhub.partners import PartnerConfig
from asbhub.pipeline.inbound.fetch import FetchResult, fetch_outbox
from asbhub.pipeline.inbound.load import load_files
from asbhub.pipeline.inbound.report import ReportResult, report_files
from asbhub.pipeline.inbound.status import (
    NEEDS_A_PERSON,
    FileStatus,
    InboundFileResult,
    PartnerStatus,
    file_result,
)
from asbhub.records import DEFAULT_MAX_BYTES
from asbhub.runtime import Hub
from asbhub.settings import options
from connectors import Transport, TransportError, open_transport

log = logging.getLogger(__name__)
TransportFactory = Callable[[PartnerConfig], Transport]


class CountsDoNotAddUp(AssertionError):
    """A file's rows in differ from rows loaded plus rows quarantined: a row was lost."""


class PartnerInboundResult(BaseModel):
    partner_id: str
    status: PartnerStatus = PartnerStatus.OK
    files: list[InboundFileResult] = []
    still_writing: list[str] = []  # names not yet complete: taken by a later run
    swept: list[str] = []  # what a killed earlier run left on the hub's disk, now removed
    alerts: list[str] = []
    reason: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def failed_files(self) -> list[str]:
        """Files the hub (not the partner) could not finish: each needs a person."""
        return [f.name for f in self.files if f.status in NEEDS_A_PERSON or f.failure]


class InboundResult(BaseModel):
    partners: list[PartnerInboundResult] = []

    @property
    def ok(self) -> bool:
        return all(p.status == PartnerStatus.OK and not p.failed_files for p in self.partners)

    @property
    def alerts(self) -> list[str]:
        return [alert for p in self.partners for alert in p.alerts]


def default_transport(partner: PartnerConfig) -> Transport:
    return open_transport(partner.transport)


def max_bytes_setting() -> int:
    """The size limit for one inbound file: $ASBHUB_INBOUND_MAX_BYTES, else 100 MB."""
    return options().inbound_max_bytes or DEFAULT_MAX_BYTES


def settle_setting() -> float | None:
    """A run-wide override of each partner's `settle_seconds` ($ASBHUB_INBOUND_SETTLE_SECONDS)."""
    return options().inbound_settle_seconds


def run_inbound(
    hub: Hub,
    partner_ids: Sequence[str] | None = None,
    transport_factory: TransportFactory = default_transport,
    max_bytes: int | None = None,
    settle_seconds: float | None = None,
) -> InboundResult:
    """Collect every partner's outbox (all partners when None); one failing stops no other, and
    one file failing stops no other file.

    Raises CountsDoNotAddUp when any file's rows in differ from loaded plus quarantined.
    """
    partners = hub.partners if partner_ids is None else [hub.partner(p) for p in partner_ids]
    limit = max_bytes or max_bytes_setting()
    settle = settle_seconds if settle_seconds is not None else settle_setting()
    result = InboundResult()
    for partner in partners:
        result.partners.append(run_partner(hub, partner, transport_factory, limit, settle))
    check_accounting(result)
    return result


def check_accounting(result: InboundResult) -> None:
    wrong = [
        f"{p.partner_id}/{f.name}: {f.rows_in} in, {f.rows_loaded} loaded, "
        f"{f.rows_quarantined} quarantined"
        for p in result.partners
        for f in p.files
        if not f.balanced
    ]
    if wrong:
        raise CountsDoNotAddUp("inbound counts do not add up: " + "; ".join(wrong))


def run_partner(
    hub: Hub,
    partner: PartnerConfig,
    transport_factory: TransportFactory,
    max_bytes: int,
    settle_seconds: float | None = None,
) -> PartnerInboundResult:
    """One partner's three phases in one call, over one connection: fetch, load, report. The
    DAG runs them as three tasks (asbhub.airflow.factory)."""
    try:
        with transport_factory(partner) as transport:
            fetched = fetch_outbox(hub, partner, transport, max_bytes, settle_seconds)
            loaded = load_files(hub, partner, fetched.to_load, max_bytes).files
            reported = None
            if fetched.status == PartnerStatus.OK:
                reported = report_files(hub, partner, transport, fetched.file_ids)
    except TransportError as exc:  # the connection could not be opened (or closed)
        return PartnerInboundResult(
            partner_id=partner.id, status=PartnerStatus.FAILED_TRANSPORT, reason=str(exc)
        )
    return partner_result(hub, fetched, loaded, reported)


def fetch_partner(
    hub: Hub,
    partner: PartnerConfig,
    transport_factory: TransportFactory = default_transport,
    max_bytes: int | None = None,
    settle_seconds: float | None = None,
) -> FetchResult:
    """The fetch phase on its own connection (the DAG's `fetch` task)."""
    settle = settle_seconds if settle_seconds is not None else settle_setting()
    try:
        with transport_factory(partner) as transport:
            return fetch_outbox(hub, partner, transport, max_bytes or max_bytes_setting(), settle)
    except TransportError as exc:
        return FetchResult(
            partner_id=partner.id, status=PartnerStatus.FAILED_TRANSPORT, reason=str(exc)
        )


def report_partner(
    hub: Hub,
    partner: PartnerConfig,
    file_ids: Sequence[int],
    transport_factory: TransportFactory = default_transport,
) -> ReportResult:
    """The report phase on its own connection (the DAG's `report` task); none is opened when
    no file was fetched."""
    if not file_ids:
        return ReportResult(partner_id=partner.id)
    try:
        with transport_factory(partner) as transport:
            return report_files(hub, partner, transport, file_ids)
    except TransportError as exc:
        return ReportResult(
            partner_id=partner.id, status=PartnerStatus.FAILED_TRANSPORT, reason=str(exc)
        )


def partner_result(
    hub: Hub,
    fetched: FetchResult,
    loaded: list[InboundFileResult],
    reported: ReportResult | None,
) -> PartnerInboundResult:
    """The three phases' results as one account of the partner's files, in the order taken."""
    outcome = PartnerInboundResult(
        partner_id=fetched.partner_id,
        status=fetched.status,
        files=list(fetched.files),
        still_writing=fetched.still_writing,
        swept=fetched.swept,
        reason=fetched.reason,
    )
    by_id = dict(zip(fetched.to_load, loaded, strict=True))
    for f in fetched.fetched:
        if f.seen_again:
            outcome.files.append(file_result(hub, f.file_pk, status=FileStatus.ALREADY_RECEIVED))
        else:
            outcome.files.append(by_id[f.file_pk])
        if reported is not None and f.file_pk in reported.failures:
            outcome.files[-1].failure = reported.failures[f.file_pk]
    if reported is not None and reported.status != PartnerStatus.OK:
        outcome.status, outcome.reason = reported.status, reported.reason
    outcome.alerts = [f.alert for f in outcome.files if f.alert]
    return outcome
