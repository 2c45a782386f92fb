"""Find the table in an export's bytes: encoding, delimiter, where the header is, what to skip.

INTERFACE (agreed between the readers; the implementation fills it in):

    read_table(data: bytes, name: str) -> RawTable | list[RawTable]

``read_table`` never knows about platforms. It decodes (UTF-8 with or without BOM, UTF-16 LE/BE
with or without BOM, Windows-1252), detects the delimiter (comma, semicolon, tab, pipe), or opens an
XLSX workbook (the sheet that holds the data; the header wherever it starts, e.g. B3), finds the
header row below title lines / date-range lines / ``#`` comment blocks / quoted ``Key: value``
preambles / blank lines, and cuts footers (copyright lines, blank lines at the end). When a file
holds more than one table (GA4, Universal Analytics), the first is the RawTable's data and the rest
are described in ``other_tables`` (reported, never mixed in).

Every cell stays a string (values.py turns them into numbers and dates).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from kpi_core.readers.result import Exclusion, Finding

LINE = "__line"  # column of RawTable.frame: 1-based physical line (or sheet row) of each data row


@dataclass
class RawTable:
    frame: pl.DataFrame  # every column String, named as in the header (made unique), plus LINE
    header_line: int  # 1-based line (sheet row) of the header
    encoding: str  # "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "windows-1252", "xlsx"
    delimiter: str | None  # None for XLSX
    sheet: str | None = None  # XLSX sheet name
    preamble: list[str] = field(default_factory=list)  # text of the lines above the header, cleaned
    excluded: list[Exclusion] = field(default_factory=list)  # preamble, blank, comment, footer lines
    other_tables: list[str] = field(default_factory=list)  # "line 40: a second table 'Day Index,Sessions'"
    findings: list[Finding] = field(default_factory=list)
    data_lines: int = 0  # physical lines between header and end of table, data rows and blanks

    @property
    def header(self) -> list[str]:
        return [c for c in self.frame.columns if c != LINE]
