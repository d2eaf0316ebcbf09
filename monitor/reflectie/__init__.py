"""Reflectiesessie: the slides and their key messages."""
