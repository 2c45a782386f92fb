"""Find the table in an export's bytes: encoding, delimiter, where the header is, what to skip.

INTERFACE (agreed between the readers; the implementation fills it in):

    read_table(data: bytes, name: str) -> RawTable

``read_table`` never knows about platforms. It decodes (UTF-8 with or without BOM, UTF-16 LE/BE
with or without BOM, Windows-1252), detects the delimiter (comma, semicolon, tab, pipe), or opens an
XLSX workbook (the sheet that holds the data; the header wherever it starts, e.g. B3), finds the
header row below title lines / date-range lines / ``#`` comment blocks / quoted ``Key: value``
preambles / blank lines, and cuts footers (copyright lines, blank lines at the end). When a file
holds more than one table (GA4, Universal Analytics), the first is the RawTable's data and the rest
are described in ``other_tables`` (reported, never mixed in).

Every cell stays a string (values.py turns them into numbers and dates): the raw cell text,
unquoted, surrounding spaces kept (`` --`` stays `` --``). Empty cells are null.

Contract details the platform layer can rely on:

- ``frame`` has one String column per header cell, named from the header (whitespace and BOM
  stripped, duplicates made unique as ``Name (2)``, empty header cells named ``column_<n>`` with
  ``n`` the 1-based position), then ``LINE`` (Int64): the 1-based physical line of the row in a text
  file (where the row starts, for cells spanning lines), the 1-based sheet row in a workbook.
- A header without data rows gives a frame with height 0 (not an error), so the caller can say
  "header but no data rows". An empty file, a file of blank lines, a binary file (image, ZIP, PDF,
  undecodable bytes) or a workbook that cannot be opened raise ``ReadError``.
- Every physical line (sheet row) other than the header is either a data row or in ``excluded``
  (in line order), except the continuation lines of cells that span lines. The reasons are the constants below:
  ``"blank line"`` (also a line of only delimiters), ``"comment line"``, ``"title line"``,
  ``"date-range line"``, ``"report preamble '<text>'"``, ``"copyright line"``,
  ``"second table '<header>' (not read)"`` and ``"ragged line: <n> fields where the header has <k>"``
  (the last also gives a warning Finding; most lines ragged raises ``ReadError``).
- ``preamble`` holds the text of the non-blank lines above the header, cleaned of quotes, ``#`` and
  trailing delimiters (``"Report Time: 1/1/2025 - 1/31/2025"``, ``"Start date: 20250101"``).
- ``data_lines`` counts the physical lines from the line after the header to the last line of the
  table (data rows, blank and ragged lines; not the footer or later tables).

How: detection runs on the first ``HEAD_LINES`` and last ``TAIL_LINES`` lines only; the body is then
parsed by one ``pl.read_csv`` call on UTF-8 bytes (other encodings are decoded once and re-encoded).
Blank lines (rows of nulls) and cells spanning lines (their line breaks counted) keep that path. The
result is checked (rows plus line breaks in cells against physical lines, the delimiter count when
a line may be short, '#' rows, a header-like row after a blank line) and, when a check fails
(ragged lines, comment lines, a second table), the body is read again by an exact scan that
classifies every line: correct, but far slower (some 12 s of CPU for a million rows).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field

import polars as pl

from kpi_core.fmt import Note
from kpi_core.readers import values
from kpi_core.readers.result import Exclusion, Finding, ReadError

LINE = "__line"  # column of RawTable.frame: 1-based physical line (or sheet row) of each data row

# JSON cells (GA360's totals, trafficSource) outgrow the csv module's 128 KiB default per field.
csv.field_size_limit(2**31 - 1)

BLANK = Note("r_blank")  # "blank line", and in nb and sv (kpi_core/reader_texts.py)
COMMENT = Note("r_comment")
TITLE = Note("r_title")
DATE_RANGE = Note("r_date_range")
COPYRIGHT = Note("r_copyright")

HEAD_LINES = 200  # lines read to find the delimiter and the header
TAIL_LINES = 50  # lines read at the end to find footers
DELIMITERS = (",", ";", "\t", "|")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


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


def read_table(data: bytes, name: str, skip: frozenset[str] = frozenset()) -> RawTable:
    """The first table of a CSV/TSV/XLSX export, every cell a string, with what was skipped and why.
    ``skip``: sheets of a workbook already tried (their table could not be read)."""
    table = _read(data, name, skip)
    table.excluded.sort(key=lambda e: e.line)
    return table


def _read(data: bytes, name: str, skip: frozenset[str] = frozenset()) -> RawTable:
    if not data:
        raise ReadError(name, Note("e_empty"))
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")) and name.lower().endswith(WORKBOOK_SUFFIXES):
        return _read_workbook(data, name, skip)
    # Some tools name a tab-separated text file .xls; a .xlsx must be a real workbook.
    fake_xls = name.lower().endswith(".xls") and data[:1024].lstrip()[:1] != b"<"
    if name.lower().endswith(WORKBOOK_SUFFIXES) and not fake_xls:
        raise ReadError(name, Note("e_fake_workbook"))
    _reject_binary(data, name)
    buf, encoding = _decode(data, name)
    try:
        table = _read_text(buf, name, encoding)
    except _NotUtf8:
        # The head looked like UTF-8 but a later line is not: the file is Windows-1252 after all.
        text = data.removeprefix(b"\xef\xbb\xbf").decode("windows-1252", errors="replace")
        table = _read_text(text.encode("utf-8"), name, "windows-1252")
    if fake_xls:
        table.findings.append(Finding("info", Note("f_xls_text")))
    return table


# ---------------------------------------------------------------------------------------------
# Bytes -> UTF-8 text


class _NotUtf8(Exception):
    """Raised when the body turns out not to be UTF-8 although the head was."""


_SIGNATURES = {
    b"\x89PNG": {"en": "a PNG image", "nb": "et PNG-bilde", "sv": "en PNG-bild"},
    b"\xff\xd8\xff": {"en": "a JPEG image", "nb": "et JPEG-bilde", "sv": "en JPEG-bild"},
    b"GIF8": {"en": "a GIF image", "nb": "et GIF-bilde", "sv": "en GIF-bild"},
    b"%PDF": {"en": "a PDF document", "nb": "et PDF-dokument", "sv": "ett PDF-dokument"},
    b"PK\x03\x04": {"en": "a ZIP archive (perhaps an Excel workbook renamed to .csv)",
                    "nb": "et ZIP-arkiv (kanskje en Excel-arbeidsbok omdøpt til .csv)",
                    "sv": "ett ZIP-arkiv (kanske en Excel-arbetsbok omdöpt till .csv)"},
    b"\xd0\xcf\x11\xe0": {"en": "an old Excel (.xls) workbook renamed to .csv",
                            "nb": "en gammel Excel-arbeidsbok (.xls) omdøpt til .csv",
                            "sv": "en gammal Excel-arbetsbok (.xls) omdöpt till .csv"},
}


def _reject_binary(data: bytes, name: str) -> None:
    for magic, what in _SIGNATURES.items():
        if data.startswith(magic):
            raise ReadError(name, Note("e_signature", what=what))
    if re.match(rb"(\xef\xbb\xbf)?\s*<(!doctype html|html[\s>]|\?xml)", data[:256], re.IGNORECASE):
        # a sign-in or error page saved in place of the export (or an HTML 'Excel' report named .csv)
        raise ReadError(name, Note("e_web_page"))


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit at every other byte, as in UTF-16 text of Latin letters."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4:
        return None
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.7 and even_nul < 0.1:
        return "utf-16-le"
    if even_nul > 0.7 and odd_nul < 0.1:
        return "utf-16-be"
    return None


def _decode(data: bytes, name: str) -> tuple[bytes, str]:
    """UTF-8 bytes without BOM, and the encoding the file was written in."""
    if data.startswith(b"\xef\xbb\xbf"):
        buf, encoding = data[3:], "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        buf = data[2:].decode(encoding, errors="replace").encode("utf-8")
    elif b"\x00" in data[:4096]:
        encoding = _utf16_without_bom(data[:4096])
        if encoding is None:
            raise ReadError(name, Note("e_binary"))
        buf = data.decode(encoding, errors="replace").encode("utf-8")
    else:
        buf, encoding = data, "utf-8"
        head = data[:65536]
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # not just a character cut at the sample's end
                buf = data.decode("windows-1252", errors="replace").encode("utf-8")
                encoding = "windows-1252"
    if b"\x00" in buf[:4096]:
        raise ReadError(name, Note("e_binary"))
    if b"\n" not in buf and b"\r" in buf:  # classic Mac line ends
        buf = buf.replace(b"\r", b"\n")
    sample = buf[:4096].decode("utf-8", errors="ignore")
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    if controls > max(2, len(sample) // 100):
        raise ReadError(name, Note("e_binary"))
    return buf, encoding


# ---------------------------------------------------------------------------------------------
# Lines, fields, and what a line looks like


def _line_starts(buf: bytes, count: int, start: int = 0) -> list[int]:
    """Byte offsets of the first ``count`` line starts from ``start`` (fewer at the end of buf)."""
    starts = [start]
    pos = start
    while len(starts) < count:
        nl = buf.find(b"\n", pos)
        if nl < 0 or nl + 1 >= len(buf):
            break
        pos = nl + 1
        starts.append(pos)
    return starts


def _fields(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:  # a stray NUL: split without quotes
        return line.split(delimiter)


def _is_blank(cells: list[str | None]) -> bool:
    return not any(c and c.strip() for c in cells)


_NUMERIC = re.compile(r"^[\s\-+−(]*[$€£¥]?[\s\d.,:/'%()−+-]*\d[\s\d.,:/'%()−+-]*(kr|NOK|SEK|DKK|EUR|USD)?\s*$")


def _looks_like_header(cells: list[str | None]) -> bool:
    """Mostly filled and mostly text: a header, not a data row, a title with trailing commas."""
    filled = [c.strip() for c in cells if c and c.strip()]
    if len(filled) * 2 < len(cells):
        return False
    numeric = sum(1 for c in filled if _NUMERIC.match(c))
    return numeric * 2 < len(filled)


def _is_empty_record(cells: list[str]) -> bool:
    """A body line with no value: empty, only spaces, or only delimiters (what Polars reads as all null).

    Stricter than _is_blank: ``  , ,`` is a row of space cells, kept as data the way Polars keeps it.
    """
    return all(c == "" for c in cells) or (len(cells) == 1 and not cells[0].strip())


def _is_comment(cells: list[str | None]) -> bool:
    """A ``#`` line: '#' not followed by a digit (``#1043`` is a Shopify order) and nothing else filled."""
    first = (cells[0] or "").lstrip() if cells else ""
    return bool(re.match(r"#(\D|$)", first)) and _is_blank(cells[1:])


