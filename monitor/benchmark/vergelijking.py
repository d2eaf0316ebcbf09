"""Benchmark: one gemeente or regio against a group of peers, and who to learn from.

Pure: frames in, frames out; no database, no Streamlit. The entry point for pages is
:func:`benchmark`, which takes the :class:`~monitor.rechten.Gebruiker` and enforces who may
see which organisation, when peers' results become visible and whether peers are named.

Definitions (also shown on the page):

- **Vergelijkgroep** ("peers"): the other organisations in the group, never the organisation
  itself. Only answers that were submitted (status ``ingediend``) count for peers.
- **Mediaan and kwartielen**: linear interpolation between the sorted values, as Excel's
  KWARTIEL.INC and numpy's default: the p-quantile of n sorted values x[0..n-1] is at position
  (n-1)·p. With one peer, all three equal its value.
- **Percentiel** of the organisation: the share of peers with a lower index plus half the
  share of peers with the same index, times 100 (the "mid-rank" percentile). 50 means in the
  middle; equal to everyone also gives 50.
- **Vergelijkbaar**: the :data:`VERGELIJKBAAR_K` gemeenten nearest in size within the same
  provincie or jeugdregio; size distance is the ratio of inwoners (|log(a/b)|), so 10.000 vs
  20.000 is as far apart as 100.000 vs 200.000.
- **Gereed**, the share gereed and the voortgangsindex (0–100): kengetallen.gereed.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from monitor.domain import (
    ACTORTYPE_BY_CODE,
    VRAAGTYPES_MET_OPTIES,
    VRAAGTYPES_NUMERIEK,
    Rol,
    Zichtbaarheid,
    grootteklasse,
    inwonersklasse_label,
    optie_label,
    parse_opties,
)
from monitor.errors import GeenToegang, MonitorFout
from monitor.kengetallen.gereed import (
    STATUS_VRAAGTYPES,
    aandeel_gereed_per,
    is_gereed,
    voortgang_score,
    voortgangsindex,
)
from monitor.kengetallen.voortgang import split_waarde, verdeling
from monitor.opmaak.tekst import procent
from monitor.rechten import Gebruiker

MIN_ANONIEM = 5  # anonymised groups smaller than this could be recognised: not shown
VERGELIJKBAAR_K = 10
BENCHMARK_ACTORTYPES = ("gemeente", "regio")
STATUS_TYPES = STATUS_VRAAGTYPES
ALLE_ROLLEN_ZIEN = frozenset({Rol.BEHEERDER, Rol.KIJKER})

# --------------------------------------------------------------------------------------------
# Statistics


def kwantiel(waarden: Sequence[float], p: float) -> float | None:
    """The p-quantile (0 ≤ p ≤ 1) by linear interpolation (Excel KWARTIEL.INC); None if empty."""
    gesorteerd = sorted(float(w) for w in waarden)
    if not gesorteerd:
        return None
    positie = (len(gesorteerd) - 1) * p
    onder = math.floor(positie)
    boven = min(onder + 1, len(gesorteerd) - 1)
    return gesorteerd[onder] + (gesorteerd[boven] - gesorteerd[onder]) * (positie - onder)


def mediaan(waarden: Sequence[float]) -> float | None:
    return kwantiel(waarden, 0.5)


def kwartielen(waarden: Sequence[float]) -> tuple[float, float, float] | None:
    """(Q1, mediaan, Q3), or None for an empty group."""
    if not len(waarden):
        return None
    return (kwantiel(waarden, 0.25), kwantiel(waarden, 0.5), kwantiel(waarden, 0.75))


def percentiel(waarde: float, waarden: Sequence[float]) -> float | None:
    """Share of ``waarden`` below ``waarde`` plus half the share equal to it, × 100."""
    if not len(waarden):
        return None
    lager = sum(w < waarde for w in waarden)
    gelijk = sum(w == waarde for w in waarden)
    return 100 * (lager + gelijk / 2) / len(waarden)


# --------------------------------------------------------------------------------------------
# Searching organisations


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


def zonder_accenten(tekst: str) -> str:
    """'Súdwest-Fryslân' → 'Sudwest-Fryslan'."""
    return "".join(c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c))


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


# --------------------------------------------------------------------------------------------
# Peer groups


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


# --------------------------------------------------------------------------------------------
# Comparisons


def _peer_antwoorden(antwoorden: pd.DataFrame, leden: Iterable[str]) -> pd.DataFrame:
    return antwoorden[
        antwoorden["organisatie_code"].isin(set(leden)) & (antwoorden["status"] == "ingediend")
    ]


def _vragen_van(vragen: pd.DataFrame, actortype: str) -> pd.DataFrame:
    return vragen[vragen["actortype"] == actortype]


THEMA_KOLOMMEN = [
    "thema_nr",
    "eigen",
    "n",
    "minimum",
    "q1",
    "mediaan",
    "q3",
    "maximum",
    "percentiel",
]


def thema_vergelijking(
    code: str, actortype: str, leden: Sequence[str], vragen: pd.DataFrame, antwoorden: pd.DataFrame
) -> pd.DataFrame:
    """Per thema: own voortgangsindex (0–100), the peers' n, min, Q1, mediaan, Q3, max, and the
    organisation's percentile among the peers. Thema's the organisation has no index on keep
    their peer figures with ``eigen`` empty."""
    eigen_vragen = _vragen_van(vragen, actortype)
    per = ("organisatie_code", "thema_nr")
    eigen = voortgangsindex(eigen_vragen, antwoorden[antwoorden["organisatie_code"] == code], per)
    peers = voortgangsindex(eigen_vragen, _peer_antwoorden(antwoorden, leden), per)
    eigen_index = {int(t): float(i) for t, i in zip(eigen["thema_nr"], eigen["index"], strict=True)}
    nummers = sorted(set(eigen_index) | {int(t) for t in peers["thema_nr"]})
    rijen = []
    for nr in nummers:
        waarden = peers.loc[peers["thema_nr"] == nr, "index"].astype(float).tolist()
        q1, med, q3 = kwartielen(waarden) or (None, None, None)
        mijn = eigen_index.get(nr)
        laagste, hoogste = (min(waarden), max(waarden)) if waarden else (None, None)
        pct = None if mijn is None else percentiel(mijn, waarden)
        rijen.append((nr, mijn, len(waarden), laagste, q1, med, q3, hoogste, pct))
    return pd.DataFrame(rijen, columns=THEMA_KOLOMMEN).astype({"eigen": float})


def met_vorige_ronde(nu: pd.DataFrame, vorig: pd.DataFrame | None) -> pd.DataFrame:
    """Add ``eigen_vorig`` and ``mediaan_vorig`` (the same group in the previous round) to a
    thema_vergelijking; empty without a previous round."""
    if vorig is None:
        return nu.assign(eigen_vorig=float("nan"), mediaan_vorig=float("nan"))
    vorig = vorig[["thema_nr", "eigen", "mediaan"]].rename(
        columns={"eigen": "eigen_vorig", "mediaan": "mediaan_vorig"}
    )
    return nu.merge(vorig, on="thema_nr", how="left")


def _label(vraag, waarde) -> str:
    codes = split_waarde(waarde)
    if not codes:
        return ""
    if vraag.vraagtype in [str(t) for t in VRAAGTYPES_NUMERIEK]:
        return str(waarde)
    eigen_opties = parse_opties(vraag.opties or "")
    return ", ".join(optie_label(c, eigen_opties) for c in codes)


VRAAG_KOLOMMEN = [
    "vraag_id",
    "code",
    "thema_nr",
    "tekst",
    "vraagtype",
    "eigen_waarde",
    "eigen",
    "n",
    "verdeling",
    "gereed_pct",
    "peer_mediaan",
]


def vraag_vergelijking(
    code: str,
    actortype: str,
    leden: Sequence[str],
    vragen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    met_peers: bool = True,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per vraag of the actortype: own answer and the peers' distribution.

    Returns (table, long distribution). The table has VRAAG_KOLOMMEN: ``verdeling`` as text
    ('Afgerond 40% · Bijna klaar 20% …'), ``gereed_pct`` the share of peers that answered
    'afgerond' or 'ja' (status and ja/nee questions), ``peer_mediaan`` for number questions.
    The long distribution is voortgang.verdeling over the peers (for the chart).
    """
    eigen_vragen = _vragen_van(vragen, actortype)
    eigen_vragen = eigen_vragen[
        eigen_vragen["vraagtype"].isin(
            [str(t) for t in (*VRAAGTYPES_MET_OPTIES, *VRAAGTYPES_NUMERIEK)]
        )
    ]
    eigen_ant = antwoorden[antwoorden["organisatie_code"] == code].set_index("vraag_id")["waarde"]
    peers = _peer_antwoorden(antwoorden, leden) if met_peers else antwoorden.iloc[0:0]
    lang = verdeling(eigen_vragen, peers)
    per_vraag = {v: g for v, g in lang.groupby("vraag_id")}
    beantwoord = peers[peers["waarde"].notna() & (peers["waarde"] != "")]
    peer_waarden = {v: g["waarde"].tolist() for v, g in beantwoord.groupby("vraag_id")}
    gereed_per_vraag = _gereed_per_vraag(eigen_vragen, peers)
    rijen = []
    for vraag in eigen_vragen.itertuples():
        waarde = eigen_ant.get(vraag.id)
        waarde = None if waarde is None or pd.isna(waarde) else waarde
        waarden = peer_waarden.get(vraag.id, [])
        groep = per_vraag.get(vraag.id)
        tekst, gereed, med = "", None, None
        if groep is not None and len(waarden):
            tekst = " · ".join(
                f"{r.label} {procent(r.percentage)}" for r in groep.itertuples() if r.aantal
            )
        gereed = gereed_per_vraag.get(int(vraag.id))
        if vraag.vraagtype in [str(t) for t in VRAAGTYPES_NUMERIEK]:
            getallen = pd.to_numeric(pd.Series(waarden, dtype=object), errors="coerce").dropna()
            med = mediaan(getallen.tolist())
        rijen.append(
            (
                vraag.id,
                vraag.code,
                vraag.thema_nr,
                vraag.tekst,
                vraag.vraagtype,
                waarde,
                _label(vraag, waarde) or "geen antwoord",
                len(waarden),
                tekst,
                gereed,
                med,
            )
        )
    return pd.DataFrame(rijen, columns=VRAAG_KOLOMMEN), lang


