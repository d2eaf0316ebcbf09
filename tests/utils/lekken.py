"""A leak scanner: finds organisations' names or codes *paired with a value* in what a page shows.

What counts as a finding (a ``Vondst``):

- **tables** (dataframes, st.table, Excel sheets, CSV): a row (or a column) whose cell *is* an
  organisation's name, code or 'naam (code)' together with another cell that is not one of that
  organisation's own attributes (provincie, jeugdregio, actortype, inwoners). An empty value
  (None, NaN, '–') next to a name tells who did not respond: ``soort == "respons"``.
- **text** (markdown, captions, alerts, metrics, headers): a line that mentions an organisation
  by name or code and also holds a value: a digit (years left out) or an answer label.
- **plotly figures**: a point whose x, y, text, hovertext, customdata, locations, labels or ids
  name an organisation while another of its fields (or the trace name) holds a value; a trace
  named after an organisation with data; a heatmap row or column named after one.
- **downloads**: .xlsx decoded with openpyxl and .csv as text, then scanned as tables.

What is left out on purpose: names without values (a selectbox of organisations, a heading
'Amsterdam (GM0363)'), totals and groups (a column headed 'Provincie' or 'Jeugdregio' holds
group labels, not respondents), and the landelijke partijen (Rijk, VNG, BGZJ, SBJ, KBL): the
report names them with their answers by design ('Verschillen tussen actoren').
"""

from __future__ import annotations

import base64
import csv
import io
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd
from openpyxl import load_workbook
from pptx import Presentation

from monitor.domain import ACTORTYPE_BY_CODE, BELEVING_OPTIES, JANEE_OPTIES, STATUS_OPTIES

RESPONDENT_SOORTEN = ("gemeente", "regio")  # who can be named (landelijke partijen: see above)
GROEP_KOLOM = re.compile(r"provincie|jeugdregio", re.IGNORECASE)  # group labels, not respondents
EIGEN_KOLOM = re.compile(r"zelf", re.IGNORECASE)  # '… zelf ingevuld': the group's own respondent
LEEG = {"", "none", "nan", "nat", "–", "-", "<na>"}
JAAR = re.compile(r"\b20\d\d\b")
CODE = re.compile(r"\b(?:GM\d{4}|JZ\d{2})\b")
ANTWOORD_LABELS = sorted(
    {o.label for o in (*STATUS_OPTIES, *JANEE_OPTIES, *BELEVING_OPTIES)}, key=len, reverse=True
)
WAARDE_IN_TEKST = re.compile(
    r"\d|" + "|".join(rf"(?<!\w){re.escape(label)}(?!\w)" for label in ANTWOORD_LABELS),
    re.IGNORECASE,
)
PUNT_VELDEN = ("x", "y", "text", "hovertext", "customdata", "locations", "labels", "ids", "values")
TEKST_VELDEN = ("text", "hovertext")


@dataclass(frozen=True)
class Organisatie:
    code: str
    naam: str
    kenmerken: frozenset[str]  # its own attributes as text: not a value when next to its name


@dataclass(frozen=True)
class Vondst:
    """One organisation shown with a value (``soort == "waarde"``) or as not responding."""

    waar: str  # 'tabel …, rij 3', 'grafiek …', 'download …', 'tekst'
    code: str
    naam: str
    waarde: str
    soort: str  # "waarde" | "respons"

    def __str__(self) -> str:
        if self.soort == "respons":
            wat = f"response status {self.waarde!r}" if self.waarde else "no answer (non-response)"
        else:
            wat = repr(self.waarde)
        return f"{self.naam} ({self.code}) with {wat} in {self.waar}"


def _tekst(waarde: object) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, float) and math.isnan(waarde):
        return ""
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).strip()


def is_leeg(waarde: object) -> bool:
    return _tekst(waarde).lower() in LEEG


def _plotly_array(waarden: object) -> list:
    """Plotly stores numeric arrays as {'dtype', 'bdata'} (base64); plain lists stay lists."""
    if isinstance(waarden, dict) and "bdata" in waarden:
        array = np.frombuffer(base64.b64decode(waarden["bdata"]), dtype=waarden["dtype"])
        if "shape" in waarden:
            vorm = [int(d) for d in str(waarden["shape"]).split(",")]
            array = array.reshape(vorm)
        return array.tolist()
    if isinstance(waarden, list):
        return waarden
    return []


