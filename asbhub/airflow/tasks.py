"""What the hub's DAG tasks run: build a hub, call one pipeline step, fail with the reason.

Pipeline modules are imported inside each callable: this module is imported when the DAG
processor parses `dags/`, and the pipeline pulls in presidio, spaCy, Great Expectations and the
transports' clients.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from airflow.sdk.exceptions import AirflowFailException, AirflowNotFoundException

from asbhub.errors import ConfigError, EnvironmentProblem
from asbhub.settings import resolve

if TYPE_CHECKING:
    from asbhub.pipeline.feed_checks import SetAsideRecord
    from asbhub.pipeline.inbound.run import PartnerInboundResult
    from asbhub.pipeline.ingest import IngestResult
    from asbhub.pipeline.outbound import BatchResult, PartnerOutboundResult
    from asbhub.runtime import Hub

LONDON = ZoneInfo("Europe/London")
log = logging.getLogger(__name__)
# Presidio logs "Loaded recognizer" at INFO for each narrative's recognizers of its own known
# values: thousands of lines a night in the task logs that tell a person nothing, each one a
# formatted write. Its warnings and errors still show.
QUIET_LOGGERS = ("presidio-analyzer",)


class DeliveryFailed(EnvironmentProblem):
    """A partner's feed could not be delivered this try; Airflow retries the task."""


class InboundFailed(EnvironmentProblem):
    """A partner's outcome files could not be collected this try; Airflow retries the task."""


def night_of(logical_date: datetime | None, run_after: datetime) -> date:
    """The night a run is for: its logical date in Europe/London.

    A run triggered by hand may have no logical date in Airflow 3; then the time it was
    asked to run stands in.
    """
    return (logical_date or run_after).astimezone(LONDON).date()


@contextmanager
def hub_for(config_dir: str, actor: str) -> Iterator[Hub]:
    """A hub over the DAG's partner files; home and store come from the worker's environment."""
    from asbhub.runtime import Hub

    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    hub = Hub(settings=resolve(config_dir=config_dir), actor=actor)
    try:
        yield hub
    finally:
        hub.close()


def ingest_landing(config_dir: str, actor: str) -> dict[str, Any]:
    """Ingest every extract in the landing area (HOME/landing, or the object-store prefix
    ASBHUB_LANDING_CONNECTION names); fail loudly when a file's rows do not add up."""
    from asbhub.pipeline.ingest import ingest_landing as ingest_configured_landing

    with hub_for(config_dir, actor) as hub:
        result = ingest_configured_landing(hub)
    check_ingest(result)
    return result.model_dump(mode="json")


def check_ingest(result: IngestResult) -> None:
    """Log each file; a file whose rows are not all loaded, known, changed or quarantined fails
    the run."""
    for f in result.files:
        log.info(
            "%s: %s, %d rows = %d loaded + %d known + %d changed + %d quarantined; %d referrals, "
            "%d not ASB; %d update(s), %d withdrawal(s) for the next feed%s",
            f.name,
            f.status,
            f.rows_in,
            f.loaded,
            f.already_known,
            f.changed,
            f.quarantined,
            f.referrals,
            f.not_asb,
            f.updates,
            f.withdrawals,
            f" ({f.reason})" if f.reason else "",
        )
        if f.escalations:
            log.warning(
                "%s: %d incident(s) escalated: partners act on them first", f.name, f.escalations
            )
        if f.quarantined or f.status == "quarantined":
            log.warning("%s: rows quarantined; see the quarantine report under HOME", f.name)
    unbalanced = [f.name for f in result.files if not f.balanced]
    if unbalanced:
        # Never retried: the same file gives the same counts, and a lost row needs a person.
        raise AirflowFailException(
            f"ingest counts do not add up (rows in != loaded + known + changed + quarantined) for: "
            f"{', '.join(unbalanced)}"
        )
    if not result.files:
        log.warning("no extracts in the landing folder")
    if result.rerouted:
        log.info("routed now (held earlier as unroutable): %s", ", ".join(result.rerouted))
    if result.unroutable:
        # Everything is loaded and committed; the held incidents need a person to fix a partner
        # file, so the run fails (without retries) where someone will see it.
        for held in result.unroutable:
            log.warning("unroutable: %s (%s): %s", held.incident_ref, held.district, held.reason)
        raise AirflowFailException(
            f"{len(result.unroutable)} ASB incident(s) referred to no partner, held until routed: "
            "add the district (or an alias) to the council's partner file, then run "
            "`asbhub ingest reroute`; `asbhub ingest unroutable` lists them"
        )


