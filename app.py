"""KPI Compass: the entrypoint. Page config, state set up once, the shared sidebar, the page router.

Run with ``streamlit run app.py``. The sidebar is drawn here, in the entrypoint, so its widgets
(language, data, filters) stay alive on every page; the pages themselves live in ``pages/``.
"""

# pandas, pyarrow and altair are imported up front on purpose: under fast reruns a page switch while
# the previous run is still importing them lazily fails with a half-initialised module (stack-notes §9).
import altair  # noqa: F401
import pandas  # noqa: F401
import polars  # noqa: F401
import pyarrow  # noqa: F401
import streamlit as st

import ui

st.set_page_config(page_title="KPI Compass", page_icon=":material/explore:", layout="wide")
ui.init_state()
ui.read_url()  # a shared link (?goal=…&data=…&from=…&to=…) opens on the view it was sent with

# Title, page and icon. Goal & KPIs is the start page; other modules add theirs to this list.
PAGES = [
    ("pages/goal.py", "page_goal", ":material/flag:"),
    ("pages/segments.py", "page_segments", ":material/donut_small:"),
    ("pages/trends.py", "page_trends", ":material/show_chart:"),
    ("pages/funnel.py", "page_funnel", ":material/filter_alt:"),
    ("pages/loyalty.py", "page_loyalty", ":material/loyalty:"),
    ("pages/data.py", "page_data", ":material/upload_file:"),
]

pages = {path.removeprefix("pages/").removesuffix(".py"): st.Page(path, title=ui.t(title), icon=icon, default=(i == 0))
         for i, (path, title, icon) in enumerate(PAGES)}
nav = st.navigation(list(pages.values()))
ui.follow_link(pages)  # a page URL that was the server's first request lands on that page
ui.sidebar()
ui.write_url()
nav.run()
