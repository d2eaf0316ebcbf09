"""Page part of the Thema page: one actor's afspraken, as table or stacked bars."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from monitor.domain import ACTORTYPE_BY_CODE, opties_voor, parse_opties
from monitor.invullen.antwoorden import toon_waarde
from monitor.kengetallen import kerncijfers, themaoverzicht
from monitor.kengetallen.filters import Filter
from monitor.opmaak import grafieken as charts
from monitor.opmaak import tekst
from monitor.rechten import Gebruiker, Recht, mag
from monitor.ui import data, veilig
from monitor.ui.components import figuur, grafiek

KOPPEN = {
    "tekst": "Afspraak",
    "planning": "Planning",
    "planningstatus": "Stand t.o.v. planning",
    "n": "Antwoorden",
    "samenvatting": "Antwoord(en)",
}


@dataclass(frozen=True)
class ActorBlok:
    """What the Thema page shows for one actor: a table, or bars with the informational
    answers below them, and its headline figures."""

    actortype: str
    regel: str | None  # the share gereed and what is behind on planning, in words
    tabel: veilig.SchermTabel  # one row per afspraak-vraag, labelled headers, columns shown
    staaf: pd.DataFrame | None  # gemeenten and regio's: the bars' distribution
    informatie: veilig.SchermTabel | None  # their questions asked for information only


@st.cache_resource(ttl=600, max_entries=64, show_spinner=False)
def actor_blokken(
    ronde_id: int, peildatum: date | None, thema_nr: int, versie: int, filter_: Filter
) -> tuple[ActorBlok, ...]:
    """The per actor part of a thema, made once per round, thema, data versie and filter, and
    shared, not copied: unpickling its tables from ``st.cache_data`` on every run was a
    quarter of the work of a new Thema's session. The blokken are frozen and only read."""
    verdeling = data.verdeling_gefilterd(ronde_id, versie, filter_)
    tabel = data.thema_tabel_gefilterd(ronde_id, peildatum, thema_nr, versie, filter_)
    cijfers = data.kerncijfers_per_thema_actor(ronde_id, peildatum, versie, filter_)
    cijfers = cijfers[cijfers["thema_nr"] == thema_nr]
    blokken = []
    for actortype, groep in tabel.groupby("actortype", sort=False):
        actor = ACTORTYPE_BY_CODE[actortype]
        rij = cijfers[cijfers["actortype"] == actortype]
        regel = None if rij.empty else kerncijfers.regel(actor.label_meervoud, rij.iloc[0])
        weergave = groep.rename(columns=KOPPEN)[list(KOPPEN.values())]
        staaf = informatie = None
        if actor.collectief:
            staaf = themaoverzicht.verdeling_voor_grafiek(verdeling, groep)
            alleen_info = groep["vraagtype"].isin(themaoverzicht.INFORMATIE_TYPES).to_numpy()
            if alleen_info.any():
                informatie = veilig.voor_scherm(
                    weergave[alleen_info].drop(columns=["Planning", "Stand t.o.v. planning"])
                )
        # A table per national actor has no count; the bars' table has no planning status.
        weergave = weergave.drop(
            columns=["Stand t.o.v. planning" if staaf is not None else "Antwoorden"]
        )
        blokken.append(
            ActorBlok(str(actortype), regel, veilig.voor_scherm(weergave), staaf, informatie)
        )
    return tuple(blokken)


def actor_sectie(blok: ActorBlok, titel_staaf: str, sleutel: tuple) -> None:
    """A single actor as a table; gemeenten and regio's as bars plus informational answers.
    ``sleutel``: the arguments ``actor_blokken`` made the blok from (the figure's key)."""
    actor = ACTORTYPE_BY_CODE[blok.actortype]
    st.subheader(actor.label_meervoud)
    if blok.regel:
        st.markdown(blok.regel)
    if blok.staaf is None:
        veilig.tabel(
            blok.tabel,
            titel=f"{actor.label_meervoud}: antwoorden",
            download=False,
            vast=True,
        )
        return
    titel = f"{actor.label_meervoud}: antwoorden per afspraak, {titel_staaf}"
    if not blok.staaf.empty:
        grafiek(
            figuur(charts.verdeling_staaf, blok.staaf, titel, sleutel=(*sleutel, titel)),
            titel=titel,
            alt=f"Gestapeld staafdiagram: {titel}",
            tabel=blok.tabel,
        )
    if blok.informatie is not None:
        st.markdown("**Ter informatie gevraagd**")
        veilig.tabel(
            blok.informatie,
            titel=f"{actor.label_meervoud}: ter informatie gevraagd",
            download=False,
            vast=True,
        )


