"""The one Streamlit glue module: session state, loading data, the shared sidebar, small helpers.

Everything that touches ``st.session_state`` lives here, so the pages stay "read state, call
kpi_core, render". Two rules shape it:

- Uploads never leave the session. The bytes and the parsed result are kept in
  ``st.session_state`` (keyed on a sha256 of the bytes, so equal content is parsed once) and never
  in ``st.cache_data``, which is global across users. Aggregates are memoised per session only.
- Sidebar widgets are created in the entrypoint on every run, so the filters survive page switches.
  Page widgets are "kept": seeded from a plain state key and saved back to it, because Streamlit
  forgets a widget's state on any run where the widget is not drawn.
"""

from __future__ import annotations

import inspect
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
import streamlit as st

from kpi_core import catalog, fmt, leads, loyalty, sources, views
from kpi_core.catalog import LANGS, Lang
from kpi_core.charts import localized
from kpi_core.engine import Inputs
from kpi_core.readers import ReadError, ReadResult, combine, merge_orders, read_file
from kpi_core.schema import MEASURES, MONEY_MEASURES, SEGMENT_DIMENSIONS

SAMPLE_DIR = Path(__file__).parent / "sample_data"

# --- session state keys (the whole list: grep here to see what the app remembers) ---------------
LANG = "lang"  # sidebar language selectbox
DATASET = "dataset"  # the active data: "sample:<id>" or UPLOADS_CHOICE
W_DATASET = "w_dataset"  # the sidebar's selectbox showing it
UPLOADS = "uploads"  # digest -> Upload
UPLOAD_ROUND = "upload_round"  # bumps the uploader's key so it empties after each ingest
SWITCH_DATASET = "switch_dataset"  # set by the Data page, applied before the sidebar is drawn
ACTIVE = "active"  # the Active data of the current dataset
SALT = "salt"  # per-session salt for hashing customer ids in shop and CRM exports
F_DATES, F_SOURCE, F_CHANNEL, F_CAMPAIGN = "f_dates", "f_source", "f_channel", "f_campaign"
F_CURRENCY = "f_currency"
REPORT_CURRENCY, RATE = "report_currency", "rate_"  # Goal page: the currency money is reported in, "rate_SEK"…
GOAL, MARGIN, OTHER_COSTS = "goal", "margin_pct", "other_costs"
SEG_KPI, SEG_DIM, SEG_DIM2 = "seg_kpi", "seg_dim", "seg_dim2"
TREND_KPIS, TREND_GRAIN = "trend_kpis", "trend_grain"
LOY_CHURN, LOY_HORIZON = "loy_churn_days", "loy_horizon"  # Loyalty page: churn window, LTV horizon
LOY_CURRENCY = "loy_currency"  # Loyalty page: the currency analysed when the orders mix several
_SIDEBAR_OF = "_sidebar_of"  # (data key, date bounds, filter values) of the active data
_DATES_OF = "_dates_of"  # the date bounds the period filter was last fitted to
LEAD_DATES = "lead_dates"  # Funnel page, lead funnel: "all" dates of the CRM export or the "period"
ORDERS = "orders"  # (content key, prepared shop orders or None, problem text or None) of the active data
# targets.Target and targets.Benchmark tuples; a bad workspace file's message
TARGETS, BENCHMARKS, WORKSPACE_ERROR = "targets", "benchmarks", "workspace_error"

UPLOADS_CHOICE = "uploads"
CARD_WIDTH = 228  # px: a KPI card wide enough for "1,234.56 NOK"; four fit beside each other on a wide screen
_FILTER_KEYS = {"source": F_SOURCE, "channel": F_CHANNEL, "campaign": F_CAMPAIGN, "currency": F_CURRENCY}
_DEFAULTS: dict[str, Any] = {GOAL: None, MARGIN: 0.0, OTHER_COSTS: 0.0, SEG_KPI: None, SEG_DIM: None,
                             SEG_DIM2: None, TREND_KPIS: None, TREND_GRAIN: "day", UPLOAD_ROUND: 0, TARGETS: (),
                             BENCHMARKS: (), WORKSPACE_ERROR: None, LOY_CHURN: loyalty.CHURN_DAYS, LOY_HORIZON: None,
                             LOY_CURRENCY: None, LEAD_DATES: "all"}


