"""What a reader returns: the canonical frame plus an honest account of what it did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import polars as pl

from kpi_core.fmt import Note

Level = Literal["info", "warning", "error"]
# What kind of table a file holds; decides which pages can use it.
TableKind = Literal["performance", "orders", "customers", "contacts", "deals", "email"]


@dataclass(frozen=True)
class Finding:
    level: Level
    message: str
    where: str = ""  # "line 12", "column 'CTR'", "" for the whole file

    def to_dict(self) -> dict:
        return {"level": self.level, "message": self.message, "where": self.where}


@dataclass(frozen=True)
class Exclusion:
    line: int  # 1-based physical line in the file (row number in a sheet)
    reason: str

    def to_dict(self) -> dict:
        return {"line": self.line, "reason": self.reason}


@dataclass(frozen=True)
class ColumnMap:
    source: str  # header as written in the file
    canonical: str | None  # canonical name, or None when ignored
    rule: str  # why: "Google Ads 'Impr.'", "ratio, recomputed from totals", "unrecognised"

    def to_dict(self) -> dict:
        return {"source": self.source, "canonical": self.canonical, "rule": self.rule}


@dataclass
class ReadResult:
    file: str
    platform: str  # "google_ads", "meta_ads", ..., "generic"
    kind: TableKind
    frame: pl.DataFrame  # canonical measures and dimensions only (schema.MEASURES / DIMENSIONS)
    currency: str | None
    columns: list[ColumnMap] = field(default_factory=list)
    rows_read: int = 0
    rows_excluded: list[Exclusion] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    date_range: tuple[date, date] | None = None
    # Orders, customers, contacts or deals, one row each (schema.RECORD_COLUMNS[kind]); None for
    # ad, analytics and e-mail exports.
    records: pl.DataFrame | None = None
    # Data rows of the file that went into the result. Usually frame.height, but a Shopify order
    # spans several line-item rows and a CRM export becomes daily counts, so readers set it.
    rows_used_override: int | None = None

    @property
    def rows_used(self) -> int:
        return self.rows_used_override if self.rows_used_override is not None else self.frame.height

    def to_dict(self) -> dict:
        """The shape used by ``python -m kpi_core summarize --json`` under "sources"."""
        return {
            "file": self.file,
            "platform": self.platform,
            "kind": self.kind,
            "currency": self.currency,
            "rows_read": self.rows_read,
            "rows_used": self.rows_used,
            "rows_excluded": [e.to_dict() for e in self.rows_excluded],
            "columns": {c.source: c.canonical for c in self.columns},
            "date_range": [d.isoformat() for d in self.date_range] if self.date_range else None,
            "findings": [f.to_dict() for f in self.findings],
        }


class ReadError(Exception):
    """A file that cannot be used. The message names the file and says what to do."""

    def __init__(self, file: str, problem: str):
        self.file = file
        self.problem = problem  # a fmt.Note when the reader says it in every language
        super().__init__(f"{file}: {problem}")

    @property
    def note(self) -> str:
        """'file: problem' as a fmt.Note, so a page writes it in the user's language (English is str(self))."""
        return Note("e_file", file=self.file, problem=self.problem)
