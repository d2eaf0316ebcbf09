"""Op koers?: paces and dates computed by hand (see each test's comment)."""

from datetime import date

import pandas as pd
import pytest

from monitor.kengetallen import koers as k
from tests.utils.frames import antwoorden_frame

P23, P24, P25 = date(2023, 6, 30), date(2024, 6, 30), date(2025, 6, 30)


def test_two_rounds_give_one_pace_and_one_date():
    # 20% → 50% in 365 days: 30/365 points a day; 50 points left → 608.3, so day 609
    # after 30-06-2025 = 01-03-2027.
    uit = k.koers([(P24, 20.0), (P25, 50.0)], deadline=date(2027, 12, 31))
    assert uit.uitkomst == k.OP_KOERS
    assert uit.vroegst == uit.laatst == date(2027, 3, 1)
    assert uit.tempo_trend == uit.tempo_laatst == pytest.approx(30 * 365.25 / 365)
    assert uit.rondes == 2 and uit.percentage == 50.0


def test_two_rounds_missing_the_deadline():
    uit = k.koers([(P24, 20.0), (P25, 50.0)], deadline=date(2026, 12, 31))
    assert uit.uitkomst == k.NIET_HAALBAAR
    assert uit.vroegst == date(2027, 3, 1)


@pytest.mark.parametrize(
    ("deadline", "verwacht"),
    [
        (date(2031, 1, 1), k.OP_KOERS),
        (date(2028, 12, 31), k.ONZEKER),
        (date(2027, 1, 1), k.NIET_HAALBAAR),
    ],
)
def test_three_rounds_with_a_slow_down_give_a_range(deadline, verwacht):
    # 0 → 40 → 50. Trend: 50 points in 731 days (2024 is a leap year), 50 left → 731 days
    # after 30-06-2025 = 01-07-2027. Last two: 10 points in 365 days, 50 left → 1825 days
    # = 29-06-2030 (the leap day 2028 lies in between).
    uit = k.koers([(P23, 0.0), (P24, 40.0), (P25, 50.0)], deadline=deadline)
    assert uit.vroegst == date(2027, 7, 1)
    assert uit.laatst == date(2030, 6, 29)
    assert uit.tempo_trend == pytest.approx(50 / 731 * 365.25)
    assert uit.tempo_laatst == pytest.approx(10 / 365 * 365.25)
    assert uit.uitkomst == verwacht


def test_a_deadline_already_passed():
    # The deadline on the peildatum counts as passed (as in kengetallen.planning).
    # Still projected: at this pace done on 01-03-2027, as in the two-round test.
    uit = k.koers([(P24, 20.0), (P25, 50.0)], deadline=P25)
    assert uit.uitkomst == k.VERSTREKEN
    assert uit.vroegst == date(2027, 3, 1)


def test_a_single_round_past_its_deadline_is_verstreken():
    uit = k.koers([(P25, 50.0)], deadline=date(2024, 12, 31))
    assert uit.uitkomst == k.VERSTREKEN


def test_an_afspraak_already_done_is_gereed_even_past_its_deadline():
    uit = k.koers([(P24, 60.0), (P25, 100.0)], deadline=date(2024, 12, 31))
    assert uit.uitkomst == k.GEREED


def test_a_single_round_is_too_few():
    uit = k.koers([(P25, 50.0)], deadline=date(2027, 12, 31))
    assert uit.uitkomst == k.TE_WEINIG
    assert uit.tempo_trend is None and uit.vroegst is None


def test_no_progress_never_reaches_100():
    uit = k.koers([(P24, 50.0), (P25, 40.0)], deadline=date(2030, 12, 31))
    assert uit.uitkomst == k.NIET_HAALBAAR
    assert uit.vroegst is None and uit.laatst is None


def test_slower_pace_never_arriving_leaves_the_range_open():
    # Trend 0 → 50 reaches 100 on 01-07-2027; the last two rounds go down: never.
    uit = k.koers([(P23, 0.0), (P24, 60.0), (P25, 50.0)], deadline=date(2028, 12, 31))
    assert uit.vroegst == date(2027, 7, 1) and uit.laatst is None
    assert uit.uitkomst == k.ONZEKER


def test_without_deadline_the_projection_stays():
    uit = k.koers([(P24, 20.0), (P25, 50.0)], deadline=None)
    assert uit.uitkomst == k.GEEN_DEADLINE
    assert uit.vroegst == date(2027, 3, 1)


def _meting(jaar, peildatum, antwoorden):
    vragen = pd.DataFrame(
        [
            (1, "afspraak", "janee", 2, "gemeente", "A2.01"),
            (2, "afspraak", "janee", 2, "rijk", "A2.01"),
            (3, "afspraak", "janee", 2, "gemeente", "A2.02"),
        ],
        columns=["id", "soort", "vraagtype", "thema_nr", "actortype", "afspraak_code"],
    )
    return k.Meting(jaar, peildatum, vragen, antwoorden_frame(antwoorden))


PLANNING = pd.DataFrame(
    [
        ("A2.01", "klaar", date(2027, 12, 31), "Klaar Q4 2027", "HA", date(2023, 6, 1)),
        ("A2.02", "start", date(2025, 3, 31), "Start Q1 2025", "HA", date(2023, 6, 1)),
    ],
    columns=["afspraak_code", "soort", "datum", "tekst", "bron", "geldig_vanaf"],
)
AFSPRAKEN = pd.DataFrame(
    [("A2.01", 2, "Eerste afspraak"), ("A2.02", 2, "Tweede afspraak")],
    columns=["code", "thema_nr", "tekst"],
)