@dataclass(frozen=True)
class Upload:
    """One uploaded file: its bytes, the column overrides chosen, and what reading it gave."""

    name: str
    data: bytes
    overrides: tuple[tuple[str, str | None], ...] = ()
    result: ReadResult | None = None
    error: str | None = None
    version: int = 0  # bumped on each re-read, so the mapping editor starts from the new mapping


@dataclass(frozen=True)
class Active:
    """The data every page works on: performance rows of all files, and every file's result."""

    key: str  # content key: changes when the files or their mappings change
    label: str
    frame: pl.DataFrame
    results: tuple[ReadResult, ...]
    errors: tuple[str, ...] = ()


def init_state() -> None:
    """Set every key once per session."""
    for k, v in _DEFAULTS.items():
        st.session_state.setdefault(k, v)
    st.session_state.setdefault(UPLOADS, {})
    st.session_state.setdefault(SALT, secrets.token_bytes(16))
    if LANG not in st.session_state:
        locale = (st.context.locale or "en").lower()
        st.session_state[LANG] = next((lg for lg in ("nb", "sv") if locale.startswith(lg) or
                                       (lg == "nb" and locale.startswith(("no", "nn")))), "en")
    if DATASET not in st.session_state:
        sets = sample_sets()
        if sets:
            use_dataset(f"sample:{sets[0]['id']}")
        else:
            st.session_state[DATASET] = UPLOADS_CHOICE


def use_dataset(choice: str) -> None:
    """Make ``choice`` the active data; a sample set also brings the goal it was made for."""
    st.session_state[DATASET] = choice
    _goal_of(choice)


def _pick_dataset() -> None:
    """The sidebar's data choice, made by the user."""
    use_dataset(st.session_state[W_DATASET])


def _goal_of(choice: str | None = None) -> None:
    choice = choice or st.session_state.get(DATASET) or ""
    spec = next((s for s in sample_sets() if f"sample:{s['id']}" == choice), None)
    if spec and spec.get("goal"):
        st.session_state[GOAL] = spec["goal"]


def framed() -> None:
    """Call first on every page: make sure the entrypoint has set up this session.

    A server whose very first request opens a page URL (``/data``) runs that page file alone, in
    Streamlit's legacy ``pages/`` mode, without app.py. Sending that one session to the entrypoint
    switches the server to ``st.navigation`` for good.
    """
    if SALT not in st.session_state:
        page = Path(inspect.stack()[1].filename).stem  # the page that was asked for, e.g. "segments"
        params = [(k, v) for k in st.query_params for v in st.query_params.get_all(k)]
        st.switch_page("app.py", query_params=[*params, (_URL_PAGE, page)])


_URL_PAGE = "page"


def follow_link(pages: dict[str, Any]) -> None:
    """Go on to the page a framed() first request asked for (``?page=segments``), with its link."""
    wanted = st.query_params.get(_URL_PAGE)
    if wanted is None:
        return
    params = [(k, v) for k in st.query_params if k != _URL_PAGE for v in st.query_params.get_all(k)]
    if wanted in pages:
        st.switch_page(pages[wanted], query_params=params)
    st.query_params.pop(_URL_PAGE, None)


def lang() -> Lang:
    return st.session_state.get(LANG, "en")


def t(key: str, **values: object) -> str:
    return fmt.t(key, lang(), **values)


def chart(ch: Any, **kwargs: Any) -> Any:
    """st.altair_chart with axis numbers and dates in the chosen language ("200 000", "7. des")."""
    return st.altair_chart(localized(ch, lang()), **kwargs)


# --- kept page widgets ----------------------------------------------------------------------------


def _save(widget_key: str, key: str) -> None:
    st.session_state[key] = st.session_state[widget_key]


def kept(widget: Callable[..., Any], key: str, label: str, **kwargs: Any) -> Any:
    """Draw a page widget whose value outlives the page (stored under the plain ``key``)."""
    wkey = f"w_{key}"
    stored = st.session_state.get(key)
    options = kwargs.get("options")
    if options is not None and stored is not None:  # the data changed: drop what is no longer offered
        stored = [v for v in stored if v in options] if isinstance(stored, list) else (
            stored if stored in options else None)
    if stored is not None:
        st.session_state[wkey] = stored
    else:
        st.session_state.pop(wkey, None)
    value = widget(label, key=wkey, on_change=_save, args=(wkey, key), **kwargs)
    st.session_state[key] = value
    return value