_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|copyright|all rights reserved", re.IGNORECASE)
_DATE_RANGE = re.compile(r"^(all time|[\w .,/]*\d[\w .,/]*\s?[-–]\s?[\w .,/]*\d[\w .,/]*)$", re.IGNORECASE)
_KEY_VALUE = re.compile(r"^[^\W\d][^:.]{0,40}:(\s|$)")


def _clean(cells: list[str | None], delimiter: str) -> str:
    """Preamble text of a line: unquoted, without '#' and trailing empty cells."""
    kept = list(cells)
    while kept and not (kept[-1] or "").strip():
        kept.pop()
    return delimiter.join(c or "" for c in kept).strip().lstrip("#").strip()


def _preamble_reason(cells: list[str | None], text: str) -> str:
    if _is_blank(cells):
        return BLANK
    if (cells[0] or "").lstrip().startswith("#"):
        return COMMENT
    if _DATE_RANGE.match(text):
        return DATE_RANGE
    if _KEY_VALUE.match(text):
        return Note("r_preamble", text=text)
    return TITLE


def _column_names(cells: list[str | None]) -> list[str]:
    names: list[str] = []
    seen: Counter[str] = Counter()
    for i, cell in enumerate(cells, start=1):
        base = (cell or "").strip().strip("\ufeff").strip() or f"column_{i}"
        seen[base] += 1
        name = base if seen[base] == 1 else f"{base} ({seen[base]})"
        while name in names or name == LINE:
            seen[base] += 1
            name = f"{base} ({seen[base]})"
        names.append(name)
    return names


