"""The floor: a bare ``pl.read_csv`` of the clean canonical file, nothing computed."""

from __future__ import annotations

from pathlib import Path

import polars as pl


def load(path: Path, fmt: str) -> pl.DataFrame:
    return pl.read_csv(path)


def job(frame: pl.DataFrame) -> dict:
    return {}


def export(results: dict) -> dict:
    return {}