def amount(key: str, label: str, *, lo: float | None = 0.0, hi: float | None = None, help: str | None = None,
           where: Any = st) -> float | None:
    """A number field that reads what a Nordic user types ('12 500,50', '40,5'; st.number_input took
    '12500,50' for 1250050): a text field read by fmt.parse_amount, its value (a float) kept under the
    plain ``key`` across pages. Text that is no number, or outside ``lo``..``hi``, is said under the
    field and not taken."""
    wkey, bad = f"w_{key}", st.session_state.get(_BAD + key)
    if bad is None:  # show the value kept (set on another page, from a workspace file, in another language)
        st.session_state[wkey] = fmt.amount_text(st.session_state.get(key), lang())
    where.text_input(label, key=wkey, on_change=_save_amount, args=(wkey, key, lo, hi), help=help)
    if bad is not None:
        where.error(bad, icon=":material/error:")
    return st.session_state.get(key)


_BAD = "bad_amount_"


def typed_amount(text: str | None, lo: float | None = None, hi: float | None = None) -> float | None:
    """``text`` as a number (None when empty); ValueError with the message to show when it is none."""
    try:
        value = fmt.parse_amount(text or "", lang())
    except ValueError:
        raise ValueError(t("amount_bad", text=text)) from None
    if value is not None and ((lo is not None and value < lo) or (hi is not None and value > hi)):
        raise ValueError(t("amount_range", text=text, lo=fmt.amount_text(lo, lang()),
                           hi=fmt.amount_text(hi, lang()) if hi is not None else "∞"))
    return value


def _save_amount(wkey: str, key: str, lo: float | None, hi: float | None) -> None:
    try:
        st.session_state[key] = typed_amount(st.session_state[wkey], lo, hi)
        st.session_state.pop(_BAD + key, None)
    except ValueError as exc:
        st.session_state[_BAD + key] = str(exc)


# --- data -----------------------------------------------------------------------------------------


def sample_sets() -> list[dict]:
    """The bundled sample sets (sample_data/manifest.json); none when this copy has no samples."""
    manifest = SAMPLE_DIR / "manifest.json"
    if not manifest.is_file():
        return []
    try:
        return list(json.loads(manifest.read_text(encoding="utf-8")).get("sets", []))
    except (json.JSONDecodeError, AttributeError):
        return []


@st.cache_resource(show_spinner=False)
def _sample(set_id: str) -> tuple[tuple[ReadResult, ...], tuple[str, ...]]:
    """Parse a sample set once per server: the files are public, so sharing the result is safe.
    The results are shared between sessions and must never be mutated."""
    spec = next((s for s in sample_sets() if s["id"] == set_id), None)
    if spec is None:
        return (), (f"Sample set {set_id!r} is not in sample_data/manifest.json.",)
    results, errors = [], []
    for rel in spec["files"]:
        path = SAMPLE_DIR / rel
        try:
            results.append(read_file(path.read_bytes(), path.name, salt=b"kpi-compass-sample"))
        except (OSError, ReadError) as exc:
            errors.append(str(exc))
    return tuple(results), tuple(errors)


def _parse(name: str, data: bytes,
           overrides: dict[str, str | None] | None = None) -> tuple[ReadResult | None, str | None]:
    """Read one upload; a file that cannot be used gives a message, never a traceback."""
    try:
        return read_file(data, name, overrides or None, salt=st.session_state[SALT]), None
    except ReadError as exc:
        return None, exc.note
    except Exception as exc:  # noqa: BLE001 - an unexpected reader failure is still the file's problem
        return None, f"{name}: could not be read ({exc.__class__.__name__}: {exc}). Check that it is a CSV, " \
                     f"TSV or XLSX export."


def add_uploads(files: list) -> None:
    """Keep new uploads' bytes and parsed results in the session (each distinct content once)."""
    uploads: dict[str, Upload] = st.session_state[UPLOADS]
    for f in files:
        data = f.getvalue()
        key = views.digest(data)
        if key not in uploads:
            result, error = _parse(f.name, data)
            uploads[key] = Upload(f.name, data, (), result, error)
    st.session_state[UPLOAD_ROUND] += 1
    st.session_state[SWITCH_DATASET] = UPLOADS_CHOICE


