"""Reading values and names of an import file: Dutch numbers, option labels, organisations."""

from types import SimpleNamespace

import pandas as pd
import pytest

from monitor.domain import BELEVING_OPTIES, JANEE_OPTIES, STATUS_OPTIES, Optie
from monitor.uitwisseling import waarden
from monitor.uitwisseling.importeren import context_uit_frames, lees_aliassen
from monitor.uitwisseling.waarden import (
    CelFout,
    VraagInfo,
    lees_antwoord,
    lees_nl_getal,
    naam_sleutel,
    schoon,
)

STATUS = VraagInfo(1, "X.1", "gemeente", "status4", "", STATUS_OPTIES)
JANEE = VraagInfo(2, "X.2", "gemeente", "janee", "", JANEE_OPTIES)
LIKERT = VraagInfo(3, "X.3", "gemeente", "likert5", "", BELEVING_OPTIES)
MEER = VraagInfo(
    4, "X.4", "gemeente", "meerkeuze", "", (Optie("a", "Appel"), Optie("b", "Peer, stoof"))
)
BEDRAG = VraagInfo(5, "X.5", "gemeente", "bedrag", "", (), 0.0, None)
PROCENT = VraagInfo(6, "X.6", "gemeente", "getal", "", (), 0.0, 100.0)
# a keuze question whose label of one option is the code of another: ambiguous on purpose
LASTIG = VraagInfo(7, "X.7", "gemeente", "keuze", "", (Optie("ja", "Nee"), Optie("nee", "Ja")))

ORGS = pd.DataFrame(
    [
        ("GM0796", "'s-Hertogenbosch", "gemeente"),
        ("GM0518", "'s-Gravenhage", "gemeente"),
        ("GM1900", "Súdwest-Fryslân", "gemeente"),
        ("GM0014", "Groningen", "gemeente"),
        ("JZ01", "Groningen", "regio"),
    ],
    columns=["code", "naam", "actortype"],
)
CONTEXT = context_uit_frames(
    jaar=2024,
    vragen=[
        SimpleNamespace(
            id=1,
            code="X.1",
            actortype="gemeente",
            vraagtype="status4",
            tekst="",
            opties="",
            minimum=None,
            maximum=None,
        )
    ],
    organisaties=ORGS,
    aliassen=lees_aliassen(),
)


@pytest.mark.parametrize(
    ("vraag", "waarde", "opgeslagen"),
    [
        (STATUS, "Mee bezig", "mee_bezig"),
        (STATUS, "AFGEROND", "afgerond"),
        (STATUS, "  nog\u00a0niet   begonnen ", "nog_niet_begonnen"),
        (STATUS, "bijna_klaar", "bijna_klaar"),
        (JANEE, "ja", "ja"),
        (JANEE, "NEE", "nee"),
        (JANEE, True, "ja"),
        (LIKERT, "Ongeveer halverwege", "ongeveer_halverwege"),
        (MEER, "peer, STOOF;appel", "a;b"),
        (MEER, "b", "b"),
        (BEDRAG, "1.234,56", "1234.56"),
        (BEDRAG, "€ 1.200.000", "1200000"),
        (BEDRAG, 1234.5, "1234.5"),
        (BEDRAG, "1.234", "1234"),
        (PROCENT, "12,5", "12.5"),
        (PROCENT, 100, "100"),
        (PROCENT, "0", "0"),
    ],
)
def test_values_are_read_into_their_stored_form(vraag, waarde, opgeslagen):
    assert lees_antwoord(waarde, vraag, CONTEXT) == opgeslagen


@pytest.mark.parametrize(
    ("vraag", "waarde", "melding"),
    [
        (LASTIG, "Ja", "past bij meer dan één antwoord"),
        (STATUS, "bezig", "geen antwoord op deze vraag"),
        (PROCENT, "100,5", "buiten de grenzen"),
        (PROCENT, "1.5", "dubbelzinnig"),
        (BEDRAG, "1,234,567", "dubbelzinnig"),
        (BEDRAG, "2024-06-30", "lijkt een datum"),
        (BEDRAG, "30/6/2024", "lijkt een datum"),
        (BEDRAG, "12 euro", "geen getal"),
        (BEDRAG, float("nan"), "geen getal"),
    ],
)
def test_unreadable_or_ambiguous_values_are_errors_not_guesses(vraag, waarde, melding):
    with pytest.raises(CelFout, match=melding):
        lees_antwoord(waarde, vraag, CONTEXT)


def test_dutch_number_notation():
    assert lees_nl_getal("-3") == -3.0
    assert lees_nl_getal("1.234.567,8") == 1234567.8
    assert lees_nl_getal("0,125") == 0.125


def test_odd_spaces_are_made_plain_and_trimmed():
    assert schoon("\u00a0 Mee\u202fbezig \u200b\t") == "Mee bezig"


@pytest.mark.parametrize(
    ("naam", "code"),
    [
        ("'s-Hertogenbosch", "GM0796"),
        ("s Hertogenbosch", "GM0796"),
        ("’s-HERTOGENBOSCH", "GM0796"),
        ("Den Bosch", "GM0796"),
        ("Gemeente Den Haag", "GM0518"),
        ("Sudwest Fryslan", "GM1900"),
    ],
)
def test_organisation_names_match_despite_diacritics_apostrophes_and_aliases(naam, code):
    assert CONTEXT.namen[naam_sleutel(naam)] == [code]


def test_a_name_shared_by_a_gemeente_and_a_regio_has_two_candidates():
    assert sorted(CONTEXT.namen[naam_sleutel("Groningen")]) == ["GM0014", "JZ01"]


@pytest.mark.parametrize(
    ("cel", "verwacht"),
    [
        ("ja", True),
        ("JA ", True),
        ("Waar", True),
        (1, True),
        (True, True),
        ("nee", False),
        ("", False),
        (None, False),
        (0, False),
        (False, False),
    ],
)
def test_the_voorlopig_cell_reads_ja_and_nee_in_any_spelling(cel, verwacht):
    assert waarden.lees_ja_nee(cel) is verwacht


def test_a_voorlopig_cell_that_is_neither_says_what_to_fill_in():
    with pytest.raises(
        waarden.CelFout, match="'misschien' is geen ja of nee; vul 'ja' of 'nee' in"
    ):
        waarden.lees_ja_nee("misschien")
