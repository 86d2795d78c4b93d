"""What the hub's DAG tasks run: build a hub, call one pipeline step, fail with the reason.

Pipeline modules are imported inside each callable: this module is imported when the DAG
processor parses `dags/`, and the pipeline pulls in presidio, spaCy, Great Expectations and the
transports' clients.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from airflow.sdk.exceptions import AirflowFailException, AirflowNotFoundException

from asbhub.errors import ConfigError, EnvironmentProblem
from asbhub.settings import options, resolve

if TYPE_CHECKING:
    from asbhub.pipeline.feed_checks import SetAsideRecord
    from asbhub.pipeline.inbound.fetch import FetchResult
    from asbhub.pipeline.inbound.report import ReportResult
    from asbhub.pipeline.inbound.status import InboundFileResult
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


def evaluate_case_review(config_dir: str, actor: str) -> dict[str, Any]:
    """police_ingest's second task: count the complaints in the window and open or extend ASB
    Case Review (Community Trigger) flags; each trigger opened is emailed to the operators and
    the partners concerned. Mail that cannot go fails the task without a retry (a retry would
    find the trigger open and tell no one): `asbhub casereview list` shows it."""
    from asbhub.alerts.checks import community_trigger_alerts
    from asbhub.alerts.mail import describe, send_alerts
    from asbhub.casereview.evaluate import evaluate
    from asbhub.errors import EnvironmentProblem

    with hub_for(config_dir, actor) as hub:
        result = evaluate(hub)
        alerts = community_trigger_alerts(hub, result)
        partners = hub.partners
    for change in result.changes:
        log.warning(
            "Community Trigger %s (%s) %s: %d complaint(s); added %s",
            change.trigger_id, change.kind, change.change, change.complaints,
            ", ".join(change.added),
        )  # fmt: skip
    log.info(
        "case review as of %s: %d qualifying complaint(s), %d trigger(s) open",
        result.as_of, result.qualifying, result.open_triggers,
    )  # fmt: skip
    if alerts:
        try:
            for line in describe(send_alerts(alerts, partners, options())):
                log.warning("%s", line)
        except EnvironmentProblem as exc:
            raise AirflowFailException(
                f"Community Trigger(s) {', '.join(c.trigger_id for c in result.opened)} opened "
                f"but not told: {exc}"
            ) from exc
    return {
        "opened": [c.trigger_id for c in result.opened],
        "extended": [c.trigger_id for c in result.extended],
        "open": result.open_triggers,
    }


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
    if staged and staged.get("status") in (StageStatus.STOPPED, StageStatus.FAILED):
        raise AirflowFailException(
            f"{partner_id}: staging {staged['status']}: {staged.get('reason')}"
        )
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


def deliver_partner_urgent(partner_id: str, config_dir: str, actor: str) -> dict[str, Any]:
    """The `urgent_referrals` DAG's task for one partner: an urgent batch staged, read back and
    sent when anything is urgent (nothing, and no connection, otherwise). A failed transfer is
    retried; a batch stopped by its checks or read back wrong fails at once."""
    from asbhub.pipeline.outbound import default_transport, run_partner, tonight

    with configured(partner_id), hub_for(config_dir, actor) as hub:
        night = tonight()
        result = run_partner(hub, hub.partner(partner_id), night, default_transport, urgent=True)
    log_batches(partner_id, result.batches)
    check_delivery(result, night)
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
            "%s: delivered %s (%d referrals, %d changes, %d disposal notices, %d Community "
            "Trigger flags): %s",
            partner_id,
            batch.batch_id,
            batch.referrals,
            batch.changes,
            batch.notices,
            batch.flags,
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


def fetch_partner_outcomes(
    partner_id: str,
    config_dir: str,
    actor: str,
    keep: Callable[[dict[str, list[int]]], None] | None = None,
) -> dict[str, list[int]]:
    """The inbound DAG's first task: every complete file in the partner's outbox into the hub
    (registered, original archived). Returns the ids of the files to load and to report on,
    handed to `keep` first (the task's XCom) so that the load and report tasks still get what
    was fetched when this task then fails: a partner's server gone, or a file not fetched, is
    retried; a file the hub could not take in needs a person."""
    from asbhub.pipeline.inbound.run import fetch_partner

    with configured(partner_id), hub_for(config_dir, actor) as hub:
        result = fetch_partner(hub, hub.partner(partner_id))
        tell(hub, partner_id, result.files)
    fetched = {"load": result.to_load, "report": result.file_ids}
    if keep is not None:
        keep(fetched)
    check_fetch(result)
    return fetched


def check_fetch(result: FetchResult) -> None:
    """Log what the fetch took; a partner's server gone, or a file not fetched, is worth
    Airflow's retries; a file the hub could not take in needs a person."""
    from asbhub.pipeline.inbound.status import NEEDS_A_PERSON, FileStatus, PartnerStatus

    partner_id = result.partner_id
    log_files(partner_id, result.files)
    if result.swept:
        log.info("%s: removed what a killed run left: %s", partner_id, ", ".join(result.swept))
    if result.still_writing:
        log.info("%s: still being written: %s", partner_id, ", ".join(result.still_writing))
    log.info(
        "%s: fetched %d file(s), %d of them seen before", partner_id, len(result.fetched),
        len(result.fetched) - len(result.to_load),
    )  # fmt: skip
    if result.status != PartnerStatus.OK:
        raise InboundFailed(f"{partner_id}: inbound {result.status}: {result.reason}")
    failed = [f for f in result.files if f.status in NEEDS_A_PERSON or f.failure]
    if failed:
        message = f"{partner_id}: files the hub could not take in: " + "; ".join(
            f"{f.name}: {f.status} ({f.failure})" for f in failed
        )
        if all(f.status == FileStatus.NOT_FETCHED for f in failed):
            raise InboundFailed(message)  # a transfer that failed is worth Airflow's retries
        raise AirflowFailException(message)


def load_partner_outcomes(
    partner_id: str, file_ids: list[int], config_dir: str, actor: str
) -> dict[str, list[int]]:
    """The inbound DAG's second task: load the fetched files from the hub's archive, no
    transport opened. Rows that do not add up, or a file the hub could not process, fail it
    for a person (never retried: the same file fails the same way); their reports still go."""
    from asbhub.pipeline.inbound.load import load_files
    from asbhub.pipeline.inbound.run import max_bytes_setting

    with configured(partner_id), hub_for(config_dir, actor) as hub:
        result = load_files(hub, hub.partner(partner_id), file_ids, max_bytes_setting())
        tell(hub, partner_id, result.files)
    check_load(partner_id, result.files)
    return {"files": [int(i) for i in file_ids]}


def check_load(partner_id: str, files: list[InboundFileResult]) -> None:
    """Log each file loaded; rows that do not add up, or a file the hub could not process,
    need a person."""
    from asbhub.pipeline.inbound.status import NEEDS_A_PERSON

    log_files(partner_id, files)
    unbalanced = [f.name for f in files if not f.balanced]
    if unbalanced:
        raise AirflowFailException(
            f"{partner_id}: inbound counts do not add up (rows in != loaded + quarantined) for: "
            + ", ".join(unbalanced)
        )
    failed = [f for f in files if f.status in NEEDS_A_PERSON or f.failure]
    if failed:
        raise AirflowFailException(
            f"{partner_id}: files the hub could not process (originals kept in quarantine, "
            "partner told): " + "; ".join(f"{f.name}: {f.status} ({f.failure})" for f in failed)
        )


def report_partner_outcomes(
    partner_id: str, file_ids: list[int], config_dir: str, actor: str
) -> dict[str, Any]:
    """The inbound DAG's last task: rejection reports to the partner's inbox and the ended
    files out of the outbox. A failed transfer is retried (InboundFailed)."""
    from asbhub.pipeline.inbound.run import report_partner

    with configured(partner_id), hub_for(config_dir, actor) as hub:
        result = report_partner(hub, hub.partner(partner_id), file_ids)
    check_report(result)
    return result.model_dump(mode="json", include={"reports", "tidied", "waiting"})


def check_report(result: ReportResult) -> None:
    """A failed transfer of a report, or of tidying the outbox, is retried."""
    from asbhub.pipeline.inbound.status import PartnerStatus

    partner_id = result.partner_id
    log.info(
        "%s: %d report(s) delivered, %d file(s) out of the outbox, %d still in progress",
        partner_id, len(result.reports), len(result.tidied), len(result.waiting),
    )  # fmt: skip
    if result.status != PartnerStatus.OK:
        raise InboundFailed(f"{partner_id}: inbound {result.status}: {result.reason}")
    if result.failures:
        raise InboundFailed(
            f"{partner_id}: reports or tidying failed for file(s) "
            + ", ".join(f"{pk} ({what})" for pk, what in result.failures.items())
        )


def collect_partner_outcomes(partner_id: str, config_dir: str, actor: str) -> dict[str, Any]:
    """A partner's three inbound phases in one call, as the DAG's tasks run them in turn: the
    reports go whatever the load said."""
    fetched = fetch_partner_outcomes(partner_id, config_dir, actor)
    try:
        load_partner_outcomes(partner_id, fetched["load"], config_dir, actor)
    finally:
        reported = report_partner_outcomes(partner_id, fetched["report"], config_dir, actor)
    return reported


def tell(hub: Hub, partner_id: str, files: list[InboundFileResult]) -> None:
    """Email the files' alerts (a quarantine rate over the ISA's, a file refused) to the
    partner's contact and the operators. Mail that cannot go is logged, and is not the task's
    failure: the files are loaded and the partner has its rejection reports."""
    from asbhub.alerts.checks import file_alerts
    from asbhub.alerts.mail import describe, send_alerts
    from asbhub.errors import EnvironmentProblem

    alerts = file_alerts(partner_id, files)
    if not alerts:
        return
    try:
        for line in describe(send_alerts(alerts, hub.partners, options())):
            log.warning("%s", line)
    except EnvironmentProblem as exc:
        log.error("%s: %d alert(s) not sent: %s", partner_id, len(alerts), exc)


def log_files(partner_id: str, files: list[InboundFileResult]) -> None:
    """Each file's account, and its alert."""
    for f in files:
        log.info(
            "%s: %s: %s, %d rows = %d loaded + %d quarantined%s",
            partner_id,
            f.name,
            f.status,
            f.rows_in,
            f.rows_loaded,
            f.rows_quarantined,
            f" (rejected: {f.reason}; report {f.rejection_report})" if f.reason else "",
        )
        if f.alert:
            log.warning("%s", f.alert)
