"""Bad import files, each with the Dutch problem a user must see (sheet, row, column, message).

Pure: the files are checked against the questionnaire and organisations from data/, without a
database. tests/db/test_import_db.py runs the same catalogue against a database and checks that
nothing is written.
"""

import tracemalloc
from types import SimpleNamespace

import openpyxl
import pandas as pd
import pytest

from monitor.config import REFERENCE_DIR, VRAGENLIJST_DIR
from monitor.domain import format_opties
from monitor.errors import InvoerFout
from monitor.rondes.referentie import load_organisaties
from monitor.rondes.vragenlijst import load_vragenlijst
from monitor.uitwisseling.bestanden import lees_tabel
from monitor.uitwisseling.importeren import context_uit_frames, lees_aliassen, lees_regels
from tests.utils.import_bestanden import SLECHTE_BESTANDEN, VIJANDIGE_BESTANDEN, Slecht


@pytest.fixture(scope="module")
def context():
    vragen = [
        SimpleNamespace(
            id=i,
            code=v.code,
            actortype=v.actortype,
            vraagtype=v.vraagtype.value,
            tekst=v.tekst,
            opties=format_opties(v.opties),
            minimum=v.minimum,
            maximum=v.maximum,
        )
        for i, v in enumerate(load_vragenlijst(VRAGENLIJST_DIR, 2024).vragen, start=1)
    ]
    organisaties = pd.DataFrame(
        [(o.code, o.naam, o.actortype) for o in load_organisaties(REFERENCE_DIR)],
        columns=["code", "naam", "actortype"],
    )
    return context_uit_frames(
        jaar=2024, vragen=vragen, organisaties=organisaties, aliassen=lees_aliassen()
    )


def problemen_van(geval: Slecht, context) -> list[tuple]:
    """(blad, rij, kolom, melding) of every problem the file gives."""
    try:
        tabel = lees_tabel(geval.maak(), geval.naam, limieten=geval.limieten)
    except InvoerFout as fout:
        return [(geval.naam, fout.rij, fout.veld, fout.melding)]
    gelezen = lees_regels(tabel, context)
    return [(p.blad, p.rij, p.kolom, p.melding) for p in gelezen.problemen]


def test_the_catalogue_holds_at_least_forty_distinct_bad_files():
    assert len({g.id for g in SLECHTE_BESTANDEN}) == len(SLECHTE_BESTANDEN) >= 40


@pytest.mark.parametrize("geval", SLECHTE_BESTANDEN, ids=lambda g: g.id)
def test_bad_file_gives_the_expected_problem_where_the_user_can_find_it(geval, context):
    problemen = problemen_van(geval, context)
    passend = [
        p
        for p in problemen
        if (p[0], p[1], p[2]) == (geval.blad, geval.rij, geval.kolom) and geval.tekst in p[3]
    ]
    assert passend, problemen


def test_openpyxl_parses_with_defusedxml():
    assert openpyxl.DEFUSEDXML is True


# README, section Beveiliging: every hostile file is read (and refused) within this much memory
# on top of the file's own bytes, measured with tracemalloc.
GEHEUGENBUDGET = 64 * 2**20


def test_the_catalogue_holds_at_least_twenty_five_hostile_files():
    assert len({g.id for g in VIJANDIGE_BESTANDEN}) == len(VIJANDIGE_BESTANDEN) >= 25


@pytest.mark.parametrize("geval", VIJANDIGE_BESTANDEN, ids=lambda g: g.id)
def test_hostile_file_is_read_within_the_memory_budget(geval, context):
    data = geval.maak()
    tracemalloc.start()
    try:
        try:
            tabel = lees_tabel(data, geval.naam, limieten=geval.limieten)
        except InvoerFout:
            pass
        else:
            lees_regels(tabel, context)
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert piek < GEHEUGENBUDGET, f"{geval.id}: {piek / 2**20:.1f} MB"
