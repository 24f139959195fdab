"""Alembic environment: runstrong hands over an open connection (config.attributes["connection"]).

`render_as_batch=True` in both modes so that ALTERs are rewritten as table copies on SQLite.
"""

from __future__ import annotations

from alembic import context

from runstrong.store.tables import metadata

config = context.config

if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    connection = config.attributes.get("connection")
    if connection is None:  # the alembic command line, for developers
        from runstrong.store.db import make_engine, resolve_url

        connection = make_engine(resolve_url(None)).connect()
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
