"""Page parts of the Benchmark page: choosing organisation and group, and showing the profile,
the comparisons, 'Leer van anderen' and the regio view."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from monitor import invoer
from monitor.benchmark import groepen as groepen_mod
from monitor.benchmark import vergelijking as bm
from monitor.benchmark.profiel import profiel_xlsx
from monitor.domain import ACTORTYPE_BY_CODE, RondeStatus, inwonersklasse_label
from monitor.errors import MonitorFout
from monitor.kengetallen.afhankelijkheden import wacht_op_tekst
from monitor.opmaak import grafieken as charts
from monitor.opmaak import tekst
from monitor.rechten import GEEN_EIGEN_GROEP, Gebruiker, Recht, mag, veilige_groepen
from monitor.ui import data, veilig
from monitor.ui.components import excel_knop, figuur, grafiek, keuze_uit_url
from monitor.ui.veilig import platte_tekst

EIGEN_LEDEN = "benchmark_eigen_leden"
FOUT = "benchmark_eigen_fout"
LEER_MAX = 5  # peers shown per vraag in 'Leer van anderen'
KIEZERS = ("gemeente", "regio")


def _pct(waarde) -> str:
    return "–" if waarde is None or pd.isna(waarde) else tekst.procent(waarde)


def kies_organisatie(gebruiker: Gebruiker, organisaties: pd.DataFrame) -> str:
    """The organisation to benchmark: the invuller's own (another in the URL is refused),
    for kijkers and beheerders any gemeente or regio from a searchable list (``?organisatie=``;
    a name instead of a code in the URL is looked up)."""
    gevraagd = st.query_params.get("organisatie", "")
    getoond = platte_tekst(gevraagd[:60])  # the URL is anyone's text: never Markdown
    if not mag(gebruiker, Recht.BENCHMARK_ALLE):
        eigen = gebruiker.organisatie_code or ""
        if gevraagd and gevraagd != eigen:
            st.error(
                f"Geen toegang: als invuller vergelijkt u alleen uw eigen organisatie "
                f"({eigen or 'onbekend'}), niet {getoond}."
            )
            st.stop()
        actortype = organisaties.loc[organisaties["code"] == eigen, "actortype"]
        if actortype.empty or actortype.iloc[0] not in KIEZERS:
            st.info("De benchmark is er voor gemeenten en jeugdregio's.")
            st.stop()
        st.query_params["organisatie"] = eigen
        return eigen
    kiesbaar = organisaties[organisaties["actortype"].isin(KIEZERS)].sort_values(
        ["actortype", "naam"]
    )
    codes = kiesbaar["code"].tolist()
    if gevraagd and gevraagd not in codes:
        gevonden = groepen_mod.zoek_organisaties(gevraagd, kiesbaar, limiet=1)
        if not gevonden.empty:
            st.query_params["organisatie"] = gevonden["code"].iloc[0]
        else:
            st.warning(
                f"Organisatie '{getoond}' is niet gevonden onder de gemeenten en jeugdregio's: "
                "kies er een in de lijst hieronder."
            )
    labels = {
        c: groepen_mod.zoeklabel(n, c)
        for c, n in zip(kiesbaar["code"], kiesbaar["naam"], strict=True)
    }
    return keuze_uit_url(
        "Gemeente of jeugdregio",
        codes,
        key="organisatie",
        standaard=codes[0],
        format_func=labels.__getitem__,
        help="Typ een deel van de naam (accenten mogen weg) of de code, bijvoorbeeld GM0363.",
    )


@st.cache_data(ttl=600, max_entries=64, show_spinner=False)
def _standaardgroepen(code: str, versie: int) -> list[groepen_mod.Vergelijkgroep]:
    """The standard peer groups of ``code``, once per organisation and data versie."""
    return groepen_mod.standaardgroepen(code, data.organisaties(versie))


def kies_groep(
    gebruiker: Gebruiker, code: str, organisaties: pd.DataFrame, anoniem: bool, versie: int
) -> groepen_mod.Vergelijkgroep | None:
    """The peer group from ``?groep=``: the standard groups, saved groups and this session's
    own selection; in an anonymous round only the groups rechten.veilige_groepen allows."""
    groepen = list(_standaardgroepen(code, versie))
    for opgeslagen in data.peergroepen(gebruiker):
        groepen.append(
            groepen_mod.eigen_groep(
                f"eigen-{opgeslagen.id}",
                f"Eigen: {opgeslagen.naam}",
                opgeslagen.leden,
                code,
                organisaties,
            )
        )
    sessie = st.session_state.get(EIGEN_LEDEN) or []
    if sessie:
        groepen.append(
            groepen_mod.eigen_groep("eigen", "Eigen selectie", sessie, code, organisaties)
        )
    groepen = veilige_groepen(groepen, anoniem)
    if not groepen:
        return None
    per_sleutel = {g.sleutel: g for g in groepen}
    sleutels = list(per_sleutel)
    standaard = "jeugdregio" if "jeugdregio" in per_sleutel else sleutels[0]
    sleutel = keuze_uit_url(
        "Vergelijkgroep",
        sleutels,
        key="groep",
        standaard=standaard,
        format_func=lambda s: f"{per_sleutel[s].naam} – {len(per_sleutel[s].leden)}",
        help="Met wie vergelijkt u? Het getal is het aantal andere organisaties in de groep.",
    )
    return per_sleutel[sleutel]


def eigen_groep_samenstellen(
    gebruiker: Gebruiker, code: str, organisaties: pd.DataFrame, anoniem: bool
) -> None:
    """Compose a custom group; saved per account, or for this session only without one. Not in
    an anonymous round (the page says why)."""
    if anoniem:
        st.caption(GEEN_EIGEN_GROEP)
        return
    actortype = organisaties.loc[organisaties["code"] == code, "actortype"].iloc[0]
    zelfde = organisaties[
        (organisaties["actortype"] == actortype) & (organisaties["code"] != code)
    ].sort_values("naam")
    labels = {
        c: groepen_mod.zoeklabel(n, c) for c, n in zip(zelfde["code"], zelfde["naam"], strict=True)
    }
    with st.expander("Eigen vergelijkgroep samenstellen"):
        st.multiselect(
            "Organisaties in de eigen selectie",
            list(labels),
            format_func=labels.__getitem__,
            key=EIGEN_LEDEN,
            placeholder="Zoek en kies organisaties",
            select_all=False,  # Streamlit's "Select all" is English and selects the whole land
            help="Kies daarna 'Eigen selectie' als vergelijkgroep.",
        )
        if gebruiker.account_id is None:
            st.caption(
                "U bent ingelogd zonder account (demo-inlog): de eigen selectie geldt alleen "
                "voor deze sessie en wordt niet bewaard."
            )
            return
        st.text_input(
            "Naam om de selectie te bewaren",
            key="benchmark_eigen_naam",
            max_chars=invoer.GROEPSNAAM.max_tekens,
        )
        st.button(
            "Selectie bewaren", key="benchmark_eigen_bewaren", on_click=_bewaar, args=(gebruiker,)
        )
        if fout := st.session_state.pop(FOUT, None):
            veilig.weigering(fout)
        for opgeslagen in data.peergroepen(gebruiker):
            links, rechts = st.columns([4, 1])
            links.markdown(
                f"{platte_tekst(opgeslagen.naam)} ({len(opgeslagen.leden)} organisaties)"
            )
            rechts.button(
                "Verwijderen",
                key=f"benchmark_verwijder_{opgeslagen.id}",
                on_click=_verwijder,
                args=(gebruiker, opgeslagen.id),
            )


# Callbacks run before the next run of the page, so they may still change the group selector.
def _bewaar(gebruiker: Gebruiker) -> None:
    try:
        nieuw = data.bewaar_peergroep(
            gebruiker,
            st.session_state.get("benchmark_eigen_naam", ""),
            st.session_state.get(EIGEN_LEDEN) or [],
        )
    except MonitorFout as fout:
        st.session_state[FOUT] = str(fout)
        return
    st.session_state["groep"] = f"eigen-{nieuw}"


def _verwijder(gebruiker: Gebruiker, groep_id: int) -> None:
    data.verwijder_peergroep(gebruiker, groep_id)
    if st.session_state.get("groep") == f"eigen-{groep_id}":
        del st.session_state["groep"]
        st.query_params.pop("groep", None)


def profiel(organisaties: pd.DataFrame, uitkomst: bm.Benchmark) -> None:
    rij = organisaties.set_index("code").loc[uitkomst.code]
    st.header(f"{uitkomst.naam} ({uitkomst.code})")
    delen = [ACTORTYPE_BY_CODE[uitkomst.actortype].label]
    if isinstance(rij["jeugdregio_code"], str) and rij["jeugdregio_code"]:
        regio = organisaties.set_index("code")["naam"].get(rij["jeugdregio_code"], "")
        delen.append(f"jeugdregio {regio}")
    if isinstance(rij["provincie_naam"], str):
        delen.append(f"provincie {rij['provincie_naam']}")
    if not pd.isna(rij["inwoners"]):
        klasse = rij["inwonersklasse"]
        extra = f" ({inwonersklasse_label(klasse)})" if isinstance(klasse, str) else ""
        delen.append(f"{tekst.getal(int(rij['inwoners']))} inwoners{extra}")
    st.markdown(" · ".join(delen))
    groep = uitkomst.groep
    st.caption(
        f"Vergelijkgroep: **{groep.naam}**, {len(groep.leden)} andere organisaties. {groep.uitleg}"
    )
    toegang = uitkomst.toegang
    if toegang.melding:
        (st.info if toegang.zichtbaar else st.warning)(toegang.melding)
    if uitkomst.weggelaten:
        st.caption(
            f"{uitkomst.weggelaten} organisatie(s) in deze kleine groep willen niet genoemd "
            "worden; hun toelichtingen zijn weggelaten."
        )


def thema_tabel(uitkomst: bm.Benchmark, themas: pd.DataFrame) -> pd.DataFrame:
    titels = {int(t.nr): f"{int(t.nr)}. {t.titel}" for t in themas.itertuples()}
    t = uitkomst.themas
    return pd.DataFrame(
        {
            "thema": t["thema_nr"].map(titels),
            "eigen": t["eigen"],
            "minimum": t["minimum"],
            "q1": t["q1"],
            "mediaan": t["mediaan"],
            "q3": t["q3"],
            "maximum": t["maximum"],
            "percentiel": t["percentiel"],
            "n": t["n"],
            "eigen_vorig": t["eigen_vorig"],
            "mediaan_vorig": t["mediaan_vorig"],
        }
    )


def thema_weergave(tabel: pd.DataFrame, vorig_jaar: int | None = None) -> pd.DataFrame:
    """The thema figures as Dutch text, for the table view and the download."""

    def _of_streep(w) -> str:
        return "–" if pd.isna(w) else tekst.getal(w)

    weergave = pd.DataFrame(
        {
            "Thema": tabel["thema"],
            "Eigen index": tabel["eigen"].map(_of_streep),
            "Mediaan groep": tabel["mediaan"].map(_of_streep),
            "Eerste kwartiel": tabel["q1"].map(_of_streep),
            "Derde kwartiel": tabel["q3"].map(_of_streep),
            "Laagste": tabel["minimum"].map(_of_streep),
            "Hoogste": tabel["maximum"].map(_of_streep),
            "Percentiel": tabel["percentiel"].map(_of_streep),
            "Organisaties in groep": tabel["n"],
        }
    )
    if vorig_jaar is not None:
        weergave[f"Eigen index {vorig_jaar}"] = tabel["eigen_vorig"].map(_of_streep)
        weergave[f"Mediaan groep {vorig_jaar}"] = tabel["mediaan_vorig"].map(_of_streep)
    return weergave


def per_thema(
    uitkomst: bm.Benchmark,
    themas: pd.DataFrame,
    jaar: int,
    vorig_jaar: int | None,
    sleutel: tuple,
) -> pd.DataFrame:
    """``sleutel``: the arguments ``data.benchmark`` made ``uitkomst`` from (the figure's key)."""
    st.subheader("Per thema: voortgangsindex tegenover de vergelijkgroep")
    st.caption(
        "Voortgangsindex 0–100: het gemiddelde over de afspraken van het thema (nog niet "
        "begonnen of nee = 0, mee bezig 33, bijna klaar 67, afgerond of ja = 100). De doos loopt "
        "van het eerste tot het derde kwartiel van de groep, de streep is de mediaan. Percentiel: "
        "het aandeel van de groep met een lagere index plus de helft van wie gelijk scoort."
    )
    tabel = thema_tabel(uitkomst, themas)
    weergave = thema_weergave(tabel, vorig_jaar)
    if tabel.empty:
        st.info("Geen afspraakvragen met een voortgang in deze ronde.")
        return weergave
    titel = f"{uitkomst.naam} tegenover de vergelijkgroep, ronde {jaar}"
    grafiek(
        figuur(charts.benchmark_thema, tabel, titel, uitkomst.naam, sleutel=(*sleutel, titel)),
        titel=titel,
        alt=(
            f"Doosdiagram per thema: de voortgangsindex van {uitkomst.naam} (ruit) tegenover "
            f"de spreiding in de vergelijkgroep {uitkomst.groep.naam}."
        ),
        tabel=weergave,
    )
    return weergave


def wacht_op_per_vraag(
    vragen: pd.DataFrame, afspraken: pd.DataFrame, wacht: dict[str, list[str]]
) -> dict[str, str]:
    """Per vraag code the 'wacht op …' text of its afspraak, for the questions that wait."""
    teksten = dict(zip(afspraken["code"], afspraken["tekst"], strict=True))
    return {
        r.code: wacht_op_tekst(wacht[r.afspraak_code], teksten)
        for r in vragen.itertuples()
        if isinstance(r.afspraak_code, str) and wacht.get(r.afspraak_code)
    }


def vraag_weergave(uitkomst: bm.Benchmark, wacht_op: dict[str, str] | None = None) -> pd.DataFrame:
    """``wacht_op``: per vraag code the 'wacht op …' text of its afspraak (empty: none)."""
    v = uitkomst.vragen
    wacht_op = wacht_op or {}
    return pd.DataFrame(
        {
            "Code": v["code"],
            "Vraag": v["tekst"],
            "Eigen antwoord": v["eigen"],
            "Vergelijkgroep": v["verdeling"].where(v["verdeling"] != "", "–"),
            "Mediaan groep": v["peer_mediaan"].map(
                lambda w: "" if pd.isna(w) else tekst.getal(w, 1)
            ),
            "Groep gereed": v["gereed_pct"].map(lambda w: "" if pd.isna(w) else _pct(w)),
            "Antwoorden groep": v["n"],
            "Wacht op": v["code"].map(lambda c: wacht_op.get(c, "")),
        }
    )


def per_vraag(
    uitkomst: bm.Benchmark,
    themas: pd.DataFrame,
    jaar: int,
    wacht_op: dict[str, str],
    sleutel: tuple,
) -> pd.DataFrame:
    """``sleutel``: the arguments ``data.benchmark`` made ``uitkomst`` from (the figure's key)."""
    st.subheader("Per vraag: eigen antwoord naast de vergelijkgroep")
    if any(wacht_op.get(c) for c in uitkomst.vragen["code"]):
        st.caption(
            "'Wacht op': de afspraak hangt af van andere afspraken die landelijk nog niet af "
            "zijn (zie Planning)."
        )
    weergave = vraag_weergave(uitkomst, wacht_op)
    nummers = sorted(int(n) for n in uitkomst.vragen["thema_nr"].dropna().unique())
    if not nummers:
        return weergave
    titels = {int(t.nr): t.titel for t in themas.itertuples()}
    nr = keuze_uit_url(
        "Thema voor de grafiek",
        nummers,
        key="thema",
        standaard=nummers[0],
        format_func=lambda n: f"{n}. {titels.get(n, '')}",
    )
    in_thema = uitkomst.vragen[uitkomst.vragen["thema_nr"] == nr]
    staaf = _staaf_tabel(uitkomst.verdeling, in_thema)
    if not staaf.empty:
        titel = f"Vergelijkgroep per vraag, thema {nr}, ronde {jaar}"
        grafiek(
            figuur(charts.verdeling_staaf, staaf, titel, sleutel=(*sleutel, titel)),
            titel=titel,
            alt=(
                f"Gestapeld staafdiagram: de antwoorden van {uitkomst.groep.naam} per vraag van "
                f"thema {nr}; het eigen antwoord staat bij elke vraag."
            ),
            tabel=lambda: weergave[uitkomst.vragen["thema_nr"].eq(nr).to_numpy()],
        )
    veilig.tabel(weergave, titel="Antwoorden per vraag", key="benchmark_per_vraag", download=False)
    return weergave


def _staaf_tabel(verdeling: pd.DataFrame, vragen: pd.DataFrame) -> pd.DataFrame:
    """Status and ja/nee questions of ``vragen`` with their peers' shares, labelled
    with the own answer."""
    labels = {
        r.vraag_id: tekst.afkorten(f"{r.code} (eigen: {r.eigen})", 60)
        for r in vragen.itertuples()
        if r.vraagtype in bm.STATUS_TYPES and r.n
    }
    tabel = verdeling[verdeling["vraag_id"].isin(labels)]
    return tabel.assign(vraag=tabel["vraag_id"].map(labels))[
        ["vraag", "optie", "label", "percentage"]
    ]


def veranderingen(uitkomst: bm.Benchmark, vorig_jaar: int | None, jaar: int) -> pd.DataFrame:
    st.subheader("Wat veranderde sinds de vorige ronde")
    v = uitkomst.veranderingen
    if vorig_jaar is None or v.empty:
        st.caption("Er is geen vorige ronde om mee te vergelijken.")
        return pd.DataFrame()
    telling = v["richting"].value_counts()
    st.markdown(
        f"Sinds {vorig_jaar}: **{telling.get('vooruit', 0)}** vragen vooruit, "
        f"**{telling.get('gelijk', 0)}** gelijk, **{telling.get('achteruit', 0)}** achteruit "
        f"(van {len(v)} vragen die in beide rondes gesteld zijn)."
    )
    weergave = pd.DataFrame(
        {
            "Code": v["code"],
            "Vraag": v["tekst"],
            f"Eigen {vorig_jaar}": v["eigen_vorig"],
            f"Eigen {jaar}": v["eigen_nu"],
            "Richting": v["richting"],
            f"Groep gereed {vorig_jaar}": v["groep_gereed_vorig"].map(_pct),
            f"Groep gereed {jaar}": v["groep_gereed_nu"].map(_pct),
        }
    )
    veilig.tabel(
        weergave,
        titel=f"Wat veranderde sinds {vorig_jaar}",
        key="benchmark_veranderingen",
        download=False,
    )
    return weergave


def leer_van_anderen(uitkomst: bm.Benchmark, wacht_op: dict[str, str]) -> None:
    st.subheader("Leer van anderen")
    st.caption(
        "Bij elke vraag waar u nog niet klaar bent (niet 'afgerond' of 'ja'): wie in de "
        "vergelijkgroep wel klaar is, met de toelichting. Eerst organisaties uit dezelfde "
        "jeugdregio, dan wie qua inwonertal het meest op u lijkt."
    )
    if not uitkomst.toegang.zichtbaar:
        st.caption("Niet beschikbaar: zie de melding hierboven.")
        return
    if uitkomst.leer.empty:
        st.info("Geen vragen waarop anderen in deze groep verder zijn.")
        return
    if uitkomst.toegang.anoniem:
        st.caption(
            "Anoniem: e-mailadressen, telefoonnummers en de eigen naam van de organisatie zijn "
            "in de toelichtingen onleesbaar gemaakt."
        )
    for (_, code, vraagtekst, eigen), groep in uitkomst.leer.groupby(
        ["vraag_id", "vraag", "tekst", "eigen"], sort=False
    ):
        with st.expander(f"{code} · {tekst.afkorten(vraagtekst, 90)} — {len(groep)} verder"):
            st.markdown(f"**{vraagtekst}**  \nUw antwoord: {eigen}")
            if wacht_op.get(code):
                st.caption(f"Deze afspraak {wacht_op[code]}.")
            for rij in groep.head(LEER_MAX).itertuples():
                regio = " · zelfde regio" if rij.zelfde_regio else ""
                st.markdown(f"**{platte_tekst(rij.naam)}**: {platte_tekst(rij.antwoord)}{regio}")
                # plain text, never HTML
                st.text(tekst.tekst_of_leeg(rij.toelichting, "(geen toelichting)"))
            if len(groep) > LEER_MAX:
                st.caption(f"En nog {len(groep) - LEER_MAX} andere organisaties.")


def regio_beeld(
    gebruiker: Gebruiker,
    regio_code: str,
    organisaties: pd.DataFrame,
    ronde_id: int,
    jaar: int,
    versie: int,
) -> None:
    naam = organisaties.set_index("code")["naam"].get(regio_code, regio_code)
    st.subheader(f"Regiobeeld: de gemeenten van jeugdregio {naam}")
    raster, toegang = data.regio_raster(ronde_id, regio_code, gebruiker, versie)
    if not toegang.zichtbaar:
        st.caption(toegang.melding)
        return
    if raster.empty:
        st.info("Geen antwoorden van de gemeenten in deze regio.")
        return
    titel = f"Antwoorden van de gemeenten in jeugdregio {naam}, ronde {jaar}"
    grafiek(
        figuur(
            charts.status_heatmap,
            raster,
            titel,
            sleutel=(ronde_id, regio_code, gebruiker, versie, titel),
        ),
        titel=titel,
        alt=(
            f"Raster: per gemeente in jeugdregio {naam} het antwoord op elke status- en ja/nee-"
            "vraag, in de statuskleuren met een afkorting in elk vak."
        ),
        tabel=lambda: regio_tabel(raster, data.vragen(ronde_id, versie)),
    )
    st.caption(
        "Afkortingen: NNB nog niet begonnen, MB mee bezig, BK bijna klaar, A afgerond, J ja, "
        "N nee, – geen antwoord."
    )


def download(uitkomst: bm.Benchmark, jaar: int, thema: pd.DataFrame, vragen: pd.DataFrame) -> None:
    kop = [
        ("Organisatie", f"{uitkomst.naam} ({uitkomst.code})"),
        ("Ronde", str(jaar)),
        ("Vergelijkgroep", f"{uitkomst.groep.naam} ({len(uitkomst.groep.leden)} organisaties)"),
        ("Zichtbaarheid", uitkomst.toegang.melding or "Genoemd"),
    ]
    excel_knop(
        "Download benchmarkprofiel (Excel)",
        lambda demo: profiel_xlsx(
            titel=f"Benchmarkprofiel {uitkomst.naam}, ronde {jaar}",
            kop=kop,
            tabellen=[("Per thema", thema), ("Per vraag", vragen)],
            demo=demo,
        ),
        bestandsnaam=f"benchmarkprofiel_{uitkomst.code}_{jaar}.xlsx",
        key="benchmark_download",
    )


def uitleg_open_ronde(rondes: list[data.RondeInfo], gekozen: data.RondeInfo) -> None:
    """Say why a round being filled in is not the one shown, and when its comparison comes."""
    open_rondes = [r for r in rondes if r.status == RondeStatus.OPEN and r.jaar != gekozen.jaar]
    for ronde in open_rondes:
        st.caption(
            f"Ronde {ronde.jaar} wordt nog ingevuld. Hier ziet u ronde {gekozen.jaar}; "
            f"ronde {ronde.jaar} kunt u links bij 'Ronde' kiezen. Zolang die open is, telt de "
            "vergelijking alleen organisaties die al hebben ingediend; na de sluitdatum is "
            "ze compleet."
        )


def regio_tabel(raster: pd.DataFrame, vragen: pd.DataFrame) -> pd.DataFrame:
    """The Regiobeeld as a table: a row per gemeente, a column per vraag headed by its code
    and (shortened) text, not by the bare code."""
    teksten = dict(zip(vragen["code"], vragen["tekst"], strict=True))
    tabel = raster.pivot(index="gemeente", columns="vraag", values="antwoord")
    tabel.columns = [f"{c}: {tekst.afkorten(teksten.get(c, ''), 60)}" for c in tabel.columns]
    return tabel.reset_index().rename(columns={"gemeente": "Gemeente"})
