"""Realistic large inputs, generated reproducibly: the same rows written three ways.

- ``clean``: canonical headers, ISO dates, plain numbers (what ``pl.read_csv`` reads at full speed);
- ``google_ads``: a Google Ads UI download: title and date-range lines above the header, counts
  with quoted thousands (``"1,245"``), cost without separators, ``6.99%`` CTR, `` --`` for missing
  ratios, and ``Total:`` summary rows at the bottom;
- ``nordic``: a Norwegian sheet: ``;`` separator, decimal comma, space as thousands separator,
  ``02.01.2025`` dates.

Rows are ad group × device × country × day cells of an account with many campaigns over 400
days. Money is drawn in whole øre and conversions in hundredths, so every file holds exactly the
same numbers and all engines can agree to the last bit that float summing allows.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from bench.spec import CHANNELS, DAYS, FORMATS, GOOGLE_ADS_COLUMNS, NULL_MARKER, TOTAL_PREFIX
from bench.spec import FIRST_DAY as START

VERSION = 2  # bump when the generated data changes, so old files are not reused
CURRENCY = "NOK"
AD_GROUPS = 20  # per campaign
# campaign type -> (weight, typical CTR, typical CPC in NOK)
TYPES = dict(zip(CHANNELS, [(0.40, 0.060, 6.0), (0.20, 0.012, 3.0), (0.15, 0.015, 2.5), (0.10, 0.004, 1.5),
                            (0.08, 0.008, 0.8), (0.07, 0.010, 2.0)], strict=True))
THEMES = ("Vinter", "Sommersalg", "Black_Friday", "Brand", "Generic", "Ullpledd", "Fjellsko", "Julegaver",
          "Prospecting", "Remarketing")
MARKETS = ("NO", "SE", "DK", "FI")
DEVICES = {"Mobile phones": 0.55, "Computers": 0.35, "Tablets": 0.10}
COUNTRIES = {"Norway": 0.42, "Sweden": 0.22, "Denmark": 0.12, "Finland": 0.08, "Germany": 0.05,
             "United Kingdom": 0.03, "Netherlands": 0.02, "Poland": 0.02, "Iceland": 0.02,
             "United States": 0.02}


def paths(rows: int, data_dir: Path) -> dict[str, Path]:
    """Where the three files for ``rows`` rows live (format -> path)."""
    return {fmt: data_dir / f"{fmt}_{rows}_v{VERSION}.csv" for fmt in FORMATS}


def ensure(rows: int, data_dir: Path) -> dict[str, Path]:
    """Generate the files for ``rows`` unless they are already there; return their paths."""
    out = paths(rows, data_dir)
    if all(p.exists() for p in out.values()):
        return out
    data_dir.mkdir(parents=True, exist_ok=True)
    frame = rows_frame(rows)
    for fmt, path in out.items():
        tmp = path.with_suffix(".tmp")
        WRITERS[fmt](frame, tmp)
        tmp.replace(path)  # a half-written file from an interrupted run is never taken as data
    return out


def rows_frame(rows: int, seed: int = 8) -> pl.DataFrame:
    """The canonical rows: money in øre (``*_ore``) and conversions in hundredths, as integers."""
    rng = np.random.default_rng([seed, rows])
    n_campaigns = max(12, rows // 5000)
    type_names = list(TYPES)
    camp_type = rng.choice(len(type_names), n_campaigns, p=[t[0] for t in TYPES.values()])
    camp_names = [
        f"{MARKETS[i % len(MARKETS)]}_{type_names[t].replace(' ', '')}_{THEMES[i % len(THEMES)]}_{i:04d}"
        for i, t in enumerate(camp_type)
    ]
    camp, day, ad_group, device, country = _unique_cells(rng, rows, n_campaigns)
    kind = camp_type[camp]
    ctr = np.array([t[1] for t in TYPES.values()])[kind]
    cpc = np.array([t[2] for t in TYPES.values()])[kind]

    weekday_lift = np.array([1.0, 1.05, 1.05, 1.0, 0.9, 0.75, 0.85])[(day + START.weekday()) % 7]
    impressions = np.floor(rng.lognormal(np.log(700), 1.4, rows) * weekday_lift).astype(np.int64)
    impressions[rng.random(rows) < 0.03] = 0  # cells that did not deliver
    clicks = rng.binomial(impressions, np.clip(ctr * rng.lognormal(0, 0.4, rows), 0, 1))
    spend_ore = np.rint(clicks * cpc * rng.lognormal(0, 0.3, rows) * 100).astype(np.int64)
    # Fractional conversions (data-driven attribution), never more than the clicks.
    conv_hundredths = np.rint(rng.binomial(clicks, 0.03) * rng.uniform(0.5, 1.5, rows) * 100).astype(np.int64)
    conv_hundredths = np.minimum(conv_hundredths, clicks * 100)
    revenue_ore = np.rint(conv_hundredths * rng.lognormal(np.log(900), 0.5, rows)).astype(np.int64)

    return pl.DataFrame({
        "date": pl.Series(day + (START - date(1970, 1, 1)).days, dtype=pl.Int32).cast(pl.Date),
        "campaign": np.array(camp_names)[camp],
        "ad_group": np.char.add("AG_", ad_group.astype(str)),
        "channel": np.array(type_names)[kind],
        "device": np.array(list(DEVICES))[device],
        "country": np.array(list(COUNTRIES))[country],
        "currency": np.full(rows, CURRENCY),
        "impressions": impressions,
        "clicks": clicks.astype(np.int64),
        "spend_ore": spend_ore,
        "conv_hundredths": conv_hundredths,
        "revenue_ore": revenue_ore,
    }).sort("date", "campaign", "ad_group", maintain_order=True)


def _unique_cells(rng: np.random.Generator, rows: int, n_campaigns: int) -> tuple[np.ndarray, ...]:
    """``rows`` distinct (campaign, day, ad group, device, country) cells, as an export has them.

    Devices and countries are drawn with their weights; repeated cells are dropped and more are
    drawn until there are enough (an export never has the same cell twice).
    """
    sizes = (n_campaigns, DAYS, AD_GROUPS, len(DEVICES), len(COUNTRIES))
    draw = int(rows * 1.2) + 100
    while True:
        parts = (rng.integers(0, n_campaigns, draw), rng.integers(0, DAYS, draw), rng.integers(0, AD_GROUPS, draw),
                 rng.choice(len(DEVICES), draw, p=list(DEVICES.values())),
                 rng.choice(len(COUNTRIES), draw, p=list(COUNTRIES.values())))
        code = np.ravel_multi_index(parts, sizes)
        _, first = np.unique(code, return_index=True)
        if len(first) >= rows:
            keep = rng.permutation(first)[:rows]
            return tuple(p[keep] for p in parts)
        draw *= 2


# --- number formatting, as the platforms write it ----------------------------------------------

def _grouped(x: pl.Expr, sep: str) -> pl.Expr:
    """A non-negative integer below 10^9 with a thousands separator: 1245 -> '1,245'."""
    def pad(e: pl.Expr) -> pl.Expr:
        return e.cast(pl.String).str.zfill(3)
    return (
        pl.when(x >= 1_000_000)
        .then(pl.concat_str((x // 1_000_000).cast(pl.String), pad(x // 1000 % 1000), pad(x % 1000), separator=sep))
        .when(x >= 1000)
        .then(pl.concat_str((x // 1000).cast(pl.String), pad(x % 1000), separator=sep))
        .otherwise(x.cast(pl.String))
    )


def _fixed2(hundredths: pl.Expr, thousands: str, decimal: str) -> pl.Expr:
    """Hundredths as a two-decimal number: 294000 -> '2,940.00' (or '2 940,00')."""
    whole = _grouped(hundredths // 100, thousands) if thousands else (hundredths // 100).cast(pl.String)
    return pl.concat_str(whole, pl.lit(decimal), (hundredths % 100).cast(pl.String).str.zfill(2))


def write_clean(frame: pl.DataFrame, path: Path) -> None:
    # Written as text so 553.05 stays "553.05" (a float division could print 553.0500000000001).
    frame.with_columns(
        _fixed2(pl.col("spend_ore"), "", ".").alias("spend"),
        _fixed2(pl.col("conv_hundredths"), "", ".").alias("conversions"),
        _fixed2(pl.col("revenue_ore"), "", ".").alias("revenue"),
    ).drop("spend_ore", "conv_hundredths", "revenue_ore").write_csv(path)


def _ratio_text(hundredths: pl.Expr, den: pl.Expr, suffix: str = "") -> pl.Expr:
    """A ratio the export shows with two decimals (``6.99%``), or `` --`` when its base is zero."""
    text = pl.concat_str(_fixed2(hundredths.round().cast(pl.Int64), "", "."), pl.lit(suffix))
    return pl.when(den > 0).then(text).otherwise(pl.lit(NULL_MARKER))


def _google_ads_numbers() -> list[pl.Expr]:
    """The measure and ratio columns of a Google Ads row, from the integer base measures."""
    c = pl.col
    return [
        _grouped(c("impressions"), ",").alias("Impr."),
        _grouped(c("clicks"), ",").alias("Clicks"),
        _ratio_text(c("clicks") * 10_000 / c("impressions"), c("impressions"), "%").alias("CTR"),
        _ratio_text(c("spend_ore") / c("clicks"), c("clicks")).alias("Avg. CPC"),
        _fixed2(c("spend_ore"), "", ".").alias("Cost"),  # cost has no thousands separator
        _fixed2(c("conv_hundredths"), ",", ".").alias("Conversions"),
        _fixed2(c("revenue_ore"), ",", ".").alias("Conv. value"),
        _ratio_text(c("spend_ore") * 100 / c("conv_hundredths"), c("conv_hundredths")).alias("Cost / conv."),
    ]


def write_google_ads(frame: pl.DataFrame, path: Path) -> None:
    c = pl.col
    body = frame.select(
        c("date").dt.to_string("%Y-%m-%d").alias("Day"),
        c("campaign").alias("Campaign"),
        c("ad_group").alias("Ad group"),
        c("channel").alias("Campaign type"),
        c("device").alias("Device"),
        c("country").alias("Country/Territory (User location)"),
        c("currency").alias("Currency code"),
        *_google_ads_numbers(),
    )
    assert tuple(body.columns) == GOOGLE_ADS_COLUMNS
    assert set(FORMATS["google_ads"]["headers"].values()) <= set(body.columns)
    first, last = frame["date"].min(), frame["date"].max()
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("Campaign report\n")
        f.write(f'"{_long_date(first)} - {_long_date(last)}"\n')
        f.write(body.write_csv())
        f.write(_totals_rows(frame).write_csv(include_header=False))


def _long_date(d: date) -> str:
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def _totals_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """``Total: Account`` plus one ``Total: <type>`` row per campaign type, dimensions left empty."""
    c = pl.col
    sums = [c("impressions").sum(), c("clicks").sum(), c("spend_ore").sum(), c("conv_hundredths").sum(),
            c("revenue_ore").sum()]
    per_type = frame.group_by("channel").agg(sums).sort("channel").with_columns(
        pl.concat_str(pl.lit(f"{TOTAL_PREFIX} "), c("channel")).alias("label"))
    account = frame.select(sums).with_columns(pl.lit(f"{TOTAL_PREFIX} Account").alias("label"))
    both = pl.concat([account, per_type.drop("channel")], how="diagonal")
    empty = pl.lit(None, dtype=pl.String)
    return both.select(
        c("label").alias("Day"), *[empty.alias(h) for h in GOOGLE_ADS_COLUMNS[1:6]],
        pl.lit(CURRENCY).alias("Currency code"),
        *_google_ads_numbers(),
    )


def write_nordic(frame: pl.DataFrame, path: Path) -> None:
    c = pl.col
    h = FORMATS["nordic"]["headers"]
    body = frame.select(
        c("date").dt.to_string("%d.%m.%Y").alias(h["date"]),
        *[c(d).alias(h[d]) for d in ("campaign", "ad_group", "channel", "device", "country", "currency")],
        _grouped(c("impressions"), " ").alias(h["impressions"]),
        _grouped(c("clicks"), " ").alias(h["clicks"]),
        _fixed2(c("spend_ore"), " ", ",").alias(h["spend"]),
        _fixed2(c("conv_hundredths"), " ", ",").alias(h["conversions"]),
        _fixed2(c("revenue_ore"), " ", ",").alias(h["revenue"]),
    )
    body.write_csv(path, separator=";")


WRITERS = {"clean": write_clean, "google_ads": write_google_ads, "nordic": write_nordic}

