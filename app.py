"""Entry point: the navigation for this visitor's role, then the page asked for.

Streamlit draws the sidebar's page list itself from one navigation message (``st.navigation``),
so no page rebuilds it on every run. Pages the role may not open are registered but hidden: a
deep link to one still reaches the page, which refuses it in Dutch (``setup_page``).
"""

from monitor.ui.page import navigatie

navigatie().run()
