"""Changing and copying what the answer options of the voortgang questions mean, per round
(nog niet begonnen, mee bezig, bijna klaar, afgerond, ja, nee).

The 2024 report defines none of them: it says respondents interpreted "mee bezig", "bijna
klaar", "afgerond", "ja" and "nee" themselves. The standard wording
(``domain.STATUSDEFINITIES_STANDAARD``) is therefore ours, and its source says so. A round
without stored definitions shows those of the latest earlier round that has them, else the
standard (``store.rondes.statusdefinities_van``); a new round starts with a copy.
"""

from __future__ import annotations

from monitor import invoer
from monitor.domain import (
    STATUSDEFINITIE_OPTIE_LABELS,
    RondeStatus,
    StatusDefinitie,
    standaard_statusdefinities,
)
from monitor.errors import BeheerFout, MonitorFout
from monitor.invoer import STATUSBETEKENIS, STATUSBRON
from monitor.models import Ronde
from monitor.rechten import Gebruiker, Recht, vereis
from monitor.store import rondes as rondes_store
from monitor.store import schrijven
from monitor.store.sessie import Session


def controleer(definities: list[StatusDefinitie]) -> list[StatusDefinitie]:
    """The definitions trimmed, or a Dutch error naming the option and the field."""
    schoon = []
    for d in definities:
        if d.optie not in STATUSDEFINITIE_OPTIE_LABELS:
            raise MonitorFout(f"Onbekende antwoordoptie '{d.optie}' in de statusdefinities.")
        label = STATUSDEFINITIE_OPTIE_LABELS[d.optie]
        waar = f"Statusdefinitie '{label}'"
        betekenis = invoer.controleer_tekst((d.betekenis or "").strip(), STATUSBETEKENIS, waar=waar)
        bron = invoer.controleer_tekst((d.bron or "").strip(), STATUSBRON, waar=waar)
        if not betekenis:
            raise MonitorFout(f"{waar}: de betekenis is leeg.")
        if not bron:
            raise MonitorFout(
                f"{waar}: de bron is leeg (noem de regel in het rapport, of 'eigen formulering')."
            )
        schoon.append(
            StatusDefinitie(d.optie, STATUSDEFINITIE_OPTIE_LABELS[d.optie], betekenis, bron)
        )
    return schoon


def bewaar(
    session: Session, gebruiker: Gebruiker, ronde: Ronde, definities: list[StatusDefinitie]
) -> None:
    """Store ``definities`` for ``ronde`` (a beheerder only; checked first, so nothing is
    written on an error)."""
    vereis(gebruiker, Recht.RONDES_BEHEREN, "statusdefinities wijzigen")
    if ronde.status == RondeStatus.GEPUBLICEERD:
        raise BeheerFout(
            f"Ronde {ronde.jaar} is gepubliceerd: haar statusdefinities liggen vast.",
            veld="statusdefinities",
        )
    schoon = controleer(definities)
    rondes_store.zet_statusdefinities(
        session, ronde.id, {d.optie: (d.betekenis, d.bron) for d in schoon}
    )
    schrijven.bump_data_versie(session=session)


def van_ronde(session: Session, ronde: Ronde) -> list[StatusDefinitie]:
    """The definitions that hold for ``ronde`` (see ``store.rondes.statusdefinities_van``)."""
    return rondes_store.statusdefinities_van(session, ronde)


def kopieer(session: Session, van: Ronde | None, naar: Ronde) -> None:
    """A new round starts with the definitions that hold for ``van`` (the previous round)."""
    bron = van_ronde(session, van) if van is not None else standaard_statusdefinities()
    rondes_store.zet_statusdefinities(
        session, naar.id, {d.optie: (d.betekenis, d.bron) for d in bron}
    )
