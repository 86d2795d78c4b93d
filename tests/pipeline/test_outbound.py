"""Outbound nights over the local transport: exactly the ISA, manifests that check out,
idempotent re-runs, crash recovery at each stage, missed nights, and per-partner failure."""

from __future__ import annotations

import csv
import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from asbhub.minimise.projection import view_columns
from asbhub.pipeline import feed_checks, outbound
from asbhub.pipeline.ingest import ingest_folder
from asbhub.pipeline.outbound import run_outbound
from asbhub.runtime import Hub
from asbhub.seed import write_extract
from asbhub.store.models import Delivery, Incident, LedgerEvent, Referral
from connectors import TransientTransportError
from tests.pipeline.conftest import NIGHT, add_quiet_nights


def disclosures(hub: Hub) -> int:
    with hub.store.session() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(LedgerEvent)
                .where(LedgerEvent.kind == "disclosure")
            )
            or 0
        )


def referrals_in(root: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for path in sorted((root / "inbox").glob("referrals-*")):
        if path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as fh:
                rows.extend(csv.DictReader(fh))
        else:
            rows.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return rows


def check_manifest(root: Path, night: date) -> dict[str, object]:
    manifest = json.loads((root / "inbox" / f"manifest-{night:%Y%m%d}.json").read_text())
    for entry in manifest["files"]:
        data = (root / "inbox" / entry["name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["name"]
        assert len(data) == entry["bytes"]
    return manifest


def test_a_night_delivers_exactly_each_partners_view(
    night_hub: tuple[Hub, dict[str, Path]],
) -> None:
    hub, roots = night_hub
    result = run_outbound(hub, night=NIGHT)
    assert result.ok, [p.reason for p in result.partners]
    with hub.store.session() as session:
        routed = dict(
            session.execute(
                select(Referral.partner_id, func.count()).group_by(Referral.partner_id)
            ).all()
        )
        assert (
            session.scalar(
                select(func.count()).select_from(Referral).where(Referral.status != "delivered")
            )
            == 0
        )
        # Only the incidents in districts none of these partners covers keep their detail:
        # they are held as unroutable until a partner file covers them.
        kept = set(
            session.scalars(select(Incident.routing_status).where(Incident.payload.is_not(None)))
        )
        assert kept == {"unroutable"}
    for partner in hub.partners:
        root = roots[partner.id]
        manifest = check_manifest(root, NIGHT)
        assert manifest["batch_id"] == f"B-{partner.id}-20261125"
        assert manifest["previous_batch_id"] is None
        rows = referrals_in(root)
        assert len(rows) == routed.get(partner.id, 0) == manifest["record_count"]
        for row in rows:
            assert set(row) == set(view_columns(partner)), "a field outside the ISA was delivered"
        if partner.kind == "housing_provider":
            assert all(row["incident_ref_token"] for row in rows)
    assert disclosures(hub) == sum(routed.values())


def test_running_the_night_again_sends_nothing_twice(
    night_hub: tuple[Hub, dict[str, Path]],
) -> None:
    hub, roots = night_hub
    run_outbound(hub, night=NIGHT)
    before = {
        pid: sorted(p.name for p in (root / "inbox").iterdir()) for pid, root in roots.items()
    }
    sent = disclosures(hub)
    again = run_outbound(hub, night=NIGHT)
    assert all(p.batches == [] for p in again.partners)
    after = {pid: sorted(p.name for p in (root / "inbox").iterdir()) for pid, root in roots.items()}
    assert before == after and disclosures(hub) == sent


class FailingTransport:
    """Wraps a real transport and fails the n-th put, as a dropped link would."""

    def __init__(self, inner, fail_on_put: int) -> None:  # type: ignore[no-untyped-def]
        self.inner, self.fail_on_put, self.puts = inner, fail_on_put, 0

    def __enter__(self):  # type: ignore[no-untyped-def]
        self.inner.__enter__()
        return self

    def __exit__(self, *exc):  # type: ignore[no-untyped-def]
        return self.inner.__exit__(*exc)

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        return getattr(self.inner, name)  # every other verb as the real transport does it

    def put(self, folder, name, source):  # type: ignore[no-untyped-def]
        self.puts += 1
        if self.puts == self.fail_on_put:
            raise TransientTransportError("link dropped (test)")
        return self.inner.put(folder, name, source)


@pytest.mark.parametrize("fail_on_put", [1, 2])
def test_a_crash_during_delivery_is_recovered_by_the_next_run(
    night_hub: tuple[Hub, dict[str, Path]], fail_on_put: int
) -> None:
    hub, roots = night_hub
    first = run_outbound(
        hub,
        ["chelmsford_council"],
        NIGHT,
        lambda p: FailingTransport(outbound.default_transport(p), fail_on_put),
    )
    assert first.partners[0].status == "failed_transport"
    assert disclosures(hub) == 0
    assert not (roots["chelmsford_council"] / "inbox" / "manifest-20261125.json").exists()
    second = run_outbound(hub, ["chelmsford_council"], NIGHT)
    assert second.partners[0].status == "delivered"
    manifest = check_manifest(roots["chelmsford_council"], NIGHT)
    assert disclosures(hub) == manifest["record_count"] > 0


def test_a_crash_after_delivery_before_recording_discloses_once(
    night_hub: tuple[Hub, dict[str, Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, roots = night_hub
    real = outbound._record_delivery

    def crash(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("process killed after the upload (test)")

    monkeypatch.setattr(outbound, "_record_delivery", crash)
    with pytest.raises(RuntimeError):
        run_outbound(hub, ["basildon_council"], NIGHT)
    monkeypatch.setattr(outbound, "_record_delivery", real)
    run_outbound(hub, ["basildon_council"], NIGHT)
    manifest = check_manifest(roots["basildon_council"], NIGHT)
    assert disclosures(hub) == manifest["record_count"]


def test_a_missed_night_arrives_with_the_next_in_order(
    night_hub: tuple[Hub, dict[str, Path]], tmp_path: Path
) -> None:
    hub, roots = night_hub
    first = run_outbound(
        hub,
        ["southend_council"],
        NIGHT,
        lambda p: FailingTransport(outbound.default_transport(p), 1),
    )
    assert first.partners[0].status == "failed_transport"
    write_extract(tmp_path / "landing2", 60, 6, date(2026, 11, 26), "csv")
    # Another night's extract; incident refs may overlap and are then recognised as known.
    ingest_folder(hub, tmp_path / "landing2")
    second = run_outbound(hub, ["southend_council"], date(2026, 11, 26))
    assert [b.batch_id for b in second.partners[0].batches] == [
        "B-southend_council-20261125",
        "B-southend_council-20261126",
    ]
    m1 = check_manifest(roots["southend_council"], NIGHT)
    m2 = check_manifest(roots["southend_council"], date(2026, 11, 26))
    assert m2["previous_batch_id"] == m1["batch_id"]


def test_a_failed_expectation_stops_only_that_partner(
    night_hub: tuple[Hub, dict[str, Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, roots = night_hub
    add_quiet_nights(hub.store, "chelmsford_council")
    monkeypatch.setattr(feed_checks, "MIN_ROW_CEILING", 1)
    result = run_outbound(hub, night=NIGHT)
    by_id = {p.partner_id: p for p in result.partners}
    failed = by_id["chelmsford_council"]
    assert failed.status == "failed_expectations"
    assert "expect_table_row_count_to_be_between" in (failed.reason or "")
    assert not (roots["chelmsford_council"] / "inbox" / "manifest-20261125.json").exists()
    assert all(p.status == "delivered" for pid, p in by_id.items() if pid != "chelmsford_council")
    with hub.store.session() as session:
        pending = session.scalar(
            select(func.count())
            .select_from(Referral)
            .where(Referral.partner_id == "chelmsford_council", Referral.status == "pending")
        )
    assert pending and pending > 1


def test_spreadsheet_formulas_are_neutralised_in_csv() -> None:
    from asbhub.pipeline.feed import neutralise

    for cell, expected in [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+44 7700 900123", "'+44 7700 900123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("", ""),
        ("2026-11-25", "2026-11-25"),
        ("a=b", "a=b"),
    ]:
        assert neutralise(cell) == expected


def test_a_batch_counts_as_acknowledged_once_the_partner_collects_it(
    night_hub: tuple[Hub, dict[str, Path]],
) -> None:
    hub, roots = night_hub
    run_outbound(hub, ["harbourside_living"], NIGHT)
    again = run_outbound(hub, ["harbourside_living"], NIGHT)
    assert again.partners[0].collected == []
    inbox = roots["harbourside_living"] / "inbox"
    for path in inbox.iterdir():  # the partner takes the batch
        path.unlink()
    later = run_outbound(hub, ["harbourside_living"], NIGHT)
    assert later.partners[0].collected == ["B-harbourside_living-20261125"]
    with hub.store.session() as session:
        delivery = session.scalars(select(Delivery)).one()
        assert delivery.acknowledged_at is not None


def test_a_person_can_be_found_by_the_token_a_partner_quotes(
    night_hub: tuple[Hub, dict[str, Path]],
) -> None:
    from asbhub.ledger import search

    hub, roots = night_hub
    run_outbound(hub, ["estuary_homes"], NIGHT)
    rows = referrals_in(roots["estuary_homes"])
    token = next(str(r["incident_ref_token"]) for r in rows if r.get("incident_ref_token"))
    with hub.store.session() as session:
        found = search(session, hub.ledger_key, token, by="test", why="token look-up test")
    assert [e.recipient for e in found.disclosures] == ["estuary_homes"]
