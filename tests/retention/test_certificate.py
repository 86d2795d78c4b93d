"""The certificate says what was disposed and by whose approval, proves it by keyed hash, and
reveals no reference or personal data; partner acknowledgements close notices."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from asbhub import ledger
from asbhub.errors import DataError
from asbhub.retention.certificate import (
    build_certificate,
    check_certificate_file,
    check_reference,
    render,
)
from asbhub.retention.notices import acknowledge, notice_status
from asbhub.store.engine import Store
from asbhub.store.models import DisposalNotice, DisposalRun, LedgerEvent
from tests.retention.test_disposal_run import _run_all
from tests.retention.world import DUE_REFERRALS, KEY, REFERRALS, World, build, rid

# Anything that names a record or a person in the synthetic world.
CLEAR = re.compile(r"R-[0-9A-F]{16}|INC-\d{6}|q-old\.csv|outcomes-2031|B-OLD|Northdale")


@pytest.fixture
def world(store: Store, tmp_path: Path) -> World:
    return build(store, tmp_path)


def test_the_certificate_has_the_facts_and_no_personal_data(world: World) -> None:
    run_id = _run_all(world)
    with world.store.session() as s:
        cert = build_certificate(s, run_id)
        head = ledger.head(s)
    assert cert.run_id == run_id and cert.schedule_version == "2026.1"
    assert cert.approved_by == "A. Information-Manager" and cert.approved_at is not None
    assert cert.verification_ok is True
    # the head at verification; the one event after it records the frozen certificate's digest
    assert cert.ledger_head is not None and cert.ledger_head["seq"] == head[0] - 1
    with world.store.session() as s:
        last = s.get(LedgerEvent, head[0])
        frozen = s.scalar(select(DisposalRun.certificate_sha256))
    assert last is not None and last.details["certificate_sha256"] == frozen
    standard = next(line for line in cert.classes if line.rule == "referral-standard")
    assert (standard.planned, standard.disposed, standard.period) == (3, 3, "6y")
    assert cert.notices == {"council-a": {"issued": 2, "sent": 0, "acknowledged": 0}}
    assert sorted(cert.disposed_hashes["referral"]) == sorted(
        KEY.reference_hash(r) for r in DUE_REFERRALS
    )
    for fmt in ("json", "csv", "html"):
        text = render(cert, fmt)  # type: ignore[arg-type]
        assert not CLEAR.search(text), (fmt, CLEAR.search(text))
        assert run_id in text and "A. Information-Manager" in text
        assert KEY.reference_hash(rid(1)) in text
    html = render(cert, "html")
    assert "@media print" in html and "passed" in html


def test_an_auditor_with_the_key_can_check_a_reference(world: World, tmp_path: Path) -> None:
    run_id = _run_all(world)
    with world.store.session() as s:
        assert check_reference(s, KEY, run_id, rid(1)).disposed
        assert check_reference(s, KEY, run_id, rid(1)).rule == "referral-standard"
        assert not check_reference(s, KEY, run_id, rid(2)).disposed
        cert = build_certificate(s, run_id)
    for fmt in ("json", "csv"):
        path = tmp_path / f"cert.{fmt}"
        path.write_text(render(cert, fmt))  # type: ignore[arg-type]
        assert check_certificate_file(path, KEY, rid(6)).disposed
        assert not check_certificate_file(path, KEY, rid(4)).disposed
        # without the key, the hashes reveal nothing: another key finds nothing
        other = ledger.load_key("some-other-key-0000000")
        assert not check_certificate_file(path, other, rid(6)).disposed


def test_a_failed_verification_shows_on_the_certificate(world: World) -> None:
    run_id = _run_all(world)
    (world.areas.staging / "B-OLD").mkdir()
    from asbhub.retention.verify import verify_run

    verify_run(world.store, run_id, world.areas, world.remote(), key=KEY)
    with world.store.session() as s:
        cert = build_certificate(s, run_id)
    assert cert.verification_ok is False and cert.survivors[0]["where"] == "staging area"
    assert "FAILED" in render(cert, "html")


def test_acks_close_notices_and_overdue_ones_are_listed(world: World) -> None:
    run_id = _run_all(world)
    with world.store.session() as s:
        notices = {n.referral_id: n.notice_id for n in s.scalars(select(DisposalNotice))}
        first = acknowledge(
            s, "council-a", notices[rid(1)], rid(1), datetime(2032, 6, 3, tzinfo=UTC)
        )
        again = acknowledge(
            s, "council-a", notices[rid(1)], rid(1), datetime(2032, 6, 4, tzinfo=UTC)
        )
    assert not first.already and again.already
    with pytest.raises(DataError, match="not issued to housing-b"), world.store.session() as s:
        acknowledge(s, "housing-b", notices[rid(6)], rid(6), datetime(2032, 6, 3, tzinfo=UTC))
    with pytest.raises(DataError, match="names referral"), world.store.session() as s:
        acknowledge(s, "council-a", notices[rid(6)], rid(2), datetime(2032, 6, 3, tzinfo=UTC))
    issued = date.today()
    with world.store.session() as s:
        soon = notice_status(s, as_of=issued)
        late = notice_status(s, as_of=date.fromordinal(issued.toordinal() + 29))
        strict = notice_status(
            s, as_of=date.fromordinal(issued.toordinal() + 8), partner_days={"council-a": 7}
        )
        cert = build_certificate(s, run_id)
    assert soon.overdue == [] and soon.by_partner["council-a"]["acknowledged"] == 1
    assert [o.notice_id for o in late.overdue] == [notices[rid(6)]]
    assert [o.notice_id for o in strict.overdue] == [notices[rid(6)]]
    assert cert.notices["council-a"]["acknowledged"] == 1
    assert len(REFERRALS) > 0
