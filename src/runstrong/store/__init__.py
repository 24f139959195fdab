"""The diary's storage: SQLAlchemy 2 tables, Alembic migrations and repository functions.

Imported only by the diary commands, so that `runstrong --help` never pays for SQLAlchemy.
"""