# ---------------------------------------------------------------------------------------------
# Layout: delimiter, header, preamble (shared by text files and sheets)


@dataclass
class _Layout:
    delimiter: str
    width: int  # fields in the header
    header_index: int  # 0-based index into the head rows


def _find_header(rows: list[list[str]], records: list[list[str]]) -> tuple[int, int]:
    """(0-based header line, field count): the first header-like line of the dominant width.

    ``rows`` are the head's lines split one by one (the header and the preamble never span lines);
    the dominant width comes from ``records``, the same text parsed as CSV, where a quoted cell
    spanning lines counts once.
    """
    widths = Counter(len(r) for r in records if not _is_blank(r) and not _is_comment(r) and len(r) > 1)
    width = max(widths, key=lambda w: (widths[w], w)) if widths else 1
    lines = [i for i, r in enumerate(rows) if not _is_blank(r) and not _is_comment(r)]
    # A header one field short of the rows: every data line ends with a delimiter (some TSV exports).
    for w in (width, width - 1):
        for i in lines:
            if len(rows[i]) == w and _looks_like_header(rows[i]):
                return i, width
    return next((i for i in lines if len(rows[i]) == width), 0), width


def _parse(lines: list[str], delimiter: str) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO("\n".join(lines), newline=""), delimiter=delimiter))
    except csv.Error:  # a NUL or a giant cell in the head: fall back to lines
        return [_fields(line, delimiter) for line in lines]


