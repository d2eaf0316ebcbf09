"""Page part of Verschillen tussen actoren: each shared afspraak the national actors answer
differently, their answers side by side."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from monitor.domain import ACTORTYPE_BY_CODE
from monitor.opmaak import tekst
from monitor.rechten import Gebruiker
from monitor.ui import data
from monitor.ui.veilig import platte_tekst


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
    """One afspraak in a bordered card. Without toelichtingen (the public) the card is one
    Markdown element; a column per actor made the page ~140 elements, which every new session
    paid for (bench (e))."""
    with st.container(border=True):
        kop = f"**{platte_tekst(verschil.afspraak)}**  \n*{platte_tekst(verschil.thema)}*"
        if not met_toelichting:
            antwoorden = " · ".join(
                f"**{platte_tekst(label)}: {platte_tekst(antwoord)}**"
                for label, antwoord, _ in verschil.antwoorden
            )
            st.markdown(f"{kop}\n\n{antwoorden}")
            return
        st.markdown(kop)
        kolommen = st.columns(len(verschil.antwoorden))
        for kolom, (label, antwoord, toelichting) in zip(
            kolommen, verschil.antwoorden, strict=True
        ):
            kolom.markdown(f"**{platte_tekst(label)}: {platte_tekst(antwoord)}**")
            # plain text, never HTML; no toelichting is said in words, never 'nan'
            kolom.text(tekst.tekst_of_leeg(toelichting, "(geen toelichting)"))