def veranderingen(
    code: str,
    actortype: str,
    leden: Sequence[str],
    vragen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    vorige_vragen: pd.DataFrame,
    vorige_antwoorden: pd.DataFrame,
) -> pd.DataFrame:
    """Status and ja/nee questions asked in both rounds (via ``voorganger_id``): the own answer
    then and now, its direction, and the share of the group that is gereed then and now.

    The group is the same set of peers in both rounds. Columns: vraag_id, code, tekst, eigen_vorig,
    eigen_nu, richting ('vooruit', 'gelijk', 'achteruit', ''), groep_gereed_vorig, groep_gereed_nu
    (percentages of the peers that answered; None without answers).
    """
    nu = _vragen_van(vragen, actortype)
    nu = nu[nu["vraagtype"].isin(STATUS_TYPES) & nu["voorganger_id"].notna()]
    vorig_per_id = vorige_vragen.set_index("id")
    eigen_nu = antwoorden[antwoorden["organisatie_code"] == code].set_index("vraag_id")["waarde"]
    eigen_vorig = vorige_antwoorden[vorige_antwoorden["organisatie_code"] == code].set_index(
        "vraag_id"
    )["waarde"]
    gereed_nu = _gereed_per_vraag(vragen, _peer_antwoorden(antwoorden, leden))
    gereed_vorig = _gereed_per_vraag(vorige_vragen, _peer_antwoorden(vorige_antwoorden, leden))
    rijen = []
    for vraag in nu.itertuples():
        vorig_id = int(vraag.voorganger_id)
        if vorig_id not in vorig_per_id.index:
            continue
        oud, nieuw = eigen_vorig.get(vorig_id), eigen_nu.get(vraag.id)
        rijen.append(
            (
                vraag.id,
                vraag.code,
                vraag.tekst,
                _label(vraag, oud) or "geen antwoord",
                _label(vraag, nieuw) or "geen antwoord",
                _richting(oud, nieuw),
                gereed_vorig.get(vorig_id),
                gereed_nu.get(int(vraag.id)),
            )
        )
    kolommen = [
        "vraag_id",
        "code",
        "tekst",
        "eigen_vorig",
        "eigen_nu",
        "richting",
        "groep_gereed_vorig",
        "groep_gereed_nu",
    ]
    return pd.DataFrame(rijen, columns=kolommen)


