"""Filling in the questionnaire: reading one organisation's answers, saving, submitting.

The only path by which a person changes answers. Every function takes the acting
:class:`Gebruiker` and refuses what it may not do, whatever page called it.

Saving is optimistic: every answer carries a ``versie``. A save names the versie it was based
on; when a colleague saved meanwhile, the save is refused with :class:`VersieConflict`
carrying both values, so that the person can choose. The update itself is a compare-and-swap
(``UPDATE … WHERE versie = :basis``), which is safe on PostgreSQL's read committed as well as
on SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from monitor import invoer as invoerregels
from monitor.domain import (
    VRAAGTYPES_MET_OPTIES,
    VRAAGTYPES_NUMERIEK,
    AntwoordStatus,
    Optie,
    RondeStatus,
    Vraagtype,
    optie_label,
    opties_voor,
    parse_opties,
)
from monitor.errors import MonitorFout
from monitor.kengetallen.planning import planning_in_kracht
from monitor.models import Antwoord, Inzending, Ronde, Vraag
from monitor.opmaak.tekst import (
    GetalFout,
    bereik,
    datum_kort,
    euro,
    getal,
    getal_exact,
    ja_nee,
    lees_getal,
)
from monitor.rechten import Gebruiker, Recht, mag, vereis, vereis_organisatie
from monitor.store import antwoorden as antwoorden_store
from monitor.store import lezen as queries
from monitor.store import rondes as rondes_store
from monitor.store import schrijven
from monitor.store.sessie import Session

MAX_TEKST = invoerregels.TOELICHTING.max_tekens  # the form's max_chars; the rule is in invoer


class WaardeFout(MonitorFout):
    """An answer that does not fit its question; the message names the question."""


class VersieConflict(MonitorFout):
    """A save based on an older versie: someone else saved this answer meanwhile."""

    def __init__(self, vraag_code: str, huidig: Antwoord | None) -> None:
        self.vraag_code = vraag_code
        self.waarde = huidig.waarde if huidig else None
        self.toelichting = huidig.toelichting if huidig else None
        self.versie = huidig.versie if huidig else 0
        self.voorlopig = bool(huidig and huidig.voorlopig)
        self.door = huidig.gewijzigd_door if huidig else None
        self.op = huidig.gewijzigd_op if huidig else None
        wie = f" door {self.door}" if self.door else ""
        super().__init__(
            f"Vraag {vraag_code}: dit antwoord is intussen{wie} gewijzigd. Kies welke waarde "
            "u wilt bewaren; er is niets overschreven."
        )


@dataclass(frozen=True)
class InvulVraag:
    """One question as the invuller sees it, with the stored answer and last round's."""

    vraag_id: int
    code: str
    thema_nr: int | None
    afspraak_code: str | None
    vraagtype: str
    tekst: str
    opties: tuple[Optie, ...]
    toon_als: str
    minimum: float | None
    maximum: float | None
    verplicht: bool
    planning: str | None  # e.g. 'Klaar Q2 2024 (Implementatieplan)'
    vorig_antwoord: str | None  # last round's answer, as shown (label, number)
    waarde: str | None
    toelichting: str | None
    versie: int  # 0: not answered yet
    voorlopig: bool = False  # marked as provisional by the invuller


# --------------------------------------------------------------------------------------------
# Who may do what


def vereis_lezen(gebruiker: Gebruiker, organisatie_code: str) -> None:
    """Invullers read their own organisation's answers only; kijkers and beheerders all."""
    vereis_organisatie(
        gebruiker,
        organisatie_code,
        recht=Recht.INVULLEN,
        recht_alle=Recht.LEZEN_VOOR_ALLE,
        wat="de antwoorden zien",
    )


def vereis_schrijven(gebruiker: Gebruiker, organisatie_code: str) -> None:
    """Invullers change their own organisation's answers; beheerders any; kijkers none."""
    vereis_organisatie(
        gebruiker,
        organisatie_code,
        recht=Recht.INVULLEN,
        recht_alle=Recht.INVULLEN_VOOR_ALLE,
        wat="de antwoorden wijzigen",
    )


NIET_OPEN = {
    RondeStatus.CONCEPT.value: "de ronde is nog in voorbereiding",
    RondeStatus.GESLOTEN.value: "de ronde is gesloten",
    RondeStatus.GEPUBLICEERD.value: (
        "de ronde is gepubliceerd; antwoorden kunnen niet meer veranderen"
    ),
}


