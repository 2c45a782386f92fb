"""Goal & KPIs: pick the business goal, see the few KPIs that matter for it, stage by stage."""

from dataclasses import replace

import streamlit as st

import ui
from kpi_core import catalog, diagnostics, explain, fmt, loyalty, targets, views
from kpi_core.catalog import GOAL_IDS, GOAL_LABELS
from kpi_core.charts.context import bullet_chart, bullet_frame
from kpi_core.charts.scorecard import headline_trend

ui.framed()

lang = ui.lang()
st.title(ui.t("goal_question"))
view = ui.require_data()
ui.require_dates(view)

left, right = st.columns([2, 3])
with left:
    goal = ui.kept(st.selectbox, ui.GOAL, ui.t("goal"), options=GOAL_IDS,
                   format_func=lambda g: GOAL_LABELS[g][lang])
with right, st.expander(ui.t("business_inputs")):
    a, b = st.columns(2)
    with a:
        ui.amount(ui.MARGIN, ui.t("margin"), lo=0.0, hi=100.0, help=ui.t("margin_help"))
    with b:
        ui.amount(ui.OTHER_COSTS, ui.t("other_costs"), lo=0.0)
    codes = views.currencies(view.by_dimension)
    if len(codes) > 1:
        ui.exchange_rates(codes)

inputs = ui.inputs()
sc = ui.memo(views.scorecard, view, "by_dimension", goal=goal, period=view.filters.period,
               inputs=inputs, lang=lang, orders=ui.orders()[0])
st.caption(ui.t("scorecard_caption", current=str(sc.current).replace(":", " – "), days=sc.current.days,
                previous=str(sc.previous).replace(":", " – ")))

# The answer comes first, right under the goal; setting targets, benchmarks and the workspace file
# comes after it (drawn now, since the cards show their status, but placed below).
answer, setup = st.container(), st.container()

# --- targets: entered here, judged on every KPI card above -----------------------------------------
cards = ([sc.headline] if sc.headline else []) + [c for s in sc.stages for c in s.cards]
target_options = [c.kpi for c in cards] + [m for m in ("spend", "revenue", "conversions", "leads")
                                           if m in view.by_dimension.columns]
_FILTER_STATE = {"source": ui.F_SOURCE, "channel": ui.F_CHANNEL, "campaign": ui.F_CAMPAIGN}


def choice(name: str) -> str:
    """The key of a form's choice widget, per language: its options are drawn with translated labels,
    and the browser sent the old label back after a switch (a KeyError on 'Add target')."""
    return f"{name}_{lang}"


def metric_label(m: str) -> str:
    return catalog.get(m).label(lang) if m in catalog.KPIS else fmt.name(m, lang)


def add_target() -> None:
    s = st.session_state
    try:
        amount = ui.typed_amount(s["target_amount"]) or 0.0
    except ValueError as exc:
        s["target_error"] = str(exc)
        return
    s.pop("target_error", None)
    segment = ("channel", s[choice("target_channel")]) if s[choice("target_channel")] else None
    new = targets.from_input(s[choice("target_metric")], s[choice("target_kind")], amount, view.by_dimension,
                             sc.previous, start=sc.current.start, due=s["target_due"], segment=segment, goal=goal,
                             inputs=inputs)
    s[ui.TARGETS] = (*[x for x in s[ui.TARGETS] if (x.metric, x.segment) != (new.metric, new.segment)], new)


def remove_target(metric: str, segment: tuple[str, str] | None) -> None:
    st.session_state[ui.TARGETS] = tuple(x for x in st.session_state[ui.TARGETS]
                                         if (x.metric, x.segment) != (metric, segment))


def suggest_targets() -> None:
    kpis = [c.kpi for c in cards if c.kpi not in {x.metric for x in st.session_state[ui.TARGETS]}]
    st.session_state[ui.TARGETS] += tuple(replace(x, goal=goal) for x in
                                          targets.suggest(kpis, view.by_dimension, sc.previous, inputs=inputs))


