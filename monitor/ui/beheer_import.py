"""Beheer tabs 'Import' and 'Export': upload, mapping of a survey platform's columns (confirm
once per source), dry-run report, import with progress; templates and exports to download.
The logic lives in monitor.uitwisseling: importeren, herkennen, koppeling, exporteren,
sjabloon."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from monitor.config import get_settings
from monitor.domain import ACTORTYPES
from monitor.errors import MonitorFout
from monitor.opmaak.excel import XLSX_MIME
from monitor.ui import data, veilig
from monitor.ui.page import PaginaContext
from monitor.ui.veilig import platte_tekst, tabel
from monitor.uitwisseling import exporteren, herkennen, importeren, koppeling, sjabloon
from monitor.uitwisseling.bestanden import kolom_naam

SESSIE_RAPPORT = "beheer_import_rapport"
SESSIE_MELDING = "beheer_import_melding"
SESSIE_EXPORT = "beheer_export"
SESSIE_HERKENNING = "beheer_import_herkenning"
SESSIE_AANPASSEN = "beheer_import_koppeling_aanpassen"  # (file, round) whose mapping is edited
KOPPELING_SLEUTEL = "koppeling_kolom_"


def _balk(tekst: str):
    """A progress bar and the callback (fraction, text) that moves it."""
    balk = st.progress(0.0, text=tekst)
    return balk, lambda fractie, melding: balk.progress(fractie, text=melding)


def import_sectie(context: PaginaContext, ronde: data.RondeInfo) -> None:
    """Upload → dry-run report (sheet, row, column, message) → 'Importeren' when all is well."""
    st.subheader(f"Antwoorden importeren in ronde {ronde.jaar}")
    st.caption(
        "Lange indeling: kolommen organisatiecode (of organisatienaam), vraagcode, antwoord en "
        "eventueel toelichting. Brede indeling: één rij per organisatie en een kolom per "
        "vraagcode. Eerst volgt een proefrun; er wordt pas iets opgeslagen als het hele "
        "bestand in orde is. Kies de ronde in de zijbalk."
    )
    if melding := st.session_state.pop(SESSIE_MELDING, None):
        st.success(melding)
    bestand = st.file_uploader(
        "Bestand met antwoorden (.xlsx of .csv)",
        type=["xlsx", "csv"],
        key="import_bestand",
        max_upload_size=get_settings().max_upload_mb,
    )
    if bestand is not None:
        herkenning = _herkenning(context, ronde, bestand)
        aanpassen = st.session_state.get(SESSIE_AANPASSEN) == (bestand.file_id, ronde.jaar)
        if herkenning.voorstel is not None and (herkenning.koppeling is None or aanpassen):
            _bevestig_koppeling(context, ronde, bestand, herkenning)
        else:
            if herkenning.koppeling is not None:
                st.info(
                    platte_tekst(
                        f"Koppeling '{herkenning.koppeling.naam}' herkend: de kolommen van dit "
                        "bestand worden daarmee gelezen."
                    )
                )
                if st.button("Koppeling aanpassen", key="koppeling_aanpassen"):
                    st.session_state[SESSIE_AANPASSEN] = (bestand.file_id, ronde.jaar)
                    st.rerun()
            rapport = _proefrun(context, ronde, bestand, herkenning.koppeling)
            _toon_rapport(rapport)
            kan = rapport.ok and (rapport.nieuw + rapport.gewijzigd) > 0
            if st.button("Importeren", type="primary", disabled=not kan, key="import_knop"):
                _importeer(context, ronde, bestand, herkenning.koppeling)
    _sjabloon_sectie(ronde)


def _herkenning(context: PaginaContext, ronde: data.RondeInfo, bestand) -> herkennen.Herkenning:
    """Our headers, a saved mapping or a proposal; kept per file and round."""
    sleutel = (bestand.file_id, ronde.jaar)
    bewaard = st.session_state.get(SESSIE_HERKENNING)
    if bewaard and bewaard[0] == sleutel:
        return bewaard[1]
    for k in [k for k in st.session_state if str(k).startswith(KOPPELING_SLEUTEL)]:
        del st.session_state[k]  # the selectboxes of an earlier file
    herkenning = herkennen.herken(
        data.engine(), data=bestand.getvalue(), bestandsnaam=bestand.name, jaar=ronde.jaar
    )
    st.session_state[SESSIE_HERKENNING] = (sleutel, herkenning)
    return herkenning


def _bevestig_koppeling(
    context: PaginaContext, ronde: data.RondeInfo, bestand, herkenning: herkennen.Herkenning
) -> None:
    """The proposed mapping, one selectbox per column; saved under a source name."""
    voorstel = herkenning.voorstel
    st.warning(
        "De kolommen van dit bestand zijn niet die van de monitor. Hieronder staat per kolom "
        "een voorstel; controleer of verbeter het en bewaar de koppeling onder de naam van de "
        "bron. Een volgend bestand met dezelfde kolommen wordt daarna direct ingelezen."
    )
    kop_rijen = st.number_input(
        "Aantal kopregels",
        min_value=1,
        max_value=koppeling.MAX_KOP_RIJEN,
        value=voorstel.kop_rijen,
        key=f"{KOPPELING_SLEUTEL}kop_rijen",
        help="Sommige platforms (zoals Qualtrics) zetten codes in de eerste en vraagteksten "
        "in de tweede regel.",
    )
    doelen: list[str | None] = [None, *herkennen.doelen(herkenning.vragen)]
    teksten = {v.code: v.tekst for v in herkenning.vragen}
    kolommen = []
    for kolom in voorstel.kolommen:
        kop = kolom_naam(kolom.index, kolom.tekst or kolom.kop)
        keuze = st.selectbox(
            platte_tekst(f"Kolom {kop}"),
            doelen,
            index=doelen.index(kolom.doel) if kolom.doel in doelen else 0,
            format_func=lambda d: _doel_tekst(d, teksten),
            key=f"{KOPPELING_SLEUTEL}{kolom.index}",
        )
        kolommen.append(replace(kolom, doel=keuze, zekerheid=1.0 if keuze else 0.0))
    naam = st.text_input(
        "Naam van de bron (bijv. het enquêteplatform)",
        value=herkenning.koppeling.naam if herkenning.koppeling else "",
        max_chars=koppeling.KOPPELINGNAAM.max_tekens,
        key=f"{KOPPELING_SLEUTEL}naam",
    )
    if st.button("Koppeling bewaren en controleren", type="primary", key="koppeling_knop"):
        bevestigd = koppeling.Voorstellen(tuple(kolommen), int(kop_rijen))
        try:
            bewaard = herkennen.bewaar_koppeling(
                data.engine(),
                gebruiker=context.gebruiker,
                koppeling=bevestigd.als_koppeling(naam),
                jaar=ronde.jaar,
            )
        except MonitorFout as fout:
            veilig.weigering(fout)
            return
        st.session_state.pop(SESSIE_AANPASSEN, None)
        st.session_state[SESSIE_HERKENNING] = (
            (bestand.file_id, ronde.jaar),
            herkennen.Herkenning(bewaard, bevestigd, herkenning.vragen),
        )
        st.rerun()


def _doel_tekst(doel: str | None, teksten: dict[str, str]) -> str:
    """'(negeren)', 'organisatienaam' or 'GEM.1.01 – Onze gemeente heeft …' for a selectbox."""
    if doel is None:
        return "(negeren)"
    code = doel.removesuffix(koppeling.TOELICHTING)
    if code not in teksten:
        return doel
    tekst = teksten[code]
    kort = tekst if len(tekst) <= 70 else tekst[:69] + "…"
    return f"{doel} – {kort}"


def _proefrun(
    context: PaginaContext, ronde: data.RondeInfo, bestand, gekoppeld: koppeling.Koppeling | None
) -> importeren.ImportRapport:
    """The dry run of this upload, kept per file, round, mapping and data version."""
    sleutel = (bestand.file_id, ronde.jaar, gekoppeld, context.versie)
    bewaard = st.session_state.get(SESSIE_RAPPORT)
    if bewaard and bewaard[0] == sleutel:
        return bewaard[1]
    balk, voortgang = _balk("Bestand controleren…")
    rapport = importeren.importeer(
        data.engine(),
        gebruiker=context.gebruiker,
        data=bestand.getvalue(),
        bestandsnaam=bestand.name,
        jaar=ronde.jaar,
        toepassen=False,
        voortgang=voortgang,
        koppeling=gekoppeld,
    )
    balk.empty()
    st.session_state[SESSIE_RAPPORT] = (sleutel, rapport)
    return rapport


def _toon_rapport(rapport: importeren.ImportRapport) -> None:
    if not rapport.ok:
        # file and sheet names and cell text in the messages come from the uploaded file
        st.error(platte_tekst(rapport.samenvatting()))
        tabel(
            rapport.tabel().rename(
                columns={"blad": "Blad", "rij": "Rij", "kolom": "Kolom", "melding": "Melding"}
            ),
            titel=f"Importrapport {rapport.bestandsnaam}",
            key="importrapport",
        )
        return
    st.info(platte_tekst(rapport.samenvatting()))
    kolommen = st.columns(4)
    kolommen[0].metric("Nieuw", rapport.nieuw)
    kolommen[1].metric("Gewijzigd", rapport.gewijzigd)
    kolommen[2].metric("Ongewijzigd", rapport.ongewijzigd)
    kolommen[3].metric("Organisaties", rapport.organisaties)
    if rapport.nieuw + rapport.gewijzigd == 0:
        st.caption("Er verandert niets: deze antwoorden staan er al zo in.")


def _importeer(
    context: PaginaContext, ronde: data.RondeInfo, bestand, gekoppeld: koppeling.Koppeling | None
) -> None:
    balk, voortgang = _balk("Importeren…")
    try:
        rapport = importeren.importeer(
            data.engine(),
            gebruiker=context.gebruiker,
            data=bestand.getvalue(),
            bestandsnaam=bestand.name,
            jaar=ronde.jaar,
            toepassen=True,
            voortgang=voortgang,
            koppeling=gekoppeld,
        )
    except MonitorFout as fout:
        balk.empty()
        veilig.weigering(fout)
        return
    balk.empty()
    if not rapport.ok:  # the database changed since the dry run
        _toon_rapport(rapport)
        return
    st.cache_data.clear()
    st.session_state.pop(SESSIE_RAPPORT, None)
    st.session_state[SESSIE_MELDING] = (
        f"Geïmporteerd: {rapport.nieuw} nieuwe en {rapport.gewijzigd} gewijzigde antwoorden "
        f"van {rapport.organisaties} organisaties ({rapport.ongewijzigd} ongewijzigd)."
    )
    st.rerun()


def _sjabloon_sectie(ronde: data.RondeInfo) -> None:
    st.subheader("Sjabloon")
    st.caption("Een leeg importbestand met de juiste kolommen, de vragen en keuzelijsten.")
    links, rechts = st.columns(2)
    actortype = links.selectbox(
        "Actortype",
        [a.code for a in ACTORTYPES],
        format_func=lambda c: next(a.label for a in ACTORTYPES if a.code == c),
        key="sjabloon_actortype",
    )
    layout = rechts.radio(
        "Indeling",
        sjabloon.LAYOUTS,
        format_func=lambda x: {"breed": "Breed (rij per organisatie)", "lang": "Lang"}[x],
        horizontal=True,
        key="sjabloon_layout",
    )
    st.download_button(
        "Download sjabloon",
        data=lambda: sjabloon.sjabloon_uit_database(
            data.engine(), jaar=ronde.jaar, actortype=actortype, layout=layout
        ),
        file_name=f"sjabloon_{actortype}_{ronde.jaar}_{layout}.xlsx",
        mime=XLSX_MIME,
        key="sjabloon_download",
    )


def export_sectie(context: PaginaContext, ronde: data.RondeInfo) -> None:
    """Build an export with a progress bar, then offer it for download."""
    st.subheader(f"Ronde {ronde.jaar} exporteren")
    formaat = st.radio(
        "Formaat",
        ("xlsx", "csv"),
        format_func=lambda f: {
            "xlsx": "Excel: tabellen per thema, respons, beleving en ruwe antwoorden",
            "csv": "CSV: ruwe antwoorden (ook als back-up; opnieuw te importeren)",
        }[f],
        key="export_formaat",
    )
    sleutel = (ronde.jaar, formaat, context.versie)
    if st.button("Export maken", key="export_knop"):
        balk, voortgang = _balk("Export maken…")
        inhoud = exporteren.exporteer(
            data.engine(),
            gebruiker=context.gebruiker,
            jaar=ronde.jaar,
            formaat=formaat,
            voortgang=voortgang,
        )
        balk.empty()
        st.session_state[SESSIE_EXPORT] = (sleutel, inhoud)
    bewaard = st.session_state.get(SESSIE_EXPORT)
    if bewaard and bewaard[0] == sleutel:
        st.download_button(
            f"Download export ronde {ronde.jaar} (.{formaat})",
            data=bewaard[1],
            file_name=f"monitor_{ronde.jaar}.{formaat}",
            mime=XLSX_MIME if formaat == "xlsx" else "text/csv",
            key="export_download",
            type="primary",
        )
