"""A figure is built once per builder and input, and new data gives a new figure."""

import pandas as pd
import plotly.graph_objects as go

from monitor.ui.components import figuur

GEBOUWD: list[str] = []


def _staaf(tabel: pd.DataFrame, titel: str) -> go.Figure:
    GEBOUWD.append(titel)
    return go.Figure(go.Bar(x=tabel["x"], y=tabel["y"]), layout={"title": {"text": titel}})


def test_a_figure_is_built_once_per_input_and_again_for_new_data():
    GEBOUWD.clear()
    tabel = pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})

    eerste = figuur(_staaf, tabel, "T")
    tweede = figuur(_staaf, tabel.copy(), "T")  # equal data, another frame object
    nieuw = figuur(_staaf, tabel.assign(y=[1, 3]), "T")

    assert GEBOUWD == ["T", "T"]
    assert tweede is eerste and nieuw is not eerste
    assert list(nieuw.data[0].y) == [1, 3]
    assert eerste.to_dict() is eerste.to_dict()  # turned into a dict once, not per rerun
