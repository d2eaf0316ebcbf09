"""The only Streamlit code in monitor/: page set-up, components and cached loaders."""
