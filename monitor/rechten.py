"""Who may see and do what: the one home of every access decision.

Pure (domain, errors and pandas only): used by the navigation, the data layer and the exports.

- :data:`RECHTEN` is the one table of named rights per role; :func:`mag` and :func:`vereis`
  ask it. Nothing else compares roles.
- :func:`zicht` is the one gate for organisation-level data (answers, toelichtingen, indices,
  response status, rows of maps, tables, downloads, slides, exports). It applies the role's
  rights, the own submission (``benchmark_na_indienen``), the round's visibility (named or
  anonymous), ``niet_noemen`` and the minimum size of an anonymous group. Its result,
  :class:`Zicht`, is what the pure functions that produce organisation rows require.
- Anonymising ('Gemeente A, B, …') and masking of toelichtingen live here too, because the gate
  decides when they apply.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

import pandas as pd

from monitor import invoer
from monitor.domain import ACTORTYPE_BY_CODE, Rol, Zichtbaarheid
from monitor.errors import GeenToegang, MonitorFout

MIN_ANONIEM = 5  # anonymised groups smaller than this could be recognised: not shown
BENCHMARK_ACTORTYPES = ("gemeente", "regio")
G = TypeVar("G", bound=Any)  # a peer group: has ``sleutel`` and ``leden``


@dataclass(frozen=True)
class Gebruiker:
    rol: Rol
    naam: str
    organisatie_code: str | None = None  # for invullers: the one organisation they act for
    account_id: int | None = None  # the Account row behind a signed-in user (None: public)


PUBLIEK = Gebruiker(rol=Rol.PUBLIEK, naam="Bezoeker")
CLI = Gebruiker(rol=Rol.BEHEERDER, naam="cli")  # every command-line run: exports, reports, rounds


# --------------------------------------------------------------------------------------------
# The table of rights


class Recht(StrEnum):
    """A named right. Roles get rights only through :data:`RECHTEN`."""

    TOTALEN = "totalen"  # the national picture: totals and aggregates (everyone)
    NAMEN_ANDEREN = "namen_anderen"  # names of other organisations next to their data
    ANTWOORDEN_ANDEREN = "antwoorden_anderen"  # others' answers and toelichtingen (via the gate)
    ALTIJD_ANDEREN = "altijd_anderen"  # others' results without submitting first
    NIET_RESPONDENTEN = "niet_respondenten"  # who did not respond (and per-regio response)
    INVULLEN = "invullen"  # write the answers of the own organisation
    INVULLEN_VOOR_ALLE = "invullen_voor_alle"  # read and write the answers of any organisation
    LEZEN_VOOR_ALLE = "lezen_voor_alle"  # read the (concept) answers of any organisation
    RONDES_BEHEREN = "rondes_beheren"  # rounds, questionnaires, reopening, import
    ACCOUNTS_BEHEREN = "accounts_beheren"
    RUWE_EXPORT = "ruwe_export"  # every answer with name and toelichting, unmasked
    NOTITIES_LEZEN = "notities_lezen"  # reflectie notes and actiepunten
    NOTITIES_SCHRIJVEN = "notities_schrijven"  # notes, decks, opvolging
    BENCHMARK = "benchmark"  # compare an organisation with its peers
    BENCHMARK_ALLE = "benchmark_alle"  # benchmark any gemeente or regio, not only the own
    BEVINDINGEN_SCHRIJVEN = "bevindingen_schrijven"  # edit and save the bevindingen per thema


_INGELOGD = frozenset(
    {Recht.TOTALEN, Recht.NAMEN_ANDEREN, Recht.ANTWOORDEN_ANDEREN, Recht.NOTITIES_LEZEN}
)
RECHTEN: dict[Rol, frozenset[Recht]] = {
    Rol.PUBLIEK: frozenset({Recht.TOTALEN}),
    Rol.INVULLER: _INGELOGD | {Recht.INVULLEN, Recht.BENCHMARK},
    Rol.KIJKER: _INGELOGD
    | {
        Recht.ALTIJD_ANDEREN,
        Recht.NIET_RESPONDENTEN,
        Recht.LEZEN_VOOR_ALLE,
        Recht.NOTITIES_SCHRIJVEN,
        Recht.BENCHMARK,
        Recht.BENCHMARK_ALLE,
        Recht.BEVINDINGEN_SCHRIJVEN,
    },
    Rol.BEHEERDER: frozenset(Recht),
}


def mag(gebruiker: Gebruiker, recht: Recht) -> bool:
    """Whether the user's role carries ``recht``."""
    return recht in RECHTEN[Rol(gebruiker.rol)]


