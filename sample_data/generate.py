"""Generate the bundled demo exports: four invented Nordic companies, 1 June – 31 December 2025.

Run ``python sample_data/generate.py [OUTPUT_DIR]`` (default: this folder). The output is
byte-identical on every run (fixed seeds, no clock, no network, stdlib only), so a test can
regenerate into a temporary folder and compare. Every file is written the way the platform writes
it when a marketer clicks "Download" (the project's shared/export-formats.md): title and date-range
lines, quoted thousands, `` --``, ``<5``, ``#`` comment blocks, UTF-16 tab files, currency codes in
headers, Shopify line-item continuation rows. All people, e-mails, companies and numbers are
invented; e-mails use the reserved ``example.no`` domain.

The stories a consultant can tell with them:

webshop — Nordlys Ull, a Norwegian wool shop (NOK, goal: sales).
  * Wool sells in winter: June–August is quiet, October–December busy, with Black Week
    (Black Friday 28 Nov is the biggest day), a Christmas rush until the last shipping day
    (19–20 Dec), a Christmas Eve dip and a romjul sale. Shop traffic peaks on Sundays.
  * Mobile phones get the highest CTR in Google Ads but convert at roughly a third of the
    desktop rate: the ads attract, the mobile checkout does not convince.
  * Meta's prospecting campaign ``Nordlys_Prospekt_LAL1%_Kjøpere`` was a steady source of new
    buyers until its lookalike audience saturated after Black Week: in December its frequency
    climbs, CTR and conversion rate fall, and its CPA roughly doubles.
  * Brand search has by far the best ROAS (it harvests demand other channels created).
  * GA4 records about 88 % of the shop's orders (consent); Shopify is the system of record.
    Repeat customers come back mostly through e-mail and direct traffic; a few percent of
    orders are refunded, partly refunded or cancelled.

b2b — Fjordsikt AS, Norwegian reporting software for finance teams (NOK, goal: leads).
  * Weekends and the Norwegian fellesferie (July) are dead; September–November is high season.
  * LinkedIn ``NO_Leadgen_IT-ledere`` has the lowest cost per lead, but fewer than one lead in
    ten becomes an MQL: a cheap lead that never converts is worthless. ``NO_Leadgen_Økonomisjefer``
    costs about three times as much per lead, yet its cost per MQL is less than half.
  * Brand search brings the best leads; competitor keywords are expensive and convert poorly.
  * A trade-fair list imported on 9 October adds 46 contacts in one minute, few of them qualify.
  * Leads move to MQL within days, to SQL within weeks and to customer within one to three
    months, so autumn leads are still in the pipeline at year end.

brand — Norrsken Havre, a Swedish oat-drink brand launching nationwide (SEK, goal: awareness).
  * Summer always-on video, the launch (1 September – 21 December) and a Christmas push.
  * The launch's Meta reach campaign targets a narrow audience (25–44, big cities): from late
    October its frequency keeps climbing while new reach shrinks and CPM rises (fatigue), so
    December buys fewer impressions for the same money, just as TikTok's launch flight ends.
  * TikTok buys reach and video views at a much lower CPM, with low-volume ad groups that
    TikTok masks as ``<5`` impressions; direct and organic visits to the site grow after launch.

traffic — Kystlys Reiseguide, a Norwegian travel-guide site (NOK, goal: traffic).
  * Google Ads downloaded with a Norwegian interface: semicolons, decimal commas, NBSP thousands,
    ``6,99 %``, Norwegian headers and ``Totalt:`` rows (the layout is inferred, see §1 of the doc).
  * Summer-holiday peak in July, a slow autumn and winter-cabin planning after Christmas.
  * ``NO_Display_Inspirasjon`` buys the cheapest clicks, mostly accidental taps on mobile: GA4's
    Display channel has by far the highest bounce rate and nine-second visits.
"""

from __future__ import annotations

import csv
import io
import json
import math
import random
import sys
import zlib
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

START = date(2025, 6, 1)
END = date(2025, 12, 31)
DAYS = [START + timedelta(n) for n in range((END - START).days + 1)]
HERE = Path(__file__).resolve().parent


# --- randomness and calendar ------------------------------------------------------------------


def rng_for(name: str) -> random.Random:
    """One generator per file, seeded from its name: tuning one file does not reshuffle the draws of
    the others (files built on another's rows, such as GA4 sessions from ad clicks, follow it)."""
    return random.Random(zlib.crc32(name.encode()))


def poisson(rng: random.Random, lam: float) -> int:
    """A Poisson draw (Knuth for small means, a rounded normal above 30)."""
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def binomial(rng: random.Random, n: int, p: float) -> int:
    return sum(rng.random() < p for _ in range(n))


def noise(rng: random.Random, sigma: float = 0.12) -> float:
    """Day-to-day wobble around 1."""
    return rng.lognormvariate(0, sigma)


def interpolate(d: date, points: list[tuple[date, float]]) -> float:
    """Piecewise-linear curve through (date, value) points; flat outside them."""
    if d <= points[0][0]:
        return points[0][1]
    for (d0, v0), (d1, v1) in zip(points, points[1:], strict=False):
        if d <= d1:
            return v0 + (v1 - v0) * (d - d0).days / (d1 - d0).days
    return points[-1][1]


def between(d: date, first: str, last: str) -> bool:
    return date.fromisoformat(first) <= d <= date.fromisoformat(last)


def ramp(d: date, first: str, last: str) -> float:
    """0 before ``first``, rising linearly to 1 at ``last``, 1 after."""
    a, b = date.fromisoformat(first), date.fromisoformat(last)
    return min(1.0, max(0.0, (d - a).days / (b - a).days))


def shop_demand(d: date) -> float:
    """How many people want wool on day d, relative to an average day."""
    season = interpolate(d, [(date(2025, 6, 1), 0.55), (date(2025, 7, 15), 0.5), (date(2025, 8, 31), 0.72),
                             (date(2025, 10, 1), 1.0), (date(2025, 11, 15), 1.3), (date(2025, 12, 15), 1.55),
                             (date(2025, 12, 31), 1.2)])
    weekday = (1.05, 1.0, 0.97, 0.96, 0.86, 0.84, 1.18)[d.weekday()]
    events = {"2025-11-24": 1.5, "2025-11-25": 1.5, "2025-11-26": 1.6, "2025-11-27": 1.8, "2025-11-28": 3.0,
              "2025-11-29": 1.7, "2025-11-30": 1.6, "2025-12-01": 2.0, "2025-12-20": 1.1, "2025-12-21": 0.9,
              "2025-12-22": 0.75, "2025-12-23": 0.55, "2025-12-24": 0.25, "2025-12-25": 0.35, "2025-12-26": 0.9,
              "2025-12-27": 1.25, "2025-12-28": 1.2, "2025-12-29": 1.1, "2025-12-30": 1.0, "2025-12-31": 0.45}
    rush = 1.25 if between(d, "2025-12-06", "2025-12-19") else 1.0
    return season * weekday * events.get(d.isoformat(), rush)


def shop_intent(d: date) -> float:
    """Share of visitors ready to buy, relative to normal: higher in Black Week and before Christmas."""
    if between(d, "2025-11-24", "2025-12-01"):
        return 1.45
    if between(d, "2025-12-06", "2025-12-19"):
        return 1.2
    return 1.0


def b2b_demand(d: date) -> float:
    """Working-day rhythm of a Norwegian B2B buyer: weekends, fellesferie and Christmas are dead."""
    season = interpolate(d, [(date(2025, 6, 1), 1.0), (date(2025, 6, 27), 0.95), (date(2025, 7, 7), 0.4),
                             (date(2025, 8, 1), 0.45), (date(2025, 8, 18), 1.0), (date(2025, 9, 15), 1.2),
                             (date(2025, 11, 20), 1.15), (date(2025, 12, 15), 0.9), (date(2025, 12, 20), 0.35)])
    weekday = (1.1, 1.15, 1.1, 1.05, 0.85, 0.3, 0.35)[d.weekday()]
    return season * weekday


def brand_demand(d: date) -> float:
    """Media appetite of a Swedish grocery brand: weekends are good for social video."""
    weekday = (0.95, 0.95, 0.97, 1.0, 1.05, 1.05, 1.03)[d.weekday()]
    midsummer = 0.7 if between(d, "2025-06-20", "2025-06-22") else 1.0
    return weekday * midsummer


# --- number formats ---------------------------------------------------------------------------


def plain(x: float, decimals: int = 2) -> str:
    return f"{x:.{decimals}f}"


def short(x: float, decimals: int = 6) -> str:
    """GA4 / Meta style raw float: 84210.5, 9120, 0.644451 (no trailing zeros)."""
    text = f"{x:.{decimals}f}".rstrip("0").rstrip(".")
    return text or "0"


