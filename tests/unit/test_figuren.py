"""Slide charts (monitor.rapportage.figuren): whole labels, a visible 0, rows that line up."""

from __future__ import annotations

import pandas as pd

from monitor.opmaak.tekst import omloop
from monitor.rapportage.figuren import afgesneden_labels, dia_figuur
from monitor.reflectie.dias import GEGROEPEERD, GESTAPELD, TABEL_KOLOMMEN, Dia

LANG = (
    "Rijk, VNG en betrokken partijen hebben uitgewerkt hoe betere samenwerking tussen "
    "jeugdhulp en volwassen-GGZ kan worden gerealiseerd."
)


def _verschillen() -> Dia:
    rijen = [
        (LANG, "Rijk", "rijk", 100.0),
        (LANG, "VNG", "vng", 0.0),
        ("Korte afspraak", "Rijk", "rijk", 33.3),
        ("Korte afspraak", "BGZJ (aanbieders)", "bgzj", 0.0),
    ]
    return Dia(
        sleutel="verschillen",
        titel="Verschillen",
        soort=GEGROEPEERD,
        tabel=pd.DataFrame(rijen, columns=TABEL_KOLOMMEN),
        kernboodschap="",
    )


def test_omloop_wraps_on_words_and_keeps_every_word():
    assert omloop("een twee drie vier", 9) == "een twee<br>drie vier"
    assert omloop(LANG).replace("<br>", " ") == LANG


def test_a_score_of_0_is_drawn_as_a_dot_with_its_number():
    fig = dia_figuur(_verschillen())
    stippen = [t for t in fig.data if t.type == "scatter"]
    vng = next(t for t in stippen if t.legendgroup == "vng")
    assert list(vng.x) == [0.0]
    assert list(vng.text) == ["0"]
    assert fig.layout.xaxis.range[0] < 0  # the dot at 0 is not cut in half by the axis


def test_each_bar_has_its_own_row_labelled_with_afspraak_and_actor():
    fig = dia_figuur(_verschillen())
    rijen = list(fig.layout.yaxis.categoryarray)
    # Only the pairs that exist, in table order: no empty slots that shift bars off their label.
    assert [actor for _, actor in rijen] == ["Rijk", "VNG", "Rijk", "BGZJ (aanbieders)"]
    rijk = next(t for t in fig.data if t.type == "bar" and t.legendgroup == "rijk")
    assert list(zip(*rijk.y, strict=True)) == [tuple(rijen[0]), tuple(rijen[2])]


def test_labels_are_whole_and_the_y_axis_makes_room_for_them():
    dia = Dia(
        sleutel="beleving",
        titel="Beleving",
        soort=GESTAPELD,
        tabel=pd.DataFrame([(LANG, "Volledig", "volledig", 100.0)], columns=TABEL_KOLOMMEN),
        kernboodschap="",
    )
    fig = dia_figuur(dia)
    assert fig.data[0].y[0].replace("<br>", " ") == LANG  # not shortened with '…'
    assert fig.layout.yaxis.automargin


def test_afgesneden_labels_compares_the_widest_line_with_the_room_left_of_its_anchor():
    fig = dia_figuur(_verschillen())
    ruim = '<g class="ytick"><text text-anchor="end" x="900" y="4">Rijk</text></g>'
    krap = '<g class="ytick"><text text-anchor="end" x="40" y="4">Rijk</text></g>'
    assert afgesneden_labels(fig, ruim) == []
    assert "Rijk" in afgesneden_labels(fig, krap)