def add_benchmark() -> None:
    s = st.session_state
    kpi, channel = s[choice("bm_kpi")], s[choice("bm_channel")] or None
    try:
        typed = [ui.typed_amount(s[k]) or 0.0 for k in ("bm_low", "bm_high")]
    except ValueError as exc:
        s["bm_error"] = str(exc)
        return
    s.pop("bm_error", None)
    low, high = sorted(targets.typed(kpi, x) for x in typed)
    new = targets.Benchmark(kpi, low, high, channel, s["bm_source"].strip())
    s[ui.BENCHMARKS] = (*[b for b in s[ui.BENCHMARKS] if (b.kpi, b.channel) != (kpi, channel)], new)


def remove_benchmark(i: int) -> None:
    st.session_state[ui.BENCHMARKS] = tuple(b for j, b in enumerate(st.session_state[ui.BENCHMARKS]) if j != i)


def load_workspace() -> None:
    """Apply a workspace file: goal, business inputs, targets and filters (before the widgets are drawn)."""
    s, up = st.session_state, st.session_state.get("workspace_upload")
    if up is None:
        return
    try:
        ws = targets.from_json(up.getvalue(), up.name)
    except targets.WorkspaceError as exc:
        s[ui.WORKSPACE_ERROR] = str(exc)
        return
    s[ui.WORKSPACE_ERROR] = None
    s[ui.GOAL] = ws.goal or s[ui.GOAL]
    s[ui.MARGIN] = (ws.inputs.margin or 0.0) * 100
    s[ui.OTHER_COSTS] = ws.inputs.other_costs
    s[ui.TARGETS] = ws.targets
    s[ui.BENCHMARKS] = ws.benchmarks
    for key, upload in list(s[ui.UPLOADS].items()):  # column mappings saved for a file of the same name
        if upload.name in ws.recipes:
            ui.reread(key, dict(ws.recipes[upload.name]))
    for dim, key in _FILTER_STATE.items():
        s[key] = list(ws.filters.get(dim, ()))
    if ws.period:  # kept inside the data's days by the sidebar
        s[ui.F_DATES] = ws.period


channels = views.filter_options(view.by_dimension).get("channel", [])
checks = [targets.check(x, view.by_dimension, inputs, within=sc.current) for x in st.session_state[ui.TARGETS]
          if x.goal in (None, goal)]
status = {c.target.metric: targets.status_text(c, sc.currency, lang) for c in checks if not c.target.segment}
with setup, st.expander(ui.t("targets") + (f" ({len(checks)})" if checks else ""), expanded=bool(checks)):
    st.caption(ui.t("targets_help"))
    with st.form("target_form", border=False):
        f1, f2, f3, f4, f5 = st.columns([3, 2, 3, 2, 2])
        f1.selectbox(ui.t("target_metric"), target_options, format_func=metric_label, key=choice("target_metric"))
        f2.selectbox(ui.t("channel"), ["", *channels], format_func=lambda c: c or ui.t("all_channels"),
                     key=choice("target_channel"))
        f3.radio(ui.t("target_kind"), ["value", "change"], format_func=lambda k: ui.t(f"target_{k}"),
                 key=choice("target_kind"))
        f4.text_input(ui.t("target_amount"), key="target_amount", placeholder="0")
        f5.date_input(ui.t("target_due"), value=sc.current.end, key="target_due", format="YYYY-MM-DD")
        st.form_submit_button(ui.t("target_add"), on_click=add_target, icon=":material/add:")
    if st.session_state.get("target_error"):
        st.error(st.session_state["target_error"], icon=":material/error:")
    if not checks:
        st.caption(ui.t("target_none"))
        st.button(ui.t("suggest_targets"), on_click=suggest_targets, key="suggest_targets",
                  icon=":material/auto_fix:")
    for c in checks:
        seg = f" ({c.target.segment[1]})" if c.target.segment else ""
        name = f"{c.target.metric}_{c.target.segment[1] if c.target.segment else ''}"
        a, b, r = st.columns([4, 5, 1], vertical_alignment="center")
        a.markdown(f"**{metric_label(c.target.metric)}{fmt.md(seg)}**  \n"
                   f"{fmt.md(targets.status_text(c, sc.currency, lang) or c.note)}")
        bullet = bullet_frame(c)
        if not bullet.is_empty():
            with b:
                ui.chart(bullet_chart(bullet), key=f"bullet_{name}")
        r.button(ui.t("remove"), key=f"target_rm_{name}", on_click=remove_target,
                 args=(c.target.metric, c.target.segment), type="tertiary")