def _quotes_fit(line: str, delimiter: str) -> bool:
    """Every quote of the line opens or closes a cell (next to a delimiter or the line's end, spaces
    aside) or is doubled inside one: what a CSV writer produces with this delimiter."""
    i, n = 0, len(line)
    while i < n:
        i = line.find('"', i)
        if i < 0:
            return True
        if line.startswith('""', i) and 0 < i and i + 2 < n:  # a doubled quote inside a quoted cell
            i += 2
            continue
        before, after = line[:i].rstrip(" "), line[i + 1 :].lstrip(" ")
        if not (before == "" or before.endswith(delimiter) or after == "" or after.startswith(delimiter)
                or after.startswith('"') or before.endswith('"')):
            return False
        i += 1
    return True


def _text_layout(lines: list[str]) -> _Layout:
    """Choose the delimiter whose header and the records of its width hold the most cells.

    Cells, not records: in a short export a few title lines split by a comma ('Report Start: 1/1/2025,
    12:00 AM') outnumber the tab-separated rows, but they hold two cells each, the rows a dozen.
    A delimiter that cuts through a quoted cell (a quote left inside a cell: '2025-01-01,"A' split on the
    semicolons of '"A; B; C"') loses to one that does not, whatever its count."""
    best: tuple[bool, int, int] | None = None
    layout = _Layout(",", 1, 0)
    for delimiter in DELIMITERS:
        rows = [_fields(line, delimiter) for line in lines]
        index, width = _find_header(rows, _parse(lines, delimiter))
        if width < 2:
            continue
        agree = sum(1 for r in _parse(lines[index:], delimiter) if len(r) == width)
        whole = all(_quotes_fit(line, delimiter) for line in lines[index:])
        if best is None or (whole, agree * width, agree) > best:
            best, layout = (whole, agree * width, agree), _Layout(delimiter, width, index)
    if best is None:  # one column: the header is the first line that is not blank or a comment
        rows = [_fields(line, ",") for line in lines]
        layout.header_index = next((i for i, r in enumerate(rows) if not _is_blank(r) and not _is_comment(r)), 0)
    return layout


def _preamble(rows: list[list[str | None]], delimiter: str | None) -> tuple[list[str], list[Exclusion]]:
    """Cleaned text and exclusions of the rows above the header (rows[i] is line i + 1).

    A text line gives one preamble entry; a sheet row (delimiter None) one entry per filled cell,
    since Meta puts the account, a note and the report period side by side in row 2.
    """
    texts, excluded = [], []
    for i, cells in enumerate(rows):
        filled = [c for c in cells if c is not None and c.strip()]
        text = _clean(cells, delimiter) if delimiter is not None else " ".join(c.strip() for c in filled)
        excluded.append(Exclusion(i + 1, _preamble_reason(filled or [""], text)))
        entries = [text] if delimiter is not None else [c.strip() for c in filled]
        texts += [t for t in entries if re.search(r"\w", t)]
    return texts, excluded


# ---------------------------------------------------------------------------------------------
# Text files


