"""Peer groups of a gemeente or regio, and searching organisations by name or code.

Pure: frames in, frames out.

- **Vergelijkbaar**: the :data:`VERGELIJKBAAR_K` gemeenten nearest in size within the same
  provincie or jeugdregio; size distance is the ratio of inwoners (|log(a/b)|), so 10.000 vs
  20.000 is as far apart as 100.000 vs 200.000.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from monitor.domain import grootteklasse, inwonersklasse_label
from monitor.errors import MonitorFout
from monitor.rechten import zonder_accenten

VERGELIJKBAAR_K = 10


def normaliseer(tekst: str) -> str:
    """Lower case, without diacritics and punctuation: 'Súdwest-Fryslân' → 'sudwest fryslan'."""
    zonder = zonder_accenten(tekst).lower()
    zonder = re.sub(r"['’`.()]", "", zonder)
    return " ".join(re.sub(r"[-/,]", " ", zonder).split())


def zoeklabel(naam: str, code: str) -> str:
    """Option label for a searchable selectbox: typing without accents finds it too."""
    if naam.isascii():
        return f"{naam} ({code})"
    return f"{naam} ({code}) · {zonder_accenten(naam)}"


def zoek_organisaties(zoekterm: str, organisaties: pd.DataFrame, limiet: int = 20) -> pd.DataFrame:
    """Organisations matching ``zoekterm`` by name (with or without diacritics) or code, best first.

    Rank: 0 code equal, 1 name equal, 2 name starts with the term, 3 a word of the name starts
    with it, 4 name contains it, 5 code starts with it; then by name. Columns: code, naam, rang.
    """
    term = normaliseer(zoekterm)
    if not term:
        return pd.DataFrame(columns=["code", "naam", "rang"])
    rijen = []
    for code, naam in zip(organisaties["code"], organisaties["naam"], strict=True):
        gewoon = normaliseer(naam)
        rang = _rang(term, gewoon, code.lower())
        if rang is not None:
            rijen.append((code, naam, rang, gewoon))
    uit = pd.DataFrame(rijen, columns=["code", "naam", "rang", "_sort"])
    uit = uit.sort_values(["rang", "_sort", "code"]).head(limiet)
    return uit.drop(columns="_sort").reset_index(drop=True)


def _rang(term: str, naam: str, code: str) -> int | None:
    compact = term.replace(" ", "")
    if compact == code:
        return 0
    if term == naam:
        return 1
    if naam.startswith(term):
        return 2
    if any(woord.startswith(term) for woord in naam.split()):
        return 3
    if term in naam:
        return 4
    if code.startswith(compact):
        return 5
    return None


@dataclass(frozen=True)
class Vergelijkgroep:
    sleutel: str  # the value in ?groep=
    naam: str
    leden: tuple[str, ...]  # organisation codes, never the organisation itself
    uitleg: str = ""


def _rij(organisaties: pd.DataFrame, code: str) -> pd.Series:
    gevonden = organisaties[organisaties["code"] == code]
    if gevonden.empty:
        raise MonitorFout(f"Organisatie '{code}' bestaat niet.")
    return gevonden.iloc[0]


def _leden(frame: pd.DataFrame, code: str) -> tuple[str, ...]:
    return tuple(sorted(c for c in frame["code"] if c != code))


def _afstand(a: float | None, b: float | None) -> float:
    """Size distance: |log(a/b)|; unknown sizes are farthest."""
    if not a or not b or pd.isna(a) or pd.isna(b):
        return math.inf
    return abs(math.log(float(a) / float(b)))


def vergelijkbaar(code: str, organisaties: pd.DataFrame, k: int = VERGELIJKBAAR_K) -> tuple:
    """The ``k`` gemeenten nearest in size within the same provincie or jeugdregio."""
    eigen = _rij(organisaties, code)
    kandidaten = organisaties[
        (organisaties["actortype"] == eigen["actortype"])
        & (organisaties["code"] != code)
        & (
            (organisaties["provincie_code"] == eigen["provincie_code"])
            | (
                organisaties["jeugdregio_code"].notna()
                & (organisaties["jeugdregio_code"] == eigen["jeugdregio_code"])
            )
        )
    ]
    afstanden = sorted(
        (_afstand(inw, eigen["inwoners"]), c)
        for c, inw in zip(kandidaten["code"], kandidaten["inwoners"], strict=True)
    )
    return tuple(c for _, c in afstanden[:k])


def standaardgroepen(code: str, organisaties: pd.DataFrame) -> list[Vergelijkgroep]:
    """The peer groups of a gemeente (6) or regio (all regio's); none for other actortypes."""
    eigen = _rij(organisaties, code)
    soort = organisaties[organisaties["actortype"] == eigen["actortype"]]
    if eigen["actortype"] == "regio":
        return [Vergelijkgroep("alle", "Alle jeugdregio's", _leden(soort, code))]
    if eigen["actortype"] != "gemeente":
        return []
    groepen = [Vergelijkgroep("alle", "Alle gemeenten", _leden(soort, code))]
    regio = eigen["jeugdregio_code"]
    if regio:
        regionaam = organisaties.loc[organisaties["code"] == regio, "naam"]
        naam = regionaam.iloc[0] if not regionaam.empty else regio
        groepen.append(
            Vergelijkgroep(
                "jeugdregio",
                f"Eigen jeugdregio ({naam})",
                _leden(soort[soort["jeugdregio_code"] == regio], code),
            )
        )
    if eigen["inwonersklasse"]:
        klasse = eigen["inwonersklasse"]
        groepen.append(
            Vergelijkgroep(
                "inwonersklasse",
                f"Inwonersklasse {inwonersklasse_label(klasse)}",
                _leden(soort[soort["inwonersklasse"] == klasse], code),
            )
        )
    if not pd.isna(eigen["inwoners"]):
        grootte = grootteklasse(int(eigen["inwoners"]))
        zelfde = soort["inwoners"].map(
            lambda i: not pd.isna(i) and grootteklasse(int(i)) == grootte
        )
        groepen.append(
            Vergelijkgroep(
                "grootte",
                f"Gemeenten {grootte} inwoners",
                _leden(soort[zelfde], code),
                "De indeling van het rapport 2024: kleiner of groter dan 100.000 inwoners.",
            )
        )
    if eigen["provincie_code"]:
        groepen.append(
            Vergelijkgroep(
                "provincie",
                f"Provincie {eigen['provincie_naam']}",
                _leden(soort[soort["provincie_code"] == eigen["provincie_code"]], code),
            )
        )
    groepen.append(
        Vergelijkgroep(
            "vergelijkbaar",
            f"Vergelijkbaar ({VERGELIJKBAAR_K} naaste in grootte)",
            vergelijkbaar(code, organisaties),
            f"De {VERGELIJKBAAR_K} gemeenten in dezelfde provincie of jeugdregio met het "
            "inwonertal dat het dichtst bij dat van de gemeente ligt (naar verhouding).",
        )
    )
    return groepen


def eigen_groep(
    sleutel: str, naam: str, leden: Iterable[str], code: str, organisaties: pd.DataFrame
) -> Vergelijkgroep:
    """A custom selection: only existing organisations of the same actortype, without itself."""
    actortype = _rij(organisaties, code)["actortype"]
    geldig = set(organisaties.loc[organisaties["actortype"] == actortype, "code"])
    return Vergelijkgroep(sleutel, naam, tuple(sorted(set(leden) & geldig - {code})))
