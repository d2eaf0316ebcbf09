"""The slides of a reflectiesessie, generated from a round's data. Pure: frames in, slides out.

Every slide (:class:`Dia`) has a stable key, a title, its chart data as a tidy table
(``categorie``, ``reeks``, ``reeks_code``, ``waarde``) and a one-line key message computed
from the data by a fixed rule (see each builder's docstring). Slides are anonymous: they show
actortypes and thema's, never the name of a gemeente or regio.

Decks (the chosen and ordered slides of a round) are stored as ';'-joined keys; see
store.reflectie.load_deck. Notes taken during the session are checked by
rechten.controleer_notitie.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from monitor.domain import (
    ACTORTYPE_BY_CODE,
    ACTORTYPES,
    BELEVING_OPTIES,
    CATEGORISCHE_KLEUREN,
    DEMO_REGEL,
    DISCLAIMER,
    JANEE_OPTIES,
    KOERS_KLEUREN,
    OPTIE_KLEUREN,
    PLANNING_KLEUREN,
    STATUS_OPTIES,
    PlanningStatus,
    StatusDefinitie,
    Vraagtype,
    standaard_statusdefinities,
)
from monitor.kengetallen import gereed
from monitor.kengetallen import koers as koers_mod
from monitor.kengetallen import planning as planning_mod
from monitor.kengetallen.verschillen import verschillen
from monitor.kengetallen.voortgang import respons
from monitor.opmaak.tekst import afkorten, datum, procent
from monitor.rechten import GEEN_ZICHT

TABEL_KOLOMMEN = ["categorie", "reeks", "reeks_code", "waarde"]

# Slide kinds: how the chart is drawn (plotly on the page and in the PDF, native in PowerPoint).
GESTAPELD = "gestapeld"  # 100% stacked horizontal bars (waarde: percentage)
GESTAPELD_AANTAL = "gestapeld_aantal"  # stacked horizontal bars of counts
STAAF = "staaf"  # one series of horizontal bars
GEGROEPEERD = "gegroepeerd"  # clustered horizontal bars (one bar per reeks)
BEREIK = "bereik"  # a range per category: hidden offset + length in years (Dia.bereik: dates)
VERBORGEN = "verborgen"  # reeks_code of a BEREIK slide's invisible offset series

INDEX_KLASSEN: tuple[tuple[float, float, str], ...] = (
    (0, 25, "0 tot 25"),
    (25, 50, "25 tot 50"),
    (50, 75, "50 tot 75"),
    (75, 100.01, "75 tot en met 100"),
)
INDEX_KLEUREN = ("#D55E00", "#E69F00", "#56B4E9", "#0072B2")
PLANNING_VOLGORDE = (
    PlanningStatus.ACHTER,
    PlanningStatus.BINNENKORT,
    PlanningStatus.OP_SCHEMA,
    PlanningStatus.AFGEROND,
)
ZELFRAPPORTAGE = (
    "De antwoorden zijn door de actoren zelf gegeven (zelfrapportage), zonder feitelijke controle."
)


@dataclass(frozen=True)
class Bron:
    """Everything a round's slides and reports are computed from (frames from store.lezen)."""

    jaar: int
    titel: str
    peildatum: date | None
    organisaties: pd.DataFrame
    vragen: pd.DataFrame
    antwoorden: pd.DataFrame
    themas: pd.DataFrame  # nr, titel
    planning: pd.DataFrame
    afspraken: pd.DataFrame
    demo: bool = False  # from a demo database: every export says so first
    # what each status and ja/nee option means in this round (the legend of the exports)
    statusdefinities: tuple[StatusDefinitie, ...] = tuple(standaard_statusdefinities())
    eerdere: tuple[koers_mod.Meting, ...] = ()  # earlier rounds with a peildatum (Op koers?)

    @property
    def metingen(self) -> list[koers_mod.Meting]:
        """The earlier rounds and this one, oldest first (this one only with a peildatum)."""
        eigen = koers_mod.Meting(self.jaar, self.peildatum, self.vragen, self.antwoorden)
        return [*self.eerdere, *([eigen] if self.peildatum is not None else [])]


def thema_dia_sleutel(thema_nr: int) -> str:
    """The key of a thema's voortgang slide: 'thema-4-voortgang'."""
    return f"thema-{thema_nr}-voortgang"