def waarom_alleen_lezen(
    ronde: Ronde, inzending: Inzending | None, gebruiker: Gebruiker, vandaag: date
) -> str | None:
    """Why the answers cannot be changed now (Dutch), or None when they can.

    The one rule for filling in: the write path refuses with this reason and the invullen
    page shows it. Answers change only in an open round, until the organisation submits; an
    invuller until the sluitdatum (that day included) unless a beheerder reopened the answers,
    a beheerder also after it.
    """
    if ronde.status != RondeStatus.OPEN:
        reden = NIET_OPEN.get(ronde.status, f"de ronde staat op '{ronde.status}'")
        return f"Ronde {ronde.jaar} is niet open voor invullen: {reden}."
    if inzending is not None and inzending.status == AntwoordStatus.INGEDIEND:
        return (
            "De antwoorden zijn ingediend en kunnen niet meer worden gewijzigd. Een beheerder "
            "kan ze heropenen."
        )
    heropend = inzending is not None and inzending.heropend_door is not None
    sluit = ronde.sluit_datum
    if not mag(gebruiker, Recht.INVULLEN_VOOR_ALLE) and sluit and vandaag > sluit and not heropend:
        return (
            f"De sluitdatum ({datum_kort(sluit)}) is voorbij; de antwoorden zijn alleen te lezen. "
            "Een beheerder kan ze heropenen."
        )
    return None


def _vereis_bewerkbaar(
    session: Session, gebruiker: Gebruiker, ronde: Ronde, organisatie_code: str, vandaag: date
) -> None:
    vereis_schrijven(gebruiker, organisatie_code)
    reden = waarom_alleen_lezen(
        ronde, inzending(session, ronde, organisatie_code), gebruiker, vandaag
    )
    if reden:
        raise MonitorFout(reden)


# --------------------------------------------------------------------------------------------
# Reading


def open_ronde(session: Session) -> Ronde | None:
    """The newest round that is open for filling in."""
    return rondes_store.open_ronde(session)


def inzending(session: Session, ronde: Ronde, organisatie_code: str) -> Inzending | None:
    return antwoorden_store.inzending(session, ronde_id=ronde.id, organisatie_code=organisatie_code)


def lees_vragenlijst(
    session: Session, gebruiker: Gebruiker, ronde: Ronde, organisatie_code: str
) -> list[InvulVraag]:
    """The organisation's questions of the round, in order, with its answers."""
    vereis_lezen(gebruiker, organisatie_code)
    organisatie = queries.organisatie(session, organisatie_code)
    if organisatie is None:
        raise MonitorFout(f"Organisatie '{organisatie_code}' bestaat niet.")
    vragen = rondes_store.vragen_voor_actortype(
        session, ronde_id=ronde.id, actortype=organisatie.actortype
    )
    antwoorden = antwoorden_store.antwoorden_van(
        session, ronde_id=ronde.id, organisatie_code=organisatie_code
    )
    vorige = _vorige_antwoorden(session, vragen, organisatie_code)
    planning = _planning_teksten(session, ronde.peildatum)
    uitkomst = []
    for vraag in vragen:
        antwoord = antwoorden.get(vraag.id)
        opties = opties_voor(vraag.vraagtype, parse_opties(vraag.opties))
        uitkomst.append(
            InvulVraag(
                vraag_id=vraag.id,
                code=vraag.code,
                thema_nr=vraag.thema_nr,
                afspraak_code=vraag.afspraak_code,
                vraagtype=vraag.vraagtype,
                tekst=vraag.tekst,
                opties=opties,
                toon_als=vraag.toon_als,
                minimum=vraag.minimum,
                maximum=vraag.maximum,
                verplicht=vraag.verplicht,
                planning=planning.get(vraag.afspraak_code or ""),
                vorig_antwoord=toon_waarde(vraag.vraagtype, opties, vorige.get(vraag.id)),
                waarde=antwoord.waarde if antwoord else None,
                toelichting=antwoord.toelichting if antwoord else None,
                versie=antwoord.versie if antwoord else 0,
                voorlopig=bool(antwoord and antwoord.voorlopig),
            )
        )
    return uitkomst


