"""Alembic environment: runs the migrations on the engine that bot.storage.db.upgrade hands over."""

from alembic import context

import bot.statistics.table  # noqa: F401  (the statistics' tables too)
import bot.unanswered.models  # noqa: F401  (as the inbox's: on the same Base)
import bot.web.models  # noqa: F401  (the inbox's tables share the Base; autogenerate must see them)
from bot.tickets.models import Base

with context.config.attributes["engine"].begin() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    context.run_migrations()
