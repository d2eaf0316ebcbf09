"""Data access: every query and write. SQL lives only in this package."""