def _vorige_antwoorden(
    session: Session, vragen: list[Vraag], organisatie_code: str
) -> dict[int, str | None]:
    """Per vraag id the answer to its predecessor in the previous round."""
    voorgangers = {v.voorganger_id: v.id for v in vragen if v.voorganger_id is not None}
    if not voorgangers:
        return {}
    waarden = antwoorden_store.waarden_op_vragen(
        session, organisatie_code=organisatie_code, vraag_ids=voorgangers
    )
    return {voorgangers[vraag_id]: waarde for vraag_id, waarde in waarden.items()}


def _planning_teksten(session: Session, peildatum: date | None) -> dict[str, str]:
    planning = planning_in_kracht(queries.planning_frame(session), peildatum)
    return {
        rij.afspraak_code: f"{rij.tekst} ({rij.bron})" for rij in planning.itertuples(index=False)
    }


def toon_waarde(vraagtype: str, opties: tuple[Optie, ...], waarde: str | None) -> str | None:
    """A stored answer as a person reads it: labels, Dutch numbers, euro amounts."""
    if waarde is None or waarde == "":
        return None
    if vraagtype in VRAAGTYPES_MET_OPTIES:
        return ", ".join(optie_label(code, opties) for code in waarde.split(";") if code)
    if vraagtype == Vraagtype.BEDRAG:
        return euro(float(waarde))
    if vraagtype == Vraagtype.GETAL:
        return getal(float(waarde))
    return waarde


def zichtbaar(vraag: InvulVraag, waarden: dict[str, str | None]) -> bool:
    """A question with ``toon_als`` 'CODE=optie' is asked only after that answer."""
    if not vraag.toon_als:
        return True
    code, _, optie = vraag.toon_als.partition("=")
    return optie in (waarden.get(code.strip()) or "").split(";")


@dataclass(frozen=True)
class ThemaVoortgang:
    thema_nr: int | None
    beantwoord: int
    totaal: int


def invulvoortgang(vragen: list[InvulVraag]) -> list[ThemaVoortgang]:
    """Per thema how many of the asked questions have an answer (hidden ones do not count)."""
    waarden = {v.code: v.waarde for v in vragen}
    per_thema: dict[int | None, list[int]] = {}
    for vraag in vragen:
        if not zichtbaar(vraag, waarden):
            continue
        teller = per_thema.setdefault(vraag.thema_nr, [0, 0])
        teller[1] += 1
        teller[0] += vraag.waarde not in (None, "")
    return [ThemaVoortgang(nr, b, t) for nr, (b, t) in sorted(per_thema.items(), key=_thema_sort)]


def _thema_sort(item: tuple[int | None, list[int]]) -> int:
    return item[0] if item[0] is not None else 99


def ontbrekend(vragen: list[InvulVraag]) -> list[InvulVraag]:
    """Required, asked questions without an answer: these block submitting."""
    waarden = {v.code: v.waarde for v in vragen}
    return [v for v in vragen if v.verplicht and zichtbaar(v, waarden) and v.waarde in (None, "")]


# --------------------------------------------------------------------------------------------
# Validation


def normaliseer_waarde(
    *,
    code: str,
    vraagtype: str,
    opties: tuple[Optie, ...],
    minimum: float | None,
    maximum: float | None,
    invoer: object,
) -> str | None:
    """The value to store for an answer given in a widget, or a WaardeFout naming the vraag.

    Empty input clears the answer (None). Options are stored as codes ('a;b' for meerkeuze,
    in the order of the options), numbers as plain text with a decimal point.
    """
    if invoer is None or invoer == "" or invoer == [] or invoer == ():
        return None
    if vraagtype in VRAAGTYPES_MET_OPTIES:
        return _normaliseer_opties(code, vraagtype, opties, invoer)
    if vraagtype in VRAAGTYPES_NUMERIEK:
        return _normaliseer_getal(code, vraagtype, minimum, maximum, invoer)
    tekst = str(invoer).strip()
    return _controleer(tekst, grens=invoerregels.ANTWOORD, code=code) or None


def _controleer(tekst: str, *, grens: invoerregels.Grens, code: str) -> str:
    try:
        invoerregels.controleer_tekst(tekst, grens, waar=f"Vraag {code}")
    except invoerregels.TekstFout as fout:
        raise WaardeFout(str(fout)) from None
    return tekst


