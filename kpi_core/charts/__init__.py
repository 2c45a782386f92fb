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
AXIS_FORMAT = {"rate": ".1%", "multiple": ",.1~f", "currency": ",.0f", "count": ",.0f", "number": ",.2~f",
               "seconds": ",.0f"}


def check_size(n_rows: int) -> None:
    """Refuse to ship a chart bigger than ``MAX_ROWS``: it means a frame was not aggregated."""
    if n_rows > MAX_ROWS:
        raise ValueError(f"a chart of {n_rows} rows; aggregate to at most {MAX_ROWS} first")
