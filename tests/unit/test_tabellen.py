"""Every table that shows data goes through monitor/ui/veilig.py's ``tabel`` (labelled headers,
Dutch numbers, neutralised text): no page or UI helper calls Streamlit's table elements itself."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIRECT = re.compile(r"\bst\.(dataframe|table)\(")
# The one home of the table. st.data_editor (a table to change, with the user's own input,
# validated on save) is not a table that shows data and is not scanned.
TOEGESTAAN = {"monitor/ui/veilig.py"}


def _schermcode() -> list[Path]:
    return sorted([*(ROOT / "pages").rglob("*.py"), *(ROOT / "monitor" / "ui").rglob("*.py")])


def test_no_screen_code_calls_st_dataframe_or_st_table_itself():
    direct = [
        f"{pad.relative_to(ROOT)}:{nr}"
        for pad in _schermcode()
        if str(pad.relative_to(ROOT)) not in TOEGESTAAN
        for nr, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), start=1)
        if DIRECT.search(regel)
    ]
    assert not direct, f"tables outside monitor/ui/veilig.tabel: {direct}"


def test_the_scan_finds_a_direct_call():
    assert DIRECT.search("    st.dataframe(frame, hide_index=True)")
    assert DIRECT.search("st.table(frame)")
    assert not DIRECT.search("veilig.tabel(frame, titel='x')")
