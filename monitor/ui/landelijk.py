"""Page parts of the national picture: respons tiles, voortgang per thema, the map."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from monitor import charts, format, geo, voortgang
from monitor.domain import ACTORTYPE_BY_CODE
from monitor.ui import data
from monitor.ui.components import grafiek
from monitor.ui.data import RondeInfo


@st.cache_data(show_spinner=False)
def _geojson(laag: str) -> dict:
    return geo.load_geojson(laag)


def respons_tegels(ronde: RondeInfo, versie: int) -> None:
    tabel = data.respons(ronde.id, versie).set_index("actortype")
    landelijk = tabel.drop(index=["gemeente", "regio"])
    kolommen = st.columns(3)
    for kolom, code in zip(kolommen[:2], ("gemeente", "regio"), strict=True):
        rij = tabel.loc[code]
        kolom.metric(
            f"Respons {ACTORTYPE_BY_CODE[code].label_meervoud.lower()}",
            f"{rij['ingevuld']} van {rij['totaal']}",
            help=f"{format.procent(rij['percentage'], 1)} van de {rij['totaal']} in de indeling "
            "van dit jaar",
        )
    kolommen[2].metric(
        "Landelijke partijen",
        f"{int(landelijk['ingevuld'].sum())} van {int(landelijk['totaal'].sum())}",
        help="Rijk, VNG, BGZJ, SBJ en KBL",
    )


def voortgang_per_thema(ronde: RondeInfo, versie: int) -> None:
    tabel = voortgang.index_per_thema_tabel(
        data.voortgangsindex_per_thema_actortype(ronde.id, versie), data.themas(versie)
    )
    titel = f"Voortgangsindex per thema en actor, ronde {ronde.jaar}"
    if tabel.empty:
        st.info("Voor deze ronde zijn nog geen antwoorden op afspraken.")
        return
    weergave = tabel.assign(index=(tabel["index"] * 100).round(0)).rename(
        columns={
            "thema": "Thema",
            "actor": "Actor",
            "index": "Index (0–100)",
            "aantal": "Antwoorden",
        }
    )
    grafiek(
        charts.voortgang_per_thema(tabel, titel),
        titel=titel,
        alt=f"Tabelkleurenkaart: {titel}. 0 is nog niet begonnen of nee, 100 is afgerond of ja.",
        tabel=weergave,
    )


@st.cache_resource(max_entries=8, show_spinner=False)
def _kaart_figuur(ronde_id: int, versie: int, titel: str, _waarden: pd.DataFrame):
    """Built once per ronde and data versie: validating the geometry is the slow part."""
    return charts.kaart(_geojson("gemeente"), _waarden, titel, "Index")


def kaart_gemeenten(ronde: RondeInfo, versie: int) -> None:
    organisaties = data.organisaties(versie)
    gemeenten = organisaties[organisaties["actortype"] == "gemeente"][["code", "naam"]]
    index = data.voortgangsindex_per_organisatie(ronde.id, versie)
    waarden = gemeenten.merge(
        index.rename(columns={"organisatie_code": "code"}), on="code", how="left"
    )
    waarden = waarden.assign(waarde=(waarden["index"] * 100).round(0))
    titel = f"Voortgangsindex per gemeente, ronde {ronde.jaar}"
    st.caption(
        "Gemiddelde over de afspraken van de gemeente: 0 = nog niet begonnen of nee, "
        "100 = afgerond of ja. Lichtgrijs met donkere rand: geen antwoord. "
        "Indicatief: zelf gerapporteerd."
    )
    tabel = waarden[["code", "naam", "waarde"]].rename(
        columns={"code": "Code", "naam": "Gemeente", "waarde": "Index (0–100)"}
    )
    grafiek(
        _kaart_figuur(ronde.id, versie, titel, waarden),
        titel=titel,
        alt=f"Kaart van Nederland: {titel}; grijs is geen antwoord.",
        tabel=pd.DataFrame(tabel),
    )
