"""Loading a round's :class:`monitor.reflectie.dias.Bron` from the database (CLI and tests)."""

from __future__ import annotations

import pandas as pd

from monitor.errors import MonitorFout
from monitor.kengetallen.koers import Meting
from monitor.reflectie.dias import Bron
from monitor.store import lezen
from monitor.store import rondes as rondes_store
from monitor.store.sessie import Session


def themas_frame(session: Session) -> pd.DataFrame:
    rijen = [(t.nr, t.titel) for t in lezen.themas(session)]
    return pd.DataFrame(rijen, columns=["nr", "titel"])


def laad_bron(session: Session, jaar: int) -> Bron:
    """The round of ``jaar`` with all frames; MonitorFout when that round does not exist."""
    ronde = lezen.ronde_by_jaar(session, jaar)
    if ronde is None:
        bestaand = ", ".join(str(r.jaar) for r in lezen.rondes(session)) or "geen"
        raise MonitorFout(f"Ronde {jaar} bestaat niet (rondes in de database: {bestaand}).")
    return Bron(
        jaar=ronde.jaar,
        titel=ronde.titel,
        peildatum=ronde.peildatum,
        organisaties=lezen.organisaties_frame(session),
        vragen=lezen.vragen_frame(session, ronde.id),
        antwoorden=lezen.antwoorden_frame(session, ronde.id, alleen_ingediend=True),
        themas=themas_frame(session),
        planning=lezen.planning_frame(session),
        afspraken=lezen.afspraken_frame(session),
        demo=lezen.is_demo(session),
        statusdefinities=tuple(rondes_store.statusdefinities_van(session, ronde)),
        eerdere=eerdere_metingen(session, ronde.jaar),
    )


def eerdere_metingen(session: Session, jaar: int) -> tuple[Meting, ...]:
    """The rounds before ``jaar`` that have a peildatum, oldest first (for Op koers?)."""
    return tuple(
        Meting(
            r.jaar,
            r.peildatum,
            lezen.vragen_frame(session, r.id),
            lezen.antwoorden_frame(session, r.id, alleen_ingediend=True, met_tekst=False),
        )
        for r in lezen.rondes(session)
        if r.jaar < jaar and r.peildatum is not None
    )
