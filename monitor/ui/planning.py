"""Page parts of the Planning page: what waits on unfinished prerequisites, and the deadlines
that moved."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from monitor.domain import ACTORTYPE_BY_CODE
from monitor.kengetallen.afhankelijkheden import (
    AFGELEID_MERK,
    afgeleid_per_afspraak,
    afhankelijkheden_tabel,
    is_afgeleid,
    wacht_op_tekst,
)
from monitor.kengetallen.kerncijfers import achter_kort
from monitor.kengetallen.planning import planning_verschuivingen
from monitor.opmaak import tekst
from monitor.ui import data, veilig


def achter_per_thema_sectie(cijfers: pd.DataFrame) -> None:
    """Per thema and actor: how many afspraak-vragen with a passed deadline are behind
    (rows of kengetallen.kerncijfers.per_thema_actor with a passed deadline)."""
    verstreken = cijfers[cijfers["verstreken"] > 0]
    if verstreken.empty:
        return
    veilig.tabel(
        pd.DataFrame(
            {
                "Thema": verstreken["thema_nr"].astype(int),
                "Actor": verstreken["actortype"].map(lambda c: ACTORTYPE_BY_CODE[c].label_meervoud),
                "Achter op planning (afspraak-vragen)": [
                    achter_kort(a, v)
                    for a, v in zip(verstreken["achter"], verstreken["verstreken"], strict=True)
                ],
            }
        ),
        titel="Achter op planning per thema",
        key="achter_per_thema",
        download=False,
        vast=True,
    )


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def planning_met_wacht_op(ronde_id: int, peildatum: date | None, versie: int) -> pd.DataFrame:
    """The round's afspraken with a planning (``data.planning_overzicht``) with the actor's
    label and what each waits for, once per round and data versie."""
    tabel = data.planning_overzicht(ronde_id, peildatum, versie)
    if tabel.empty:
        return tabel
    afspraken = data.afspraken(versie)
    teksten = dict(zip(afspraken["code"], afspraken["tekst"], strict=True))
    wachten = data.wacht_op(ronde_id, versie)
    afgeleid = afgeleid_per_afspraak(data.afhankelijkheden(versie))
    return tabel.assign(
        actor=tabel["actortype"].map(lambda c: ACTORTYPE_BY_CODE[c].label_meervoud),
        wacht_op=tabel["afspraak_code"].map(
            lambda c: wacht_op_tekst(wachten.get(c, []), teksten, afgeleid=afgeleid.get(c, set()))
        ),
    )


def tijdlijn_tabel(tabel: pd.DataFrame) -> pd.DataFrame:
    """The timeline as a table (under 'Toon als tabel'), from ``planning_met_wacht_op``."""
    weergave = tabel.rename(
        columns={
            "afspraak": "Afspraak",
            "actor": "Actor",
            "planning": "Planning",
            "status": "Stand",
            "aandeel_achter": "Achter (% van respondenten)",
            "wacht_op": "Wacht op",
        }
    )[["Afspraak", "Actor", "Planning", "Stand", "Achter (% van respondenten)", "Wacht op"]]
    weergave["Wacht op"] = weergave["Wacht op"].replace("", "– (niets)")
    return weergave


def wacht_op_sectie(
    wachten: dict[str, list[str]], teksten: dict[str, str], afhankelijkheden: pd.DataFrame
) -> None:
    """The afspraken waiting on prerequisites that are not done in this round, and every
    dependency with its source; our inferences are marked [afgeleid]."""
    st.header("Wacht op andere afspraken")
    st.caption(
        "Een afspraak kan pas af als de afspraken waar hij van afhangt af zijn. Een voorwaarde "
        "telt als af wanneer bij elke actor die hem beantwoordt meer dan de helft 'afgerond' of "
        "'ja' antwoordt. [afgeleid]: de afhankelijkheid staat niet in het rapport, maar is door "
        "ons afgeleid."
    )
    afgeleid = afgeleid_per_afspraak(afhankelijkheden)
    if not wachten:
        st.info("In deze ronde wacht geen afspraak op een afspraak die nog niet af is.")
    for code, voorwaarden in sorted(wachten.items()):
        wacht = wacht_op_tekst(voorwaarden, teksten, afgeleid=afgeleid.get(code, set()))
        st.markdown(f"- **{teksten.get(code, code)}** — {wacht}")
    st.subheader("Alle afhankelijkheden en hun bron")
    veilig.tabel(
        afhankelijkheden_tabel(afhankelijkheden, teksten).rename(
            columns={"afspraak": "Afspraak", "wacht_op": "Wacht op", "bron": "Bron"}
        ),
        titel="Alle afhankelijkheden en hun bron",
        key="afhankelijkheden",
        download=False,
    )


def planning_bronnen_sectie(planning: pd.DataFrame, teksten: dict[str, str]) -> None:
    """Every planning version with where the report names it (or that we inferred it)."""
    st.header("Bron van de planning")
    st.caption(
        "Per planning de regel in het rapport 2024 waar hij staat; [afgeleid]: niet als planning "
        "in het rapport, door ons afgeleid uit de tekst."
    )
    tabel = planning.sort_values(["afspraak_code", "geldig_vanaf"], kind="stable")
    veilig.tabel(
        pd.DataFrame(
            {
                "Afspraak": tabel["afspraak_code"]
                + " "
                + tabel["afspraak_code"].map(lambda c: tekst.afkorten(teksten.get(c, ""), 60)),
                "Planning": tabel["tekst"],
                "Geldig vanaf": tabel["geldig_vanaf"].map(tekst.datum),
                "Bron": [
                    f"{AFGELEID_MERK} {b}" if is_afgeleid(b) else (b or o)
                    for b, o in zip(tabel["bron_rapport"], tabel["bron"], strict=True)
                ],
            }
        ),
        titel="Bron van de planning",
        key="planning_bronnen",
        download=False,
    )


def verschoven_sectie(planning: pd.DataFrame, teksten: dict[str, str]) -> None:
    """Per afspraak whose deadline moved: its versions (tekst, bron, geldig vanaf) and by how
    many months each moved."""
    st.header("Verschoven deadlines")
    verschoven = planning_verschuivingen(planning)
    if verschoven.empty:
        st.info("Geen afspraak heeft een gewijzigde deadline.")
    for code, groep in verschoven.groupby("afspraak_code", sort=True):
        totaal = int(groep["maanden_verschoven"].fillna(0).sum())
        st.markdown(f"**{teksten.get(code, code)}** — in totaal {totaal} maanden verschoven")
        veilig.tabel(
            groep.assign(
                geldig_vanaf=groep["geldig_vanaf"].map(tekst.datum),
                maanden_verschoven=groep["maanden_verschoven"].map(
                    lambda m: "–" if m is None or m != m else f"{int(m):+d} maanden"
                ),
            ).rename(
                columns={
                    "versie": "Versie",
                    "tekst": "Planning",
                    "bron": "Bron",
                    "geldig_vanaf": "Geldig vanaf",
                    "maanden_verschoven": "Verschoven",
                }
            )[["Versie", "Planning", "Bron", "Geldig vanaf", "Verschoven"]],
            titel=f"Verschoven deadlines {code}",
            download=False,
            vast=True,
        )
