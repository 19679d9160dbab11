"""Alembic revisions, shipped inside the installed package."""