def _richting(oud, nieuw) -> str:
    a, b = voortgang_score(oud), voortgang_score(nieuw)
    if a is None or b is None:
        return ""
    return "vooruit" if b > a else "achteruit" if b < a else "gelijk"


def _gereed_per_vraag(vragen: pd.DataFrame, antwoorden: pd.DataFrame) -> dict[int, float]:
    """The share gereed (0–100) per status question (kengetallen.gereed)."""
    tabel = aandeel_gereed_per(vragen, antwoorden, per=("vraag_id",))
    return {int(v): float(p) for v, p in zip(tabel["vraag_id"], tabel["percentage"], strict=True)}


LEER_KOLOMMEN = [
    "vraag_id",
    "vraag",
    "tekst",
    "thema_nr",
    "eigen",
    "organisatie_code",
    "antwoord",
    "toelichting",
    "zelfde_regio",
    "inwoners",
]


def leer_van_anderen(
    code: str,
    leden: Sequence[str],
    vragen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    organisaties: pd.DataFrame,
) -> pd.DataFrame:
    """For every status or ja/nee vraag where the organisation is not gereed (or gave no
    answer): the peers that are, with their toelichting, most alike first.

    Likeness: same jeugdregio first (for regio's: same provincie), then nearest in size
    (|log of the ratio of inwoners|), then code. Columns: LEER_KOLOMMEN.
    """
    eigen = _rij(organisaties, code)
    antwoorden = antwoorden[antwoorden["organisatie_code"].isin({code, *leden})]
    status_vragen = _vragen_van(vragen, eigen["actortype"])
    status_vragen = status_vragen[status_vragen["vraagtype"].isin(STATUS_TYPES)]
    eigen_ant = antwoorden[antwoorden["organisatie_code"] == code].set_index("vraag_id")["waarde"]
    klaar_zelf = status_vragen["id"].map(lambda v: is_gereed(eigen_ant.get(v))).astype(bool)
    open_vragen = status_vragen[~klaar_zelf]
    peers = _peer_antwoorden(antwoorden, leden)
    klaar = peers["waarde"].map(is_gereed).astype(bool)
    gereed = peers[peers["vraag_id"].isin(open_vragen["id"]) & klaar]
    info = organisaties.set_index("code")
    sleutel = "provincie_code" if eigen["actortype"] == "regio" else "jeugdregio_code"
    frame = gereed.merge(
        open_vragen[["id", "code", "tekst", "thema_nr", "vraagtype", "opties"]],
        left_on="vraag_id",
        right_on="id",
    )
    if frame.empty:
        return pd.DataFrame(columns=LEER_KOLOMMEN)
    zelfde = frame["organisatie_code"].map(info[sleutel]) == eigen[sleutel]
    afstand = frame["organisatie_code"].map(
        lambda c: _afstand(info.at[c, "inwoners"], eigen["inwoners"])
    )
    uit = pd.DataFrame(
        {
            "vraag_id": frame["vraag_id"],
            "vraag": frame["code"],
            "tekst": frame["tekst"],
            "thema_nr": frame["thema_nr"],
            "eigen": [
                _label(v, eigen_ant.get(v.id)) or "geen antwoord" for v in frame.itertuples()
            ],
            "organisatie_code": frame["organisatie_code"],
            "antwoord": [_label(v, v.waarde) for v in frame.itertuples()],
            "toelichting": frame["toelichting"].fillna(""),
            "zelfde_regio": zelfde.to_numpy(),
            "inwoners": frame["organisatie_code"].map(info["inwoners"]),
            "_afstand": afstand.to_numpy(),
        }
    )
    volgorde = {v: i for i, v in enumerate(status_vragen["id"])}
    uit = uit.assign(_vraag=uit["vraag_id"].map(volgorde), _niet_zelfde=~uit["zelfde_regio"])
    uit = uit.sort_values(["_vraag", "_niet_zelfde", "_afstand", "organisatie_code"])
    return uit[LEER_KOLOMMEN].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Anonymising and masking

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Dutch numbers: 06-12345678, 020 123 4567, (020) 1234567, +31 6 12345678, +31 (0)20 123 4567,
# 0031 20 1234567: a leading 0 (or +31/0031) and nine more digits with spaces, dots or dashes.
_TELEFOON = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[\s.-]*(?:\(0\)[\s.-]*)?|\(?0)(?:\d[\s.()-]{0,2}){8}\d(?!\d)"
)
GEMASKEERD_EMAIL = "[e-mailadres]"
GEMASKEERD_TELEFOON = "[telefoonnummer]"
GEMASKEERD_NAAM = "[naam]"


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
    uit = _EMAIL.sub(GEMASKEERD_EMAIL, tekst)
    uit = _TELEFOON.sub(GEMASKEERD_TELEFOON, uit)
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