def percent(x: float) -> str:
    return f"{x * 100:.2f}%"


def ascii_name(text: str) -> str:
    return text.lower().translate(str.maketrans({"ø": "o", "å": "a", "æ": "ae", "ä": "a", "ö": "o", " ": ""}))


# --- writers ----------------------------------------------------------------------------------


def csv_text(rows: Iterable[list[str]], delimiter: str = ",", newline: str = "\n") -> str:
    """Fields quoted only when they need it (delimiter, quote, newline), like most exporters."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return buf.getvalue()


def meta_csv(rows: Iterable[list[str]]) -> str:
    """Meta quotes every field that contains a space or a comma."""
    def cell(v: str) -> str:
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ' ,"') else v
    return "".join(",".join(cell(v) for v in row) + "\n" for row in rows)


# --- Google Ads -------------------------------------------------------------------------------

DEVICES = ("Computers", "Mobile phones", "Tablets")


def google_ads_rows(rng: random.Random, campaigns: list[dict], demand: Callable[[date], float],
                    intent: Callable[[date], float], currency: str, with_value: bool) -> list[dict]:
    """Day × campaign × device rows as numbers; ``google_ads_csv`` formats them.

    Campaigns come from ``campaign()``. With ``with_value`` conversions are fractional (data-driven
    attribution spreads them over clicks) and carry a value; without, they are whole form fills.
    """
    rows = []
    for d in DAYS:
        for c in campaigns:
            if not between(d, c.get("first", "2025-06-01"), c.get("last", "2025-12-31")):
                continue
            day_impr = c["impr"] * demand(d) * noise(rng, 0.1)
            for dev in DEVICES:
                impr = round(day_impr * c["share"][dev] * noise(rng, 0.08))
                if impr <= 0:
                    continue
                clicks = poisson(rng, impr * c["ctr"][dev] * noise(rng, 0.06))
                cost = round(clicks * c["cpc"] * noise(rng, 0.1), 2) if clicks else 0.0
                conv = poisson(rng, clicks * c["cvr"][dev] * intent(d)) * (noise(rng, 0.08) if with_value else 1.0)
                conv = round(conv, 2)
                value = round(conv * c.get("value", 0) * noise(rng, 0.15), 2) if with_value else 0.0
                rows.append({"day": d, "campaign": c["name"], "type": c["type"], "device": dev, "currency": currency,
                             "impr": impr, "clicks": clicks, "cost": cost, "conv": conv, "value": value})
    return rows


def campaign(name: str, kind: str, impr: int, cpc: float, ctr: tuple[float, float, float],
             cvr: tuple[float, float, float], share: dict[str, float], **extra) -> dict:
    """A Google Ads campaign for ``google_ads_rows``; ctr and cvr per device in DEVICES order."""
    return {"name": name, "type": kind, "impr": impr, "cpc": cpc, "share": share,
            "ctr": dict(zip(DEVICES, ctr, strict=True)), "cvr": dict(zip(DEVICES, cvr, strict=True)), **extra}


# What a Google Ads download is called in the UI language. English is the common case; the
# Norwegian names beyond "Gj.sn. CPC" are not confirmed (see export-formats.md §1), nor is the
# formatting (NBSP thousands, decimal comma, "6,99 %"), so that file is a variant worth testing.
GOOGLE_LOCALES = {
    "en": {"title": "Campaign report", "total": "Total", "account": "Account", "group": ",", "decimal": ".",
           "percent": "%", "date": "{month} {day}, {year}",
           "months": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"],
           "labels": {"day": "Day", "campaign": "Campaign", "type": "Campaign type", "device": "Device",
                      "currency": "Currency code", "impr": "Impr.", "clicks": "Clicks", "ctr": "CTR",
                      "cpc": "Avg. CPC", "cost": "Cost", "conv": "Conversions", "value": "Conv. value",
                      "cpa": "Cost / conv.", "roas": "Conv. value / cost", "cvr": "Conv. rate"},
           "names": {}},
    "nb": {"title": "Kampanjerapport", "total": "Totalt", "account": "Konto", "group": "\u00a0", "decimal": ",",
           "percent": "\u00a0%", "date": "{day}. {month} {year}",
           "months": ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
                      "november", "desember"],
           "labels": {"day": "Dag", "campaign": "Kampanje", "type": "Kampanjetype", "device": "Enhet",
                      "currency": "Valutakode", "impr": "Visn.", "clicks": "Klikk", "ctr": "Klikkfrekvens",
                      "cpc": "Gj.sn. CPC", "cost": "Kostnad", "conv": "Konverteringer", "cpa": "Kostnad/konv."},
           "names": {"Search": "Søk", "Computers": "Datamaskiner", "Mobile phones": "Mobiltelefoner",
                     "Tablets": "Nettbrett"}},
}


def google_ads_csv(rows: list[dict], ratios: tuple[str, ...], lang: str = "en") -> list[list[str]]:
    """The report as Google Ads writes it: title, date range, header, rows, then the Total: rows.

    ``ratios`` are the derived columns after Conversions ("value", "cpa", "roas", "cvr"). Counts and
    Conv. value get thousands separators; Cost never does (as in real downloads).
    """
    loc = GOOGLE_LOCALES[lang]
    missing = " --"

    def num(x: float, decimals: int, group: bool = True) -> str:
        text = f"{x:,.{decimals}f}" if group else f"{x:.{decimals}f}"
        return text.translate(str.maketrans({",": loc["group"], ".": loc["decimal"]}))

    def pct(num_: float, den: float) -> str:
        return num(100 * num_ / den, 2) + loc["percent"] if den else missing

    def metrics(impr: int, clicks: int, cost: float, conv: float, value: float) -> list[str]:
        derived = {"value": num(value, 2), "cpa": num(cost / conv, 2, False) if conv else missing,
                   "roas": num(value / cost, 2, False) if cost else missing, "cvr": pct(conv, clicks)}
        return [num(impr, 0), num(clicks, 0), pct(clicks, impr), num(cost / clicks, 2, False) if clicks else missing,
                num(cost, 2, False), num(conv, 2), *(derived[k] for k in ratios)]

    def total(label: str, part: list[dict]) -> list[str]:
        sums = [sum(r[k] for r in part) for k in ("impr", "clicks", "cost", "conv", "value")]
        return [f"{loc['total']}: {label}", "", "", "", part[0]["currency"],
                *metrics(int(sums[0]), int(sums[1]), *sums[2:])]

    def day(d: date) -> str:  # the date-range line follows the UI language, whatever the machine's locale
        return loc["date"].format(day=d.day, month=loc["months"][d.month - 1], year=d.year)

    name = loc["names"].get
    keys = ["day", "campaign", "type", "device", "currency", "impr", "clicks", "ctr", "cpc", "cost", "conv", *ratios]
    out = [[loc["title"]], [f"{day(START)} - {day(END)}"], [loc["labels"][k] for k in keys]]
    for r in rows:
        out.append([r["day"].isoformat(), r["campaign"], name(r["type"], r["type"]), name(r["device"], r["device"]),
                    r["currency"], *metrics(r["impr"], r["clicks"], r["cost"], r["conv"], r["value"])])
    out.append(total(loc["account"], rows))
    for kind in dict.fromkeys(r["type"] for r in rows):
        out.append(total(name(kind, kind), [r for r in rows if r["type"] == kind]))
    return out


# --- GA4 --------------------------------------------------------------------------------------

GA4_CHANNEL = "Session primary channel group (Default Channel Group)"


def ga4_csv(account: str, prop: str, rows: list[dict]) -> str:
    """Traffic acquisition by channel group with Date as secondary dimension, sorted by sessions."""
    block = ["# ----------------------------------------",
             f"# Traffic acquisition: {GA4_CHANNEL}",
             f"# Account: {account}",
             f"# Property: {prop} ",
             "# ----------------------------------------",
             "# ",
             "# All Users",
             f"# Start date: {START:%Y%m%d}",
             f"# End date: {END:%Y%m%d}"]
    header = [GA4_CHANNEL, "Date", "Users", "Sessions", "Engaged sessions", "Average engagement time per session",
              "Engagement rate", "Event count", "Key events", "Total revenue"]
    body = [[r["channel"], f"{r['day']:%Y%m%d}", str(r["users"]), str(r["sessions"]), str(r["engaged"]),
             short(r["seconds"] / r["sessions"]), short(r["engaged"] / r["sessions"], 8), str(r["events"]),
             str(r["key_events"]), short(r["revenue"], 2)]
            for r in sorted(rows, key=lambda r: (-r["sessions"], r["day"], r["channel"]))]
    return "\n".join(block) + "\n" + csv_text([header, *body])


def ga4_row(rng: random.Random, d: date, channel: str, sessions: int, engagement: float, seconds: float,
            key_events: int = 0, revenue: float = 0.0) -> dict:
    engaged = binomial(rng, sessions, engagement) if sessions < 400 else round(sessions * engagement * noise(rng, 0.03))
    users = max(1, round(sessions * 0.83 * noise(rng, 0.03)))
    return {"day": d, "channel": channel, "sessions": sessions, "users": users, "engaged": engaged,
            "seconds": sessions * seconds * noise(rng, 0.1),
            "events": round(sessions * 8.6 * noise(rng, 0.08)), "key_events": key_events, "revenue": revenue}


# --- webshop: Nordlys Ull ---------------------------------------------------------------------

SHOP_SHARE = {"Computers": 0.32, "Mobile phones": 0.62, "Tablets": 0.06}


def saturation(d: date) -> float:
    """0 until the lookalike audience is used up (end of Black Week), 1 from mid-December."""
    return ramp(d, "2025-11-28", "2025-12-18")


# campaign(name, type, impressions on an average day, CPC, CTR and conversion rate per device
# (computers, mobile phones, tablets), impression share per device, value per conversion, first/last day)
SHOP_GOOGLE = [
    campaign("NO_Søk_Merkevare", "Search", 520, 3.4, (0.17, 0.21, 0.15), (0.085, 0.03, 0.05), SHOP_SHARE, value=980),
    campaign("NO_Søk_Generisk_Ull", "Search", 2600, 7.6, (0.052, 0.068, 0.047), (0.034, 0.011, 0.02),
             SHOP_SHARE, value=890),
    campaign("NO_Søk_Vinterkampanje", "Search", 1700, 6.1, (0.061, 0.079, 0.055), (0.038, 0.013, 0.024),
             SHOP_SHARE, value=1040, first="2025-10-13"),
    campaign("NO_PMax_Nettbutikk", "Performance Max", 14500, 3.1, (0.01, 0.015, 0.011), (0.026, 0.009, 0.015),
             SHOP_SHARE, value=820),
    campaign("NO_Display_Remarketing", "Display", 9000, 2.2, (0.0042, 0.0075, 0.005), (0.016, 0.004, 0.008),
             SHOP_SHARE, value=760),
]

AGES = ("18-24", "25-34", "35-44", "45-54", "55-64", "65+")
AGE_SHARE = (0.08, 0.21, 0.24, 0.22, 0.16, 0.09)
AGE_CVR = (0.55, 0.85, 1.0, 1.15, 1.2, 1.05)

SHOP_META = [
    # spend per day (NOK), CPM, link CTR (%), purchase rate per link click, value per purchase
    {"name": "Nordlys_Prospekt_LAL1%_Kjøpere", "spend": 620, "cpm": 68, "ctr": 1.15, "cvr": 0.024, "value": 910,
     "delivery": "active", "saturates": True},
    {"name": "Nordlys_Retargeting_30d", "spend": 240, "cpm": 112, "ctr": 1.8, "cvr": 0.045, "value": 960,
     "delivery": "active"},
    {"name": "Sommersalg 2025", "spend": 380, "cpm": 58, "ctr": 1.3, "cvr": 0.014, "value": 640,
     "first": "2025-06-16", "last": "2025-07-31", "delivery": "inactive"},
    {"name": "Vinterkampanje – Ull til hele familien", "spend": 520, "cpm": 74, "ctr": 1.05, "cvr": 0.019,
     "value": 1120, "first": "2025-10-15", "last": "2025-12-22", "delivery": "inactive"},
    {"name": "Black Week 2025", "spend": 2300, "cpm": 96, "ctr": 1.4, "cvr": 0.03, "value": 990,
     "first": "2025-11-21", "last": "2025-12-01", "delivery": "inactive"},
]

META_HEADER = ["Reporting starts", "Reporting ends", "Campaign name"]


def meta_shop_rows(rng: random.Random) -> list[list[str]]:
    """Meta Ads Manager export by day × campaign × age, NOK, purchases as results."""
    header = [*META_HEADER, "Age", "Campaign delivery", "Results", "Result indicator", "Cost per results",
              "Amount spent (NOK)", "Impressions", "Reach", "Frequency", "CPM (cost per 1,000 impressions) (NOK)",
              "Link clicks", "CPC (cost per link click) (NOK)", "CTR (link click-through rate)", "Adds to cart",
              "Purchases", "Purchases conversion value", "Purchase ROAS (return on ad spend)", "Attribution setting"]
    out = [header]
    for d in DAYS:
        for c in SHOP_META:
            if not between(d, c.get("first", "2025-06-01"), c.get("last", "2025-12-31")):
                continue
            tired = saturation(d) if c.get("saturates") else 0.0
            day_spend = c["spend"] * (0.6 + 0.4 * shop_demand(d)) * noise(rng, 0.08)
            for age, share, age_cvr in zip(AGES, AGE_SHARE, AGE_CVR, strict=True):
                spend = round(day_spend * share * noise(rng, 0.1), 2)
                impr = round(spend / (c["cpm"] * (1 + 0.3 * tired) * noise(rng, 0.07)) * 1000)
                freq = (1.12 + 0.5 * tired) * noise(rng, 0.04)
                reach = max(1, round(impr / freq))
                clicks = poisson(rng, impr * c["ctr"] / 100 * (1 - 0.45 * tired) * noise(rng, 0.08))
                buys = poisson(rng, clicks * c["cvr"] * age_cvr * shop_intent(d) * (1 - 0.45 * tired))
                carts = buys + poisson(rng, clicks * 0.06)
                value = round(sum(c["value"] * noise(rng, 0.3) for _ in range(buys)), 2)
                cells = {"Reporting starts": d.isoformat(), "Reporting ends": d.isoformat(), "Campaign name": c["name"],
                         "Age": age, "Campaign delivery": c["delivery"], "Amount spent (NOK)": plain(spend),
                         "Impressions": str(impr), "Reach": str(reach), "Frequency": short(impr / reach),
                         "CPM (cost per 1,000 impressions) (NOK)": short(1000 * spend / impr),
                         "Link clicks": str(clicks), "CTR (link click-through rate)": short(100 * clicks / impr),
                         "Attribution setting": "7-day click or 1-day view"}
                if clicks:
                    cells["CPC (cost per link click) (NOK)"] = short(spend / clicks)
                if carts:
                    cells["Adds to cart"] = str(carts)
                if buys:  # Meta leaves result columns empty, not 0, on rows without results
                    cells |= {"Results": str(buys), "Result indicator": "actions:offsite_conversion.fb_pixel_purchase",
                              "Cost per results": short(spend / buys), "Purchases": str(buys),
                              "Purchases conversion value": plain(value),
                              "Purchase ROAS (return on ad spend)": short(value / spend)}
                out.append([cells.get(h, "") for h in header])
    return out


GA4_SHOP_ORGANIC = {
    # channel: (sessions per average day, engagement rate, seconds per session, purchase rate, repeat share)
    "Organic Search": (430, 0.67, 58, 0.011, 0.2),
    "Direct": (270, 0.6, 64, 0.015, 0.35),
    "Email": (65, 0.71, 71, 0.024, 0.6),
    "Organic Social": (75, 0.49, 34, 0.0045, 0.12),
    "Referral": (42, 0.64, 55, 0.011, 0.12),
    "Unassigned": (12, 0.3, 21, 0.004, 0.1),
}
GA4_SHOP_PAID = {
    # channel: (sessions per ad click, engagement rate, seconds, purchase rate, repeat share)
    "Paid Search": (0.93, 0.63, 52, 0.017, 0.22),
    "Cross-network": (0.84, 0.44, 31, 0.008, 0.12),
    "Paid Social": (0.79, 0.38, 24, 0.006, 0.08),
}
GA4_SHARE_TRACKED = 0.88  # consent: GA4 sees this share of the shop's orders
# The shop's attribution app writes the visit's utm_source into the order's Note Attributes (paid
# and e-mail visits carry UTM tags; organic, direct and referral visits do not).
UTM_SOURCE = {"Paid Search": "google", "Cross-network": "google", "Paid Social": "facebook", "Email": "newsletter"}


def newsletter(d: date) -> float:
    """E-mail traffic: the newsletter goes out on Tuesdays, plus Black Friday and Cyber Monday."""
    if d.isoformat() in ("2025-11-28", "2025-12-01"):
        return 4.0
    return 2.6 if d.weekday() == 1 else 0.75


# Shopify catalogue: (product / variant, SKU, price incl. 25 % VAT, weight)
PRODUCTS = [
    ("Ullsokker Tursokk - Natur / 40-43", "US-NAT-4043", 249.0, 10),
    ("Ullsokker Tursokk - Grå / 36-39", "US-GRA-3639", 249.0, 9),
    ("Lue Nordlys - Marine", "LU-NL-MAR", 399.0, 8), ("Votter Rosemaling - Rød", "VO-RM-ROD", 349.0, 6),
    ("Skjerf Fjord - Grå", "SK-FJ-GRA", 549.0, 5), ("Ullpledd Hytte - Grå", "UP-HY-GRA", 1299.0, 4),
    ("Genser Fjell - Dame / M", "GE-FJ-D-M", 1499.0, 4), ("Genser Fjell - Herre / L", "GE-FJ-H-L", 1499.0, 4),
    ("Ullundertøy sett - Herre / L", "UU-H-L", 899.0, 5), ("Ullundertøy sett - Dame / S", "UU-D-S", 899.0, 5),
    ("Barnegenser Stjerne - 4 år", "BG-ST-4", 699.0, 4), ("Gavekort 500 kr", "GAVE-500", 500.0, 2),
]
FIRST_NAMES = ["Ingrid", "Kari", "Nora", "Sofie", "Emma", "Hanne", "Silje", "Marit", "Anne", "Ida", "Thea", "Maja",
               "Ola", "Lars", "Jonas", "Erik", "Henrik", "Magnus", "Sindre", "Anders", "Per", "Jakob", "Even", "Knut"]
LAST_NAMES = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen",
              "Karlsen", "Berg", "Haugen", "Hagen", "Eriksen", "Bakken", "Lie", "Dahl", "Moen", "Strand", "Solberg"]
CITIES = [("Oslo", "0", 0.32), ("Bergen", "50", 0.14), ("Trondheim", "70", 0.1), ("Stavanger", "40", 0.08),
          ("Tromsø", "90", 0.05), ("Kristiansand", "46", 0.05), ("Drammen", "30", 0.05), ("Lillehammer", "26", 0.04),
          ("Bodø", "80", 0.04), ("Ålesund", "60", 0.05), ("Hamar", "23", 0.04), ("Fredrikstad", "16", 0.04)]
STREETS = ["Storgata", "Kirkeveien", "Skolegata", "Fjellveien", "Bjørkeveien", "Granveien", "Sjøgata", "Parkveien",
           "Løkkeveien", "Bakkegata", "Elvegata", "Solbakken"]
SHOPIFY_HEADER = (
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,"
    "Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,"
    "Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,"
    "Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,"
    "Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,"
    "Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,"
    "Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,"
    "Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,"
    "Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,"
    "Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,"
    "Payment Terms Name,Next Payment Due At,Payment References"
).split(",")


def oslo_time(t: datetime) -> str:
    """Shopify's timestamp in Europe/Oslo: +0200 until summer time ends on 26 October 2025."""
    offset = "+0200" if t < datetime(2025, 10, 26, 3) else "+0100"
    return f"{t:%Y-%m-%d %H:%M:%S} {offset}"


