"""The same job in pandas, written the way a typical Streamlit marketing dashboard does it.

``pd.read_csv``, clean the number strings column by column, ``groupby(...).sum()``, then the ratios
from the sums (a careful app: no averaged ratios), zero denominators turned into NaN.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from bench import spec
from bench.spec import BREAKDOWNS, FORMATS, KPIS, MEASURES, NORDIC_DATE, TOTAL_PREFIX, periods


def load(path: Path, fmt: str) -> pd.DataFrame:
    headers = FORMATS[fmt]["headers"]
    if fmt == "clean":
        df = pd.read_csv(path)
        df["date"] = pd.to_datetime(df["date"])
    elif fmt == "google_ads":
        df = pd.read_csv(path, skiprows=FORMATS[fmt]["skip"])
        df = df[~df["Day"].astype(str).str.startswith(TOTAL_PREFIX)].copy()
        for m in MEASURES:
            col = headers[m]
            df[col] = pd.to_numeric(df[col].astype(str).str.replace(",", "").str.strip(), errors="coerce")
        df["Day"] = pd.to_datetime(df["Day"])
    else:  # the Norwegian sheet
        df = pd.read_csv(path, sep=";", decimal=",", thousands=" ")
        df[headers["date"]] = pd.to_datetime(df[headers["date"]], format=NORDIC_DATE)
    df = df.rename(columns={v: k for k, v in headers.items()})
    return df[list(headers)]


def add_kpis(sums: pd.DataFrame) -> pd.DataFrame:
    for k, (num, den, scale) in KPIS.items():
        sums[k] = scale * sums[num] / sums[den].where(sums[den] != 0)
    return sums


def summary(df: pd.DataFrame, keys: tuple[str, ...] = ()) -> pd.DataFrame:
    if keys:
        sums = df.groupby(list(keys))[list(MEASURES)].sum().reset_index()
        sums = sums.sort_values("spend", ascending=False)
    else:
        sums = df[list(MEASURES)].sum().to_frame().T
    return add_kpis(sums)


def job(df: pd.DataFrame) -> dict:
    out = {"scorecard": summary(df)}
    for name, keys in BREAKDOWNS.items():
        out[name] = summary(df, keys)
    current, previous = periods(df["date"].min().date(), df["date"].max().date())
    out["comparison"] = (summary(_between(df, *current)), summary(_between(df, *previous)))
    return out


def rerun(df: pd.DataFrame, channels: tuple[str, ...], start: date, end: date) -> dict:
    part = _between(df[df["channel"].isin(channels)], start, end)
    return {"scorecard": summary(part), "campaign": summary(part, ("campaign",))}


def _between(df: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    return df[(df["date"] >= pd.Timestamp(start)) & (df["date"] <= pd.Timestamp(end))]


def export(results: dict) -> dict:
    return spec.export(results, lambda df: df.to_dict("records"))