def thema_van_dia(sleutel: str) -> int | None:
    """The thema of a thema's voortgang slide (see :func:`thema_dia_sleutel`), else None."""
    gevonden = re.fullmatch(r"thema-(\d+)-voortgang", sleutel)
    return int(gevonden.group(1)) if gevonden else None


@dataclass(frozen=True)
class Dia:
    sleutel: str
    titel: str
    soort: str  # GESTAPELD | GESTAPELD_AANTAL | STAAF | GEGROEPEERD
    tabel: pd.DataFrame = field(repr=False)  # TABEL_KOLOMMEN, categories and series in order
    kernboodschap: str
    as_titel: str = "Aandeel (%)"
    toelichting: str = ""  # what the figure counts (caption under the chart)
    bereik: pd.DataFrame | None = field(default=None, repr=False)  # BEREIK: rij, dates, uitkomst

    @property
    def alt(self) -> str:
        soorten = {
            GESTAPELD: "Gestapeld staafdiagram",
            GESTAPELD_AANTAL: "Gestapeld staafdiagram",
            STAAF: "Staafdiagram",
            GEGROEPEERD: "Gegroepeerd staafdiagram",
            BEREIK: "Bereikdiagram",
        }
        return f"{soorten[self.soort]}: {self.titel}. {self.kernboodschap}"

    @property
    def categorieen(self) -> list[str]:
        return list(dict.fromkeys(self.tabel["categorie"]))

    @property
    def reeksen(self) -> list[tuple[str, str]]:
        """(code, label) of each series, in order."""
        paren = zip(self.tabel["reeks_code"], self.tabel["reeks"], strict=True)
        return list(dict.fromkeys(paren))

    def waarden(self, reeks_code: str) -> list[float]:
        """The values of one series in category order (0 where the table has no row)."""
        deel = self.tabel[self.tabel["reeks_code"] == reeks_code]
        per_categorie = dict(zip(deel["categorie"], deel["waarde"], strict=True))
        return [float(per_categorie.get(c, 0.0)) for c in self.categorieen]


def kleur(reeks_code: str, volgnummer: int = 0) -> str:
    """The colour of a series: domain colours for options and planning statuses."""
    if reeks_code in OPTIE_KLEUREN:
        return OPTIE_KLEUREN[reeks_code]
    if reeks_code in PLANNING_KLEUREN:
        return PLANNING_KLEUREN[reeks_code]
    if reeks_code in KOERS_KLEUREN:
        return KOERS_KLEUREN[reeks_code]
    if reeks_code.startswith("index_"):
        return INDEX_KLEUREN[int(reeks_code.removeprefix("index_")) % len(INDEX_KLEUREN)]
    return CATEGORISCHE_KLEUREN[volgnummer % len(CATEGORISCHE_KLEUREN)]


# --------------------------------------------------------------------------------------------
# Helpers


def _tabel(rijen: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rijen, columns=TABEL_KOLOMMEN)


def _beantwoord(antwoorden: pd.DataFrame) -> pd.DataFrame:
    return antwoorden[antwoorden["waarde"].notna() & (antwoorden["waarde"] != "")]


def _zin(tekst: str, lengte: int) -> str:
    """A question text shortened to end a key message: 'Onze regio heeft … plan.'; a cut
    text ends after a whole word ('tussen jeugdhulp en…', not 'tussen jeugdhul…')."""
    kort = afkorten(tekst.strip().rstrip("."), lengte)
    if not kort.endswith("…"):
        return kort + "."
    woorden = kort[:-1].rsplit(" ", 1)[0] if " " in kort else kort[:-1]
    return woorden.rstrip(",;:") + "…"


def thema_titel(bron: Bron, nr: int) -> str:
    return _thema_titel(bron.themas, nr)


def _thema_titel(themas: pd.DataFrame, nr: int) -> str:
    titels = dict(zip(themas["nr"].astype(int), themas["titel"], strict=True))
    return f"{nr}. {titels.get(nr, '')}".rstrip(". ")


