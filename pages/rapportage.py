"""Rapportage: the round as PowerPoint, Excel tables of the report, or a PDF report."""

import streamlit as st

from monitor.errors import MonitorFout
from monitor.opmaak.excel import XLSX_MIME
from monitor.rapportage.excel_tabellen import bouw_xlsx
from monitor.rapportage.pdf_rapport import bouw_pdf
from monitor.rapportage.pptx_export import bouw_pptx
from monitor.rechten import Recht, mag
from monitor.ui import data, veilig
from monitor.ui.bevindingen import export_bevindingen
from monitor.ui.page import ronde_of_stop, setup_page
from monitor.ui.reflectie import notities_van_ronde, opgeslagen_deck

FORMATEN = {
    "PowerPoint (.pptx)": (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "Excel: rapportagetabellen (.xlsx)": (
        "xlsx",
        XLSX_MIME,
    ),
    "PDF-rapport (.pdf)": ("pdf", "application/pdf"),
}

context = setup_page("pages/rapportage.py")
st.title("Rapportage")
ronde = ronde_of_stop(context)
st.markdown(
    "Maak van de cijfers van deze ronde een **PowerPoint** met bewerkbare grafieken (de dia's "
    "van de reflectiesessie), de **rapportagetabellen** van hoofdstuk 3 en 4 van het rapport "
    "in Excel, of een **PDF-rapport** met een overzicht en een hoofdstuk per thema. Elke export "
    "noemt de ronde, de peildatum, dat de antwoorden zelf gerapporteerd zijn, en per afspraak "
    "of de deadline op de peildatum verstreken was."
)
keuze = st.radio("Formaat", list(FORMATEN), key="rapport_formaat")
met_notities = mag(context.gebruiker, Recht.NOTITIES_LEZEN)
st.caption(
    "Notities uit de reflectiesessie gaan mee in PowerPoint en PDF."
    if met_notities
    else "Zonder inlog gaan er geen notities uit de reflectiesessie mee."
)

if st.button("Rapport maken", key="rapport_maken", type="primary"):
    extensie, _mime = FORMATEN[keuze]
    balk = st.progress(0.0, text="Rapport maken…")
    melden = lambda fractie, tekst: balk.progress(min(1.0, fractie), text=tekst)  # noqa: E731
    bron = data.reflectie_bron(ronde, context.versie)
    catalogus = {d.sleutel: d for d in data.dia_catalogus(ronde, context.versie)}
    dias = [catalogus[s] for s in opgeslagen_deck(ronde.id, list(catalogus))]
    notities = None
    if met_notities:
        notities = notities_van_ronde(context.gebruiker, ronde.id)
    try:
        if extensie == "xlsx":
            inhoud = bouw_xlsx(bron, melden)
        elif extensie == "pptx":
            inhoud = bouw_pptx(bron, dias, notities, melden, export_bevindingen(bron))
        else:
            inhoud = bouw_pdf(bron, dias, notities, melden, export_bevindingen(bron))
    except MonitorFout as fout:
        balk.empty()
        veilig.weigering(fout, waarschuwing=True)
    else:
        st.session_state["rapport"] = (keuze, ronde.jaar, inhoud)

gemaakt = st.session_state.get("rapport")
if gemaakt and gemaakt[1] == ronde.jaar:
    keuze_gemaakt, jaar, inhoud = gemaakt
    extensie, mime = FORMATEN[keuze_gemaakt]
    st.success(f"{keuze_gemaakt} van ronde {jaar} is klaar.")
    st.download_button(
        f"Download {keuze_gemaakt}",
        data=inhoud,
        file_name=f"monitor_ronde_{jaar}.{extensie}",
        mime=mime,
        key="rapport_download",
    )
