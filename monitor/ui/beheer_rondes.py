"""Beheer page parts: rounds (create, open, close, publish), the questionnaire of a concept
round, and planning versions. All rules live in ``monitor.rondes.levensloop``; this draws widgets,
calls it in one write transaction, shows its Dutch refusal, and clears the caches after a
write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st

from monitor import invoer
from monitor.domain import ACTORTYPE_BY_CODE, ACTORTYPE_CODES, RondeStatus, Vraagtype, Zichtbaarheid
from monitor.errors import MonitorFout
from monitor.kengetallen.planning import planning_in_kracht
from monitor.opmaak.tekst import afkorten, datum, getal
from monitor.rondes import levensloop, statusdefinities
from monitor.rondes import vragen as vragen_mod
from monitor.store import sessie
from monitor.store.sessie import Session
from monitor.ui import data, veilig
from monitor.ui.components import uitklap
from monitor.ui.page import PaginaContext

MELDING = "beheer_melding"
KNOPPEN = {
    (RondeStatus.CONCEPT, RondeStatus.OPEN): "Openen",
    (RondeStatus.OPEN, RondeStatus.GESLOTEN): "Sluiten",
    (RondeStatus.GESLOTEN, RondeStatus.OPEN): "Heropenen",
    (RondeStatus.GESLOTEN, RondeStatus.GEPUBLICEERD): "Publiceren",
}
STATUS_LABELS = {
    RondeStatus.CONCEPT: "Concept",
    RondeStatus.OPEN: "Open",
    RondeStatus.GESLOTEN: "Gesloten",
    RondeStatus.GEPUBLICEERD: "Gepubliceerd",
}
ZICHTBAARHEID_LABELS = {
    Zichtbaarheid.GENOEMD: "Met naam: organisaties zien elkaar bij naam",
    Zichtbaarheid.ANONIEM: "Anoniem: vergelijking zonder namen",
}


def _schrijf(actie: Callable[[Session], str]) -> None:
    """Run ``actie`` in one write transaction; on success clear caches and rerun with its
    message, on a refusal show the Dutch message (nothing was written)."""
    try:
        with sessie.schrijf(data.engine()) as session:
            melding = actie(session)
    except MonitorFout as fout:
        veilig.weigering(fout)
        return
    st.cache_data.clear()
    st.session_state[MELDING] = melding
    st.rerun()


def toon_melding() -> None:
    melding = st.session_state.pop(MELDING, None)
    if melding:
        st.success(melding)


# --------------------------------------------------------------------------------------------
# Rondes


def rondes(context: PaginaContext) -> None:
    tabel = data.ronde_tabel(context.versie)
    st.subheader("Rondes")
    if tabel.empty:
        st.info("Er is nog geen ronde. Maak hieronder de eerste ronde aan.")
    else:
        veilig.tabel(_ronde_weergave(tabel), titel="Rondes", key="beheer_rondes", download=False)
        _status_knoppen(context, tabel)
        _wijzig_formulier(context, tabel)
        _statusdefinities_formulier(context, tabel)
    _nieuw_formulier(context, tabel)


def _ronde_weergave(tabel: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Ronde": tabel["jaar"].astype(str),
            "Titel": tabel["titel"],
            "Status": tabel["status"].map(lambda s: STATUS_LABELS.get(s, s)),
            "Peildatum": tabel["peildatum"].map(datum),
            "Open vanaf": tabel["open_datum"].map(datum),
            "Sluitdatum": tabel["sluit_datum"].map(datum),
            "Vragen": tabel["vragen"].map(getal),
            "Antwoorden": tabel["antwoorden"].map(getal),
            "Gepubliceerd op": tabel["gepubliceerd_op"].map(
                lambda d: datum(d.date()) if pd.notna(d) else "–"
            ),
        }
    )


def _status_knoppen(context: PaginaContext, tabel: pd.DataFrame) -> None:
    st.markdown("**Status wijzigen**")
    jaren = [int(j) for j in tabel["jaar"]]
    jaar = st.selectbox("Ronde", jaren, index=len(jaren) - 1, key="beheer_status_ronde")
    status = RondeStatus(tabel.set_index("jaar").loc[jaar, "status"])
    volgende = levensloop.toegestane_overgangen(status)
    if not volgende:
        st.caption(f"Ronde {jaar} is gepubliceerd; dat is definitief.")
        return
    st.caption(f"Ronde {jaar} staat op '{STATUS_LABELS[status]}'.")
    kolommen = st.columns(len(volgende))
    for kolom, doel in zip(kolommen, volgende, strict=True):
        with kolom:
            _status_knop(context, jaar, status, doel)


def _status_knop(context: PaginaContext, jaar: int, status: RondeStatus, doel: RondeStatus):
    label = KNOPPEN[(status, doel)]
    zeker = True
    if doel == RondeStatus.GEPUBLICEERD:
        zeker = st.checkbox(
            f"Ik begrijp dat publiceren definitief is: ronde {jaar} wordt bevroren en de "
            "cijfers worden vastgelegd.",
            key="beheer_publiceren_zeker",
        )
    if st.button(label, key=f"beheer_status_{doel.value}", disabled=not zeker):

        def actie(session: Session) -> str:
            levensloop.zet_status(
                session=session,
                gebruiker=context.gebruiker,
                jaar=jaar,
                status=doel,
                vandaag=date.today(),
            )
            return f"Ronde {jaar} staat nu op '{STATUS_LABELS[doel]}'."

        _schrijf(actie)


def _wijzig_formulier(context: PaginaContext, tabel: pd.DataFrame) -> None:
    open_rondes = tabel[tabel["status"] != RondeStatus.GEPUBLICEERD]
    if open_rondes.empty:
        return
    with uitklap("Titel en data van een ronde wijzigen", key="beheer_wijzig") as open_:
        if not open_:  # built only when opened: four date fields and a form less per run
            return
        jaren = [int(j) for j in open_rondes["jaar"]]
        jaar = st.selectbox("Ronde", jaren, index=len(jaren) - 1, key="beheer_wijzig_ronde")
        rij = open_rondes.set_index("jaar").loc[jaar]
        with st.form(f"beheer_wijzig_{jaar}"):
            titel = st.text_input("Titel", value=rij["titel"])
            peildatum = st.date_input("Peildatum", value=rij["peildatum"], format="DD-MM-YYYY")
            open_datum = st.date_input("Open vanaf", value=rij["open_datum"], format="DD-MM-YYYY")
            sluit_datum = st.date_input("Sluitdatum", value=rij["sluit_datum"], format="DD-MM-YYYY")
            if st.form_submit_button("Wijzigingen opslaan"):

                def actie(session: Session) -> str:
                    levensloop.wijzig_ronde(
                        session=session,
                        gebruiker=context.gebruiker,
                        jaar=int(jaar),
                        wijzigingen={
                            "titel": titel,
                            "peildatum": peildatum,
                            "open_datum": open_datum,
                            "sluit_datum": sluit_datum,
                        },
                    )
                    return f"Ronde {jaar} is bijgewerkt."

                _schrijf(actie)


def _statusdefinities_formulier(context: PaginaContext, tabel: pd.DataFrame) -> None:
    """What each status and ja/nee option means in a round (shown under the options while
    filling in and in the legends of the exports); a published round keeps its own."""
    niet_gepubliceerd = tabel[tabel["status"] != RondeStatus.GEPUBLICEERD]
    if niet_gepubliceerd.empty:
        return
    with uitklap("Statusdefinities van een ronde", key="beheer_definities") as open_:
        if not open_:  # built only when opened: six text fields and a form less per run
            return
        st.caption(
            "Wat 'nog niet begonnen', 'mee bezig', 'bijna klaar', 'afgerond', 'ja' en 'nee' "
            "betekenen. Invullers zien dit onder elke optie; de exports tonen het als legenda. "
            "Een nieuwe ronde begint met een kopie van de vorige. Noem bij elke definitie de "
            "bron: de regel in het rapport, of 'eigen formulering'."
        )
        jaren = [int(j) for j in niet_gepubliceerd["jaar"]]
        jaar = st.selectbox("Ronde", jaren, index=len(jaren) - 1, key="beheer_definities_ronde")
        ronde_id = next(r.id for r in data.rondes(context.versie) if r.jaar == jaar)
        huidig = data.statusdefinities(ronde_id, context.versie)
        with st.form(f"beheer_definities_{jaar}"):
            ingevuld = [
                (
                    d,
                    st.text_area(
                        f"{d.label}: betekenis",
                        value=d.betekenis,
                        max_chars=invoer.STATUSBETEKENIS.max_tekens,
                        height=68,
                        key=f"definitie_{jaar}_{d.optie}",
                    ),
                    st.text_input(
                        f"{d.label}: bron",
                        value=d.bron,
                        max_chars=invoer.STATUSBRON.max_tekens,
                        key=f"definitie_bron_{jaar}_{d.optie}",
                    ),
                )
                for d in huidig
            ]
            if st.form_submit_button("Statusdefinities opslaan"):

                def actie(session: Session) -> str:
                    statusdefinities.bewaar(
                        session,
                        context.gebruiker,
                        levensloop.haal_ronde(session, jaar),
                        [replace(d, betekenis=b, bron=bron) for d, b, bron in ingevuld],
                    )
                    return f"De statusdefinities van ronde {jaar} zijn opgeslagen."

                _schrijf(actie)


def _nieuw_formulier(context: PaginaContext, tabel: pd.DataFrame) -> None:
    st.markdown("**Nieuwe ronde**")
    jaren = [int(j) for j in tabel["jaar"]]
    volgend = max(jaren, default=date.today().year - 1) + 1
    with st.form("beheer_nieuwe_ronde"):
        jaar = st.number_input(
            "Jaar",
            min_value=levensloop.EERSTE_JAAR,
            max_value=levensloop.LAATSTE_JAAR,
            value=volgend,
            step=1,
            key="nieuw_jaar",
        )
        titel = st.text_input(
            "Titel", placeholder="Monitor van de afspraken <jaar>", key="nieuw_titel"
        )
        kolommen = st.columns(3)
        peildatum = kolommen[0].date_input(
            "Peildatum", value=date(volgend, 6, 30), format="DD-MM-YYYY", key="nieuw_peildatum"
        )
        open_datum = kolommen[1].date_input(
            "Open vanaf", value=date(volgend, 4, 1), format="DD-MM-YYYY", key="nieuw_open"
        )
        sluit_datum = kolommen[2].date_input(
            "Sluitdatum", value=date(volgend, 6, 30), format="DD-MM-YYYY", key="nieuw_sluit"
        )
        van = st.selectbox(
            "Vragenlijst kopiëren van",
            [None, *sorted(jaren, reverse=True)],
            key="nieuw_van",
            index=1 if jaren else 0,
            format_func=lambda j: "Niet kopiëren (lege vragenlijst)" if j is None else f"Ronde {j}",
            help="Elke gekopieerde vraag blijft verbonden met haar voorganger, zodat de trend "
            "doorloopt, ook als de formulering later verandert.",
        )
        zichtbaarheid = st.selectbox(
            "Benchmark", list(Zichtbaarheid), format_func=ZICHTBAARHEID_LABELS.get
        )
        na_indienen = st.checkbox(
            "Vergelijking pas zichtbaar na het indienen van de eigen antwoorden", value=True
        )
        if st.form_submit_button("Ronde aanmaken"):
            gegevens = levensloop.NieuweRonde(
                jaar=int(jaar),
                titel=titel,
                peildatum=peildatum,
                open_datum=open_datum,
                sluit_datum=sluit_datum,
                zichtbaarheid=zichtbaarheid,
                benchmark_na_indienen=na_indienen,
                van_jaar=van,
            )

            def actie(session: Session) -> str:
                ronde = levensloop.maak_ronde(
                    session=session, gebruiker=context.gebruiker, gegevens=gegevens
                )
                kopie = f" met de vragenlijst van ronde {van}" if van else ""
                return f"Ronde {ronde.jaar} is aangemaakt (concept){kopie}."

            _schrijf(actie)


# --------------------------------------------------------------------------------------------
# Vragenlijst


def vragenlijst(context: PaginaContext) -> None:
    tabel = data.ronde_tabel(context.versie)
    st.subheader("Vragenlijst")
    if tabel.empty:
        st.info("Er is nog geen ronde.")
        return
    concept = [int(j) for j in tabel[tabel["status"] == RondeStatus.CONCEPT]["jaar"]]
    jaren = [int(j) for j in tabel["jaar"]]
    jaar = st.selectbox(
        "Ronde",
        jaren,
        index=jaren.index(concept[-1]) if concept else len(jaren) - 1,
        key="beheer_vragen_ronde",
    )
    info = next(r for r in context.rondes if r.jaar == jaar)
    vragen = data.vragen(info.id, context.versie)
    if info.status != RondeStatus.CONCEPT:
        st.info(
            f"Ronde {jaar} staat op '{STATUS_LABELS[RondeStatus(info.status)]}': de vragenlijst "
            "kan niet meer veranderen. Alleen een ronde in concept is te bewerken."
        )
        veilig.tabel(
            _vraag_weergave(vragen),
            titel=f"Vragenlijst ronde {jaar}",
            key="beheer_vragen",
            download=False,
        )
        return
    _vragen_editor(context, jaar, vragen)
    _verwijder_formulier(context, jaar, vragen)
    _vraag_formulier(context, jaar)


def _vraag_weergave(vragen: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Volgorde": vragen["volgorde"],
            "Code": vragen["code"],
            "Tekst": vragen["tekst"],
            "Actor": vragen["actortype"].map(lambda a: ACTORTYPE_BY_CODE[a].kort),
            "Type": vragen["vraagtype"],
            "Afspraak": vragen["afspraak_code"].fillna(""),
        }
    )


def _vragen_editor(context: PaginaContext, jaar: int, vragen: pd.DataFrame) -> None:
    st.caption(
        "Pas de tekst of het volgnummer aan en sla op. Code, actor en type liggen vast; "
        "een vraag met een andere betekenis voegt u toe als nieuwe vraag."
    )
    origineel = _vraag_weergave(vragen).reset_index(drop=True)
    bewerkt = st.data_editor(
        origineel,
        hide_index=True,
        width="stretch",
        disabled=["Code", "Actor", "Type", "Afspraak"],
        column_config={
            "Volgorde": st.column_config.NumberColumn("Volgorde", step=1, required=True),
            "Tekst": st.column_config.TextColumn("Tekst", required=True, width="large"),
        },
        key=f"beheer_vragen_editor_{jaar}_{context.versie}",
    )
    if not st.button("Tekst en volgorde opslaan", key="beheer_vragen_opslaan"):
        return
    teksten = {
        code: tekst
        for code, tekst, oud in zip(
            bewerkt["Code"], bewerkt["Tekst"], origineel["Tekst"], strict=True
        )
        if tekst != oud
    }
    volgorde = bewerkt.assign(_oud=origineel["Volgorde"]).sort_values(
        ["Volgorde", "_oud"], kind="stable"
    )["Code"]

    def actie(session: Session) -> str:
        for code, tekst in teksten.items():
            vragen_mod.wijzig_vraag(
                session=session,
                gebruiker=context.gebruiker,
                jaar=jaar,
                code=code,
                wijzigingen={"tekst": tekst},
            )
        verplaatst = vragen_mod.herorden_vragen(
            session=session, gebruiker=context.gebruiker, jaar=jaar, codes=list(volgorde)
        )
        return (
            f"Opgeslagen: {len(teksten)} tekst(en) gewijzigd, {verplaatst} vraag/vragen verplaatst."
        )

    _schrijf(actie)


def _verwijder_formulier(context: PaginaContext, jaar: int, vragen: pd.DataFrame) -> None:
    with st.form(f"beheer_vraag_weg_{jaar}"):
        code = st.selectbox(
            "Vraag verwijderen",
            vragen["code"].tolist(),
            index=None,
            placeholder="Kies een vraag",
            help="Alleen een vraag zonder antwoorden, zonder opvolger in een latere ronde en "
            "waar geen andere vraag van afhangt.",
        )
        if st.form_submit_button("Verwijderen") and code:

            def actie(session: Session) -> str:
                vragen_mod.verwijder_vraag(
                    session=session, gebruiker=context.gebruiker, jaar=jaar, code=code
                )
                return f"Vraag {code} is verwijderd uit ronde {jaar}."

            _schrijf(actie)


def _vraag_formulier(context: PaginaContext, jaar: int) -> None:
    themas = data.themas(context.versie)
    afspraken = data.afspraken(context.versie)
    st.markdown("**Vraag toevoegen**")
    with st.form(f"beheer_vraag_nieuw_{jaar}"):
        code = st.text_input("Code", help="Uniek binnen de ronde, bijvoorbeeld GEM.3.12")
        tekst = st.text_area("Tekst")
        kolommen = st.columns(3)
        vraagtype = kolommen[0].selectbox("Vraagtype", [t.value for t in Vraagtype])
        actortype = kolommen[1].selectbox(
            "Actor", ACTORTYPE_CODES, format_func=lambda a: ACTORTYPE_BY_CODE[a].label
        )
        thema = kolommen[2].selectbox(
            "Thema",
            [None, *themas["nr"].tolist()],
            format_func=lambda n: (
                "Geen thema" if n is None else f"{n}. {themas.set_index('nr').loc[n, 'titel']}"
            ),
        )
        afspraak = st.selectbox(
            "Afspraak",
            [None, *afspraken["code"].tolist()],
            format_func=lambda c: (
                "Geen (informatievraag)"
                if c is None
                else f"{c} – {afkorten(afspraken.set_index('code').loc[c, 'tekst'], 80)}"
            ),
        )
        opties = st.text_input(
            "Opties (alleen keuze en meerkeuze)", placeholder="code=Label|code=Label"
        )
        if st.form_submit_button("Vraag toevoegen"):
            invoer = vragen_mod.VraagInvoer(
                code=code,
                tekst=tekst,
                vraagtype=vraagtype,
                actortype=actortype,
                thema_nr=thema,
                afspraak_code=afspraak,
                opties=opties,
            )

            def actie(session: Session) -> str:
                vragen_mod.voeg_vraag_toe(
                    session=session, gebruiker=context.gebruiker, jaar=jaar, vraag=invoer
                )
                return f"Vraag {invoer.code.strip()} is toegevoegd aan ronde {jaar}."

            _schrijf(actie)


# --------------------------------------------------------------------------------------------
# Planning


def planning(context: PaginaContext) -> None:
    st.subheader("Planning")
    st.caption(
        "Een verschoven deadline is een nieuwe versie met bron en ingangsdatum; eerdere versies "
        "blijven bewaard. Elke ronde rekent met de versie die gold op haar peildatum."
    )
    afspraken = data.afspraken(context.versie)
    versies = data.planning(context.versie)
    if afspraken.empty:
        st.info("Er zijn nog geen afspraken.")
        return
    teksten = afspraken.set_index("code")["tekst"]
    met_planning = sorted(set(versies["afspraak_code"]))
    codes = met_planning + sorted(set(afspraken["code"]) - set(met_planning))
    code = st.selectbox(
        "Afspraak",
        codes,
        format_func=lambda c: f"{c} – {afkorten(teksten[c], 90)}",
        key="beheer_planning_afspraak",
    )
    eigen = versies[versies["afspraak_code"] == code].sort_values("geldig_vanaf")
    if eigen.empty:
        st.caption("Deze afspraak heeft nog geen planning.")
    else:
        in_kracht = planning_in_kracht(eigen, date.today())
        huidige = in_kracht["geldig_vanaf"].iloc[0]
        veilig.tabel(
            pd.DataFrame(
                {
                    "Planning": eigen["tekst"],
                    "Deadline": eigen["datum"].map(datum),
                    "Bron": eigen["bron"],
                    "Geldig vanaf": eigen["geldig_vanaf"].map(datum),
                    "Nu in kracht": eigen["geldig_vanaf"].map(
                        lambda d: "ja" if d == huidige else ""
                    ),
                }
            ),
            titel=f"Planning {code}",
            key="beheer_planning",
            download=False,
        )
    with st.form("beheer_planning_nieuw"):
        tekst = st.text_input(
            "Nieuwe deadline", placeholder="Klaar Q4 2025, Start Q1 2026, In 2026"
        )
        bron = st.text_input("Bron", placeholder="Bijvoorbeeld: Kamerbrief voortgang, 12-03-2025")
        geldig_vanaf = st.date_input("Geldig vanaf", value=date.today(), format="DD-MM-YYYY")
        if st.form_submit_button("Nieuwe versie vastleggen"):

            def actie(session: Session) -> str:
                versie = levensloop.verplaats_deadline(
                    session=session,
                    gebruiker=context.gebruiker,
                    afspraak_code=code,
                    planning=tekst,
                    bron=bron,
                    geldig_vanaf=geldig_vanaf,
                )
                return (
                    f"Afspraak {code}: '{versie.tekst}' geldt vanaf {datum(versie.geldig_vanaf)}."
                )

            _schrijf(actie)