def discount_for(rng: random.Random, d: date, new_customer: bool) -> tuple[str, float]:
    if between(d, "2025-11-24", "2025-12-01") and rng.random() < 0.6:
        return "BLACKWEEK25", 0.25
    if between(d, "2025-06-16", "2025-07-31") and rng.random() < 0.3:
        return "SOMMER20", 0.2
    if between(d, "2025-10-15", "2025-12-22") and rng.random() < 0.15:
        return "VINTER10", 0.1
    if new_customer and rng.random() < 0.12:
        return "VELKOMMEN10", 0.1
    return "", 0.0


ORDER_HOURS = [1, 1, 0, 0, 0, 1, 2, 4, 5, 6, 6, 6, 7, 6, 6, 6, 6, 6, 7, 9, 10, 10, 8, 4]  # orders by hour of day


def new_customer(rng: random.Random, number: int) -> dict:
    """An invented customer: name, address (zip with Shopify's leading apostrophe), marketing consent."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    city, zip_prefix, _ = rng.choices(CITIES, weights=[c[2] for c in CITIES])[0]
    digits = 4 - len(zip_prefix)
    return {"email": f"kunde{number}@example.no", "name": f"{first} {last}",
            "street": f"{rng.choice(STREETS)} {rng.randint(1, 88)}", "city": city,
            "zip": "'" + zip_prefix + str(rng.randrange(10 ** digits)).zfill(digits),
            "marketing": "yes" if rng.random() < 0.55 else "no"}


def basket(rng: random.Random) -> list[tuple[int, str, float, str]]:
    """Line items of one order: (quantity, product, unit price, SKU); most orders hold one item."""
    lines = []
    for _ in range(rng.choices([1, 2, 3, 4], weights=[64, 26, 8, 2])[0]):
        name, sku, price, _ = rng.choices(PRODUCTS, weights=[p[3] for p in PRODUCTS])[0]
        lines.append((rng.choices([1, 2, 3], weights=[85, 12, 3])[0], name, price, sku))
    return lines


def shopify_orders(rng: random.Random, orders_by_day: list[tuple[date, list[str]]]) -> tuple[list[list[str]], dict]:
    """orders_export.csv rows (newest first, one row per line item) and per-(day, channel) order totals.

    ``orders_by_day`` lists, per day, the channel of each order. Returning customers are drawn
    from earlier buyers; the channel decides how likely an order comes from one.
    """
    customers: list[dict] = []
    orders: list[list[list[str]]] = []
    totals: dict[tuple[date, str], list[float]] = {}
    number, order_id = 1001, 6_214_873_300_000
    repeat_share = {**{k: v[4] for k, v in GA4_SHOP_ORGANIC.items()}, **{k: v[4] for k, v in GA4_SHOP_PAID.items()}}
    for d, channels in orders_by_day:
        stamps = sorted(datetime(d.year, d.month, d.day) + timedelta(
            hours=rng.choices(range(24), weights=ORDER_HOURS)[0], seconds=rng.randrange(3600)) for _ in channels)
        for stamp, channel in zip(stamps, rng.sample(channels, len(channels)), strict=True):
            returning = customers and rng.random() < repeat_share[channel]
            if returning:
                cust = rng.choice(customers)
            else:
                cust = new_customer(rng, len(customers) + 101)
                customers.append(cust)
            lines = basket(rng)
            items = sum(q * p for q, _, p, _ in lines)
            code, pct = discount_for(rng, d, not returning)
            discount = round(items * pct, 2)
            subtotal = items - discount
            method, shipping = ("Gratis frakt", 0.0) if subtotal >= 999 else rng.choice(
                [("Bring - Pakke i postkassen", 79.0), ("Posten - Pakke til hentested", 99.0),
                 ("Helthjem - Hjemlevering", 89.0)])
            total = subtotal + shipping
            fate = rng.random()
            status, refunded, cancelled = "paid", 0.0, ""
            if fate < 0.015:
                status, cancelled = "voided", oslo_time(stamp + timedelta(hours=rng.randint(1, 20)))
            elif fate < 0.045:
                status, refunded = "refunded", total
            elif fate < 0.075 and len(lines) > 1:
                status, refunded = "partially_refunded", lines[-1][2]
            shipped = status != "voided" and d < date(2025, 12, 30)
            fulfilled_at = stamp.replace(hour=rng.randint(9, 15)) + timedelta(days=rng.choice([1, 1, 2, 3]))
            created = oslo_time(stamp)
            payment = "Klarna" if status == "voided" else rng.choices(
                ["Vipps", "Shopify Payments", "Klarna"], weights=[45, 30, 25])[0]
            order_id += rng.randint(3000, 90000)
            ref = f"c{order_id + 8_100_000_000_000}.1"
            first_row = {
                "Name": f"#{number}", "Email": cust["email"], "Financial Status": status,
                "Paid at": "" if status == "voided" else oslo_time(stamp + timedelta(seconds=rng.randint(3, 40))),
                "Fulfillment Status": "fulfilled" if shipped else "unfulfilled",
                "Fulfilled at": oslo_time(fulfilled_at) if shipped else "", "Accepts Marketing": cust["marketing"],
                "Currency": "NOK", "Subtotal": plain(subtotal), "Shipping": plain(shipping),
                "Taxes": plain(total * 0.2), "Total": plain(total), "Discount Code": code,
                "Discount Amount": plain(discount), "Shipping Method": method,
                "Billing Name": cust["name"], "Billing Street": cust["street"], "Billing Address1": cust["street"],
                "Billing City": cust["city"], "Billing Zip": cust["zip"], "Billing Country": "NO",
                "Shipping Name": cust["name"], "Shipping Street": cust["street"], "Shipping Address1": cust["street"],
                "Shipping City": cust["city"], "Shipping Zip": cust["zip"], "Shipping Country": "NO",
                "Notes": "Gaveinnpakning, takk!" if d.month == 12 and rng.random() < 0.05 else "",
                "Note Attributes": f"utm_source: {UTM_SOURCE[channel]}" if channel in UTM_SOURCE else "",
                "Cancelled at": cancelled, "Payment Method": payment, "Payment Reference": ref,
                "Refunded Amount": plain(refunded), "Outstanding Balance": "0.00", "Id": str(order_id),
                "Risk Level": "Low", "Source": "web" if rng.random() < 0.97 else "shopify_draft_order",
                "Tax 1 Name": "MVA 25%", "Tax 1 Value": plain(total * 0.2), "Payment ID": ref,
                "Payment References": ref,
            }
            rows = []
            for i, (qty, name, price, sku) in enumerate(lines):
                row = first_row if i == 0 else {"Name": f"#{number}", "Email": cust["email"]}
                row = {**row, "Created at": created, "Lineitem quantity": str(qty), "Lineitem name": name,
                       "Lineitem price": plain(price), "Lineitem sku": sku, "Lineitem requires shipping": "true",
                       "Lineitem taxable": "true", "Lineitem fulfillment status": "fulfilled" if shipped else "pending",
                       "Vendor": "Nordlys Ull", "Lineitem discount": "0.00"}
                rows.append([row.get(col, "") for col in SHOPIFY_HEADER])
            orders.append(rows)
            totals.setdefault((d, channel), []).append(total)
            number += 1
    out = [SHOPIFY_HEADER] + [row for rows in reversed(orders) for row in rows]
    return out, totals


def webshop() -> dict[str, bytes]:
    rng = rng_for("webshop/google_ads")
    google = google_ads_rows(rng, SHOP_GOOGLE, shop_demand, shop_intent, "NOK", with_value=True)
    meta = meta_shop_rows(rng_for("webshop/meta_ads"))

    # Paid sessions follow the ad clicks; unpaid channels follow demand. Orders follow sessions.
    paid_clicks: dict[tuple[date, str], int] = {}
    for r in google:
        channel = "Paid Search" if r["type"] == "Search" else "Cross-network"
        paid_clicks[r["day"], channel] = paid_clicks.get((r["day"], channel), 0) + r["clicks"]
    link_clicks = meta[0].index("Link clicks")
    for row in meta[1:]:
        key = (date.fromisoformat(row[0]), "Paid Social")
        paid_clicks[key] = paid_clicks.get(key, 0) + int(row[link_clicks])

    rng = rng_for("webshop/ga4")
    visits: list[tuple[date, str, int, tuple]] = []
    for d in DAYS:
        for channel, spec in GA4_SHOP_ORGANIC.items():
            extra = newsletter(d) if channel == "Email" else 1.0
            visits.append((d, channel, round(spec[0] * shop_demand(d) * extra * noise(rng, 0.1)), spec))
        for channel, spec in GA4_SHOP_PAID.items():
            visits.append((d, channel, round(paid_clicks.get((d, channel), 0) * spec[0] * noise(rng, 0.04)), spec))
    orders_by_day: dict[date, list[str]] = {}
    for d, channel, sessions, spec in visits:
        orders_by_day.setdefault(d, []).extend([channel] * poisson(rng, sessions * spec[3] * shop_intent(d)))
    shop_rows, order_totals = shopify_orders(rng_for("webshop/shopify"), sorted(orders_by_day.items()))

    ga4_rows = []
    for d, channel, sessions, spec in visits:
        if sessions <= 0:
            continue
        tracked = [t for t in order_totals.get((d, channel), []) if rng.random() < GA4_SHARE_TRACKED]
        ga4_rows.append(ga4_row(rng, d, channel, sessions, spec[1], spec[2], len(tracked), sum(tracked)))

    return {
        "webshop/google_ads_campaigns.csv": csv_text(google_ads_csv(google, ("value", "cpa", "roas"))).encode(),
        "webshop/meta_ads_age.csv": ("\ufeff" + meta_csv(meta)).encode(),
        "webshop/ga4_traffic_acquisition.csv": ga4_csv("Nordlys Ull AS", "nordlysull.no - GA4", ga4_rows).encode(),
        "webshop/orders_export.csv": csv_text(shop_rows).encode(),
    }


# --- b2b: Fjordsikt AS ------------------------------------------------------------------------

B2B_SHARE = {"Computers": 0.68, "Mobile phones": 0.28, "Tablets": 0.04}
B2B_GOOGLE = [
    campaign("NO_Søk_Merkevare", "Search", 210, 6.5, (0.22, 0.25, 0.2), (0.055, 0.018, 0.03), B2B_SHARE),
    campaign("NO_Søk_Rapporteringsverktøy", "Search", 1400, 28.0, (0.045, 0.052, 0.04), (0.045, 0.012, 0.025),
             B2B_SHARE),
    campaign("NO_Søk_Konkurrenter", "Search", 600, 46.0, (0.031, 0.036, 0.03), (0.018, 0.005, 0.01), B2B_SHARE),
    campaign("NO_Display_Remarketing", "Display", 6000, 4.5, (0.0035, 0.006, 0.004), (0.008, 0.002, 0.004), B2B_SHARE),
]
B2B_LINKEDIN = [
    # spend per day, CPM, CTR, lead forms opened per impression, form completion, site conversions per click
    {"name": "NO_Leadgen_Økonomisjefer", "group": "Leadgen 2025", "id": "486120331", "objective": "Lead Generation",
     "spend": 950, "cpm": 290, "ctr": 0.0058, "open": 0.0010, "complete": 0.45, "conv": 0.0},
    {"name": "NO_Leadgen_IT-ledere", "group": "Leadgen 2025", "id": "486120874", "objective": "Lead Generation",
     "spend": 620, "cpm": 185, "ctr": 0.0072, "open": 0.0015, "complete": 0.6, "conv": 0.0},
    {"name": "NO_Webinar_Rapportering_Høst", "group": "Webinar Q3", "id": "491877203", "objective": "Lead Generation",
     "spend": 700, "cpm": 240, "ctr": 0.0065, "open": 0.0018, "complete": 0.55, "conv": 0.0,
     "first": "2025-09-01", "last": "2025-10-22"},
    {"name": "NO_Retargeting_Nettsidebesøk", "group": "Retargeting", "id": "486121502", "objective": "Website Visits",
     "spend": 320, "cpm": 160, "ctr": 0.0095, "open": 0.0, "complete": 0.0, "conv": 0.03},
]


def us_date(d: date) -> str:
    return f"{d.month}/{d.day}/{d.year}"


def linkedin(rng: random.Random) -> tuple[str, list[dict]]:
    """Campaign Manager's campaign performance report (daily), and its rows as numbers."""
    preamble = ["Campaign Performance Report (in UTC)", f"Report Start: {us_date(START)}, 12:00 AM",
                f"Report End: {us_date(END)}, 11:59 PM", "Date Generated: 1/2/2026, 9:14 AM",
                "Account: Fjordsikt AS (508412736)"]
    header = ["Start Date (in UTC)", "Account Name", "Campaign Group Name", "Campaign Name", "Campaign ID",
              "Campaign Type", "Campaign Objective", "Currency", "Total Spent", "Impressions", "Clicks",
              "Clicks to Landing Page", "Reach", "Leads", "Lead Forms Opened", "Conversions"]
    rows, table = [], [header]
    for d in DAYS:
        for c in B2B_LINKEDIN:
            if not between(d, c.get("first", "2025-06-01"), c.get("last", "2025-12-31")):
                continue
            spend = round(c["spend"] * b2b_demand(d) * noise(rng, 0.1), 2)
            impr = round(spend / c["cpm"] * 1000 * noise(rng, 0.05))
            clicks = poisson(rng, impr * c["ctr"])
            landing = binomial(rng, clicks, 0.35 if c["open"] else 0.9)
            opened = poisson(rng, impr * c["open"])
            leads = binomial(rng, opened, c["complete"])
            conv = binomial(rng, landing, c["conv"])
            reach = round(impr / (1.28 * noise(rng, 0.05)))
            rows.append({"day": d, "campaign": c["name"], "leads": leads, "conversions": conv})
            table.append([us_date(d), "Fjordsikt AS", c["group"], c["name"], c["id"], "Sponsored Content",
                          c["objective"], "NOK", plain(spend), str(impr), str(clicks), str(landing), str(reach),
                          str(leads), str(opened), str(conv)])
    return "\n".join(preamble) + "\n" + csv_text(table), rows


