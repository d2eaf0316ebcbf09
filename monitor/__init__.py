"""Monitor Hervormingsagenda Jeugd: logic, data layer and (in ``monitor.ui``) Streamlit helpers."""
