"""Alerts: what the hub tells a person when a run's result needs one, by email through Airflow's
SMTP connection. An alert carries references (partner, referral, batch, notice and file ids,
event numbers) and a short text built from them and from counts: never a name, an address, a
narrative or a note, so that it may go to a partner's team mailbox and the hub's operators.

Where alerts come from: a DAG task that failed after its last retry (asbhub.airflow.notifier,
each DAG's `on_failure_callback`), the thresholds in the store (asbhub.alerts.checks, run by
`asbhub alerts check` and the hourly `hub_alerts` DAG), and the lines `asbhub inbound run`
raises about partners' files (asbhub.alerts.checks.inbound_alerts).

This package imports nothing heavy at import time: DAG files import the notifier.
"""