# --------------------------------------------------------------------------------------------
# Who may see what


@dataclass(frozen=True)
class RondeInstellingen:
    """The settings of a round that the benchmark follows."""

    ronde_id: int
    jaar: int
    zichtbaarheid: str = Zichtbaarheid.GENOEMD
    benchmark_na_indienen: bool = True


@dataclass(frozen=True)
class Toegang:
    zichtbaar: bool  # peers' results may be shown
    anoniem: bool  # peers are shown as 'Gemeente A, B, …'
    melding: str = ""  # why peers are hidden or anonymised (Dutch)


def controleer_organisatie(gebruiker: Gebruiker, code: str, organisaties: pd.DataFrame) -> None:
    """Raise GeenToegang unless the user may benchmark ``code``: invullers only their own
    organisation, kijkers and beheerders any gemeente or regio; never the public view."""
    if gebruiker.rol == Rol.PUBLIEK:
        raise GeenToegang("Geen toegang: de benchmark is er voor ingelogde gebruikers.")
    if gebruiker.rol == Rol.INVULLER and gebruiker.organisatie_code != code:
        raise GeenToegang(
            "Geen toegang: als invuller vergelijkt u alleen uw eigen organisatie "
            f"({gebruiker.organisatie_code or 'geen organisatie'}), niet {code}."
        )
    if _rij(organisaties, code)["actortype"] not in BENCHMARK_ACTORTYPES:
        raise MonitorFout(f"De benchmark is er voor gemeenten en jeugdregio's, niet voor {code}.")