B2B_QUALITY = {
    # source key: probability a lead becomes an MQL
    "NO_Leadgen_Økonomisjefer": 0.46, "NO_Leadgen_IT-ledere": 0.07, "NO_Webinar_Rapportering_Høst": 0.3,
    "NO_Retargeting_Nettsidebesøk": 0.38, "NO_Søk_Merkevare": 0.6, "NO_Søk_Rapporteringsverktøy": 0.36,
    "NO_Søk_Konkurrenter": 0.3, "NO_Display_Remarketing": 0.2, "Organic Search": 0.32, "Direct Traffic": 0.4,
    "Referrals": 0.45, "Social Media": 0.2, "Email Marketing": 0.3, "Offline Sources": 0.1,
}
B2B_OTHER_SOURCES = [
    # original source, drill-down 1, leads per average working day
    ("Organic Search", "google", 2.0), ("Direct Traffic", "fjordsikt.example.no/priser", 0.8),
    ("Referrals", "regnskapsforum.example.no", 0.35), ("Social Media", "LinkedIn", 0.4),
    ("Email Marketing", "Nyhetsbrev", 0.25),
]
JOB_TITLES = {"finance": ["Økonomisjef", "CFO", "Controller", "Regnskapssjef", "Daglig leder", "Finansdirektør"],
              "it": ["IT-sjef", "IT-konsulent", "Systemansvarlig", "CTO", "Utvikler"]}