def reread(key: str, overrides: dict[str, str | None]) -> None:
    """Read an upload again with corrected column mappings."""
    uploads: dict[str, Upload] = st.session_state[UPLOADS]
    up = uploads[key]
    result, error = _parse(up.name, up.data, overrides)
    uploads[key] = replace(up, overrides=tuple(sorted(overrides.items())), result=result, error=error,
                           version=up.version + 1)


def remove_upload(key: str) -> None:
    st.session_state[UPLOADS].pop(key, None)
    if not st.session_state[UPLOADS] and sample_sets():
        st.session_state[SWITCH_DATASET] = f"sample:{sample_sets()[0]['id']}"


def _combine(results: tuple[ReadResult, ...]) -> pl.DataFrame:
    """The measure rows of every file in one contiguous frame: ad, analytics and e-mail exports,
    and the daily orders, leads and customers that shop and CRM readers derive from their records
    (``sources.reconcile`` keeps a result that several tools report from counting twice)."""
    usable = [r for r in results if not r.frame.is_empty()]
    if not usable:
        return pl.DataFrame()
    frame = combine(usable)
    return views.compact_dimensions(frame).rechunk()


def active() -> Active | None:
    """The current dataset, combined once per change of content (not once per rerun)."""
    choice = st.session_state.get(DATASET)
    if choice and choice.startswith("sample:"):
        set_id = choice.removeprefix("sample:")
        key = choice
        spec = next((s for s in sample_sets() if s["id"] == set_id), {})
        label = spec.get("title", set_id)
    else:
        uploads: dict[str, Upload] = st.session_state[UPLOADS]
        if not uploads:
            return None
        key = "uploads:" + "|".join(f"{d}:{u.version}" for d, u in uploads.items())
        label = uploads_title(len(uploads))
    cached: Active | None = st.session_state.get(ACTIVE)
    if cached is not None and cached.key == key:
        return cached
    if choice and choice.startswith("sample:"):
        results, errors = _sample(choice.removeprefix("sample:"))
    else:
        ups = list(st.session_state[UPLOADS].values())
        results = tuple(merge_orders([u.result for u in ups if u.result is not None]))
        errors = tuple(u.error for u in ups if u.error)
    data = Active(key, label, _combine(results), results, errors)
    st.session_state[ACTIVE] = data
    return data


def orders(currency: str | None = None) -> tuple[loyalty.Orders | None, str | None]:
    """The active data's shop orders (in ``currency`` when they mix several), prepared once per change
    of data; or why they cannot be used."""
    data = active()
    if data is None:
        return None, None
    key = (data.key, currency)
    cached = st.session_state.get(ORDERS)
    if cached is not None and cached[0] == key:
        return cached[1], cached[2]
    try:
        prepared, problem = loyalty.orders_in(data.results, currency=currency), None
    except loyalty.OrdersProblem as exc:
        prepared, problem = None, str(exc)
    st.session_state[ORDERS] = (key, prepared, problem)
    return prepared, problem


# --- the shared sidebar ---------------------------------------------------------------------------


def _fit_dates(bounds: tuple[date, date], spend_until: date | None = None, span: views.Period | None = None) -> None:
    """The period for new data is its latest weeks (views.default_period), up to the last day with ad
    spend when there is any, stretched over the latest row that covers several days when it overlaps
    them (``span``: a GA4 report without dates counts only in a period covering all of it); while the
    data's dates stay the same (page switches, a corrected mapping), the chosen period is kept inside them."""
    lo, hi = bounds
    cur = st.session_state.get(F_DATES)
    if st.session_state.get(_DATES_OF) != bounds:  # another dataset, or an upload added or removed
        st.session_state[_DATES_OF] = bounds
        cur = None
    if cur and len(cur) == 2 and cur[0] <= cur[1]:
        start, end = max(cur[0], lo), min(cur[1], hi)
        if start <= end and (start, end) == tuple(cur):
            return
        if start <= end:
            st.session_state[F_DATES] = (start, end)
            return
    wanted = st.session_state.pop(_URL_DATES, None)  # a shared link's period, once
    if wanted and lo <= wanted[0] <= wanted[1] <= hi:
        st.session_state[F_DATES] = wanted
        return
    p = views.default_period(lo, spend_until if spend_until and lo <= spend_until <= hi else hi)
    if span and span.start <= p.end and span.end >= p.start:
        p = views.Period(min(p.start, span.start), max(p.end, span.end))
    st.session_state[F_DATES] = (p.start, p.end)


