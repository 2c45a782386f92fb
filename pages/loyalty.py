"""Loyalty: repeat purchases, churn, cohorts, LTV curves and LTV:CAC, from the shop's own orders."""

import streamlit as st

import ui
from kpi_core import catalog, fmt, loyalty, views
from kpi_core.charts.loyalty import cohort_heatmap, ltv_cac_bars, ltv_curves
from kpi_core.engine import Period

ui.framed()

lang = ui.lang()
st.title(ui.t("loyalty_question"))
data = ui.active()
codes = loyalty.order_currencies(data.results) if data is not None else []
currency = ui.kept(st.selectbox, ui.LOY_CURRENCY, ui.t("order_currency"), options=codes) if len(codes) > 1 else None
orders, problem = ui.orders(currency)
if problem:
    st.error(problem, icon=":material/error:")
    st.stop()
if orders is None:
    tables = loyalty.customer_tables(data.results) if data is not None else []
    if tables:
        st.info(ui.t("loyalty_customer_table", files=fmt.md(", ".join(tables))))
    st.info(ui.t("loyalty_no_orders"))
    st.page_link("pages/data.py", label=ui.t("page_data"), icon=":material/upload_file:")
    st.stop()

period = ui.filters().period or Period(orders.data_start, orders.as_of)
inputs = ui.inputs()
cur = orders.currency
with st.columns(2)[0]:
    churn_days = ui.kept(st.selectbox, ui.LOY_CHURN, ui.t("churn_window"), options=[30, 60, 90, 180])
st.caption(ui.t("loyalty_period", start=period.start.isoformat(), end=period.end.isoformat(),
                as_of=orders.as_of.isoformat()))

# --- the period in numbers ---
s = loyalty.summary(orders, period, churn_days)
cells = [
    (ui.t("orders"), fmt.number(s["orders"], lang)),
    (f"{ui.t('net_revenue')} ({cur})" if cur else ui.t("net_revenue"), fmt.number(s["revenue"], lang)),
    (catalog.get("aov").label(lang), fmt.money(s["aov"], cur, lang)),
    (ui.t("customers_new_returning"), f"{fmt.number(s['new_customers'], lang)} / "
                                      f"{fmt.number(s['returning_customers'], lang)}"),
    (catalog.get("repeat_purchase_rate").label(lang), fmt.percent(s["repeat_purchase_rate"], lang)),
    (ui.t("purchase_frequency"), fmt.number(s["purchase_frequency"], lang, 2)),
    (catalog.get("churn_rate").label(lang), fmt.percent(s["churn_rate"], lang)),
    (catalog.get("return_rate").label(lang), fmt.percent(s["return_rate"], lang)),
]
with st.container(horizontal=True, wrap=True, gap="small"):  # cards wrap on narrow screens
    for label, text in cells:
        st.metric(label, text, border=True, width=ui.CARD_WIDTH)
gap = loyalty.churn_gap(orders, period, churn_days)
if gap:
    st.caption(fmt.note(gap, lang))
with st.expander(ui.t("definitions")):
    st.markdown("\n".join(f"- {text}" for text in loyalty.definitions(lang, churn_days)))

# --- cohorts ---
st.subheader(ui.t("cohorts_title"), anchor=False)
table = loyalty.cohort_table(orders, margin=inputs.margin)
ui.chart(cohort_heatmap(table, lang), key="loyalty_heatmap")
st.caption(ui.t("incomplete_caption"))

st.subheader(ui.t("ltv_title"), anchor=False)
field = "ltv_gross_profit" if inputs.margin else "ltv"
ui.chart(ltv_curves(table, cur, field=field, lang=lang), key="loyalty_ltv")
st.caption(ui.t("ltv_basis_gp" if inputs.margin else "ltv_basis_revenue"))
st.markdown(f"**{ui.t('ltv_by_cohort')}**")
ui.table(loyalty.ltv_by_cohort(table), {
    "cohort": st.column_config.DateColumn(fmt.name("cohort", lang), format="YYYY-MM"),
    "customers": st.column_config.NumberColumn(fmt.name("customers", lang), format="localized", step=1),
    **{c: st.column_config.NumberColumn(f"LTV {h} m ({cur})" if cur else f"LTV {h} m", format="localized", step=0.01)
       for h in loyalty.HORIZONS for c in [f"ltv_{h}m"]},
})

# --- LTV:CAC ---
st.subheader(ui.t("ltv_cac_title"), anchor=False)
horizon = ui.kept(st.segmented_control, ui.LOY_HORIZON, ui.t("ltv_horizon"), options=list(loyalty.HORIZONS),
                  default=loyalty.default_horizon(table), required=True)
performance = views.filter_dimensions(data.frame, ui.filters())
result = loyalty.ltv_cac(orders, performance, period, horizon=horizon, other_costs=inputs.other_costs)
ltv_cac_frame = result.labelled(lang)
if result.has_ratio:
    ui.chart(ltv_cac_bars(ltv_cac_frame, horizon, lang), key="loyalty_ltv_cac")
else:  # an axis without bars says nothing: the notes below say what is missing
    st.info(ui.t("ltv_cac_none"))
st.caption(ui.t("ltv_cac_caption", h=horizon, start=period.start.isoformat(), end=period.end.isoformat()))
ui.table(ltv_cac_frame, column_order=[
    "acquisition", "new_customers", "spend", "cac", "customers", "ltv", "ltv_cac_ratio", "healthy"],
    column_config={**ui.kpi_columns(("cac", "ltv", "ltv_cac_ratio"), cur, lang),
                   "acquisition": st.column_config.TextColumn(ui.t("channel")),
                   "customers": st.column_config.NumberColumn(ui.t("ltv_customers", h=horizon), step=1),
                   "healthy": st.column_config.CheckboxColumn(ui.t("ltv_cac_healthy"))})
for note in result.notes:
    st.caption(fmt.note(note, lang))

# --- by month ---
st.subheader(ui.t("by_month_title"), anchor=False)
ui.table(loyalty.by_period(orders, churn_days=churn_days), column_order=[
    "period", "complete", "orders", "revenue", "customers", "new_customers", "returning_customers",
    "repeat_purchase_rate", "churn_rate", "return_rate", "aov"],
    column_config={**ui.kpi_columns(("aov", "repeat_purchase_rate", "churn_rate", "return_rate"), cur, lang),
                   "period": st.column_config.DateColumn(ui.t("month"), format="YYYY-MM"),
                   "complete": st.column_config.CheckboxColumn(ui.t("month_complete")),
                   "returning_customers": st.column_config.NumberColumn(ui.t("returning_customers"))})

for note in orders.notes:
    st.caption(fmt.note(note, lang))
dropped = loyalty.dropped_personal_data(data.results)
if dropped:
    with st.expander(ui.t("personal_data")):
        st.markdown("\n".join(f"- {fmt.md(d)}" for d in dropped))
