"""The vocabulary of the monitor, defined once.

Actortypes, answer options, their labels, the status colours and the voortgang scores live
here and nowhere else. Thema titles and ambities are data (``data/vragenlijst/themas.csv``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Actortype:
    """One of the seven kinds of actor of the Hervormingsagenda."""

    code: str
    label: str
    label_meervoud: str
    collectief: bool  # True for gemeenten and regio's: many organisations of this kind
    kort: str  # for narrow chart axes


ACTORTYPES: tuple[Actortype, ...] = (
    Actortype("rijk", "Rijk", "Rijk", False, "Rijk"),
    Actortype("vng", "VNG", "VNG", False, "VNG"),
    Actortype("regio", "Jeugdregio", "Jeugdregio's", True, "Regio's"),
    Actortype("gemeente", "Gemeente", "Gemeenten", True, "Gemeenten"),
    Actortype("bgzj", "BGZJ (aanbieders)", "BGZJ (aanbieders)", False, "BGZJ"),
    Actortype("sbj", "SBJ (professionals)", "SBJ (professionals)", False, "SBJ"),
    Actortype("kbl", "KBL", "KBL", False, "KBL"),
)
ACTORTYPE_BY_CODE: dict[str, Actortype] = {a.code: a for a in ACTORTYPES}
ACTORTYPE_CODES: tuple[str, ...] = tuple(a.code for a in ACTORTYPES)

# The single national organisations, one per actortype, with their organisation code.
LANDELIJKE_ORGANISATIES: dict[str, tuple[str, str]] = {
    "RIJK": ("rijk", "Rijk (ministerie van VWS)"),
    "VNG": ("vng", "Vereniging Nederlandse Gemeenten"),
    "BGZJ": ("bgzj", "Branches Gespecialiseerde Zorg voor Jeugd"),
    "SBJ": ("sbj", "Samenwerkende Beroepsverenigingen Jeugd"),
    "KBL": ("kbl", "Kwaliteit en Blijvend Leren"),
}


class Vraagtype(StrEnum):
    STATUS4 = "status4"
    JANEE = "janee"
    LIKERT5 = "likert5"
    KEUZE = "keuze"
    MEERKEUZE = "meerkeuze"
    GETAL = "getal"
    BEDRAG = "bedrag"
    TEKST = "tekst"


VRAAGTYPES_MET_VASTE_OPTIES = (Vraagtype.STATUS4, Vraagtype.JANEE, Vraagtype.LIKERT5)
VRAAGTYPES_MET_OPTIES = (*VRAAGTYPES_MET_VASTE_OPTIES, Vraagtype.KEUZE, Vraagtype.MEERKEUZE)
VRAAGTYPES_NUMERIEK = (Vraagtype.GETAL, Vraagtype.BEDRAG)


@dataclass(frozen=True)
class Optie:
    code: str
    label: str


STATUS_OPTIES: tuple[Optie, ...] = (
    Optie("nog_niet_begonnen", "Nog niet begonnen"),
    Optie("mee_bezig", "Mee bezig"),
    Optie("bijna_klaar", "Bijna klaar"),
    Optie("afgerond", "Afgerond"),
)
JANEE_OPTIES: tuple[Optie, ...] = (Optie("ja", "Ja"), Optie("nee", "Nee"))
BELEVING_OPTIES: tuple[Optie, ...] = (
    Optie("helemaal_niet", "Helemaal niet"),
    Optie("enigszins", "Enigszins"),
    Optie("ongeveer_halverwege", "Ongeveer halverwege"),
    Optie("grotendeels", "Grotendeels"),
    Optie("volledig", "Volledig"),
)

# What the status and ja/nee options mean: stored per round (table statusdefinitie); the 2024
# report defines none (respondents interpreted them themselves), so the standard wording is
# ours and its source says so. monitor.rondes.statusdefinities changes and copies them.
STATUSDEFINITIE_OPTIES: tuple[Optie, ...] = (*STATUS_OPTIES, *JANEE_OPTIES)
STATUSDEFINITIE_OPTIE_LABELS = {o.code: o.label for o in STATUSDEFINITIE_OPTIES}
STATUSDEFINITIE_BRON_EIGEN = (
    "Eigen formulering van de monitor (niet uit het rapport: de rapportage 2024 definieert de "
    "antwoordopties niet; respondenten bepaalden toen zelf wat 'mee bezig', 'bijna klaar', "
    "'afgerond', 'ja' en 'nee' betekenden)."
)
STATUSDEFINITIES_STANDAARD: dict[str, str] = {
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
class StatusDefinitie:
    optie: str
    label: str
    betekenis: str
    bron: str


def standaard_statusdefinities() -> list[StatusDefinitie]:
    """Our wording for every option, marked as ours."""
    return statusdefinities_aangevuld({})


def statusdefinities_aangevuld(opgeslagen: dict[str, tuple[str, str]]) -> list[StatusDefinitie]:
    """Every option in the fixed order from ``opgeslagen`` (optie → (betekenis, bron)); an
    option not stored gets the standard wording, marked as ours."""
    return [
        StatusDefinitie(
            o.code,
            o.label,
            *opgeslagen.get(
                o.code, (STATUSDEFINITIES_STANDAARD[o.code], STATUSDEFINITIE_BRON_EIGEN)
            ),
        )
        for o in STATUSDEFINITIE_OPTIES
    ]


def statuslegenda(definities: list[StatusDefinitie]) -> list[str]:
    """The legend of an export: one line per option ('Bijna klaar: …'), then the sources."""
    bronnen = " ".join(dict.fromkeys(d.bron for d in definities))
    return [
        *(f"{d.label}: {d.betekenis}" for d in definities),
        f"Bron van de definities: {bronnen}",
    ]


# The stem the 2024 questionnaire put above every beleving question (report, chapter 4):
# the question itself names only the beweging of the thema.
BELEVING_STAM = (
    "In hoeverre is volgens u de beoogde beweging op dit thema gemaakt? "
    "Het gaat om uw beleving, niet om de feitelijke voortgang."
)
VASTE_OPTIES: dict[str, tuple[Optie, ...]] = {
    Vraagtype.STATUS4: STATUS_OPTIES,
    Vraagtype.JANEE: JANEE_OPTIES,
    Vraagtype.LIKERT5: BELEVING_OPTIES,
}

# Voortgang: how far an answer is along, from 0 (not started / nee) to 1 (afgerond / ja).
VOORTGANG_SCORE: dict[str, float] = {
    "nog_niet_begonnen": 0.0,
    "mee_bezig": 1 / 3,
    "bijna_klaar": 2 / 3,
    "afgerond": 1.0,
    "ja": 1.0,
    "nee": 0.0,
}
GEREED_OPTIES = frozenset({"afgerond", "ja"})
NIET_BEGONNEN_OPTIES = frozenset({"nog_niet_begonnen", "nee"})

# Colour-blind safe (Okabe-Ito and PuOr). Status is never shown by colour alone: labels go along.
OPTIE_KLEUREN: dict[str, str] = {
    "nog_niet_begonnen": "#D55E00",
    "mee_bezig": "#E69F00",
    "bijna_klaar": "#56B4E9",
    "afgerond": "#0072B2",
    "ja": "#0072B2",
    "nee": "#D55E00",
    "helemaal_niet": "#B35806",
    "enigszins": "#F1A340",
    "ongeveer_halverwege": "#BDBDBD",
    "grotendeels": "#998EC3",
    "volledig": "#542788",
}
CATEGORISCHE_KLEUREN: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)
GEEN_ANTWOORD_KLEUR = "#F2F2F2"


class PlanningSoort(StrEnum):
    """How a deadline of the Hervormingsagenda or Implementatieplan is phrased."""

    START = "start"  # 'Start Q3 2024': work must have started by then
    KLAAR = "klaar"  # 'Klaar Q2 2024': done by then
    IN = "in"  # 'In 2023': done within that year


class PlanningStatus(StrEnum):
    """Where an answer stands against its deadline at the peildatum (kengetallen.planning)."""

    ACHTER = "achter op planning"
    BINNENKORT = "deadline binnen 6 maanden"
    OP_SCHEMA = "op schema"
    AFGEROND = "afgerond"
    GEEN_PLANNING = "geen planning"
    GEEN_PEILDATUM = "geen peildatum"


# Colour and marker shape per planning status: shape too, so colour is never the only cue.
PLANNING_KLEUREN: dict[str, str] = {
    PlanningStatus.ACHTER: OPTIE_KLEUREN["nog_niet_begonnen"],
    PlanningStatus.BINNENKORT: OPTIE_KLEUREN["mee_bezig"],
    PlanningStatus.OP_SCHEMA: OPTIE_KLEUREN["bijna_klaar"],
    PlanningStatus.AFGEROND: OPTIE_KLEUREN["afgerond"],
}


class KoersUitkomst(StrEnum):
    """Whether the share gereed reaches 100% before the deadline at its pace
    (kengetallen.koers)."""

    OP_KOERS = "op koers"
    ONZEKER = "onzeker: hangt af van het tempo"
    NIET_HAALBAAR = "haalt deadline niet bij dit tempo"
    VERSTREKEN = "deadline verstreken"
    GEREED = "gereed"
    TE_WEINIG = "te weinig rondes"
    GEEN_DEADLINE = "geen deadline"


KOERS_KLEUREN: dict[str, str] = {
    KoersUitkomst.OP_KOERS: OPTIE_KLEUREN["bijna_klaar"],
    KoersUitkomst.ONZEKER: OPTIE_KLEUREN["mee_bezig"],
    KoersUitkomst.NIET_HAALBAAR: OPTIE_KLEUREN["nog_niet_begonnen"],
    KoersUitkomst.VERSTREKEN: "#CC79A7",
    KoersUitkomst.GEREED: OPTIE_KLEUREN["afgerond"],
    KoersUitkomst.TE_WEINIG: "#BDBDBD",
    KoersUitkomst.GEEN_DEADLINE: "#BDBDBD",
}
PLANNING_SYMBOLEN: dict[str, str] = {
    PlanningStatus.ACHTER: "x",
    PlanningStatus.BINNENKORT: "diamond",
    PlanningStatus.OP_SCHEMA: "circle",
    PlanningStatus.AFGEROND: "square",
}


class RondeStatus(StrEnum):
    CONCEPT = "concept"
    OPEN = "open"
    GESLOTEN = "gesloten"
    GEPUBLICEERD = "gepubliceerd"


class Zichtbaarheid(StrEnum):
    GENOEMD = "genoemd"
    ANONIEM = "anoniem"


class AntwoordStatus(StrEnum):
    CONCEPT = "concept"
    INGEDIEND = "ingediend"


class Rol(StrEnum):
    BEHEERDER = "beheerder"
    KIJKER = "kijker"
    INVULLER = "invuller"
    PUBLIEK = "publiek"


ROL_LABELS: dict[str, str] = {
    Rol.BEHEERDER: "Beheerder",
    Rol.KIJKER: "Kijker (VWS/VNG)",
    Rol.INVULLER: "Invuller (eigen organisatie)",
    Rol.PUBLIEK: "Publiek (alleen totalen)",
}

INWONERSKLASSEN: tuple[str, ...] = (
    "<20.000",
    "20.000–50.000",
    "50.000–100.000",
    "100.000–250.000",
    ">=250.000",
)

DEMO_BANNER = "Demodata — gesimuleerde antwoorden"
# The first line of every export (file, sheet, slide, page) from a demo database, so that a
# forwarded file is never mistaken for real monitor results.
DEMO_REGEL = (
    "Demodata: alle antwoorden en toelichtingen zijn verzonnen; dit zijn geen echte "
    "monitorresultaten."
)
DISCLAIMER = (
    "Deze monitor is een zelfanalyse: elke actor geeft zelf aan hoe het staat met zijn afspraken. "
    "Er is geen feitelijke controle. 'Nee' of 'nog niet begonnen' betekent niet dat er niets is "
    "gedaan."
)


def opties_voor(vraagtype: str, eigen_opties: tuple[Optie, ...] = ()) -> tuple[Optie, ...]:
    """The answer options of a vraag: the fixed ones of its type, else its own."""
    return VASTE_OPTIES.get(vraagtype, eigen_opties)


def parse_opties(tekst: str) -> tuple[Optie, ...]:
    """'code=Label|code=Label' (how options are stored and written in the vragenlijst CSV)
    → options; raises ValueError on a malformed part."""
    opties: list[Optie] = []
    for deel in filter(None, (d.strip() for d in tekst.split("|"))):
        code, is_teken, label = deel.partition("=")
        if not is_teken or not code.strip() or not label.strip():
            raise ValueError(f"optie '{deel}' moet de vorm 'code=Label' hebben")
        opties.append(Optie(code.strip(), label.strip()))
    return tuple(opties)


def format_opties(opties: tuple[Optie, ...]) -> str:
    return "|".join(f"{o.code}={o.label}" for o in opties)


def optie_label(code: str, eigen_opties: tuple[Optie, ...] = ()) -> str:
    """Dutch label for an option code; unknown codes are shown as they are."""
    for optie in (*STATUS_OPTIES, *JANEE_OPTIES, *BELEVING_OPTIES, *eigen_opties):
        if optie.code == code:
            return optie.label
    return code


# Status and ja/nee answers together, for overview charts: 'ja' counts as afgerond and 'nee' as
# not begun (as in VOORTGANG_SCORE); the colours stay those of OPTIE_KLEUREN.
STATUS_GROEP: dict[str, str] = {
    "nog_niet_begonnen": "nog_niet_begonnen",
    "nee": "nog_niet_begonnen",
    "mee_bezig": "mee_bezig",
    "bijna_klaar": "bijna_klaar",
    "afgerond": "afgerond",
    "ja": "afgerond",
}
STATUS_GROEP_LABELS: dict[str, str] = {
    "nog_niet_begonnen": "Nog niet begonnen of nee",
    "mee_bezig": "Mee bezig",
    "bijna_klaar": "Bijna klaar",
    "afgerond": "Afgerond of ja",
}

# Beleving as diverging bars: these options left of zero, these right, the middle one centred.
BELEVING_NEGATIEF: tuple[str, ...] = ("helemaal_niet", "enigszins")
BELEVING_NEUTRAAL = "ongeveer_halverwege"
BELEVING_POSITIEF: tuple[str, ...] = ("grotendeels", "volledig")

# Inwonersklassen: the lower bounds of the 2nd…5th class of INWONERSKLASSEN (defined once; the
# reference data's stored class agrees with inwonersklasse(), a test checks it). The 2024 report
# also splits gemeenten at 100.000 inwoners ("grotere gemeenten": 100.000 or more).
INWONERSKLASSE_GRENZEN: tuple[int, ...] = (20_000, 50_000, 100_000, 250_000)
GROOTTE_GRENS = 100_000
GROOTTE_LABELS: tuple[str, str] = ("<100.000", "≥100.000")


def inwonersklasse(inwoners: int) -> str:
    """The class in INWONERSKLASSEN for a number of inwoners (a bound opens the next class)."""
    klasse = sum(inwoners >= grens for grens in INWONERSKLASSE_GRENZEN)
    return INWONERSKLASSEN[klasse]


def inwonersklasse_label(klasse: str) -> str:
    """For display: the stored '>=250.000' as '≥250.000'."""
    return klasse.replace(">=", "≥")


def grootteklasse(inwoners: int) -> str:
    """The report's split: '<100.000' or '≥100.000'."""
    return GROOTTE_LABELS[inwoners >= GROOTTE_GRENS]