# --- shareable links ------------------------------------------------------------------------------
# The goal, the sample set, the period and the filters live in the page URL (?goal=leads&data=b2b
# &from=2025-12-01&to=2025-12-31&channel=Paid+Social), so a consultant can send the view on screen.
# Opening a URL starts a new session: read_url() applies it once, write_url() keeps it current on
# every run. Uploaded data never goes into a URL (it stays in the session that uploaded it).

_URL_READ, _URL_DATES, _URL_UPLOAD = "_url_read", "_url_dates", "_url_upload"


def read_url() -> None:
    """Apply a shared link's goal, sample set, period and filters, once per session."""
    if st.session_state.get(_URL_READ):
        return
    st.session_state[_URL_READ] = True
    q = st.query_params
    data = q.get("data")
    if data and any(s["id"] == data for s in sample_sets()):
        use_dataset(f"sample:{data}")
    elif data == "upload" and not st.session_state.get(UPLOADS):
        st.session_state[_URL_UPLOAD] = True  # said on the first page: the files never travel in a link
    if q.get("goal") in catalog.GOAL_IDS:
        st.session_state[GOAL] = q.get("goal")
    try:
        start, end = date.fromisoformat(q.get("from") or ""), date.fromisoformat(q.get("to") or "")
    except ValueError:
        pass
    else:
        if start <= end:
            st.session_state[_URL_DATES] = (start, end)
    for dim, key in _FILTER_KEYS.items():
        if q.get_all(dim):
            st.session_state[key] = q.get_all(dim)


def write_url() -> None:
    """The URL says what the screen shows (only values that differ from a fresh start matter)."""
    params: dict[str, str | list[str]] = {}
    choice = st.session_state.get(DATASET) or ""
    if choice.startswith("sample:"):
        params["data"] = choice.removeprefix("sample:")
    elif choice == UPLOADS_CHOICE:
        params["data"] = "upload"  # the files stay in this session; the link says they were uploaded
    if st.session_state.get(GOAL):
        params["goal"] = st.session_state[GOAL]
    dates = st.session_state.get(F_DATES) or ()
    if len(dates) == 2:
        params["from"], params["to"] = dates[0].isoformat(), dates[1].isoformat()
    for dim, key in _FILTER_KEYS.items():
        if st.session_state.get(key):
            params[dim] = [str(v) for v in st.session_state[key]]
    shown = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    if shown != {k: v if isinstance(v, list) else [v] for k, v in params.items()}:  # write only on change
        st.query_params.from_dict(params)


def _sidebar_choices(data: Active) -> tuple:
    """The data's date bounds and filter values: they depend on the data alone, so they are worked
    out once per dataset, not on every rerun (a full pass over a 1M-row frame each time)."""
    kept = st.session_state.get(_SIDEBAR_OF)
    if kept is None or kept[0] != data.key:
        kept = (data.key, views.date_bounds(data.frame), views.filter_options(data.frame),
                views.last_spend_day(data.frame), views.latest_span(data.frame))
        st.session_state[_SIDEBAR_OF] = kept
    return kept[1:]


def uploads_title(n: int) -> str:
    """'Your upload (1 file)', 'Your uploads (3 files)': the uploads as a choice of data."""
    return t("your_upload") if n == 1 else t("your_uploads", n=n)


def sidebar() -> None:
    """Language, the active data and the filters: drawn on every page, so they persist."""
    switch = st.session_state.pop(SWITCH_DATASET, None)
    if switch:
        use_dataset(switch)
    with st.sidebar:
        st.selectbox(fmt.t("language", lang()), LANGS, key=LANG, format_func=lambda x: fmt.LANG_NAMES[x])
        choices = [f"sample:{s['id']}" for s in sample_sets()]
        if st.session_state[UPLOADS]:
            choices.append(UPLOADS_CHOICE)
        if st.session_state.get(DATASET) not in choices:
            st.session_state[DATASET] = choices[0] if choices else None
        titles = {f"sample:{s['id']}": s.get("title", s["id"]) for s in sample_sets()}
        titles[UPLOADS_CHOICE] = uploads_title(len(st.session_state[UPLOADS]))
        if choices:
            # The choice lives under DATASET; the widget has a key of its own, seeded from it on every run.
            # Its labels change with the language and the number of uploads, and Streamlit then takes it
            # for a new widget: bound to DATASET itself, the choice would fall back to the first sample.
            st.session_state[W_DATASET] = st.session_state[DATASET]
            st.selectbox(t("data_active"), choices, key=W_DATASET, format_func=lambda c: titles.get(c, c),
                         on_change=_pick_dataset)
        data = active()
        if data is None or data.frame.is_empty():
            st.caption(t("no_data"))
            return
        st.subheader(t("filters"))
        bounds, options, spend_until, span = _sidebar_choices(data)
        if bounds:
            _fit_dates(bounds, spend_until, span)
            st.date_input(t("period"), key=F_DATES, min_value=bounds[0], max_value=bounds[1], format="YYYY-MM-DD")
        for dim, values in options.items():
            key = _FILTER_KEYS[dim]
            if key in st.session_state:
                st.session_state[key] = [v for v in st.session_state[key] if v in values]
            st.multiselect(t(dim), values, key=key, placeholder=t("all"),
                           format_func=(lambda x: sources.label(x, lang())) if dim == "source" else str)


