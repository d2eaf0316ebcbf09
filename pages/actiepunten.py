"""Actiepunten: what the reflectiesessies agreed, per round, and what became of the previous
round's actiepunten."""

import streamlit as st

from monitor.errors import MonitorFout
from monitor.opmaak import tekst
from monitor.rechten import Recht, mag
from monitor.reflectie.dias import dia_titel
from monitor.ui import data, veilig
from monitor.ui.page import ronde_of_stop, setup_page
from monitor.ui.reflectie import actiepunten, bewaar_opvolging

context = setup_page("pages/actiepunten.py")
st.title("Actiepunten")
ronde = ronde_of_stop(context)
gebruiker = context.gebruiker
themas = data.themas(context.versie)


def _weergave(tabel, jaar: int):
    """The notes as shown: each slide by its title in round ``jaar`` (not built for this)."""
    return tabel.assign(
        dia=tabel["dia"].map(lambda sleutel: dia_titel(sleutel, jaar, themas)),
        deadline=tabel["deadline"].map(tekst.datum),
        aangemaakt_op=tabel["aangemaakt_op"].map(tekst.datum_kort),
    ).rename(
        columns={
            "dia": "Dia",
            "tekst": "Actiepunt",
            "eigenaar": "Eigenaar",
            "deadline": "Deadline",
            "opvolging": "Opvolging",
            "aangemaakt_op": "Genoteerd op",
        }
    )[["Genoteerd op", "Dia", "Actiepunt", "Eigenaar", "Deadline", "Opvolging"]]


deze = actiepunten(gebruiker, ronde.id)
vorige = None if ronde.vorige_ronde_id is None else actiepunten(gebruiker, ronde.vorige_ronde_id)

st.header(f"Ronde {ronde.jaar}")
st.caption("Elk signaal uit de reflectiesessie een eigenaar en een opvolging.")
if deze.empty:
    st.info("In deze ronde zijn nog geen actiepunten genoteerd (op de pagina Reflectiesessie).")
else:
    veilig.tabel(
        _weergave(deze, ronde.jaar), titel=f"Actiepunten ronde {ronde.jaar}", key="actiepunten"
    )

vorig_jaar = next((r.jaar for r in context.rondes if r.id == ronde.vorige_ronde_id), None)
if vorige is not None:
    st.header(f"Wat werd er van de actiepunten van ronde {vorig_jaar}?")
    if vorige.empty:
        st.info(f"In ronde {vorig_jaar} zijn geen actiepunten genoteerd.")
    elif mag(gebruiker, Recht.NOTITIES_SCHRIJVEN):
        bewerkt = st.data_editor(
            _weergave(vorige, vorig_jaar),
            hide_index=True,
            width="stretch",
            disabled=["Genoteerd op", "Dia", "Actiepunt", "Eigenaar", "Deadline"],
            key="opvolging_tabel",
        )
        if st.button("Opvolging bewaren", key="opvolging_bewaren"):
            try:
                bewaar_opvolging(
                    gebruiker,
                    {
                        int(notitie_id): nieuw or ""
                        for notitie_id, oud, nieuw in zip(
                            vorige["id"], vorige["opvolging"], bewerkt["Opvolging"], strict=True
                        )
                        if (nieuw or "") != (oud or "")
                    },
                )
            except MonitorFout as fout:
                veilig.weigering(fout, voor="Niet bewaard: ", waarschuwing=True)
            else:
                st.rerun()
    else:
        veilig.tabel(
            _weergave(vorige, vorig_jaar),
            titel=f"Actiepunten ronde {vorig_jaar}",
            key="actiepunten_vorig",
        )