def peer_toegang(
    gebruiker: Gebruiker,
    code: str,
    instellingen: RondeInstellingen,
    ingediend: set[str],
    groepsgrootte: int,
) -> Toegang:
    """Whether peers' results may be shown, and named or anonymised.

    Invullers see peers only after their organisation submitted (when the round says so);
    kijkers and beheerders always. Named or anonymised follows the round; an anonymised group
    of fewer than MIN_ANONIEM peers is not shown at all (it could be recognised).
    """
    anoniem = instellingen.zichtbaarheid == Zichtbaarheid.ANONIEM
    if (
        gebruiker.rol not in ALLE_ROLLEN_ZIEN
        and instellingen.benchmark_na_indienen
        and code not in ingediend
    ):
        return Toegang(
            False,
            anoniem,
            f"De resultaten van anderen ziet u nadat uw organisatie de antwoorden van ronde "
            f"{instellingen.jaar} heeft ingediend. Tot dan ziet u alleen uw eigen antwoorden.",
        )
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


# --------------------------------------------------------------------------------------------
# The whole benchmark of one organisation


@dataclass(frozen=True)
class Benchmark:
    code: str
    naam: str
    actortype: str
    groep: Vergelijkgroep
    toegang: Toegang
    themas: pd.DataFrame  # THEMA_KOLOMMEN + eigen_vorig, mediaan_vorig (peers: empty if hidden)
    vragen: pd.DataFrame  # VRAAG_KOLOMMEN
    verdeling: pd.DataFrame  # peers' long distribution (empty when not visible)
    veranderingen: pd.DataFrame
    leer: pd.DataFrame  # LEER_KOLOMMEN + 'naam' (shown name), toelichting masked if needed
    namen: dict[str, str] = field(default_factory=dict)  # peer code → shown name
    weggelaten: int = 0  # opt-out peers left out of the lists in a small named group


