"""Op koers?: the range chart and table of kengetallen.koers, shared by Planning and Thema's."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from monitor.domain import ACTORTYPE_BY_CODE
from monitor.kengetallen import koers
from monitor.opmaak import grafieken as charts
from monitor.opmaak import tekst
from monitor.ui import data, veilig
from monitor.ui.components import figuur, grafiek


def _actor(code: str) -> str:
    return ACTORTYPE_BY_CODE[code].label_meervoud


def koers_weergave(tabel: pd.DataFrame, rij: pd.Series, rij_kop: str) -> pd.DataFrame:
    """The course table as people read it: Dutch headers, rounded figures, months."""
    return pd.DataFrame(
        {
            rij_kop: rij,
            "Rondes": tabel["rondes"],
            "Gereed eerste ronde (%)": tabel["percentage_eerst"].map(tekst.procent),
            "Gereed nu (%)": tabel["percentage"].map(tekst.procent),
            "Tempo over alle rondes (procentpunt per jaar)": tabel["tempo_trend"].map(tekst.getal),
            "Tempo laatste twee rondes (procentpunt per jaar)": tabel["tempo_laatst"].map(
                tekst.getal
            ),
            "100% gereed bij dit tempo": [
                koers.verwacht_tekst(vroegst=v, laatst=la, tempo=t)
                for v, la, t in zip(
                    tabel["vroegst"], tabel["laatst"], tabel["tempo_trend"], strict=True
                )
            ],
            "Deadline": tabel["deadline"].map(tekst.datum),
            "Uitkomst": tabel["uitkomst"].astype(str),
        }
    ).reset_index(drop=True)


def koers_sectie(
    tabel: pd.DataFrame,
    *,
    rij: pd.Series,
    rij_kop: str,
    peildatum: date,
    titel: str,
    label: pd.Series | None = None,
) -> None:
    """The range chart of the series with a projection, the counts per outcome and the table
    of every series. ``rij`` holds the full label of each row of ``tabel`` (the table),
    ``label`` a shorter one for the chart's rows (default ``rij``)."""
    label = rij if label is None else label
    st.caption(koers.AANNAMES)
    if tabel.empty:
        st.info("Geen reeksen om te beoordelen in deze ronde.")
        return
    aantallen = koers.telling(tabel)
    st.markdown(
        "; ".join(f"**{tekst.getal(n)}** {u}" for u, n in aantallen.items())
        + f" (van {tekst.getal(len(tabel))})."
    )
    met_tempo = tabel[tabel["tempo_trend"].notna()].assign(rij=label[tabel["tempo_trend"].notna()])
    weergave = koers_weergave(tabel, rij, rij_kop)
    if met_tempo.empty:
        st.info("Geen reeks met twee of meer rondes die nog niet gereed is: geen tempo te tonen.")
        veilig.tabel(weergave, titel=titel)
        return
    grafiek(
        figuur(
            charts.koers_bereik,
            met_tempo.reset_index(drop=True),
            peildatum,
            titel,
            tot=koers.grafiek_einde(tabel["deadline"].tolist()),
        ),
        titel=titel,
        alt=f"Bereikdiagram: {titel}. Per rij de periode waarin 100% gereed bereikt wordt bij "
        "het tempo tussen de rondes, met de deadline als zwart streepje; de kleur en de legenda "
        "geven de uitkomst.",
        tabel=weergave,
    )


def thema_rijen(tabel: pd.DataFrame, titels: dict[int, str] | None = None) -> pd.Series:
    """'Gemeenten, thema 1. Titel' (without ``titels``: 'Gemeenten, thema 1') per row of
    kengetallen.koers.koers_per_thema."""
    titels = titels or {}
    return pd.Series(
        [
            f"{_actor(a)}, thema {int(n)}. {titels.get(int(n), '')}".rstrip(". ")
            for n, a in zip(tabel["thema_nr"], tabel["actortype"], strict=True)
        ],
        index=tabel.index,
    )


def actor_rijen(tabel: pd.DataFrame) -> pd.Series:
    return tabel["actortype"].map(_actor)


def afspraak_rijen(tabel: pd.DataFrame) -> pd.Series:
    """'Rijk: A1.02 Tekst van de afspraak' per row of koers_per_afspraak."""
    return pd.Series(
        [
            f"{_actor(a)}: {c} {t}"
            for a, c, t in zip(
                tabel["actortype"], tabel["afspraak_code"], tabel["afspraak"], strict=True
            )
        ],
        index=tabel.index,
    )


def _titels(versie: int) -> dict[int, str]:
    themas = data.themas(versie)
    return dict(zip(themas["nr"].astype(int), themas["titel"], strict=True))


def planning_koers_sectie(ronde: data.RondeInfo, versie: int) -> None:
    """Planning's 'Op koers?': per thema and actor, then per afspraak with a deadline."""
    st.header("Op koers?")
    st.markdown(
        "Haalt elk thema het einde van de Hervormingsagenda (31 december 2028), en elke "
        "afspraak zijn deadline, als het aandeel gereed in hetzelfde tempo blijft groeien als "
        f"tussen de rondes tot en met {ronde.jaar}?"
    )
    per_thema = data.koers_per_thema(ronde, versie)
    koers_sectie(
        per_thema,
        rij=thema_rijen(per_thema, _titels(versie)),
        label=thema_rijen(per_thema),
        rij_kop="Thema en actor",
        peildatum=ronde.peildatum,
        titel=f"Op koers per thema en actor, ronde {ronde.jaar}",
    )
    st.subheader("Per afspraak met een deadline")
    per_afspraak = data.koers_per_afspraak(ronde, versie)
    koers_sectie(
        per_afspraak,
        rij=afspraak_rijen(per_afspraak),
        label=actor_rijen(per_afspraak) + ": " + per_afspraak["afspraak_code"],
        rij_kop="Actor en afspraak",
        peildatum=ronde.peildatum,
        titel=f"Op koers per afspraak, ronde {ronde.jaar}",
    )


def thema_koers_sectie(ronde: data.RondeInfo, versie: int, thema_nr: int) -> None:
    """Thema's 'Op koers?': the thema's share gereed per actor against the agenda's end."""
    st.subheader("Op koers?")
    st.caption(
        "Landelijke cijfers (het filter op actor, provincie, jeugdregio of inwonersklasse geldt "
        "hier niet), tegen het einde van de Hervormingsagenda (31 december 2028)."
    )
    per_thema = data.koers_per_thema(ronde, versie)
    eigen = per_thema[per_thema["thema_nr"] == thema_nr].reset_index(drop=True)
    koers_sectie(
        eigen,
        rij=actor_rijen(eigen),
        rij_kop="Actor",
        peildatum=ronde.peildatum,
        titel=f"Op koers: thema {thema_nr} per actor, ronde {ronde.jaar}",
    )