def test_per_afspraak_and_actor_from_the_share_gereed_of_each_round():
    # Gemeenten: 1 of 5 "ja" in 2024 (20%), 1 of 2 (50%) in 2025: as the
    # two-round test, 01-03-2027. Rijk: only in 2025, so too few rounds. A2.02 has a start
    # date, no deadline: left out.
    r24 = _meting(2024, P24, [(f"G{i}", 1, "ja" if i == 0 else "nee") for i in range(5)])
    r25 = _meting(
        2025, P25, [("G0", 1, "ja"), ("G1", 1, "nee"), ("RIJK", 2, "nee"), ("G0", 3, "ja")]
    )
    tabel = k.koers_per_afspraak([r24, r25], PLANNING, AFSPRAKEN)
    per_actor = tabel.set_index("actortype")
    assert list(tabel["afspraak_code"].unique()) == ["A2.01"]
    assert per_actor.loc["gemeente", "vroegst"] == date(2027, 3, 1)
    assert per_actor.loc["gemeente", "uitkomst"] == k.OP_KOERS
    assert per_actor.loc["gemeente", "percentage_eerst"] == 20.0
    assert per_actor.loc["gemeente", "afspraak"] == "Eerste afspraak"
    assert per_actor.loc["rijk", "uitkomst"] == k.TE_WEINIG
    assert k.telling(tabel) == {k.OP_KOERS: 1, k.TE_WEINIG: 1}


def test_per_thema_against_the_end_of_the_agenda():
    # Thema 2, gemeenten: 2024 1 of 5 (20%); 2025 on A2.01 and A2.02 2 of 4 (50%). The
    # afspraken's deadlines (2027 at the latest) lie before the end of 2028.
    r24 = _meting(2024, P24, [(f"G{i}", 1, "ja" if i == 0 else "nee") for i in range(5)])
    r25 = _meting(2025, P25, [("G0", 1, "ja"), ("G1", 1, "nee"), ("G0", 3, "ja"), ("G1", 3, "nee")])
    tabel = k.koers_per_thema([r24, r25], PLANNING, AFSPRAKEN).set_index("actortype")
    assert tabel.loc["gemeente", "deadline"] == date(2028, 12, 31)
    assert tabel.loc["gemeente", "vroegst"] == date(2027, 3, 1)
    assert tabel.loc["gemeente", "uitkomst"] == k.OP_KOERS


def test_a_round_judged_without_the_series_leaves_it_out():
    r24 = _meting(2024, P24, [("G0", 1, "ja"), ("RIJK", 2, "nee")])
    r25 = _meting(2025, P25, [("G0", 1, "ja"), ("G1", 1, "nee")])
    tabel = k.koers_per_afspraak([r24, r25], PLANNING, AFSPRAKEN)
    assert set(tabel["actortype"]) == {"gemeente"}


@pytest.mark.parametrize(
    ("vroegst", "laatst", "tempo", "verwacht"),
    [
        (date(2027, 3, 1), date(2027, 3, 1), 30.0, "rond maart 2027"),
        (date(2027, 7, 1), date(2030, 6, 29), 25.0, "tussen juli 2027 en juni 2030"),
        (
            date(2027, 7, 1),
            None,
            25.0,
            "op zijn vroegst juli 2027; bij het tempo van de laatste rondes niet",
        ),
        (None, None, 0.0, "niet bij dit tempo"),
        (None, None, None, "–"),
    ],
)
def test_verwacht_tekst(vroegst, laatst, tempo, verwacht):
    assert k.verwacht_tekst(vroegst=vroegst, laatst=laatst, tempo=tempo) == verwacht


def test_range_chart_has_a_bar_per_series_and_the_deadline_ticks():
    from monitor.opmaak.grafieken import koers_bereik

    tabel = pd.DataFrame(
        {
            "rij": ["Gemeenten, thema 1", "Rijk, thema 1"],
            "vroegst": [date(2027, 7, 1), None],
            "laatst": [date(2030, 6, 29), None],
            "deadline": [date(2028, 12, 31), date(2028, 12, 31)],
            "uitkomst": [k.ONZEKER, k.NIET_HAALBAAR],
        }
    )
    fig = koers_bereik(tabel, P25, "Op koers", tot=date(2030, 12, 31))
    balk, pijl = {}, {}
    for spoor in fig.data:
        (pijl if spoor.marker.symbol == "triangle-right" else balk)[spoor.name] = spoor
    assert list(balk[k.ONZEKER].x[:2]) == [date(2027, 7, 1), date(2030, 6, 29)]
    assert not balk[k.NIET_HAALBAAR].x  # never: no bar, only the triangle at the edge
    assert list(pijl[k.NIET_HAALBAAR].x) == [date(2030, 12, 31)]
    assert list(pijl[k.NIET_HAALBAAR].y) == ["Rijk, thema 1"]
    assert pijl[k.NIET_HAALBAAR].showlegend and not pijl[k.ONZEKER].showlegend
    assert "na 2030 of nooit" in pijl
    assert list(balk["deadline"].y) == ["Gemeenten, thema 1", "Rijk, thema 1"]  # not cut


def test_chart_edge_is_two_years_past_the_last_deadline_and_the_agenda():
    assert k.grafiek_einde([date(2025, 12, 31), None]) == date(2030, 12, 31)
    assert k.grafiek_einde([date(2029, 6, 30)]) == date(2031, 12, 31)
