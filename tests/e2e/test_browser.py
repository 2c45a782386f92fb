"""The app in headless Chromium: a UTF-16 Google Ads upload, the scorecard, charts, a segment click,
page switches that keep state, and two users who never see each other's data."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e
TIMEOUT = 20_000

# A Google Ads "Excel .csv" download: UTF-16 LE with a BOM, tab-separated, a title line, a date-range
# line, a totals row. Default period: the last 14 of its 28 days (15-28 Jan) against 1-14 Jan.
#   current  (20 and 28 Jan): spend 1200 + 800 = 2000, clicks 1000, impressions 20000,
#                             conversions 40, value 18000
#   previous (1 Jan):         spend 1000, clicks 500, impressions 10000, conversions 20, value 10000
GOOGLE_ADS = "\r\n".join([
    "Campaign report",
    "January 1, 2026 - January 28, 2026",
    "Day\tCampaign\tDevice\tCurrency code\tImpr.\tClicks\tCost\tConversions\tConv. value",
    "2026-01-01\tNO_Search_Brand\tMobile phones\tNOK\t10000\t500\t1000.00\t20.00\t10000.00",
    "2026-01-20\tNO_Search_Brand\tComputers\tNOK\t12000\t600\t1200.00\t30.00\t15000.00",
    "2026-01-28\tVinter – Prospecting\tMobile phones\tNOK\t8000\t400\t800.00\t10.00\t3000.00",
    "Total: Account\t\t\tNOK\t30000\t1500\t3000.00\t60.00\t28000.00",
]) + "\r\n"
UPLOAD = {"name": "januar_google_ads_export.csv", "mimeType": "text/csv", "buffer": GOOGLE_ADS.encode("utf-16")}
NB = "\u00a0"


def go(page: Page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=TIMEOUT)
    idle(page)


def idle(page: Page) -> None:
    """Wait until the page's script run has finished (Streamlit's running indicator is gone): a file
    set on the uploader while the page is still being drawn can be lost with the widget it was set on."""
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)


def metric(page: Page, label: str):
    return page.get_by_test_id("stMetric").filter(has_text=label).first


def choose(page: Page, label: str, option: str) -> None:
    page.get_by_test_id("stSelectbox").filter(has_text=label).first.click()
    page.get_by_role("option", name=option, exact=True).click()


def test_first_request_on_a_page_url_opens_that_page_with_its_link(browser, server):
    # The server's very first session opens a shared link to /segments (an app woken from sleep):
    # Streamlit runs that page file alone (legacy pages/ mode) until app.py has called st.navigation
    # once; ui.framed() sends it through the app and on to the page, the link's sample set kept.
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(f"{server}/segments?data=brand")
    expect(page.get_by_test_id("stSidebarNav")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="Where does the result come from?")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("combobox", name="Data")).to_have_value("Norrsken Havre – varumärkeskampanj")
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    ctx.close()


def test_upload_goal_charts_click_and_state(browser, server, shot):
    ctx = browser.new_context(viewport={"width": 1400, "height": 2200})
    page = ctx.new_page()
    page.goto(server)
    expect(metric(page, "Return on ad spend (ROAS)")).to_be_visible(timeout=30_000)  # sample data on start
    shot(page, "goal_sample")

    go(page, "Data")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(files=[UPLOAD])
    expect(page.get_by_role("heading", name="januar_google_ads_export.csv")).to_be_visible(timeout=TIMEOUT)
    # Three day rows used; the "Total: Account" row is left out (and listed with its reason).
    expect(page.get_by_text("3 of 4 rows used, 1 excluded")).to_be_visible(timeout=TIMEOUT)
    shot(page, "data")

    go(page, "Goal & KPIs")
    choose(page, "Business goal", "Sales (e-commerce)")
    roas = metric(page, "Return on ad spend (ROAS)")
    expect(roas).to_contain_text("9.00×", timeout=TIMEOUT)  # 18000 / 2000
    expect(roas).to_contain_text("-10.0%")  # vs 10000 / 1000
    expect(metric(page, "Click-through rate (CTR)")).to_contain_text("5.00%")  # 1000 / 20000
    expect(metric(page, "Cost per acquisition (CPA)")).to_contain_text("50.00" + NB + "NOK")  # 2000 / 40
    shot(page, "goal")
    choose(page, "Business goal", "Traffic")
    expect(page.get_by_test_id("stMetric").first).to_contain_text("Cost per click (CPC)", timeout=TIMEOUT)
    expect(page.get_by_test_id("stMetric").first).to_contain_text("2.00" + NB + "NOK")  # 2000 / 1000

    go(page, "Segments")
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts.first).to_be_visible(timeout=TIMEOUT)
    expect(charts).to_have_count(5, timeout=TIMEOUT)  # bars, share, bubbles, waterfall, heatmap
    bars = charts.first
    box = bars.bounding_box()
    # Best ROAS first: NO_Search_Brand (15000 / 1200 = 12.5) is the top bar.
    page.mouse.click(box["x"] + box["width"] * 0.35, box["y"] + 22)
    expect(page.get_by_text(re.compile(r"Focused on Campaign = NO_Search_Brand"))).to_be_visible(timeout=TIMEOUT)
    shot(page, "segments")

    go(page, "Trends")
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible(timeout=TIMEOUT)
    shot(page, "trends")
    go(page, "Funnel")
    # 1000 / 20000 = 5 % click; 40 / 1000 = 4 % of clicks convert: the bigger loss.
    expect(page.get_by_text("Biggest drop: Clicks → Conversions (4.00% make it).")).to_be_visible(timeout=TIMEOUT)
    shot(page, "funnel")

    go(page, "Goal & KPIs")  # the goal and the upload survived four page switches
    expect(page.get_by_role("combobox", name="Business goal")).to_have_value("Traffic")
    expect(page.get_by_role("combobox", name="Data")).to_have_value("Your upload (1 file)")
    expect(page.get_by_test_id("stMetric").first).to_contain_text("2.00" + NB + "NOK")

    other = browser.new_context(viewport={"width": 1400, "height": 1400})
    stranger = other.new_page()
    stranger.goto(server)
    expect(metric(stranger, "Return on ad spend (ROAS)")).to_be_visible(timeout=30_000)
    expect(stranger.get_by_role("combobox", name="Data")).to_have_value("Nordlys Ull – nettbutikk")
    go(stranger, "Data")
    expect(stranger.get_by_text("januar_google_ads_export.csv")).to_have_count(0)
    other.close()
    ctx.close()


# A second small upload: a sheet of one's own (Meta spend in NOK, same January), to remove again.
SHEET = {"name": "meta_januar.csv", "mimeType": "text/csv",
         "buffer": b"Dato;Kanal;Kostnad;Klikk\n20.01.2026;Meta;500,00;100\n"}


def test_language_switch_and_removing_a_file_keep_the_upload(browser, server, shot):
    # The data choice's label changes with the language and the number of files; the choice must not
    # fall back to the first sample set when it does.
    ctx = browser.new_context(viewport={"width": 1400, "height": 1600})
    page = ctx.new_page()
    page.goto(server)
    expect(metric(page, "Return on ad spend (ROAS)")).to_be_visible(timeout=30_000)
    go(page, "Data")
    uploader = page.get_by_test_id("stFileUploader").filter(has_text="Upload exports")
    uploader.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(files=[UPLOAD, SHEET])
    expect(page.get_by_role("heading", name="meta_januar.csv")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_role("combobox", name="Data")).to_have_value("Your uploads (2 files)", timeout=TIMEOUT)
    choose(page, "Language", "Norsk")
    expect(page.get_by_role("combobox", name="Data")).to_have_value("Dine opplastinger (2 filer)", timeout=TIMEOUT)
    go(page, "Mål og KPI-er")
    idle(page)
    expect(page.get_by_role("combobox", name="Data")).to_have_value("Dine opplastinger (2 filer)", timeout=TIMEOUT)
    # ROAS of the uploads, not the sample's: 18000 / (2000 + 500 of the sheet) = 7.20× in the last 14 days
    expect(metric(page, "Avkastning på annonsekroner (ROAS)")).to_contain_text("7,20×", timeout=TIMEOUT)
    go(page, "Data")
    heading = page.get_by_role("heading", name="meta_januar.csv")
    its_box = heading.locator("xpath=ancestor::div[.//button[contains(., 'Fjern')]][1]")
    its_box.get_by_role("button", name="Fjern").click()
    idle(page)
    expect(page.get_by_role("heading", name="meta_januar.csv")).to_have_count(0, timeout=TIMEOUT)
    go(page, "Mål og KPI-er")
    expect(page.get_by_role("combobox", name="Data")).to_have_value("Din opplasting (1 fil)", timeout=TIMEOUT)
    expect(metric(page, "Avkastning på annonsekroner (ROAS)")).to_contain_text("9,00×", timeout=TIMEOUT)
    shot(page, "language_switch_kept")
    ctx.close()


def test_a_target_is_added_after_a_language_switch(browser, server, shot):
    # A Norwegian browser opens the app in Norwegian; the target form's choices are labelled in it.
    # After a switch to English Streamlit took the Norwegian label for an unknown option (KeyError on
    # 'Add target'). Values are typed as users write them.
    ctx = browser.new_context(viewport={"width": 1400, "height": 1800}, locale="nb-NO")
    page = ctx.new_page()
    page.goto(server)
    expect(metric(page, "Avkastning på annonsekroner (ROAS)")).to_be_visible(timeout=30_000)
    choose(page, "Språk", "English")
    expect(metric(page, "Return on ad spend (ROAS)")).to_be_visible(timeout=TIMEOUT)
    idle(page)
    page.get_by_text("Targets", exact=True).click()
    form = page.get_by_test_id("stForm").first
    expect(form.get_by_role("combobox").first).to_have_value("Return on ad spend (ROAS)", timeout=TIMEOUT)
    form.get_by_label("Value (a rate in %) or change in %").fill("5,5")
    form.get_by_role("button", name="Add target").click()
    idle(page)
    errors = page.get_by_test_id("stException")
    assert errors.count() == 0, errors.first.inner_text()[:500]
    expect(page.get_by_text(re.compile(r"vs target 5\.50×")).first).to_be_visible(timeout=TIMEOUT)
    shot(page, "target_after_language_switch")
    ctx.close()