_VASTE_TITELS = {
    "respons": "Respons per actor, ronde {jaar}",
    "planning-stand": "Stand ten opzichte van de planning, ronde {jaar}",
    "op-koers": "Op koers? Gemeenten en jeugdregio's per thema, ronde {jaar}",
    "verschillen": "Verschillen tussen actoren, ronde {jaar}",
}
_TITELS_PER_ACTOR = {
    "beleving-{code}": "{naam}: beleving van de beweging per thema, ronde {jaar}",
    "benchmark-{code}-index": "{naam}: spreiding van de voortgangsindex per thema, ronde {jaar}",
}


def dia_titel(sleutel: str, jaar: int, themas: pd.DataFrame) -> str:
    """The title of slide ``sleutel`` in round ``jaar`` (``themas``: nr, titel): the one home of
    slide titles, for the slide itself and for a page that names a note's slide without
    building the slides (Actiepunten). An unknown key is its own title."""
    if sleutel in _VASTE_TITELS:
        return _VASTE_TITELS[sleutel].format(jaar=jaar)
    if (nr := thema_van_dia(sleutel)) is not None:
        return f"Thema {_thema_titel(themas, nr)}: voortgang per actor"
    for actor in ACTORTYPES:
        for patroon, titel in _TITELS_PER_ACTOR.items():
            if sleutel == patroon.format(code=actor.code):
                return titel.format(naam=actor.label_meervoud, jaar=jaar)
    return sleutel


# --------------------------------------------------------------------------------------------
# Slide builders


def respons_dia(bron: Bron) -> Dia:
    """Respons per actortype. Key message: the respons of gemeenten and regio's, and how many
    of the single national actors responded."""
    tabel = respons(bron.organisaties, bron.antwoorden)
    rijen = [
        (r.label, "Respons", "respons", float(r.percentage or 0.0))
        for r in tabel.itertuples()
        if r.totaal
    ]
    per = tabel.set_index("actortype")
    delen = []
    for code in ("gemeente", "regio"):
        if code in per.index and per.loc[code, "totaal"]:
            r = per.loc[code]
            naam = ACTORTYPE_BY_CODE[code].label_meervoud.lower()
            delen.append(
                f"{r['ingevuld']} van de {r['totaal']} {naam} "
                f"({procent(100 * r['ingevuld'] / r['totaal'])})"  # not the 1-decimal figure
            )
    enkel = per[[not ACTORTYPE_BY_CODE[c].collectief for c in per.index]]
    boodschap = " en ".join(delen) + " vulden de monitor in"
    boodschap += f"; {int(enkel['ingevuld'].sum())} van de {int(enkel['totaal'].sum())} "
    boodschap += "landelijke partijen deden mee."
    return Dia(
        sleutel="respons",
        titel=dia_titel("respons", bron.jaar, bron.themas),
        soort=STAAF,
        tabel=_tabel(rijen),
        kernboodschap=boodschap,
        as_titel="Respons (%)",
        toelichting="Percentage van de organisaties in de indeling van dit jaar.",
    )


def voortgang_tabel(vragen: pd.DataFrame, antwoorden: pd.DataFrame, thema_nr: int) -> pd.DataFrame:
    """Per actortype the share (%, not rounded) of its answers on the thema's afspraken in each
    status group (kengetallen.gereed: 'ja' with afgerond, 'nee' with nog niet begonnen),
    actortypes in order. The 'afgerond' value is the actortype's share gereed."""
    eigen = vragen[vragen["thema_nr"] == thema_nr]
    tabel = gereed.status_verdeling(eigen, antwoorden, per=("actortype",))
    per_actor = {code: groep for code, groep in tabel.groupby("actortype")}
    rijen = []
    for actor in ACTORTYPES:
        for r in per_actor.get(actor.code, tabel.iloc[0:0]).itertuples():
            rijen.append((actor.label_meervoud, r.label, r.groep, float(r.percentage)))
    return _tabel(rijen)


def _meest_gereed(
    vragen: pd.DataFrame, antwoorden: pd.DataFrame, thema_nr: int
) -> tuple[float, str, str, str] | None:
    """Among the thema's afspraken of gemeenten and regio's: the question with the highest share
    gereed, as (percentage, actortype, option label, vraag tekst)."""
    eigen = vragen[
        (vragen["thema_nr"] == thema_nr) & vragen["actortype"].isin(["gemeente", "regio"])
    ]
    per_vraag = gereed.aandeel_gereed_per(eigen, antwoorden, per=("vraag_id",))
    if per_vraag.empty:
        return None
    beste = per_vraag.sort_values(["percentage", "vraag_id"], ascending=[False, True]).iloc[0]
    vraag = eigen.set_index("id").loc[int(beste["vraag_id"])]
    label = "ja" if vraag["vraagtype"] == Vraagtype.JANEE else "afgerond"
    return float(beste["percentage"]), str(vraag["actortype"]), label, str(vraag["tekst"])


