"""The audit view in a real headless Chromium, over a seeded night and a verified disposal run."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from playwright.sync_api import Browser, Page, expect, sync_playwright
from sqlalchemy import select, text
from typer.testing import CliRunner

from asbhub.cli import app as cli_app
from asbhub.retention.plan import plan_disposal
from asbhub.retention.service import retention_context
from asbhub.store.engine import Store
from asbhub.store.models import LedgerEvent
from asbhub.web.app import standalone_app
from tests.web.conftest import AUDIT_ROLE, AUDITOR, live_server, users_env
from tests.web.world import APPROVER, AS_OF, WebWorld, age_notice, build_world

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AIRFLOW_URL = "http://airflow.example:8080"
WHY = "SAR 2026/0142: synthetic subject access request"


@dataclass
class Site:
    world: WebWorld
    url: str
    pending_run: str


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with pytest.MonkeyPatch.context() as mp:
        world = build_world(tmp_path_factory.mktemp("web-world"), mp)
        with retention_context(world.settings) as rc, rc.store.session() as s:
            pending = plan_disposal(s, rc.schedule(), rc.key, AS_OF, planned_by="test").run_id
        mp.setenv("ASBHUB_WEB_USERS", users_env())
        mp.setenv("ASBHUB_AUDIT_ROLE", AUDIT_ROLE)
        mp.setenv("ASBHUB_AIRFLOW_URL", AIRFLOW_URL)
        web = standalone_app(world.settings)
        with live_server(web) as url:
            yield Site(world, url, pending)
        web.state.web.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make debs` installs Debian's chromium package")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, site: Site) -> Iterator[Page]:
    context = browser.new_context(
        http_credentials={"username": AUDITOR[0], "password": AUDITOR[1]},
        accept_downloads=True,
        base_url=site.url,
    )
    tab = context.new_page()
    yield tab
    context.close()


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def ledger_rows(site: Site, **where: str) -> list[LedgerEvent]:
    store = Store(site.world.settings.database_url)
    try:
        with store.session() as s:
            query = select(LedgerEvent).filter_by(**where).order_by(LedgerEvent.seq)
            return list(s.scalars(query))
    finally:
        store.dispose()


def test_the_run_list_shows_the_run_and_links_a_pending_one_to_its_approval(
    page: Page, site: Site
) -> None:
    page.goto("/")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=site.world.run_id))
    expect(row).to_contain_text("Verified")
    expect(row).to_contain_text(APPROVER)
    expect(row).to_contain_text(re.compile(r"referral: \d+ / \d+"))
    pending = page.get_by_role("row").filter(has_text=site.pending_run)
    expect(pending).to_contain_text("awaiting approval")
    link = pending.get_by_role("link", name=re.compile("Approve in Airflow"))
    expect(link).to_have_attribute(
        "href", f"{AIRFLOW_URL}/dags/retention_disposal/required_actions"
    )
    # Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    shot(page, "01-disposal-runs")


def test_the_certificate_downloads_are_the_bytes_the_cli_writes(
    page: Page, site: Site, tmp_path: Path
) -> None:
    page.goto("/")
    page.get_by_role("link", name=site.world.run_id).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Disposal run {site.world.run_id}")
    expect(page.locator("dl.facts")).to_contain_text(APPROVER)
    shot(page, "02-run-certificate")
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation")).to_be_hidden()
    shot(page, "03-run-certificate-print")
    page.emulate_media(media="screen")
    settings = site.world.settings
    for fmt in ("html", "csv", "json"):
        with page.expect_download() as download:
            page.get_by_role("link", name=re.compile(f"Certificate as {fmt.upper()}")).click()
        assert download.value.suggested_filename == f"{site.world.run_id}.{fmt}"
        got = Path(download.value.path()).read_bytes()
        out = tmp_path / f"cli.{fmt}"
        result = CliRunner().invoke(
            cli_app,
            [
                "--config-dir",
                str(settings.config_dir),
                "--home",
                str(settings.home),
                "disposal",
                "report",
                site.world.run_id,
                "--format",
                fmt,
                "--out",
                str(out),
            ],
            env={"ASBHUB_DATABASE_URL": settings.database_url},
        )
        assert result.exit_code == 0, result.output
        assert got == out.read_bytes(), fmt


def test_a_reference_look_up_shows_disclosures_and_disposal_and_is_logged(
    page: Page, site: Site
) -> None:
    world = site.world
    before = len(ledger_rows(site, kind="consultation"))
    page.goto("/")
    page.get_by_role("link", name="Check a reference").click()
    page.get_by_label("Reference").fill(world.disposed_referral)
    page.get_by_label("Why you are looking").fill(WHY)
    page.get_by_role("button", name="Check").click()
    answer = page.get_by_role("region", name=world.disposed_referral)
    expect(answer).to_be_visible()
    assert (
        not page.url.endswith(world.disposed_referral) and world.disposed_referral not in page.url
    )
    disclosures = answer.get_by_role("table", name=re.compile("Disclosures"))
    expect(disclosures).to_contain_text(world.partner_of_disposed)
    expect(disclosures).to_contain_text("ISA")
    disposal = answer.get_by_role("table", name=re.compile("Disposal of"))
    expect(disposal.get_by_role("link", name=world.run_id)).to_be_visible()
    expect(
        answer.get_by_role("table", name="Partners told to delete their copies")
    ).to_contain_text(world.partner_of_disposed)
    shot(page, "04-reference-look-up")
    consultations = ledger_rows(site, kind="consultation")
    assert len(consultations) == before + 1
    assert (consultations[-1].actor, consultations[-1].justification) == (AUDITOR[0], WHY)
    expect(answer).to_contain_text(f"event {consultations[-1].seq}")
    # The certificate link from the answer leads to the run that disposed of it.
    disposal.get_by_role("link", name=world.run_id).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(world.run_id)


def test_the_look_up_form_posts_with_our_origin_and_a_hostile_page_gets_nothing(
    page: Page, site: Site
) -> None:
    """The origin check lets the view's own form through (the browser names our origin) and
    refuses the same form on another site's page, which cannot frame the view either."""
    before = len(ledger_rows(site, kind="consultation"))
    page.goto("/lookup")
    page.get_by_label("Reference").fill(site.world.kept_referral)
    page.get_by_label("Why you are looking").fill(WHY)
    with page.expect_request(lambda r: r.method == "POST") as posted:
        page.get_by_role("button", name="Check").click()
    assert posted.value.headers.get("origin") == site.url
    expect(page.get_by_role("region", name=site.world.kept_referral)).to_be_visible()
    assert len(ledger_rows(site, kind="consultation")) == before + 1

    hostile = FastAPI()
    form = (
        f'<form method="post" action="{site.url}/lookup">'
        f'<input type="hidden" name="reference" value="{site.world.disposed_referral}">'
        '<input type="hidden" name="justification" value="just curious">'
        '<button type="submit">Win a prize</button></form>'
        f'<iframe title="framed audit view" src="{site.url}/"></iframe>'
    )
    hostile.get("/", response_class=HTMLResponse)(lambda: form)
    with live_server(hostile) as elsewhere:
        assert elsewhere != site.url
        page.goto(elsewhere)
        framed = page.frame_locator("iframe").locator("body")
        expect(framed).not_to_contain_text("Disposal runs")
        with page.expect_response(f"{site.url}/lookup") as answer:
            page.get_by_role("button", name="Win a prize").click()
        assert answer.value.status == 403
        expect(page.get_by_role("heading", level=1)).to_have_text("Not allowed")
        shot(page, "08-cross-site-form-refused")
    assert len(ledger_rows(site, kind="consultation")) == before + 1


