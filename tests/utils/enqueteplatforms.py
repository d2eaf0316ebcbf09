"""Files as three survey platforms export them, for the import with a Koppeling.

- ``limesurvey``: CSV (comma), question texts as headers, '<tekst> [Toelichting]' for the
  explanation, 'Gemeente' for the organisation name, platform columns (id, submitdate);
- ``qualtrics``: xlsx with two header rows: codes Q1, Q2, ... and then the texts, with
  'Organisatie Naam' and '<tekst> - Toelichting';
- ``forms``: xlsx with 'Naam organisatie', texts in other case and punctuation, a typo, and
  Forms's own columns (ID, Begintijd, E-mail, Naam).

Each takes the answers as {organisatienaam: {vraagcode: antwoord}} and the round's question
texts as {vraagcode: tekst}; a toelichting is given as vraagcode + ' toelichting'.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from tests.utils.import_bestanden import csv_bytes, xlsx

VRAGENLIJST = Path(__file__).resolve().parents[2] / "data" / "vragenlijst" / "vragen_2024.csv"
VRAGEN = ("GEM.2.01", "GEM.3.01", "GEM.4.01", "GEM.3.06")
TOELICHTING_BIJ = "GEM.4.01"


def vraagteksten() -> dict[str, str]:
    with VRAGENLIJST.open(encoding="utf-8-sig", newline="") as handle:
        return {r["code"]: r["tekst"] for r in csv.DictReader(handle)}


def _waarde(antwoorden: dict[str, str], code: str) -> str | None:
    return antwoorden.get(code)


def limesurvey(antwoorden: dict[str, dict[str, str]], teksten: dict[str, str]) -> bytes:
    kop = ["id", "submitdate", "lastpage", "Gemeente"]
    kop += [teksten[c] for c in VRAGEN]
    kop.append(f"{teksten[TOELICHTING_BIJ]} [Toelichting]")
    rijen = [kop]
    for nr, (org, a) in enumerate(antwoorden.items(), start=1):
        rij = [nr, "2024-06-01 10:00:00", 3, org] + [_waarde(a, c) for c in VRAGEN]
        rijen.append([*rij, a.get(TOELICHTING_BIJ + " toelichting")])
    return csv_bytes(rijen, sep=",")


def qualtrics(antwoorden: dict[str, dict[str, str]], teksten: dict[str, str]) -> bytes:
    codes = ["StartDate", "ResponseId", "Q0"] + [f"Q{i}" for i in range(1, len(VRAGEN) + 1)]
    codes.append("Q3_TEXT")
    namen = ["Start Date", "Response ID", "Organisatie Naam"] + [teksten[c] for c in VRAGEN]
    namen.append(f"{teksten[TOELICHTING_BIJ]} - Toelichting")
    rijen = [codes, namen]
    for nr, (org, a) in enumerate(antwoorden.items(), start=1):
        rij = [datetime(2024, 6, 1, 10, nr), f"R_{nr:04d}", org] + [_waarde(a, c) for c in VRAGEN]
        rijen.append([*rij, a.get(TOELICHTING_BIJ + " toelichting")])
    return xlsx(rijen, titel="Sheet0")


def _forms_tekst(tekst: str) -> str:
    """Forms's way: lower case, question mark for the full stop, a hyphen typed in a word."""
    return tekst.lower().rstrip(".").replace("domeinoverstijgende", "domein-overstijgende") + "?"


def forms(antwoorden: dict[str, dict[str, str]], teksten: dict[str, str]) -> bytes:
    kop = ["ID", "Begintijd", "E-mail", "Naam", "Naam organisatie"]
    kop += [_forms_tekst(teksten[c]) for c in VRAGEN]
    kop.append(f"Toelichting: {teksten[TOELICHTING_BIJ]}")
    rijen = [kop]
    for nr, (org, a) in enumerate(antwoorden.items(), start=1):
        rij = [nr, datetime(2024, 6, 2, 9, nr), f"p{nr}@example.org", "Pat", f"Gemeente {org}"]
        rij += [_waarde(a, c) for c in VRAGEN]
        rijen.append([*rij, a.get(TOELICHTING_BIJ + " toelichting")])
    return xlsx(rijen, titel="Form1")


LAYOUTS = {"limesurvey.csv": limesurvey, "qualtrics.xlsx": qualtrics, "forms.xlsx": forms}