bench = [targets.check_benchmark(b, view.in_period, inputs) for b in st.session_state[ui.BENCHMARKS]]
on_card = {c.benchmark.kpi: targets.benchmark_text(c, sc.currency, lang) for c in bench if not c.benchmark.channel}
with setup, st.expander(ui.t("benchmarks") + (f" ({len(bench)})" if bench else ""), expanded=bool(bench)):
    st.caption(ui.t("benchmarks_help"))
    with st.form("benchmark_form", border=False):
        f1, f2, f3, f4, f5 = st.columns([3, 2, 1, 1, 3])
        f1.selectbox(ui.t("kpi"), [c.kpi for c in cards], format_func=metric_label, key=choice("bm_kpi"))
        f2.selectbox(ui.t("channel"), ["", *channels], format_func=lambda c: c or ui.t("all_channels"),
                     key=choice("bm_channel"))
        f3.text_input(ui.t("benchmark_low"), key="bm_low", placeholder="0")
        f4.text_input(ui.t("benchmark_high"), key="bm_high", placeholder="0")
        f5.text_input(ui.t("benchmark_source"), key="bm_source")
        st.form_submit_button(ui.t("benchmark_add"), on_click=add_benchmark, icon=":material/add:")
    if st.session_state.get("bm_error"):
        st.error(st.session_state["bm_error"], icon=":material/error:")
    for i, c in enumerate(bench):
        a, r = st.columns([9, 1], vertical_alignment="center")
        where = c.benchmark.channel or ui.t("all_channels")
        a.markdown(f"**{metric_label(c.benchmark.kpi)}** ({fmt.md(where)}): "
                   f"{fmt.md(targets.benchmark_text(c, sc.currency, lang) or '–')}")
        r.button(ui.t("remove"), key=f"bm_rm_{i}", on_click=remove_benchmark, args=(i,), type="tertiary")

with setup, st.expander(ui.t("workspace")):
    ws = targets.Workspace(goal=goal, inputs=inputs, targets=tuple(st.session_state[ui.TARGETS]),
                           benchmarks=tuple(st.session_state[ui.BENCHMARKS]),
                           recipes={u.name: dict(u.overrides) for u in st.session_state[ui.UPLOADS].values()
                                    if u.overrides},
                           filters={d: v for d, v in view.filters.chosen().items() if v},
                           period=(sc.current.start, sc.current.end))
    w1, w2 = st.columns(2)
    w1.download_button(ui.t("workspace_save"), targets.to_json(ws), file_name="kpi-compass-workspace.json",
                       mime="application/json", on_click="ignore", icon=":material/download:",
                       help=ui.t("workspace_help"), key="workspace_save")
    w2.file_uploader(ui.t("workspace_load"), type=["json"], key="workspace_upload", on_change=load_workspace)
    if st.session_state[ui.WORKSPACE_ERROR]:
        st.error(st.session_state[ui.WORKSPACE_ERROR])

shown_filters = {ui.t("period"): str(sc.current),
                 **{fmt.name(d, lang): list(v) for d, v in view.filters.chosen().items() if v}}
explained = ui.memo(explain.explain_numbers, view, "in_period", kpi_ids=tuple(c.kpi for c in cards),
                    filters=shown_filters, inputs=inputs)


