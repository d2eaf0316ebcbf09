"""Benchmark: one gemeente or regio against a group of peers, and who to learn from.

Pure: frames in, frames out; no database, no Streamlit. The entry point for pages is
:func:`benchmark`, which takes the :class:`~monitor.rechten.Gebruiker` and passes the peers
through the one gate, :func:`monitor.rechten.zicht` (who may see which organisation, when
peers' results become visible and whether peers are named).

Definitions (also shown on the page):

- **Vergelijkgroep** ("peers"): the other organisations in the group, never the organisation
  itself. Only answers that were submitted (status ``ingediend``) count for peers.
- Groups: :mod:`monitor.benchmark.groepen`; mediaan, kwartielen, percentiel:
  :mod:`monitor.benchmark.statistiek`.
- **Gereed**, the share gereed and the voortgangsindex (0–100): kengetallen.gereed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from monitor.benchmark.groepen import Vergelijkgroep, _afstand, _rij
from monitor.benchmark.statistiek import kwartielen, mediaan, percentiel
from monitor.domain import (
    VRAAGTYPES_MET_OPTIES,
    VRAAGTYPES_NUMERIEK,
    optie_label,
    parse_opties,
)
from monitor.errors import GeenToegang
from monitor.kengetallen.gereed import (
    STATUS_VRAAGTYPES,
    aandeel_gereed_per,
    is_gereed,
    voortgang_score,
    voortgangsindex,
)
from monitor.kengetallen.voortgang import split_waarde, verdeling, voorlopig_vlag
from monitor.opmaak.tekst import met_voorlopig, procent
from monitor.rechten import (
    Gebruiker,
    Recht,
    RondeInstellingen,
    Toegang,
    _benoem,
    controleer_organisatie,
    mag,
    zicht,
)

STATUS_TYPES = STATUS_VRAAGTYPES

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
            "antwoord": [
                met_voorlopig(_label(v, v.waarde), mark)
                for v, mark in zip(frame.itertuples(), voorlopig_vlag(frame), strict=True)
            ],
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
    controleer_organisatie(gebruiker, code, organisaties, instellingen)
    eigen = _rij(organisaties, code)
    gezien = zicht(
        gebruiker,
        instellingen=instellingen,
        organisaties=organisaties,
        ingediend=ingediend,
        leden=groep.leden,
        vanuit=code,
        sleutel=groep.sleutel,
    )
    toegang = gezien.toegang
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
    namen = {c: n for c, n in gezien.namen.items() if c != code}
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
        weggelaten=gezien.weggelaten,
    )


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
    (label, with ' (voorlopig)' when so marked). Raises GeenToegang for anyone else.
    """
    gemeenten = organisaties[
        (organisaties["actortype"] == "gemeente") & (organisaties["jeugdregio_code"] == regio_code)
    ]
    eigen_code = gebruiker.organisatie_code
    if not mag(gebruiker, Recht.BENCHMARK) or (
        not mag(gebruiker, Recht.BENCHMARK_ALLE)
        and eigen_code != regio_code
        and eigen_code not in set(gemeenten["code"])
    ):
        raise GeenToegang(
            "Geen toegang: het regiobeeld is er voor de regio en haar gemeenten, "
            "en voor kijkers en beheerders."
        )
    kijker = regio_code if mag(gebruiker, Recht.BENCHMARK_ALLE) else eigen_code
    gezien = zicht(
        gebruiker,
        instellingen=instellingen,
        organisaties=organisaties,
        ingediend=ingediend,
        leden=gemeenten["code"],
        vanuit=kijker,
        sleutel="jeugdregio",
    )
    toegang = gezien.toegang
    leeg = pd.DataFrame(columns=["gemeente", "vraag", "thema_nr", "waarde", "antwoord"])
    if not toegang.zichtbaar:
        return leeg, toegang
    namen = {c: n for c, n in gezien.namen.items() if c in set(gemeenten["code"])}
    status_vragen = vragen[
        (vragen["actortype"] == "gemeente") & vragen["vraagtype"].isin(STATUS_TYPES)
    ]
    getoond = antwoorden[
        antwoorden["organisatie_code"].isin(namen)
        & ((antwoorden["status"] == "ingediend") | (antwoorden["organisatie_code"] == kijker))
    ]
    getoond = getoond.assign(voorlopig=voorlopig_vlag(getoond))
    ant = getoond.set_index(["organisatie_code", "vraag_id"])[["waarde", "voorlopig"]]
    ant = dict(zip(ant.index, ant.itertuples(index=False, name=None), strict=True))
    rijen = []
    for c in sorted(namen, key=lambda c: namen[c]):
        for vraag in status_vragen.itertuples():
            waarde, voorlopig = ant.get((c, vraag.id), (None, False))
            waarde = None if waarde is None or pd.isna(waarde) or waarde == "" else waarde
            antwoord = met_voorlopig(_label(vraag, waarde), voorlopig)
            rijen.append((namen[c], vraag.code, vraag.thema_nr, waarde, antwoord))
    return pd.DataFrame(rijen, columns=leeg.columns), toegang
