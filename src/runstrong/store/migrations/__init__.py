"""Alembic migrations of the diary database, shipped inside the package.

They run programmatically on start (`runstrong.store.db.open_store`); to write a new one
during development: `alembic -c src/runstrong/store/migrations/alembic.ini revision -m "..."`,
then set `HEAD_REVISION` in `runstrong.store.db` (a test checks they agree).
"""
