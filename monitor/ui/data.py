"""Cached loaders: the only place with st.cache_*.

Aggregates are keyed on small arguments plus the database's ``data_versie``, a counter every
write bumps, so that all app processes see fresh figures after any write.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from monitor import rechten
from monitor.benchmark import vergelijking as benchmark_mod
from monitor.config import VRAGENLIJST_DIR, get_settings
from monitor.domain import StatusDefinitie
from monitor.kengetallen import afhankelijkheden as afhankelijkheden_mod
from monitor.kengetallen import bevindingen as bevindingen_mod
from monitor.kengetallen import filters as filters_mod
from monitor.kengetallen import gereed, kerncijfers, themaoverzicht, voortgang
from monitor.kengetallen import koers as koers_mod
from monitor.kengetallen import landelijk as landelijk_mod
from monitor.kengetallen import planning as planning_mod
from monitor.kengetallen import verandering as verandering_mod
from monitor.kengetallen import verschillen as verschillen_mod
from monitor.kengetallen.filters import Filter
from monitor.rechten import Gebruiker, RondeInstellingen, Zicht
from monitor.reflectie.dias import Bron, Dia, catalogus
from monitor.rondes import levensloop as rondebeheer_mod
from monitor.rondes.vragenlijst import RapportTelling, read_rapport_telling
from monitor.store import antwoorden as antwoorden_store
from monitor.store import lezen as queries
from monitor.store import peergroepen as benchmark_opslag
from monitor.store import rondes as rondes_store
from monitor.store import sessie
from monitor.store.sessie import Engine
from monitor.uitwisseling import opendata as opendata_mod


@dataclass(frozen=True)
class RondeInfo:
    id: int
    jaar: int
    titel: str
    peildatum: date | None
    status: str
    vorige_ronde_id: int | None


@st.cache_resource
def engine() -> Engine:
    return sessie.maak_engine(get_settings().database_url)


_MET_SCHEMA: weakref.WeakSet[Engine] = weakref.WeakSet()  # engines whose tables were seen


def database_klaar() -> bool:
    """Whether the database has its tables. Once seen, an engine's schema stays: it is not
    inspected again on every page run (that cost a fortieth of a new session)."""
    eigen = engine()
    if eigen not in _MET_SCHEMA and sessie.heeft_schema(eigen):
        _MET_SCHEMA.add(eigen)
    return eigen in _MET_SCHEMA


def data_versie() -> int:
    """Read on every rerun (one small query): the cache key of every aggregate."""
    with sessie.lees(engine()) as session:
        return queries.data_versie(session)


@st.cache_data(ttl=600, max_entries=16, show_spinner=False)
def rondes(versie: int) -> list[RondeInfo]:
    with sessie.lees(engine()) as session:
        return [
            RondeInfo(r.id, r.jaar, r.titel, r.peildatum, r.status, r.vorige_ronde_id)
            for r in queries.rondes(session)
        ]


@st.cache_data(ttl=600, max_entries=16, show_spinner=False)
def is_demo(versie: int) -> bool:
    with sessie.lees(engine()) as session:
        return queries.is_demo(session)


@st.cache_data(ttl=600, max_entries=16, show_spinner=False)
def statusdefinities(ronde_id: int, versie: int) -> tuple[StatusDefinitie, ...]:
    """What each status and ja/nee option means in the round (the legend of the exports)."""
    with sessie.lees(engine()) as session:
        ronde = rondes_store.ronde(session, ronde_id)
        return tuple(rondes_store.statusdefinities_van(session, ronde)) if ronde else ()


@st.cache_data(ttl=600, max_entries=4, show_spinner=False)
def organisaties(versie: int) -> pd.DataFrame:
    with sessie.lees(engine()) as session:
        return queries.organisaties_frame(session)


@st.cache_data(ttl=600, max_entries=16, show_spinner=False)
def themas(versie: int) -> pd.DataFrame:
    with sessie.lees(engine()) as session:
        rijen = [(t.nr, t.titel, t.paragraaf, t.ambitie) for t in queries.themas(session)]
    return pd.DataFrame(rijen, columns=["nr", "titel", "paragraaf", "ambitie"])


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def vragen(ronde_id: int, versie: int) -> pd.DataFrame:
    with sessie.lees(engine()) as session:
        return queries.vragen_frame(session, ronde_id)


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def antwoorden(ronde_id: int, versie: int) -> pd.DataFrame:
    with sessie.lees(engine()) as session:
        return queries.antwoorden_frame(session, ronde_id, alleen_ingediend=True)


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def antwoorden_zonder_tekst(ronde_id: int, versie: int) -> pd.DataFrame:
    """The round's submitted answers without their toelichting, for Op koers? over every
    round (``queries.STATUS_KOLOMMEN``): a cold start reads 20 rounds in half the time."""
    with sessie.lees(engine()) as session:
        return queries.antwoorden_frame(session, ronde_id, alleen_ingediend=True, met_tekst=False)


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def respons(ronde_id: int, versie: int) -> pd.DataFrame:
    return voortgang.respons(organisaties(versie), antwoorden(ronde_id, versie))


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def voorlopig_ingediend(ronde_id: int, versie: int) -> int:
    """The number of submissions marked voorlopig (a count: it names nobody)."""
    with sessie.lees(engine()) as session:
        return antwoorden_store.aantal_voorlopig_ingediend(session, ronde_id)


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def verdeling(ronde_id: int, versie: int) -> pd.DataFrame:
    return voortgang.verdeling(vragen(ronde_id, versie), antwoorden(ronde_id, versie))


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def voortgangsindex_per_organisatie(ronde_id: int, versie: int) -> pd.DataFrame:
    return gereed.voortgangsindex(vragen(ronde_id, versie), antwoorden(ronde_id, versie))


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def voortgangsindex_per_thema_actortype(ronde_id: int, versie: int) -> pd.DataFrame:
    return gereed.voortgangsindex(
        vragen(ronde_id, versie), antwoorden(ronde_id, versie), per=("thema_nr", "actortype")
    )


@st.cache_data(ttl=600, max_entries=4, show_spinner=False)
def planning(versie: int) -> pd.DataFrame:
    with sessie.lees(engine()) as session:
        return queries.planning_frame(session)


@st.cache_data(ttl=600, max_entries=64, show_spinner=False)
def thema_tabel(ronde_id: int, peildatum: date | None, thema_nr: int, versie: int) -> pd.DataFrame:
    return themaoverzicht.thema_tabel(
        thema_nr=thema_nr,
        vragen=vragen(ronde_id, versie),
        verdeling=verdeling(ronde_id, versie),
        planning=planning(versie),
        peildatum=peildatum,
        numeriek=voortgang.numerieke_samenvatting(
            vragen(ronde_id, versie), antwoorden(ronde_id, versie)
        ),
    )


@st.cache_data(ttl=600, max_entries=64, show_spinner=False)
def aantal_antwoorden(ronde_id: int, versie: int) -> int:
    with sessie.lees(engine()) as session:
        return queries.aantal_antwoorden(session, ronde_id)


@st.cache_data(ttl=600, max_entries=4, show_spinner=False)
def afspraken(versie: int) -> pd.DataFrame:
    with sessie.lees(engine()) as session:
        return queries.afspraken_frame(session)


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def verschillen(ronde_id: int, versie: int, gebruiker: Gebruiker) -> pd.DataFrame:
    """The national actors' differing answers; toelichtingen as far as the gate allows."""
    return verschillen_mod.verschillen(
        zicht=zicht(ronde_id, gebruiker, versie),
        vragen=vragen(ronde_id, versie),
        antwoorden=antwoorden(ronde_id, versie),
        afspraken=afspraken(versie),
    )


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def planning_overzicht(ronde_id: int, peildatum: date | None, versie: int) -> pd.DataFrame:
    return planning_mod.planning_overzicht(
        vragen=vragen(ronde_id, versie),
        antwoorden=antwoorden(ronde_id, versie),
        planning=planning(versie),
        afspraken=afspraken(versie),
        peildatum=peildatum,
    )