def test_a_look_up_without_a_justification_says_what_is_missing(page: Page, site: Site) -> None:
    before = len(ledger_rows(site, kind="consultation"))
    page.goto("/lookup")
    page.get_by_label("Reference").fill(site.world.kept_referral)
    page.get_by_label("Reference").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Enter why you are looking")
    shot(page, "05-look-up-error")
    assert len(ledger_rows(site, kind="consultation")) == before


def test_overdue_partner_acknowledgements_are_reported(page: Page, site: Site) -> None:
    world = site.world
    age_notice(world.settings, world.disposed_referral, datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    page.goto("/")
    page.get_by_role("link", name="Partner acknowledgements").click()
    row = page.get_by_role("row").filter(has_text=world.partner_of_disposed)
    expect(row).to_contain_text(re.compile(r"\d+ days past its deadline"))
    shot(page, "06-partner-acknowledgements")


def test_a_tampered_ledger_shows_as_failed(page: Page, site: Site) -> None:
    store = Store(site.world.settings.database_url)
    victim = ledger_rows(site, kind="disclosure")[3]
    try:
        page.goto("/ledger")
        page.get_by_role("button", name="Verify the ledger now").click()
        expect(page.get_by_role("status")).to_contain_text("Ledger intact")
        with store.engine.begin() as conn:
            conn.execute(
                text("UPDATE ledger_events SET recipient = 'someone_else' WHERE seq = :s"),
                {"s": victim.seq},
            )
        page.get_by_role("button", name="Verify the ledger now").click()
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text(f"FAILED at event {victim.seq}")
        expect(alert).to_contain_text("edited")
        shot(page, "07-ledger-tampered")
        page.get_by_role("link", name="Disposal runs").click()
        expect(page.get_by_role("alert")).to_contain_text(f"event {victim.seq}")
    finally:
        with store.engine.begin() as conn:
            conn.execute(
                text("UPDATE ledger_events SET recipient = :r WHERE seq = :s"),
                {"r": victim.recipient, "s": victim.seq},
            )
        store.dispose()
    page.goto("/ledger")
    page.get_by_role("button", name="Verify the ledger now").click()
    expect(page.get_by_role("status")).to_contain_text("Ledger intact")