def thema_voortgang_dia(bron: Bron, thema_nr: int) -> Dia:
    """Progress per actor within one thema (100% stacked).

    Key message rule: the afspraak of gemeenten or regio's with the highest share gereed;
    when the thema has none, how many of the national actors' answers are gereed.
    """
    tabel = voortgang_tabel(bron.vragen, bron.antwoorden, thema_nr)
    beste = _meest_gereed(bron.vragen, bron.antwoorden, thema_nr)
    if beste is not None:
        aandeel, actortype, label, tekst = beste
        actor = ACTORTYPE_BY_CODE[actortype].label_meervoud.lower()
        boodschap = f"{procent(aandeel)} van de {actor} antwoordt '{label}' op: {_zin(tekst, 110)}"
    else:
        eigen = bron.vragen[bron.vragen["thema_nr"] == thema_nr]
        klaar = gereed.aandeel_gereed(eigen, bron.antwoorden)
        boodschap = (
            f"{klaar.aantal} van de {klaar.totaal} antwoorden op afspraken in dit thema zijn "
            "'afgerond' of 'ja'."
            if klaar.totaal
            else "In deze ronde zijn op dit thema nog geen afspraken beantwoord."
        )
    return Dia(
        sleutel=thema_dia_sleutel(thema_nr),
        titel=dia_titel(thema_dia_sleutel(thema_nr), bron.jaar, bron.themas),
        soort=GESTAPELD,
        tabel=tabel,
        kernboodschap=boodschap,
        as_titel="Aandeel van de antwoorden (%)",
        toelichting="Alle antwoorden op de afspraken van dit thema per actor; 'ja' telt als "
        "afgerond, 'nee' als nog niet begonnen.",
    )


def planning_overzicht(bron: Bron) -> pd.DataFrame:
    """kengetallen.planning.planning_overzicht of the round."""
    return planning_mod.planning_overzicht(
        vragen=bron.vragen,
        antwoorden=bron.antwoorden,
        planning=bron.planning,
        afspraken=bron.afspraken,
        peildatum=bron.peildatum,
    )


def planning_dia(bron: Bron) -> Dia:
    """How the afspraak-vragen with a deadline stand at the peildatum, per actor (counts,
    stacked). For gemeenten and regio's an afspraak-vraag counts with the status of the
    majority. Key message rule: kengetallen.planning.achter_op_planning, in its wording.
    """
    overzicht = planning_overzicht(bron)
    rijen = []
    for actor in ACTORTYPES:
        eigen = overzicht[overzicht["actortype"] == actor.code]
        if eigen.empty:
            continue
        for status in PLANNING_VOLGORDE:
            aantal = int((eigen["status"] == status).sum())
            rijen.append((actor.label_meervoud, str(status).capitalize(), str(status), aantal))
    if bron.peildatum is None or overzicht.empty:
        boodschap = "Zonder peildatum of planning is de stand t.o.v. de planning niet te bepalen."
    else:
        achter = planning_mod.achter_op_planning(overzicht, bron.peildatum)
        boodschap = (
            f"Op de peildatum ({datum(bron.peildatum)}) stonden "
            f"{planning_mod.achter_tekst(achter)} achter op planning."
        )
    return Dia(
        sleutel="planning-stand",
        titel=dia_titel("planning-stand", bron.jaar, bron.themas),
        soort=GESTAPELD_AANTAL,
        tabel=_tabel(rijen),
        kernboodschap=boodschap,
        as_titel="Aantal afspraak-vragen",
        toelichting="Afspraak-vragen (een afspraak per actor) met een deadline uit de "
        "Hervormingsagenda of het Implementatieplan, zoals die op de peildatum gold; bij "
        "gemeenten en regio's telt de stand van de meerderheid.",
    )


