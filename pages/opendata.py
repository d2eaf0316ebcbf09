"""Open data: the frozen national figures of each published round as a download (CSV, JSON,
data dictionary, Frictionless datapackage.json), with a stable URL per round.
``/opendata?ronde=2024`` opens the page on that round."""

import streamlit as st

from monitor.domain import DISCLAIMER
from monitor.ui import data
from monitor.ui.components import keuze_uit_url
from monitor.ui.opendataroute import bestandsnaam, url
from monitor.ui.page import setup_page
from monitor.ui.veilig import platte_tekst

context = setup_page("pages/opendata.py", rondekiezer=False)
st.title("Open data")
st.write(
    "Per gepubliceerde ronde de landelijke cijfers zoals ze bij publicatie zijn vastgelegd: "
    "respons, vragen en de verdeling van de antwoorden, als CSV en JSON, met een "
    "datawoordenboek en een Frictionless `datapackage.json`. Licentie: CC BY 4.0 "
    "(naamsvermelding: Monitor Hervormingsagenda Jeugd)."
)
st.caption(
    f"{DISCLAIMER} De bestanden bevatten alleen totalen per soort actor, geen gegevens van "
    "afzonderlijke organisaties."
)
jaren = data.opendata_jaren(context.versie)
if not jaren:
    st.info("Er is nog geen gepubliceerde ronde; open data verschijnt na publicatie.")
    st.stop()
gevraagd = st.query_params.get("ronde", "")
if gevraagd and gevraagd not in {str(j) for j in jaren}:
    st.warning(  # the URL is anyone's text: shown plain, and short
        f"Ronde {platte_tekst(gevraagd[:20])} is niet gepubliceerd; hieronder de nieuwste "
        "gepubliceerde ronde."
    )
jaar = keuze_uit_url("Ronde", jaren, key="ronde", standaard=jaren[0])
st.download_button(
    f"Download open data ronde {jaar} (.zip)",
    data=data.opendata_zip(jaar, context.versie),
    file_name=bestandsnaam(jaar),
    mime="application/zip",
    icon=":material/download:",
)
st.markdown(f"Vaste link naar dit pakket: [`{url(jaar)}`]({url(jaar)})")