class Scanner:
    """Knows every organisation; finds them paired with values in tables, text, charts, files."""

    def __init__(self, organisaties: pd.DataFrame) -> None:
        regio_namen = dict(
            zip(
                organisaties.loc[organisaties["actortype"] == "regio", "code"],
                organisaties.loc[organisaties["actortype"] == "regio", "naam"],
                strict=True,
            )
        )
        self.per_code: dict[str, Organisatie] = {}
        self.per_vorm: dict[str, Organisatie] = {}
        for rij in organisaties[organisaties["actortype"].isin(RESPONDENT_SOORTEN)].itertuples():
            soort = ACTORTYPE_BY_CODE[rij.actortype]
            kenmerken = {rij.code, rij.naam, soort.label, soort.label_meervoud, rij.actortype}
            for waarde in (rij.provincie_naam, rij.provincie_code, rij.inwonersklasse):
                if not is_leeg(waarde):
                    kenmerken.add(_tekst(waarde))
            if not is_leeg(rij.jeugdregio_code):
                kenmerken |= {rij.jeugdregio_code, regio_namen.get(rij.jeugdregio_code, "")}
            if not is_leeg(rij.inwoners):
                inwoners = int(rij.inwoners)
                kenmerken |= {str(inwoners), f"{inwoners:,}".replace(",", ".")}
            org = Organisatie(rij.code, rij.naam, frozenset(kenmerken - {""}))
            self.per_code[rij.code] = org
            for vorm in (rij.code, f"{rij.naam} ({rij.code})", f"{rij.code} {rij.naam}"):
                self.per_vorm[vorm] = org
        # A jeugdregio's name is also the label of its group of gemeenten, and five gemeenten
        # share their name with a provincie or a regio: by name alone these are groups (totals
        # per group are allowed), so they identify a respondent only with the code.
        groepsnamen = set(regio_namen.values()) | set(organisaties["provincie_naam"].dropna())
        self._per_naam = {o.naam: o for o in self.per_code.values() if o.naam not in groepsnamen}
        self._regio_per_naam = {naam: self.per_code[code] for code, naam in regio_namen.items()}
        for naam, org in self._per_naam.items():
            self.per_vorm.setdefault(naam, org)
        namen = sorted({o.naam for o in self.per_code.values()}, key=len, reverse=True)
        self._naam_patroon = re.compile(
            "|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in namen)
        )

    # ---------------------------------------------------------------------------------------
    # identifying

    def cel(self, waarde: object) -> Organisatie | None:
        """The organisation a table cell or chart field *is* (its name, code, or both)."""
        return self.per_vorm.get(_tekst(waarde))

    def in_tekst(self, tekst: str) -> tuple[list[Organisatie], str]:
        """The organisations a text mentions, and the text with those mentions blanked out."""
        gevonden: list[Organisatie] = []

        def weg(match: re.Match) -> str:
            org = self.per_code.get(match.group(0)) or self._per_naam.get(match.group(0))
            if org is not None:
                gevonden.append(org)
            return " "

        rest = CODE.sub(weg, tekst)
        rest = self._naam_patroon.sub(weg, rest)
        return gevonden, rest

    def _is_kenmerk(self, org: Organisatie, waarde: object) -> bool:
        return _tekst(waarde) in org.kenmerken or self.cel(waarde) is not None

    # ---------------------------------------------------------------------------------------
    # text

    def tekst(self, tekst: str, waar: str) -> list[Vondst]:
        vondsten = []
        for regel in str(tekst).splitlines():
            orgs, rest = self.in_tekst(regel)
            if not orgs:
                continue
            for org in orgs:
                for kenmerk in sorted(org.kenmerken, key=len, reverse=True):
                    if len(kenmerk) > 2:
                        rest = rest.replace(kenmerk, " ")
            rest = JAAR.sub(" ", rest)
            if WAARDE_IN_TEKST.search(rest):
                vondsten += [
                    Vondst(waar, o.code, o.naam, regel.strip()[:160], "waarde") for o in orgs
                ]
        return vondsten

    # ---------------------------------------------------------------------------------------
    # tables

    def tabel(self, frame: pd.DataFrame, waar: str) -> list[Vondst]:
        if frame is None or frame.empty:
            return []
        frame = frame if isinstance(frame.index, pd.RangeIndex) else frame.reset_index()
        koppen = [str(k) for k in frame.columns]
        groep = [bool(GROEP_KOLOM.search(k)) for k in koppen]
        eigen = [bool(EIGEN_KOLOM.search(k)) for k in koppen]
        vondsten = []
        for nr, rij in enumerate(frame.itertuples(index=False), start=1):
            cellen = list(rij)
            gezien: set[str] = set()  # one finding per organisation per row
            for i, cel in enumerate(cellen):
                org = self.cel(cel)
                if org is None and groep[i]:
                    org = self._regio_per_naam.get(_tekst(cel))
                if org is None or org.code in gezien:
                    continue
                gezien.add(org.code)
                if groep[i]:  # a group label; only a '… zelf …' column is the group's own
                    zelf = [_tekst(c) for j, c in enumerate(cellen) if eigen[j]]
                    if zelf:  # whether the regio itself responded: its response status
                        vondsten.append(
                            Vondst(
                                f"{waar}, rij {nr}", org.code, org.naam, " | ".join(zelf), "respons"
                            )
                        )
                    continue
                else:
                    waarden = [
                        c
                        for j, c in enumerate(cellen)
                        if j != i and not groep[j] and not self._is_kenmerk(org, c)
                    ]
                vondsten += self._paar(org, waarden, f"{waar}, rij {nr}")
        for i, kop in enumerate(koppen):  # organisations as columns (a raster)
            org = self.cel(kop)
            if org is not None and not groep[i]:
                vondsten += self._paar(org, frame.iloc[:, i].tolist(), f"{waar}, kolom {kop}")
        return vondsten

    @staticmethod
    def _paar(org: Organisatie, waarden: list, waar: str) -> list[Vondst]:
        if not waarden:
            return []
        gevuld = [_tekst(w) for w in waarden if not is_leeg(w)]
        if gevuld:
            return [Vondst(waar, org.code, org.naam, " | ".join(gevuld)[:160], "waarde")]
        return [Vondst(waar, org.code, org.naam, "", "respons")]

    # ---------------------------------------------------------------------------------------
    # plotly

    def plotly(self, spec: dict, waar: str) -> list[Vondst]:
        titel = (spec.get("layout", {}).get("title") or {}).get("text", "")
        waar = f"{waar} '{titel}'"
        vondsten = []
        for trace in spec.get("data", []):
            vondsten += self._trace(trace, waar)
        for annotatie in spec.get("layout", {}).get("annotations", []) or []:
            vondsten += self.tekst(str(annotatie.get("text", "")), f"{waar} (annotatie)")
        return vondsten

    def _trace(self, trace: dict, waar: str) -> list[Vondst]:
        velden = {k: _plotly_array(trace[k]) for k in PUNT_VELDEN if k in trace}
        naam = trace.get("name")
        zonder_antwoord = "geen antwoord" in str(trace.get("hovertemplate", ""))
        vondsten = []
        if trace.get("type") == "heatmap" and "z" in trace:
            vondsten += self._raster(trace, waar)
        trace_org = self.cel(naam) if naam else None
        if trace_org is not None:
            waarden = [w for k in ("x", "y", "z", "values") for w in _plotly_array(trace.get(k))]
            waarden = [w for w in waarden if not self._is_kenmerk(trace_org, w)]
            vondsten += self._paar(trace_org, waarden, f"{waar}, reeks '{naam}'")
        lengte = max((len(v) for v in velden.values()), default=0)
        z = _plotly_array(trace.get("z")) if trace.get("type") != "heatmap" else []
        for i in range(lengte):
            punt: list = []
            for veld, waarden in velden.items():
                if i < len(waarden):
                    w = waarden[i]
                    punt += [(veld, x) for x in w] if isinstance(w, list) else [(veld, w)]
            if i < len(z):
                punt.append(("z", z[i]))
            vondsten += self._punt(punt, naam, zonder_antwoord, f"{waar}, punt {i + 1}")
        return vondsten

    def _punt(self, punt: list, naam: object, zonder_antwoord: bool, waar: str) -> list[Vondst]:
        vondsten = []
        gezien: set[str] = set()  # one finding per organisation per point
        for veld, w in punt:
            org = self.cel(w)
            if org is None and veld in TEKST_VELDEN and isinstance(w, str):
                for regel in self.tekst(w, waar):  # 'Amsterdam: 67' as hover text
                    vondsten.append(regel)
                continue
            if org is None or org.code in gezien:
                continue
            gezien.add(org.code)
            if zonder_antwoord:
                vondsten.append(Vondst(waar, org.code, org.naam, "", "respons"))
                continue
            waarden = [x for v, x in punt if v != veld and not self._is_kenmerk(org, x)]
            if naam and self.cel(naam) is None:
                waarden.append(naam)
            vondsten += self._paar(org, waarden, waar)
        return vondsten

    def _raster(self, trace: dict, waar: str) -> list[Vondst]:
        z = _plotly_array(trace["z"])
        x, y = _plotly_array(trace.get("x")), _plotly_array(trace.get("y"))
        vondsten = []
        for j, label in enumerate(y):
            org = self.cel(label)
            if org is not None and j < len(z):
                rij = z[j] if isinstance(z[j], list) else [z[j]]
                vondsten += self._paar(org, rij, f"{waar}, rij '{label}'")
        for i, label in enumerate(x):
            org = self.cel(label)
            if org is not None:
                kolom = [r[i] for r in z if isinstance(r, list) and i < len(r)]
                vondsten += self._paar(org, kolom, f"{waar}, kolom '{label}'")
        return vondsten

    # ---------------------------------------------------------------------------------------
    # downloads

    def download(self, inhoud: bytes | str, bestand: str, waar: str) -> list[Vondst]:
        waar = f"{waar} '{bestand}'"
        if isinstance(inhoud, str):
            inhoud = inhoud.encode()
        if inhoud[:2] == b"PK" and bestand.endswith(".xlsx"):
            return [v for blad, frame in xlsx_bladen(inhoud) for v in self.tabel(frame, blad)]
        tekst = inhoud.decode("utf-8-sig", errors="replace")
        if bestand.endswith(".csv"):
            return self.tabel(csv_tabel(tekst), f"{waar} (csv)")
        return self.tekst(tekst, waar)

    def pptx(self, inhoud: bytes, waar: str) -> list[Vondst]:
        """Every slide's text, tables and chart data (categories × series), notes included."""
        vondsten = []
        for nr, (teksten, tabellen) in enumerate(pptx_dias(inhoud), start=1):
            plek = f"{waar}, dia {nr}"
            vondsten += [v for t in teksten for v in self.tekst(t, plek)]
            vondsten += [v for t in tabellen for v in self.tabel(t, plek)]
        return vondsten


