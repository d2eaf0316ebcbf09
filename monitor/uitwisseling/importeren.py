"""Import of answers from .xlsx and .csv files: first a dry run, then all or nothing.

Two layouts are recognised by their headers (case and spaces do not matter):

- **lang**: one row per organisatie × vraag: ``organisatiecode`` and/or ``organisatienaam``,
  ``vraagcode``, ``antwoord``, optionally ``toelichting``, ``voorlopig`` (ja/nee) and
  ``ronde``;
- **breed**: one row per organisatie: ``organisatiecode`` and/or ``organisatienaam``, then a
  column per vraagcode and optionally a column '<vraagcode> toelichting'.

Every problem is reported with sheet, row and column and a Dutch explanation; nothing is
written while there is any problem. Writing happens in one transaction: new answers are added,
changed ones overwritten (versie + 1), unchanged ones left alone, and every change is in the
audit table with ``bron='import:<bestandsnaam>'``. Importing the same file twice changes
nothing. Only beheerders may import.
"""

from __future__ import annotations

import csv
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path

import pandas as pd

from monitor.config import ALIASSEN_BESTAND
from monitor.domain import (
    ACTORTYPE_BY_CODE,
    AntwoordStatus,
    RondeStatus,
    opties_voor,
    parse_opties,
)
from monitor.errors import InvoerFout, MonitorFout
from monitor.progress import ProgressCallback, meld
from monitor.rechten import Gebruiker, Recht, vereis
from monitor.store import antwoorden as antwoorden_store
from monitor.store import bevriezing, lezen, schrijven, sessie
from monitor.store.sessie import Engine
from monitor.uitwisseling.bestanden import Limieten, Probleem, Tabel, kolom_naam, lees_tabel
from monitor.uitwisseling.koppeling import Koppeling, pas_toe
from monitor.uitwisseling.waarden import (
    CelFout,
    VraagInfo,
    cel_tekst,
    lees_antwoord,
    lees_ja_nee,
    naam_sleutel,
    schoon,
    sleutel,
    vreemd_teken,
    zonder_neutralisatie,
)

KOLOM_ORGANISATIECODE = "organisatiecode"
KOLOM_ORGANISATIENAAM = "organisatienaam"
KOLOM_VRAAGCODE = "vraagcode"
KOLOM_ANTWOORD = "antwoord"
KOLOM_TOELICHTING = "toelichting"
KOLOM_RONDE = "ronde"
KOLOM_VOORLOPIG = "voorlopig"
LANG_KOLOMMEN = (
    KOLOM_RONDE,
    KOLOM_ORGANISATIECODE,
    KOLOM_ORGANISATIENAAM,
    KOLOM_VRAAGCODE,
    KOLOM_ANTWOORD,
    KOLOM_TOELICHTING,
    KOLOM_VOORLOPIG,
)
TOELICHTING_ACHTERVOEGSEL = " toelichting"
RAPPORT_KOLOMMEN = ["blad", "rij", "kolom", "melding"]


# --------------------------------------------------------------------------------------------
# Context: the round's questions and the organisations


@dataclass(frozen=True)
class OrganisatieInfo:
    code: str
    naam: str
    actortype: str


