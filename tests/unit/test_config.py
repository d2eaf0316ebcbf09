"""Settings from the environment."""

from monitor.config import get_settings


def test_bad_numbers_in_the_environment_fall_back_to_the_defaults(monkeypatch):
    monkeypatch.setenv("MONITOR_SESSIE_MINUTEN", "een uur")
    monkeypatch.setenv("MONITOR_MAX_UPLOAD_MB", "-5")
    instellingen = get_settings()
    assert (instellingen.sessie_minuten, instellingen.max_upload_mb) == (60, 20)
    monkeypatch.setenv("MONITOR_SESSIE_MINUTEN", " 15 ")
    assert get_settings().sessie_minuten == 15