COMPANY_WORDS = (["Nordvik", "Fjellheim", "Havbris", "Kystlinje", "Solbakke", "Granlund", "Elvebakk", "Stormo",
                  "Lysholm", "Breivang", "Tindheim", "Vestvik"],
                 ["Bygg", "Transport", "Eiendom", "Regnskap", "Sjømat", "Energi", "Handel", "Maskin", "Helse", "Data"])
OWNERS = ["Marte Lien", "Henrik Dahl", "Sofie Brekke"]
EXPORT_CUTOFF = datetime(2025, 12, 31, 23, 59)


def workday(t: datetime) -> datetime:
    """Sales staff update stages on weekdays between 8 and 16."""
    while t.weekday() >= 5:
        t += timedelta(days=1)
    return t.replace(hour=max(8, min(t.hour, 15)))


def hubspot_contact(rng: random.Random, created: datetime, source: str, drill1: str, drill2: str,
                    quality_key: str, subscriber: bool = False) -> dict:
    """One contact with the stage dates it reached by the export date."""
    stages: dict[str, datetime | None] = {"sub": created if subscriber else None, "lead": None, "mql": None,
                                          "sql": None, "opp": None, "cust": None}
    if not subscriber:
        stages["lead"] = created
        if rng.random() < B2B_QUALITY[quality_key]:
            stages["mql"] = created + timedelta(hours=rng.expovariate(1 / 70))
            if rng.random() < (0.6 if quality_key == "NO_Søk_Merkevare" else 0.45):
                stages["sql"] = workday(stages["mql"] + timedelta(days=rng.uniform(2, 21)))
                if rng.random() < 0.7:
                    stages["opp"] = workday(stages["sql"] + timedelta(days=rng.uniform(1, 10)))
                    if rng.random() < 0.35:
                        stages["cust"] = workday(stages["opp"] + timedelta(days=rng.uniform(14, 75)))
    stages = {k: (v if v and v <= EXPORT_CUTOFF else None) for k, v in stages.items()}
    return {"created": created, "source": source, "drill1": drill1, "drill2": drill2, "stages": stages,
            "it": quality_key == "NO_Leadgen_IT-ledere"}