def stage_partner_night(
    partner_id: str, night: date, config_dir: str, actor: str
) -> dict[str, Any]:
    """The outbound DAG's first task: tonight's batch into the staging area. A batch-level
    problem does not fail this task (the check task fails with it, after the notices and
    withdrawals staged on their own are checked); returns the batch id and status only."""
    from asbhub.pipeline.outbound import stage_night

    with configured(partner_id), hub_for(config_dir, actor) as hub:
        result = stage_night(hub, hub.partner(partner_id), night)
    log_set_aside(partner_id, result.set_aside)
    log.info(
        "%s: night %s %s: batch %s, %d referral(s) taken up (%d set aside), %d notice(s), "
        "%d withdrawal(s)%s",
        partner_id,
        night,
        result.status,
        result.batch_id or "-",
        result.staged,
        len(result.set_aside),
        result.notices,
        result.withdrawals,
        f" ({result.reason})" if result.reason else "",
    )
    return {"batch_id": result.batch_id, "status": str(result.status), "reason": result.reason}


def check_partner_batches(
    partner_id: str, staged: dict[str, Any] | None, config_dir: str, actor: str
) -> dict[str, Any]:
    """The outbound DAG's second task: every batch waiting in staging read back against its
    manifest and the partner's ISA. Never retried (the same files fail the same way): a batch
    read back wrong, or referrals stopped at staging, fail it for a person to see."""
    from asbhub.pipeline.outbound import CheckStatus, StageStatus, check_staged

    with configured(partner_id), hub_for(config_dir, actor) as hub:
        result = check_staged(hub, hub.partner(partner_id))
    for problem in result.problems:
        log.error("%s: %s", partner_id, problem)
    if result.status != CheckStatus.PASSED:
        raise AirflowFailException(
            f"{partner_id}: {len(result.problems)} problem(s) in staged batch(es) "
            f"{', '.join(result.batches)}; they are not sent. " + "; ".join(result.problems[:5])
        )
    log.info("%s: staged batch(es) checked: %s", partner_id, ", ".join(result.batches) or "none")
    if staged and staged.get("status") == StageStatus.STOPPED:
        raise AirflowFailException(f"{partner_id}: staging stopped: {staged.get('reason')}")
    return {"batches": result.batches, "status": str(result.status)}


def deliver_partner_batches(
    partner_id: str, night: date, config_dir: str, actor: str
) -> dict[str, Any]:
    """The outbound DAG's last task: send what is staged. A transfer that fails is retried
    (DeliveryFailed); a batch that reads back wrong is never sent and fails at once."""
    from asbhub.pipeline.outbound import OutboundStatus, deliver_night

    with configured(partner_id), hub_for(config_dir, actor) as hub:
        result = deliver_night(hub, hub.partner(partner_id))
    log_batches(partner_id, result.batches)
    if not result.batches and result.status == OutboundStatus.DELIVERED:
        log.info("%s: nothing staged to deliver for %s", partner_id, night)
    message = f"{partner_id}: night {night}: {result.status}: {result.reason}"
    if result.status == OutboundStatus.FAILED_TRANSPORT:
        raise DeliveryFailed(message)
    if result.status != OutboundStatus.DELIVERED:
        raise AirflowFailException(message)
    return {"batches": [b.batch_id for b in result.batches], "status": str(result.status)}


def log_set_aside(partner_id: str, items: list[SetAsideRecord]) -> None:
    """The rest go; these wait for `asbhub outbound release`."""
    for item in items:
        log.warning(
            "%s: set aside %s (%s): %s", partner_id, item.referral_id, item.check, item.reason
        )


