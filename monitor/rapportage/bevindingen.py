"""The bevindingen per thema of a round for the exports: the saved text where a facilitator
saved one, else the draft from the figures (``kengetallen.bevindingen``)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from monitor.kengetallen.bevindingen import Zin, bevindingen, concept_tekst
from monitor.reflectie.dias import Bron
from monitor.store import bevindingen as opslag
from monitor.store import lezen
from monitor.store.sessie import Session


@dataclass(frozen=True)
class ThemaBevinding:
    """The text of one thema as it goes into the exports; ``zinnen`` is the draft with the
    sources (also when the text was edited: the speaker notes name them)."""

    thema_nr: int
    titel: str
    tekst: str
    bewerkt: bool
    zinnen: tuple[Zin, ...]


def thema_bevindingen(
    bron: Bron,
    *,
    afhankelijkheden: pd.DataFrame,
    bewaard: dict[int, str],
    vragen_vorig: pd.DataFrame | None = None,
    antwoorden_vorig: pd.DataFrame | None = None,
) -> list[ThemaBevinding]:
    """Per thema of ``bron`` (in number order) its bevindingen."""
    uit = []
    for rij in bron.themas.sort_values("nr").itertuples():
        nr = int(rij.nr)
        zinnen = bevindingen(
            thema_nr=nr,
            vragen=bron.vragen,
            antwoorden=bron.antwoorden,
            planning=bron.planning,
            afspraken=bron.afspraken,
            afhankelijkheden=afhankelijkheden,
            peildatum=bron.peildatum,
            vragen_vorig=vragen_vorig,
            antwoorden_vorig=antwoorden_vorig,
        )
        tekst = bewaard.get(nr) or concept_tekst(zinnen)
        uit.append(ThemaBevinding(nr, rij.titel, tekst, nr in bewaard, tuple(zinnen)))
    return uit


def laad_bevindingen(session: Session, bron: Bron) -> list[ThemaBevinding]:
    """The bevindingen of ``bron``'s round, with its previous round and the saved texts."""
    ronde = lezen.ronde_by_jaar(session, bron.jaar)
    vorige = ronde.vorige_ronde_id if ronde is not None else None
    return thema_bevindingen(
        bron,
        afhankelijkheden=lezen.afhankelijkheden_frame(session),
        bewaard=opslag.bevindingen(session=session, ronde_id=ronde.id) if ronde else {},
        vragen_vorig=lezen.vragen_frame(session, vorige) if vorige else None,
        antwoorden_vorig=(
            lezen.antwoorden_frame(session, vorige, alleen_ingediend=True) if vorige else None
        ),
    )
