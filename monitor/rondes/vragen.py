"""The questionnaire of a concept round: the fields of a vraag, their checks, and adding,
changing, removing and reordering vragen. No Streamlit.

Like the rest of round management (``monitor.rondes.levensloop``), every write runs inside the
caller's write session, refuses anyone but a beheerder, writes an AuditRegel per change and
bumps the data versie. Only a round in concept has an editable questionnaire.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from monitor.domain import (
    ACTORTYPE_CODES,
    VRAAGTYPES_MET_VASTE_OPTIES,
    VRAAGTYPES_NUMERIEK,
    RondeStatus,
    Vraagtype,
    format_opties,
    parse_opties,
)
from monitor.errors import BeheerFout
from monitor.models import Ronde, Vraag
from monitor.rechten import Gebruiker
from monitor.rondes.levensloop import _audit, _nu, _vereis_beheerder, haal_ronde
from monitor.rondes.vragenlijst import VRAAG_SOORTEN
from monitor.store import antwoorden as antwoorden_store
from monitor.store import lezen, schrijven
from monitor.store import rondes as rondes_store
from monitor.store.sessie import Session


@dataclass(frozen=True)
class VraagInvoer:
    code: str
    tekst: str
    vraagtype: str
    actortype: str
    thema_nr: int | None = None
    afspraak_code: str | None = None
    soort: str = ""  # empty: 'afspraak' with an afspraak, else 'informatie'
    opties: str = ""  # own options of keuze/meerkeuze: 'code=Label|code=Label'
    minimum: float | None = None
    maximum: float | None = None
    verplicht: bool = True
    toon_als: str = ""


VRAAG_VELDEN = tuple(VraagInvoer.__dataclass_fields__)


def _concept_ronde(session: Session, jaar: int) -> Ronde:
    ronde = haal_ronde(session, jaar)
    if ronde.status != RondeStatus.CONCEPT:
        raise BeheerFout(
            f"De vragenlijst van ronde {jaar} kan niet meer veranderen: de ronde staat op "
            f"'{ronde.status}'. Alleen een ronde in concept is te bewerken.",
            veld="status",
        )
    return ronde


def _vragen(session: Session, ronde: Ronde) -> list[Vraag]:
    return rondes_store.vragen(session, ronde.id)


def controleer_vraag(session: Session, vraag: VraagInvoer) -> VraagInvoer:
    """The vraag checked and normalised (trimmed, soort and thema filled in); BeheerFout
    naming the field otherwise."""
    code, tekst = vraag.code.strip(), vraag.tekst.strip()
    if not code:
        raise BeheerFout("De vraagcode ontbreekt.", veld="code")
    if not tekst:
        raise BeheerFout(f"Vraag {code}: de tekst ontbreekt.", veld="tekst")
    try:
        vraagtype = Vraagtype(vraag.vraagtype)
    except ValueError:
        keuzes = ", ".join(t.value for t in Vraagtype)
        raise BeheerFout(
            f"Vraag {code}: vraagtype '{vraag.vraagtype}' bestaat niet; kies uit {keuzes}.",
            veld="vraagtype",
        ) from None
    if vraag.actortype not in ACTORTYPE_CODES:
        raise BeheerFout(
            f"Vraag {code}: actortype '{vraag.actortype}' bestaat niet.", veld="actortype"
        )
    afspraak_code = (vraag.afspraak_code or "").strip() or None
    thema_nr = vraag.thema_nr
    if afspraak_code is not None:
        afspraak = lezen.afspraak(session, afspraak_code)
        if afspraak is None:
            raise BeheerFout(
                f"Vraag {code}: afspraak '{afspraak_code}' bestaat niet.", veld="afspraak_code"
            )
        if thema_nr is None:
            thema_nr = afspraak.thema_nr
        elif thema_nr != afspraak.thema_nr:
            raise BeheerFout(
                f"Vraag {code}: afspraak {afspraak_code} hoort bij thema {afspraak.thema_nr}, "
                f"niet bij thema {thema_nr}.",
                veld="thema_nr",
            )
    if thema_nr is not None and lezen.thema(session, thema_nr) is None:
        raise BeheerFout(f"Vraag {code}: thema {thema_nr} bestaat niet.", veld="thema_nr")
    soort = vraag.soort or ("afspraak" if afspraak_code else "informatie")
    if soort not in VRAAG_SOORTEN:
        raise BeheerFout(f"Vraag {code}: soort '{soort}' bestaat niet.", veld="soort")
    if (soort == "afspraak") != (afspraak_code is not None):
        raise BeheerFout(
            f"Vraag {code}: alleen een vraag van soort 'afspraak' hoort bij een afspraak.",
            veld="afspraak_code",
        )
    opties = _controleer_opties(code, vraagtype, vraag.opties)
    if vraagtype in VRAAGTYPES_NUMERIEK:
        if (
            vraag.minimum is not None
            and vraag.maximum is not None
            and vraag.minimum > vraag.maximum
        ):
            raise BeheerFout(
                f"Vraag {code}: het minimum ({vraag.minimum:g}) is groter dan het maximum "
                f"({vraag.maximum:g}).",
                veld="minimum",
            )
    elif vraag.minimum is not None or vraag.maximum is not None:
        raise BeheerFout(
            f"Vraag {code}: alleen een getal- of bedragvraag heeft een minimum of maximum.",
            veld="minimum",
        )
    return replace(
        vraag,
        code=code,
        tekst=tekst,
        vraagtype=vraagtype.value,
        afspraak_code=afspraak_code,
        thema_nr=thema_nr,
        soort=soort,
        opties=opties,
        toon_als=vraag.toon_als.strip(),
    )


def _controleer_opties(code: str, vraagtype: Vraagtype, tekst: str) -> str:
    try:
        opties = parse_opties(tekst or "")
    except ValueError as fout:
        raise BeheerFout(f"Vraag {code}: {fout}.", veld="opties") from None
    if vraagtype in (Vraagtype.KEUZE, Vraagtype.MEERKEUZE):
        if len(opties) < 2:
            raise BeheerFout(
                f"Vraag {code}: een keuzevraag heeft ten minste twee opties nodig "
                "('code=Label|code=Label').",
                veld="opties",
            )
        codes = [o.code for o in opties]
        if len(set(codes)) != len(codes):
            raise BeheerFout(f"Vraag {code}: een optiecode komt dubbel voor.", veld="opties")
    elif opties:
        soort = "vaste opties" if vraagtype in VRAAGTYPES_MET_VASTE_OPTIES else "geen opties"
        raise BeheerFout(
            f"Vraag {code}: vraagtype '{vraagtype.value}' heeft {soort}; laat de opties leeg.",
            veld="opties",
        )
    return format_opties(opties)


def _controleer_toon_als(vraag: VraagInvoer, codes: set[str]) -> None:
    if not vraag.toon_als:
        return
    voorwaarde, _, optie = vraag.toon_als.partition("=")
    if voorwaarde not in codes or voorwaarde == vraag.code or not optie:
        raise BeheerFout(
            f"Vraag {vraag.code}: voorwaarde '{vraag.toon_als}' klopt niet; gebruik "
            "'VRAAGCODE=optie' met een andere vraag van deze ronde.",
            veld="toon_als",
        )


def voeg_vraag_toe(
    *,
    session: Session,
    gebruiker: Gebruiker,
    jaar: int,
    vraag: VraagInvoer,
    nu: datetime | None = None,
) -> Vraag:
    """Add a vraag at the end of a concept round's questionnaire."""
    _vereis_beheerder(gebruiker, "de vragenlijst wijzigen")
    ronde = _concept_ronde(session, jaar)
    vraag = controleer_vraag(session, vraag)
    bestaande = _vragen(session, ronde)
    codes = {v.code for v in bestaande}
    if vraag.code in codes:
        raise BeheerFout(
            f"Vraagcode {vraag.code} bestaat al in ronde {jaar}; kies een andere code.",
            veld="code",
        )
    _controleer_toon_als(vraag, codes)
    volgorde = max((v.volgorde for v in bestaande), default=-1) + 1
    nieuw = rondes_store.voeg_vraag_toe(
        session, Vraag(ronde_id=ronde.id, volgorde=volgorde, herkomst="", **_vraag_waarden(vraag))
    )
    _audit(
        session,
        gebruiker,
        _nu(nu),
        tabel="vraag",
        sleutel=f"{jaar}/{vraag.code}",
        veld="toegevoegd",
        oud=None,
        nieuw=vraag.tekst,
    )
    schrijven.bump_data_versie(session=session)
    return nieuw


