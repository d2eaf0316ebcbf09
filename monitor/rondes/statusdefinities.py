"""What the answer options of the voortgang questions mean, per round: the one home of the
status definitions (nog niet begonnen, mee bezig, bijna klaar, afgerond, ja, nee).

The 2024 report defines none of them: it says respondents interpreted "mee bezig", "bijna
klaar", "afgerond", "ja" and "nee" themselves. The standard wording below is therefore ours,
and its source says so. A round without stored definitions shows those of the latest earlier
round that has them, else the standard; a new round starts with a copy of the previous one's.
"""

from __future__ import annotations

from dataclasses import dataclass

from monitor import invoer
from monitor.domain import JANEE_OPTIES, STATUS_OPTIES
from monitor.errors import MonitorFout
from monitor.invoer import STATUSBETEKENIS, STATUSBRON
from monitor.models import Ronde
from monitor.rechten import Gebruiker, Recht, vereis
from monitor.store import rondes as rondes_store
from monitor.store import schrijven
from monitor.store.sessie import Session

OPTIES = (*STATUS_OPTIES, *JANEE_OPTIES)
OPTIE_LABELS = {o.code: o.label for o in OPTIES}

EIGEN_BRON = (
    "Eigen formulering van de monitor (niet uit het rapport: de rapportage 2024 definieert de "
    "antwoordopties niet; respondenten bepaalden toen zelf wat 'mee bezig', 'bijna klaar', "
    "'afgerond', 'ja' en 'nee' betekenden)."
)
STANDAARD: dict[str, str] = {
    "nog_niet_begonnen": "Er is nog geen werk aan deze afspraak gestart.",
    "mee_bezig": "Er wordt aan de afspraak gewerkt; het grootste deel moet nog gebeuren.",
    "bijna_klaar": (
        "Het meeste werk is gedaan; alleen de laatste stappen (zoals besluitvorming of "
        "vaststelling) resten nog."
    ),
    "afgerond": "De afspraak is uitgevoerd: wat is afgesproken, is vastgesteld of in gebruik.",
    "ja": "Op de peildatum is er wat de vraag noemt (vastgesteld of ingevoerd).",
    "nee": "Op de peildatum is er nog niet wat de vraag noemt, ook als er aan gewerkt wordt.",
}


@dataclass(frozen=True)
class Definitie:
    optie: str
    label: str
    betekenis: str
    bron: str


def standaard() -> list[Definitie]:
    """Our wording for every option, marked as ours."""
    return [Definitie(o.code, o.label, STANDAARD[o.code], EIGEN_BRON) for o in OPTIES]


def _volledig(opgeslagen: dict[str, tuple[str, str]]) -> list[Definitie]:
    """Every option in the fixed order; an option not stored gets the standard wording."""
    return [
        Definitie(o.code, o.label, *opgeslagen.get(o.code, (STANDAARD[o.code], EIGEN_BRON)))
        for o in OPTIES
    ]


def van_ronde(session: Session, ronde: Ronde) -> list[Definitie]:
    """The definitions that hold for ``ronde``: its own, else the latest earlier round's, else
    the standard wording."""
    opgeslagen = rondes_store.statusdefinities(session, ronde.id)
    if not opgeslagen:
        eerder = rondes_store.laatste_statusdefinities_voor(session, voor_jaar=ronde.jaar)
        opgeslagen = eerder or {}
    return _volledig(opgeslagen)


def controleer(definities: list[Definitie]) -> list[Definitie]:
    """The definitions trimmed, or a Dutch error naming the option and the field."""
    schoon = []
    for d in definities:
        if d.optie not in OPTIE_LABELS:
            raise MonitorFout(f"Onbekende antwoordoptie '{d.optie}' in de statusdefinities.")
        waar = f"Statusdefinitie '{OPTIE_LABELS[d.optie]}'"
        betekenis = invoer.controleer_tekst((d.betekenis or "").strip(), STATUSBETEKENIS, waar=waar)
        bron = invoer.controleer_tekst((d.bron or "").strip(), STATUSBRON, waar=waar)
        if not betekenis:
            raise MonitorFout(f"{waar}: de betekenis is leeg.")
        if not bron:
            raise MonitorFout(
                f"{waar}: de bron is leeg (noem de regel in het rapport, of 'eigen formulering')."
            )
        schoon.append(Definitie(d.optie, OPTIE_LABELS[d.optie], betekenis, bron))
    return schoon


def bewaar(
    session: Session, gebruiker: Gebruiker, ronde: Ronde, definities: list[Definitie]
) -> None:
    """Store ``definities`` for ``ronde`` (a beheerder only; checked first, so nothing is
    written on an error)."""
    vereis(gebruiker, Recht.RONDES_BEHEREN, "statusdefinities wijzigen")
    schoon = controleer(definities)
    rondes_store.zet_statusdefinities(
        session, ronde.id, {d.optie: (d.betekenis, d.bron) for d in schoon}
    )
    schrijven.bump_data_versie(session=session)


def kopieer(session: Session, van: Ronde | None, naar: Ronde) -> None:
    """A new round starts with the definitions that hold for ``van`` (the previous round)."""
    bron = van_ronde(session, van) if van is not None else standaard()
    rondes_store.zet_statusdefinities(
        session, naar.id, {d.optie: (d.betekenis, d.bron) for d in bron}
    )


def legenda(definities: list[Definitie]) -> list[str]:
    """One line per option for the legend of an export: 'Bijna klaar: …'."""
    return [f"{d.label}: {d.betekenis}" for d in definities]


def bronregel(definities: list[Definitie]) -> str:
    """The sources of the definitions, each once: under the legend of an export."""
    bronnen = list(dict.fromkeys(d.bron for d in definities))
    return "Bron van de definities: " + " ".join(bronnen)
