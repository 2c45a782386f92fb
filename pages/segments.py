"""Segments: which campaigns, channels or devices drive the result, and at what cost."""

import streamlit as st

import ui
from kpi_core import catalog, explain, fmt, views
from kpi_core.charts import segments as charts
from kpi_core.charts.context import waterfall_chart, waterfall_frame

ui.framed()

lang = ui.lang()
st.title(ui.t("segments_question"))
view = ui.require_data()
inputs = ui.inputs()

dims = views.segment_dimensions(view.in_period)
if not dims:
    st.info(ui.t("no_dimensions"))
    st.stop()
if st.session_state.get(ui.SEG_DIM) not in dims:
    st.session_state[ui.SEG_DIM] = views.preferred_dimension(dims)

c1, c2, c3 = st.columns(3)
with c2:
    dim = ui.kept(st.selectbox, ui.SEG_DIM, ui.t("dimension"), options=dims, format_func=lambda d: fmt.name(d, lang))
seg = ui.memo(views.segments, view, "in_period", dim=dim, inputs=inputs, lang=lang)
kpis = views.valued_kpis(seg)  # only KPIs with a value in some segment
if not kpis:
    st.info(ui.t("no_segment_kpis", dim=fmt.name(dim, lang)))
    st.stop()
if st.session_state.get(ui.SEG_KPI) not in kpis:
    st.session_state[ui.SEG_KPI] = views.preferred(kpis, st.session_state.get(ui.GOAL))
with c1:
    kpi = ui.kept(st.selectbox, ui.SEG_KPI, ui.t("kpi"), options=kpis, format_func=lambda k: catalog.get(k).label(lang))
k = catalog.get(kpi)
label = k.label(lang)

if views.money_comparable(seg, kpi):
    bars = views.kpi_bars(seg, kpi, lang)
    event = ui.chart(charts.kpi_bars(bars, label, k.unit), key="seg_bars", on_select="rerun")
else:  # one bar in SEK next to one in NOK on one axis: the table below gives each in its currency
    st.info(ui.t("segments_mixed_currencies", kpi=label), icon=":material/currency_exchange:")
    event = None
picked = views.picked_segment(event)
blank = views.no_value(seg, kpi)
no_value = ui.t("bars_no_value", kpi=label, segments=fmt.md(", ".join(blank))) if blank else ""
st.caption(f"{ui.t('bars_caption')} {no_value}".strip())
if picked is not None:
    st.info(ui.t("focus", dim=fmt.name(dim, lang), value=fmt.md(picked)), icon=":material/filter_center_focus:")

left, right = st.columns(2)
with left:
    share = views.shares(seg, lang)
    result = views.result_measure(seg.chart)
    if seg.mixed:
        st.caption(ui.t("shares_mixed_currencies"))
    elif not share.is_empty() and result:
        st.subheader(ui.t("share_title", result=fmt.name(result, lang).lower()), anchor=False)
        ui.chart(charts.share_bars(share, picked), key="seg_share")
        st.caption(ui.t("share_caption"))
with right:
    eff = views.efficiency_kpi(seg)
    bub = views.bubbles(seg)
    if eff and not bub.is_empty():
        e = catalog.get(eff)
        st.subheader(ui.t("bubble_title", kpi=e.label(lang)), anchor=False)
        ui.chart(charts.spend_efficiency(bub, e.label(lang), e.unit, seg.currency, picked, ui.t("spend")),
                 key="seg_bubble")
        st.caption(ui.t("bubble_caption"))

others = [d for d in dims if d != dim]
if st.session_state.get(ui.SEG_DIM2) not in others:
    st.session_state[ui.SEG_DIM2] = views.second_dimension(dims, dim)
if others:
    with c3:
        dim2 = ui.kept(st.selectbox, ui.SEG_DIM2, ui.t("second_dimension"), options=others,
                       format_func=lambda d: fmt.name(d, lang))
    rows = view.in_period if picked is None else views.only_segment(view.in_period, dim, picked)
    heat = views.heatmap(rows, dim, dim2, kpi, inputs, lang=lang)
    if heat["value"].null_count() < heat.height and views.money_comparable(seg, kpi):  # "–" only says nothing
        st.subheader(ui.t("heatmap_title", kpi=label, a=fmt.name(dim, lang), b=fmt.name(dim2, lang)), anchor=False)
        ui.chart(charts.heatmap(heat, fmt.name(dim, lang), fmt.name(dim2, lang), label,
                                       k.direction != "lower", k.unit), key="seg_heat")

st.subheader(ui.t("why_moved"), anchor=False)
period = view.filters.period
try:
    if period is None:
        raise ValueError(ui.t("no_dates"))
    moved = ui.memo(explain.decompose, view, "by_dimension", kpi_id=kpi, by=dim, current=period,
                    previous=period.previous(), inputs=inputs)
except ValueError as exc:
    st.info(fmt.sentence(fmt.note(exc.args[0], lang)))
else:
    def shown(v: float) -> str:
        return fmt.format_kpi(v, k.unit, seg.currency, lang)

    st.caption(ui.t("why_moved_caption", kpi=label, previous=shown(moved.previous), current=shown(moved.current),
                    change=fmt.change(moved.change / moved.previous if moved.previous else None, lang) or "–",
                    mix=shown(moved.mix_effect), rate=shown(moved.rate_effect)))
    split = st.toggle(ui.t("why_split"), key="why_split")
    steps = waterfall_frame(moved, split=split, previous=ui.t("previous"), current=ui.t("current"),
                            other=ui.t("other"))
    ui.chart(waterfall_chart(steps, label, k.unit), key="why_waterfall")

st.subheader(ui.t("table_title"), anchor=False)
table = seg.table if picked is None else views.only_segment(seg.table, dim, picked)
ui.table(table, ui.kpi_columns(seg.kpis, seg.currency, lang), key="seg_table", column_order=views.filled_columns(table))
d1, d2, _ = st.columns([1, 1, 4])
d1.download_button(ui.t("download_csv"), views.to_csv(seg.table, lang, seg.currency), file_name=f"kpis_by_{dim}.csv",
                   mime="text/csv", on_click="ignore", icon=":material/download:", key="seg_csv")
d2.download_button(ui.t("download_xlsx"), views.to_xlsx(seg.table, lang, seg.currency), file_name=f"kpis_by_{dim}.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
                   icon=":material/download:", key="seg_xlsx")
if seg.notes:
    with st.expander(ui.t("notes")):
        st.markdown("\n".join(f"- {fmt.note(n, lang)}" for n in seg.notes))
