"""Page parts of the national picture: tiles, voortgang per thema, status per thema and actor,
and the map per gemeente or jeugdregio."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from monitor.domain import ACTORTYPE_BY_CODE, opties_voor, parse_opties
from monitor.kengetallen import filters as filters_mod
from monitor.kengetallen import kaart as kaart_mod
from monitor.kengetallen import landelijk, voortgang
from monitor.kengetallen import planning as planning_mod
from monitor.kengetallen.filters import Filter
from monitor.opmaak import geo, tekst
from monitor.opmaak import grafieken as charts
from monitor.rechten import PUBLIEK, Gebruiker
from monitor.ui import data
from monitor.ui.components import grafiek, keuze_uit_url, vast
from monitor.ui.data import RondeInfo

LAGEN = {"gemeente": "Gemeenten", "regio": "Jeugdregio's"}
EENHEID = {"gemeente": "gemeente", "regio": "jeugdregio"}
KLEUREN = {"index": "Voortgangsindex", "vraag": "Antwoord op één vraag"}
GROEP_EENHEID = {"regio": "jeugdregio", "provincie": "provincie"}


@st.cache_resource(show_spinner=False)
def _geojson(laag: str) -> dict:
    """Simplified once per process (tens of kB instead of the source's 192 kB per session)."""
    return geo.kaart_geojson(laag)


@dataclass(frozen=True)
class Tegel:
    """One metric tile as shown: label, value, help text and an optional change."""

    label: str
    waarde: str
    uitleg: str
    delta: str | None = None


def _toon(tegels: tuple[Tegel, ...]) -> None:
    for kolom, tegel in zip(st.columns(len(tegels)), tegels, strict=True):
        kolom.metric(tegel.label, tegel.waarde, delta=tegel.delta, help=tegel.uitleg)


def respons_tegels(ronde: RondeInfo, versie: int) -> None:
    _toon(_respons_tegels(ronde.id, ronde.jaar, versie))


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def _respons_tegels(ronde_id: int, jaar: int, versie: int) -> tuple[Tegel, ...]:
    """The response tiles' texts, made once per round and data versie (not on every rerun)."""
    tabel = data.respons(ronde_id, versie).set_index("actortype")
    uitleg = {zin.split(":", 1)[0]: zin for zin in data.respons_uitleg(ronde_id, jaar, versie)}
    landelijk_tabel = tabel.drop(index=["gemeente", "regio"])
    tegels = []
    for code in ("gemeente", "regio"):
        rij = tabel.loc[code]
        actor = ACTORTYPE_BY_CODE[code]
        tegels.append(
            Tegel(
                f"Respons {actor.label_meervoud.lower()}",
                f"{rij['ingevuld']} van {rij['totaal']}",
                f"{tekst.procent(rij['percentage'], 1)} van de {rij['totaal']} in de indeling "
                "van dit jaar. " + uitleg.get(actor.label_meervoud, ""),
            )
        )
    tegels.append(
        Tegel(
            "Landelijke partijen",
            f"{int(landelijk_tabel['ingevuld'].sum())} van {int(landelijk_tabel['totaal'].sum())}",
            "Rijk, VNG, BGZJ, SBJ en KBL",
        )
    )
    return tuple(tegels)


def voortgang_tegels(ronde: RondeInfo, versie: int, filter_: Filter) -> None:
    """Share gereed (afgerond/ja, with the change against the previous round), afspraak-vragen
    behind on planning, and shared afspraken answered differently."""
    _toon(_voortgang_tegels(ronde, versie, filter_))


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def _voortgang_tegels(ronde: RondeInfo, versie: int, filter_: Filter) -> tuple[Tegel, ...]:
    """The progress tiles' texts, made once per round, data versie and filter."""
    aandeel = data.aandeel_gereed(ronde.id, versie, filter_)
    delta = None
    if ronde.vorige_ronde_id is not None and aandeel.percentage is not None:
        vorig = data.aandeel_gereed(ronde.vorige_ronde_id, versie, filter_).percentage
        if vorig is not None:
            delta = f"{tekst.getal(aandeel.percentage - vorig, 1)} procentpunt t.o.v. vorige ronde"
    planning = data.planning_overzicht(ronde.id, ronde.peildatum, versie)
    achter = planning_mod.achter_op_planning(planning, ronde.peildatum)
    verschillen = data.verschillen(ronde.id, versie, PUBLIEK)
    return (
        Tegel(
            "Afgerond of ja",
            tekst.procent(aandeel.percentage),
            f"{tekst.getal(aandeel.aantal)} van de {tekst.getal(aandeel.totaal)} antwoorden "
            "op afspraken (status of ja/nee) in deze ronde zijn 'afgerond' of 'ja'. Elk antwoord "
            "telt één keer: gemeenten wegen dus zwaarder dan één landelijke partij.",
            delta,
        ),
        Tegel(
            "Achter op planning",
            f"{tekst.getal(achter.aantal)} van {tekst.getal(achter.verstreken)}",
            f"{planning_mod.achter_tekst(achter)} stonden op de peildatum achter op planning. "
            "Een afspraak-vraag is een afspraak per actor; bij gemeenten en regio's telt de "
            "stand van de meerderheid. Zie de pagina Planning.",
        ),
        Tegel(
            "Verschillen tussen actoren",
            tekst.getal(verschillen["afspraak_code"].nunique()),
            "Gedeelde afspraken die Rijk, VNG, BGZJ, SBJ of KBL verschillend beantwoorden. "
            "Zie de pagina Verschillen tussen actoren.",
        ),
    )


def voortgang_per_thema(ronde: RondeInfo, versie: int, filter_: Filter) -> None:
    tabel = _index_per_thema(ronde.id, versie, filter_)
    titel = f"Voortgangsindex per thema en actor, ronde {ronde.jaar}"
    if tabel.empty:
        st.info("Voor deze ronde (en dit filter) zijn nog geen antwoorden op afspraken.")
        return
    grafiek(
        _voortgang_figuur(ronde.id, versie, filter_, titel),
        titel=titel,
        alt=f"Tabelkleurenkaart: {titel}. 0 is nog niet begonnen of nee, 100 is afgerond of ja.",
        tabel=lambda: tabel.assign(index=tabel["index"].map(tekst.getal)).rename(
            columns={
                "thema": "Thema",
                "actor": "Actor",
                "index": "Index (0–100)",
                "aantal": "Antwoorden",
            }
        ),
    )


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def _index_per_thema(ronde_id: int, versie: int, filter_: Filter) -> pd.DataFrame:
    return voortgang.index_per_thema_tabel(
        data.index_thema_actortype_gefilterd(ronde_id, versie, filter_), data.themas(versie)
    )


@st.cache_resource(max_entries=32, show_spinner=False)
def _voortgang_figuur(ronde_id: int, versie: int, filter_: Filter, titel: str):
    """The heatmap, built once per ronde, data versie and filter (not on every rerun)."""
    return vast(charts.voortgang_per_thema(_index_per_thema(ronde_id, versie, filter_), titel))


@st.cache_resource(max_entries=32, show_spinner=False)
def _status_figuur(ronde_id: int, versie: int, filter_: Filter, titel: str):
    """The stacked bars (one trace per answer and actor), built once per ronde, versie and
    filter."""
    return vast(
        charts.status_per_thema_staaf(data.status_per_thema(ronde_id, versie, filter_), titel)
    )


def status_per_thema(ronde: RondeInfo, versie: int, filter_: Filter) -> None:
    tabel = data.status_per_thema(ronde.id, versie, filter_)
    if tabel.empty:
        return
    titel = f"Antwoorden op de afspraken per thema en actor, ronde {ronde.jaar}"
    st.caption(
        "Per thema en actor de verdeling van alle antwoorden op de afspraken. 'Ja' telt als "
        "afgerond, 'nee' als nog niet begonnen; 'nee' betekent niet dat er niets is gedaan."
    )
    grafiek(
        _status_figuur(ronde.id, versie, filter_, titel),
        titel=titel,
        alt=f"Gestapeld staafdiagram: {titel}. Per thema een staaf per actor.",
        tabel=lambda: tabel.assign(
            percentage=tabel["percentage"].map(lambda p: tekst.afgerond(p, 1))
        ).rename(
            columns={
                "thema": "Thema",
                "actor": "Actor",
                "label": "Antwoord",
                "aantal": "Aantal",
                "percentage": "Percentage",
            }
        )[["Thema", "Actor", "Antwoord", "Aantal", "Percentage"]],
    )


@st.cache_resource(max_entries=16, show_spinner=False)
def _kaart_figuur(
    ronde_id: int,
    versie: int,
    laag: str,
    vraag_code: str | None,
    filter_: Filter,
    titel: str,
    gebruiker: Gebruiker,
):
    """Built once per ronde, data versie, layer, vraag, filter and user: validating the
    geometry is the slow part, so the figure object itself is cached."""
    uitkomst, opties = _kaart_waarden(ronde_id, versie, laag, vraag_code, filter_, gebruiker)
    if vraag_code is None:
        return vast(charts.kaart(_geojson(uitkomst.laag), uitkomst.rijen, titel, "Index"))
    return vast(charts.kaart_categorisch(_geojson(uitkomst.laag), uitkomst.rijen, titel, opties))


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def _kaart_waarden(
    ronde_id: int,
    versie: int,
    laag: str,
    vraag_code: str | None,
    filter_: Filter,
    gebruiker: Gebruiker,
) -> tuple[kaart_mod.Kaart, list[tuple[str, str]]]:
    """The map's rows through the gate (per organisation or aggregated, see kengetallen.kaart)
    and, for a vraag, its options."""
    organisaties = filters_mod.filter_organisaties(data.organisaties(versie), filter_)
    eigen = organisaties[organisaties["actortype"] == laag][["code", "naam"]]
    opties: list[tuple[str, str]] | None = None
    if vraag_code is None:
        index = data.voortgangsindex_per_organisatie(ronde_id, versie)
        waarden = eigen.merge(
            index.rename(columns={"organisatie_code": "code"}), on="code", how="left"
        )
        waarden = waarden.assign(waarde=waarden["index"].astype(float))[["code", "naam", "waarde"]]
    else:
        vragen = data.vragen(ronde_id, versie)
        vraag = next(v for v in vragen.itertuples() if v.code == vraag_code)
        keuzes = opties_voor(vraag.vraagtype, parse_opties(vraag.opties or ""))
        opties = [(o.code, o.label) for o in keuzes]
        waarden = landelijk.antwoord_per_organisatie(
            eigen, data.antwoorden(ronde_id, versie), vraag
        )
    uitkomst = kaart_mod.kaart_rijen(
        data.zicht(ronde_id, gebruiker, versie),
        instellingen=data.ronde_instellingen(ronde_id, versie),
        waarden=waarden,
        organisaties=organisaties,
        laag=laag,
        opties=opties,
    )
    return uitkomst, opties or []


def kaart(ronde: RondeInfo, versie: int, filter_: Filter, gebruiker: Gebruiker) -> None:
    """The map of the Netherlands per gemeente or jeugdregio, coloured by the voortgangsindex
    or by the answer to one vraag (all choices kept in the URL)."""
    kolommen = st.columns([1, 1.3, 3])
    with kolommen[0]:
        laag = keuze_uit_url(
            "Kaart per", list(LAGEN), key="kaart", standaard="gemeente", format_func=LAGEN.get
        )
    with kolommen[1]:
        kleur = keuze_uit_url(
            "Kleur naar", list(KLEUREN), key="kleur", standaard="index", format_func=KLEUREN.get
        )
    vraag_code = None
    if kleur == "vraag":
        vragen = landelijk.kaart_vragen(data.vragen(ronde.id, versie), laag)
        teksten = dict(zip(vragen["code"], vragen["tekst"], strict=True))
        codes = vragen["code"].tolist()
        with kolommen[2]:
            vraag_code = keuze_uit_url(
                "Vraag",
                codes,
                key=f"vraag_{laag}",
                standaard=codes[0],
                format_func=lambda c: f"{c} · {tekst.afkorten(teksten[c], 90)}",
            )
    naam = LAGEN[laag].lower()
    if vraag_code is None:
        titel = f"Voortgangsindex per {EENHEID[laag]}, ronde {ronde.jaar}"
        st.caption(
            f"Gemiddelde over de afspraken van de {naam}: 0 = nog niet begonnen of nee, "
            "100 = afgerond of ja. Lichtgrijs met donkere rand: geen antwoord. "
            "Indicatief: zelf gerapporteerd."
        )
    else:
        titel = f"{vraag_code}: antwoord per {EENHEID[laag]}, ronde {ronde.jaar}"
        st.caption(f"**{vraag_code}**: {teksten[vraag_code]}")
    uitkomst, _ = _kaart_waarden(ronde.id, versie, laag, vraag_code, filter_, gebruiker)
    if uitkomst.melding:
        st.caption(uitkomst.melding)
    if uitkomst.rijen.empty:
        st.info(
            f"Geen kaart: met dit filter blijven er geen {naam} over om te tonen. Kies bij "
            "'Kaart per' een andere indeling of pas het filter aan."
        )
        return
    tabel = _kaart_tabel(uitkomst, vraag_code is not None, LAGEN[laag])
    if not uitkomst.per_organisatie:
        titel = f"{titel} (totalen per {GROEP_EENHEID[uitkomst.laag]})"
    grafiek(
        _kaart_figuur(ronde.id, versie, laag, vraag_code, filter_, titel, gebruiker),
        titel=titel,
        alt=f"Kaart van Nederland: {titel}; grijs is geen antwoord. De tabel geeft dezelfde "
        "waarden.",
        tabel=pd.DataFrame(tabel),
    )


def _kaart_tabel(uitkomst: kaart_mod.Kaart, per_vraag: bool, laag_naam: str) -> pd.DataFrame:
    """The map as a table: only the rows with a value (who did not answer is not listed)."""
    rijen = uitkomst.rijen
    waarde = "label" if per_vraag else "waarde"
    if not per_vraag:  # the index whole, half up, still a number (sortable; NaN: no answer)
        rijen = rijen.assign(waarde=rijen["waarde"].map(tekst.afgerond))
    if not uitkomst.per_organisatie:
        kop = GROEP_EENHEID[uitkomst.laag].capitalize()
        kolommen = {"naam": kop, "n": "Antwoorden", "totaal": "Totaal"}
        if per_vraag:
            kolommen = {**kolommen, "label": "Meest gekozen", "verdeling": "Verdeling"}
        else:
            kolommen = {**kolommen, "waarde": "Gemiddelde index (0–100)"}
        return rijen.dropna(subset=[waarde])[list(kolommen)].rename(columns=kolommen)
    kolommen = {"code": "Code", "naam": laag_naam}
    kolommen[waarde] = "Antwoord" if per_vraag else "Index (0–100)"
    return pd.DataFrame(rijen[list(kolommen)].rename(columns=kolommen))
