"""Channel names of orders and contacts matched to the ad platforms whose spend bought them."""

import pytest

from kpi_core import acquisition


@pytest.mark.parametrize(("channel", "label"), [
    ("facebook", "Meta Ads"), ("Instagram / paid", "Meta Ads"), ("fb", "Meta Ads"),
    ("google / cpc", "Google Ads"), ("bing", "Microsoft Ads"), ("LinkedIn", "LinkedIn Ads"),
    ("tiktok", "TikTok Ads"), ("Paid Social", "Paid Social"), ("paid search", "Paid Search"),
    ("google / organic", None), ("Organic Search", None), ("Email Marketing", None), ("web", None),
    ("Direct Traffic", None), ("", None), (None, None),
])
def test_match(channel, label):
    got = acquisition.match(channel)
    assert (got[0] if got else None) == label


def test_each_platforms_spend_goes_to_one_channel():
    spend = {"meta_ads": 400.0, "tiktok_ads": 100.0, "google_ads": 300.0, "snapchat_ads": 50.0}
    a = acquisition.assign_spend(["facebook", "instagram", "Paid Social", "Organic Search", None], spend)
    # Meta is named by facebook and instagram: its 400 goes to "Meta Ads", not also to "Paid Social";
    # TikTok and Snapchat are only covered by the group: 100 + 50 = 150. Google: no channel names it.
    assert dict(a.spend.iter_rows()) == {"Meta Ads": 400.0, "Paid Social": 150.0}
    assert dict(a.channels.iter_rows()) == {"Organic Search": None, "Paid Social": "Paid Social",
                                            "facebook": "Meta Ads", "instagram": "Meta Ads"}
    assert a.unmatched == ("Organic Search",)
    assert a.unclaimed == ("Google Ads (300)",)
    assert len(a.notes()) == 2


def test_shopify_orders_take_the_utm_source_of_note_attributes_as_channel():
    from kpi_core.readers import read_file

    header = "Name,Email,Financial Status,Currency,Total,Created at,Lineitem name,Note Attributes,Source"
    csv = "\n".join([
        header,
        "#1001,a@example.no,paid,NOK,500.00,2025-01-03 10:12:40 +0100,Lue,utm_source: facebook,web",
        "#1002,b@example.no,paid,NOK,300.00,2025-01-04 11:00:00 +0100,Votter,,web",
    ]).encode()
    records = read_file(csv, "orders_export.csv").records
    # An attribution app's utm_source wins over Shopify's sales channel; without one, the Source stays.
    assert records.sort("order_id")["channel"].to_list() == ["facebook", "web"]
    assert acquisition.match("facebook")[0] == "Meta Ads" and acquisition.match("web") is None


def test_spend_in_two_currencies_is_never_added():
    from datetime import date

    import polars as pl

    spend = pl.DataFrame({"source": ["google_ads", "meta_ads", "meta_ads"],
                          "date": [date(2025, 1, 2), date(2025, 1, 3), date(2025, 2, 1)],
                          "spend": [100.0, 50.0, 999.0], "currency": ["NOK", "SEK", "NOK"]})
    jan = (date(2025, 1, 1), date(2025, 1, 31))
    # Records in NOK: the SEK row is left out and said; February is outside the period.
    assert acquisition.spend_by_platform(spend, *jan, "NOK")[0] == {"google_ads": 100.0}
    assert "SEK is left out" in acquisition.spend_by_platform(spend, *jan, "NOK")[1][0]
    # Records without a currency: two currencies of spend give no per-platform spend at all.
    got, notes = acquisition.spend_by_platform(spend, *jan, None)
    assert got == {} and "NOK, SEK" in notes[0]