def benchmark(
    *,
    gebruiker: Gebruiker,
    code: str,
    groep: Vergelijkgroep,
    instellingen: RondeInstellingen,
    organisaties: pd.DataFrame,
    vragen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    ingediend: set[str],
    vorige_vragen: pd.DataFrame | None = None,
    vorige_antwoorden: pd.DataFrame | None = None,
) -> Benchmark:
    """The organisation against ``groep``, as far as ``gebruiker`` may see it.

    Raises GeenToegang when the user may not benchmark this organisation. Peers' results are
    left out when :func:`peer_toegang` says so; the own results are always there.
    """
    controleer_organisatie(gebruiker, code, organisaties)
    eigen = _rij(organisaties, code)
    toegang = peer_toegang(gebruiker, code, instellingen, ingediend, len(groep.leden))
    leden = groep.leden if toegang.zichtbaar else ()
    actortype = eigen["actortype"]
    # Only the organisation and its peers matter: filter once, so every step below is small.
    betrokken = {code, *leden}
    vragen = vragen[vragen["actortype"] == actortype]
    antwoorden = antwoorden[antwoorden["organisatie_code"].isin(betrokken)]
    if vorige_antwoorden is not None:
        vorige_antwoorden = vorige_antwoorden[vorige_antwoorden["organisatie_code"].isin(betrokken)]
    themas = thema_vergelijking(code, actortype, leden, vragen, antwoorden)
    vorig = None
    if vorige_vragen is not None and vorige_antwoorden is not None:
        vorig = thema_vergelijking(code, actortype, leden, vorige_vragen, vorige_antwoorden)
    themas = met_vorige_ronde(themas, vorig)
    tabel, lang = vraag_vergelijking(code, actortype, leden, vragen, antwoorden, bool(leden))
    if vorige_vragen is not None and vorige_antwoorden is not None:
        verandering = veranderingen(
            code, actortype, leden, vragen, antwoorden, vorige_vragen, vorige_antwoorden
        )
    else:
        verandering = pd.DataFrame()
    leer = leer_van_anderen(code, leden, vragen, antwoorden, organisaties)
    namen, weggelaten = _getoonde_namen(eigen, groep, toegang, organisaties, instellingen.jaar)
    leer = _benoem(leer, namen, toegang, organisaties)
    return Benchmark(
        code=code,
        naam=eigen["naam"],
        actortype=actortype,
        groep=groep,
        toegang=toegang,
        themas=themas,
        vragen=tabel,
        verdeling=lang if leden else lang.iloc[0:0],
        veranderingen=verandering,
        leer=leer,
        namen=namen,
        weggelaten=weggelaten,
    )