def metric(c: views.Card, key: str, sparkline: bool = True) -> None:
    """One KPI: value, change against the previous period, a small trend, and its explanation."""
    trend = list(c.spark) if sparkline and views.has_trend(c) else None
    st.metric(c.label, c.text, c.delta, delta_color=c.delta_color, chart_data=trend, border=True,
              delta_arrow="off" if c.delta_color == "off" else "auto",
              help=c.description, delta_description=ui.t("vs_previous") if c.delta else None)
    target = status.get(c.kpi) or c.target_status
    if target:
        st.caption(f"{ui.t('target_status')}: {target}")
    if on_card.get(c.kpi):
        st.caption(f"{ui.t('benchmark_status')}: {on_card[c.kpi]}")
    with st.popover(ui.t("why"), type="tertiary", key=f"why_{key}"):
        st.markdown(f"**{c.label}**  \n{c.why}")
        st.markdown(f"{ui.t('formula')}: `{c.formula}`  \n{ui.t('previous_value')}: {c.previous_text}")
        if c.kpi in explained and explained[c.kpi].value is None and c.value is not None:
            # answered by the shop's orders (LTV, repeat purchase rate), not by the rows summed here
            st.caption(loyalty.scorecard_note([c.kpi], lang))
        elif c.kpi in explained:
            st.caption(ui.t("explain_number"))
            st.markdown("  \n".join(fmt.md(line) for line in explained[c.kpi].lines(lang)))


with answer:
    if sc.headline is not None:
        h = sc.headline
        with st.container(border=True):
            st.caption(ui.t("headline"))
            with st.container(horizontal=True, wrap=True, gap="medium"):  # the trend wraps below on a phone
                with st.container(width=ui.CARD_WIDTH + 40):
                    metric(h, "headline", sparkline=False)
                if views.has_trend(h):
                    with st.container(width="stretch"):
                        ui.chart(headline_trend(views.spark_frame(h), h.unit), key="headline_trend")
        if sc.headline_note:
            st.caption(sc.headline_note)
    else:  # the goal's headline cannot be computed: say which it is and what it takes, first
        st.info(views.headline_gap(sc, lang), icon=":material/info:")

    for stage in sc.stages:
        if not stage.cards:
            continue
        st.subheader(stage.label)
        st.caption(stage.goal)
        # Cards of a fixed width that wrap: four in a row on a wide screen, two on a laptop with the
        # sidebar open, one on a phone; a value is never cut to "230.…" by a column too narrow for it.
        with st.container(horizontal=True, wrap=True, gap="small"):
            for c in stage.cards:
                with st.container(width=ui.CARD_WIDTH):
                    metric(c, c.kpi)

    # --- diagnostics: the reading in words, ranked by money at stake ----------------------------------
    dims = views.segment_dimensions(view.in_period)
    diag_dim = "campaign" if "campaign" in dims else (dims[0] if dims else None)
    quality = tuple((r.file, f) for r in view.data.results for f in r.findings)
    ltv, ltv_months = diagnostics.customer_ltv(view.data.results, view.by_dimension, sc.current)
    facts = ui.memo(diagnostics.gather, view, "by_dimension", current=sc.current, previous=sc.previous, by=diag_dim,
                    goal=goal, inputs=inputs, ltv=ltv, ltv_months=ltv_months, targets=tuple(checks), quality=quality,
                    lang=lang)
    found = diagnostics.diagnose(facts)
    st.subheader(ui.t("diagnostics"))
    st.caption(ui.t("diagnostics_caption", dim=fmt.name(diag_dim, lang) if diag_dim else "–"))
    _ICONS = {"quality": ":material/database:", "alert": ":material/warning:", "info": ":material/info:"}
    for d in diagnostics.top(found):
        st.markdown(f"{_ICONS[d.level]} {fmt.md(d.text)}  \n*{ui.t('next_step')}:* {fmt.md(d.next_step)}")
    if not found:
        st.caption(ui.t("diagnostics_none"))

    if sc.missing:
        with st.expander(ui.t("missing_title") + f" ({len(sc.missing)})"):
            st.markdown("\n".join(f"- **{label}**: {why}" for label, why in sc.missing))

    if sc.notes:
        with st.expander(ui.t("notes"), expanded=True):
            st.markdown("\n".join(f"- {fmt.note(n, lang)}" for n in sc.notes))
