"""Alembic environment: migrates the store named by the caller, on SQLite or PostgreSQL."""

from __future__ import annotations

from alembic import context

from asbhub.errors import ConfigError
from asbhub.store.engine import make_engine
from asbhub.store.models import Base

config = context.config
url = config.attributes.get("database_url") or config.get_main_option("sqlalchemy.url")


def run_migrations() -> None:
    if url is None:
        raise ConfigError(
            "no database URL to migrate: build the Alembic config with "
            "asbhub.store.engine.alembic_config(url) or set sqlalchemy.url"
        )
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