def koers_tabel(bron: Bron) -> pd.DataFrame:
    """kengetallen.koers.koers_per_thema over the round and the earlier ones."""
    return koers_mod.koers_per_thema(bron.metingen, bron.planning, bron.afspraken)


KOERS_DIA_ACTOREN = ("gemeente", "regio")  # one slide must stay readable on a projector


def koers_dia(bron: Bron) -> Dia:
    """Op koers?: per thema for gemeenten and regio's (the national actors are on the
    Planning page) with a pace, the months in which 100% gereed is reached
    at the pace between the rounds, against the end of the agenda (kengetallen.koers).

    ``bereik`` holds the dates for the range chart (page, PDF); ``tabel`` the same as a range
    in years after the peildatum (an invisible offset and the range per outcome) for the
    native PowerPoint chart. Key message rule: how many are op koers, of how many, and how
    many reach 100% only after the deadline or never at their pace.
    """
    tabel = koers_tabel(bron)
    collectief = tabel["actortype"].isin(KOERS_DIA_ACTOREN)
    met_tempo = tabel[tabel["tempo_trend"].notna() & collectief].reset_index(drop=True)
    tot = koers_mod.grafiek_einde(met_tempo["deadline"].tolist())
    rijen = []
    labels = []
    for r in met_tempo.itertuples():
        label = f"{ACTORTYPE_BY_CODE[r.actortype].label_meervoud}, thema {int(r.thema_nr)}"
        labels.append(label)
        van = r.vroegst if isinstance(r.vroegst, date) and r.vroegst <= tot else tot
        tot_rij = r.laatst if isinstance(r.laatst, date) and r.laatst <= tot else tot
        jaren = (van - r.peildatum).days / koers_mod.DAGEN_PER_JAAR
        lengte = max((tot_rij - van).days / koers_mod.DAGEN_PER_JAAR, 0.1)  # a dot stays seen
        rijen.append((label, "", VERBORGEN, jaren))
        rijen.append((label, str(r.uitkomst), str(r.uitkomst), lengte))
    telling = koers_mod.telling(met_tempo) if len(met_tempo) else {}
    op_koers = telling.get(koers_mod.OP_KOERS, 0)
    later = telling.get(koers_mod.NIET_HAALBAAR, 0)
    boodschap = (
        f"Bij het tempo tussen de rondes is {op_koers} van de {len(met_tempo)} thema's per "
        f"actor (gemeenten, jeugdregio's) eind {koers_mod.EINDE_AGENDA.year} gereed; {later} "
        "halen dat niet bij dit tempo."
        if len(met_tempo)
        else "Met één ronde is nog geen tempo te berekenen."
    )
    return Dia(
        sleutel="op-koers",
        titel=dia_titel("op-koers", bron.jaar, bron.themas),
        soort=BEREIK,
        tabel=_tabel(rijen),
        kernboodschap=boodschap,
        as_titel=f"Jaren na de peildatum tot 100% gereed (rechts afgekapt: na {tot.year})",
        toelichting=koers_mod.AANNAMES,
        bereik=met_tempo.assign(rij=labels),
    )


def verschillen_dia(bron: Bron) -> Dia:
    """Shared afspraken that the national actors answer differently: each actor's progress
    (0 = nog niet begonnen/nee … 100 = afgerond/ja). Key message rule: how many such afspraken,
    and the one with the largest gap."""
    tabel = verschillen(
        zicht=GEEN_ZICHT, vragen=bron.vragen, antwoorden=bron.antwoorden, afspraken=bron.afspraken
    )
    rijen = []
    grootste = (0.0, "")
    for (_thema, _code, afspraak), groep in tabel.groupby(
        ["thema_nr", "afspraak_code", "afspraak"], sort=False
    ):
        scores = []
        for rij in groep.itertuples():
            code = _optie_code(rij.antwoord)
            score = gereed.voortgang_score(code) or 0.0
            scores.append(score)
            actor = ACTORTYPE_BY_CODE[rij.actortype]
            rijen.append((afspraak, actor.label, actor.code, score))
        if max(scores) - min(scores) > grootste[0]:
            grootste = (max(scores) - min(scores), afspraak)
    aantal = tabel["afspraak_code"].nunique()
    if aantal:
        boodschap = (
            f"Bij {aantal} gedeelde afspraken antwoorden de landelijke partijen verschillend; "
            f"het grootste verschil: {_zin(grootste[1], 90)}"
        )
    else:
        boodschap = "De landelijke partijen beantwoorden hun gedeelde afspraken gelijk."
    return Dia(
        sleutel="verschillen",
        titel=dia_titel("verschillen", bron.jaar, bron.themas),
        soort=GEGROEPEERD,
        tabel=_tabel(rijen),
        kernboodschap=boodschap,
        as_titel="Voortgang (0 = nog niet begonnen of nee, 100 = afgerond of ja)",
        toelichting="Een verschil is een aanleiding voor het gesprek, geen oordeel.",
    )