def _read_text(buf: bytes, name: str, encoding: str) -> RawTable:
    starts = _line_starts(buf, HEAD_LINES + 1)
    head_end = starts[HEAD_LINES] if len(starts) > HEAD_LINES else len(buf)
    try:
        head = buf[:head_end].decode("utf-8")
    except UnicodeDecodeError:
        raise _NotUtf8 from None
    lines = [line.rstrip("\r") for line in head.split("\n")]
    if head.endswith("\n"):
        lines.pop()  # split leaves an empty string after the last newline
    if all(not line.strip() for line in lines):
        raise ReadError(name, Note("e_blank"))
    if all(not line.strip() or _is_comment(_fields(line, ",")) for line in lines):
        raise ReadError(name, Note("e_comments"))
    layout = _text_layout(lines)
    d, h = layout.delimiter, layout.header_index
    rows = [_fields(line, d) for line in lines[: h + 1]]
    preamble, excluded = _preamble(rows[:h], d)
    names = _column_names(rows[h] + [""] * (layout.width - len(rows[h])))
    header_line = h + 1

    body_start = starts[h + 1] if h + 1 < len(starts) else len(buf)
    body = _body(buf, body_start, header_line + 1, d)
    table = RawTable(
        frame=pl.DataFrame(), header_line=header_line, encoding=encoding, delimiter=d,
        preamble=preamble, excluded=excluded,
    )
    fast = _fast_body(body, names, d)
    table.data_lines = fast[2] if fast else body.count_lines()
    footer_start = body.first_line + table.data_lines
    if fast:
        table.frame = fast[0]
        table.excluded += [Exclusion(n, BLANK) for n in fast[1]]
    else:  # may end the table early, at a second table
        table.frame = _exact_body(body.data(), names, d, body.first_line, table, name)
    table.excluded += [Exclusion(footer_start + i, reason) for i, reason in enumerate(body.footer)]
    if encoding == "windows-1252":
        table.findings.append(Finding("info", Note("f_windows_1252")))
    return table


@dataclass
class _Body:
    """The lines of the table below its header, ``buf[start:end]``, and the footer cut off after it."""

    buf: bytes
    start: int
    end: int
    first_line: int  # 1-based line number of the first body line
    footer: list[str]  # reasons for the lines cut off at the end, in file order
    quoted: bool  # a '"' in the body: cells may span lines, so lines and rows may differ

    def data(self) -> bytes:
        return self.buf[self.start : self.end]

    def count_lines(self) -> int:
        unterminated = self.end > self.start and self.buf[self.end - 1] != ord("\n")
        return self.buf.count(b"\n", self.start, self.end) + unterminated


def _body(buf: bytes, start: int, first_line: int, d: str) -> _Body:
    """The body, with the trailing blank and copyright lines (at most TAIL_LINES) cut off."""
    end = len(buf) - 1 if buf.endswith(b"\n") else len(buf)  # where the last line's text ends
    footer = []
    while start <= end and start < len(buf) and len(footer) < TAIL_LINES:
        line_start = max(buf.rfind(b"\n", start, end) + 1, start)
        text = buf[line_start:end].decode("utf-8", errors="replace")
        if not text.strip() or not text.rstrip("\r").strip(d):  # as _is_empty_record
            footer.append(BLANK)
        elif _COPYRIGHT.search(text):
            footer.append(COPYRIGHT)
        else:
            break
        end = line_start - 1
    body_end = min(end + 1, len(buf)) if end >= start else start
    quoted = buf.find(b'"', start, body_end) >= 0
    return _Body(buf, start, body_end, first_line, footer[::-1], quoted)


def _fast_body(body: _Body, names: list[str], d: str) -> tuple[pl.DataFrame, list[int], int] | None:
    """(data rows, blank lines, physical lines) from one Polars read of the body, or None when a
    check finds what only the exact scan can sort out: ragged lines, '#' lines, a second table.

    Polars keeps line alignment for blank lines (a row of nulls) and reads cells spanning lines
    right; the line numbers then add the line breaks inside the cells above each row.
    """
    if body.end <= body.start:
        return _frame([], names, []), [], 0
    whole = body.end == len(body.buf)  # no footer: let Polars skip the lines above, no copy
    try:
        # The row index comes from the reader, in the same chunks as the cells: a LINE column made
        # afterwards (one chunk) would make the first whole-frame operation rechunk every column,
        # a copy of the whole String frame (+ 230 MB and 0.2 s at 1M rows).
        frame = pl.read_csv(
            body.buf if whole else body.data(), has_header=False, skip_lines=body.first_line - 1 if whole else 0,
            schema=dict.fromkeys(names, pl.String), separator=d, infer_schema=False,
            empty_string_is_null=True, raise_if_empty=False, row_index_name=LINE, row_index_offset=body.first_line,
        )
    except pl.exceptions.PolarsError as exc:
        if "utf-8" in str(exc).lower() or "utf8" in str(exc).lower():
            raise _NotUtf8 from None
        return None  # a line with more fields than the header, or worse: scan exactly
    frame = frame.select(*names, pl.col(LINE).cast(pl.Int64))
    cols, width = names, len(names)
    lines = body.count_lines() if body.quoted else frame.height  # without quotes, a line is a row
    if frame.height != lines:  # cells spanning lines: count their line breaks
        breaks = pl.sum_horizontal(pl.col(cols).str.count_matches("\n", literal=True).fill_null(0)).cast(pl.Int64)
        if frame.height + frame.select(breaks.sum()).item() != lines:
            return None
        frame = frame.with_columns(pl.col(LINE) + breaks.cum_sum() - breaks)
    first = pl.col(cols[0])
    rest_empty = pl.all_horizontal(pl.col(cols[1:]).is_null()) if width > 1 else first.is_null() | True  # all rows
    blank = rest_empty & first.is_null()
    blanks, lone = frame.select(blank=blank.sum(), lone=(rest_empty & first.is_not_null()).sum()).row(0)
    # '#' rows with nothing else filled: the exact scan tells comment lines from '#1043' orders.
    if lone and frame.filter(rest_empty).select(first.str.strip_chars_start().str.starts_with("#").any()).item():
        return None
    blank_rows = frame.select(pl.arg_where(blank)).to_series().to_list() if blanks else []
    if blank_rows and _any_second_table(frame.select(cols), blank_rows, width):
        return None
    if width > 1 and frame[cols[-1]].null_count():
        # A line with fewer fields reads as nulls at the end: count delimiters to rule that out
        # (those inside quoted cells too; without quotes there are none; none on empty lines).
        if blank_rows and frame.height != lines:
            return None  # an empty line inside a cell would spoil the count of empty lines
        inside = pl.sum_horizontal(pl.col(cols).str.count_matches(d, literal=True)).sum()
        inside = (frame.select(inside).item() or 0) if body.quoted else 0
        empty = _empty_lines(body) if blank_rows else 0
        if body.buf.count(d.encode(), body.start, body.end) != (frame.height - empty) * (width - 1) + inside:
            return None
    blank_lines = frame[LINE].gather(blank_rows).to_list()
    return (frame.filter(~blank) if blank_rows else frame), blank_lines, lines


