"""Which ad platform's spend bought which customer: channel names of orders and CRM contacts mapped
to the ad platforms the spend came from.

A Shopify order carries a source or UTM source ("facebook", "google / cpc", "web"); a HubSpot
contact carries an original source ("Paid Social", "Organic Search"). The ad exports carry spend per
platform (``source`` = "meta_ads", "google_ads"…). CAC per channel needs both on one key:

- a channel naming a platform ("facebook", "ig", "fb / paid") is that platform ("Meta Ads");
- a channel naming a paid channel group ("Paid Social", "Paid Search") is the group, and gets the
  spend of the group's platforms;
- a channel that says it is unpaid ("organic", "direct", "email", "referral") or names nothing we
  know stays unmatched: it has customers but no spend, and the UI lists it.

Each platform's spend is counted once: under the channel naming the platform when there is one,
otherwise under the group that contains it. Spend no channel claims is reported, never spread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import polars as pl

from kpi_core.fmt import Note

PLATFORM_LABELS: Mapping[str, str] = {
    "google_ads": "Google Ads",
    "meta_ads": "Meta Ads",
    "linkedin_ads": "LinkedIn Ads",
    "tiktok_ads": "TikTok Ads",
    "microsoft_ads": "Microsoft Ads",
    "snapchat_ads": "Snapchat Ads",
    "pinterest_ads": "Pinterest Ads",
}

# Words (whole tokens of the lower-cased channel text) that name a platform.
PLATFORM_WORDS: Mapping[str, tuple[str, ...]] = {
    "meta_ads": ("facebook", "fb", "instagram", "ig", "meta", "messenger"),
    "google_ads": ("google", "adwords", "gads", "youtube", "pmax"),
    "microsoft_ads": ("bing", "microsoft", "msads"),
    "linkedin_ads": ("linkedin", "li"),
    "tiktok_ads": ("tiktok",),
    "snapchat_ads": ("snapchat", "snap"),
    "pinterest_ads": ("pinterest",),
}

# Paid channel groups (HubSpot original sources, GA4 default channel groups) and their platforms.
GROUPS: Mapping[str, tuple[str, ...]] = {
    "Paid Social": ("meta_ads", "linkedin_ads", "tiktok_ads", "snapchat_ads", "pinterest_ads"),
    "Paid Search": ("google_ads", "microsoft_ads"),
}

# A channel with any of these tokens is not paid media, whatever platform it names
# ("google / organic" is a search result, not an ad).
UNPAID_WORDS: frozenset[str] = frozenset({
    "organic", "direct", "email", "e-mail", "newsletter", "referral", "referrals", "seo", "none",
    "offline", "pos",
})

_TOKEN = re.compile(r"[a-z0-9]+")


def match(channel: str | None) -> tuple[str, tuple[str, ...]] | None:
    """(acquisition label, platforms) for a channel text, or None when it is not paid media we know.

    >>> match("Paid Social")[0], match("facebook / cpc")[0], match("google / organic")
    ('Paid Social', 'Meta Ads', None)
    """
    if not channel:
        return None
    text = channel.strip().lower()
    for group, platforms in GROUPS.items():
        if text == group.lower():
            return group, platforms
    tokens = set(_TOKEN.findall(text.replace("e-mail", "email")))
    if tokens & UNPAID_WORDS:
        return None
    for platform, words in PLATFORM_WORDS.items():
        if tokens & set(words):
            return PLATFORM_LABELS[platform], (platform,)
    return None


@dataclass(frozen=True)
class SpendAssignment:
    """How the spend of each platform was put on the channels of the records."""

    channels: pl.DataFrame  # channel (as written), acquisition (label, or null when unmatched)
    spend: pl.DataFrame  # acquisition, spend: one row per label that got spend
    unmatched: tuple[str, ...]  # channels with no platform: their customers carry no spend
    unclaimed: tuple[str, ...]  # "Snapchat Ads (1,200)": spend that no channel of the records names

    def notes(self) -> list[str]:
        out = []
        if self.unmatched:
            out.append(Note("note_unmatched_channels", channels=", ".join(self.unmatched)))
        if self.unclaimed:
            out.append(Note("note_unclaimed_spend", spend=", ".join(self.unclaimed)))
        return out


def assign_spend(channels: Iterable[str | None], spend_by_platform: Mapping[str, float]) -> SpendAssignment:
    """Map record channels to acquisition labels and give each platform's spend to exactly one label.

    spend_by_platform: platform id ("meta_ads") -> spend over the period analysed.
    """
    names = sorted({c for c in channels if c})
    matched = {c: match(c) for c in names}
    direct = {m[1][0] for m in matched.values() if m and m[0] not in GROUPS}
    groups = {m[0]: m[1] for m in matched.values() if m and m[0] in GROUPS}
    spend: dict[str, float] = {}
    unclaimed = []
    for platform, amount in sorted(spend_by_platform.items()):
        if platform in direct:
            label = PLATFORM_LABELS[platform]
        else:
            label = next((g for g, members in groups.items() if platform in members), None)
        if label is None:
            unclaimed.append(f"{PLATFORM_LABELS.get(platform, platform)} ({amount:,.0f})")
            continue
        spend[label] = spend.get(label, 0.0) + amount
    return SpendAssignment(
        channels=pl.DataFrame(
            {"channel": names, "acquisition": [m[0] if m else None for m in matched.values()]},
            schema={"channel": pl.String, "acquisition": pl.String},
        ),
        spend=pl.DataFrame({"acquisition": list(spend), "spend": list(spend.values())},
                           schema={"acquisition": pl.String, "spend": pl.Float64}),
        unmatched=tuple(c for c, m in matched.items() if m is None),
        unclaimed=tuple(unclaimed),
    )


def spend_by_platform(performance: pl.DataFrame, start: date, end: date,
                      currency: str | None) -> tuple[dict[str, float], list[str]]:
    """Spend per ad platform (``source``) between two dates (inclusive), in one currency.

    Returns the spend and notes; spend in another currency than the records' is left out and said.
    """
    if performance.is_empty() or not {"source", "spend", "date"} <= set(performance.columns):
        return {}, []
    rows = performance.filter(pl.col("date").is_between(start, end) & pl.col("spend").is_not_null())
    notes = []
    if currency and "currency" in rows.columns:
        other = rows.filter(pl.col("currency").is_not_null() & (pl.col("currency") != currency))
        if other.height:
            codes = ", ".join(sorted(other["currency"].unique().to_list()))
            notes.append(Note("note_spend_other_currency", codes=codes, currency=currency))
            rows = rows.filter(pl.col("currency").is_null() | (pl.col("currency") == currency))
    elif "currency" in rows.columns and rows["currency"].drop_nulls().n_unique() > 1:
        codes = ", ".join(sorted(rows["currency"].drop_nulls().unique().to_list()))
        return {}, [Note("note_spend_currencies", codes=codes)]
    sums = rows.group_by("source").agg(pl.col("spend").sum()).sort("source")
    return dict(zip(sums["source"].to_list(), sums["spend"].to_list(), strict=True)), notes