def _vraag_waarden(vraag: VraagInvoer) -> dict[str, object]:
    return {veld: getattr(vraag, veld) for veld in VRAAG_VELDEN}


def _vraag_in_ronde(session: Session, ronde: Ronde, code: str) -> Vraag:
    vraag = rondes_store.vraag_in_ronde(session, ronde_id=ronde.id, code=code)
    if vraag is None:
        raise BeheerFout(f"Vraag {code} bestaat niet in ronde {ronde.jaar}.", veld="code")
    return vraag


def wijzig_vraag(
    *,
    session: Session,
    gebruiker: Gebruiker,
    jaar: int,
    code: str,
    wijzigingen: Mapping[str, object],
    nu: datetime | None = None,
) -> Vraag:
    """Change fields of a vraag of a concept round (tekst, opties, thema, …; not its code).

    The link to its predecessor stays: a reworded vraag still continues the trend.
    """
    _vereis_beheerder(gebruiker, "de vragenlijst wijzigen")
    ronde = _concept_ronde(session, jaar)
    vraag = _vraag_in_ronde(session, ronde, code)
    onbekend = set(wijzigingen) - set(VRAAG_VELDEN) | ({"code"} & set(wijzigingen))
    if onbekend:
        raise BeheerFout(
            f"Vraag {code}: veld {', '.join(sorted(onbekend))} kan hier niet veranderen.",
            veld=min(onbekend),
        )
    huidig = VraagInvoer(**{veld: getattr(vraag, veld) for veld in VRAAG_VELDEN})
    gewenst = controleer_vraag(session, replace(huidig, **wijzigingen))  # type: ignore[arg-type]
    codes = {v.code for v in _vragen(session, ronde)}
    _controleer_toon_als(gewenst, codes)
    moment = _nu(nu)
    for veld, waarde in _vraag_waarden(gewenst).items():
        oud = getattr(vraag, veld)
        if oud != waarde:
            setattr(vraag, veld, waarde)
            _audit(
                session,
                gebruiker,
                moment,
                tabel="vraag",
                sleutel=f"{jaar}/{code}",
                veld=veld,
                oud=oud,
                nieuw=waarde,
            )
    schrijven.bump_data_versie(session=session)
    return vraag


