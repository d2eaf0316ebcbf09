"""Page part of Verschillen tussen actoren: each shared afspraak the national actors answer
differently, their answers side by side."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from monitor.domain import ACTORTYPE_BY_CODE
from monitor.opmaak import tekst
from monitor.rechten import Gebruiker
from monitor.ui import data


@dataclass(frozen=True)
class Verschil:
    """One afspraak: its text, thema line and per actor (label, answer, toelichting)."""

    afspraak: str
    thema: str
    antwoorden: tuple[tuple[str, str, str | None], ...]


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def verschillen(ronde_id: int, versie: int, gebruiker: Gebruiker) -> list[Verschil]:
    """The differences as shown, once per round, data versie and viewer (the toelichtingen
    are what the gate lets this viewer see: ``data.verschillen``)."""
    tabel = data.verschillen(ronde_id, versie, gebruiker)
    themas = data.themas(versie).set_index("nr")["titel"]
    uit = []
    for (thema_nr, _code, afspraak), groep in tabel.groupby(
        ["thema_nr", "afspraak_code", "afspraak"], sort=False
    ):
        antwoorden = tuple(
            (ACTORTYPE_BY_CODE[r.actortype].label, str(r.antwoord), r.toelichting)
            for r in groep.itertuples()
        )
        uit.append(
            Verschil(str(afspraak), f"Thema {thema_nr}. {themas.get(thema_nr, '')}", antwoorden)
        )
    return uit


def toon(verschil: Verschil, met_toelichting: bool) -> None:
    with st.container(border=True):
        st.markdown(f"**{verschil.afspraak}**")
        st.caption(verschil.thema)
        kolommen = st.columns(len(verschil.antwoorden))
        for kolom, (label, antwoord, toelichting) in zip(
            kolommen, verschil.antwoorden, strict=True
        ):
            kolom.markdown(f"**{label}: {antwoord}**")
            if met_toelichting:
                # plain text, never HTML; no toelichting is said in words, never 'nan'
                kolom.text(tekst.tekst_of_leeg(toelichting, "(geen toelichting)"))
