"""The parts of the Invullen page: one widget per question, saved the moment it is answered.

Every answer is saved as concept in its own transaction from the widget's ``on_change``
callback, so switching thema, a dropped connection or a reload loses nothing that was given.
The widget remembers the versie it was based on; a colleague's save in between comes back as
a conflict that shows both values and lets the person choose.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import streamlit as st

from monitor import invoer
from monitor.domain import BELEVING_STAM, VRAAGTYPES_MET_OPTIES, VRAAGTYPES_NUMERIEK, Vraagtype
from monitor.errors import MonitorFout
from monitor.invullen import antwoorden
from monitor.invullen.antwoorden import InvulVraag
from monitor.models import Inzending, Ronde
from monitor.opmaak.tekst import datum, datum_tijd, getal_exact
from monitor.rechten import Gebruiker
from monitor.rondes import statusdefinities
from monitor.store import rondes as rondes_store
from monitor.store import schrijven, sessie
from monitor.ui import data
from monitor.ui.veilig import platte_tekst

CONFLICTEN = "invul_conflicten"
FOUTEN = "invul_fouten"


@dataclass(frozen=True)
class InvulStand:
    """What the page needs about one organisation in the open round."""

    ronde: Ronde
    organisatie_code: str
    vragen: list[InvulVraag]
    inzending: Inzending | None
    alleen_lezen: str | None  # why the answers are read-only, or None
    definities: dict[str, str] = field(default_factory=dict)  # optie → betekenis this round


def lees_stand(gebruiker: Gebruiker, organisatie_code: str) -> InvulStand | None:
    """Fresh from the database on every run (never cached: it is someone's own work)."""
    with sessie.lees(data.engine()) as session:
        ronde = antwoorden.open_ronde(session)
        if ronde is None:
            return None
        vragen = antwoorden.lees_vragenlijst(session, gebruiker, ronde, organisatie_code)
        inzending = antwoorden.inzending(session, ronde, organisatie_code)
        definities = {d.optie: d.betekenis for d in statusdefinities.van_ronde(session, ronde)}
        sessie.ontkoppel(session)
    reden = antwoorden.waarom_alleen_lezen(ronde, inzending, gebruiker, _nu().date())
    return InvulStand(ronde, organisatie_code, vragen, inzending, reden, definities)


def _nu() -> datetime:
    return datetime.now(UTC)


def _sleutel(soort: str, org: str, vraag: InvulVraag) -> str:
    return f"{soort}-{org}-{vraag.vraag_id}"


def _begin_waarde(vraag: InvulVraag) -> object:
    """The stored answer in the form the widget holds it."""
    if vraag.waarde in (None, ""):
        return [] if vraag.vraagtype == Vraagtype.MEERKEUZE else None
    if vraag.vraagtype == Vraagtype.MEERKEUZE:
        return vraag.waarde.split(";")
    if vraag.vraagtype in VRAAGTYPES_NUMERIEK:  # typed as text, in Dutch notation
        return getal_exact(float(vraag.waarde))
    return vraag.waarde


def _zorg_voor_state(org: str, vraag: InvulVraag) -> None:
    """Widgets start from the database once per session; after that the session leads."""
    if _sleutel("versie", org, vraag) not in st.session_state:
        st.session_state[_sleutel("versie", org, vraag)] = vraag.versie
        st.session_state[_sleutel("antwoord", org, vraag)] = _begin_waarde(vraag)
        st.session_state[_sleutel("toelichting", org, vraag)] = vraag.toelichting or ""
        st.session_state[_sleutel("voorlopig", org, vraag)] = vraag.voorlopig


def _bewaar(gebruiker: Gebruiker, ronde_id: int, org: str, vraag: InvulVraag) -> None:
    """on_change: save this question's answer and toelichting as concept."""
    waarde = st.session_state[_sleutel("antwoord", org, vraag)]
    toelichting = st.session_state[_sleutel("toelichting", org, vraag)]
    voorlopig = st.session_state[_sleutel("voorlopig", org, vraag)]
    basis = st.session_state[_sleutel("versie", org, vraag)]
    _opslaan(gebruiker, ronde_id, org, vraag, waarde, toelichting, basis, voorlopig)


def _opslaan(gebruiker, ronde_id, org, vraag, waarde, toelichting, basis, voorlopig) -> None:
    st.session_state.setdefault(FOUTEN, {}).pop(vraag.vraag_id, None)
    st.session_state.setdefault(CONFLICTEN, {}).pop(vraag.vraag_id, None)
    try:
        with sessie.schrijf(data.engine()) as session:
            nieuwe_versie = antwoorden.save_antwoord(
                session,
                gebruiker,
                ronde=rondes_store.ronde(session, ronde_id),
                organisatie_code=org,
                vraag_id=vraag.vraag_id,
                waarde=waarde,
                toelichting=toelichting,
                basis_versie=basis,
                nu=_nu(),
                voorlopig=voorlopig,
            )
    except antwoorden.VersieConflict as conflict:
        st.session_state[CONFLICTEN][vraag.vraag_id] = (conflict, waarde, toelichting, voorlopig)
        return
    except MonitorFout as fout:
        st.session_state[FOUTEN][vraag.vraag_id] = str(fout)
        return
    st.session_state[_sleutel("versie", org, vraag)] = nieuwe_versie
    st.session_state["invul_laatst_bewaard"] = _nu()


def _kies_eigen(gebruiker, ronde_id, org, vraag: InvulVraag) -> None:
    """Conflict: keep my value, knowingly, on top of the colleague's versie."""
    conflict, waarde, toelichting, voorlopig = st.session_state[CONFLICTEN][vraag.vraag_id]
    _opslaan(gebruiker, ronde_id, org, vraag, waarde, toelichting, conflict.versie, voorlopig)


def _kies_collega(org: str, vraag: InvulVraag) -> None:
    """Conflict: take the colleague's value; my widget shows it from now on."""
    conflict, _, _, _ = st.session_state[CONFLICTEN].pop(vraag.vraag_id)
    overgenomen = replace(
        vraag,
        waarde=conflict.waarde,
        toelichting=conflict.toelichting,
        versie=conflict.versie,
        voorlopig=conflict.voorlopig,
    )
    st.session_state[_sleutel("versie", org, vraag)] = conflict.versie
    st.session_state[_sleutel("antwoord", org, vraag)] = _begin_waarde(overgenomen)
    st.session_state[_sleutel("toelichting", org, vraag)] = conflict.toelichting or ""
    st.session_state[_sleutel("voorlopig", org, vraag)] = conflict.voorlopig


def toon_vraag(gebruiker: Gebruiker, stand: InvulStand, vraag: InvulVraag) -> None:
    """One question in a bordered box: text, planning, last round, widget, toelichting."""
    org = stand.organisatie_code
    _zorg_voor_state(org, vraag)
    uit = stand.alleen_lezen is not None
    args = (gebruiker, stand.ronde.id, org, vraag)
    with st.container(border=True):
        regels = [f"Vraag {vraag.code}"]
        if vraag.vraagtype in VRAAGTYPES_NUMERIEK:
            regels.append(f"toegestaan: {antwoorden.getal_bereik(vraag)}")
        if vraag.planning:
            regels.append(f"planning: {vraag.planning}")
        regels.append(f"vorige ronde: {vraag.vorig_antwoord or 'geen antwoord'}")
        _widget(vraag, _sleutel("antwoord", org, vraag), uit, args, stand.definities)
        st.caption(" · ".join(regels))
        st.text_area(
            f"Toelichting bij {vraag.code} (optioneel)",
            key=_sleutel("toelichting", org, vraag),
            disabled=uit,
            on_change=_bewaar,
            args=args,
            height=68,
            max_chars=antwoorden.MAX_TEKST,
            placeholder="Licht uw antwoord toe, zonder namen van personen.",
        )
        st.checkbox(
            f"Antwoord op {vraag.code} is voorlopig",
            key=_sleutel("voorlopig", org, vraag),
            disabled=uit,
            on_change=_bewaar,
            args=args,
        )
        _meldingen(gebruiker, stand, vraag)


def _widget(
    vraag: InvulVraag, key: str, uit: bool, args: tuple, definities: dict[str, str]
) -> None:
    """The input of one question; a status or ja/nee option shows what it means this round."""
    label = vraag.tekst + ("" if vraag.verplicht else " (niet verplicht)")
    gemeen = {"key": key, "disabled": uit, "on_change": _bewaar, "args": args}
    labels = {o.code: o.label for o in vraag.opties}
    if vraag.vraagtype == Vraagtype.MEERKEUZE:
        st.multiselect(
            label,
            list(labels),
            format_func=labels.get,
            placeholder="Kies één of meer",
            select_all=False,  # Streamlit's "Select all" is English
            **gemeen,
        )
    elif vraag.vraagtype in VRAAGTYPES_MET_OPTIES:
        if vraag.vraagtype == Vraagtype.LIKERT5:
            st.markdown(f"**{BELEVING_STAM}**")
        uitleg = [platte_tekst(definities.get(c, "")) for c in labels]  # typed by a beheerder
        st.radio(
            label,
            list(labels),
            format_func=labels.get,
            horizontal=True,
            captions=uitleg if any(uitleg) else None,
            **gemeen,
        )
    elif vraag.vraagtype in VRAAGTYPES_NUMERIEK:
        # A text field, not st.number_input: that one reads '2,5' as 25 and speaks English.
        # The write path reads the text with the import's Dutch number rules.
        voorbeeld = "1.234,50" if vraag.vraagtype == Vraagtype.BEDRAG else "2,5"
        eenheid = "bedrag in euro, " if vraag.vraagtype == Vraagtype.BEDRAG else ""
        st.text_input(
            label,
            max_chars=invoer.GETAL.max_tekens,
            placeholder=f"{eenheid}bijvoorbeeld {voorbeeld}".capitalize(),
            **gemeen,
        )
    else:
        st.text_area(label, max_chars=antwoorden.MAX_TEKST, **gemeen)


def _meldingen(gebruiker: Gebruiker, stand: InvulStand, vraag: InvulVraag) -> None:
    fout = st.session_state.get(FOUTEN, {}).get(vraag.vraag_id)
    if fout:
        st.error(f"Niet bewaard. {platte_tekst(fout)}")
    conflict_info = st.session_state.get(CONFLICTEN, {}).get(vraag.vraag_id)
    if not conflict_info:
        return
    conflict, mijn_waarde, mijn_toelichting, _ = conflict_info

    def tekst_van(waarde: object) -> str:
        if isinstance(waarde, str) and vraag.vraagtype in VRAAGTYPES_NUMERIEK:
            return waarde or "geen antwoord"  # as typed, in Dutch notation
        if isinstance(waarde, list):
            waarde = ";".join(waarde)
        opgeslagen = None if waarde is None else str(waarde)
        return antwoorden.toon_waarde(vraag.vraagtype, vraag.opties, opgeslagen) or "geen antwoord"

    wanneer = f" op {datum_tijd(conflict.op)}" if conflict.op else ""
    # names, values and toelichtingen are user text: plain, never Markdown (no links, no images)
    st.warning(
        f"**Niet bewaard: {platte_tekst(conflict.door or 'een collega')} heeft dit antwoord "
        f"intussen gewijzigd{wanneer}.**\n\n"
        f"- Waarde van uw collega: **{platte_tekst(tekst_van(conflict.waarde))}**"
        f" — toelichting: {platte_tekst(conflict.toelichting or '–')}\n"
        f"- Uw waarde: **{platte_tekst(tekst_van(mijn_waarde))}**"
        f" — toelichting: {platte_tekst(mijn_toelichting or '–')}"
    )
    links, rechts = st.columns(2)
    args = (gebruiker, stand.ronde.id, stand.organisatie_code, vraag)
    links.button(
        "Mijn waarde bewaren", key=f"eigen-{vraag.vraag_id}", on_click=_kies_eigen, args=args
    )
    rechts.button(
        "Waarde van collega overnemen",
        key=f"collega-{vraag.vraag_id}",
        on_click=_kies_collega,
        args=(stand.organisatie_code, vraag),
    )


def dien_in(gebruiker: Gebruiker, stand: InvulStand, *, voorlopig: bool = False) -> str | None:
    """Submit (``voorlopig``: as provisional); returns an error message, or None when done."""
    try:
        with sessie.schrijf(data.engine()) as session:
            antwoorden.indienen(
                session,
                gebruiker,
                ronde=rondes_store.ronde(session, stand.ronde.id),
                organisatie_code=stand.organisatie_code,
                nu=_nu(),
                voorlopig=voorlopig,
            )
            schrijven.bump_data_versie(session=session)
    except MonitorFout as fout:
        return str(fout)
    return None


# --------------------------------------------------------------------------------------------
# Leading through the steps

STAP = "stap"  # the key of the step selectbox and of ``?stap=`` in the URL


def ga_naar_stap(stap: int) -> None:
    """on_click: show step ``stap`` (a thema number, 0 for controleren) on the next run."""
    st.session_state[STAP] = stap
    st.query_params[STAP] = str(stap)


def stap_knoppen(stappen: list[int], stap: int, label: Callable[[int], str]) -> None:
    """'Vorige' and 'Volgende' under a step, each naming the step it goes to."""
    i = stappen.index(stap)
    links, rechts = st.columns(2)
    if i > 0:
        links.button(
            f"← Vorige: {label(stappen[i - 1])}",
            key="stap_vorige",
            on_click=ga_naar_stap,
            args=(stappen[i - 1],),
        )
    if i < len(stappen) - 1:
        rechts.button(
            f"Volgende: {label(stappen[i + 1])} →",
            key="stap_volgende",
            type="primary",
            on_click=ga_naar_stap,
            args=(stappen[i + 1],),
        )


def ontbrekende_vragen(vragen: list[InvulVraag], titels: dict[int, str]) -> None:
    """Required questions without an answer: their text, thema and a button to their step."""
    n = len(vragen)
    st.warning(
        f"Nog {n} verplichte {'vraag' if n == 1 else 'vragen'} zonder antwoord. "
        "Beantwoord ze voordat u indient."
    )
    for vraag in vragen:
        with st.container(border=True):
            tekst, knop = st.columns([4, 1], vertical_alignment="center")
            tekst.text(vraag.tekst)  # plain text, never HTML
            thema = f"thema {vraag.thema_nr}. {titels.get(vraag.thema_nr, '')}".rstrip(". ")
            tekst.caption(f"Vraag {vraag.code} · {thema}")
            if vraag.thema_nr is not None:
                knop.button(
                    f"Naar thema {vraag.thema_nr}",
                    key=f"naar-{vraag.vraag_id}",
                    on_click=ga_naar_stap,
                    args=(vraag.thema_nr,),
                )


def benchmark_na_indienen(ronde: Ronde) -> str:
    """What Benchmark shows of the round just submitted, and from when."""
    return (
        f"Op de pagina Benchmark vergelijkt u uw antwoorden met die van anderen. Die pagina "
        f"toont eerst de laatst gesloten ronde; ronde {ronde.jaar} kiest u daar links bij "
        f"'Ronde'. Zolang ronde {ronde.jaar} open is, telt de vergelijking alleen de "
        f"organisaties die al hebben ingediend; na de sluitdatum "
        f"({datum(ronde.sluit_datum)}) is ze compleet."
    )
