"""Charts: each one a tidy Polars frame in (built by ``kpi_core.views``), an ``alt.Chart`` out.

One module per page. The palette is deliberately small: one accent colour for data, green for
good, red for bad, grey for the rest, so colour always means the same thing.
"""

from __future__ import annotations

ACCENT = "#1f6f8b"
GOOD = "#2e7d32"
BAD = "#c62828"
MUTED = "#b8bec6"
MAX_ROWS = 5000  # the most rows any chart sends to the browser (aggregate in Polars first)

# Axis formats (d3) per catalog unit; tooltips use the frames' pre-formatted "text" columns.
AXIS_FORMAT = {"rate": ".1%", "multiple": ",.1~f", "currency": ",.2~f", "count": ",.0f", "number": ",.2~f",
               "seconds": ",.0f"}


def check_size(n_rows: int) -> None:
    """Refuse to ship a chart bigger than ``MAX_ROWS``: it means a frame was not aggregated."""
    if n_rows > MAX_ROWS:
        raise ValueError(f"a chart of {n_rows} rows; aggregate to at most {MAX_ROWS} first")


# d3 number and time locales, so chart axes read like the rest of the page: "200 000" and "7. des"
# in Norwegian, "200 000" and "7 dec." in Swedish (Vega-Lite's config.locale; English is the default).
_DAYS = {"nb": ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
         "sv": ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"]}
_MONTHS = {"nb": ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
                  "november", "desember"],
           "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
                  "november", "december"]}
_SHORT_MONTHS = {"nb": ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"],
                 "sv": ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]}


def locale(lang: str) -> dict | None:
    """The chart locale for ``lang`` (None for English, Vega's own)."""
    if lang not in _DAYS:
        return None
    return {
        "number": {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0kr"]},
        "time": {"dateTime": "%A %e. %B %Y %X", "date": "%d.%m.%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"],
                 "days": _DAYS[lang], "shortDays": [d[:3] for d in _DAYS[lang]], "months": _MONTHS[lang],
                 "shortMonths": _SHORT_MONTHS[lang]},
    }


def localized(chart, lang: str):
    """``chart`` with axis numbers and dates in the language's conventions."""
    loc = locale(lang)
    return chart if loc is None else chart.configure(locale=loc)
