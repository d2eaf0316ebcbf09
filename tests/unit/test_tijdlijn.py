"""The planning timeline: every afspraak its own row, readable peildatum label."""

from __future__ import annotations

from datetime import date

import pandas as pd

from monitor.opmaak.grafieken import planning_tijdlijn

# Three afspraken with one deadline: before, they sat on one spot and hid each other.
TABEL = pd.DataFrame(
    [
        (date(2024, 3, 31), "Rijk", "A1.01", "Eerste", "op schema", ""),
        (date(2024, 3, 31), "Rijk", "A1.02", "Tweede", "achter op planning", "wacht op A1.01"),
        (date(2024, 3, 31), "VNG", "A1.01", "Eerste", "op schema", ""),
    ],
    columns=["deadline", "actor", "afspraak_code", "afspraak", "status", "wacht_op"],
)


def test_each_afspraak_and_actor_has_its_own_row_grouped_by_actor():
    fig = planning_tijdlijn(TABEL, date(2024, 6, 30), "Tijdlijn")
    rijen = [tuple(r) for r in fig.layout.yaxis.categoryarray]
    assert rijen == [("Rijk", "A1.01"), ("Rijk", "A1.02"), ("VNG", "A1.01")]
    punten = [p for trace in fig.data for p in zip(*trace.y, strict=True)]
    assert sorted(punten) == sorted(rijen)  # one marker per row, none shares a spot


def test_each_hover_names_its_own_afspraak_and_what_it_waits_for():
    fig = planning_tijdlijn(TABEL, None, "Tijdlijn")
    teksten = sorted(t for trace in fig.data for t in trace.text)
    assert teksten == ["Eerste", "Eerste", "Tweede<br><i>wacht op A1.01</i>"]


def test_the_peildatum_label_sits_above_the_plot_beside_its_line():
    fig = planning_tijdlijn(TABEL, date(2024, 6, 30), "Tijdlijn")
    (label,) = fig.layout.annotations
    assert label.text == "peildatum"
    assert (label.yref, label.y, label.yanchor, label.xanchor) == ("paper", 1.0, "bottom", "left")
    assert fig.layout.margin.t >= 80  # room for the chart title and the label above the plot
