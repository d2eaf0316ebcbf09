"""Writes to the database. Every function runs inside the caller's write session, so that a
whole operation commits or rolls back as one (see ``db.write_session``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, update
from sqlalchemy import inspect as sa_inspect
from sqlmodel import Session, select

from monitor.domain import RondeStatus, format_opties
from monitor.models import (
    Afspraak,
    AfspraakAfhankelijkheid,
    Antwoord,
    AuditRegel,
    Inzending,
    MonitorMeta,
    Organisatie,
    Planning,
    Ronde,
    Thema,
    Vraag,
)
from monitor.store.antwoorden import controleer_inhoud

if TYPE_CHECKING:  # the records that init reads from files (rondes/), as types only
    from monitor.rondes.referentie import OrganisatieRegel
    from monitor.rondes.vragenlijst import Vragenlijst


def _werk_bij(rij: object, waarden: dict) -> None:
    """Set only the fields whose value changed (an unchanged row is not written)."""
    for veld, waarde in waarden.items():
        if getattr(rij, veld) != waarde:
            setattr(rij, veld, waarde)


def _upsert(session: Session, model: type, sleutel: object, waarden: dict) -> None:
    """Insert or update one row by primary key, touching only changed fields."""
    rij = session.get(model, sleutel)
    if rij is None:
        session.add(model(**waarden))
    else:
        _werk_bij(rij, waarden)


def _upsert_alle(session: Session, model: type, rijen: dict[object, dict]) -> None:
    """``_upsert`` for many rows of a table with a one-column key: one SELECT for the rows that
    exist and one batched INSERT for the new ones, instead of a query and a flush per row
    (``init`` wrote ~400 organisaties one by one)."""
    (kolom,) = sa_inspect(model).primary_key
    bestaand = {getattr(rij, kolom.key): rij for rij in session.exec(select(model)).all()}
    for sleutel, waarden in rijen.items():
        rij = bestaand.get(sleutel)
        if rij is None:
            session.add(model(**waarden))
        else:
            _werk_bij(rij, waarden)


def save_organisaties(*, session: Session, organisaties: Iterable[OrganisatieRegel]) -> None:
    rijen = {
        org.code: {
            "code": org.code,
            "naam": org.naam,
            "actortype": org.actortype,
            "jeugdregio_code": org.jeugdregio_code,
            "provincie_code": org.provincie_code,
            "provincie_naam": org.provincie_naam,
            "inwoners": org.inwoners,
            "inwonersklasse": org.inwonersklasse,
        }
        for org in organisaties
    }
    _upsert_alle(session, Organisatie, rijen)


def save_vragenlijst_basis(*, session: Session, vragenlijst: Vragenlijst) -> None:
    """Thema's, afspraken, their dependencies and planning (shared by all rounds)."""
    _upsert_alle(session, Thema, {thema.nr: asdict(thema) for thema in vragenlijst.themas})
    session.flush()
    afspraken = {
        afspraak.code: {
            "code": afspraak.code,
            "thema_nr": afspraak.thema,
            "tekst": afspraak.tekst,
            "paragraaf": afspraak.paragraaf,
        }
        for afspraak in vragenlijst.afspraken
    }
    _upsert_alle(session, Afspraak, afspraken)
    session.flush()
    session.exec(delete(AfspraakAfhankelijkheid))
    for afspraak in vragenlijst.afspraken:
        for andere in afspraak.afhankelijk_van:
            session.add(
                AfspraakAfhankelijkheid(
                    afspraak_code=afspraak.code, hangt_af_van=andere, bron=afspraak.afhankelijk_bron
                )
            )
    _save_planning(session, vragenlijst)


def _save_planning(session: Session, vragenlijst: Vragenlijst) -> None:
    """Planning versions from the files; versions recorded in the app are kept.

    A version from the file has a ``bron_rapport``; one that the file no longer has (an older
    file, e.g. with another ``geldig_vanaf``) is removed, so that no stale version stays in force.
    """
    sleutels = {(r.afspraak, r.tekst, r.bron, r.geldig_vanaf): r for r in vragenlijst.planning}
    bestaand = set()
    for plan in session.exec(select(Planning)).all():
        sleutel = (plan.afspraak_code, plan.tekst, plan.bron, plan.geldig_vanaf)
        regel = sleutels.get(sleutel)
        if regel is not None:
            bestaand.add(sleutel)
            if plan.bron_rapport != regel.bron_rapport:
                plan.bron_rapport = regel.bron_rapport
        elif plan.bron_rapport:
            session.delete(plan)
    for regel in vragenlijst.planning:
        if (regel.afspraak, regel.tekst, regel.bron, regel.geldig_vanaf) in bestaand:
            continue
        session.add(
            Planning(
                afspraak_code=regel.afspraak,
                soort=regel.soort.value,
                datum=regel.datum,
                tekst=regel.tekst,
                bron=regel.bron,
                geldig_vanaf=regel.geldig_vanaf,
                bron_rapport=regel.bron_rapport,
            )
        )


