"""Recognise which platform wrote a table, and map its headers to canonical names.

Recognition scores each platform by the headers it knows, weighting each header by how many
platforms share it (``Impressions`` says little, ``Impr.`` says Google Ads). Names that any sheet
may use (``Date``, ``Clicks``, ``Kostnad``) weigh nothing, so a tidy Swedish sheet stays generic
instead of being taken for a Google Ads export. A platform needs a score of at least 1 (one header
of its own, or two it shares with one other platform); shop and CRM exports need three (HubSpot
contacts two: 'Lifecycle Stage' and 'Original Source' are its own words), and so do the public data
sets' layouts (KAG's Facebook ads, iFood's customer table).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import polars as pl

from kpi_core.readers.platforms.specs import (
    GENERIC,
    GENERIC_PLATFORM,
    PLATFORMS,
    RATIO_PATTERN,
    Col,
    Platform,
    normalise_header,
)
from kpi_core.readers.result import ColumnMap
from kpi_core.schema import DIMENSIONS, MEASURES

__all__ = ["Mapped", "Platform", "PLATFORMS", "Rows", "map_columns", "normalise_header", "recognise"]

_SHARED = Counter(key for p in PLATFORMS for key in p.columns)


def _score(platform: Platform, keys: set[str], preamble: list[str] = ()) -> float:
    own = sum(1 / _SHARED[k] for k in keys & platform.columns.keys() if k not in GENERIC)
    patterns = sum(1 for k in keys for rx, _ in platform.patterns if re.search(rx, k))
    lines = [line.strip().strip('"').strip().lower() for line in preamble]
    named = sum(1 for line in lines if any(re.search(rx, line) for rx in platform.preamble_signature))
    return own + patterns + len(keys & platform.signature) + named


def recognise(header: list[str], preamble: list[str] = ()) -> Platform:
    """The platform whose known headers (and title lines above them) best explain ``header``; the
    generic reader otherwise."""
    keys = {normalise_header(h)[0] for h in header}
    scores = [(_score(p, keys, preamble), -i) for i, p in enumerate(PLATFORMS)]
    fit = [(s, i) for (s, i), p in zip(scores, PLATFORMS, strict=True) if s >= p.min_score]
    best = PLATFORMS[-max(fit)[1]] if fit else GENERIC_PLATFORM
    # An ad platform's export is that platform's: a column naming the channel of each row ('Kanal:
    # Google, Meta') makes it a sheet of several, the marketer's own, whatever its other headers say.
    if best.id in AD_PLATFORMS and keys & CHANNEL_KEYS - best.columns.keys():
        return GENERIC_PLATFORM
    return best


AD_PLATFORMS = frozenset({"google_ads", "meta_ads", "linkedin_ads", "tiktok_ads", "microsoft_ads", "snapchat_ads",
                          "pinterest_ads"})
CHANNEL_KEYS = frozenset({"channel", "kanal", "kanaler", "channel group", "kanalgruppe", "kanalgrupp"})


class Rows:
    """The source rows that are read, as text: the table with a row filter applied one column at a
    time when a column is asked for (a copy of a whole big export would double its memory)."""

    def __init__(self, frame: pl.DataFrame, keep: pl.Series | None):
        self.frame, self.keep = frame, keep
        self.columns = frame.columns
        self.span: tuple[int, int] | None = None  # (offset, length) when the kept rows are one run
        if keep is not None:
            kept = keep.arg_true()
            if kept.len() and kept[-1] - kept[0] + 1 == kept.len():  # summary rows only above or below
                self.span = (kept[0], kept.len())

    def __getitem__(self, column: str) -> pl.Series:
        s = self.frame[column]
        if self.keep is None:
            return s
        # One run of kept rows (a total at the end, as most exports write it) is a slice: no copy.
        return s.slice(*self.span) if self.span else s.filter(self.keep)


@dataclass(frozen=True)
class Mapped:
    """One source column that becomes a canonical column."""

    source: str
    canonical: str
    col: Col
    currency: str | None  # code written in the header, e.g. 'Amount spent (NOK)'


# 'Total cost', 'Kostnad totalt', 'Antall klikk', 'Number of orders': a measure's synonym with a word
# that only says it is a count or a total.
_TOTAL_WORDS = re.compile(r"^(total|totalt|totale|samlet|samlede|sum|antall|antal|number of|no\. of|# of)\s+"
                          r"|\s+(totalt|total|i alt|samlet|sum)$")


def _lookup(platform: Platform, key: str) -> tuple[Col | None, str]:
    """(Col, where the name came from) for a normalised header, or (None, "") when unknown."""
    if key in platform.columns:
        return platform.columns[key], platform.label
    for rx, col in platform.patterns:
        if re.search(rx, key):
            return col, platform.label
    if key in GENERIC:
        return GENERIC[key], "synonym"
    bare = _TOTAL_WORDS.sub("", key)
    if bare != key and bare in GENERIC and GENERIC[bare].parse == "number":
        return GENERIC[bare], "synonym"
    if RATIO_PATTERN.search(key):
        return Col(None, "ratio"), "pattern"
    return None, ""


RATIO_RULE = "ratio, recomputed from totals"  # the rule of a ratio column: never read, see performance._drop_ratios


def map_columns(platform: Platform, header: list[str], overrides: dict[str, str | None] | None = None,
                ) -> tuple[list[ColumnMap], list[Mapped], set[str]]:
    """Column maps for every header, the columns to read, and the currency codes found in headers.

    ``overrides`` (source header -> canonical name, or None to ignore) win over every rule. When two
    headers give the same canonical name, the one with the lower ``priority`` is kept.
    """
    overrides = overrides or {}
    maps: dict[str, ColumnMap] = {}
    chosen: dict[str, tuple[int, Mapped]] = {}
    codes: set[str] = set()
    for h in header:
        key, code = normalise_header(h)
        if code:
            codes.add(code)
        if h in overrides:
            target = overrides[h]
            if target is None:
                maps[h] = ColumnMap(h, None, "ignored by the mapping you gave")
                continue
            col = GENERIC.get(target.replace("_", " "), Col(target))  # parsed as that name's kind
            rank, rule = -1, f"your mapping '{h}' -> {target}"
        else:
            col, origin = _lookup(platform, key)
            if col is None:
                maps[h] = ColumnMap(h, None, "unrecognised")
                continue
            if col.canonical is None:
                rule = (RATIO_RULE if col.parse == "ratio"
                        else f"{platform.label} '{h}': {col.note or 'not used by any KPI'}")
                maps[h] = ColumnMap(h, None, rule)
                continue
            rank = col.priority
            rule = _rule(origin, h, col)
        target = col.canonical
        if target not in MEASURES and target not in DIMENSIONS:
            maps[h] = ColumnMap(h, None, f"'{target}' is no canonical measure or dimension")
            continue
        maps[h] = ColumnMap(h, target, rule)
        mapped = Mapped(h, target, col, code)
        if target in chosen and chosen[target][0] <= rank:
            maps[h] = ColumnMap(h, None, f"also {target}; '{chosen[target][1].source}' is used")
            _second(maps, chosen, rank, mapped, chosen[target][1].source)
            continue
        if target in chosen:
            loser = chosen[target][1]
            maps[loser.source] = ColumnMap(loser.source, None, f"also {target}; '{h}' is used")
            _second(maps, chosen, chosen[target][0], loser, h)
        chosen[target] = (rank, mapped)
    return [maps[h] for h in header], [m for _, m in chosen.values()], codes


def _second(maps: dict[str, ColumnMap], chosen: dict[str, tuple[int, Mapped]], rank: int, lost: Mapped,
            winner: str) -> None:
    """A header that lost its canonical name to ``winner`` takes its second one, when it has one."""
    second = lost.col.second
    if second and second not in chosen:
        chosen[second] = (rank, Mapped(lost.source, second, lost.col, lost.currency))
        maps[lost.source] = ColumnMap(lost.source, second, f"'{lost.source}' beside '{winner}': {second}")


def _rule(origin: str, header: str, col: Col) -> str:
    rule = f"{origin} '{header}'" if origin != "synonym" else f"synonym '{header}'"
    if col.times:
        rule += f" × {col.times}"
    if col.parse == "device":
        rule += " (values normalised to mobile, desktop, tablet, other)"
    if col.parse == "gender":
        rule += " (values normalised to female, male, unknown)"
    if col.note:
        rule += f" ({col.note})"
    return rule
