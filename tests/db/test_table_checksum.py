"""The digest the "nothing was written" checks rest on notices every kind of write."""

from sqlalchemy import text

from monitor.rondes.initialisatie import init_database
from tests.utils.db import table_checksum


def test_the_checksum_changes_with_a_new_row_a_changed_value_and_a_new_table(engine):
    init_database(engine)
    leeg = table_checksum(engine)
    assert table_checksum(engine) == leeg  # reading twice: the same digest

    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO auditregel (op, door, bron, tabel, sleutel, veld, oud, nieuw) "
                "VALUES (CURRENT_TIMESTAMP, 'x', 'cli', 'antwoord', 's', 'waarde', 'a', 'b')"
            )
        )
    met_rij = table_checksum(engine)
    assert met_rij != leeg

    with engine.begin() as conn:
        conn.execute(text("UPDATE auditregel SET nieuw = 'c'"))
    gewijzigd = table_checksum(engine)
    assert gewijzigd not in (leeg, met_rij)

    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE extra_tabel (id INTEGER)"))
    assert table_checksum(engine) not in (leeg, met_rij, gewijzigd)
