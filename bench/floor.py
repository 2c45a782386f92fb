"""The floor: a bare ``pl.read_csv`` of a file, nothing computed.

Of the clean canonical file (issue 8's floor for the whole job), and of each export as it is, the
way someone would read it who only skips its title lines and gives its separator (issue 4 item 10:
"reads in at most 1.3× the time of a bare pl.read_csv of the same file"). The clean file is read
with Polars' type inference; an export every cell as text, the one bare read that accepts it (with
inference the Google Ads download fails: "2,247" and the "Total:" rows below the first rows do not
parse as the numbers Polars guessed).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

# What a bare read needs to know of each generated file (bench/generate.py): lines above the header
# and the separator.
LAYOUT = {"google_ads": (2, ","), "nordic": (0, ";"), "clean": (0, ",")}


def load(path: Path, fmt: str) -> pl.DataFrame:
    skip, separator = LAYOUT[fmt]
    if fmt == "clean":
        return pl.read_csv(path)
    return pl.read_csv(path, skip_rows=skip, separator=separator, infer_schema=False)


def job(frame: pl.DataFrame) -> dict:
    return {}


def export(results: dict) -> dict:
    return {}