def _any_second_table(cells: pl.DataFrame, blank_rows: list[int], width: int) -> bool:
    """Whether a line after a blank line starts another table (see _starts_table)."""
    for b in blank_rows:  # usually none or a few
        if b + 1 < cells.height:
            following = [c or "" for c in cells.row(b + 2)] if b + 2 < cells.height else []
            if _starts_table([c or "" for c in cells.row(b + 1)], following, width):
                return True
    return False


def _empty_lines(body: _Body) -> int:
    """Lines of the body with nothing on them (no delimiters either)."""
    buf, start, end = body.buf, body.start, body.end
    count = int(buf[start : start + 1] == b"\n" or buf[start : start + 2] == b"\r\n")
    for pattern in (b"\n\n", b"\n\r\n"):
        at = buf.find(pattern, start, end)
        while at >= 0:
            count += 1
            at = buf.find(pattern, at + 1, end)
    return count


def _frame(rows: list[list[str]], names: list[str], lines: list[int]) -> pl.DataFrame:
    """Rows of cells (empty cells null, as Polars reads them) plus LINE."""
    frame = pl.DataFrame(rows, schema=dict.fromkeys(names, pl.String), orient="row")
    return frame.with_columns(pl.col(names).replace("", None), pl.Series(LINE, lines, dtype=pl.Int64))


def _exact_body(body: bytes, names: list[str], d: str, first_line: int, table: RawTable, name: str) -> pl.DataFrame:
    """Classify every line of the body: data row, blank, ragged, or the start of another table."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise _NotUtf8 from None
    records = _records(text, d, name, first_line)
    width = len(names)
    rows, lines, rest = [], [], []
    ragged = 0
    previous_blank = False
    for i, (line, cells) in enumerate(records):
        following = records[i + 1][1] if i + 1 < len(records) else []
        empty = _is_empty_record(cells)
        comment = bool(cells) and "#" in cells[0] and _is_comment(cells)
        if rest or comment or (previous_blank and _starts_table(cells, following, width)):
            rest.append((line, cells))
        elif empty:
            table.excluded.append(Exclusion(line, BLANK))
        elif len(cells) != width:
            ragged += 1
            reason = Note("r_ragged", fields=len(cells), width=width)
            table.excluded.append(Exclusion(line, reason))
            table.findings.append(Finding("warning", Note("f_ragged", reason=reason), Note("w_line", line=line)))
        else:
            rows.append(cells)
            lines.append(line)
        previous_blank = empty
    if ragged and ragged * 2 > ragged + len(rows):
        raise ReadError(name, Note("e_ragged", ragged=ragged, total=ragged + len(rows), width=width,
                                   line=first_line - 1))
    if rest:
        _other_tables(rest, d, table)
        table.data_lines = rest[0][0] - first_line
    return _frame(rows, names, lines)


def _records(text: str, d: str, name: str, first_line: int) -> list[tuple[int, list[str]]]:
    """(physical line where it starts, cells) of every record; a malformed line raises ReadError."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=d)
    records, line = [], first_line
    try:
        for cells in reader:
            records.append((line, cells))
            line = first_line + reader.line_num
    except csv.Error as exc:
        raise ReadError(name, Note("e_bad_csv", line=line, error=exc)) from None
    return records