def verandering_sectie(ronde, thema_nr: int, versie: int, actortypes: tuple[str, ...]) -> None:
    """What changed in this thema since the previous round: the voortgangsindex per actor and,
    per vraag (followed to its predecessor, also after a new code or wording), the answers then
    and now. ``actortypes`` (the sidebar filter; empty = all) limits the actors shown; the
    figures are national."""
    st.subheader("Verandering t.o.v. vorige ronde")
    if ronde.vorige_ronde_id is None:
        st.info(
            f"Ronde {ronde.jaar} is de eerste ronde: er is geen vorige ronde om mee te vergelijken."
        )
        return
    per_thema = data.verandering_per_thema(ronde.id, ronde.vorige_ronde_id, versie)
    per_thema = per_thema[per_thema["thema_nr"] == thema_nr]
    if actortypes:
        per_thema = per_thema[per_thema["actortype"].isin(actortypes)]
    if not per_thema.empty:
        st.markdown("**Voortgangsindex per actor (0–100)**")
        veilig.tabel(
            pd.DataFrame(
                {
                    "Actor": per_thema["actortype"].map(
                        lambda c: ACTORTYPE_BY_CODE[c].label_meervoud
                    ),
                    "Vorige ronde": per_thema["index_vorig"].map(tekst.getal),
                    "Deze ronde": per_thema["index"].map(tekst.getal),
                    "Verschil": _verschillen(per_thema["index"], per_thema["index_vorig"]),
                }
            ),
            titel=f"Thema {thema_nr}: voortgangsindex per actor",
            key=f"verandering_index_{thema_nr}",
            download=False,
        )
    per_vraag = data.verandering_per_vraag(ronde.id, ronde.vorige_ronde_id, versie)
    per_vraag = per_vraag[per_vraag["thema_nr"] == thema_nr]
    if actortypes:
        per_vraag = per_vraag[per_vraag["actortype"].isin(actortypes)]
    if per_vraag.empty:
        st.caption("Geen vragen in dit thema die een vraag uit de vorige ronde voortzetten.")
        return
    st.markdown("**Per vraag: antwoorden toen en nu**")
    st.caption(
        "Landelijke cijfers (het filter op provincie, jeugdregio of inwonersklasse geldt hier "
        "niet). Aandeel afgerond: het deel van de respondenten dat 'afgerond' of 'ja' antwoordde; "
        "verschil in procentpunten. Een vraag met een nieuwe code of tekst wordt vergeleken met "
        "de vraag die hij voortzet."
    )
    veilig.tabel(
        pd.DataFrame(
            {
                "Vraag": per_vraag["code"],
                "Vorige code": per_vraag["code_vorig"].where(
                    per_vraag["code_vorig"] != per_vraag["code"], ""
                ),
                "Tekst gewijzigd": per_vraag["tekst_gewijzigd"].map({True: "ja", False: ""}),
                "Actor": per_vraag["actortype"].map(lambda c: ACTORTYPE_BY_CODE[c].label_meervoud),
                "Tekst": per_vraag["tekst"],
                "Vorige ronde": per_vraag["verdeling_vorig"],
                "Deze ronde": per_vraag["verdeling"],
                "Afgerond vorige ronde (%)": per_vraag["afgerond_vorig"].map(tekst.procent),
                "Afgerond deze ronde (%)": per_vraag["afgerond"].map(tekst.procent),
                "Verschil (procentpunt)": _verschillen(
                    per_vraag["afgerond"], per_vraag["afgerond_vorig"]
                ),
            }
        ),
        titel=f"Thema {thema_nr}: antwoorden toen en nu",
        key=f"verandering_vragen_{thema_nr}",
        download=False,
    )


def _verschillen(nu: pd.Series, vorig: pd.Series) -> list[str]:
    """Signed differences of the figures as shown beside them ('+11', '−3')."""
    return [tekst.verschil(n, v) for n, v in zip(nu, vorig, strict=True)]


def toelichtingen_weergave(tabel: pd.DataFrame, vragen: pd.DataFrame) -> pd.DataFrame:
    """The toelichtingen table as people read it: Dutch headers, the actor's name and the
    answer's label ('Ja', 'Mee bezig') instead of the codes the figures work with."""
    per_code = {
        rij.code: (rij.vraagtype, opties_voor(rij.vraagtype, parse_opties(rij.opties or "")))
        for rij in vragen.itertuples(index=False)
    }

    def antwoord(code: str, waarde: object) -> str:
        if pd.isna(waarde):
            return tekst.LEEG
        vraagtype, opties = per_code[code]
        return tekst.tekst_of_leeg(toon_waarde(vraagtype, opties, str(waarde)))

    return pd.DataFrame(
        {
            "Organisatie": tabel["organisatie"],
            "Actor": tabel["actortype"].map(lambda c: ACTORTYPE_BY_CODE[c].label),
            "Vraag": tabel["vraag"],
            "Antwoord": [
                antwoord(c, w) for c, w in zip(tabel["vraag"], tabel["antwoord"], strict=True)
            ],
            "Toelichting": tabel["toelichting"].map(tekst.tekst_of_leeg),
            "Voorlopig": tabel["voorlopig"].map(lambda v: tekst.ja_nee(v).capitalize()),
        }
    )


def toelichtingen_sectie(gebruiker: Gebruiker, ronde, thema_nr: int, versie: int) -> None:
    """The toelichtingen of this thema, searchable; only for who may see others' answers."""
    st.subheader("Toelichtingen")
    if not mag(gebruiker, Recht.ANTWOORDEN_ANDEREN):
        st.caption("Toelichtingen zijn zichtbaar na inloggen.")
        return
    zoekterm = st.text_input("Zoek in de toelichtingen", key="zoek_toelichting")
    toelichtingen = data.toelichtingen(ronde.id, thema_nr, gebruiker, versie, zoekterm)
    zicht = data.zicht(ronde.id, gebruiker, versie)
    if zicht.melding:
        st.caption(zicht.melding)
    st.caption(f"{len(toelichtingen)} toelichtingen")
    veilig.tabel(
        toelichtingen_weergave(toelichtingen, data.vragen(ronde.id, versie)),
        titel=f"Toelichtingen thema {thema_nr}, ronde {ronde.jaar}",
        key="toelichtingen",
    )
