"""Toegankelijkheidsverklaring: what the app meets of WCAG 2.1 AA, and what not yet."""

import streamlit as st

from monitor.ui.page import setup_page

setup_page("pages/toegankelijkheid.py")
st.title("Toegankelijkheid")
st.markdown(
    """
Overheidswebsites moeten voldoen aan **WCAG 2.1 niveau AA** (Besluit digitale toegankelijkheid
overheid). Hier staat wat deze omgeving daarvan nu haalt, en wat nog niet.

#### Wat we doen
- Elke pagina wordt bij elke wijziging automatisch gecontroleerd met **axe-core** in een echte
  browser, voor elke rol. Ernstige en kritieke bevindingen laten de tests falen.
- De taal van de pagina is Nederlands (`lang="nl"`), zodat schermlezers goed uitspreken.
- Elke grafiek heeft een titel, een beschrijving voor schermlezers en een knop
  **Toon als tabel** met dezelfde cijfers, die ook als Excel te downloaden zijn.
- Kleuren komen uit een kleurenblind-veilig palet (Okabe-Ito en Cividis). Een status wordt nooit
  alleen met kleur aangeduid: labels en tabellen noemen hem ook.
- Tekst is zwart op wit of lichtgrijs (contrast ruim boven 4,5:1).
- Alles is met het toetsenbord te bedienen; de eerste Tab-toets brengt u naar
  'Naar de inhoud'.

#### Wat nog niet
- De kaarten zijn voor schermlezers alleen via de tabel te volgen.
- Plotly-grafieken zijn met het toetsenbord te bereiken, maar de afzonderlijke staven niet.
- De verklaring is nog niet door een onafhankelijke partij getoetst (onderzoek volgt).

#### Contact
Loopt u tegen een probleem aan? Meld het bij de beheerder van de monitor; we reageren binnen
vijf werkdagen.
"""
)