def log_batches(partner_id: str, batches: list[BatchResult]) -> None:
    for batch in batches:
        log.info(
            "%s: delivered %s (%d referrals, %d disposal notices): %s",
            partner_id,
            batch.batch_id,
            batch.referrals,
            batch.notices,
            ", ".join(batch.files),
        )


@contextmanager
def configured(partner_id: str) -> Iterator[None]:
    """A wrong partner file or a missing Airflow connection: retrying cannot fix either."""
    try:
        yield
    except (ConfigError, AirflowNotFoundException) as exc:
        raise AirflowFailException(f"{partner_id}: configuration problem: {exc}") from exc


def deliver_partner_night(
    partner_id: str, night: date, config_dir: str, actor: str
) -> dict[str, Any]:
    """One partner's whole night in one call (stage, check, deliver), as `asbhub outbound run`
    does it; anything but `delivered` fails. The DAG runs the three phases as three tasks."""
    from asbhub.pipeline.outbound import run_outbound

    with configured(partner_id), hub_for(config_dir, actor) as hub:
        result = run_outbound(hub, [partner_id], night)
    partner = result.partners[0]
    log_batches(partner_id, partner.batches)
    check_delivery(partner, night)
    return result.model_dump(mode="json")


def check_delivery(partner: PartnerOutboundResult, night: date) -> None:
    """Fail with the partner's reason; only a transport failure is worth Airflow's retries."""
    log_set_aside(partner.partner_id, partner.set_aside)
    if partner.status == "delivered":
        if not partner.batches:
            log.info("%s: nothing new to deliver for %s", partner.partner_id, night)
        return
    message = f"{partner.partner_id}: night {night}: {partner.status}: {partner.reason}"
    if partner.status == "failed_transport":
        raise DeliveryFailed(message)
    # failed_expectations or failed_check (the batch stays staged-or-pending and fails the same
    # way on a retry) and anything unforeseen need a person, not three identical tries.
    raise AirflowFailException(message)


def collect_partner_outcomes(partner_id: str, config_dir: str, actor: str) -> dict[str, Any]:
    """Fetch, validate and match the partner's outcome files; a transport failure is retried,
    rows that do not add up or a configuration problem fail at once."""
    from asbhub.pipeline.inbound.run import CountsDoNotAddUp, run_inbound

    try:
        with hub_for(config_dir, actor) as hub:
            result = run_inbound(hub, [partner_id])
    except (ConfigError, AirflowNotFoundException) as exc:
        raise AirflowFailException(f"{partner_id}: configuration problem: {exc}") from exc
    except CountsDoNotAddUp as exc:
        # A row lost between reading and loading needs a person, not three identical tries.
        raise AirflowFailException(f"{partner_id}: inbound counts do not add up: {exc}") from exc
    check_inbound(result.partners[0])
    return result.model_dump(mode="json")


def check_inbound(partner: PartnerInboundResult) -> None:
    """Log each file and alert; a transport failure fails the task so Airflow retries it."""
    for f in partner.files:
        log.info(
            "%s: %s, %d rows = %d loaded + %d quarantined%s",
            f.name,
            f.status,
            f.rows_in,
            f.rows_loaded,
            f.rows_quarantined,
            f" (rejected: {f.reason}; report {f.rejection_report})" if f.reason else "",
        )
    for alert in partner.alerts:
        log.warning("%s: %s", partner.partner_id, alert)
    if partner.status != "ok":
        raise InboundFailed(f"{partner.partner_id}: inbound {partner.status}: {partner.reason}")
    if not partner.failed_files:
        return
    named = "; ".join(
        f"{f.name}: {f.status} ({f.failure})"
        for f in partner.files
        if f.name in partner.failed_files
    )
    message = f"{partner.partner_id}: files the hub could not finish: {named}"
    if all(f.status == "not_fetched" for f in partner.files if f.name in partner.failed_files):
        raise InboundFailed(message)  # a transfer that failed is worth Airflow's retries
    # A file kept in quarantine as unprocessable needs a person; the other files are loaded.
    raise AirflowFailException(message)