@st.cache_data(ttl=600, max_entries=8, show_spinner=False)
def ronde_tabel(versie: int) -> pd.DataFrame:
    """Every round with status, dates and counts, for the beheer page."""
    with sessie.lees(engine()) as session:
        return rondebeheer_mod.rondes_tabel(session)


# --- Filters, overview tiles, dependencies and change since the previous round ---------------


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def gefilterd(ronde_id: int, versie: int, filter_: Filter) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The round's vragen and antwoorden under the sidebar filter. A filter on organisations
    that leaves fewer than MIN_ANONIEM gemeenten or regio's drops them (rechten.alleen_totalen):
    the totals of a tiny group would be one organisation's answers."""
    gefilterde = filters_mod.filter_antwoorden(
        antwoorden(ronde_id, versie), organisaties(versie), filter_
    )
    if filter_.op_organisaties:
        gefilterde = rechten.alleen_totalen(gefilterde, organisaties(versie))
    return filters_mod.filter_vragen(vragen(ronde_id, versie), filter_), gefilterde


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def verdeling_gefilterd(ronde_id: int, versie: int, filter_: Filter) -> pd.DataFrame:
    if not filter_.op_organisaties:
        return verdeling(ronde_id, versie)
    return voortgang.verdeling(*gefilterd(ronde_id, versie, filter_))


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def beleving(
    ronde_id: int, versie: int, filter_: Filter
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Per actortype the round asked (in the agenda's order) its beleving table under the
    filter, and the differences between them (empty with fewer than two actortypes)."""
    gevraagd = themaoverzicht.beleving_actortypes(vragen(ronde_id, versie))
    gefilterde_vragen, _ = gefilterd(ronde_id, versie, filter_)
    verdeling_ = verdeling_gefilterd(ronde_id, versie, filter_)
    tabellen = {
        a: themaoverzicht.beleving_tabel(
            vragen=gefilterde_vragen, verdeling=verdeling_, actortype=a
        )
        for a in gevraagd
    }
    verschil = (
        themaoverzicht.beleving_verschillen(vragen=gefilterde_vragen, verdeling=verdeling_)
        if len(gevraagd) > 1
        else pd.DataFrame()
    )
    return tabellen, verschil


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def index_thema_actortype_gefilterd(ronde_id: int, versie: int, filter_: Filter) -> pd.DataFrame:
    return gereed.voortgangsindex(
        *gefilterd(ronde_id, versie, filter_), per=("thema_nr", "actortype")
    )


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def status_per_thema(ronde_id: int, versie: int, filter_: Filter) -> pd.DataFrame:
    return landelijk_mod.status_per_thema(*gefilterd(ronde_id, versie, filter_), themas(versie))


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def aandeel_gereed(ronde_id: int, versie: int, filter_: Filter) -> gereed.Aandeel:
    return gereed.aandeel_gereed(*gefilterd(ronde_id, versie, filter_))


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def kerncijfers_per_thema_actor(
    ronde_id: int, peildatum: date | None, versie: int, filter_: Filter
) -> pd.DataFrame:
    """Share gereed and achter op planning per thema and actortype under the sidebar filter
    (kengetallen.kerncijfers)."""
    vragen_f, antwoorden_f = gefilterd(ronde_id, versie, filter_)
    overzicht = planning_mod.planning_overzicht(
        vragen=vragen_f,
        antwoorden=antwoorden_f,
        planning=planning(versie),
        afspraken=afspraken(versie),
        peildatum=peildatum,
    )
    return kerncijfers.per_thema_actor(
        vragen=vragen_f, antwoorden=antwoorden_f, planning_overzicht=overzicht, peildatum=peildatum
    )


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def respons_gefilterd(ronde_id: int, versie: int, filter_: Filter) -> pd.DataFrame:
    """Respons per actortype of the organisations that pass the filter (actortypes without
    any left out)."""
    tabel = voortgang.respons(
        filters_mod.filter_organisaties(organisaties(versie), filter_), antwoorden(ronde_id, versie)
    )
    return tabel[tabel["totaal"] > 0].reset_index(drop=True)


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def respons_per_groep(
    ronde_id: int, versie: int, per: str, filter_: Filter, gebruiker: Gebruiker
) -> pd.DataFrame:
    """Respons of the gemeenten per provincie or jeugdregio. Whether the regio's themselves
    responded is response status per organisation: only with the non-respondents right."""
    tabel = landelijk_mod.respons_per_groep(
        filters_mod.filter_organisaties(organisaties(versie), filter_),
        antwoorden(ronde_id, versie),
        per=per,
    )
    if not rechten.mag(gebruiker, rechten.Recht.NIET_RESPONDENTEN):
        tabel = tabel.drop(columns="regio_ingevuld")
    return tabel


@st.cache_data(ttl=600, max_entries=4, show_spinner=False)
def afhankelijkheden(versie: int) -> pd.DataFrame:
    with sessie.lees(engine()) as session:
        return queries.afhankelijkheden_frame(session)


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def wacht_op(ronde_id: int, versie: int) -> dict[str, list[str]]:
    """Per afspraak the prerequisites not done in this round (kengetallen.afhankelijkheden)."""
    return afhankelijkheden_mod.wacht_op(
        afhankelijkheden=afhankelijkheden(versie),
        afgerond=afhankelijkheden_mod.afgeronde_afspraken(
            vragen(ronde_id, versie), antwoorden(ronde_id, versie)
        ),
    )


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def verandering_per_vraag(ronde_id: int, vorige_ronde_id: int, versie: int) -> pd.DataFrame:
    return verandering_mod.verandering_per_vraag(
        vragen=vragen(ronde_id, versie),
        verdeling=verdeling(ronde_id, versie),
        antwoorden=antwoorden(ronde_id, versie),
        vragen_vorig=vragen(vorige_ronde_id, versie),
        verdeling_vorig=verdeling(vorige_ronde_id, versie),
        antwoorden_vorig=antwoorden(vorige_ronde_id, versie),
    )


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def verandering_per_thema(ronde_id: int, vorige_ronde_id: int, versie: int) -> pd.DataFrame:
    return verandering_mod.verandering_per_thema(
        voortgangsindex_per_thema_actortype(ronde_id, versie),
        voortgangsindex_per_thema_actortype(vorige_ronde_id, versie),
    )


@st.cache_data(ttl=600, max_entries=64, show_spinner=False)
def thema_tabel_gefilterd(
    ronde_id: int, peildatum: date | None, thema_nr: int, versie: int, filter_: Filter
) -> pd.DataFrame:
    """The Thema page's table under the sidebar filter (actortype and organisations)."""
    if not filter_.actief:
        return thema_tabel(ronde_id, peildatum, thema_nr, versie)
    vragen_f, antwoorden_f = gefilterd(ronde_id, versie, filter_)
    return themaoverzicht.thema_tabel(
        thema_nr=thema_nr,
        vragen=vragen_f,
        verdeling=verdeling_gefilterd(ronde_id, versie, filter_),
        planning=planning(versie),
        peildatum=peildatum,
        numeriek=voortgang.numerieke_samenvatting(vragen_f, antwoorden_f),
    )


# --- Op koers? -------------------------------------------------------------------------------


def metingen(ronde: RondeInfo, versie: int) -> list[koers_mod.Meting]:
    """The round and every earlier round with a peildatum, oldest first (frames cached above)."""
    return [
        koers_mod.Meting(
            r.jaar, r.peildatum, vragen(r.id, versie), antwoorden_zonder_tekst(r.id, versie)
        )
        for r in rondes(versie)
        if r.jaar <= ronde.jaar and r.peildatum is not None
    ]


@st.cache_data(ttl=600, max_entries=16, show_spinner=False)
def koers_per_afspraak(ronde: RondeInfo, versie: int) -> pd.DataFrame:
    return koers_mod.koers_per_afspraak(
        metingen(ronde, versie), planning(versie), afspraken(versie)
    )


@st.cache_data(ttl=600, max_entries=16, show_spinner=False)
def koers_per_thema(ronde: RondeInfo, versie: int) -> pd.DataFrame:
    return koers_mod.koers_per_thema(metingen(ronde, versie), planning(versie), afspraken(versie))


# --- Reflectiesessie en rapportage --------------------------------------------------------


def reflectie_bron(ronde: RondeInfo, versie: int) -> Bron:
    """The round's frames for slides and exports (each part cached above)."""
    return Bron(
        jaar=ronde.jaar,
        titel=ronde.titel,
        peildatum=ronde.peildatum,
        organisaties=organisaties(versie),
        vragen=vragen(ronde.id, versie),
        antwoorden=antwoorden(ronde.id, versie),
        themas=themas(versie)[["nr", "titel"]],
        planning=planning(versie),
        afspraken=afspraken(versie),
        demo=is_demo(versie),
        statusdefinities=statusdefinities(ronde.id, versie),
        eerdere=tuple(m for m in metingen(ronde, versie) if m.jaar < ronde.jaar),
    )


@st.cache_resource(ttl=600, max_entries=8, show_spinner=False)
def dia_catalogus(ronde: RondeInfo, versie: int) -> tuple[Dia, ...]:
    """All slides of the round (monitor.reflectie.dias.catalogus), built once per data versie
    and shared, not copied: every run of Reflectiesessie, Rapportage and the slide downloads
    reads them, and unpickling their frames from ``st.cache_data`` was a third of the work of
    a new Reflectiesessie session. Slides are frozen and their frames only read."""
    return tuple(catalogus(reflectie_bron(ronde, versie)))


# --------------------------------------------------------------------------------------------
# Benchmark


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def ronde_instellingen(ronde_id: int, versie: int) -> RondeInstellingen:
    with sessie.lees(engine()) as session:
        return benchmark_opslag.ronde_instellingen(session, ronde_id)


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def ingediend(ronde_id: int, versie: int) -> frozenset[str]:
    with sessie.lees(engine()) as session:
        return antwoorden_store.ingediende_organisaties(session, ronde_id)


@st.cache_data(ttl=600, max_entries=64, show_spinner=False)
def benchmark(
    ronde_id: int,
    vorige_ronde_id: int | None,
    code: str,
    groep: benchmark_mod.Vergelijkgroep,
    gebruiker: Gebruiker,
    versie: int,
) -> benchmark_mod.Benchmark:
    """Raises GeenToegang (not cached) when the user may not benchmark ``code``."""
    vorig = vorige_ronde_id is not None
    return benchmark_mod.benchmark(
        gebruiker=gebruiker,
        code=code,
        groep=groep,
        instellingen=ronde_instellingen(ronde_id, versie),
        organisaties=organisaties(versie),
        vragen=vragen(ronde_id, versie),
        antwoorden=antwoorden(ronde_id, versie),
        ingediend=set(ingediend(ronde_id, versie)),
        vorige_vragen=vragen(vorige_ronde_id, versie) if vorig else None,
        vorige_antwoorden=antwoorden(vorige_ronde_id, versie) if vorig else None,
    )


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def regio_raster(
    ronde_id: int, regio_code: str, gebruiker: Gebruiker, versie: int
) -> tuple[pd.DataFrame, rechten.Toegang]:
    return benchmark_mod.regio_raster(
        gebruiker=gebruiker,
        regio_code=regio_code,
        instellingen=ronde_instellingen(ronde_id, versie),
        organisaties=organisaties(versie),
        vragen=vragen(ronde_id, versie),
        antwoorden=antwoorden(ronde_id, versie),
        ingediend=set(ingediend(ronde_id, versie)),
    )


# --------------------------------------------------------------------------------------------
# The gate: organisation-level rows only through rechten.zicht


@st.cache_data(ttl=600, max_entries=64, show_spinner=False)
def zicht(ronde_id: int, gebruiker: Gebruiker, versie: int) -> Zicht:
    """What ``gebruiker`` may see of every organisation in the round (rechten.zicht, applied
    per actortype). Every loader below that returns organisation rows goes through it."""
    return rechten.zicht_per_actortype(
        gebruiker,
        instellingen=ronde_instellingen(ronde_id, versie),
        organisaties=organisaties(versie),
        ingediend=ingediend(ronde_id, versie),
    )


@st.cache_data(ttl=600, max_entries=64, show_spinner=False)
def toelichtingen(
    ronde_id: int, thema_nr: int, gebruiker: Gebruiker, versie: int, zoekterm: str = ""
) -> pd.DataFrame:
    """The thema's toelichtingen as far as the gate lets ``gebruiker`` see them."""
    return themaoverzicht.toelichtingen(
        zicht=zicht(ronde_id, gebruiker, versie),
        thema_nr=thema_nr,
        vragen=vragen(ronde_id, versie),
        antwoorden=antwoorden(ronde_id, versie),
        organisaties=organisaties(versie),
        zoekterm=zoekterm,
    )


@st.cache_data(ttl=600, max_entries=16, show_spinner=False)
def niet_gerespondeerd(ronde_id: int, gebruiker: Gebruiker, versie: int) -> pd.DataFrame:
    """Who did not respond; GeenToegang without the non-respondents right."""
    return voortgang.niet_gerespondeerd(
        gebruiker=gebruiker,
        organisaties=organisaties(versie),
        antwoorden=antwoorden(ronde_id, versie),
    )


def peergroepen(gebruiker: Gebruiker) -> list[benchmark_opslag.OpgeslagenGroep]:
    """The user's saved groups (not cached: small, and changed by the user on this page)."""
    with sessie.lees(engine()) as session:
        return benchmark_opslag.peergroepen(session, gebruiker)


def bewaar_peergroep(gebruiker: Gebruiker, naam: str, leden: list[str]) -> int:
    with sessie.schrijf(engine()) as session:
        return benchmark_opslag.bewaar_peergroep(
            session=session, gebruiker=gebruiker, naam=naam, leden=leden
        )


def verwijder_peergroep(gebruiker: Gebruiker, groep_id: int) -> None:
    with sessie.schrijf(engine()) as session:
        benchmark_opslag.verwijder_peergroep(
            session=session, gebruiker=gebruiker, groep_id=groep_id
        )


@st.cache_data(show_spinner=False)
def rapport_telling(jaar: int) -> dict[str, RapportTelling]:
    """What the round's published report counts per actortype (empty for rounds without one)."""
    return {t.actortype: t for t in read_rapport_telling(VRAGENLIJST_DIR, jaar)}


def respons_uitleg(ronde_id: int, jaar: int, versie: int) -> list[str]:
    """Why the report's printed response rates differ from ours, one sentence per actor."""
    gedrukt = {a: t.respons for a, t in rapport_telling(jaar).items() if t.respons is not None}
    return voortgang.respons_uitleg(respons(ronde_id, versie), gedrukt)


def vragen_telling(ronde_id: int, jaar: int, versie: int) -> pd.DataFrame:
    """Questions per actortype: the report's count beside ours, with the reason."""
    telling = {a: (t.vragen, t.toelichting) for a, t in rapport_telling(jaar).items()}
    return voortgang.vragen_telling(vragen(ronde_id, versie), telling)


@st.cache_data(ttl=600, max_entries=8, show_spinner=False)
def opendata_jaren(versie: int) -> list[int]:
    """The published rounds, newest first: the rounds with an open-data package."""
    with sessie.lees(engine()) as session:
        return opendata_mod.gepubliceerde_jaren(session)


@st.cache_data(ttl=600, max_entries=8, show_spinner=False)
def opendata_zip(jaar: int, versie: int) -> bytes:
    """The open-data package of a published round as a zip (what an anonymous visitor may see)."""
    with sessie.lees(engine()) as session:
        return opendata_mod.zip_van_ronde(session, jaar)


@st.cache_data(ttl=600, max_entries=64, show_spinner=False)
def bevindingen_concept(
    ronde_id: int, vorige_ronde_id: int | None, peildatum: date | None, thema_nr: int, versie: int
) -> list[bevindingen_mod.Zin]:
    """The draft bevindingen of a thema (kengetallen.bevindingen), national figures."""
    vorig = vorige_ronde_id is not None
    return bevindingen_mod.bevindingen(
        thema_nr=thema_nr,
        vragen=vragen(ronde_id, versie),
        antwoorden=antwoorden(ronde_id, versie),
        planning=planning(versie),
        afspraken=afspraken(versie),
        afhankelijkheden=afhankelijkheden(versie),
        peildatum=peildatum,
        vragen_vorig=vragen(vorige_ronde_id, versie) if vorig else None,
        antwoorden_vorig=antwoorden(vorige_ronde_id, versie) if vorig else None,
    )