@dataclass(frozen=True)
class RondeGegevens:
    jaar: int
    titel: str
    peildatum: date | None
    open_datum: date | None
    sluit_datum: date | None
    status: RondeStatus


def ensure_ronde(*, session: Session, gegevens: RondeGegevens) -> Ronde:
    """The round of that year, created when missing (an existing one is left as it is)."""
    ronde = session.exec(select(Ronde).where(Ronde.jaar == gegevens.jaar)).first()
    if ronde is not None:
        return ronde
    vorige = session.exec(
        select(Ronde).where(Ronde.jaar < gegevens.jaar).order_by(Ronde.jaar.desc())
    ).first()
    ronde = Ronde(
        jaar=gegevens.jaar,
        titel=gegevens.titel,
        peildatum=gegevens.peildatum,
        open_datum=gegevens.open_datum,
        sluit_datum=gegevens.sluit_datum,
        status=gegevens.status.value,
        vorige_ronde_id=vorige.id if vorige else None,
    )
    session.add(ronde)
    session.flush()
    return ronde


def save_vragen(*, session: Session, ronde: Ronde, vragenlijst: Vragenlijst) -> None:
    """The round's questions from the file, matched on code; existing answers stay linked."""
    bestaand = {v.code: v for v in session.exec(select(Vraag).where(Vraag.ronde_id == ronde.id))}
    for regel in vragenlijst.vragen:
        waarden = {
            "actortype": regel.actortype,
            "thema_nr": regel.thema,
            "afspraak_code": regel.afspraak,
            "soort": regel.soort,
            "vraagtype": regel.vraagtype.value,
            "tekst": regel.tekst,
            "opties": format_opties(regel.opties),
            "toon_als": regel.toon_als,
            "minimum": regel.minimum,
            "maximum": regel.maximum,
            "volgorde": regel.volgorde,
            "verplicht": regel.verplicht,
            "herkomst": regel.herkomst,
        }
        vraag = bestaand.get(regel.code)
        if vraag is None:
            session.add(Vraag(ronde_id=ronde.id, code=regel.code, **waarden))
            continue
        for veld, waarde in waarden.items():
            if getattr(vraag, veld) != waarde:
                setattr(vraag, veld, waarde)


def copy_vragen(*, session: Session, van: Ronde, naar: Ronde) -> int:
    """Copy a round's questionnaire into another; each copy links to its predecessor.

    Returns the number of questions copied. Questions already in ``naar`` are kept.
    """
    al_daar = set(session.exec(select(Vraag.code).where(Vraag.ronde_id == naar.id)))
    aantal = 0
    for vraag in session.exec(select(Vraag).where(Vraag.ronde_id == van.id)).all():
        if vraag.code in al_daar:
            continue
        kopie = vraag.model_copy(
            update={"id": None, "ronde_id": naar.id, "voorganger_id": vraag.id}
        )
        session.add(Vraag.model_validate(kopie.model_dump()))
        aantal += 1
    session.flush()
    return aantal


@dataclass(frozen=True)
class NieuwAntwoord:
    organisatie_code: str
    vraag_id: int
    waarde: str | None
    toelichting: str | None
    voorlopig: bool = False


def bulk_save_antwoorden(
    *,
    session: Session,
    ronde: Ronde,
    antwoorden: Iterable[NieuwAntwoord],
    door: str,
    bron: str,
    status: str,
    moment: datetime,
    audit_toelichting: bool = False,
) -> int:
    """Insert answers for organisations that have none yet for these questions (demo, restore).

    Every new answer is recorded in the audit table (its toelichting too with
    ``audit_toelichting``). Returns the number inserted.
    """
    bestaand = set(
        session.exec(
            select(Antwoord.organisatie_code, Antwoord.vraag_id).where(
                Antwoord.ronde_id == ronde.id
            )
        ).all()
    )
    codes = {v.id: v.code for v in session.exec(select(Vraag).where(Vraag.ronde_id == ronde.id))}
    nieuw, audit = [], []
    for antwoord in antwoorden:
        if (antwoord.organisatie_code, antwoord.vraag_id) in bestaand:
            continue
        sleutel = f"{ronde.jaar}/{antwoord.organisatie_code}/{codes[antwoord.vraag_id]}"
        controleer_inhoud(antwoord.waarde, antwoord.toelichting, waar=sleutel)
        nieuw.append(
            {
                "ronde_id": ronde.id,
                "organisatie_code": antwoord.organisatie_code,
                "vraag_id": antwoord.vraag_id,
                "waarde": antwoord.waarde,
                "toelichting": antwoord.toelichting,
                "voorlopig": antwoord.voorlopig,
                "status": status,
                "versie": 1,
                "gewijzigd_op": moment,
                "gewijzigd_door": door,
            }
        )
        audit.append(
            {
                "op": moment,
                "door": door,
                "bron": bron,
                "tabel": "antwoord",
                "sleutel": sleutel,
                "veld": "waarde",
                "oud": None,
                "nieuw": antwoord.waarde,
            }
        )
        if audit_toelichting and antwoord.toelichting:
            audit.append({**audit[-1], "veld": "toelichting", "nieuw": antwoord.toelichting})
        if antwoord.voorlopig:
            audit.append({**audit[-1], "veld": "voorlopig", "nieuw": _audit_tekst(True)})
    if nieuw:
        session.execute(Antwoord.__table__.insert(), nieuw)
        session.execute(AuditRegel.__table__.insert(), audit)
    return len(nieuw)


