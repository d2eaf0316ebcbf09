"""Small hand-made frames shared by the unit tests."""

import pandas as pd


def antwoorden_frame(rijen, status: str = "ingediend") -> pd.DataFrame:
    """(organisatie_code, vraag_id, waarde) rows as an antwoorden frame with one status."""
    frame = pd.DataFrame(rijen, columns=["organisatie_code", "vraag_id", "waarde"])
    return frame.assign(status=status)
