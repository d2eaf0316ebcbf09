"""Recognising a survey platform's file before its import: our own headers, a saved mapping
for this header set, or a proposal to confirm; and saving and loading mappings by name.

The matching itself is pure (:mod:`monitor.uitwisseling.koppeling`); this module adds the
round's questions and the saved mappings from the database (``monitor.store.koppelingen``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from monitor.errors import InvoerFout, MonitorFout
from monitor.rechten import Gebruiker, Recht, vereis
from monitor.store import koppelingen, lezen, sessie
from monitor.store.sessie import Engine
from monitor.uitwisseling.bestanden import Limieten, lees_tabel
from monitor.uitwisseling.importeren import LANG_KOLOMMEN, vraag_infos_van
from monitor.uitwisseling.koppeling import (
    MAX_KOP_RIJEN,
    TOELICHTING,
    Koppeling,
    Voorstellen,
    controleer_naam,
    eigen_koppen,
    kenmerk,
    kop_sleutel,
    stel_voor,
    voorstel_uit,
)
from monitor.uitwisseling.waarden import VraagInfo


@dataclass(frozen=True)
class Herkenning:
    """What the Import tab does with a file: import as is (``voorstel`` and ``koppeling``
    None), apply the saved ``koppeling`` (``voorstel`` then is that mapping, for a user who
    wants to correct it), or ask the user to confirm ``voorstel``."""

    koppeling: Koppeling | None = None
    voorstel: Voorstellen | None = None
    vragen: tuple[VraagInfo, ...] = ()


def doelen(vragen: tuple[VraagInfo, ...]) -> list[str]:
    """Every column a header may be mapped to, in the order of the selectbox."""
    codes = [v.code for v in vragen]
    return list(LANG_KOLOMMEN) + codes + [c + TOELICHTING for c in codes]


def _vragen(engine: Engine, jaar: int) -> tuple[VraagInfo, ...]:
    with sessie.lees(engine) as session:
        ronde = lezen.ronde_by_jaar(session, jaar)
        if ronde is None:
            raise MonitorFout(f"Ronde {jaar} bestaat niet.")
        return tuple(vraag_infos_van(lezen.vragen_van_ronde(session, ronde.id)))


def herken(
    engine: Engine, *, data: bytes, bestandsnaam: str, jaar: int, limieten: Limieten | None = None
) -> Herkenning:
    """Our own headers, a saved mapping for this header set, or a proposal.

    A file the reader refuses as a whole is 'as is': the dry run then reports why."""
    try:
        tabel = lees_tabel(data, bestandsnaam, limieten=limieten)
    except InvoerFout:
        return Herkenning()
    vragen = _vragen(engine, jaar)
    if not tabel.rijen or eigen_koppen(tabel, vragen):
        return Herkenning()
    with sessie.lees(engine) as session:
        opgeslagen = koppelingen.op_kenmerk(session, kenmerk(tabel.rijen[0][1]))
    if opgeslagen is not None:
        koppeling = Koppeling.uit_json(opgeslagen.naam, opgeslagen.kolommen, opgeslagen.kop_rijen)
        return Herkenning(koppeling, voorstel_uit(tabel, koppeling), vragen)
    return Herkenning(voorstel=stel_voor(tabel, vragen), vragen=vragen)


def controleer_koppeling(koppeling: Koppeling, vragen: tuple[VraagInfo, ...]) -> Koppeling:
    """The mapping with a clean name; MonitorFout in Dutch naming the column that is wrong."""
    naam = controleer_naam(koppeling.naam)
    if not 1 <= koppeling.kop_rijen <= MAX_KOP_RIJEN:
        raise MonitorFout(f"Het aantal kopregels moet 1 tot en met {MAX_KOP_RIJEN} zijn.")
    toegestaan = set(doelen(vragen))
    gebruikt: dict[str, str] = {}
    for kop, doel in koppeling.kolommen:
        if doel is None:
            continue
        if doel not in toegestaan:
            raise MonitorFout(f"Kolom '{kop}': '{doel}' is geen kolom van de import.")
        if doel in gebruikt:
            raise MonitorFout(
                f"Kolom '{kop}' en kolom '{gebruikt[doel]}' zijn allebei gekoppeld aan "
                f"'{doel}'. Koppel elke kolom van de import hoogstens één keer."
            )
        gebruikt[doel] = kop
    if not {"organisatiecode", "organisatienaam"} & set(gebruikt):
        raise MonitorFout("Koppel een kolom aan organisatiecode of organisatienaam.")
    if len({kop_sleutel(k) for k, _ in koppeling.kolommen}) < len(koppeling.kolommen):
        raise MonitorFout("Twee kolommen van het bestand hebben hetzelfde kopje.")
    return Koppeling(naam, koppeling.kolommen, koppeling.kop_rijen)


def bewaar_koppeling(
    engine: Engine,
    *,
    gebruiker: Gebruiker,
    koppeling: Koppeling,
    jaar: int,
    moment: datetime | None = None,
) -> Koppeling:
    """Check and save a confirmed mapping under its name (replacing one of that name)."""
    vereis(gebruiker, Recht.RONDES_BEHEREN, "het bewaren van een importkoppeling")
    schoon = controleer_koppeling(koppeling, _vragen(engine, jaar))
    with sessie.schrijf(engine) as session:
        koppelingen.bewaar(
            session,
            naam=schoon.naam,
            kenmerk=schoon.kenmerk,
            kop_rijen=schoon.kop_rijen,
            kolommen=schoon.als_json(),
            door=gebruiker.naam,
            moment=moment or datetime.now(UTC),
        )
    return schoon


def laad_koppeling(engine: Engine, naam: str) -> Koppeling:
    """The saved mapping called ``naam``; MonitorFout listing the saved names otherwise."""
    with sessie.lees(engine) as session:
        opgeslagen = koppelingen.op_naam(session, " ".join(naam.split()))
        bekend = koppelingen.namen(session)
    if opgeslagen is None:
        lijst = ", ".join(f"'{n}'" for n in bekend) if bekend else "geen"
        raise MonitorFout(f"Koppeling '{naam}' bestaat niet. Bewaarde koppelingen: {lijst}.")
    return Koppeling.uit_json(opgeslagen.naam, opgeslagen.kolommen, opgeslagen.kop_rijen)