def save_inzendingen(
    *, session: Session, ronde: Ronde, organisatie_codes: Iterable[str], moment: datetime
) -> None:
    """Mark the organisations' questionnaires of the round as submitted at ``moment``: one
    SELECT of the round's inzendingen and one batched INSERT, not a query per organisation
    (an import of every organisation spent a tenth of its time on those)."""
    bestaand = {
        rij.organisatie_code: rij
        for rij in session.exec(select(Inzending).where(Inzending.ronde_id == ronde.id)).all()
    }
    for code in dict.fromkeys(organisatie_codes):
        waarden = {
            "ronde_id": ronde.id,
            "organisatie_code": code,
            "status": "ingediend",
            "ingediend_op": moment,
        }
        rij = bestaand.get(code)
        if rij is None:
            session.add(Inzending(**waarden))
        else:
            _werk_bij(rij, waarden)


def audit(
    *,
    session: Session,
    op: datetime,
    door: str,
    bron: str,
    tabel: str,
    sleutel: str,
    veld: str,
    oud: object,
    nieuw: object,
) -> None:
    """One row in the audit table: who changed what, when, from what to what."""
    session.add(
        AuditRegel(
            op=op,
            door=door,
            bron=bron,
            tabel=tabel,
            sleutel=sleutel,
            veld=veld,
            oud=None if oud is None else str(oud),
            nieuw=None if nieuw is None else str(nieuw),
        )
    )


def set_meta(*, session: Session, sleutel: str, waarde: str) -> None:
    _upsert(session, MonitorMeta, sleutel, {"sleutel": sleutel, "waarde": waarde})


def bump_data_versie(*, session: Session) -> None:
    """Every write bumps this counter; cached aggregates are keyed on it (all processes)."""
    rij = session.get(MonitorMeta, "data_versie")
    huidige = int(rij.waarde) if rij else 0
    set_meta(session=session, sleutel="data_versie", waarde=str(huidige + 1))


@dataclass(frozen=True)
class AntwoordWijziging:
    """A stored answer to overwrite: its id and versie as read, and the new content."""

    antwoord_id: int
    versie: int
    sleutel: str  # '2024/GM0363/GEM.1.01', for the audit table
    oud: dict[str, str | bool | None]  # field → old value, only the fields that change
    nieuw: dict[str, str | bool | None]  # field → new value (waarde, toelichting, status,
    # voorlopig)


def update_antwoorden(
    *,
    session: Session,
    wijzigingen: Iterable[AntwoordWijziging],
    door: str,
    bron: str,
    moment: datetime,
) -> int:
    """Overwrite stored answers, each with versie + 1 and an audit row per changed field.

    Returns the number of answers changed.
    """
    rijen, audit = [], []
    for w in wijzigingen:
        controleer_inhoud(w.nieuw.get("waarde"), w.nieuw.get("toelichting"), waar=w.sleutel)
        rijen.append(
            {
                "id": w.antwoord_id,
                **w.nieuw,
                "versie": w.versie + 1,
                "gewijzigd_op": moment,
                "gewijzigd_door": door,
            }
        )
        for veld, waarde in w.nieuw.items():
            audit.append(
                {
                    "op": moment,
                    "door": door,
                    "bron": bron,
                    "tabel": "antwoord",
                    "sleutel": w.sleutel,
                    "veld": veld,
                    "oud": _audit_tekst(w.oud.get(veld)),
                    "nieuw": _audit_tekst(waarde),
                }
            )
    if rijen:
        session.execute(update(Antwoord), rijen)
        session.execute(AuditRegel.__table__.insert(), audit)
    return len(rijen)


def _audit_tekst(waarde: str | bool | None) -> str | None:
    """An audited value as text; the voorlopig mark as 'ja'/'nee', as the invullen path
    writes it."""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    return waarde
