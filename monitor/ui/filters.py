"""Sidebar filters (actortype, thema, provincie, jeugdregio, inwonersklasse), kept in the URL.

A page calls ``filter_ = filters.zijbalk(context)`` (optionally naming the fields that make sense
on it) and passes the :class:`~monitor.kengetallen.filters.Filter` to the cached loaders. The
choice is written to the query parameters (``?provincie=Utrecht,Gelderland&actor=gemeente``),
so that a link reproduces the view, and kept in the session when the user visits a page
without filters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from monitor.domain import ACTORTYPE_BY_CODE, ACTORTYPE_CODES, INWONERSKLASSEN
from monitor.kengetallen import filters as filters_mod
from monitor.kengetallen.filters import Filter
from monitor.ui import data

ALLE_VELDEN = ("actor", "themas", "provincie", "jeugdregio", "inwoners")


def zijbalk(context, *, velden: tuple[str, ...] = ALLE_VELDEN) -> Filter:
    """Draw the chosen filter fields in the sidebar and return the filter they make."""
    titels, regio_namen, provincies = _opties(context.versie)
    keuzes: dict[str, tuple] = {}
    with st.sidebar:
        st.markdown("**Filters**")
        if "actor" in velden:
            keuzes["actor"] = _meerkeuze(
                "Actor",
                list(ACTORTYPE_CODES),
                "actor",
                lambda c: ACTORTYPE_BY_CODE[c].label_meervoud,
            )
        if "themas" in velden:
            keuzes["themas"] = _meerkeuze(
                "Thema", list(titels), "themas", lambda n: f"{n}. {titels[n]}", as_int=True
            )
        if "provincie" in velden:
            keuzes["provincie"] = _meerkeuze("Provincie", provincies, "provincie", str)
        if "jeugdregio" in velden:
            keuzes["jeugdregio"] = _meerkeuze(
                "Jeugdregio", sorted(regio_namen), "jeugdregio", lambda c: regio_namen[c]
            )
        if "inwoners" in velden:
            keuzes["inwoners"] = _meerkeuze(
                "Inwonersklasse (gemeenten)", list(INWONERSKLASSEN), "inwoners", str
            )
        filter_ = Filter(
            actortypes=keuzes.get("actor", ()),
            themas=keuzes.get("themas", ()),
            provincies=keuzes.get("provincie", ()),
            jeugdregios=keuzes.get("jeugdregio", ()),
            inwonersklassen=keuzes.get("inwoners", ()),
        )
        if filter_.actief:
            st.caption(
                "Landelijke partijen hebben geen provincie, jeugdregio of inwonersklasse; "
                "die filters gelden voor gemeenten en regio's."
            )
    return filter_


@st.cache_data(ttl=600, max_entries=4, show_spinner=False)
def _opties(versie: int) -> tuple[dict[int, str], dict[str, str], list[str]]:
    """The thema titles, jeugdregio names and provincies to choose from, once per data versie
    (not worked out from the frames on every rerun of every page)."""
    organisaties = data.organisaties(versie)
    themas = data.themas(versie)
    titels = dict(zip(themas["nr"].astype(int), themas["titel"], strict=True))
    regios = organisaties[organisaties["actortype"] == "regio"]
    regio_namen = dict(zip(regios["code"], regios["naam"], strict=True))
    provincies = sorted(organisaties["provincie_naam"].dropna().unique().tolist())
    return titels, regio_namen, provincies


def toon_filter(filter_: Filter, versie: int) -> None:
    """A caption above the charts saying which filter is active (nothing when none is)."""
    if filter_.actief:
        st.caption(filters_mod.beschrijving(filter_, _opties(versie)[0]))


def _meerkeuze(
    label: str,
    opties: list[Any],
    naam: str,
    format_func: Callable[[Any], str],
    as_int: bool = False,
) -> tuple:
    """A multiselect whose choice lives in ``?naam=a,b``; unknown values in the URL are ignored."""
    sleutel, bewaard = f"filter_{naam}", f"_filter_{naam}_bewaard"
    # Widget state does not survive a page change, so the start value comes from the URL (a
    # deep link) or else from this session's copy (navigation between pages drops the URL).
    if naam in st.query_params:
        uit_url = [d for d in st.query_params.get(naam, "").split(",") if d]
        if as_int:
            uit_url = [int(d) for d in uit_url if d.isdigit()]
        begin = [o for o in uit_url if o in opties]
    else:
        begin = [o for o in st.session_state.get(bewaard, []) if o in opties]
    gekozen = st.multiselect(
        label,
        opties,
        default=begin,
        format_func=format_func,
        key=sleutel,
        placeholder="Alle",
        select_all=False,  # Streamlit's "Select all" is English; none chosen already means all
    )
    st.session_state[bewaard] = list(gekozen)
    waarde = ",".join(str(g) for g in gekozen)
    if st.query_params.get(naam, "") != waarde:  # each write sends a message to the browser
        if gekozen:
            st.query_params[naam] = waarde
        else:
            st.query_params.pop(naam, None)
    return tuple(gekozen)