def xlsx_bladen(inhoud: bytes) -> Iterator[tuple[str, pd.DataFrame]]:
    """Every sheet as a frame; the first row with two or more filled cells is the header."""
    werkboek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    for blad in werkboek.worksheets:
        rijen = [list(r) for r in blad.iter_rows(values_only=True)]
        kop = next((i for i, r in enumerate(rijen) if sum(not is_leeg(c) for c in r) >= 2), None)
        if kop is None:
            continue
        koppen = [_tekst(c) or f"kolom {i + 1}" for i, c in enumerate(rijen[kop])]
        yield f"blad '{blad.title}'", pd.DataFrame(rijen[kop + 1 :], columns=koppen)


def pptx_dias(inhoud: bytes) -> Iterator[tuple[list[str], list[pd.DataFrame]]]:
    """Per slide: its texts (shapes and notes) and its tables (tables, and charts as a table
    with the categories as rows and a column per series)."""
    for dia in Presentation(io.BytesIO(inhoud)).slides:
        teksten: list[str] = []
        tabellen: list[pd.DataFrame] = []
        for vorm in dia.shapes:
            if vorm.has_text_frame:
                teksten.append(vorm.text_frame.text)
            if getattr(vorm, "has_table", False) and vorm.has_table:
                rijen = [[c.text for c in r.cells] for r in vorm.table.rows]
                if rijen:
                    tabellen.append(pd.DataFrame(rijen[1:], columns=rijen[0]))
            if getattr(vorm, "has_chart", False) and vorm.has_chart:
                for plot in vorm.chart.plots:
                    kolommen = {"categorie": [str(c) for c in plot.categories]}
                    for reeks in plot.series:
                        kolommen[reeks.name or "reeks"] = list(reeks.values)
                    tabellen.append(pd.DataFrame(kolommen))
        if dia.has_notes_slide:
            teksten.append(dia.notes_slide.notes_text_frame.text)
        yield teksten, tabellen


def csv_tabel(tekst: str) -> pd.DataFrame:
    scheiding = ";" if tekst.count(";") >= tekst.count(",") else ","
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=scheiding))
    if not rijen:
        return pd.DataFrame()
    return pd.DataFrame(rijen[1:], columns=rijen[0])


def uniek(vondsten: Iterable[Vondst]) -> list[Vondst]:
    return list(dict.fromkeys(vondsten))
