"""User text on screen (monitor/ui/veilig.py): plain text in Markdown, neutralised tables."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from monitor.ui.veilig import geneutraliseerd, platte_tekst, tabel, voor_scherm


@pytest.mark.parametrize(
    "tekst",
    [
        "[klik hier](https://phish.example/login)",
        "![](https://tracker.example/pixel.png)",
        "**vet** en _schuin_ <img src=x onerror=alert(1)>",
        "www.phish.example en mail@phish.example",
    ],
)
def test_plain_text_escapes_every_markdown_sign(tekst):
    veilig = platte_tekst(tekst)
    # every ASCII punctuation mark is preceded by a backslash; removing them gives the text back
    assert re.sub(r"\\(.)", r"\1", veilig) == tekst
    assert not re.search(r"(?<!\\)[\[\]()!*_<>:@.]", veilig)


def test_a_free_text_table_shows_formula_text_neutralised():
    frame = pd.DataFrame({"Toelichting": ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "ok"]})
    kopie = geneutraliseerd(frame)
    assert list(kopie["Toelichting"]) == ['\'=HYPERLINK("http://x")', "'+cmd|' /C calc'!A0", "ok"]
    assert frame["Toelichting"][0].startswith("=")  # the input is not changed


def test_a_signed_difference_is_shown_without_a_formula_quote():
    frame = pd.DataFrame({"Verschil": ["+10", "-5", "+1,5", "+1+cmd|' /C calc'!A0"]})
    assert list(geneutraliseerd(frame)["Verschil"]) == [
        "+10",
        "-5",
        "+1,5",
        "'+1+cmd|' /C calc'!A0",
    ]


def test_a_table_whose_header_is_a_column_name_of_the_code_is_refused():
    with pytest.raises(ValueError, match="aandeel_achter"):
        tabel(pd.DataFrame({"aandeel_achter": [1.0]}), titel="Planning", key="p")


def test_a_table_made_ready_in_advance_is_neutralised_and_keeps_its_source_for_excel():
    frame = pd.DataFrame({"Toelichting": ["=1+1", None], "Antwoorden": [3, 4]})
    klaar = voor_scherm(frame)
    assert list(klaar.frame["Toelichting"]) == ["'=1+1", "–"]
    assert list(klaar.frame["Antwoorden"]) == [3, 4]
    assert klaar.bron is frame  # the download writes the source; the Excel writer guards it


def test_a_ready_table_with_a_raw_header_is_refused_too():
    with pytest.raises(ValueError, match="aandeel_achter"):
        tabel(voor_scherm(pd.DataFrame({"aandeel_achter": [1.0]})), titel="Planning", key="p")