def _starts_table(cells: list[str], following: list[str], width: int) -> bool:
    """After a blank line: the header of another table (``Day Index,Sessions`` under UA channels).

    A header-like line of another width; or, of the same width, a line of text only whose next
    line is not (data rows of text only after a blank line stay data). A lone label followed by rows
    of the table's own width ('Februar' over the next month's rows) is a section title, not a table:
    it is left out as a ragged line and the rows under it are read.
    """
    if not _looks_like_header(cells):
        return False
    if sum(1 for c in cells if c.strip()) < 2 and len(following) == width:
        return False
    if len(cells) != width:
        return True
    has_number = any(_NUMERIC.match(c.strip()) for c in cells if c.strip())
    return not has_number and bool(following) and not _looks_like_header(following)


def _other_tables(rest: list[tuple[int, list[str]]], d: str, table: RawTable) -> None:
    """Exclude the lines after the first table, each named by the table it belongs to.

    A table is a header line after a gap (blank or comment lines) and the rows below it; the gap
    lines belong to the table they introduce, so a GA4 ``#`` block goes with the header under it.
    """
    owners: list[int] = []  # for each line of rest, its index into headers
    headers: list[str] = []
    pending = 0  # gap lines waiting for the header they introduce
    previous_gap = True
    for line, cells in rest:
        gap = _is_blank(cells) or _is_comment(cells)
        if previous_gap and not gap:
            headers.append(",".join(c.strip() for c in cells))
            table.other_tables.append(Note("w_second_table", line=line, header=headers[-1]))
            owners[len(owners) - pending :] = [len(headers) - 1] * pending
        pending = pending + 1 if gap else 0
        owners.append(max(len(headers) - 1, 0))
        previous_gap = gap
    if not headers:  # only comment lines: name them by their first text
        headers.append(_clean(rest[0][1], d))
        table.other_tables.append(Note("w_second_table", line=rest[0][0], header=headers[0]))
    for (line, _cells), owner in zip(rest, owners, strict=True):
        table.excluded.append(Exclusion(line, Note("r_second_table", header=headers[owner])))


# ---------------------------------------------------------------------------------------------
# Workbooks


# Sheets that hold plans, not results: read only when no other sheet has data.
_PLAN_SHEET = re.compile(r"(?i)budsjett|budget|\bplan|prognos|forecast|\bmål\b|\btarget")


