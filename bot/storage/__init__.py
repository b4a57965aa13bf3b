"""The project's own database (tickets, inbox accounts): engine, sessions and Alembic migrations."""
