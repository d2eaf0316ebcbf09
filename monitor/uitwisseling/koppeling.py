"""Import from any survey platform: map a file's own headers onto ours.

A survey platform (LimeSurvey, Qualtrics, Forms, ...) exports its own headers: "Gemeente",
"Naam organisatie", question texts instead of codes, sometimes two header rows. This module
proposes, per column, one of our columns (organisatiecode, organisatienaam, ronde, a vraagcode
or '<vraagcode> toelichting') by matching normalised text (case, accents, spaces,
punctuation) on our column names, known synonyms, question codes and question texts, first
exactly and then fuzzily (difflib). The user confirms or corrects the proposal; the result, a
:class:`Koppeling`, is saved per source name and applied to the next file with the same
headers by :func:`pas_toe`, which rewrites the header row so that the ordinary import reads
the file. Pure: no Streamlit, no database.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from monitor import invoer
from monitor.errors import MonitorFout
from monitor.uitwisseling.bestanden import Probleem, Tabel, kolom_naam
from monitor.uitwisseling.waarden import VraagInfo, sleutel

KOLOM_CODE = "organisatiecode"
KOLOM_NAAM = "organisatienaam"
KOLOM_RONDE = "ronde"
TOELICHTING = " toelichting"
MAX_KOP_RIJEN = 3
KOPPELINGNAAM = invoer.KOPPELINGNAAM
FUZZY_GRENS = 0.8  # difflib ratio from which a header counts as 'the same text'

# Headers that survey platforms use for our organisation columns (normalised by kop_sleutel).
SYNONIEMEN: dict[str, str] = {
    "organisatiecode": KOLOM_CODE,
    "organisatie code": KOLOM_CODE,
    "code organisatie": KOLOM_CODE,
    "gemeentecode": KOLOM_CODE,
    "code gemeente": KOLOM_CODE,
    "cbs code": KOLOM_CODE,
    "organisatienaam": KOLOM_NAAM,
    "organisatie naam": KOLOM_NAAM,
    "naam organisatie": KOLOM_NAAM,
    "naam van de organisatie": KOLOM_NAAM,
    "organisatie": KOLOM_NAAM,
    "gemeente": KOLOM_NAAM,
    "naam gemeente": KOLOM_NAAM,
    "gemeentenaam": KOLOM_NAAM,
    "uw gemeente": KOLOM_NAAM,
    "jeugdregio": KOLOM_NAAM,
    "regio": KOLOM_NAAM,
    "ronde": KOLOM_RONDE,
    "jaar": KOLOM_RONDE,
}
# Words after a question that mark its explanation column ('... [Toelichting]', '... - Opmerking').
_TOELICHTING_WOORDEN = ("toelichting", "opmerking", "opmerkingen", "comment", "other")


def kop_sleutel(tekst: object) -> str:
    """Comparison key of a header: lower case, no accents, punctuation as spaces, one space."""
    if tekst is None:
        return ""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", sleutel(str(tekst))).split())


def _compact(tekst: str) -> str:
    return kop_sleutel(tekst).replace(" ", "")


@dataclass(frozen=True)
class Koppeling:
    """A confirmed mapping: per header text of the file's first row, our column or None
    (ignore). ``kop_rijen`` header rows are skipped before the data starts."""

    naam: str
    kolommen: tuple[tuple[str, str | None], ...]
    kop_rijen: int = 1

    @property
    def kenmerk(self) -> str:
        """The fingerprint of the header set: the same platform export gives the same one."""
        return kenmerk([kop for kop, _ in self.kolommen])

    def als_json(self) -> str:
        return json.dumps([[kop, doel] for kop, doel in self.kolommen], ensure_ascii=False)

    @classmethod
    def uit_json(cls, naam: str, tekst: str, kop_rijen: int) -> Koppeling:
        return cls(naam, tuple((str(k), d or None) for k, d in json.loads(tekst)), kop_rijen)


def kenmerk(koppen: Iterable[object]) -> str:
    """sha256 of the sorted set of normalised headers (order and spelling do not matter)."""
    sleutels = sorted({kop_sleutel(k) for k in koppen if kop_sleutel(k)})
    return hashlib.sha256("\n".join(sleutels).encode()).hexdigest()


def controleer_naam(naam: str) -> str:
    """The source name, cleaned; TekstFout/MonitorFout in Dutch when empty or too long."""
    schone = " ".join((naam or "").split())
    if not schone:
        raise MonitorFout("Geef de koppeling een naam, bijv. de naam van het enquêteplatform.")
    return invoer.controleer_tekst(schone, KOPPELINGNAAM, waar="Koppeling")


# --------------------------------------------------------------------------------------------
# Proposal


@dataclass(frozen=True)
class Voorstel:
    """The proposal for one column: its header text(s), our column (None: ignore), and why."""

    index: int
    kop: str  # text of the first header row
    tekst: str  # the header text used for the match (second row with two header rows)
    doel: str | None
    zekerheid: float  # 1.0 exact, lower for a fuzzy match, 0.0 nothing found


@dataclass(frozen=True)
class Voorstellen:
    kolommen: tuple[Voorstel, ...]
    kop_rijen: int

    @property
    def gekoppeld(self) -> int:
        return sum(v.doel is not None for v in self.kolommen)

    def als_koppeling(self, naam: str) -> Koppeling:
        return Koppeling(naam, tuple((v.kop, v.doel) for v in self.kolommen), self.kop_rijen)


@dataclass
class _Doelen:
    """Everything a header can be matched on: key → our column."""

    exact: dict[str, str] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)  # compact code → code
    teksten: dict[str, list[str]] = field(default_factory=dict)  # key of question text → codes
    actortypes: dict[str, str] = field(default_factory=dict)  # code → actortype
    voorkeur: str | None = None  # actortype of the file: decides a text two actortypes share

    @classmethod
    def van(cls, vragen: Iterable[VraagInfo]) -> _Doelen:
        doelen = cls(exact=dict(SYNONIEMEN))
        for vraag in vragen:
            doelen.codes[_compact(vraag.code)] = vraag.code
            doelen.teksten.setdefault(kop_sleutel(vraag.tekst), []).append(vraag.code)
            doelen.actortypes[vraag.code] = vraag.actortype
        return doelen

    def _tekst(self, k: str) -> str:
        codes = self.teksten[k]
        return next((c for c in codes if self.actortypes[c] == self.voorkeur), codes[0])

    def zoek(self, tekst: str) -> tuple[str | None, float]:
        """Our column for one header text and how sure the match is."""
        k = kop_sleutel(tekst)
        if not k:
            return None, 0.0
        for woord in _TOELICHTING_WOORDEN:
            if k.endswith(" " + woord) or k.startswith(woord + " "):
                rest = k.removesuffix(" " + woord) if k.endswith(" " + woord) else k[len(woord) :]
                vraag, zeker = self._vraag(rest.strip())
                return (vraag + TOELICHTING, zeker) if vraag else (None, 0.0)
        if k in self.exact:
            return self.exact[k], 1.0
        return self._vraag(k)

    def _vraag(self, k: str) -> tuple[str | None, float]:
        compact = k.replace(" ", "")
        if compact in self.codes:
            return self.codes[compact], 1.0
        eerste = k.split(" ", 1)[0]  # 'GEM.1.01: Heeft uw gemeente ...' or 'GEM101 Heeft ...'
        if len(k.split(" ")) > 1 and eerste in self.codes:
            return self.codes[eerste], 1.0
        for n in (3, 2):  # a dotted code split by the normalisation: 'gem 1 01 heeft ...'
            voor = "".join(k.split(" ")[:n])
            if voor in self.codes and len(k.split(" ")) > n:
                return self.codes[voor], 1.0
        if k in self.teksten:
            return self._tekst(k), 1.0
        gelijk = difflib.get_close_matches(k, list(self.teksten), n=1, cutoff=FUZZY_GRENS)
        if gelijk:
            ratio = difflib.SequenceMatcher(None, k, gelijk[0]).ratio()
            return self._tekst(gelijk[0]), round(ratio, 2)
        synoniem = difflib.get_close_matches(k, list(self.exact), n=1, cutoff=0.9)
        if synoniem:
            return self.exact[synoniem[0]], 0.9
        return None, 0.0


def stel_voor(tabel: Tabel, vragen: Iterable[VraagInfo]) -> Voorstellen:
    """Per column of ``tabel`` our column (or None), from one or two header rows.

    A second header row is used when it matches more columns than the first alone
    (Qualtrics: codes 'Q1', 'Q2' in row 1, question texts in row 2). Each of our columns is
    proposed at most once: the surest column keeps it."""
    doelen = _Doelen.van(vragen)
    rijen = [cellen for _, cellen in tabel.rijen[:2]]
    if not rijen:
        return Voorstellen((), 1)
    eerste = _beste(rijen, doelen)
    codes = [v.doel.removesuffix(TOELICHTING) for v in eerste.kolommen if v.doel]
    gevonden = [doelen.actortypes[c] for c in codes if c in doelen.actortypes]
    if gevonden:  # a second pass with the file's actortype: it decides shared texts
        doelen.voorkeur = max(sorted(set(gevonden)), key=gevonden.count)
        return _beste(rijen, doelen)
    return eerste


def _beste(rijen: list[tuple[object, ...]], doelen: _Doelen) -> Voorstellen:
    een = _voorstel(rijen[0], None, doelen)
    if len(rijen) > 1:
        twee = _voorstel(rijen[0], rijen[1], doelen)
        if twee.gekoppeld > een.gekoppeld:
            return twee
    return een


def _voorstel(
    kop: Sequence[object], tweede: Sequence[object] | None, doelen: _Doelen
) -> Voorstellen:
    kolommen: list[Voorstel] = []
    for index, cel in enumerate(kop):
        tekst = "" if cel is None else str(cel)
        doel, zeker = doelen.zoek(tekst)
        extra = tweede[index] if tweede is not None and index < len(tweede) else None
        if extra is not None:
            doel2, zeker2 = doelen.zoek(str(extra))
            if zeker2 > zeker:
                tekst, doel, zeker = str(extra), doel2, zeker2
        kolommen.append(Voorstel(index, "" if cel is None else str(cel), tekst, doel, zeker))
    beste: dict[str, Voorstel] = {}
    for v in kolommen:
        if v.doel and (v.doel not in beste or v.zekerheid > beste[v.doel].zekerheid):
            beste[v.doel] = v
    kolommen = [
        v if v.doel is None or beste[v.doel] is v else Voorstel(v.index, v.kop, v.tekst, None, 0.0)
        for v in kolommen
    ]
    return Voorstellen(tuple(kolommen), 2 if tweede is not None else 1)


def voorstel_uit(tabel: Tabel, koppeling: Koppeling) -> Voorstellen:
    """A saved mapping as the proposal for this file's columns, to correct it."""
    doelen = {kop_sleutel(k): d for k, d in koppeling.kolommen}
    kop = tabel.rijen[0][1] if tabel.rijen else ()
    kolommen = []
    for index, cel in enumerate(kop):
        tekst = "" if cel is None else str(cel)
        doel = doelen.get(kop_sleutel(cel))
        kolommen.append(Voorstel(index, tekst, tekst, doel, 1.0 if doel else 0.0))
    return Voorstellen(tuple(kolommen), koppeling.kop_rijen)


