"""GA360's BigQuery export as a CSV (Google Merchandise Store, Kaggle "Customer Revenue Prediction"):
one row per visit, JSON text in the totals, device, geoNetwork and trafficSource cells.

The fixture is written by tests/fixtures/make_fixtures.py (ga360); the expected values below are
computed by hand from its ten rows (lines 2-11), listed here once:

  line channel         date     device  visitor visitNumber totals (visits, pageviews, bounces, transactions, revenue)
   2   Organic Search  09-02    desktop A       1           1, 1, 1, -, -
   3   Referral        09-02    mobile  B       1           1, 4, -, 1, 37860000
   4   Direct          09-03    desktop C       2           1, 3, -, -, -
   5   Organic Search  09-03    tablet  A       2           1, 6, -, -, -
   6   Paid Search     09-03    desktop D       3           1, 10, -, 2, 120500000
   7   Social          09-04    mobile  E       1           1, 1, 1, -, -
   8   Display         09-04    desktop F       1           1, -, -, -, -      (no pageviews key)
   9   Affiliates      09-05    mobile  G       1           -, -, -, -, -      (no visits: no interaction)
  10   Organic Search  09-05    desktop H       1           1, 2, -, -, -
  11   Referral        09-05    desktop B       2           1, 8, -, 1, 15990000
"""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kpi_core.cli import main
from kpi_core.readers import read_file

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
FIXTURE = EXPORTS / "ga360_sessions.csv"
ROOT = Path(__file__).resolve().parent.parent


def read(**kw):
    return read_file(FIXTURE.read_bytes(), FIXTURE.name, **kw)


def sums(r) -> dict:
    from kpi_core.schema import MEASURES

    return {m: pytest.approx(r.frame[m].sum()) for m in r.frame.columns if m in MEASURES}


HEADER = ["channelGrouping", "date", "device", "fullVisitorId", "geoNetwork", "sessionId", "socialEngagementType",
          "totals", "trafficSource", "visitId", "visitNumber", "visitStartTime"]


def cell(v: str | dict) -> str:
    return v if isinstance(v, str) else json.dumps(v)


