"""The hub's Airflow notifier: a DAG task that failed after its last retry becomes an alert to
the operators and, on a partner's DAG, to the partner's alerts contact.

Every hub DAG lists it in `on_failure_callback` (asbhub.airflow.factory's DEFAULT_ARGS, the
retention and alerts DAGs' default arguments). Airflow calls it once a task has failed for good,
not on the tries it retries. Imported by DAG files at parse time: it imports the rest of the
hub only when a task has failed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from airflow.sdk import BaseNotifier

from asbhub.airflow.watch import WATCHER

if TYPE_CHECKING:
    from asbhub.alerts.model import Alert


class TaskFailed(BaseNotifier):
    """Sends one alert naming DAG, task, run, partner and the failure's reason."""

    def __init__(self, partner_id: str | None = None, config_dir: str | None = None) -> None:
        super().__init__()
        self.partner_id = partner_id
        self.config_dir = config_dir

    def notify(self, context: Any) -> None:
        from asbhub.alerts.mail import send_alerts
        from asbhub.partners import load_partners
        from asbhub.settings import options, resolve

        alert = failure_alert(context, self.partner_id)
        if alert is None:
            return
        settings = resolve(config_dir=self.config_dir)
        partners = load_partners(settings.partners_dir) if self.partner_id else []
        report = send_alerts([alert], partners, options())
        for sent in report.sent:
            self.log.info("alert %s sent to %s", sent.kind, ", ".join(sent.to))
        for reason in report.not_sent:
            self.log.warning("alert not sent: %s", reason)


def failure_alert(context: Any, partner_id: str | None) -> Alert | None:
    """The alert for a failed task (None for the watcher). The reason is the hub's own message
    when the hub raised it (written from references and counts); anything else is named by its
    type only, since a library's message may quote a value from a record."""
    from asbhub.airflow.tasks import DeliveryFailed
    from asbhub.alerts.checks import shorten
    from asbhub.alerts.model import Alert, AlertKind

    ti = context.get("ti") or context.get("task_instance")
    if ti is None or ti.task_id == WATCHER:
        return None  # the watcher fails a run for a step whose own alert has gone
    tries = int(getattr(ti, "try_number", 0) or 0)
    exc = context.get("exception")
    return Alert(
        kind=AlertKind.DELIVERY_FAILED
        if isinstance(exc, DeliveryFailed)
        else AlertKind.TASK_FAILED,
        partner_id=partner_id,
        references=(ti.dag_id, ti.task_id, ti.run_id),
        text=shorten(
            f"{ti.dag_id}: task {ti.task_id} failed"
            + (f" after {tries} tr{'y' if tries == 1 else 'ies'}" if tries else "")
            + f" in run {ti.run_id}"
            + (f" for partner {partner_id}" if partner_id else "")
            + f": {failure_reason(exc)}"
        ),
    )


def failure_reason(exc: BaseException | str | None) -> str:
    """What to tell a person about a failure without quoting any record."""
    from airflow.sdk.exceptions import AirflowFailException

    from asbhub.errors import HubError

    if exc is None:
        return "no exception was recorded (killed, or timed out): see the task's log"
    if isinstance(exc, AirflowFailException | HubError):
        return str(exc) or type(exc).__name__
    if isinstance(exc, str):
        return "Airflow ended the task without an exception: see the task's log"
    return (
        f"{type(exc).__name__} (its message is left out: it may quote a record; see the task's log)"
    )
