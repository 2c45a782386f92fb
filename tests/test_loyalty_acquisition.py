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
