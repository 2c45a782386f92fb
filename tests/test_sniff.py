"""read_table on byte fixtures built here, one per quirk of the exports in shared/export-formats.md.

Line numbers in the asserts are counted by hand from the fixture text (1-based physical lines).
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import polars as pl
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi_core.readers.result import ReadError
from kpi_core.readers.sniff import LINE, RawTable, read_table


def reasons(table: RawTable) -> list[tuple[int, str]]:
    return [(e.line, e.reason) for e in table.excluded]


def physical_lines(text: str) -> int:
    return len(text.splitlines())


def assert_every_line_accounted(table: RawTable, text: str) -> None:
    """Rows in = header + data rows + excluded lines (no cell in these fixtures spans lines)."""
    assert 1 + table.frame.height + len(table.excluded) == physical_lines(text)
    seen = [table.header_line, *table.frame[LINE].to_list(), *(e.line for e in table.excluded)]
    assert sorted(seen) == list(range(1, physical_lines(text) + 1))


GOOGLE_ADS = (
    "Campaign report\r\n"
    '"January 1, 2025 - January 31, 2025"\r\n'
    "Day\tCampaign\tImpr.\tCTR\tCost\tCost / conv.\r\n"
    "2025-01-02\tNO_Search_Brand\t1,245\t6.99%\t358.44\t119.48\r\n"
    "2025-01-02\tNO_PMax_Shop\t18,902\t1.12%\t432.55\t --\r\n"
    "Total: Account\t\t20,147\t1.48%\t790.99\t263.66\r\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xff\xfe" + GOOGLE_ADS.encode("utf-16-le"), "utf-16-le"),
        (GOOGLE_ADS.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by the NUL at every odd byte
        (b"\xfe\xff" + GOOGLE_ADS.encode("utf-16-be"), "utf-16-be"),
        (GOOGLE_ADS.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_google_ads_utf16_tab_with_title_and_date_range(data, encoding):
    t = read_table(data, "campaigns.csv")
    assert (t.encoding, t.delimiter, t.header_line) == (encoding, "\t", 3)
    assert t.header == ["Day", "Campaign", "Impr.", "CTR", "Cost", "Cost / conv."]
    assert t.frame[LINE].to_list() == [4, 5, 6]
    assert t.frame["Impr."].to_list() == ["1,245", "18,902", "20,147"]
    assert t.frame["Cost / conv."].to_list() == ["119.48", " --", "263.66"]  # leading space kept
    assert t.frame["Campaign"].to_list() == ["NO_Search_Brand", "NO_PMax_Shop", None]  # empty cell is null
    assert t.preamble == ["Campaign report", "January 1, 2025 - January 31, 2025"]
    assert reasons(t) == [(1, "title line"), (2, "date-range line")]
    assert t.data_lines == 3
    assert_every_line_accounted(t, GOOGLE_ADS)


def test_google_ads_utf8_comma_quoted_thousands():
    text = GOOGLE_ADS.replace("\t", ",").replace("1,245", '"1,245"').replace("18,902", '"18,902"')
    text = text.replace("20,147", '"20,147"').replace('"January 1, 2025 - January 31, 2025"', "All time")
    t = read_table(text.encode(), "campaigns.csv")
    assert (t.encoding, t.delimiter, t.header_line) == ("utf-8", ",", 3)
    assert t.frame["Impr."].to_list() == ["1,245", "18,902", "20,147"]
    assert reasons(t) == [(1, "title line"), (2, "date-range line")]


META = (
    '"Reporting starts","Reporting ends","Campaign name",Results,"Amount spent (NOK)","Purchase ROAS"\n'
    '2025-01-01,2025-01-31,"Vinter – Prospecting",41,6265.00,8.279330\n'
    '2025-01-01,2025-01-31,"Retarget, 30d",,812.40,\n'
)


def test_meta_utf8_bom_quoted_header_and_empty_last_cells():
    t = read_table(b"\xef\xbb\xbf" + META.encode(), "meta.csv")
    assert (t.encoding, t.delimiter, t.header_line) == ("utf-8-sig", ",", 1)
    assert t.header[0] == "Reporting starts"  # BOM not in the name
    assert t.frame["Campaign name"].to_list() == ["Vinter – Prospecting", "Retarget, 30d"]
    assert t.frame["Results"].to_list() == ["41", None]
    assert t.frame["Purchase ROAS"].to_list() == ["8.279330", None]
    assert t.frame[LINE].to_list() == [2, 3]
    assert t.excluded == [] and t.preamble == []


GA4 = (
    "# ----------------------------------------,,,\n"  # 1
    "# Traffic acquisition: Session primary channel group (Default Channel Group),,,\n"
    "# Account: Nordlys AS,,,\n"
    "# All Users ,,,\n"
    "# Start date: 20250101,,,\n"  # 5
    "# End date: 20250131,,,\n"
    "Session primary channel group (Default Channel Group),Users,Sessions,Engagement rate\n"  # 7: header
    "Organic Search,5120,6843,0.64445\n"
    "Paid Social,2214,2690,0.410409\n"
    "\n"  # 10
    "# ----------------------------------------,,,\n"
    "# Landing page,,,\n"
    "Landing page,Users,Sessions,Engagement rate\n"  # 13: second table
    "/,100,120,0.5\n"
)


def test_ga4_comment_block_with_trailing_commas_and_second_table():
    t = read_table(GA4.encode(), "ga4.csv")
    assert t.header_line == 7
    assert t.header == ["Session primary channel group (Default Channel Group)", "Users", "Sessions", "Engagement rate"]
    assert t.frame[LINE].to_list() == [8, 9]
    assert t.frame["Users"].to_list() == ["5120", "2214"]
    assert "Account: Nordlys AS" in t.preamble and "Start date: 20250101" in t.preamble
    assert "All Users" in t.preamble
    second = "second table 'Landing page,Users,Sessions,Engagement rate' (not read)"
    assert reasons(t) == [(n, "comment line") for n in range(1, 7)] + [(10, "blank line")] + [
        (n, second) for n in range(11, 15)
    ]
    assert t.other_tables == ["line 13: a second table 'Landing page,Users,Sessions,Engagement rate'"]
    assert t.data_lines == 3  # lines 8, 9 and the blank line 10
    assert_every_line_accounted(t, GA4)


UA = (
    "# ----------------------------------------\n"
    "# All Web Site Data\n"
    "# Channels\n"
    "# 20190101-20190131\n"
    "# ----------------------------------------\n"  # 5
    "\n"
    "Default Channel Grouping,Users,Sessions,Bounce Rate,Avg. Session Duration,Revenue\n"  # 7
    'Organic Search,"3,104","3,990",48.12%,00:02:07,"$1,804.20"\n'
    ',"7,950","9,870",51.77%,00:01:49,"$4,112.95"\n'
    "\n"  # 10
    "Day Index,Sessions\n"
    '1/1/19,"302"\n'
    '1/2/19,"288"\n'
)


def test_universal_analytics_blank_line_then_second_table():
    t = read_table(UA.encode(), "ua.csv")
    assert t.header_line == 7
    assert t.frame[LINE].to_list() == [8, 9]
    assert t.frame["Default Channel Grouping"].to_list() == ["Organic Search", None]
    assert t.frame["Revenue"].to_list() == ["$1,804.20", "$4,112.95"]
    second = "second table 'Day Index,Sessions' (not read)"
    assert reasons(t) == [(n, "comment line") for n in range(1, 6)] + [(6, "blank line"), (10, "blank line")] + [
        (n, second) for n in (11, 12, 13)
    ]
    assert t.other_tables == ["line 11: a second table 'Day Index,Sessions'"]
    assert t.preamble == ["All Web Site Data", "Channels", "20190101-20190131"]
    assert_every_line_accounted(t, UA)


MICROSOFT = (
    '"Report Name: Campaign performance"\r\n'
    '"Report Time: 1/1/2025 - 1/31/2025"\r\n'
    '"Time Zone: (GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"\r\n'
    '"Last Completed Available Day: 2/1/2025 6:10:00 AM (GMT)"\r\n'
    '"Last Completed Available Hour: 2/1/2025 6:10:00 AM (GMT)"\r\n'  # 5
    '"Report Aggregation: Daily"\r\n'
    '"Report Filter: "\r\n'
    '"Potential Incomplete Data: false"\r\n'
    '"Rows: 2"\r\n'
    "\r\n"  # 10
    '"Gregorian date","Account name","Campaign name","Impressions","Clicks","Spend","Currency code"\r\n'
    '"1/2/2025","Nordlys","NO Brand","1204","98","314.58","EUR"\r\n'
    '"1/3/2025","Nordlys","NO Brand","2210","131","377.28","EUR"\r\n'
    "\r\n"
    '"{copyright}2025 Microsoft Corporation. All rights reserved. "\r\n'  # 15
)


@pytest.mark.parametrize("sign", ["©", "Ã‚Â©"])  # the mojibake a wrong decoding leaves
def test_microsoft_ads_key_value_preamble_and_copyright_footer(sign):
    text = MICROSOFT.format(copyright=sign)
    t = read_table(text.encode(), "msads.csv")
    assert t.header_line == 11
    assert t.header[0] == "Gregorian date" and len(t.header) == 7
    assert t.frame[LINE].to_list() == [12, 13]
    assert t.frame["Spend"].to_list() == ["314.58", "377.28"]
    assert t.preamble[1] == "Report Time: 1/1/2025 - 1/31/2025"
    assert t.preamble[2] == "Time Zone: (GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"
    assert len(t.preamble) == 9
    assert reasons(t)[1] == (2, "report preamble 'Report Time: 1/1/2025 - 1/31/2025'")
    assert reasons(t)[6] == (7, "report preamble 'Report Filter:'")
    assert reasons(t)[9:] == [(10, "blank line"), (14, "blank line"), (15, "copyright line")]
    assert t.data_lines == 2
    assert_every_line_accounted(t, text)


LINKEDIN = (
    "Campaign Performance Report (in UTC)\n"
    "Report Start: 1/1/2025, 12:00 AM\n"
    "Report End: 1/31/2025, 11:59 PM\n"
    "Date Generated: 2/1/2025, 9:14 AM\n"
    "Account: Nordlys AS (512345678)\n"
    "Start Date (in UTC),Account Name,Campaign Name,Currency,Total Spent,Impressions,Clicks\n"  # 6
    "1/2/2025,Nordlys AS,NO – CFO lookalike,NOK,1432.18,10211,88\n"
    "1/3/2025,Nordlys AS,NO – CFO lookalike,NOK,1200.00,9000,70\n"
)


@pytest.mark.parametrize(
    ("data", "delimiter"),
    [
        (LINKEDIN.encode(), ","),
        (b"\xff\xfe" + LINKEDIN.replace(",", "\t").replace("\t 12", ", 12").encode("utf-16-le"), "\t"),
    ],
)
def test_linkedin_report_preamble(data, delimiter):
    t = read_table(data, "linkedin.csv")
    assert (t.delimiter, t.header_line) == (delimiter, 6)
    assert t.frame[LINE].to_list() == [7, 8]
    assert t.frame["Total Spent"].to_list() == ["1432.18", "1200.00"]
    assert reasons(t)[0] == (1, "title line")
    assert reasons(t)[1] == (2, "report preamble 'Report Start: 1/1/2025, 12:00 AM'")
    assert t.preamble[4] == "Account: Nordlys AS (512345678)"
    assert len(t.excluded) == 5


NORDIC = "Dag;Kampanje;Kostnad;Klikkfrekvens\n2025-01-01;Vinter Ø;4,12;6,99 %\n2025-01-02;Sommer;1 245,50;1,1 %\n"


def test_a_short_comma_file_with_semicolons_inside_its_quoted_cells():
    # Split on ';' these rows give 5 cells each (15 in all) against the comma's 3 per line (12 with the header),
    # but ';' leaves quotes inside cells ('2025-01-01,"A'): it cuts through quoted cells, so ',' is the delimiter.
    text = ('Date,Campaign,Cost\n2025-01-01,"A; B; C; D; E",10\n2025-01-02,"A; B; C; D; E",20\n'
            '2025-01-03,"E; F; G; H; I",30\n')
    t = read_table(text.encode(), "x.csv")
    assert (t.delimiter, t.header) == (",", ["Date", "Campaign", "Cost"])
    assert t.frame["Campaign"].to_list() == ["A; B; C; D; E", "A; B; C; D; E", "E; F; G; H; I"]


def test_semicolon_decimal_comma_windows_1252():
    t = read_table(NORDIC.encode("windows-1252"), "nordic.csv")
    assert (t.encoding, t.delimiter, t.header_line) == ("windows-1252", ";", 1)
    assert t.frame.rows() == [
        ("2025-01-01", "Vinter Ø", "4,12", "6,99 %", 2),
        ("2025-01-02", "Sommer", "1 245,50", "1,1 %", 3),
    ]
    assert any("Windows-1252" in f.message for f in t.findings)


def test_utf8_bom_then_windows_1252_deep_in_the_file():
    text = "Dag;Kampanje\n" + "".join(f"2025-01-01;Row {i}\n" for i in range(5000)) + "2025-01-02;Bodø\n"
    t = read_table(b"\xef\xbb\xbf" + text.encode("windows-1252"), "late_bom.csv")
    assert t.encoding == "windows-1252" and t.header == ["Dag", "Kampanje"]
    assert t.frame.row(-1) == ("2025-01-02", "Bodø", 5002)


def test_windows_1252_only_after_the_first_lines_is_still_found():
    rows = "".join(f"2025-01-01;Row {i};1,5\n" for i in range(5000))  # ~110 kB of ASCII first
    text = "Dag;Kampanje;Kostnad\n" + rows + "2025-01-02;Bodø;2,5\n"
    t = read_table(text.encode("windows-1252"), "late.csv")
    assert t.encoding == "windows-1252"
    assert t.frame.row(-1) == ("2025-01-02", "Bodø", "2,5", 5002)  # header 1, 5000 rows, then line 5002


def test_pipe_delimited_with_ragged_lines_excluded_and_reported():
    text = "a|b|c\n1|2|3\n4|5|6\n7|8\n9|10|11|12\n13|14|15\n"
    t = read_table(text.encode(), "pipe.txt")
    assert t.delimiter == "|"
    assert t.frame[LINE].to_list() == [2, 3, 6]
    assert t.frame["c"].to_list() == ["3", "6", "15"]
    assert reasons(t) == [
        (4, "ragged line: 2 fields where the header has 3"),
        (5, "ragged line: 4 fields where the header has 3"),
    ]
    assert [(f.level, f.where) for f in t.findings] == [("warning", "line 4"), ("warning", "line 5")]
    assert_every_line_accounted(t, text)


def test_mostly_ragged_lines_raise():
    with pytest.raises(ReadError, match="most lines"):
        read_table(b"a,b,c\n1,2\n3,4\n5,6,7\n", "bad.csv")


def test_ragged_and_blank_lines_deep_in_a_long_file():
    """Beyond the detection window: found by the checks on the one Polars read, then the exact scan."""
    lines = ["Day,Clicks,Cost"] + [f"2025-01-01,{i},1.5" for i in range(1000)]
    lines[300] = "2025-01-01,short"  # line 301
    lines[600] = ""  # line 601
    lines[700] = "2025-01-01,1,2,3"  # line 701
    text = "\n".join(lines) + "\n"
    t = read_table(text.encode(), "long.csv")
    assert reasons(t) == [
        (301, "ragged line: 2 fields where the header has 3"),
        (601, "blank line"),
        (701, "ragged line: 4 fields where the header has 3"),
    ]
    assert t.frame.height == 997
    assert t.frame.filter(pl.col("Clicks") == "301").row(0)[-1] == 303  # value i sits on line i + 2
    assert_every_line_accounted(t, text)


def test_short_line_among_quoted_cells_and_empty_last_cells():
    """Polars fills a short line with nulls; the delimiter count (quoted commas apart) finds it."""
    text = 'a,b,c\n"1,5",x,\n2,y\n"3,5",z,\n'
    t = read_table(text.encode(), "short.csv")
    assert t.frame.rows() == [("1,5", "x", None, 2), ("3,5", "z", None, 4)]
    assert reasons(t) == [(3, "ragged line: 2 fields where the header has 3")]


def test_second_table_and_footer_beyond_the_detection_window():
    body = "".join(f"Organic,{i}\n" for i in range(300))
    text = "Channel,Sessions\n" + body + "\nDay Index,Sessions\n1/1/19,302\n\n©2019 Google\n"
    t = read_table(text.encode(), "ua.csv")
    assert t.frame.height == 300 and t.frame[LINE].to_list()[-1] == 301
    assert reasons(t) == [
        (302, "blank line"),
        (303, "second table 'Day Index,Sessions' (not read)"),
        (304, "second table 'Day Index,Sessions' (not read)"),
        (305, "blank line"),
        (306, "copyright line"),
    ]
    assert t.other_tables == ["line 303: a second table 'Day Index,Sessions'"]


def test_blank_line_and_multiline_cell_inside_the_data():
    text = 'a,b\n1,"x\ny"\n\n3,4\n'
    t = read_table(text.encode(), "multi.csv")
    assert t.frame.rows() == [("1", "x\ny", 2), ("3", "4", 5)]
    assert reasons(t) == [(4, "blank line")]
    assert t.data_lines == 4  # lines 2-5: a row over two lines, a blank, a row


def test_a_huge_json_cell_is_read():
    cell = '{"visits": "' + "1" * 200_000 + '"}'
    text = 'a,b\n1,"' + cell.replace('"', '""') + '"\n9\n2,3\n'  # the ragged line: the exact scan too
    t = read_table(text.encode(), "ga360.csv")
    assert t.frame.rows() == [("1", cell, 2), ("2", "3", 4)]
    assert reasons(t) == [(3, "ragged line: 1 fields where the header has 2")]


def test_shopify_order_names_starting_with_hash_are_data():
    text = "Name,Email,Total\n#1043,anne@fjord.no,796.30\n#1043,,\n"
    t = read_table(text.encode(), "orders_export.csv")
    assert t.frame["Name"].to_list() == ["#1043", "#1043"]
    assert t.excluded == []


def test_text_table_named_xls_is_read_as_text():
    t = read_table(b"Day\tClicks\n2025-01-01\t3\n", "report.xls")
    assert (t.delimiter, t.frame.rows()) == ("\t", [("2025-01-01", "3", 2)])
    assert "named .xls" in t.findings[-1].message


def test_header_names_stripped_unique_and_filled():
    text = "\ufeff Day ,Clicks,Clicks,, Clicks \n2025-01-01,1,2,3,4\n"
    t = read_table(text.encode(), "dupes.csv")
    assert t.header == ["Day", "Clicks", "Clicks (2)", "column_4", "Clicks (3)"]


def test_excel_resaved_csv_with_trailing_commas_on_preamble_lines():
    text = 'Campaign report,,,\n"January 1, 2025 - January 31, 2025",,,\nDay,Campaign,Clicks,Cost\n'
    text += "2025-01-02,A,87,4.12\n"
    t = read_table(text.encode(), "resaved.csv")
    assert (t.header_line, t.header) == (3, ["Day", "Campaign", "Clicks", "Cost"])
    assert reasons(t) == [(1, "title line"), (2, "date-range line")]
    assert t.preamble == ["Campaign report", "January 1, 2025 - January 31, 2025"]


def test_data_lines_ending_with_a_delimiter_get_an_empty_last_column():
    text = "Day\tClicks\tCost\n2025-01-02\t87\t4.12\t\n2025-01-03\t12\t1.5\t\n"
    t = read_table(text.encode(), "trailing_tab.tsv")
    assert t.header == ["Day", "Clicks", "Cost", "column_4"]
    assert t.frame.rows() == [("2025-01-02", "87", "4.12", None, 2), ("2025-01-03", "12", "1.5", None, 3)]


def test_header_without_rows_gives_an_empty_frame():
    t = read_table(b"Title\nDay,Clicks\n", "empty_table.csv")
    assert t.header == ["Day", "Clicks"] and t.frame.height == 0 and t.data_lines == 0
    assert t.frame.schema[LINE] == pl.Int64
    assert reasons(t) == [(1, "title line")]


def test_classic_mac_line_ends():
    t = read_table(b"Title\rDay,Clicks\r2025-01-01,3\r2025-01-02,4\r", "mac.csv")
    assert (t.header_line, t.frame.rows()) == (2, [("2025-01-01", "3", 3), ("2025-01-02", "4", 4)])


def test_crlf_and_trailing_blank_lines():
    t = read_table(b"a,b\r\n1,2\r\n\r\n\r\n", "crlf.csv")
    assert t.frame.rows() == [("1", "2", 2)]
    assert reasons(t) == [(3, "blank line"), (4, "blank line")]


@pytest.mark.parametrize(
    ("data", "name", "match"),
    [
        (b"", "empty.csv", "empty"),
        (b"\n\n   \r\n", "blank.csv", "only blank lines"),
        (b"# Traffic acquisition\n# Start date: 20250101\n\n", "ga4_empty.csv", "only '#' comment lines"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "logo.csv", "PNG image"),
        (b"PK\x03\x04" + bytes(100), "export.csv", "ZIP archive"),
        (bytes(range(256)) * 20, "random.csv", "binary"),
        (bytes(range(1, 32)) * 50, "controls.csv", "binary"),
        (b"Day,Clicks\n2025-01-01,3\n", "report.xlsx", "not one"),
        (b"<html><table><tr><td>1</td></tr></table></html>", "report.xls", "not one"),
        (b"PK\x03\x04" + bytes(100), "broken.xlsx", "could not be opened"),
    ],
)
def test_bad_input_raises_a_clear_read_error(data, name, match):
    with pytest.raises(ReadError, match=match) as info:
        read_table(data, name)
    assert info.value.file == name


def _workbook(sheets: dict[str, list[tuple[int, int, object]]]) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    for name, cells in sheets.items():
        sheet = book.add_worksheet(name)
        for row, col, value in cells:
            if isinstance(value, dt.date):
                sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), date_format)
            else:
                sheet.write(row, col, value)
    book.close()
    return out.getvalue()


def test_xlsx_meta_raw_sheet_with_header_at_b3():
    header = ["Day", "Campaign name", "Impressions", "Amount spent (NOK)", "CTR (all)"]
    raw = [(1, 1, "Nordlys Report"), (1, 2, "This is raw data. See Sheet 1")]
    raw += [(1, 4, "Report Period: Aug 1, 2026 - Aug 7, 2026")]
    raw += [(2, 1 + j, h) for j, h in enumerate(header)]
    raw += [(3, 1, dt.date(2026, 8, 1)), (3, 2, "Vinter"), (3, 3, 1245.0), (3, 4, 812.4), (3, 5, 0.775892)]
    raw += [(5, 1, dt.date(2026, 8, 2)), (5, 2, "Sommer"), (5, 3, 12), (5, 4, 0.5)]  # row 5 left blank
    formatted = [(0, 0, "Nordlys"), (1, 0, "Pretty numbers"), (2, 0, 1), (3, 0, 2), (4, 0, 3), (5, 0, 4), (6, 0, 5)]
    t = read_table(_workbook({"Formatted Report": formatted, "Raw Data Report": raw}), "meta.xlsx")
    assert (t.encoding, t.delimiter, t.sheet, t.header_line) == ("xlsx", None, "Raw Data Report", 3)
    assert t.header == header
    assert t.frame.rows() == [
        ("2026-08-01", "Vinter", "1245", "812.4", "0.775892", 4),
        ("2026-08-02", "Sommer", "12", "0.5", None, 6),
    ]
    assert reasons(t) == [(1, "blank line"), (2, "title line"), (5, "blank line")]
    assert t.preamble == ["Nordlys Report", "This is raw data. See Sheet 1", "Report Period: Aug 1, 2026 - Aug 7, 2026"]


def test_xlsx_cells_keep_their_written_value():
    header = ["Spent", "Cost", "Count", "Time", "Active"]
    row = [1.429999948, 0.1 + 0.2, 1245.0, dt.datetime(1899, 12, 31, 0, 2, 7), True]
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("Sheet1")
    sheet.write_row(0, 0, header)
    sheet.write_row(1, 0, row[:3])
    sheet.write_datetime(1, 3, row[3], book.add_format({"num_format": "hh:mm:ss"}))
    sheet.write_boolean(1, 4, row[4])
    book.close()
    t = read_table(out.getvalue(), "kaggle.xlsx")
    # Kaggle's float artifact stays as written; 0.1 + 0.2 is stored as 0.3 by Excel's 15 digits.
    assert t.frame.row(0) == ("1.429999948", "0.3", "1245", "00:02:07", "true", 2)


def test_xlsx_second_table_below_a_blank_row():
    cells = [(0, 0, "Channel"), (0, 1, "Sessions"), (1, 0, "Organic"), (1, 1, 3990), (2, 0, "Paid"), (2, 1, 120)]
    cells += [(4, 0, "Day Index"), (4, 1, "Sessions"), (5, 0, "1/1/19"), (5, 1, 302)]  # row 4 blank
    t = read_table(_workbook({"Dataset1": cells}), "ua.xlsx")
    assert t.frame.rows() == [("Organic", "3990", 2), ("Paid", "120", 3)]
    second = "second table 'Day Index,Sessions' (not read)"
    assert reasons(t) == [(4, "blank line"), (5, second), (6, second)]
    assert t.other_tables == ["line 5: a second table 'Day Index,Sessions'"]
    assert t.data_lines == 3  # rows 2-4


def test_xlsx_header_without_rows_and_a_workbook_without_cells():
    t = read_table(_workbook({"Sheet1": [(0, 0, "Day"), (0, 1, "Clicks")]}), "empty_table.xlsx")
    assert (t.header, t.frame.height, t.data_lines) == (["Day", "Clicks"], 0, 0)
    with pytest.raises(ReadError, match="no filled cells"):
        read_table(_workbook({"Sheet1": []}), "blank.xlsx")


def test_xlsx_without_a_raw_sheet_takes_the_largest_table():
    notes = [(0, 0, "Read me"), (1, 0, "Numbers are in NOK")]
    data = [(0, 0, "Day"), (0, 1, "Clicks")]
    data += [(r, c, v) for r in range(1, 4) for c, v in ((0, f"2025-01-0{r}"), (1, r))]
    t = read_table(_workbook({"Notes": notes, "Data": data}), "report.xlsx")
    assert (t.sheet, t.header_line) == ("Data", 1)
    assert t.frame["Clicks"].to_list() == ["1", "2", "3"]
    assert t.frame[LINE].to_list() == [2, 3, 4]


# ---------------------------------------------------------------------------------------------
# Round trip: whatever table we write, read_table gives back its cells and line numbers.

_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzÆØÅæøå", min_size=2, max_size=8)
_PREAMBLES = [
    ["Campaign report", '"January 1, 2025 - January 31, 2025"'],
    ["# ----------------------------------------", "# Account: Nordlys AS", "# Start date: 20250101", ""],
    ['"Report Name: Campaign performance"', '"Rows: 2"', ""],
    ["Campaign Performance Report (in UTC)", "Report Start: 1/1/2025, 12:00 AM", "Account: Nordlys AS"],
    [],
]
_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "windows-1252"]


@st.composite
def tables(draw):
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    width = draw(st.integers(3, 6))
    header = draw(st.lists(_WORDS, min_size=width, max_size=width, unique=True))
    # Cells hold the table's own delimiter (so they get quoted), quotes and line breaks, not the
    # other delimiters: a tiny table of cells full of commas under a ';' header is ambiguous.
    cell = st.text(alphabet=f"ab XYZ019.-%øé'\"\n{delimiter}", max_size=6)
    rows = draw(st.lists(st.lists(cell, min_size=width, max_size=width), min_size=0, max_size=12))
    rows = [r for r in rows if any(r)]  # a row of empty cells is a blank line
    # A blank line before some rows; such a row starts with a number, since a row of text only
    # after a blank line may be the header of a second table.
    blank_before = draw(st.lists(st.booleans(), min_size=len(rows), max_size=len(rows)))
    rows = [["19", *r[1:]] if blank else r for r, blank in zip(rows, blank_before, strict=True)]
    footer = draw(st.sampled_from([[], [""], ["", "©2025 Microsoft Corporation. All rights reserved."]]))
    preamble = draw(st.sampled_from(_PREAMBLES))
    # Sometimes a ragged line (two fields) before one of the rows: the exact scan then reads the body.
    ragged_at = draw(st.none() | st.integers(0, len(rows) - 1)) if rows else None
    blank = draw(st.sampled_from(["", delimiter * (width - 1)]))  # empty, or only delimiters
    encoding = draw(st.sampled_from(_ENCODINGS))
    return delimiter, header, rows, blank_before, blank, ragged_at, footer, preamble, encoding


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.sampled_from(["\n", "\r\n"]))
def test_round_trip_cells_and_line_numbers(table, newline):
    delimiter, header, rows, blank_before, blank_line, ragged_at, footer, preamble, encoding = table
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    excluded = [(n, e.reason) for n, e in enumerate(read_table_preamble(preamble), start=1)]
    expected_lines, line = [], len(preamble) + 2
    for i, (r, blank) in enumerate(zip(rows, blank_before, strict=True)):
        if i == ragged_at:
            out.write(f"19{delimiter}x{newline}")
            excluded.append((line, f"ragged line: 2 fields where the header has {len(header)}"))
            line += 1
        if blank:
            out.write(blank_line + newline)
            excluded.append((line, "blank line"))
            line += 1
        writer.writerow(r)
        expected_lines.append(line)
        line += sum(c.count("\n") for c in r) + 1
    for text in footer:
        out.write(text + newline)
        excluded.append((line, "copyright line" if text else "blank line"))
        line += 1
    text = "".join(p + newline for p in preamble) + out.getvalue()
    t = read_table(text.encode(encoding), "random.csv")
    assert t.delimiter == delimiter and t.header_line == len(preamble) + 1
    assert t.header == header
    assert t.frame.drop(LINE).rows() == [tuple(c or None for c in r) for r in rows]
    assert t.frame[LINE].to_list() == expected_lines
    assert sorted(reasons(t)) == sorted(excluded)


def read_table_preamble(preamble: list[str]) -> list:
    """The exclusions read_table gives the preamble on its own (above a one-line table)."""
    text = "".join(p + "\n" for p in preamble) + "Day,Clicks,Cost\n2025-01-01,1,2\n"
    return read_table(text.encode(), "preamble.csv").excluded


_PIECES = ["Day,Clicks\n", "2025-01-01,3\n", '"a,b",', "\n", "\r\n", "# x,,\n", '"', ";", "\t", "|", "©", "ø", "\x00"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.binary(max_size=300),
    st.lists(st.sampled_from(_PIECES), max_size=30).map(lambda p: "".join(p).encode()),
    st.lists(st.sampled_from(_PIECES), max_size=30).map(lambda p: "".join(p).encode("utf-16")),
), st.sampled_from(["x.csv", "x.xlsx", "x.xls", "x.txt"]))
def test_any_bytes_give_a_table_or_a_read_error(data, name):
    """Bad input is a clear ReadError naming the file, never a traceback."""
    try:
        t = read_table(data, name)
    except ReadError as exc:
        assert exc.file == name and exc.problem
    else:
        assert t.frame.schema[LINE] == pl.Int64
        assert all(dtype == pl.String for col, dtype in t.frame.schema.items() if col != LINE)