def vereis(gebruiker: Gebruiker, recht: Recht, wat: str) -> None:
    """Raise GeenToegang (Dutch message naming ``wat``) unless the user has ``recht``."""
    if not mag(gebruiker, recht):
        raise GeenToegang(f"Geen toegang: {wat} is niet beschikbaar voor uw rol.")


def rollen_met(recht: Recht) -> frozenset[Rol]:
    """The roles that carry ``recht`` (for the navigation and tests)."""
    return frozenset(r for r, rechten in RECHTEN.items() if recht in rechten)


def vereis_organisatie(
    gebruiker: Gebruiker, code: str, *, recht: Recht, recht_alle: Recht, wat: str
) -> None:
    """The one own-organisation check: ``recht`` for the user's own organisation,
    ``recht_alle`` for any. Raises GeenToegang naming ``wat`` ('de antwoorden wijzigen')."""
    if mag(gebruiker, recht_alle):
        return
    vereis(gebruiker, recht, wat)
    if gebruiker.organisatie_code != code:
        raise GeenToegang(
            f"Geen toegang: {wat} kan alleen voor uw eigen organisatie "
            f"({gebruiker.organisatie_code or 'geen organisatie'}), niet voor {code}."
        )


# --------------------------------------------------------------------------------------------
# Anonymising and masking

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Dutch numbers: 06-12345678, 020 123 4567, (020) 1234567, +31 6 12345678, +31 (0)20 123 4567,
# 0031 20 1234567: a leading 0 (or +31/0031) and nine more digits with spaces, dots or dashes.
TELEFOON = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[\s.-]*(?:\(0\)[\s.-]*)?|\(?0)(?:\d[\s.()-]{0,2}){8}\d(?!\d)"
)
GEMASKEERD_EMAIL = "[e-mailadres]"
GEMASKEERD_TELEFOON = "[telefoonnummer]"
GEMASKEERD_NAAM = "[naam]"
AANSPREEKVORM = re.compile(
    r"\b(?i:dhr|mevr|mw|mr|drs|ir|dr)\.?\s+[A-Z]|\b(?i:de heer|mevrouw|meneer)\s+[A-Z]"
)
MAX_NOTITIE = invoer.NOTITIE.max_tekens


def controleer_notitie(tekst: str) -> str:
    """The note text, stripped; raises MonitorFout (Dutch) when it is empty, too long, or holds
    an e-mail address, a phone number or a name with a form of address ('mevr. Jansen').

    Notes are shared with all actors and land in the exports: they tell the story behind the
    figures, not who said what. The same patterns mask toelichtingen in anonymous views.
    """
    schoon = (tekst or "").strip()
    if not schoon:
        raise MonitorFout("De notitie is leeg.")
    invoer.controleer_tekst(schoon, invoer.NOTITIE, waar="Notitie")
    if EMAIL.search(schoon):
        raise MonitorFout(
            "De notitie bevat een e-mailadres. Noteer zonder namen en contactgegevens."
        )
    if TELEFOON.search(schoon):
        raise MonitorFout("De notitie bevat een telefoonnummer. Noteer zonder contactgegevens.")
    if AANSPREEKVORM.search(schoon):
        raise MonitorFout(
            "De notitie lijkt een persoonsnaam te bevatten (bijvoorbeeld 'mevr. …'). Noteer "
            "zonder namen; noem hooguit de actor."
        )
    return schoon


def zonder_accenten(tekst: str) -> str:
    """'Súdwest-Fryslân' → 'Sudwest-Fryslan'."""
    return "".join(c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c))


def naamvarianten(naam: str) -> set[str]:
    """'Bergen (NH.)' → {'Bergen (NH.)', 'Bergen'}; plus spellings without diacritics."""
    varianten = {naam.strip(), re.sub(r"\s*\(.*?\)\s*", " ", naam).strip()}
    for v in list(varianten):
        varianten.add(zonder_accenten(v))
    return {v for v in varianten if len(v) >= 2}


