"""Exchange with files: reading untrusted files, import, export, templates."""
