"""Round life cycle, the questionnaire, init and demo, reference data."""