def maskeer(tekst: str, namen: Iterable[str] = ()) -> str:
    """Mask e-mail addresses, Dutch phone numbers and the given names in a toelichting."""
    if not tekst:
        return tekst
    uit = EMAIL.sub(GEMASKEERD_EMAIL, tekst)
    uit = TELEFOON.sub(GEMASKEERD_TELEFOON, uit)
    alle = sorted({v for n in namen for v in naamvarianten(n)}, key=len, reverse=True)
    for naam in alle:
        uit = re.sub(rf"(?<!\w){re.escape(naam)}(?!\w)", GEMASKEERD_NAAM, uit, flags=re.IGNORECASE)
    return uit


def _letters(i: int) -> str:
    """0 → 'A', 25 → 'Z', 26 → 'AA', 27 → 'AB', …"""
    tekst = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        tekst = chr(ord("A") + rest) + tekst
    return tekst


def anonieme_namen(codes: Iterable[str], actortype: str, zout: str = "") -> dict[str, str]:
    """'Gemeente A', 'Gemeente B', … for the codes: deterministic given the codes and ``zout``
    (stable within a view), in an order that does not follow the codes or names."""
    soort = ACTORTYPE_BY_CODE[actortype].label
    volgorde = sorted(set(codes), key=lambda c: hashlib.sha256(f"{zout}|{c}".encode()).hexdigest())
    return {c: f"{soort} {_letters(i)}" for i, c in enumerate(volgorde)}


def alleen_totalen(antwoorden: pd.DataFrame, organisaties: pd.DataFrame) -> pd.DataFrame:
    """Drop the answers of a collective actortype (gemeenten, regio's) when fewer than
    MIN_ANONIEM of its organisations answered in ``antwoorden`` (e.g. after a narrow filter):
    their totals would show one or a few organisations' answers."""
    soort = antwoorden["organisatie_code"].map(organisaties.set_index("code")["actortype"])
    weg = set()
    for actortype in soort.dropna().unique():
        if not ACTORTYPE_BY_CODE[actortype].collectief:
            continue
        aantal = antwoorden.loc[soort == actortype, "organisatie_code"].nunique()
        if aantal < MIN_ANONIEM:
            weg.add(actortype)
    return antwoorden[~soort.isin(weg)]


# --------------------------------------------------------------------------------------------
# Round settings and the peer rule


@dataclass(frozen=True)
class RondeInstellingen:
    """The settings of a round that the gate follows."""

    ronde_id: int
    jaar: int
    zichtbaarheid: str = Zichtbaarheid.GENOEMD
    benchmark_na_indienen: bool = True
    status: str = "gepubliceerd"

    @property
    def anoniem(self) -> bool:
        return self.zichtbaarheid == Zichtbaarheid.ANONIEM


@dataclass(frozen=True)
class Toegang:
    zichtbaar: bool  # peers' results may be shown
    anoniem: bool  # peers are shown as 'Gemeente A, B, …'
    melding: str = ""  # why peers are hidden or anonymised (Dutch)


def _actortype(organisaties: pd.DataFrame, code: str) -> str:
    gevonden = organisaties.loc[organisaties["code"] == code, "actortype"]
    if gevonden.empty:
        raise MonitorFout(f"Organisatie '{code}' bestaat niet.")
    return str(gevonden.iloc[0])


def controleer_organisatie(
    gebruiker: Gebruiker,
    code: str,
    organisaties: pd.DataFrame,
    instellingen: RondeInstellingen | None = None,
) -> None:
    """Raise GeenToegang unless the user may benchmark ``code``: invullers only their own
    organisation, kijkers and beheerders any gemeente or regio; never the public view. In an
    anonymous round only the own organisation, or with the right to unmasked data (beheerders):
    picking another organisation by name would name it next to its results."""
    if not mag(gebruiker, Recht.BENCHMARK):
        raise GeenToegang("Geen toegang: de benchmark is er voor ingelogde gebruikers.")
    vereis_organisatie(
        gebruiker, code, recht=Recht.BENCHMARK, recht_alle=Recht.BENCHMARK_ALLE, wat="de benchmark"
    )
    if (
        instellingen is not None
        and instellingen.anoniem
        and code != gebruiker.organisatie_code
        and not mag(gebruiker, Recht.RUWE_EXPORT)
    ):
        raise GeenToegang(
            f"Ronde {instellingen.jaar} toont organisaties anoniem: de benchmark van één "
            "organisatie is er dan alleen voor de eigen organisatie."
        )
    if _actortype(organisaties, code) not in BENCHMARK_ACTORTYPES:
        raise MonitorFout(f"De benchmark is er voor gemeenten en jeugdregio's, niet voor {code}.")


