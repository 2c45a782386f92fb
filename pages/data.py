"""Data: upload exports or pick a sample set, and check how each file was read."""

import streamlit as st

import ui
from kpi_core import fmt, views

ui.framed()

st.title(ui.t("data_question"))
st.info(ui.t("privacy"), icon=":material/lock:")

files = st.file_uploader(ui.t("upload"), type=["csv", "tsv", "txt", "xlsx"], accept_multiple_files=True,
                         key=f"uploader_{st.session_state[ui.UPLOAD_ROUND]}")
if files:
    ui.add_uploads(files)
    st.rerun()



def describe(r) -> None:
    """What reading one file gave: platform, dates, rows used and left out (and why), findings.
    File text is escaped: a header or a campaign name is shown as written, never as Markdown."""
    st.markdown(" · ".join(f"**{ui.t(k)}** {fmt.md(v)}" for k, v in views.file_facts(r, ui.lang()).items()))
    st.caption(ui.t("rows_summary", used=r.rows_used, read=r.rows_read, excluded=len(r.rows_excluded)))
    if r.rows_excluded:
        with st.expander(ui.t("excluded_rows") + f" ({len(r.rows_excluded)})"):
            st.dataframe(views.exclusions_table(r, ui.lang()), hide_index=True)
    if r.findings:
        with st.expander(ui.t("findings") + f" ({len(r.findings)})", expanded=True):
            for f in r.findings:
                show = {"error": st.error, "warning": st.warning}.get(f.level, st.info)
                where = f" ({fmt.note(f.where, ui.lang())})" if f.where else ""
                show(fmt.md(fmt.sentence(fmt.note(f.message, ui.lang())) + where))


uploads: dict[str, ui.Upload] = st.session_state[ui.UPLOADS]
for key, up in list(uploads.items()):
    with st.container(border=True):
        head, remove = st.columns([6, 1])
        head.subheader(up.name, anchor=False)
        if remove.button(ui.t("remove"), key=f"remove_{key[:16]}", icon=":material/delete:"):
            ui.remove_upload(key)
            st.rerun()
        if up.error:
            st.error(fmt.md(fmt.note(up.error, ui.lang())), icon=":material/error:")
            continue
        r = up.result
        describe(r)
        with st.expander(ui.t("mapping") + f" ({len(r.columns)})"):
            edited = st.data_editor(
                views.mapping_table(r), key=f"map_{key[:16]}_{up.version}", hide_index=True,
                disabled=["column", "rule"],
                column_config={"column": st.column_config.TextColumn(ui.t("map_column")),
                               "maps_to": st.column_config.SelectboxColumn(ui.t("map_to"),
                                                                           options=list(views.MAPPING_TARGETS),
                                                                           required=True),
                               "rule": st.column_config.TextColumn(ui.t("map_rule"))},
            )
        overrides = views.mapping_overrides(edited)
        if overrides != {c.source: c.canonical for c in r.columns}:
            ui.reread(key, overrides)
            st.rerun()
        a, b = st.columns(2)
        a.download_button(ui.t("download_recipe"), views.recipe_json(r), file_name=f"{up.name}.recipe.json",
                          mime="application/json", on_click="ignore", key=f"recipe_dl_{key[:16]}",
                          icon=":material/download:")
        recipe = b.file_uploader(ui.t("upload_recipe"), type=["json"], key=f"recipe_{key[:16]}_{up.version}")
        if recipe is not None:
            try:
                ui.reread(key, views.recipe_overrides(recipe.getvalue(), recipe.name))
                st.rerun()
            except ValueError as exc:
                st.error(fmt.md(exc))

st.subheader(ui.t("samples"))
sets = ui.sample_sets()
if not sets:
    st.caption(ui.t("no_samples"))
active = ui.active()
for spec in sets:
    choice = f"sample:{spec['id']}"
    with st.container(border=True):
        about = spec.get(f"description_{ui.lang()}") or spec.get("description", "")
        st.markdown(f"**{spec.get('title', spec['id'])}**  \n{about}")
        if st.session_state.get(ui.DATASET) != choice:
            if st.button(ui.t("use_sample"), key=f"sample_{spec['id']}"):
                st.session_state[ui.SWITCH_DATASET] = choice
                st.rerun()
        elif active is not None:
            with st.expander(ui.t("sample_files", n=len(active.results))):
                lng = ui.lang()
                st.dataframe(views.files_table(active.results, lng), hide_index=True, placeholder=fmt.NULL,
                             key=f"sample_files_{spec['id']}", column_config={
                                 **{c: fmt.name(c, lng) for c in ("file", "rows_read", "rows_used", "rows_excluded")},
                                 "platform": ui.t("platform"), "table": ui.t("kind"),
                                 "currency": ui.t("currency_code"), "dates": ui.t("dates")})