def office_time(rng: random.Random, d: date) -> datetime:
    return datetime(d.year, d.month, d.day, rng.choice([7, 8, 9, 9, 10, 10, 11, 12, 13, 13, 14, 15, 19, 21]),
                    rng.randrange(60))


def hubspot_csv(rng: random.Random, contacts: list[dict]) -> str:
    """Contacts export with lifecycle stage dates, newest first as the default view sorts it."""
    header = ["Record ID", "First Name", "Last Name", "Email", "Company Name", "Job Title", "Lifecycle Stage",
              "Lead Status", "Create Date", "Original Source", "Original Source Drill-Down 1",
              "Original Source Drill-Down 2", "Became a Subscriber Date", "Became a Lead Date",
              "Became a Marketing Qualified Lead Date", "Became a Sales Qualified Lead Date",
              "Became an Opportunity Date", "Became a Customer Date", "Contact owner", "Total Revenue"]
    labels = [("cust", "Customer", [""]), ("opp", "Opportunity", ["Open deal"]),
              ("sql", "Sales Qualified Lead", ["Connected", "In progress"]),
              ("mql", "Marketing Qualified Lead", ["Open", "In progress", "Attempted to contact"]),
              ("lead", "Lead", ["New", "Attempted to contact", "Unqualified", "Unqualified"]),
              ("sub", "Subscriber", [""])]
    rows, record_id = [], 31_045_017
    for c in sorted(contacts, key=lambda c: c["created"]):
        record_id += rng.randint(1, 40)
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        company = f"{rng.choice(COMPANY_WORDS[0])} {rng.choice(COMPANY_WORDS[1])} AS"
        stage_key, stage, statuses = next(lab for lab in labels if c["stages"][lab[0]])
        s = c["stages"]
        owner = rng.choice(OWNERS) if s["mql"] else ""
        revenue = str(rng.randrange(48, 240) * 1000) if s["cust"] else ""
        title = "" if stage_key == "sub" else rng.choice(JOB_TITLES["it" if c["it"] else "finance"])
        rows.append([str(record_id), first, last,
                     f"{ascii_name(first)}.{ascii_name(last)}{record_id % 1000}@example.no", company, title, stage,
                     rng.choice(statuses), f"{c['created']:%Y-%m-%d %H:%M}", c["source"], c["drill1"], c["drill2"],
                     *(f"{s[k]:%Y-%m-%d %H:%M}" if s[k] else "" for k in ("sub", "lead", "mql", "sql", "opp", "cust")),
                     owner, revenue])
    return csv_text([header, *reversed(rows)])


def b2b() -> dict[str, bytes]:
    linkedin_text, linkedin_rows = linkedin(rng_for("b2b/linkedin"))
    google = google_ads_rows(rng_for("b2b/google_ads"), B2B_GOOGLE, b2b_demand, lambda _d: 1.0, "NOK",
                             with_value=False)
    rng = rng_for("b2b/hubspot")
    contacts = []
    # Ad leads reach the CRM through the LinkedIn lead-form sync and the website's forms (a few get lost).
    for r in linkedin_rows:
        for _ in range(binomial(rng, r["leads"] + r["conversions"], 0.96)):
            contacts.append(hubspot_contact(rng, office_time(rng, r["day"]), "Paid Social", "LinkedIn",
                                            r["campaign"], r["campaign"]))
    for r in google:
        for _ in range(binomial(rng, int(r["conv"]), 0.9)):
            contacts.append(hubspot_contact(rng, office_time(rng, r["day"]), "Paid Search", "google",
                                            r["campaign"], r["campaign"]))
    for d in DAYS:
        for source, drill1, per_day in B2B_OTHER_SOURCES:
            for _ in range(poisson(rng, per_day * b2b_demand(d))):
                contacts.append(hubspot_contact(rng, office_time(rng, d), source, drill1, "", source))
        for _ in range(poisson(rng, 0.7 * b2b_demand(d))):
            contacts.append(hubspot_contact(rng, office_time(rng, d), "Organic Search", "google", "",
                                            "Organic Search", subscriber=True))
    fair = datetime(2025, 10, 9, 15, 42)
    for _ in range(46):
        contacts.append(hubspot_contact(rng, fair, "Offline Sources", "IMPORT", "messe_regnskapsdagene_2025.csv",
                                        "Offline Sources"))
    google_text = csv_text(google_ads_csv(google, ("cpa", "cvr")), delimiter="\t", newline="\r\n")
    return {
        "b2b/linkedin_campaign_performance.csv": linkedin_text.encode(),
        "b2b/google_ads_campaigns.csv": ("\ufeff" + google_text).encode("utf-16-le"),
        "b2b/hubspot_contacts.csv": hubspot_csv(rng, contacts).encode(),
    }


# --- brand: Norrsken Havre --------------------------------------------------------------------