def eigen_ingediend_vereist(
    gebruiker: Gebruiker, instellingen: RondeInstellingen, ingediend: Iterable[str]
) -> str:
    """Why others' results are hidden from this user until the own submission (Dutch), or ''."""
    if mag(gebruiker, Recht.ALTIJD_ANDEREN) or not instellingen.benchmark_na_indienen:
        return ""
    if gebruiker.organisatie_code in set(ingediend):
        return ""
    return (
        f"De resultaten van anderen ziet u nadat uw organisatie de antwoorden van ronde "
        f"{instellingen.jaar} heeft ingediend. Tot dan ziet u alleen uw eigen antwoorden."
    )


def peer_toegang(
    gebruiker: Gebruiker,
    code: str,
    instellingen: RondeInstellingen,
    ingediend: set[str],
    groepsgrootte: int,
) -> Toegang:
    """Whether peers' results may be shown, and named or anonymised.

    Without the right to others' answers (the public) nothing; invullers see peers only after
    their organisation submitted (when the round says so); kijkers and beheerders always.
    Named or anonymised follows the round; an anonymised group of fewer than MIN_ANONIEM peers
    is not shown at all (it could be recognised). ``code`` is the organisation looked from.
    """
    anoniem = instellingen.anoniem
    if not mag(gebruiker, Recht.ANTWOORDEN_ANDEREN):
        return Toegang(False, anoniem, "Resultaten van organisaties zijn zichtbaar na inloggen.")
    if (
        not mag(gebruiker, Recht.ALTIJD_ANDEREN)
        and instellingen.benchmark_na_indienen
        and code not in ingediend
    ):
        return Toegang(False, anoniem, eigen_ingediend_vereist(gebruiker, instellingen, ()))
    if groepsgrootte == 0:
        return Toegang(False, anoniem, "Deze vergelijkgroep heeft geen andere organisaties.")
    if anoniem and groepsgrootte < MIN_ANONIEM:
        return Toegang(
            False,
            True,
            f"Deze ronde toont anderen anoniem. Een groep van {groepsgrootte} is te klein om "
            f"anoniem te tonen (minder dan {MIN_ANONIEM}): de organisaties zouden herkenbaar "
            "zijn. Kies een grotere vergelijkgroep.",
        )
    if anoniem:
        return Toegang(True, True, "Deze ronde toont anderen anoniem, als 'Gemeente A, B, …'.")
    return Toegang(True, False)


def _getoonde_namen(
    eigen: pd.Series,
    leden: tuple[str, ...],
    sleutel: str,
    toegang: Toegang,
    organisaties: pd.DataFrame,
    jaar: int,
) -> tuple[dict[str, str], int]:
    """Peer code → the name shown. Anonymised views label all peers 'Gemeente A, …'; named
    views label only the peers that opted out. In a small named group opt-out peers are left out
    (absent from the mapping), since a label would not hide them; returns how many."""
    if not toegang.zichtbaar:
        return {}, 0
    info = organisaties.set_index("code")
    zout = f"{jaar}|{eigen['code']}|{sleutel}"
    anoniem = anonieme_namen(leden, eigen["actortype"], zout)
    if toegang.anoniem:
        return anoniem, 0
    uit, weggelaten = {}, 0
    for c in leden:
        if not bool(info.at[c, "niet_noemen"]):
            uit[c] = info.at[c, "naam"]
        elif len(leden) >= MIN_ANONIEM:
            uit[c] = anoniem[c]
        else:
            weggelaten += 1
    return uit, weggelaten


