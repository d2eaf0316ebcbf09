"""The mapping of a survey platform's headers onto ours (pure, hand-made tables)."""

from monitor.uitwisseling.bestanden import Tabel
from monitor.uitwisseling.koppeling import (
    Koppeling,
    eigen_koppen,
    kenmerk,
    kop_sleutel,
    pas_toe,
    stel_voor,
    voorstel_uit,
)
from monitor.uitwisseling.waarden import VraagInfo

VRAGEN = (
    VraagInfo(1, "GEM.1.01", "gemeente", "janee", "Onze gemeente heeft lokale teams.", ()),
    VraagInfo(3, "REG.B.1", "regio", "likert5", "Het gesprek over normaliseren.", ()),
    VraagInfo(2, "GEM.B.1", "gemeente", "likert5", "Het gesprek over normaliseren.", ()),
    VraagInfo(4, "GEM.2.01", "gemeente", "janee", "Onze gemeente heeft een aanpak.", ()),
)


def _tabel(*rijen: list[object]) -> Tabel:
    return Tabel("csv", "f.csv", [(nr, tuple(r)) for nr, r in enumerate(rijen, start=1)])


def _doelen(tabel: Tabel) -> list[str | None]:
    return [v.doel for v in stel_voor(tabel, VRAGEN).kolommen]


def test_header_key_ignores_case_accents_spaces_and_punctuation():
    assert kop_sleutel("  Naam-Organisatie\u00a0(verplicht)? ") == "naam organisatie verplicht"
    assert kop_sleutel("Gemeénte") == "gemeente"
    assert kop_sleutel(None) == ""


def test_proposal_matches_synonyms_codes_texts_and_explanations():
    tabel = _tabel(
        [
            "Respondent ID",
            "Organisatie Naam",
            "gem101",
            "GEM.2.01: Heeft uw gemeente een aanpak?",
            "Het gesprek over normaliseren",
            "Onze gemeente heeft lokale teams [Toelichting]",
        ],
        ["1", "Utrecht", "Ja", "Nee", "3", ""],
    )
    assert _doelen(tabel) == [
        None,
        "organisatienaam",
        "GEM.1.01",
        "GEM.2.01",
        "GEM.B.1",  # the text of GEM.B.1 and REG.B.1: the file's other questions are GEM
        "GEM.1.01 toelichting",
    ]


def test_a_text_with_a_typo_is_matched_fuzzily_with_lower_certainty():
    voorstel = stel_voor(_tabel(["Gemeente", "Onze gemeente heeft lokale teeams"]), VRAGEN)
    kolom = voorstel.kolommen[1]
    assert kolom.doel == "GEM.1.01"
    assert 0.8 <= kolom.zekerheid < 1.0
    assert _doelen(_tabel(["Gemeente", "Onze provincie heeft iets anders gedaan"])) == [
        "organisatienaam",
        None,
    ]


def test_each_of_our_columns_is_proposed_once_the_surest_column_keeps_it():
    tabel = _tabel(["Gemeente", "Onze gemeente heeft lokale teeams", "GEM.1.01"])
    assert _doelen(tabel) == ["organisatienaam", None, "GEM.1.01"]


def test_second_header_row_is_used_when_it_matches_more_columns():
    tabel = _tabel(
        ["StartDate", "Q1", "Q2"],
        ["Start Date", "Naam organisatie", "Onze gemeente heeft lokale teams."],
        ["2024-06-01", "Utrecht", "Ja"],
    )
    voorstel = stel_voor(tabel, VRAGEN)
    assert voorstel.kop_rijen == 2
    assert [(v.kop, v.doel) for v in voorstel.kolommen] == [
        ("StartDate", None),
        ("Q1", "organisatienaam"),
        ("Q2", "GEM.1.01"),
    ]
    gewoon = _tabel(["Gemeente", "GEM.1.01"], ["Utrecht", "Ja"])
    assert stel_voor(gewoon, VRAGEN).kop_rijen == 1


def test_our_own_headers_need_no_mapping():
    assert eigen_koppen(_tabel(["Organisatiecode", "gem.1.01", "GEM.1.01 toelichting"]), VRAGEN)
    assert eigen_koppen(_tabel(["organisatienaam", "vraagcode", "antwoord"]), VRAGEN)
    assert not eigen_koppen(_tabel(["Gemeente", "GEM.1.01"]), VRAGEN)


def test_fingerprint_ignores_order_and_spelling_of_headers():
    assert kenmerk(["Gemeente", "Q1", None]) == kenmerk(["q1 ", "GEMEENTE"])
    assert kenmerk(["Gemeente", "Q1"]) != kenmerk(["Gemeente", "Q2"])


def test_mapping_survives_json():
    koppeling = Koppeling("Forms", (("Naam organisatie", "organisatienaam"), ("ID", None)), 2)
    assert Koppeling.uit_json("Forms", koppeling.als_json(), 2) == koppeling


def test_applying_rewrites_the_header_empties_ignored_columns_and_skips_header_rows():
    koppeling = Koppeling(
        "Q", (("StartDate", None), ("Q1", "organisatienaam"), ("Q2", "GEM.1.01")), kop_rijen=2
    )
    tabel = _tabel(
        ["Q2", "startdate", "Q1"],  # another order: matched by header, not by position
        ["Vraag", "Start", "Naam"],
        ["Ja", "2024-06-01", "Utrecht"],
    )
    uit = pas_toe(tabel, koppeling)
    assert uit.rijen == [
        (1, ("GEM.1.01", None, "organisatienaam")),
        (3, ("Ja", None, "Utrecht")),
    ]
    assert uit.weergave_kop == ("Q2", "startdate", "Q1")
    assert uit.problemen == []


def test_applying_reports_unknown_and_missing_columns():
    koppeling = Koppeling("Q", (("Q1", "organisatienaam"), ("Q2", "GEM.1.01"), ("Datum", None)))
    uit = pas_toe(_tabel(["Q1", "Q9"], ["Utrecht", "Ja"]), koppeling)
    assert [p.als_tekst() for p in uit.problemen] == [
        "Blad 'f.csv', rij 1, kolom B (Q9): de kolom 'Q9' staat niet in koppeling 'Q'. Pas de "
        "koppeling aan op het tabblad Import.",
        "Blad 'f.csv', rij 1: de kolom 'Q2' van koppeling 'Q' ontbreekt in dit bestand.",
    ]
    assert uit.rijen[1] == (2, ("Utrecht", None))


def test_a_saved_mapping_becomes_the_proposal_for_a_file_in_another_column_order():
    koppeling = Koppeling("Q", (("Q1", "organisatienaam"), ("Datum", None)), kop_rijen=2)
    voorstel = voorstel_uit(_tabel(["datum", "Q1"]), koppeling)
    assert [(v.index, v.kop, v.doel) for v in voorstel.kolommen] == [
        (0, "datum", None),
        (1, "Q1", "organisatienaam"),
    ]
    assert voorstel.kop_rijen == 2