def _getoonde_namen(
    eigen: pd.Series,
    groep: Vergelijkgroep,
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
    zout = f"{jaar}|{eigen['code']}|{groep.sleutel}"
    anoniem = anonieme_namen(groep.leden, eigen["actortype"], zout)
    if toegang.anoniem:
        return anoniem, 0
    uit, weggelaten = {}, 0
    for c in groep.leden:
        if not bool(info.at[c, "niet_noemen"]):
            uit[c] = info.at[c, "naam"]
        elif len(groep.leden) >= MIN_ANONIEM:
            uit[c] = anoniem[c]
        else:
            weggelaten += 1
    return uit, weggelaten


def _benoem(
    leer: pd.DataFrame, namen: dict[str, str], toegang: Toegang, organisaties: pd.DataFrame
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
# Regio view


def regio_raster(
    *,
    gebruiker: Gebruiker,
    regio_code: str,
    instellingen: RondeInstellingen,
    organisaties: pd.DataFrame,
    vragen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    ingediend: set[str],
) -> tuple[pd.DataFrame, Toegang]:
    """The gemeenten of one jeugdregio × their status and ja/nee vragen, for a heatmap.

    Who: kijkers and beheerders; an invuller of the regio itself or of a gemeente in it (the
    regio is then its own peer group, with the same rule on submitting first). Columns:
    gemeente (shown name), vraag (code), thema_nr, waarde (option code or None), antwoord
    (label). Raises GeenToegang for anyone else.
    """
    gemeenten = organisaties[
        (organisaties["actortype"] == "gemeente") & (organisaties["jeugdregio_code"] == regio_code)
    ]
    eigen_code = gebruiker.organisatie_code
    if gebruiker.rol == Rol.PUBLIEK or (
        gebruiker.rol == Rol.INVULLER
        and eigen_code != regio_code
        and eigen_code not in set(gemeenten["code"])
    ):
        raise GeenToegang(
            "Geen toegang: het regiobeeld is er voor de regio en haar gemeenten, "
            "en voor kijkers en beheerders."
        )
    kijker = eigen_code if gebruiker.rol == Rol.INVULLER else regio_code
    anderen = len(gemeenten) - (kijker in set(gemeenten["code"]))
    toegang = peer_toegang(gebruiker, kijker, instellingen, ingediend, anderen)
    leeg = pd.DataFrame(columns=["gemeente", "vraag", "thema_nr", "waarde", "antwoord"])
    if not toegang.zichtbaar:
        return leeg, toegang
    leden = tuple(c for c in gemeenten["code"] if c != kijker)
    groep = Vergelijkgroep("jeugdregio", "", leden)
    eigen = pd.Series({"code": kijker, "actortype": "gemeente"})
    namen, _ = _getoonde_namen(eigen, groep, toegang, organisaties, instellingen.jaar)
    if kijker in set(gemeenten["code"]):
        namen[kijker] = _rij(organisaties, kijker)["naam"]
    status_vragen = vragen[
        (vragen["actortype"] == "gemeente") & vragen["vraagtype"].isin(STATUS_TYPES)
    ]
    ant = antwoorden[
        antwoorden["organisatie_code"].isin(namen)
        & ((antwoorden["status"] == "ingediend") | (antwoorden["organisatie_code"] == kijker))
    ].set_index(["organisatie_code", "vraag_id"])["waarde"]
    rijen = []
    for c in sorted(namen, key=lambda c: namen[c]):
        for vraag in status_vragen.itertuples():
            waarde = ant.get((c, vraag.id))
            waarde = None if waarde is None or pd.isna(waarde) or waarde == "" else waarde
            rijen.append((namen[c], vraag.code, vraag.thema_nr, waarde, _label(vraag, waarde)))
    return pd.DataFrame(rijen, columns=leeg.columns), toegang