PLACEMENTS = [
    # platform, placement, share of spend, CPM factor, link CTR (%), ThruPlays and 3-second plays per impression
    ("Facebook", "Feed", 0.24, 1.1, 0.9, 0.05, 0.24), ("Instagram", "Feed", 0.22, 1.2, 0.6, 0.06, 0.27),
    ("Instagram", "Stories", 0.22, 0.85, 0.45, 0.1, 0.31), ("Instagram", "Reels", 0.2, 0.8, 0.5, 0.14, 0.38),
    ("Facebook", "Reels", 0.07, 0.75, 0.55, 0.12, 0.35),
    ("Audience Network", "Native, banner and interstitial", 0.05, 0.5, 1.2, 0.03, 0.12),
]
BRAND_META = [
    {"name": "SE_Sommarrea_Räckvidd", "spend": 1800, "cpm": 42, "last": "2025-08-17", "result": "reach"},
    {"name": "SE_Lansering_Havredryck", "spend": 4200, "cpm": 48, "first": "2025-09-01", "last": "2025-12-21",
     "result": "reach", "fatigue": ("2025-10-20", "2025-12-21")},
    {"name": "SE_Julkampanj_Reels", "spend": 3000, "cpm": 55, "first": "2025-11-24", "last": "2025-12-23",
     "result": "video_thruplay_watched_actions"},
    {"name": "SE_Alltid_På_Engagemang", "spend": 650, "cpm": 38, "result": "actions:post_engagement"},
]


def cost_per_result(spend: float, result: int, indicator: str) -> float:
    """Meta prices a reach result per 1,000 people reached, every other result per result."""
    return spend / result * (1000 if indicator == "reach" else 1)


def meta_brand(rng: random.Random) -> tuple[list[list[str]], dict[date, int]]:
    """Meta export by day × campaign × platform × placement in SEK, and link clicks per day."""
    header = [*META_HEADER, "Platform", "Placement", "Campaign delivery", "Results", "Result indicator",
              "Cost per results", "Amount spent (SEK)", "Impressions", "Reach", "Frequency",
              "CPM (cost per 1,000 impressions) (SEK)", "Link clicks", "CTR (link click-through rate)",
              "Post engagement", "ThruPlays", "3-second video plays"]
    out, clicks_by_day = [header], {}
    for d in DAYS:
        for c in BRAND_META:
            if not between(d, c.get("first", "2025-06-01"), c.get("last", "2025-12-31")):
                continue
            tired = ramp(d, *c["fatigue"]) if "fatigue" in c else 0.0
            day_spend = c["spend"] * brand_demand(d) * noise(rng, 0.06)
            for platform, placement, share, cpm_f, ctr, thru, plays in PLACEMENTS:
                spend = round(day_spend * share * noise(rng, 0.1), 2)
                impr = round(spend / (c["cpm"] * cpm_f * (1 + 0.6 * tired) * noise(rng, 0.07)) * 1000)
                reach = max(1, round(impr / ((1.25 + 1.05 * tired) * noise(rng, 0.04))))
                clicks = poisson(rng, impr * ctr / 100 * (1 - 0.3 * tired))
                engagement = poisson(rng, impr * 0.011 * (1 - 0.3 * tired))
                thruplays = poisson(rng, impr * thru)
                three_sec = thruplays + poisson(rng, impr * (plays - thru))
                result = {"reach": reach, "video_thruplay_watched_actions": thruplays,
                          "actions:post_engagement": engagement}[c["result"]]
                clicks_by_day[d] = clicks_by_day.get(d, 0) + clicks
                delivery = "active" if c.get("last", "2025-12-31") == "2025-12-31" else "inactive"
                per_result = short(cost_per_result(spend, result, c["result"])) if result else ""
                rates = [short(impr / reach), short(1000 * spend / impr), str(clicks), short(100 * clicks / impr)]
                out.append([d.isoformat(), d.isoformat(), c["name"], platform, placement, delivery, str(result),
                            c["result"], per_result, plain(spend), str(impr), str(reach), *rates, str(engagement),
                            str(thruplays), str(three_sec)])
    return out, clicks_by_day


BRAND_TIKTOK = [
    {"name": "SE_Sommarrea_Spark", "spend": 1500, "last": "2025-08-31"},
    {"name": "SE_Höstlansering_TopFeed", "spend": 2800, "first": "2025-09-01", "last": "2025-11-30"},
    {"name": "SE_Julkampanj_Hashtag", "spend": 2200, "first": "2025-11-20", "last": "2025-12-23"},
    {"name": "SE_Alltid_På_Video", "spend": 500},
]
TIKTOK_GROUPS = [
    # ad group, share of spend, CPM, CTR (destination), 2-second and 6-second views per impression
    ("Bred 18-34", 0.6, 28.0, 0.0065, 0.33, 0.12),
    ("Intresse Mat & Hälsa", 0.37, 34.0, 0.008, 0.36, 0.15),
    ("Retarget Videotittare", 0.03, 60.0, 0.011, 0.42, 0.2),
]


def tiktok(rng: random.Random) -> tuple[list[list[str]], dict[date, int]]:
    """TikTok Ads Manager custom report by day × campaign × ad group, SEK, with ``<5`` and ``--``."""
    header = ["By Day", "Campaign name", "Ad group name", "Primary status", "Currency", "Cost", "Impressions", "Reach",
              "Frequency", "Clicks (destination)", "CPC (destination)", "CTR (destination)", "CPM", "Video views",
              "2-second video views", "6-second video views", "Conversions", "Cost per conversion"]
    out, clicks_by_day = [header], {}
    for d in DAYS:
        for c in BRAND_TIKTOK:
            if not between(d, c.get("first", "2025-06-01"), c.get("last", "2025-12-31")):
                continue
            running = c.get("last", "2025-12-31") == "2025-12-31"
            day_spend = c["spend"] * brand_demand(d) * noise(rng, 0.08)
            for group, share, cpm, ctr, two, six in TIKTOK_GROUPS:
                starved = group.startswith("Retarget") and rng.random() < 0.3
                status = "Not delivering" if group.startswith("Retarget") else ("Active" if running else "Paused")
                if starved:  # the audience is too small to deliver: TikTok masks the count
                    cost = rng.randrange(0, 15) / 100
                    out.append([d.isoformat(), c["name"], group, status, "SEK", plain(cost), "<5", "--", "--", "0",
                                "--", "--", "--", str(rng.randint(0, 3)), "0", "0", "0", "--"])
                    continue
                cost = round(day_spend * share * noise(rng, 0.12), 2)
                impr = round(cost / (cpm * noise(rng, 0.08)) * 1000)
                reach = max(1, round(impr / (1.22 * noise(rng, 0.05))))
                clicks = poisson(rng, impr * ctr)
                conv = binomial(rng, clicks, 0.04)
                views = round(impr * 0.93)
                two_s = poisson(rng, impr * two)
                six_s = min(two_s, poisson(rng, impr * six))
                clicks_by_day[d] = clicks_by_day.get(d, 0) + clicks
                out.append([d.isoformat(), c["name"], group, status, "SEK", plain(cost), str(impr), str(reach),
                            plain(impr / reach), str(clicks), plain(cost / clicks) if clicks else "--",
                            percent(clicks / impr) if impr else "--", plain(1000 * cost / impr) if impr else "--",
                            str(views), str(two_s), str(six_s), str(conv), plain(cost / conv) if conv else "--"])
    return out, clicks_by_day


BRAND_GA4 = {
    # channel: (sessions per day before the launch, after it, engagement rate, seconds per session)
    "Direct": (170, 420, 0.58, 41), "Organic Search": (230, 460, 0.62, 47), "Organic Social": (55, 150, 0.44, 22),
    "Referral": (28, 45, 0.6, 38), "Unassigned": (8, 14, 0.3, 12),
}


def brand() -> dict[str, bytes]:
    meta, meta_clicks = meta_brand(rng_for("brand/meta_ads"))
    tik, tik_clicks = tiktok(rng_for("brand/tiktok"))
    rng = rng_for("brand/ga4")
    rows = []
    for d in DAYS:
        launch = ramp(d, "2025-09-01", "2025-11-15")
        for channel, (before, after, engagement, seconds) in BRAND_GA4.items():
            sessions = round((before + (after - before) * launch) * brand_demand(d) * noise(rng, 0.1))
            rows.append(ga4_row(rng, d, channel, sessions, engagement, seconds,
                                poisson(rng, sessions * 0.012)))
        paid = round((meta_clicks.get(d, 0) + tik_clicks.get(d, 0)) * 0.72 * noise(rng, 0.05))
        if paid:
            rows.append(ga4_row(rng, d, "Paid Social", paid, 0.31, 16, poisson(rng, paid * 0.006)))
    return {
        "brand/meta_ads_placement.csv": meta_csv(meta).encode(),
        "brand/tiktok_campaigns.csv": csv_text(tik).encode(),
        "brand/ga4_traffic_acquisition.csv": ga4_csv("Norrsken Havre AB", "norrskenhavre.se - GA4", rows).encode(),
    }


