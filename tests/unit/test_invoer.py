"""The input rules of issue 13 (limits, control characters, numbers) and what they protect:
the form, the import's cell values, the export's round trip and JSON. Pure: no database."""

from __future__ import annotations

import json
import re

import pytest

from monitor import invoer
from monitor.domain import Vraagtype
from monitor.invullen.antwoorden import WaardeFout, normaliseer_waarde
from monitor.opmaak.excel import MAX_CELTEKENS, veilige_tekst, zonder_neutralisatie
from monitor.opmaak.tekst import json_tekst
from monitor.rechten import controleer_notitie
from monitor.uitwisseling.waarden import CelFout, VraagInfo, lees_getal


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("stuur\x01teken\x0bhier", "stuurteken (U+0001) op positie 6"),
        ("nul\x00", "stuurteken (U+0000) op positie 4"),
        ("esc\x1b[31m", "stuurteken (U+001B) op positie 4"),
        ("del\x7f", "stuurteken (U+007F) op positie 4"),
        ("x" * 5_001, "te lang: 5.001 tekens, hoogstens 5.000"),
    ],
)
def test_refused_text_gets_a_dutch_message_saying_what_and_where(tekst, melding):
    with pytest.raises(invoer.TekstFout, match=re.escape(melding)) as fout:
        invoer.controleer_tekst(tekst, invoer.TOELICHTING, waar="Vraag GEM.1.01")
    assert str(fout.value).startswith("Vraag GEM.1.01: de toelichting")


@pytest.mark.parametrize("tekst", ["regel 1\nregel 2", "kol\tom", "windows\r\nregel", "x" * 5_000])
def test_tab_newline_and_text_at_the_limit_are_accepted(tekst):
    assert invoer.controleer_tekst(tekst, invoer.TOELICHTING) == tekst


def test_one_table_of_limits_with_the_toelichting_at_5000():
    assert invoer.TOELICHTING.max_tekens == 5_000
    assert {g.naam for g in invoer.GRENZEN} >= {"de toelichting", "de notitie", "de naam"}


def _getal(invoer_waarde: object, *, minimum=None, maximum=None, soort=Vraagtype.GETAL):
    return normaliseer_waarde(
        code="GEM.2.03",
        vraagtype=soort,
        opties=(),
        minimum=minimum,
        maximum=maximum,
        invoer=invoer_waarde,
    )


@pytest.mark.parametrize("waarde", [1e308, "1e308", -1e13, float("inf"), "NaN", "Infinity"])
def test_the_form_refuses_huge_and_non_finite_numbers_even_without_a_maximum(waarde):
    with pytest.raises(WaardeFout, match="Vraag GEM.2.03"):
        _getal(waarde)


@pytest.mark.parametrize("waarde", ["\u0661\u0662", "\uff11\uff12", "\u0967"])
def test_the_form_accepts_only_ascii_digits(waarde):
    with pytest.raises(WaardeFout, match="gebruik de cijfers 0–9"):
        _getal(waarde)


def test_the_form_keeps_ordinary_numbers():
    assert _getal("12") == "12"
    assert _getal(1e12) == "1000000000000"


def test_the_form_refuses_a_control_character_in_a_text_answer():
    with pytest.raises(WaardeFout, match=r"Vraag GEM\.1\.09: het antwoord bevat"):
        normaliseer_waarde(
            code="GEM.1.09",
            vraagtype=Vraagtype.TEKST,
            opties=(),
            minimum=None,
            maximum=None,
            invoer="a\x01b",
        )


def test_notes_use_the_same_rule():
    with pytest.raises(invoer.TekstFout, match="U\\+0001"):
        controleer_notitie("signaal\x01")


def _vraag(minimum=None, maximum=None) -> VraagInfo:
    return VraagInfo(1, "GEM.2.03", "gemeente", "getal", "Hoeveel?", (), minimum, maximum)


@pytest.mark.parametrize("waarde", [1e308, "\u0661\u0662", "1.000.000.000.000.000"])
def test_the_import_refuses_huge_numbers_and_non_ascii_digits(waarde):
    with pytest.raises(CelFout):
        lees_getal(waarde, _vraag(minimum=0))


@pytest.mark.parametrize("tekst", ["'=1+1", "=1+1", "''=1+1", "'gewoon", "+31 6", "@SUM(A1)"])
def test_a_quote_before_formula_text_survives_an_export_import_round_trip(tekst):
    assert zonder_neutralisatie(veilige_tekst(tekst)) == tekst


def test_text_over_excels_cell_limit_is_cut_with_a_visible_note_not_silently():
    cel = veilige_tekst("a" * 40_000)
    assert len(cel) <= MAX_CELTEKENS
    assert cel.endswith(
        "de tekst heeft 40.000 tekens, een Excel-cel hoogstens 32.767; de "
        "CSV-export bevat de volledige tekst]"
    )
    assert veilige_tekst("a" * 40_000, max_tekens=None) == "a" * 40_000


def test_json_output_never_holds_nan_or_infinity():
    tekst = json_tekst({"gemiddeld": float("inf"), "n": [1.5, float("nan")], "ok": 2})
    assert json.loads(tekst) == {"gemiddeld": None, "n": [1.5, None], "ok": 2}
    assert "Infinity" not in tekst and "NaN" not in tekst