def _normaliseer_opties(code: str, vraagtype: str, opties: tuple[Optie, ...], invoer) -> str:
    gekozen = list(invoer) if isinstance(invoer, list | tuple | set) else [invoer]
    codes = [o.code for o in opties]
    onbekend = [str(g) for g in gekozen if g not in codes]
    if onbekend:
        toegestaan = ", ".join(o.label for o in opties)
        raise WaardeFout(
            f"Vraag {code}: '{onbekend[0]}' is geen antwoordmogelijkheid (kies uit: {toegestaan})."
        )
    if vraagtype != Vraagtype.MEERKEUZE and len(gekozen) > 1:
        raise WaardeFout(f"Vraag {code}: kies één antwoord.")
    return ";".join(c for c in codes if c in gekozen)


def _ondergrens(vraagtype: str, minimum: float | None) -> float | None:
    """An amount is never negative, also when the questionnaire gives no minimum."""
    return minimum if minimum is not None else (0.0 if vraagtype == Vraagtype.BEDRAG else None)


def getal_bereik(vraag: InvulVraag) -> str:
    """The numbers a number question accepts, in words ('van 0 tot en met 100', 'elk getal')."""
    return bereik(_ondergrens(vraag.vraagtype, vraag.minimum), vraag.maximum) or "elk getal"


def _normaliseer_getal(
    code: str, vraagtype: str, minimum: float | None, maximum: float | None, invoer
) -> str:
    """A number typed in Dutch notation ('2,5', '1.234,5') or given as a number, in bounds.

    Only the digits 0–9 count (the reader is ASCII-only), and every question has bounds: its
    own, else ``invoer.getal_grenzen``'s."""
    try:
        waarde = lees_getal(invoer) if isinstance(invoer, str) else float(invoer)
    except GetalFout as fout:
        raise WaardeFout(f"Vraag {code}: {fout}") from None
    except (TypeError, ValueError, OverflowError):
        raise WaardeFout(f"Vraag {code}: '{invoer}' is geen getal.") from None
    if not invoerregels.eindig_getal(waarde):
        raise WaardeFout(f"Vraag {code}: '{invoer}' is geen getal.")
    ondergrens, bovengrens = invoerregels.getal_grenzen(_ondergrens(vraagtype, minimum), maximum)
    if not ondergrens <= waarde <= bovengrens:
        raise WaardeFout(
            f"Vraag {code}: {getal_exact(waarde)} ligt buiten het toegestane bereik: "
            f"{bereik(ondergrens, bovengrens)}."
        )
    if vraagtype == Vraagtype.BEDRAG:
        waarde = round(waarde, 2)
    return str(int(waarde)) if waarde.is_integer() else repr(waarde)


def _normaliseer_toelichting(code: str, toelichting: str | None) -> str | None:
    if toelichting is None:
        return None
    tekst = toelichting.strip()
    return _controleer(tekst, grens=invoerregels.TOELICHTING, code=code) or None


# --------------------------------------------------------------------------------------------
# Writing


