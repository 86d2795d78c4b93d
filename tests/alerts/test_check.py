"""`asbhub alerts check` against a real SMTP server: what needs a person goes to the partner's
contact and the operators, with references only, and the command exits 1; all well, it sends
nothing and exits 0."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from asbhub.cli import app
from asbhub.ledger.verify import Verification
from asbhub.store.engine import Store
from asbhub.web.health import record_verification
from tests.alerts.conftest import (
    ACKER,
    COLLECTOR,
    CONTACT,
    OPERATORS,
    SENDER,
    AlertWorld,
    Mailbox,
    add_disposal_notice,
    add_high_risk_delivery,
    assert_no_personal_data,
)

runner = CliRunner()


def check(world: AlertWorld, *args: str) -> tuple[int, str]:
    ran = runner.invoke(app, world.cli_args("alerts", "check", *args), catch_exceptions=False)
    return ran.exit_code, ran.output


def test_an_uncollected_high_risk_referral_and_overdue_acks_each_reach_their_partner(
    world: AlertWorld, mailbox: Mailbox
) -> None:
    add_high_risk_delivery(world, hours_ago=30, collected=False)
    add_disposal_notice(world, days_ago=40, acknowledged=False)
    code, output = check(world, "--hours", "24")
    assert code == 1, output
    by_subject = {str(m.message["Subject"]): m for m in mailbox.received}
    assert set(by_subject) == {
        f"[ASB hub] high risk not collected: {COLLECTOR}",
        f"[ASB hub] disposal acks overdue: {ACKER}",
    }, output
    collect = by_subject[f"[ASB hub] high risk not collected: {COLLECTOR}"]
    assert collect.rcpt_tos == [CONTACT[COLLECTOR], OPERATORS]
    assert collect.mail_from == SENDER
    assert world.referral_id in collect.text and world.batch_id in collect.text
    acks = by_subject[f"[ASB hub] disposal acks overdue: {ACKER}"]
    assert acks.rcpt_tos == [CONTACT[ACKER], OPERATORS]
    assert world.notice_id in acks.text and "12 day(s) overdue" in acks.text
    assert_no_personal_data(mailbox.received, world.incident)
    assert f"sent high_risk_not_collected ({COLLECTOR}) to {CONTACT[COLLECTOR]}" in output


def test_all_well_sends_nothing_and_exits_0(world: AlertWorld, mailbox: Mailbox) -> None:
    add_high_risk_delivery(world, hours_ago=30, collected=True)  # the inbox is empty: taken
    add_disposal_notice(world, days_ago=40, acknowledged=True)
    code, output = check(world)
    assert (code, mailbox.received) == (0, []), output
    assert "no alerts" in output


def test_a_batch_younger_than_the_hours_given_is_not_yet_an_alert(
    world: AlertWorld, mailbox: Mailbox
) -> None:
    add_high_risk_delivery(world, hours_ago=5, collected=False)
    assert check(world, "--hours", "6")[0] == 0
    assert mailbox.received == []
    code, _ = check(world, "--hours", "4")
    assert code == 1 and len(mailbox.received) == 1


def test_a_failed_ledger_verification_goes_to_the_operators_alone(
    world: AlertWorld, mailbox: Mailbox
) -> None:
    store = Store(world.database_url)
    broken = Verification(
        ok=False,
        events_checked=41,
        first_bad_seq=42,
        problem="event 42's content does not match its hash: it was edited",
    )
    with store.session() as session:
        record_verification(session, broken, "an information manager")
    store.dispose()
    assert check(world)[0] == 1
    (mail,) = mailbox.received
    assert mail.rcpt_tos == [OPERATORS]
    assert str(mail.message["Subject"]) == "[ASB hub] ledger verification failed: hub"
    # who ran the check is a member of staff: not in the message
    assert "broken at event 42" in mail.text and "an information manager" not in mail.text


def test_with_no_mail_server_the_alerts_are_shown_and_said_not_sent(
    world: AlertWorld, mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AIRFLOW_CONN_SMTP_DEFAULT")
    add_disposal_notice(world, days_ago=40, acknowledged=False)
    ran = runner.invoke(app, world.cli_args("--json", "alerts", "check"), catch_exceptions=False)
    assert ran.exit_code == 1
    data = json.loads(ran.stdout)
    assert [a["kind"] for a in data["alerts"]] == ["disposal_acks_overdue"]
    assert data["sent"] == [] and "no mail server" in data["not_sent"][0]
    assert mailbox.received == []