def _read_workbook(data: bytes, name: str, skip: frozenset[str] = frozenset()) -> RawTable:
    import fastexcel

    try:
        reader = fastexcel.read_excel(data)
        loaded = {s: reader.load_sheet(s, header_row=None, skip_rows=0, dtypes="string") for s in reader.sheet_names}
        sheets = {s: _sheet_frame(sheet) for s, sheet in loaded.items()}
    except Exception:  # noqa: BLE001 - calamine raises many kinds; all mean "not a workbook we can read"
        raise ReadError(name, Note("e_no_workbook")) from None
    filled = {s: f.height * f.width - sum(f.null_count().row(0)) if f.width else 0 for s, f in sheets.items()}
    if not any(filled.values()):
        raise ReadError(name, Note("e_no_cells"))
    candidates = [s for s in sheets if filled[s] and s not in skip]
    if not candidates:
        raise ReadError(name, Note("e_no_cells"))
    hidden = {s for s, sheet in loaded.items() if sheet.visible != "visible"}
    numbers = {s: _number_cells(f) for s, f in sheets.items()}
    # A visible sheet before a hidden one (an old copy, a backup), results before a budget or plan;
    # then Meta's 'Raw Data Report', else the sheet with the most numbers: a cover page or a glossary
    # may have more text cells than the table has cells, but not more numbers.
    sheet = max(candidates, key=lambda s: (s not in hidden, not _PLAN_SHEET.search(s),
                                           bool(re.search(r"raw|rådata|rå data", s.lower())), numbers[s], filled[s]))
    left_out = [s for s in sheets if s != sheet and filled[s] and (s in hidden or _PLAN_SHEET.search(s))]
    grid = sheets[sheet]
    head = [list(r) for r in grid.head(HEAD_LINES).rows()]
    index = _sheet_header(head)
    header_cells = head[index]
    # Keep the columns the header spans: from its first to its last filled cell.
    filled_at = [i for i, c in enumerate(header_cells) if c is not None and c.strip()]
    lo, hi = (filled_at[0], filled_at[-1]) if filled_at else (0, len(header_cells) - 1)
    names = _column_names(header_cells[lo : hi + 1])
    preamble, excluded = _preamble(head[:index], None)
    body = grid.slice(index + 1).select(grid.columns[lo : hi + 1])
    body.columns = names
    body = body.with_columns(pl.int_range(index + 2, index + 2 + body.height, dtype=pl.Int64).alias(LINE))
    blank = pl.all_horizontal(pl.col(names).is_null())
    # Trailing blank rows belong to nothing; blank rows inside the table are reported.
    last = body.select(pl.arg_where(~blank).max()).item()
    body = body.head(0 if last is None else last + 1)
    table = RawTable(
        frame=body, header_line=index + 1, encoding="xlsx", delimiter=None, sheet=sheet,
        preamble=preamble, excluded=excluded,
    )
    body = _cut_second_table(body, names, table)
    table.excluded += [Exclusion(n, BLANK) for n in body.filter(blank)[LINE].to_list()]
    table.frame, table.data_lines = body.filter(~blank), body.height
    if len(sheets) > 1:
        table.findings.append(Finding("info", Note("f_sheet", sheet=sheet, n=len(sheets))))
    if left_out:
        table.findings.append(Finding("info", Note("f_sheets_left_out", sheets=", ".join(f"'{s}'" for s in left_out))))
    return table


def _number_cells(grid: pl.DataFrame) -> int:
    """How many cells of a sheet (read as text) hold a number: '1234.5', '1 234,50', '-12', '6,99 %'."""
    if not grid.width:
        return 0
    return grid.select(pl.sum_horizontal(pl.col(c).str.contains(values.NUMBER_LIKE).fill_null(False).sum()
                                         for c in grid.columns)).item()


def _cut_second_table(body: pl.DataFrame, names: list[str], table: RawTable) -> pl.DataFrame:
    """The rows above a second table that starts after a blank row (excluded as in text files)."""
    cells = body.select(names)
    blank_rows = cells.select(pl.arg_where(pl.all_horizontal(pl.all().is_null()))).to_series().to_list()
    for i in (b + 1 for b in blank_rows if b + 2 < body.height):
        row, following = ([c or "" for c in cells.row(j)] for j in (i, i + 1))
        if _starts_table(row, following, len(names)):
            rest = [[c or "" for c in r] for r in cells.slice(i).rows()]
            _other_tables(list(zip(body[LINE].to_list()[i:], rest, strict=True)), ",", table)
            return body.head(i)
    return body


def _sheet_header(rows: list[list[str | None]]) -> int:
    """0-based header row of a sheet: the first text row about as full as the fullest head row.

    Sheet rows all have the grid's width, so the field-count rule of text files does not apply;
    title cells (Meta's B2, C2, E2) fill far fewer cells than the header and the data rows.
    """
    filled = [sum(1 for c in r if c is not None and c.strip()) for r in rows]
    most = max(filled, default=0)
    for i, r in enumerate(rows):
        cells = [c for c in r if c is not None and c.strip()]
        if filled[i] * 5 >= most * 4 and _looks_like_header(cells):
            return i
    return next((i for i, n in enumerate(filled) if n), 0)


def _sheet_frame(sheet) -> pl.DataFrame:
    """All cells of a sheet as strings, row 1 first (calamine writes 1245.0 as "1245").

    Dates lose a midnight time (``2026-08-01``); a time of day without a date, which calamine
    puts on Excel's day zero (``1899-12-31 00:02:07``), becomes ``00:02:07``; blank cells are null.
    """
    frame = sheet.to_polars()
    return frame.with_columns(
        pl.when(pl.col(c).str.strip_chars() != "")
        .then(
            pl.col(c)
            .str.replace(r"^(\d{4}-\d{2}-\d{2}) 00:00:00$", "$1")
            .str.replace(r"^1899-12-3[01] (\d{2}:\d{2}:\d{2})$", "$1")
        )
        .alias(c)
        for c in frame.columns
    )