def filters() -> views.Filters:
    dates = st.session_state.get(F_DATES) or ()
    start, end = (dates[0], dates[-1]) if dates else (None, None)
    return views.Filters(start, end, tuple(st.session_state.get(F_SOURCE, ())),
                         tuple(st.session_state.get(F_CHANNEL, ())), tuple(st.session_state.get(F_CAMPAIGN, ())),
                         tuple(st.session_state.get(F_CURRENCY, ())))


def inputs() -> Inputs:
    """The business inputs entered on the Goal page (a margin of 0 means "not entered"; a rate of 0 too)."""
    margin = st.session_state.get(MARGIN) or 0.0
    base = st.session_state.get(REPORT_CURRENCY) or None
    data = active()
    if base and (data is None or len(views.currencies(data.frame)) < 2):
        base = None  # the rates are asked for data in several currencies only: none left from other data
    # every rate entered (a currency the data does not hold changes nothing: the engine converts only
    # when each currency in the data has one)
    rates = tuple((key.removeprefix(RATE), float(v)) for key, v in st.session_state.items()
                  if key.startswith(RATE) and v and key.removeprefix(RATE) != base)
    return Inputs(margin=margin / 100 if margin else None, other_costs=float(st.session_state.get(OTHER_COSTS) or 0),
                  currency=base, rates=tuple(sorted(rates)))


def exchange_rates(codes: list[str]) -> None:
    """On the Goal page, for data in several currencies: the currency to report money in and the rate of
    each other one (1 SEK = … NOK). Without a rate for every currency, money stays per currency."""
    base = kept(st.selectbox, REPORT_CURRENCY, t("report_currency"), options=["", *codes],
                format_func=lambda c: c or t("per_currency"), help=t("report_currency_help"))
    for code in codes:
        if base and code != base:
            amount(RATE + code, t("rate_of", code=code, base=base))


@dataclass(frozen=True)
class View:
    """What an analysis page starts from."""

    data: Active
    filters: views.Filters
    by_dimension: pl.DataFrame  # dimension filters applied, every date (for comparisons)
    in_period: pl.DataFrame  # every filter applied


def require_data() -> View:
    """The filtered data, or a message that sends the user to the Data page (and stops the page)."""
    data = active()
    if st.session_state.pop(_URL_UPLOAD, False):
        st.info(t("link_uploads"), icon=":material/link:")
    if data is None or data.frame.is_empty():
        if data is not None and data.errors and not data.results:  # every file was refused
            st.warning(t("no_readable_files", n=len(data.errors)))
        else:
            st.info(t("no_measures") if data is not None and data.results else t("no_data"))
        st.page_link("pages/data.py", label=t("page_data"), icon=":material/upload_file:")
        st.stop()
    f = filters()
    by_dim = views.filter_dimensions(data.frame, f)
    now = views.filter_period(by_dim, f)
    left_out = views.left_out_spans(by_dim, f.period)
    if left_out:
        n, names, days = left_out
        st.info(t("spans_left_out", n=n, sources=", ".join(sources.label(x, lang()) for x in names) or "–",
                  start=days.start, end=days.end), icon=":material/date_range:")
    if now.is_empty():
        st.warning(t("no_rows"))
        st.stop()
    return View(data, f, by_dim, now)


def require_dates(view: View) -> views.Filters:
    """Stop a page that compares periods when the data has no dates, and say what to do."""
    if view.filters.period is None:
        st.info(t("no_dates"))
        st.stop()
    return view.filters