# --- traffic: Kystlys Reiseguide --------------------------------------------------------------


def travel_demand(d: date) -> float:
    """Readers of a Norwegian travel guide: summer holidays, then winter-cabin planning; Sundays."""
    season = interpolate(d, [(date(2025, 6, 1), 1.15), (date(2025, 7, 10), 1.55), (date(2025, 8, 10), 1.1),
                             (date(2025, 9, 15), 0.7), (date(2025, 11, 10), 0.5), (date(2025, 12, 20), 0.65),
                             (date(2025, 12, 31), 0.95)])
    weekday = (1.02, 0.98, 0.97, 0.95, 0.9, 0.88, 1.3)[d.weekday()]
    return season * weekday


TRAVEL_SHARE = {"Computers": 0.3, "Mobile phones": 0.63, "Tablets": 0.07}
TRAFFIC_GOOGLE = [
    campaign("NO_Søk_Merkevare", "Search", 380, 1.9, (0.24, 0.27, 0.22), (0.05, 0.03, 0.04), TRAVEL_SHARE),
    campaign("NO_Søk_Sommerferie_Fjord", "Search", 5200, 3.8, (0.061, 0.072, 0.058), (0.03, 0.016, 0.022),
             TRAVEL_SHARE, last="2025-08-31"),
    campaign("NO_Søk_Hytteferie_Vinter", "Search", 3900, 4.6, (0.055, 0.066, 0.05), (0.028, 0.014, 0.02),
             TRAVEL_SHARE, first="2025-10-01"),
    campaign("NO_Display_Inspirasjon", "Display", 42000, 0.85, (0.0028, 0.0071, 0.004), (0.004, 0.001, 0.002),
             TRAVEL_SHARE),
]
TRAFFIC_GA4 = {
    # channel: (sessions per average day, engagement rate, seconds per session, newsletter sign-ups per session)
    "Organic Search": (2900, 0.66, 74, 0.011), "Direct": (620, 0.61, 88, 0.013),
    "Organic Social": (410, 0.47, 39, 0.005), "Referral": (260, 0.63, 70, 0.009), "Email": (90, 0.72, 95, 0.02),
    "Unassigned": (30, 0.35, 18, 0.002),
}


def traffic() -> dict[str, bytes]:
    google = google_ads_rows(rng_for("traffic/google_ads"), TRAFFIC_GOOGLE, travel_demand, lambda _d: 1.0, "NOK",
                             with_value=False)
    clicks: dict[tuple[date, str], int] = {}
    for r in google:
        key = (r["day"], "Paid Search" if r["type"] == "Search" else "Display")
        clicks[key] = clicks.get(key, 0) + r["clicks"]
    rng = rng_for("traffic/ga4")
    rows = []
    for d in DAYS:
        for channel, (per_day, engagement, seconds, signups) in TRAFFIC_GA4.items():
            sessions = round(per_day * travel_demand(d) * noise(rng, 0.08))
            rows.append(ga4_row(rng, d, channel, sessions, engagement, seconds, poisson(rng, sessions * signups)))
        # Display clicks are cheap, but most are accidental taps on mobile: short, unengaged visits.
        for channel, share, engagement, seconds, signups in [("Paid Search", 0.92, 0.64, 66, 0.012),
                                                              ("Display", 0.71, 0.21, 9, 0.001)]:
            sessions = round(clicks.get((d, channel), 0) * share * noise(rng, 0.04))
            if sessions:
                rows.append(ga4_row(rng, d, channel, sessions, engagement, seconds, poisson(rng, sessions * signups)))
    google_text = csv_text(google_ads_csv(google, ("cpa",), lang="nb"), delimiter=";")
    return {
        "traffic/google_ads_kampanjer.csv": ("\ufeff" + google_text).encode(),
        "traffic/ga4_traffic_acquisition.csv": ga4_csv("Kystlys Reiseguide AS", "kystlysguiden.no - GA4",
                                                       rows).encode(),
    }


# --- manifest and entry point -----------------------------------------------------------------

SETS = [
    {"id": "webshop", "title": "Nordlys Ull – nettbutikk", "goal": "sales", "currency": "NOK", "build": webshop,
     "description": "Norwegian wool web shop, June–December 2025: Google Ads, Meta Ads, GA4 and Shopify orders. "
                    "Black Week and Christmas peaks; mobile clicks that do not convert; a Meta lookalike audience "
                    "that saturates in December.",
     "description_nb": "Norsk nettbutikk for ullprodukter, juni–desember 2025: Google Ads, Meta Ads, GA4 og "
                       "Shopify-ordrer. Topper i Black Week og til jul; mobilklikk som ikke konverterer; en Meta"
                       " lookalike-målgruppe som er mettet i desember.",
     "description_sv": "Norsk webbutik för ullprodukter, juni–december 2025: Google Ads, Meta Ads, GA4 och "
                       "Shopify-ordrar. Toppar under Black Week och till jul; mobilklick som inte konverterar; "
                       "en Meta lookalike-målgrupp som mättas i december."},
    {"id": "b2b", "title": "Fjordsikt AS – B2B-leads", "goal": "leads", "currency": "NOK", "build": b2b,
     "description": "Norwegian B2B software company, June–December 2025: LinkedIn Campaign Manager, Google Ads "
                    "(UTF-16 download) and HubSpot contacts with lifecycle dates. Cheap LinkedIn leads that never "
                    "qualify; quiet weekends and fellesferie.",
     "description_nb": "Norsk B2B-programvareselskap, juni–desember 2025: LinkedIn Campaign Manager, Google Ads "
                       "(UTF-16-nedlasting) og HubSpot-kontakter med livssyklusdatoer. Billige LinkedIn-leads "
                       "som aldri kvalifiseres; stille helger og fellesferie.",
     "description_sv": "Norskt B2B-mjukvaruföretag, juni–december 2025: LinkedIn Campaign Manager, Google Ads "
                       "(UTF-16-nedladdning) och HubSpot-kontakter med livscykeldatum. Billiga LinkedIn-leads "
                       "som aldrig kvalificeras; lugna helger och fellesferie."},
    {"id": "brand", "title": "Norrsken Havre – varumärkeskampanj", "goal": "awareness", "currency": "SEK",
     "build": brand,
     "description": "Swedish oat-drink brand launch, June–December 2025: Meta by placement, TikTok and GA4. "
                    "Frequency climbs and CPM rises as the launch audience fatigues; TikTok buys cheaper reach.",
     "description_nb": "Svensk havredrikk-lansering, juni–desember 2025: Meta per plassering, TikTok og GA4. "
                       "Frekvensen stiger og CPM øker etter hvert som lanseringsmålgruppen blir mett; TikTok "
                       "kjøper billigere rekkevidde.",
     "description_sv": "Lansering av ett svenskt havredryckmärke, juni–december 2025: Meta per placering, TikTok"
                       " och GA4. Frekvensen stiger och CPM ökar när lanseringsmålgruppen tröttnar; TikTok köper"
                       " billigare räckvidd."},
    {"id": "traffic", "title": "Kystlys Reiseguide – trafikk", "goal": "traffic", "currency": "NOK",
     "build": traffic,
     "description": "Norwegian travel-guide site, June–December 2025: Google Ads downloaded with a Norwegian "
                    "interface (semicolons, decimal commas, Norwegian headers) and GA4. Summer peak; display "
                    "clicks are the cheapest sessions but barely engage.",
     "description_nb": "Norsk reiseguide på nett, juni–desember 2025: Google Ads lastet ned med norsk "
                       "grensesnitt (semikolon, desimalkomma, norske overskrifter) og GA4. Sommertopp; "
                       "visningsklikk er de billigste øktene, men engasjerer knapt.",
     "description_sv": "Norsk reseguide på nätet, juni–december 2025: Google Ads nedladdat med norskt gränssnitt"
                       " (semikolon, decimalkomma, norska rubriker) och GA4. Sommartopp; displayklick är de "
                       "billigaste sessionerna men engagerar knappt."},
]


def build() -> dict[str, bytes]:
    """Every file of every set, plus manifest.json, as bytes keyed by path relative to sample_data/."""
    files: dict[str, bytes] = {}
    manifest = []
    for s in SETS:
        built = s["build"]()
        files.update(built)
        manifest.append({k: v for k, v in s.items() if k != "build"} | {"files": list(built)})
    files["manifest.json"] = (json.dumps({"sets": manifest}, ensure_ascii=False, indent=2) + "\n").encode()
    return files


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else HERE
    for rel, data in build().items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{len(data):>9,} bytes  {rel}")


if __name__ == "__main__":
    main(sys.argv[1:])