def eigen_koppen(tabel: Tabel, vragen: Iterable[VraagInfo]) -> bool:
    """True when the first row already holds our headers only (no mapping needed)."""
    if not tabel.rijen:
        return True
    bekend = {KOLOM_CODE, KOLOM_NAAM, KOLOM_RONDE, "vraagcode", "antwoord", "toelichting"}
    for vraag in vragen:
        bekend |= {kop_sleutel(vraag.code), kop_sleutel(vraag.code + TOELICHTING)}
    koppen = [kop_sleutel(c) for c in tabel.rijen[0][1] if c is not None]
    return all(k in bekend for k in koppen if k)


# --------------------------------------------------------------------------------------------
# Applying a saved mapping


def pas_toe(tabel: Tabel, koppeling: Koppeling) -> Tabel:
    """``tabel`` with its header row rewritten to our columns and extra header rows skipped.

    Ignored columns are emptied (header and cells), so that column letters in the import
    report stay those of the file. Headers the mapping does not know and mapped headers the
    file lacks are problems (sheet, row, column), never guesses."""
    if not tabel.rijen:
        return tabel
    kop_nr, kop = tabel.rijen[0]
    doelen = {kop_sleutel(k): d for k, d in koppeling.kolommen}
    problemen = list(tabel.problemen)
    nieuwe_kop: list[object] = []
    negeren: set[int] = set()
    for index, cel in enumerate(kop):
        k = kop_sleutel(cel)
        if not k:
            nieuwe_kop.append(None)
            continue
        if k not in doelen:
            problemen.append(
                Probleem(
                    tabel.blad,
                    kop_nr,
                    kolom_naam(index, cel),
                    f"de kolom '{cel}' staat niet in koppeling '{koppeling.naam}'. Pas de "
                    "koppeling aan op het tabblad Import.",
                )
            )
            nieuwe_kop.append(None)
            negeren.add(index)
            continue
        doel = doelen[k]
        nieuwe_kop.append(doel)
        if doel is None:
            negeren.add(index)
    aanwezig = {kop_sleutel(c) for c in kop}
    for tekst, doel in koppeling.kolommen:
        if doel is not None and kop_sleutel(tekst) not in aanwezig:
            problemen.append(
                Probleem(
                    tabel.blad,
                    kop_nr,
                    None,
                    f"de kolom '{tekst}' van koppeling '{koppeling.naam}' ontbreekt in dit "
                    "bestand.",
                )
            )
    rijen = [(kop_nr, tuple(nieuwe_kop))]
    for nr, cellen in tabel.rijen[koppeling.kop_rijen :]:
        rijen.append((nr, tuple(None if i in negeren else c for i, c in enumerate(cellen))))
    return Tabel(tabel.soort, tabel.blad, rijen, problemen, weergave_kop=tuple(kop))
