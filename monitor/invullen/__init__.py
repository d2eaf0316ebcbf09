"""Filling in: accounts and the write path of answers."""