def verwijder_vraag(
    *, session: Session, gebruiker: Gebruiker, jaar: int, code: str, nu: datetime | None = None
) -> None:
    """Remove a vraag of a concept round; refused when answers, a later copy or a condition
    of another vraag depend on it."""
    _vereis_beheerder(gebruiker, "de vragenlijst wijzigen")
    ronde = _concept_ronde(session, jaar)
    vraag = _vraag_in_ronde(session, ronde, code)
    antwoorden = antwoorden_store.aantal_op_vraag(session, vraag.id)
    if antwoorden:
        raise BeheerFout(
            f"Vraag {code} heeft al {antwoorden} antwoord(en) en kan niet worden verwijderd.",
            veld="code",
        )
    opvolger = rondes_store.opvolger(session, vraag.id)
    if opvolger is not None:
        latere = rondes_store.ronde(session, opvolger.ronde_id)
        raise BeheerFout(
            f"Vraag {code} is de voorganger van een vraag in ronde {latere.jaar if latere else '?'}"
            " en kan niet worden verwijderd.",
            veld="code",
        )
    afhankelijk = [v.code for v in _vragen(session, ronde) if v.toon_als.partition("=")[0] == code]
    if afhankelijk:
        raise BeheerFout(
            f"Vraag {code} kan niet worden verwijderd: vraag {', '.join(afhankelijk)} wordt "
            "alleen gesteld na een antwoord op deze vraag.",
            veld="code",
        )
    rondes_store.verwijder_vraag(session, vraag)
    _audit(
        session,
        gebruiker,
        _nu(nu),
        tabel="vraag",
        sleutel=f"{jaar}/{code}",
        veld="verwijderd",
        oud=vraag.tekst,
        nieuw=None,
    )
    schrijven.bump_data_versie(session=session)


def herorden_vragen(
    *,
    session: Session,
    gebruiker: Gebruiker,
    jaar: int,
    codes: Sequence[str],
    nu: datetime | None = None,
) -> int:
    """Put a concept round's vragen in the order of ``codes`` (all of them, each once).

    Returns how many vragen moved.
    """
    _vereis_beheerder(gebruiker, "de vragenlijst wijzigen")
    ronde = _concept_ronde(session, jaar)
    vragen = {v.code: v for v in _vragen(session, ronde)}
    dubbel = sorted({c for c in codes if list(codes).count(c) > 1})
    if dubbel:
        raise BeheerFout(f"Vraag {', '.join(dubbel)} staat dubbel in de volgorde.", veld="code")
    onbekend = [c for c in codes if c not in vragen]
    if onbekend:
        raise BeheerFout(f"Vraag {', '.join(onbekend)} bestaat niet in ronde {jaar}.", veld="code")
    ontbrekend = [c for c in vragen if c not in set(codes)]
    if ontbrekend:
        raise BeheerFout(
            f"De volgorde mist vraag {', '.join(ontbrekend)}; geef alle vragen een plaats.",
            veld="code",
        )
    moment = _nu(nu)
    verplaatst = 0
    for plek, code in enumerate(codes):
        vraag = vragen[code]
        if vraag.volgorde != plek:
            _audit(
                session,
                gebruiker,
                moment,
                tabel="vraag",
                sleutel=f"{jaar}/{code}",
                veld="volgorde",
                oud=vraag.volgorde,
                nieuw=plek,
            )
            vraag.volgorde = plek
            verplaatst += 1
    if verplaatst:
        schrijven.bump_data_versie(session=session)
    return verplaatst