def memo(fn: Callable[..., Any], view: View, rows: str, **params: Any) -> Any:
    """``fn(view.<rows>, **params)``, memoised for this session on the data's content key and filters.

    rows: "by_dimension" (every date: comparisons, trends) or "in_period" (breakdowns).

    Widget changes that do not change the inputs (a chart click, a language switch back and
    forth) then cost nothing; the frame itself is never hashed (stack-notes §3).
    """
    key = (f"{fn.__module__}.{fn.__qualname__}", view.data.key, view.filters, rows, tuple(sorted(params.items())))
    return _memo(key, fn, getattr(view, rows), params)


@st.cache_data(scope="session", max_entries=64, show_spinner=False)
def _memo(key: tuple, _fn: Callable[..., Any], _frame: pl.DataFrame, _params: dict) -> Any:
    return _fn(_frame, **_params)


def table(frame: pl.DataFrame, column_config: dict[str, Any], **kwargs: Any) -> Any:
    """st.dataframe with "–" for a value that cannot be computed, and every number rounded to the
    decimals its column shows (the grid cuts digits off, so 0.46729 would read 46.72 %)."""
    decimals = {}
    for col, cfg in column_config.items():
        step = (cfg.get("type_config") or {}).get("step") if isinstance(cfg, dict) else None
        if step:
            decimals[col] = max(0, -Decimal(str(step)).as_tuple().exponent)
    return st.dataframe(views.rounded(frame, decimals), column_config=column_config, hide_index=True,
                        placeholder=fmt.NULL, **kwargs)


_STEP = {"currency": 0.01, "rate": 0.0001, "count": 1, "seconds": 1}  # fixed decimals per unit in tables


def kpi_columns(kpis: tuple[str, ...], currency: str | None, lng: Lang) -> dict[str, Any]:
    """st.dataframe column settings for a table of measures and KPIs: names in the language,
    rates as percentages with two decimals, money with two decimals and its currency code in the
    header, counts whole (a column never mixes "24,187.6" and "47,726.87")."""
    # the segment's name stays in view while a phone scrolls the numbers sideways
    cfg: dict[str, Any] = {d: st.column_config.TextColumn(fmt.name(d, lng), pinned=True) for d in SEGMENT_DIMENSIONS}
    for k in kpis:
        kpi = catalog.get(k)
        title = kpi.label(lng) + (f" ({currency})" if kpi.unit == "currency" and currency else "")
        number_format = {"rate": "percent", "multiple": "%.2f×", "seconds": "%.0f s"}.get(kpi.unit, "localized")
        cfg[k] = st.column_config.NumberColumn(title, format=number_format, step=_STEP.get(kpi.unit))
    for m, measure in MEASURES.items():
        if m not in catalog.KPIS:
            money = m in MONEY_MEASURES
            unit = f" ({currency})" if money and currency else ""
            # conversions can be fractional (data-driven attribution): shown as the platform gives them
            step = 0.01 if money else (None if m == "conversions" or measure.unit != "count" else 1)
            cfg[m] = st.column_config.NumberColumn(fmt.name(m, lng) + unit, format="localized", step=step)
    cfg["engagement_seconds"] = st.column_config.NumberColumn(fmt.name("engagement_seconds", lng),
                                                              format="localized", step=1)
    return cfg


def lead_columns() -> dict[str, Any]:
    """Column settings of the lead-funnel tables (Funnel page), in the chosen language."""
    lng = lang()
    cfg = kpi_columns(("lead_to_mql_rate", "mql_to_sql_rate", "cpl", "cac"), None, lng)
    for k in leads.RATES:
        title = catalog.get(k).label(lng) if k in catalog.KPIS else fmt.name(k, lng)
        cfg[k] = st.column_config.NumberColumn(title, format="percent", step=_STEP["rate"])
    for k in ("contacts", "median_days_to_customer"):
        cfg[k] = st.column_config.NumberColumn(fmt.name(k, lng), format="localized", step=1)
    cfg["channels"] = st.column_config.TextColumn(fmt.name("channels", lng))
    cfg["acquisition"] = st.column_config.TextColumn(t("source"))
    cfg["spend"] = st.column_config.NumberColumn(fmt.name("spend", lng), format="localized", step=0.01, width="medium")
    cfg["month"] = st.column_config.DateColumn(t("month"), format="YYYY-MM")
    return cfg
