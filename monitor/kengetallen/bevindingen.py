"""Bevindingen per thema: a draft text written by fixed rules from the figures. Pure.

No language model: every sentence is built from one figure function of ``monitor.kengetallen``
and carries its source (:class:`Herkomst`: the function's name, its parameters and the values
the sentence shows, unrounded), so that a reader and a test can trace each number back.

The rules, in the order of the text (the style of the report's chapter 2–3 summaries):

1. **Gereed** per actortype (``gereed.aandeel_gereed_per`` by thema and actortype).
2. **Achter op planning** in the thema and per actortype that is behind
   (``planning.achter_per`` on ``planning.planning_overzicht``).
3. **Verschillen tussen actoren**: afspraken that single actors answer differently
   (``verschillen.verschillen``).
4. **Verandering** of the voortgangsindex since the previous round, per actortype
   (``verandering.verandering_per_thema``); left out in a first round.
5. **Wacht op**: afspraken of the thema whose prerequisite is not done
   (``afhankelijkheden.wacht_op``).

Numbers are shown through ``monitor.opmaak.tekst`` (one rounding rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from monitor.domain import ACTORTYPE_BY_CODE
from monitor.kengetallen import afhankelijkheden as afhankelijkheden_mod
from monitor.kengetallen import gereed
from monitor.kengetallen import planning as planning_mod
from monitor.kengetallen import verandering as verandering_mod
from monitor.kengetallen.verschillen import verschillen
from monitor.opmaak.tekst import getal, opsomming, procent, verschil
from monitor.rechten import GEEN_ZICHT

GEREED = "gereed.aandeel_gereed_per"
ACHTER = "planning.achter_per"
VERSCHILLEN = "verschillen.verschillen"
VERANDERING = "verandering.verandering_per_thema"
WACHT_OP = "afhankelijkheden.wacht_op"
SCHAAL = "(0–100)"  # the voortgangsindex's scale, named in its sentences


@dataclass(frozen=True)
class Herkomst:
    """Where a sentence comes from: ``figuur`` (module.function in monitor.kengetallen), the
    ``parameters`` that select its row, and the ``waarden`` the sentence shows, by column
    name, unrounded, in the order they appear in the sentence."""

    figuur: str
    parameters: tuple[tuple[str, object], ...]
    waarden: tuple[tuple[str, float], ...] = ()

    def regel(self) -> str:
        """'gereed.aandeel_gereed_per(thema_nr=1, actortype=rijk): gereed=4, totaal=9'."""
        par = ", ".join(f"{k}={v}" for k, v in self.parameters)
        waarden = ", ".join(
            f"{k}={getal(v, 0 if float(v).is_integer() else 1)}" for k, v in self.waarden
        )
        return f"{self.figuur}({par})" + (f": {waarden}" if waarden else "")


@dataclass(frozen=True)
class Zin:
    """One sentence of the draft and its source."""

    tekst: str
    herkomst: Herkomst


def _actor(code: str) -> str:
    """'het Rijk', 'de gemeenten', 'VNG': how the report names an actor in a sentence."""
    actor = ACTORTYPE_BY_CODE[code]
    if actor.collectief:
        return f"de {actor.label_meervoud.lower()}"
    return "het Rijk" if code == "rijk" else actor.label


def _per_actor(tabel: pd.DataFrame) -> list:
    """The rows of ``tabel`` in the Hervormingsagenda order of their actortype."""
    volgorde = list(ACTORTYPE_BY_CODE)
    return sorted(tabel.itertuples(), key=lambda r: volgorde.index(r.actortype))


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _gereed_zinnen(thema_nr: int, vragen: pd.DataFrame, antwoorden: pd.DataFrame) -> list[Zin]:
    tabel = gereed.aandeel_gereed_per(vragen, antwoorden, per=("thema_nr", "actortype"))
    tabel = tabel[tabel["thema_nr"].astype(int) == thema_nr]
    zinnen = []
    for rij in _per_actor(tabel):
        actor = ACTORTYPE_BY_CODE[rij.actortype]
        aantal, totaal, pct = int(rij.gereed), int(rij.totaal), float(rij.percentage)
        if actor.collectief:
            tekst = (
                f"{_hoofdletter(_actor(rij.actortype))} antwoorden bij {getal(aantal)} van de "
                f"{getal(totaal)} antwoorden op de afspraken ({procent(pct)}) dat de afspraak "
                "is afgerond."
            )
        else:
            afspraken = "afspraak" if totaal == 1 else "afspraken"
            tekst = (
                f"{_hoofdletter(_actor(rij.actortype))} geeft aan {getal(aantal)} van de "
                f"{getal(totaal)} {afspraken} in dit thema te hebben afgerond ({procent(pct)})."
            )
        herkomst = Herkomst(
            GEREED,
            (("thema_nr", thema_nr), ("actortype", rij.actortype)),
            (("gereed", aantal), ("totaal", totaal), ("percentage", pct)),
        )
        zinnen.append(Zin(tekst, herkomst))
    return zinnen


def _achter_zinnen(thema_nr: int, overzicht: pd.DataFrame, peildatum: date | None) -> list[Zin]:
    eigen = overzicht[overzicht["thema_nr"] == thema_nr]
    totaal = planning_mod.achter_per(eigen, peildatum).iloc[0]
    achter, verstreken = int(totaal["achter"]), int(totaal["verstreken"])
    par = (("thema_nr", thema_nr), ("peildatum", peildatum))
    waarden = (("achter", achter), ("verstreken", verstreken))
    if not verstreken:
        tekst = "Op de peildatum was in dit thema nog geen deadline verstreken."
        return [Zin(tekst, Herkomst(ACHTER, par, ()))]
    werkwoord = "is" if achter == 1 else "zijn"
    tekst = (
        f"Op de peildatum {werkwoord} "
        f"{planning_mod.achter_tekst(planning_mod.Achter(achter, verstreken))} achter op planning."
    )
    zinnen = [Zin(tekst, Herkomst(ACHTER, par, waarden))]
    per_actor = planning_mod.achter_per(eigen, peildatum, per=("actortype",))
    for rij in _per_actor(per_actor):
        if not rij.achter:
            continue
        tekst = (
            f"Bij {_actor(rij.actortype)} gaat het om {getal(rij.achter)} van de "
            f"{getal(rij.verstreken)}."
        )
        herkomst = Herkomst(
            ACHTER,
            (*par, ("actortype", rij.actortype)),
            (("achter", int(rij.achter)), ("verstreken", int(rij.verstreken))),
        )
        zinnen.append(Zin(tekst, herkomst))
    return zinnen


def _verschil_zinnen(
    thema_nr: int, vragen: pd.DataFrame, antwoorden: pd.DataFrame, afspraken: pd.DataFrame
) -> list[Zin]:
    tabel = verschillen(zicht=GEEN_ZICHT, vragen=vragen, antwoorden=antwoorden, afspraken=afspraken)
    tabel = tabel[tabel["thema_nr"] == thema_nr]
    zinnen = []
    for code, groep in tabel.groupby("afspraak_code", sort=True):
        delen = [
            f"{ACTORTYPE_BY_CODE[r.actortype].label} '{r.antwoord}'" for r in groep.itertuples()
        ]
        tekst = f"Bij afspraak {code} verschillen de actoren: {opsomming(delen)}."
        herkomst = Herkomst(VERSCHILLEN, (("thema_nr", thema_nr), ("afspraak_code", code)))
        zinnen.append(Zin(tekst, herkomst))
    return zinnen


def _verandering_zinnen(
    thema_nr: int,
    vragen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    vragen_vorig: pd.DataFrame,
    antwoorden_vorig: pd.DataFrame,
) -> list[Zin]:
    per = ("thema_nr", "actortype")
    tabel = verandering_mod.verandering_per_thema(
        gereed.voortgangsindex(vragen, antwoorden, per=per),
        gereed.voortgangsindex(vragen_vorig, antwoorden_vorig, per=per),
    )
    tabel = tabel[(tabel["thema_nr"].astype(int) == thema_nr) & tabel["verschil"].notna()]
    zinnen = []
    for rij in _per_actor(tabel):
        teken = verschil(rij.index, rij.index_vorig)
        beweging = "bleef gelijk op" if teken == "0" else "ging van"
        if teken == "0":
            tekst = (
                f"De voortgangsindex {SCHAAL} van {_actor(rij.actortype)} {beweging} "
                f"{getal(rij.index)} ten opzichte van de vorige ronde."
            )
            waarden: tuple[tuple[str, float], ...] = (("index", float(rij.index)),)
        else:
            tekst = (
                f"De voortgangsindex {SCHAAL} van {_actor(rij.actortype)} {beweging} "
                f"{getal(rij.index_vorig)} in de vorige ronde naar {getal(rij.index)} ({teken})."
            )
            waarden = (
                ("index_vorig", float(rij.index_vorig)),
                ("index", float(rij.index)),
                ("verschil", float(rij.verschil)),
            )
        herkomst = Herkomst(
            VERANDERING, (("thema_nr", thema_nr), ("actortype", rij.actortype)), waarden
        )
        zinnen.append(Zin(tekst, herkomst))
    return zinnen


def _wacht_op_zinnen(
    thema_nr: int,
    vragen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    afspraken: pd.DataFrame,
    afhankelijkheden: pd.DataFrame,
) -> list[Zin]:
    wachtend = afhankelijkheden_mod.wacht_op(
        afhankelijkheden=afhankelijkheden,
        afgerond=afhankelijkheden_mod.afgeronde_afspraken(vragen, antwoorden),
    )
    eigen = set(afspraken.loc[afspraken["thema_nr"].astype(int) == thema_nr, "code"])
    codes = sorted(c for c in wachtend if c in eigen)
    if not codes:
        return []
    delen = [f"{c} (wacht op {opsomming(wachtend[c])})" for c in codes]
    woord = "afspraak wacht" if len(codes) == 1 else "afspraken wachten"
    tekst = (
        f"{getal(len(codes))} {woord} op een andere afspraak die nog niet is afgerond: "
        f"{'; '.join(delen)}."
    )
    herkomst = Herkomst(WACHT_OP, (("thema_nr", thema_nr),), (("afspraken", len(codes)),))
    return [Zin(tekst, herkomst)]


def bevindingen(
    *,
    thema_nr: int,
    vragen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    planning: pd.DataFrame,
    afspraken: pd.DataFrame,
    afhankelijkheden: pd.DataFrame,
    peildatum: date | None,
    vragen_vorig: pd.DataFrame | None = None,
    antwoorden_vorig: pd.DataFrame | None = None,
) -> list[Zin]:
    """The draft sentences of one thema, in the order of the module docstring.

    ``afspraken`` has columns code, thema_nr and tekst; without a previous round
    (``vragen_vorig`` None) there is no sentence about change.
    """
    overzicht = planning_mod.planning_overzicht(
        vragen=vragen,
        antwoorden=antwoorden,
        planning=planning,
        afspraken=afspraken,
        peildatum=peildatum,
    )
    zinnen = _gereed_zinnen(thema_nr, vragen, antwoorden)
    zinnen += _achter_zinnen(thema_nr, overzicht, peildatum)
    zinnen += _verschil_zinnen(thema_nr, vragen, antwoorden, afspraken)
    if vragen_vorig is not None and antwoorden_vorig is not None:
        zinnen += _verandering_zinnen(thema_nr, vragen, antwoorden, vragen_vorig, antwoorden_vorig)
    zinnen += _wacht_op_zinnen(thema_nr, vragen, antwoorden, afspraken, afhankelijkheden)
    return zinnen


def concept_tekst(zinnen: list[Zin]) -> str:
    """The draft as one paragraph of plain text (what a user edits)."""
    return " ".join(z.tekst for z in zinnen)


def bronnen_tekst(zinnen: list[Zin]) -> str:
    """One line per sentence with its source, for speaker notes and a 'bronnen' expander."""
    return "\n".join(f"{i}. {z.herkomst.regel()}" for i, z in enumerate(zinnen, start=1))