def _benoem(
    leer: pd.DataFrame, namen: Mapping[str, str], toegang: Toegang, organisaties: pd.DataFrame
) -> pd.DataFrame:
    """Add the shown name; mask the toelichting of every peer not shown by its own name."""
    if leer.empty:
        return leer.assign(naam=pd.Series(dtype=object))
    echte = organisaties.set_index("code")["naam"]
    leer = leer[leer["organisatie_code"].isin(namen)].copy()
    leer["naam"] = leer["organisatie_code"].map(namen)
    verborgen = leer["naam"] != leer["organisatie_code"].map(echte)
    leer.loc[verborgen, "toelichting"] = [
        maskeer(t, [echte[c]])
        for t, c in zip(
            leer.loc[verborgen, "toelichting"], leer.loc[verborgen, "organisatie_code"], strict=True
        )
    ]
    if toegang.anoniem:
        leer["inwoners"] = None  # the exact size would identify the gemeente
    return leer.reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# The one gate


@dataclass(frozen=True)
class Zicht:
    """What the gate lets one user see of a set of organisations in one round.

    ``namen`` maps every organisation whose rows may be shown to the name shown (its own name,
    or 'Gemeente A' when anonymised); organisations absent from it are not shown at all.
    ``eigen`` is the user's own organisation (always shown by name when it is in the set).
    Produce it only with :func:`zicht`.
    """

    gebruiker: Gebruiker
    toegang: Toegang
    namen: Mapping[str, str] = field(default_factory=dict)
    eigen: str | None = None
    weggelaten: int = 0  # opt-out organisations left out of a small named group
    genoemd: frozenset[str] = frozenset()  # the codes in ``namen`` shown by their own name

    @property
    def anoniem(self) -> bool:
        return self.toegang.anoniem

    @property
    def melding(self) -> str:
        return self.toegang.melding

    def rijen(
        self, frame: pd.DataFrame, organisaties: pd.DataFrame, kolom: str = "organisatie_code"
    ) -> pd.DataFrame:
        """The rows of ``frame`` of organisations the user may see, with ``organisatie`` (the
        shown name) added; toelichtingen of organisations not shown by their own name are
        masked, and codes of anonymised organisations replaced by their shown name."""
        zichtbaar = frame[frame[kolom].isin(self.namen)].copy()
        zichtbaar["organisatie"] = zichtbaar[kolom].map(self.namen)
        echte = organisaties.set_index("code")["naam"]
        verborgen = zichtbaar["organisatie"] != zichtbaar[kolom].map(echte)
        if "toelichting" in zichtbaar and verborgen.any():
            zichtbaar.loc[verborgen, "toelichting"] = [
                maskeer(t, [echte[c]]) if isinstance(t, str) else t
                for t, c in zip(
                    zichtbaar.loc[verborgen, "toelichting"],
                    zichtbaar.loc[verborgen, kolom],
                    strict=True,
                )
            ]
        zichtbaar.loc[verborgen, kolom] = zichtbaar.loc[verborgen, "organisatie"]
        return zichtbaar.reset_index(drop=True)


GEEN_ZICHT = Zicht(PUBLIEK, Toegang(False, False, "Resultaten van organisaties: na inloggen."))


def zicht(
    gebruiker: Gebruiker,
    *,
    instellingen: RondeInstellingen,
    organisaties: pd.DataFrame,
    ingediend: Iterable[str],
    leden: Iterable[str] | None = None,
    vanuit: str | None = None,
    sleutel: str = "alle",
) -> Zicht:
    """The gate: which of ``leden`` (default: every organisation) the user may see, and how.

    ``vanuit`` is the organisation looked from (default: the user's own); it is always shown
    by its own name when the user may see it (invullers their own, kijkers and beheerders any)
    and never counts as a peer. The peers follow :func:`peer_toegang` (role, own submission,
    anonymous round and group size) and ``niet_noemen``. Anonymous labels are stable for one
    round, viewpoint and ``sleutel`` (the group).
    """
    ingediend = set(ingediend)
    vanuit = vanuit if vanuit is not None else gebruiker.organisatie_code
    alle = organisaties["code"].tolist() if leden is None else list(leden)
    peers = tuple(sorted(c for c in set(alle) if c != vanuit))
    eigen_zichtbaar = vanuit is not None and (
        gebruiker.organisatie_code == vanuit
        or (
            mag(gebruiker, Recht.LEZEN_VOOR_ALLE)
            and (not instellingen.anoniem or mag(gebruiker, Recht.RUWE_EXPORT))
        )
    )
    kijk_code = vanuit or ""
    toegang = peer_toegang(gebruiker, kijk_code, instellingen, ingediend, len(peers))
    if toegang.zichtbaar and instellingen.anoniem and sleutel.startswith(EIGEN_GROEP):
        toegang = Toegang(False, True, GEEN_EIGEN_GROEP)  # the differencing attack
    eigen_rij = pd.Series({"code": kijk_code, "actortype": _soort(organisaties, peers, vanuit)})
    namen, weggelaten = _getoonde_namen(
        eigen_rij, peers, sleutel, toegang, organisaties, instellingen.jaar
    )
    echte = organisaties.set_index("code")["naam"]
    if eigen_zichtbaar and vanuit in echte.index:
        namen = {**namen, vanuit: echte[vanuit]}
    genoemd = frozenset(c for c, n in namen.items() if echte.get(c) == n)
    eigen = vanuit if eigen_zichtbaar else None
    return Zicht(gebruiker, toegang, namen, eigen, weggelaten, genoemd)