def _optie_code(label: str) -> str:
    for optie in (*STATUS_OPTIES, *JANEE_OPTIES):
        if optie.label == label:
            return optie.code
    return label


def beleving_dia(bron: Bron, actortype: str) -> Dia:
    """How far gemeenten (or regio's) feel the movement has come per thema (100% stacked).

    Key message rule: the statement with the highest share 'volledig'."""
    eigen = bron.vragen[
        (bron.vragen["soort"] == "beleving") & (bron.vragen["actortype"] == actortype)
    ]
    beantwoord = _beantwoord(bron.antwoorden)
    rijen = []
    beste = None
    for vraag in eigen.sort_values("volgorde", kind="stable").itertuples():
        waarden = beantwoord.loc[beantwoord["vraag_id"] == vraag.id, "waarde"]
        if waarden.empty:
            continue
        for optie in BELEVING_OPTIES:
            aandeel = 100 * (waarden == optie.code).sum() / len(waarden)
            rijen.append((vraag.tekst, optie.label, optie.code, float(aandeel)))
            if optie.code == "volledig" and (beste is None or aandeel > beste[0]):
                beste = (aandeel, vraag.tekst)
    naam = ACTORTYPE_BY_CODE[actortype].label_meervoud
    boodschap = (
        f"{procent(beste[0])} van de {naam.lower()} vindt de beweging volledig gemaakt "
        f"bij: {_zin(beste[1], 100)}"
        if beste
        else f"Geen belevingsvragen voor {naam.lower()} in deze ronde."
    )
    return Dia(
        sleutel=f"beleving-{actortype}",
        titel=dia_titel(f"beleving-{actortype}", bron.jaar, bron.themas),
        soort=GESTAPELD,
        tabel=_tabel(rijen),
        kernboodschap=boodschap,
        as_titel="Aandeel van de antwoorden (%)",
        toelichting="Hun beleving van de beoogde beweging, niet de feitelijke voortgang.",
    )


def index_verdeling(bron: Bron, actortype: str) -> pd.DataFrame:
    """Per thema the share (%, not rounded) of the actortype's organisations whose
    voortgangsindex (0–100) falls in each INDEX_KLASSEN band; anonymous (only counts)."""
    index = gereed.voortgangsindex(
        bron.vragen, bron.antwoorden, per=("organisatie_code", "thema_nr", "actortype")
    )
    index = index[index["actortype"] == actortype] if len(index) else index
    rijen = []
    for nr in sorted(index["thema_nr"].astype(int).unique()) if len(index) else []:
        waarden = index.loc[index["thema_nr"] == nr, "index"]
        for i, (van, tot, label) in enumerate(INDEX_KLASSEN):
            aandeel = 100 * ((waarden >= van) & (waarden < tot)).sum() / len(waarden)
            rijen.append((thema_titel(bron, nr), label, f"index_{i}", float(aandeel)))
    return _tabel(rijen)


def benchmark_dia(bron: Bron, actortype: str) -> Dia:
    """Benchmark: how the organisations of one actortype spread over voortgangsindex bands,
    per thema. Key message rule: the thema with the largest share at 75 or more."""
    tabel = index_verdeling(bron, actortype)
    naam = ACTORTYPE_BY_CODE[actortype].label_meervoud
    top = tabel[tabel["reeks_code"] == f"index_{len(INDEX_KLASSEN) - 1}"]
    if top.empty:
        boodschap = f"Voor {naam.lower()} is in deze ronde geen voortgangsindex te berekenen."
    else:
        rij = top.sort_values("waarde", ascending=False, kind="stable").iloc[0]
        boodschap = (
            f"In thema {rij['categorie']} heeft {procent(rij['waarde'])} van de "
            f"{naam.lower()} een voortgangsindex van 75 of hoger: het hoogste aandeel."
        )
    return Dia(
        sleutel=f"benchmark-{actortype}-index",
        titel=dia_titel(f"benchmark-{actortype}-index", bron.jaar, bron.themas),
        soort=GESTAPELD,
        tabel=tabel,
        kernboodschap=boodschap,
        as_titel=f"Aandeel van de {naam.lower()} (%)",
        toelichting="Voortgangsindex: het gemiddelde over de afspraken van het thema, van 0 "
        "(nog niet begonnen of nee) tot 100 (afgerond of ja). Indicatief: zelf gerapporteerd.",
    )


