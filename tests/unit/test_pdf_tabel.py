"""The PDF's per-thema answer table (chapter 3 of the report), drawn by fpdf2."""

from __future__ import annotations

from pathlib import Path

from monitor.rapportage import pdf_rapport


def test_thema_table_lists_percentages_per_option_and_the_single_actors_answer(monkeypatch):
    monkeypatch.setattr(pdf_rapport, "LETTER_MAP", Path("/nonexistent"))  # core font: plain text
    rapport = pdf_rapport._Rapport("voet")
    rapport.set_compression(False)
    rapport.add_page()
    # Rows as excel_tabellen.thema_rijen makes them: actor, code, afspraak, planning,
    # verstreken, ja/nee, six option percentages, the single actor's answer, n.
    rapport.antwoorden(
        [
            [
                "Gemeenten",
                "GEM.1.01",
                "Een afspraak",
                "",
                "",
                "X",
                None,
                None,
                None,
                None,
                70,
                30,
                "",
                308,
            ],
            [
                "Rijk",
                "RIJK.1.01",
                "Een dialoog",
                "",
                "",
                "",
                None,
                None,
                None,
                None,
                None,
                None,
                "Mee bezig",
                1,
            ],
        ]
    )
    inhoud = bytes(rapport.output())
    for tekst in (
        b"(Afgerond)",
        b"Nee \\(%\\)",
        b"Een afspraak",
        b"(70)",
        b"(30)",
        b"(308)",
        b"Mee bezig",
    ):
        assert tekst in inhoud, tekst
    assert b"None" not in inhoud  # an option that does not apply is an empty cell