@dataclass
class ImportContext:
    """What a file is checked against: the round, its questions, the organisations."""

    jaar: int
    vragen: dict[str, VraagInfo]  # by upper-case code
    organisaties: dict[str, OrganisatieInfo]  # by code
    aliassen: dict[str, str] = field(default_factory=dict)  # naam_sleutel → code
    namen: dict[str, list[str]] = field(init=False)
    _optie_sleutels: dict[int, dict[str, str | None]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        namen: dict[str, list[str]] = {}
        for org in self.organisaties.values():
            namen.setdefault(naam_sleutel(org.naam), []).append(org.code)
        for alias, code in self.aliassen.items():
            if code not in namen.setdefault(alias, []):
                namen[alias].append(code)
        self.namen = namen

    def optie_sleutels(self, vraag: VraagInfo) -> dict[str, str | None]:
        """key of a label or code → option code; None when a key fits two options."""
        if vraag.id not in self._optie_sleutels:
            sleutels: dict[str, str | None] = {}
            for optie in vraag.opties:
                for tekst in {optie.label, optie.code, optie.code.replace("_", " ")}:
                    k = sleutel(tekst)
                    sleutels[k] = optie.code if sleutels.get(k, optie.code) == optie.code else None
            self._optie_sleutels[vraag.id] = sleutels
        return self._optie_sleutels[vraag.id]


def lees_aliassen(pad: Path = ALIASSEN_BESTAND) -> dict[str, str]:
    """Common variants of organisation names ('Den Bosch') from a CSV: alias → code."""
    if not pad.exists():
        return {}
    with pad.open(encoding="utf-8", newline="") as handle:
        return {
            naam_sleutel(r["alias"]): r["organisatiecode"].strip()
            for r in csv.DictReader(handle)
            if r.get("alias") and r.get("organisatiecode")
        }


def vraag_infos_van(vragen: Iterable) -> list[VraagInfo]:
    """VraagInfo of each Vraag row (pure)."""
    return [
        VraagInfo(
            v.id,
            v.code,
            v.actortype,
            v.vraagtype,
            v.tekst,
            opties_voor(v.vraagtype, parse_opties(v.opties or "")),
            v.minimum,
            v.maximum,
        )
        for v in vragen
    ]


def context_uit_frames(
    *, jaar: int, vragen: Iterable, organisaties: pd.DataFrame, aliassen: dict[str, str]
) -> ImportContext:
    """Build the context from Vraag rows and the organisaties frame (pure; used in tests)."""
    vraag_infos = {info.code.upper(): info for info in vraag_infos_van(vragen)}
    orgs = {r.code: OrganisatieInfo(r.code, r.naam, r.actortype) for r in organisaties.itertuples()}
    bekend = {k: c for k, c in aliassen.items() if c in orgs}
    return ImportContext(jaar, vraag_infos, orgs, bekend)


# --------------------------------------------------------------------------------------------
# Reading the rows of a sheet


@dataclass(frozen=True)
class Regel:
    """One answer read from the file."""

    organisatie_code: str
    vraag_id: int
    vraag_code: str
    waarde: str
    toelichting: str | None
    toelichting_gegeven: bool  # False: the file has no toelichting column for it (keep)
    rij: int
    voorlopig: bool | None = None  # None: the file has no voorlopig column (keep)


@dataclass
class Gelezen:
    layout: str | None = None  # 'lang' | 'breed'
    regels: list[Regel] = field(default_factory=list)
    problemen: list[Probleem] = field(default_factory=list)


class _Lezer:
    """Turns the rows of a Tabel into Regels and Problemen against an ImportContext."""

    def __init__(self, tabel: Tabel, context: ImportContext) -> None:
        self.tabel, self.context = tabel, context
        self.uit = Gelezen(problemen=list(tabel.problemen))
        self.kop: tuple[object, ...] = ()
        self.gezien: dict[tuple[str, int], int] = {}

    def probleem(self, rij: int | None, index: int | None, melding: str) -> None:
        kolom = None
        if index is not None:
            kop = self.tabel.weergave_kop or self.kop
            kolom = kolom_naam(index, kop[index] if index < len(kop) else None)
        self.uit.problemen.append(Probleem(self.tabel.blad, rij, kolom, melding))

    def lees(self) -> Gelezen:
        if not self.tabel.rijen:
            return self.uit
        kop_rij, self.kop = self.tabel.rijen[0]
        kolommen = self._kolommen(kop_rij)
        if kolommen is None:
            return self.uit
        if KOLOM_VRAAGCODE in kolommen:
            self.uit.layout = "lang"
            self._lang(kolommen)
        else:
            self.uit.layout = "breed"
            self._breed(kolommen)
        return self.uit

    # -- headers --------------------------------------------------------------------------

    def _kolommen(self, kop_rij: int) -> dict[str, int] | None:
        """Header key → column index; None (with problems) when the header is unusable."""
        kolommen: dict[str, int] = {}
        vraag_kolommen = self.context.vragen
        al_gemeld = len(self.uit.problemen)
        breedte = max(len(cellen) for _, cellen in self.tabel.rijen)
        for index in range(breedte):
            kop = self.kop[index] if index < len(self.kop) else None
            if kop is None or not schoon(str(kop)):
                if any(len(c) > index and c[index] is not None for _, c in self.tabel.rijen[1:]):
                    self.probleem(kop_rij, index, "de kolom heeft gegevens maar geen kopje.")
                continue
            k = sleutel(str(kop))
            if k.upper() in vraag_kolommen:
                k = k.upper()
            elif k.endswith(TOELICHTING_ACHTERVOEGSEL):
                code = k.removesuffix(TOELICHTING_ACHTERVOEGSEL).strip().upper()
                if code in vraag_kolommen:
                    k = code + TOELICHTING_ACHTERVOEGSEL
            if k in kolommen:
                self.probleem(kop_rij, index, f"het kopje '{schoon(str(kop))}' staat er twee keer.")
                continue
            kolommen[k] = index
        lang = KOLOM_VRAAGCODE in kolommen
        for k, index in kolommen.items():
            bekend = k in LANG_KOLOMMEN if lang else k in LANG_KOLOMMEN[:3] or self._vraagkop(k)
            if lang and self._vraagkop(k):
                self.probleem(
                    kop_rij,
                    index,
                    "een kolom per vraag hoort bij de brede indeling, maar dit blad heeft een "
                    "kolom 'vraagcode' (lange indeling). Gebruik één van beide.",
                )
            elif not bekend:
                self.probleem(kop_rij, index, self._onbekende_kop(lang))
        if KOLOM_ORGANISATIECODE not in kolommen and KOLOM_ORGANISATIENAAM not in kolommen:
            self.probleem(
                kop_rij,
                None,
                "er is geen kolom 'organisatiecode' of 'organisatienaam'. De eerste rij moet de "
                "kopjes bevatten.",
            )
        if lang and KOLOM_ANTWOORD not in kolommen:
            self.probleem(kop_rij, None, "er is geen kolom 'antwoord'.")
        if not lang and not any(self._vraagkop(k) for k in kolommen):
            self.probleem(
                kop_rij,
                None,
                "er is geen kolom 'vraagcode' (lange indeling) en geen kolom met een vraagcode "
                f"van ronde {self.context.jaar} (brede indeling).",
            )
        if not lang:
            for k, index in kolommen.items():
                code = k.removesuffix(TOELICHTING_ACHTERVOEGSEL)
                if k.endswith(TOELICHTING_ACHTERVOEGSEL) and code in vraag_kolommen:
                    if code not in kolommen:
                        self.probleem(
                            kop_rij,
                            index,
                            f"er is een toelichtingkolom voor {code} maar geen antwoordkolom.",
                        )
        return None if len(self.uit.problemen) > al_gemeld else kolommen

    def _vraagkop(self, k: str) -> bool:
        return k in self.context.vragen or (
            k.endswith(TOELICHTING_ACHTERVOEGSEL)
            and k.removesuffix(TOELICHTING_ACHTERVOEGSEL) in self.context.vragen
        )

    def _onbekende_kop(self, lang: bool) -> str:
        if lang:
            return (
                "onbekende kolom. De lange indeling kent alleen: " + ", ".join(LANG_KOLOMMEN) + "."
            )
        return (
            f"onbekende kolom: geen vraagcode van ronde {self.context.jaar}, geen "
            "'<vraagcode> toelichting' en geen organisatiecode, organisatienaam of ronde."
        )

    # -- cells ----------------------------------------------------------------------------

    @staticmethod
    def _cel(cellen: tuple[object, ...], index: int | None) -> object:
        if index is None or index >= len(cellen):
            return None
        waarde = cellen[index]
        if isinstance(waarde, str) and not schoon(waarde):
            return None
        return waarde

    def _ronde_klopt(self, nr: int, cellen: tuple, kolommen: dict[str, int]) -> bool:
        index = kolommen.get(KOLOM_RONDE)
        waarde = self._cel(cellen, index)
        if waarde is None:
            return True
        tekst = cel_tekst(waarde)
        if tekst != str(self.context.jaar):
            self.probleem(
                nr,
                index,
                f"ronde '{tekst}' hoort niet bij deze import (ronde {self.context.jaar}). "
                "Importeer elke ronde apart.",
            )
            return False
        return True

    def _organisatie(
        self, nr: int, cellen: tuple, kolommen: dict[str, int], actortypes: set[str]
    ) -> str | None:
        """The organisation code of a row by code and/or name, or None with a problem."""
        code_index = kolommen.get(KOLOM_ORGANISATIECODE)
        naam_index = kolommen.get(KOLOM_ORGANISATIENAAM)
        code_waarde = self._cel(cellen, code_index)
        naam_waarde = self._cel(cellen, naam_index)
        orgs = self.context.organisaties
        code = None
        if code_waarde is not None:
            code = cel_tekst(code_waarde).upper().replace(" ", "")
            if code not in orgs:
                self.probleem(
                    nr,
                    code_index,
                    f"organisatiecode '{cel_tekst(code_waarde)}' bestaat niet.{vreemd_teken(code)}",
                )
                return None
        if naam_waarde is not None:
            naam = cel_tekst(naam_waarde)
            kandidaten = self.context.namen.get(naam_sleutel(naam), [])
            if len(kandidaten) > 1 and actortypes:
                kandidaten = [c for c in kandidaten if orgs[c].actortype in actortypes]
            if code is not None:
                if code not in self.context.namen.get(naam_sleutel(naam), []):
                    self.probleem(
                        nr,
                        naam_index,
                        f"organisatienaam '{naam}' past niet bij organisatiecode {code} "
                        f"({orgs[code].naam}).",
                    )
                    return None
                return code
            if not kandidaten:
                self.probleem(nr, naam_index, self._onbekende_naam(naam))
                return None
            if len(kandidaten) > 1:
                lijst = " of ".join(f"{orgs[c].naam} ({c})" for c in sorted(kandidaten))
                self.probleem(
                    nr,
                    naam_index,
                    f"organisatienaam '{naam}' is dubbelzinnig: {lijst}. Vul de "
                    "organisatiecode in.",
                )
                return None
            return kandidaten[0]
        if code is None:
            index = code_index if code_index is not None else naam_index
            self.probleem(nr, index, "de organisatie ontbreekt (geen code en geen naam).")
        return code

    def _onbekende_naam(self, naam: str) -> str:
        namen = {org.naam: org.code for org in self.context.organisaties.values()}
        begin = naam_sleutel(naam) + " "
        dichtbij = sorted(n for n in namen if naam_sleutel(n).startswith(begin))[:3]
        dichtbij = dichtbij or difflib.get_close_matches(naam, list(namen), n=3, cutoff=0.75)
        melding = f"organisatienaam '{naam}' is onbekend."
        if dichtbij:
            melding += " Bedoelt u " + " of ".join(f"{n} ({namen[n]})" for n in dichtbij) + "?"
        return melding + " U kunt ook de organisatiecode gebruiken."

    def _vraag(self, nr: int, waarde: object, index: int | None) -> VraagInfo | None:
        if waarde is None:
            self.probleem(nr, index, "de vraagcode ontbreekt.")
            return None
        code = cel_tekst(waarde).upper().replace(" ", "")
        vraag = self.context.vragen.get(code)
        if vraag is None:
            self.probleem(
                nr,
                index,
                f"vraagcode '{cel_tekst(waarde)}' bestaat niet in ronde {self.context.jaar}."
                + vreemd_teken(code),
            )
        return vraag

    def _past(self, nr: int, index: int | None, org: str, vraag: VraagInfo) -> bool:
        """The vraag must be one for the organisation's actortype."""
        organisatie = self.context.organisaties[org]
        if organisatie.actortype == vraag.actortype:
            return True
        voor = ACTORTYPE_BY_CODE[vraag.actortype].label_meervoud
        self.probleem(
            nr,
            index,
            f"vraag {vraag.code} is voor {voor}; {organisatie.naam} ({org}) is "
            f"{ACTORTYPE_BY_CODE[organisatie.actortype].label.lower()}.",
        )
        return False

    def _regel(
        self,
        nr: int,
        org: str,
        vraag: VraagInfo,
        antwoord: tuple[object, int | None],
        toelichting: tuple[object, int | None] | None,
        voorlopig: tuple[object, int] | None = None,
    ) -> None:
        """Check one answer (value, column) with its toelichting and add it as a Regel."""
        waarde, index = antwoord
        eerder = self.gezien.get((org, vraag.id))
        if eerder is not None:
            self.probleem(
                nr,
                index,
                f"dubbel: het antwoord van {org} op {vraag.code} staat ook in rij {eerder}.",
            )
            return
        self.gezien[(org, vraag.id)] = nr
        tekst_toelichting = None
        if toelichting is not None and toelichting[0] is not None:
            if isinstance(toelichting[0], datetime | date | time):
                tekst_toelichting = toelichting[0].isoformat()
            else:
                tekst_toelichting = zonder_neutralisatie(str(toelichting[0]).strip())
        if waarde is None:
            if tekst_toelichting:
                self.probleem(
                    nr,
                    toelichting[1],
                    f"er staat een toelichting bij {vraag.code}, maar geen antwoord.",
                )
            return
        try:
            opgeslagen = lees_antwoord(waarde, vraag, self.context)
        except CelFout as fout:
            self.probleem(nr, index, f"{vraag.code}: {fout}")
            return
        mark = None
        if voorlopig is not None:
            try:
                mark = lees_ja_nee(voorlopig[0])
            except CelFout as fout:
                self.probleem(nr, voorlopig[1], f"voorlopig bij {vraag.code}: {fout}")
                return
        self.uit.regels.append(
            Regel(
                org,
                vraag.id,
                vraag.code,
                opgeslagen,
                tekst_toelichting or None,
                toelichting is not None,
                nr,
                mark,
            )
        )

    # -- layouts --------------------------------------------------------------------------

    def _lang(self, kolommen: dict[str, int]) -> None:
        vraag_index = kolommen[KOLOM_VRAAGCODE]
        antwoord_index = kolommen[KOLOM_ANTWOORD]
        toelichting_index = kolommen.get(KOLOM_TOELICHTING)
        voorlopig_index = kolommen.get(KOLOM_VOORLOPIG)
        for nr, cellen in self.tabel.rijen[1:]:
            if not self._ronde_klopt(nr, cellen, kolommen):
                continue
            vraag = self._vraag(nr, self._cel(cellen, vraag_index), vraag_index)
            actortypes = {vraag.actortype} if vraag else set()
            org = self._organisatie(nr, cellen, kolommen, actortypes)
            if vraag is None or org is None or not self._past(nr, vraag_index, org, vraag):
                continue
            toelichting = None
            if toelichting_index is not None:
                toelichting = (self._cel(cellen, toelichting_index), toelichting_index)
            antwoord = (self._cel(cellen, antwoord_index), antwoord_index)
            voorlopig = None
            if voorlopig_index is not None:
                voorlopig = (self._cel(cellen, voorlopig_index), voorlopig_index)
            self._regel(nr, org, vraag, antwoord, toelichting, voorlopig)

    def _breed(self, kolommen: dict[str, int]) -> None:
        vragen = [
            (self.context.vragen[k], index)
            for k, index in kolommen.items()
            if k in self.context.vragen
        ]
        toelichtingen = {
            k.removesuffix(TOELICHTING_ACHTERVOEGSEL): index
            for k, index in kolommen.items()
            if k.endswith(TOELICHTING_ACHTERVOEGSEL) and k not in LANG_KOLOMMEN
        }
        gezien_orgs: dict[str, int] = {}
        for nr, cellen in self.tabel.rijen[1:]:
            gevuld = [(v, i) for v, i in vragen if self._cel(cellen, i) is not None] + [
                (self.context.vragen[c], i)
                for c, i in toelichtingen.items()
                if self._cel(cellen, i) is not None
            ]
            if not gevuld or not self._ronde_klopt(nr, cellen, kolommen):
                continue  # a template row left empty
            org = self._organisatie(nr, cellen, kolommen, {v.actortype for v, _ in gevuld})
            if org is None:
                continue
            if org in gezien_orgs:
                index = kolommen.get(KOLOM_ORGANISATIECODE, kolommen.get(KOLOM_ORGANISATIENAAM))
                self.probleem(nr, index, f"dubbel: {org} staat ook in rij {gezien_orgs[org]}.")
                continue
            gezien_orgs[org] = nr
            for vraag, index in vragen:
                t_index = toelichtingen.get(vraag.code.upper())
                waarde = self._cel(cellen, index)
                t_waarde = self._cel(cellen, t_index)
                if (waarde is None and t_waarde is None) or not self._past(nr, index, org, vraag):
                    continue
                toelichting = None if t_index is None else (t_waarde, t_index)
                self._regel(nr, org, vraag, (waarde, index), toelichting)


def lees_regels(tabel: Tabel, context: ImportContext) -> Gelezen:
    """The answers in ``tabel`` checked against ``context``; pure (no database)."""
    return _Lezer(tabel, context).lees()


# --------------------------------------------------------------------------------------------
# Report and writing


@dataclass
class ImportRapport:
    """The outcome of a dry run or an import."""

    bestandsnaam: str
    ronde: int
    layout: str | None = None
    problemen: list[Probleem] = field(default_factory=list)
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0
    organisaties: int = 0
    toegepast: bool = False

    @property
    def ok(self) -> bool:
        return not self.problemen

    def tabel(self) -> pd.DataFrame:
        """The problems as a table: blad, rij, kolom, melding."""
        return pd.DataFrame(
            [(p.blad, p.rij, p.kolom or "", p.melding) for p in self.problemen],
            columns=RAPPORT_KOLOMMEN,
        )

    def samenvatting(self) -> str:
        """One Dutch sentence with the counts."""
        if not self.ok:
            return (
                f"{self.bestandsnaam}: {len(self.problemen)} "
                f"{'probleem' if len(self.problemen) == 1 else 'problemen'} gevonden; er is "
                "niets geïmporteerd."
            )
        werkwoord = "geïmporteerd" if self.toegepast else "zou worden geïmporteerd (proefrun)"
        return (
            f"{self.bestandsnaam} ({self.layout} indeling, ronde {self.ronde}): "
            f"{self.nieuw} nieuw, {self.gewijzigd} gewijzigd, {self.ongewijzigd} ongewijzigd "
            f"antwoorden van {self.organisaties} organisaties — {werkwoord}."
        )

    def als_tekst(self, max_regels: int = 200) -> str:
        regels = [self.samenvatting()]
        regels += [f"  {p.als_tekst()}" for p in self.problemen[:max_regels]]
        if len(self.problemen) > max_regels:
            regels.append(f"  … en nog {len(self.problemen) - max_regels} problemen.")
        return "\n".join(regels)


def importeer(
    engine: Engine,
    *,
    gebruiker: Gebruiker,
    data: bytes,
    bestandsnaam: str,
    jaar: int,
    toepassen: bool,
    limieten: Limieten | None = None,
    voortgang: ProgressCallback | None = None,
    moment: datetime | None = None,
    koppeling: Koppeling | None = None,
) -> ImportRapport:
    """Check a file of answers for round ``jaar`` and, with ``toepassen`` and no problems,
    store it in one transaction. Returns the report (problems or counts).

    With ``koppeling`` (a confirmed mapping of a survey platform's headers) the header row is
    rewritten first, in the dry run and in the real run alike.

    Raises GeenToegang for anyone but a beheerder, MonitorFout when the round does not exist.
    """
    vereis(gebruiker, Recht.RONDES_BEHEREN, "het importeren van antwoorden")
    rapport = ImportRapport(bestandsnaam, jaar)
    meld(voortgang, 0.0, "Bestand controleren")
    try:
        tabel = lees_tabel(
            data,
            bestandsnaam,
            limieten=limieten,
            voortgang=lambda f, t: meld(voortgang, 0.7 * f, t),
        )
    except InvoerFout as fout:
        rapport.problemen.append(Probleem(bestandsnaam, fout.rij, fout.veld, fout.melding))
        return rapport
    if koppeling is not None:
        tabel = pas_toe(tabel, koppeling)
    open_sessie = sessie.schrijf if toepassen else sessie.lees
    with open_sessie(engine) as session:
        ronde = lezen.ronde_by_jaar(session, jaar)
        if ronde is None:
            raise MonitorFout(f"Ronde {jaar} bestaat niet.")
        if ronde.status == RondeStatus.GEPUBLICEERD:  # the dry run says what the real run will
            rapport.problemen.append(
                Probleem(bestandsnaam, None, None, bevriezing.melding(jaar, "antwoord"))
            )
            return rapport
        context = context_uit_frames(
            jaar=jaar,
            vragen=lezen.vragen_van_ronde(session, ronde.id),
            organisaties=lezen.organisaties_frame(session),
            aliassen=lees_aliassen(),
        )
        meld(voortgang, 0.7, "Antwoorden controleren")
        gelezen = lees_regels(tabel, context)
        rapport.layout, rapport.problemen = gelezen.layout, gelezen.problemen
        if not rapport.ok:
            return rapport
        stand = lezen.antwoord_stand(session, ronde.id)
        nieuw, wijzigingen = _vergelijk(gelezen.regels, stand, jaar)
        rapport.nieuw, rapport.gewijzigd = len(nieuw), len(wijzigingen)
        rapport.ongewijzigd = len(gelezen.regels) - len(nieuw) - len(wijzigingen)
        rapport.organisaties = len({r.organisatie_code for r in gelezen.regels})
        if not toepassen:
            meld(voortgang, 1.0, "Proefrun klaar")
            return rapport
        meld(voortgang, 0.85, "Antwoorden opslaan")
        _schrijf(
            session,
            ronde=ronde,
            regels=gelezen.regels,
            nieuw=nieuw,
            wijzigingen=wijzigingen,
            door=gebruiker.naam,
            bron=f"import:{bestandsnaam}",
            moment=moment or datetime.now(UTC),
        )
        rapport.toegepast = True
    meld(voortgang, 1.0, "Import klaar")
    return rapport


def _vergelijk(
    regels: list[Regel], stand: dict[tuple[str, int], tuple], jaar: int
) -> tuple[list[schrijven.NieuwAntwoord], list[schrijven.AntwoordWijziging]]:
    """New answers and changes against what is stored; unchanged ones are left out."""
    nieuw, wijzigingen = [], []
    for r in regels:
        bestaand = stand.get((r.organisatie_code, r.vraag_id))
        if bestaand is None:
            nieuw.append(
                schrijven.NieuwAntwoord(
                    r.organisatie_code, r.vraag_id, r.waarde, r.toelichting, bool(r.voorlopig)
                )
            )
            continue
        antwoord_id, waarde, toelichting, status, versie, voorlopig = bestaand
        oud = {"waarde": waarde, "toelichting": toelichting, "status": status}
        oud["voorlopig"] = bool(voorlopig)
        doel = {"waarde": r.waarde, "status": AntwoordStatus.INGEDIEND.value}
        if r.toelichting_gegeven:
            doel["toelichting"] = r.toelichting
        if r.voorlopig is not None:
            doel["voorlopig"] = r.voorlopig
        veranderd = {veld: w for veld, w in doel.items() if (oud[veld] or None) != (w or None)}
        if veranderd:
            wijzigingen.append(
                schrijven.AntwoordWijziging(
                    antwoord_id=antwoord_id,
                    versie=versie,
                    sleutel=f"{jaar}/{r.organisatie_code}/{r.vraag_code}",
                    oud={veld: oud[veld] for veld in veranderd},
                    nieuw=veranderd,
                )
            )
    return nieuw, wijzigingen


def _schrijf(
    session,
    *,
    ronde,
    regels: list[Regel],
    nieuw: list[schrijven.NieuwAntwoord],
    wijzigingen: list[schrijven.AntwoordWijziging],
    door: str,
    bron: str,
    moment: datetime,
) -> None:
    schrijven.bulk_save_antwoorden(
        session=session,
        ronde=ronde,
        antwoorden=nieuw,
        door=door,
        bron=bron,
        status=AntwoordStatus.INGEDIEND.value,
        moment=moment,
        audit_toelichting=True,
    )
    schrijven.update_antwoorden(
        session=session, wijzigingen=wijzigingen, door=door, bron=bron, moment=moment
    )
    # organisations already marked as submitted keep their date: a second import changes nothing
    al_ingediend = antwoorden_store.ingediende_organisaties(session, ronde.id)
    inzendingen = sorted({r.organisatie_code for r in regels} - al_ingediend)
    schrijven.save_inzendingen(
        session=session, ronde=ronde, organisatie_codes=inzendingen, moment=moment
    )
    if nieuw or wijzigingen or inzendingen:
        schrijven.bump_data_versie(session=session)