def _soort(organisaties: pd.DataFrame, peers: tuple[str, ...], vanuit: str | None) -> str:
    """The actortype of the anonymous labels: the peers' ('Gemeente A')."""
    if peers:
        return _actortype(organisaties, peers[0])
    if vanuit is not None and vanuit in set(organisaties["code"]):
        return _actortype(organisaties, vanuit)
    return "gemeente"


def zicht_per_actortype(
    gebruiker: Gebruiker,
    *,
    instellingen: RondeInstellingen,
    organisaties: pd.DataFrame,
    ingediend: Iterable[str],
    sleutel: str = "alle",
) -> Zicht:
    """The gate over every organisation, applied per actortype (so that anonymous labels say
    'Gemeente A' and 'Jeugdregio B', and each group's size counts on its own)."""
    namen: dict[str, str] = {}
    genoemd: set[str] = set()
    weggelaten = 0
    toegang = None
    eigen = None
    for actortype, groep in organisaties.groupby("actortype", sort=False):
        deel = zicht(
            gebruiker,
            instellingen=instellingen,
            organisaties=organisaties,
            ingediend=ingediend,
            leden=groep["code"],
            sleutel=f"{sleutel}|{actortype}",
        )
        namen.update(deel.namen)
        genoemd |= deel.genoemd
        weggelaten += deel.weggelaten
        eigen = eigen or deel.eigen
        if toegang is None or (deel.toegang.zichtbaar and not toegang.zichtbaar):
            toegang = deel.toegang
    if toegang is None:
        toegang = peer_toegang(gebruiker, "", instellingen, set(ingediend), 0)
    return Zicht(gebruiker, toegang, namen, eigen, weggelaten, frozenset(genoemd))


def verschil_te_klein(a: Iterable[str], b: Iterable[str]) -> bool:
    """Two anonymous groups whose members differ by 1 to MIN_ANONIEM-1 organisations: comparing
    them would reveal the answers of those few (the differencing attack)."""
    verschil = len(set(a) ^ set(b))
    return 0 < verschil < MIN_ANONIEM


EIGEN_GROEP = "eigen"  # the ?groep= key of custom groups starts with this
GEEN_EIGEN_GROEP = (
    "Deze ronde toont anderen anoniem. Eigen vergelijkgroepen zijn dan niet beschikbaar: door "
    "twee eigen groepen te vergelijken die één organisatie verschillen, zouden de antwoorden van "
    "die organisatie af te leiden zijn. Kies een van de vaste groepen."
)


def veilige_groepen(groepen: Iterable[G], anoniem: bool) -> list[G]:
    """The peer groups a user may choose from. In an anonymous round no custom groups, and no
    fixed group that differs from an earlier one by fewer than MIN_ANONIEM organisations
    (comparing the two would reveal those few). Groups are objects with ``sleutel`` and
    ``leden``; earlier groups (the broader ones) win."""
    if not anoniem:
        return list(groepen)
    gekozen: list[G] = []
    for groep in groepen:
        if groep.sleutel.startswith(EIGEN_GROEP):
            continue
        if any(verschil_te_klein(groep.leden, ander.leden) for ander in gekozen):
            continue
        gekozen.append(groep)
    return gekozen