def catalogus(bron: Bron) -> list[Dia]:
    """All slides of a round in the default order: respons, each thema, planning, op koers
    (from the second round on), differences, beleving, benchmarks. Thema's without afspraken
    in this round are left out."""
    dias = [respons_dia(bron)]
    for nr in sorted(bron.themas["nr"].astype(int)):
        dia = thema_voortgang_dia(bron, nr)
        if not dia.tabel.empty:
            dias.append(dia)
    dias += [planning_dia(bron), koers_dia(bron), verschillen_dia(bron)]
    for actortype in ("gemeente", "regio"):
        dias.append(beleving_dia(bron, actortype))
    for actortype in ("gemeente", "regio"):
        dias.append(benchmark_dia(bron, actortype))
    return [d for d in dias if not d.tabel.empty]


# --------------------------------------------------------------------------------------------
# What every export states


def planning_op_peildatum(bron: Bron) -> pd.DataFrame:
    """Per afspraak of this round with a deadline: the planning in force at the peildatum and
    whether that deadline had passed (on or before the peildatum; see monitor.kengetallen.planning).

    Columns: thema_nr, afspraak_code, afspraak, actoren (labels), planning, deadline,
    verstreken ('Ja'/'Nee'; '–' without peildatum). Sorted by thema and afspraak.
    """
    in_kracht = planning_mod.planning_in_kracht(bron.planning, bron.peildatum)
    kolommen = ["thema_nr", "afspraak_code", "afspraak", "actoren", "planning", "deadline"]
    if in_kracht.empty:
        return pd.DataFrame(columns=[*kolommen, "verstreken"])
    gevraagd = bron.vragen[bron.vragen["afspraak_code"].notna()]
    actoren = gevraagd.groupby("afspraak_code")["actortype"].agg(
        lambda s: ", ".join(
            ACTORTYPE_BY_CODE[c].label_meervoud for c in sorted(set(s), key=_actor_volgorde)
        )
    )
    teksten = dict(zip(bron.afspraken["code"], bron.afspraken["tekst"], strict=True))
    themas = dict(zip(bron.afspraken["code"], bron.afspraken["thema_nr"], strict=True))
    rijen = []
    for plan in in_kracht.itertuples():
        if plan.afspraak_code not in actoren.index:
            continue
        verstreken = planning_mod.deadline_verstreken(
            soort=plan.soort, datum=plan.datum, peildatum=bron.peildatum
        )
        rijen.append(
            (
                int(themas.get(plan.afspraak_code, 0)),
                plan.afspraak_code,
                teksten.get(plan.afspraak_code, plan.afspraak_code),
                actoren[plan.afspraak_code],
                plan.tekst,
                plan.datum,
                verstreken,
            )
        )
    return (
        pd.DataFrame(rijen, columns=[*kolommen, "verstreken"])
        .sort_values(["thema_nr", "afspraak_code"], kind="stable")
        .reset_index(drop=True)
    )


def _actor_volgorde(code: str) -> int:
    return [a.code for a in ACTORTYPES].index(code)


def kopregels(bron: Bron) -> list[str]:
    """The lines every export starts with: (demo,) round, peildatum, self-reported, deadlines."""
    return [
        *([DEMO_REGEL] if bron.demo else []),
        f"Ronde {bron.jaar}: {bron.titel}",
        f"Peildatum: {datum(bron.peildatum)}",
        ZELFRAPPORTAGE,
        DISCLAIMER,
        "Per afspraak staat vermeld of de deadline op de peildatum verstreken was (deadline op "
        "of vóór de peildatum), volgens de planning die op de peildatum gold.",
    ]
