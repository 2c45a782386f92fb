"""What every engine of the benchmark computes, declared once (no heavy imports here).

The job is what the Goal & KPIs and Segments pages do with one upload: the scorecard for the
sales goal, three breakdowns, the daily series and the period comparison. Our path gets the KPI
list and the formulas from kpi_core (goals.plan + engine.compute); the pandas and DuckDB versions
are what a user would write instead, with the formulas below. ``tests/test_bench.py`` checks that
these formulas give the same numbers as the catalog, so the two can never drift apart silently.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

GOAL = "sales"

# The base measures in the generated data (all additive: no reach or users to double count).
MEASURES = ("spend", "impressions", "clicks", "conversions", "revenue")

# kpi -> (numerator, denominator, scale): what kpi_core's catalog picks for these measures.
# conversion_rate falls back to clicks (no sessions) and aov to conversions (no orders).
KPIS: dict[str, tuple[str, str, float]] = {
    "roas": ("revenue", "spend", 1.0),
    "cpm": ("spend", "impressions", 1000.0),
    "ctr": ("clicks", "impressions", 1.0),
    "cpc": ("spend", "clicks", 1.0),
    "conversion_rate": ("conversions", "clicks", 1.0),
    "cpa": ("spend", "conversions", 1.0),
    "aov": ("revenue", "conversions", 1.0),
}

# name -> group keys. "daily" is the daily series (grain="day" in engine.compute).
BREAKDOWNS: dict[str, tuple[str, ...]] = {
    "channel": ("channel",),
    "campaign": ("campaign",),
    "device_country": ("device", "country"),
    "daily": ("date",),
}

CHANNELS = ("Search", "Performance Max", "Shopping", "Display", "Video", "Demand Gen")  # campaign types
FIRST_DAY = date(2025, 1, 1)  # the generated data covers DAYS days from here
DAYS = 400
DIMENSIONS = ("date", "campaign", "ad_group", "channel", "device", "country", "currency")

# Result name -> group keys, for every result an engine returns (the rerun gives "scorecard" and
# "campaign" too).
RESULT_KEYS: dict[str, tuple[str, ...]] = {"scorecard": (), **BREAKDOWNS}
RESULT_KEYS.update({f"rerun_{k}": v for k, v in RESULT_KEYS.items()})

# The three files generated from the same rows. Per format: the header of each canonical column
# (what pandas and DuckDB must map by hand), how many lines sit above the header, the separator.
FORMATS: dict[str, dict] = {
    "clean": {
        "headers": {c: c for c in (*DIMENSIONS, *MEASURES)},
        "skip": 0,
        "sep": ",",
    },
    "google_ads": {
        "headers": {
            "date": "Day", "campaign": "Campaign", "ad_group": "Ad group", "channel": "Campaign type",
            "device": "Device", "country": "Country/Territory (User location)", "currency": "Currency code",
            "impressions": "Impr.", "clicks": "Clicks", "spend": "Cost", "conversions": "Conversions",
            "revenue": "Conv. value",
        },
        "skip": 2,  # title line and date-range line
        "sep": ",",
    },
    "nordic": {
        "headers": {
            "date": "Dato", "campaign": "Kampanje", "ad_group": "Annonsegruppe", "channel": "Kanal",
            "device": "Enhet", "country": "Land", "currency": "Valuta", "impressions": "Visninger",
            "clicks": "Klikk", "spend": "Kostnad", "conversions": "Konverteringer", "revenue": "Inntekt",
        },
        "skip": 0,
        "sep": ";",
    },
}

# Mapping corrections the user makes once on the Data page (read_file's ``overrides``): the Google
# Ads reader does not take the campaign type as the channel nor the user-location country by itself.
OVERRIDES: dict[str, dict[str, str]] = {
    "google_ads": {"Campaign type": "channel", "Country/Territory (User location)": "country"},
}
# kpi_core normalises device labels; pandas and DuckDB keep the export's. Group keys are compared
# after this mapping.
KEY_ALIASES = {"Mobile phones": "mobile", "Computers": "desktop", "Tablets": "tablet"}

# Columns of the Google Ads export that are ratios or averages (ignored: recomputed from sums).
GOOGLE_ADS_RATIOS = ("CTR", "Avg. CPC", "Cost / conv.")
GOOGLE_ADS_COLUMNS = (
    "Day", "Campaign", "Ad group", "Campaign type", "Device", "Country/Territory (User location)",
    "Currency code", "Impr.", "Clicks", "CTR", "Avg. CPC", "Cost", "Conversions", "Conv. value", "Cost / conv.",
)
NULL_MARKER = " --"  # Google Ads writes a missing value with a leading space
TOTAL_PREFIX = "Total:"  # first cell of the summary rows at the bottom of a Google Ads export
NORDIC_DATE = "%d.%m.%Y"


def filters(first: date, last: date, n: int) -> list[tuple[tuple[str, ...], date, date]]:
    """``n`` different sidebar states (channels kept, date range), as a user clicks through them.

    Each one keeps two or three campaign types and a 60- to 120-day window that moves back in time,
    so no two consecutive reruns can reuse each other's result.
    """
    out = []
    for i in range(n):
        kept = tuple(CHANNELS[j % len(CHANNELS)] for j in range(i, i + 2 + i % 2))
        end = last - timedelta(days=(7 * i) % 200)
        start = max(first, end - timedelta(days=60 + (i * 13) % 61))
        out.append((kept, start, end))
    return out


def periods(first: date, last: date) -> tuple[tuple[date, date], tuple[date, date]]:
    """Current and previous period as engine.compare picks them by default: the last half of the
    date range against the equally long stretch before it."""
    n = max(1, ((last - first).days + 1) // 2)
    current = (last - timedelta(days=n - 1), last)
    return current, (current[0] - timedelta(days=n), current[0] - timedelta(days=1))


def key_text(value: object) -> str:
    """A group key as text, the same for every engine (pandas gives Timestamps, the others dates)."""
    if hasattr(value, "date") and callable(value.date):
        value = value.date()
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def number(value: object) -> float | None:
    """A result cell as a float, with null, NaN and ±inf all meaning "no value"."""
    if value is None:
        return None
    v = float(value)
    return v if math.isfinite(v) else None


def table(rows: list[dict], keys: tuple[str, ...]) -> dict[str, dict[str, float | None]]:
    """Result rows keyed by their group (``"Search"``, ``"Tablets|Norway"``), numbers only."""
    cols = (*MEASURES, *KPIS)
    def key(r: dict) -> str:
        return "|".join(KEY_ALIASES.get(t, t) for t in (key_text(r[k]) for k in keys))
    return {key(r): {c: number(r.get(c)) for c in cols} for r in rows}


def export(results: dict, rows: Callable[[Any], list[dict]]) -> dict:
    """An engine's results as plain numbers: ``rows`` turns one native result into a list of dicts.

    ``results["comparison"]`` holds the (current, previous) one-row totals.
    """
    out: dict = {}
    for name, res in results.items():
        if name == "comparison":
            cur, prev = (rows(r)[0] for r in res)
            out[name] = {k: [number(cur[k]), number(prev[k])] for k in KPIS}
        else:
            out[name] = table(rows(res), RESULT_KEYS[name])
    return out