def save_antwoord(
    session: Session,
    gebruiker: Gebruiker,
    *,
    ronde: Ronde,
    organisatie_code: str,
    vraag_id: int,
    waarde: object,
    toelichting: str | None,
    basis_versie: int,
    nu: datetime,
    voorlopig: bool | None = None,
) -> int:
    """Save one answer as concept; returns its new versie (unchanged when nothing changed).

    ``voorlopig`` marks the answer as provisional; None keeps the stored mark. Raises
    GeenToegang, MonitorFout (round closed, submitted), WaardeFout, or VersieConflict when
    ``basis_versie`` is not the stored versie.
    """
    _vereis_bewerkbaar(session, gebruiker, ronde, organisatie_code, nu.date())
    vraag = _vraag_van(session, ronde, organisatie_code, vraag_id)
    opties = opties_voor(vraag.vraagtype, parse_opties(vraag.opties))
    nieuw = normaliseer_waarde(
        code=vraag.code,
        vraagtype=vraag.vraagtype,
        opties=opties,
        minimum=vraag.minimum,
        maximum=vraag.maximum,
        invoer=waarde,
    )
    nieuwe_toelichting = _normaliseer_toelichting(vraag.code, toelichting)
    huidig = _huidig_antwoord(session, ronde, organisatie_code, vraag_id)
    huidige_versie = huidig.versie if huidig else 0
    if huidige_versie != basis_versie:
        raise VersieConflict(vraag.code, huidig)
    oud_voorlopig = bool(huidig and huidig.voorlopig)
    nieuw_voorlopig = oud_voorlopig if voorlopig is None else bool(voorlopig)
    inhoud = (nieuw, nieuwe_toelichting, nieuw_voorlopig)
    if huidig is not None and (huidig.waarde, huidig.toelichting, oud_voorlopig) == inhoud:
        return huidig.versie
    if huidig is None:
        _insert_antwoord(session, gebruiker, ronde, organisatie_code, vraag, inhoud, nu)
    else:
        _update_antwoord(session, gebruiker, vraag, huidig, inhoud, nu)
    sleutel = f"{ronde.jaar}/{organisatie_code}/{vraag.code}"
    oud_waarde = huidig.waarde if huidig else None
    oud_toelichting = huidig.toelichting if huidig else None
    for veld, oud, waarde_nieuw in (
        ("waarde", oud_waarde, nieuw),
        ("toelichting", oud_toelichting, nieuwe_toelichting),
        ("voorlopig", ja_nee(oud_voorlopig), ja_nee(nieuw_voorlopig)),
    ):
        if oud != waarde_nieuw:
            schrijven.audit(
                session=session,
                op=nu,
                door=gebruiker.naam,
                bron="invullen",
                tabel="antwoord",
                sleutel=sleutel,
                veld=veld,
                oud=oud,
                nieuw=waarde_nieuw,
            )
    return huidige_versie + 1


def _vraag_van(session: Session, ronde: Ronde, organisatie_code: str, vraag_id: int) -> Vraag:
    vraag = rondes_store.vraag(session, vraag_id)
    organisatie = queries.organisatie(session, organisatie_code)
    if vraag is None or vraag.ronde_id != ronde.id:
        raise MonitorFout(f"Vraag {vraag_id} hoort niet bij ronde {ronde.jaar}.")
    if organisatie is None or organisatie.actortype != vraag.actortype:
        raise MonitorFout(
            f"Vraag {vraag.code} hoort niet bij de vragenlijst van {organisatie_code}."
        )
    return vraag


def _huidig_antwoord(
    session: Session, ronde: Ronde, organisatie_code: str, vraag_id: int
) -> Antwoord | None:
    return antwoorden_store.antwoord(
        session, ronde_id=ronde.id, organisatie_code=organisatie_code, vraag_id=vraag_id
    )


def _insert_antwoord(
    session: Session,
    gebruiker: Gebruiker,
    ronde: Ronde,
    organisatie_code: str,
    vraag: Vraag,
    inhoud: tuple[str | None, str | None, bool],
    nu: datetime,
) -> None:
    """Insert the first versie; a colleague's simultaneous first save becomes a conflict."""
    waarde, toelichting, voorlopig = inhoud
    antwoord = Antwoord(
        ronde_id=ronde.id,
        organisatie_code=organisatie_code,
        vraag_id=vraag.id,
        waarde=waarde,
        toelichting=toelichting,
        status=AntwoordStatus.CONCEPT,
        versie=1,
        voorlopig=voorlopig,
        gewijzigd_op=nu,
        gewijzigd_door=gebruiker.naam,
    )
    if not antwoorden_store.voeg_eerste_toe(session, antwoord):
        raise VersieConflict(
            vraag.code, _huidig_antwoord(session, ronde, organisatie_code, vraag.id)
        )


def _update_antwoord(
    session: Session,
    gebruiker: Gebruiker,
    vraag: Vraag,
    huidig: Antwoord,
    inhoud: tuple[str | None, str | None, bool],
    nu: datetime,
) -> None:
    """Compare-and-swap on versie: zero rows updated means someone else was first."""
    waarde, toelichting, voorlopig = inhoud
    gelukt = antwoorden_store.vervang_als_versie(
        session,
        antwoord_id=huidig.id,
        basis_versie=huidig.versie,
        waarde=waarde,
        toelichting=toelichting,
        voorlopig=voorlopig,
        door=gebruiker.naam,
        op=nu,
    )
    if not gelukt:
        raise VersieConflict(vraag.code, antwoorden_store.herlees(session, huidig))