def ga_csv(rows: list[tuple]) -> bytes:
    """Rows of (channel, date, totals, visitor, visitNumber[, device cell]) as GA360 CSV; dict cells as JSON."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER)
    for i, (channel, day, totals, visitor, n, *dev) in enumerate(rows):
        device = dev[0] if dev else {"isMobile": False, "deviceCategory": "desktop"}
        w.writerow([channel, day, cell(device), visitor, json.dumps({"country": "Norway"}), f"{visitor}_{i}",
                    "Not Socially Engaged", cell(totals), json.dumps({"source": "google", "medium": "organic"}),
                    str(i), str(n), str(i)])
    return buf.getvalue().encode()


def test_the_fixture_is_read_as_ga360_sessions_with_hand_computed_totals():
    r = read()
    assert (r.platform, r.kind, r.currency) == ("ga360_sessions", "performance", "USD")
    assert (r.rows_read, r.rows_used, r.rows_excluded) == (10, 10, [])
    assert [d.isoformat() for d in r.date_range] == ["2016-09-02", "2016-09-05"]
    # sessions: every row but line 9 (no 'visits') = 9; pageviews 1+4+3+6+10+1+0+0+2+8 = 35; bounces lines 2, 7 = 2;
    # transactions 1 + 2 + 1 = 4 (conversions and orders); revenue (37,860,000 + 120,500,000 + 15,990,000) / 1e6
    # = 174.35 USD.
    assert sums(r) == {"sessions": 9, "pageviews": 35, "bounces": 2, "conversions": 4, "orders": 4,
                       "revenue": pytest.approx(174.35)}
    assert "users" not in r.frame.columns  # people are never a per-row measure to be summed


def test_dimensions_come_out_of_the_json_cells():
    f = read().frame
    assert f["device"].to_list() == ["desktop", "mobile", "desktop", "tablet", "desktop", "mobile", "desktop",
                                     "mobile", "desktop", "desktop"]
    assert f["country"].to_list()[:3] == ["Turkey", "United States", "Norway"]
    assert f["channel"].to_list()[:3] == ["Organic Search", "Referral", "Direct"]  # channelGrouping
    assert f["campaign"].to_list()[4] == "AW - Accessories" and f["keyword"].to_list()[4] == "google merchandise"
    assert f["date"].to_list()[0].isoformat() == "2016-09-02"  # YYYYMMDD
    # visitNumber 1 = new (lines 2, 3, 7, 8, 9, 10), more = returning (lines 4, 5, 6, 11)
    assert f["customer_type"].to_list() == ["new", "new", "returning", "returning", "returning", "new", "new", "new",
                                            "new", "returning"]


def test_the_mapping_names_each_json_key_and_what_is_left_unused():
    r = read()
    rules = {c.source: (c.canonical, c.rule) for c in r.columns}
    assert rules["totals.visits"][0] == "sessions" and rules["totals.visits"][1].startswith(
        "JSON: totals.visits → sessions")
    micros = "JSON: totals.transactionRevenue → revenue (÷ 1,000,000: micros of USD)"
    assert rules["totals.transactionRevenue"] == ("revenue", micros)
    assert rules["totals.transactions"][1].endswith("(also orders: one transaction is one order)")
    assert rules["device.deviceCategory"] == ("device", "JSON: device.deviceCategory → device")
    assert rules["geoNetwork.country"][0] == "country" and rules["trafficSource.campaign"][0] == "campaign"
    # The JSON columns themselves, and keys found in the file that no KPI needs, are listed as ignored.
    assert rules["totals"][0] is None and rules["totals"][1].startswith("JSON: read key by key (totals.visits")
    for key in ("totals.hits", "device.browser", "device.isMobile", "geoNetwork.continent",
                "trafficSource.adwordsClickInfo"):
        assert rules[key] == (None, "JSON key: not used by any KPI")
    assert rules["trafficSource.source / medium"] == (None, "also channel; 'channelGrouping' is used")
    assert rules["fullVisitorId"][0] is None and "8 distinct visitors" in rules["fullVisitorId"][1]
    # The order of the file: each JSON column followed by its keys.
    sources = [c.source for c in r.columns]
    assert sources[:3] == ["channelGrouping", "date", "device"] and sources[3] == "device.deviceCategory"


def test_visitors_are_counted_as_text_and_never_summed():
    r = read()
    # A, B twice; B (…342) and C (…343) differ only past 2^63, A and E start with zeros: 8 distinct visitors.
    note = next(f.message for f in r.findings if "distinct visitor" in f.message)
    assert note.startswith("10 row(s) (visits) from 8 distinct visitor(s)")
    idle = next(f for f in r.findings if "without interaction" in f.message)
    assert idle.where == "line 9"


def test_sessions_alike_in_every_dimension_are_not_double_tracking_but_a_repeated_session_id_is():
    same = {"visits": "1", "hits": "1", "pageviews": "1", "bounces": "1"}
    r = read_file(ga_csv([("Direct", "20160902", same, "11", 1), ("Direct", "20160902", same, "22", 1)]), "ga.csv")
    assert not [f for f in r.findings if "double tracking" in f.message]
    twice = ga_csv([("Direct", "20160902", same, "11", 1)]).decode()
    twice += twice.splitlines()[1] + "\n"  # the same session (same sessionId) a second time
    r = read_file(twice.encode(), "ga.csv")
    assert [f.where for f in r.findings if "double tracking" in f.message] == ["lines 2, 3"]


def test_malformed_json_is_named_by_line_and_never_crashes():
    good = {"visits": "1", "pageviews": "2"}
    rows = [("Direct", "20160902", good, "11", 1),
            ("Direct", "20160902", '{"visits": "1", "pageviews": ', "22", 1),  # cut off: the row is left out
            ("Referral", "20160903", good, "33", 2, "{not json"),  # a bad device cell: the row stays, device empty
            ("Referral", "20160903", {"visits": "1", "pageviews": {"nested": 1}}, "44", 1)]  # object, not text
    r = read_file(ga_csv(rows), "ga.csv")
    assert r.rows_read == 4 and r.rows_used == 3 and r.rows_read == r.rows_used + len(r.rows_excluded)
    assert [(e.line, e.reason) for e in r.rows_excluded] == [(3, "malformed JSON in 'totals'")]
    warned = {f.where: f.message for f in r.findings if f.level == "warning"}
    assert warned["line 3"].startswith("1 row(s) with malformed JSON in 'totals': their sessions")
    assert warned["line 4"].startswith("1 cell(s) in 'device' are not valid JSON")
    assert r.frame["device"].to_list() == ["desktop", None, "desktop"]
    # sessions 1 + 1 + 1 = 3; pageviews 2 + 2 + the object read as text, not a number (left empty, reported)
    assert r.frame["sessions"].sum() == 3 and r.frame["pageviews"].sum() == 4
    assert any("'totals.pageviews' could not be read" in f.message for f in r.findings)


def test_every_totals_cell_malformed_is_a_clear_error():
    from kpi_core.readers import ReadError

    with pytest.raises(ReadError, match="no row has readable 'totals' JSON \\(malformed JSON in 'totals', line 2\\)"):
        read_file(ga_csv([("Direct", "20160902", "{oops", "11", 1)]), "ga.csv")


def test_an_empty_totals_cell_is_set_aside_not_counted_as_a_session():
    rows = [("Direct", "20160902", {"visits": "1"}, "11", 1), ("Direct", "20160902", "  ", "22", 1)]
    r = read_file(ga_csv(rows), "ga.csv")
    assert [(e.line, e.reason) for e in r.rows_excluded] == [(3, "no 'totals' (an empty cell)")]
    assert r.rows_read == 2 and r.rows_used == 1 and r.frame["sessions"].to_list() == [1]


def test_without_any_visits_key_each_row_is_one_session():
    rows = [("Direct", "20160902", {"pageviews": "3"}, "11", 1), ("Direct", "20160903", {"hits": "1"}, "22", 2)]
    r = read_file(ga_csv(rows), "ga.csv")
    # no cell carries 'visits': 1 + 1 sessions; pageviews 3 + 0
    assert r.frame["sessions"].to_list() == [1, 1] and r.frame["pageviews"].to_list() == [3, 0]
    rule = {c.source: c.rule for c in r.columns}["totals.visits"]
    assert rule == "JSON: totals.visits → sessions (no cell has the key: one session per row)"


def test_a_mapping_can_name_a_json_key():
    r = read(overrides={"totals.hits": "engagements"})
    # hits 1+5+3+7+12+1+2+1+2+9 = 43
    assert r.frame["engagements"].sum() == 43
    assert {c.source: c.canonical for c in r.columns}["totals.hits"] == "engagements"
    # A JSON column as a whole is no measure: the mapping says so instead of dropping the wish silently.
    rule = {c.source: c.rule for c in read(overrides={"totals": "sessions"}).columns}["totals"]
    assert rule.endswith("your mapping of the whole column is not used: map one of its keys")


def run_json(capsys, *args) -> dict:
    assert main(["summarize", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_gives_the_platform_totals_and_the_kpis():
    out = subprocess.run([sys.executable, "-m", "kpi_core", "summarize", str(FIXTURE), "--json"], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    src = data["sources"][0]
    assert (src["platform"], src["currency"], src["rows_read"], src["rows_used"]) == ("ga360_sessions", "USD", 10, 10)
    assert src["columns"]["totals.visits"] == "sessions" and src["columns"]["totals"] is None
    assert data["totals"] == {"sessions": 9, "bounces": 2, "pageviews": 35, "conversions": 4, "orders": 4,
                              "revenue": pytest.approx(174.35)}
    # pages per session 35 / 9; bounce rate 2 / 9; conversion rate 4 / 9; AOV 174.35 / 4 = 43.5875
    assert data["kpis"] == {"sessions": 9, "pages_per_session": pytest.approx(35 / 9),
                            "bounce_rate": pytest.approx(2 / 9), "conversion_rate": pytest.approx(4 / 9),
                            "aov": pytest.approx(43.5875)}


def test_traffic_and_sales_goals_show_what_sessions_can_answer(capsys):
    traffic = run_json(capsys, FIXTURE, "--goal", "traffic")["goal"]["stages"]
    shown = {k["kpi"]: k["value"] for stage in traffic.values() for k in stage if k["missing"] is None}
    assert shown == {"sessions": 9, "pages_per_session": pytest.approx(35 / 9), "bounce_rate": pytest.approx(2 / 9),
                     "conversion_rate": pytest.approx(4 / 9)}
    sales = run_json(capsys, FIXTURE, "--goal", "sales")["goal"]["stages"]
    shown = {k["kpi"]: k["value"] for stage in sales.values() for k in stage if k["missing"] is None}
    assert shown == {"bounce_rate": pytest.approx(2 / 9), "conversion_rate": pytest.approx(4 / 9),
                     "aov": pytest.approx(43.5875)}  # no spend: no CPA, ROAS, CPC


def test_by_new_and_returning_visitors(capsys):
    segs = {s["customer_type"]: s for s in run_json(capsys, FIXTURE, "--by", "customer_type")["segments"]}
    # new: lines 2, 3, 7, 8, 9, 10 -> sessions 1+1+1+1+0+1 = 5, transactions 1 (line 3), revenue 37.86
    # returning: lines 4, 5, 6, 11 -> sessions 4, transactions 2 + 1 = 3, revenue 120.50 + 15.99 = 136.49
    assert (segs["new"]["sessions"], segs["new"]["conversions"], segs["new"]["revenue"]) == (5, 1, 37.86)
    assert (segs["returning"]["sessions"], segs["returning"]["conversions"]) == (4, 3)
    assert segs["returning"]["revenue"] == pytest.approx(136.49)
    assert segs["returning"]["conversion_rate"] == pytest.approx(3 / 4)


def test_next_to_an_ad_platform_its_transactions_are_not_counted_twice(capsys):
    out = run_json(capsys, EXPORTS / "google_ads_en.csv", FIXTURE)
    # Google Ads' conversions (10.5) are kept; GA360's 4 transactions are web analytics and set aside.
    assert out["totals"]["conversions"] == pytest.approx(10.5)
    assert any("GA360 sessions" in n for n in out["notes"])


def test_a_newer_export_with_time_on_site_and_only_total_transaction_revenue():
    rows = [("Direct", "20170802", {"visits": "1", "pageviews": "3", "timeOnSite": "120", "transactions": "1",
                                    "totalTransactionRevenue": "25000000"}, "11", 1),
            ("Direct", "20170802", {"visits": "1", "pageviews": "1", "bounces": "1"}, "22", 1)]
    r = read_file(ga_csv(rows), "ga.csv")
    # revenue 25,000,000 / 1e6 = 25.0 (no cell has transactionRevenue); engagement 120 + 0 seconds
    assert r.frame["revenue"].to_list() == [25.0, 0.0] and r.frame["engagement_seconds"].to_list() == [120, 0]
    assert {c.source: c.canonical for c in r.columns}["totals.totalTransactionRevenue"] == "revenue"
    assert "totals.transactionRevenue" not in {c.source for c in r.columns}


def test_the_data_pages_mapping_table_read_back_gives_the_same_numbers_and_only_micros_are_divided():
    from kpi_core import views

    r = read()
    # The Data page sends the whole edited table back as overrides, one entry per row.
    every = views.mapping_overrides(views.mapping_table(r))
    again = read(overrides=every)
    assert {c.source: c.canonical for c in again.columns} == {c.source: c.canonical for c in r.columns}
    assert again.frame.equals(r.frame)
    rules = {c.source: c.rule for c in again.columns}
    assert rules["totals.visits"].startswith("JSON: totals.visits → sessions (a missing key")
    assert rules["totals.visits"].endswith("; your mapping)")
    # hits mapped to revenue are hits, not micros: 43 (not 0.000043); channelGrouping as customer_type stays text
    odd = read(overrides={**every, "totals.transactionRevenue": None, "totals.hits": "revenue",
                          "visitNumber": None, "channelGrouping": "customer_type"})
    assert odd.frame["revenue"].sum() == 43 and odd.frame["customer_type"].to_list()[0] == "Organic Search"


def test_the_slow_path_after_a_malformed_cell_reads_the_other_rows_as_the_fast_path_does():
    clean = read()
    lines = FIXTURE.read_text().splitlines()
    broken = lines[-1].replace('"{', '"{,')  # line 12: all four JSON cells malformed, so all take the slow path
    r = read_file(("\n".join(lines + [broken]) + "\n").encode(), FIXTURE.name)
    assert [(e.line, e.reason) for e in r.rows_excluded] == [(12, "malformed JSON in 'totals'")]
    assert r.frame.equals(clean.frame)  # every JSON column of the ten good rows read the same way
    assert [f.where for f in r.findings if f.level == "warning"] == ["line 12"]  # said once, for the row
    assert {c.source: c.canonical for c in r.columns} == {c.source: c.canonical for c in clean.columns}


def test_a_long_export_decodes_each_distinct_cell_once_with_the_same_numbers():
    lines = FIXTURE.read_text().splitlines()
    body = lines[1:] * 120  # 1,200 visits, ten distinct cells per JSON column: decoded once per distinct cell
    bad = lines[1].replace('""visits"": ""1"", ', '""visits"": ', 1)  # one cut totals cell among them (line 1202)
    r = read_file(("\n".join([lines[0], *body, bad]) + "\n").encode(), FIXTURE.name)
    assert (r.rows_read, r.rows_used) == (1201, 1200)
    assert [(e.line, e.reason) for e in r.rows_excluded] == [(1202, "malformed JSON in 'totals'")]
    # 120 × the fixture: sessions 9 × 120 = 1080, pageviews 35 × 120 = 4200, revenue 174.35 × 120 = 20922
    assert sums(r) == {"sessions": 1080, "pageviews": 4200, "bounces": 240, "conversions": 480, "orders": 480,
                       "revenue": pytest.approx(20922)}
    assert r.frame.head(10).equals(read().frame)


def test_the_v2_layout_with_custom_dimensions_and_hits_and_no_session_id():
    header = ["channelGrouping", "customDimensions", "date", "device", "fullVisitorId", "geoNetwork", "hits",
              "socialEngagementType", "totals", "trafficSource", "visitId", "visitNumber", "visitStartTime"]
    same = json.dumps({"visits": "1", "hits": "1", "pageviews": "1", "bounces": "1"})
    row = ["Direct", "[{'index': '4', 'value': 'EMEA'}]", "20170801", json.dumps({"deviceCategory": "mobile"}), "7",
           json.dumps({"country": "Norway"}), "[{'hitNumber': '1'}]", "Not Socially Engaged", same,
           json.dumps({"source": "(direct)", "medium": "(none)"}), "1501583974", "2", "1501583974"]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([header, row, [*row[:10], "1501590000", "2", "1501590000"]])
    r = read_file(buf.getvalue().encode(), "train_v2.csv")
    rules = {c.source: (c.canonical, c.rule) for c in r.columns}
    assert r.platform == "ga360_sessions" and rules["hits"][0] is None and rules["customDimensions"][0] is None
    assert not any("not recognised" in f.message for f in r.findings)
    # visitor 7's two visits are alike in every dimension but their ids (fullVisitorId_visitId) differ
    assert not any("double tracking" in f.message for f in r.findings)
    assert r.frame["sessions"].sum() == 2 and r.frame["customer_type"].to_list() == ["returning", "returning"]