def indienen(
    session: Session,
    gebruiker: Gebruiker,
    *,
    ronde: Ronde,
    organisatie_code: str,
    nu: datetime,
    voorlopig: bool = False,
) -> int:
    """Submit the organisation's answers: all required questions must be answered.

    ``voorlopig``: the whole submission is provisional ("Deze indiening is voorlopig").
    Returns the number of answers submitted. Afterwards they are read-only.
    """
    _vereis_bewerkbaar(session, gebruiker, ronde, organisatie_code, nu.date())
    vragen = lees_vragenlijst(session, gebruiker, ronde, organisatie_code)
    open_vragen = ontbrekend(vragen)
    if open_vragen:
        codes = ", ".join(v.code for v in open_vragen[:5])
        meer = f" en nog {len(open_vragen) - 5}" if len(open_vragen) > 5 else ""
        raise MonitorFout(
            f"Nog niet alle verplichte vragen zijn beantwoord ({len(open_vragen)} open: "
            f"{codes}{meer}). Beantwoord ze eerst; daarna kunt u indienen."
        )
    aantal = antwoorden_store.zet_status(
        session,
        ronde_id=ronde.id,
        organisatie_code=organisatie_code,
        status=AntwoordStatus.INGEDIEND,
    )
    _zet_inzending(
        session, gebruiker, ronde, organisatie_code, AntwoordStatus.INGEDIEND, nu, voorlopig
    )
    return aantal


def heropenen(
    session: Session,
    gebruiker: Gebruiker,
    *,
    ronde: Ronde,
    organisatie_code: str,
    nu: datetime,
) -> None:
    """A beheerder reopens submitted answers (also after the sluitdatum)."""
    vereis(gebruiker, Recht.RONDES_BEHEREN, "antwoorden heropenen")
    if ronde.status != RondeStatus.OPEN:
        raise MonitorFout(f"Ronde {ronde.jaar} is niet open (status: {ronde.status}).")
    antwoorden_store.zet_status(
        session, ronde_id=ronde.id, organisatie_code=organisatie_code, status=AntwoordStatus.CONCEPT
    )
    _zet_inzending(session, gebruiker, ronde, organisatie_code, AntwoordStatus.CONCEPT, nu)


def _zet_inzending(
    session: Session,
    gebruiker: Gebruiker,
    ronde: Ronde,
    organisatie_code: str,
    status: AntwoordStatus,
    nu: datetime,
    voorlopig: bool = False,
) -> None:
    rij = inzending(session, ronde, organisatie_code)
    oud = rij.status if rij else None
    oud_voorlopig = bool(rij and rij.voorlopig)
    if rij is None:
        rij = Inzending(ronde_id=ronde.id, organisatie_code=organisatie_code)
    rij.status = status
    if status == AntwoordStatus.INGEDIEND:
        rij.ingediend_op = nu
        rij.voorlopig = voorlopig
    else:
        rij.heropend_door = gebruiker.naam
    antwoorden_store.bewaar_inzending(session, rij)
    wijzigingen = [("status", oud, status.value)]
    if rij.voorlopig != oud_voorlopig:
        wijzigingen.append(("voorlopig", ja_nee(oud_voorlopig), ja_nee(rij.voorlopig)))
    for veld, van, naar in wijzigingen:
        schrijven.audit(
            session=session,
            op=nu,
            door=gebruiker.naam,
            bron="invullen",
            tabel="inzending",
            sleutel=f"{ronde.jaar}/{organisatie_code}",
            veld=veld,
            oud=van,
            nieuw=naar,
        )


def antwoorden_tabel(vragen: list[InvulVraag]) -> pd.DataFrame:
    """The organisation's own answers as a table with Dutch headers (for the download)."""
    return pd.DataFrame(
        [
            {
                "Thema": v.thema_nr,
                "Vraag": v.code,
                "Vraagtekst": v.tekst,
                "Planning": v.planning or "",
                "Antwoord": toon_waarde(v.vraagtype, v.opties, v.waarde) or "",
                "Toelichting": v.toelichting or "",
                "Voorlopig": ja_nee(v.voorlopig),
                "Vorige ronde": v.vorig_antwoord or "",
            }
            for v in vragen
        ]
    )
