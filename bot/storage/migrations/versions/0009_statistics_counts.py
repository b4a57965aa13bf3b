"""the aggregate tables of the coordinator's statistics

Counts per day (and the same per week), municipality, theme, topic (answer key), role and outcome;
no text, no sender id, no ticket reference (bot/statistics/table.py). Kept when conversations and
tickets are purged.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


KEY = ("municipality", "theme", "topic", "role", "outcome")


def upgrade():
    for name, when in (("statistics_counts", "day"), ("statistics_weeks", "week")):
        op.create_table(
            name,
            sa.Column(when, sa.Date(), nullable=False),
            sa.Column("municipality", sa.String(length=80), nullable=False),
            sa.Column("theme", sa.String(length=20), nullable=False),
            sa.Column("topic", sa.String(length=80), nullable=False),
            sa.Column("role", sa.String(length=30), nullable=False),
            sa.Column("outcome", sa.String(length=30), nullable=False),
            sa.Column("count", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint(when, *KEY),
            # SQLite: the rows stored in key order, so a period's rows are read without a second lookup
            sqlite_with_rowid=False,
        )


def downgrade():
    op.drop_table("statistics_weeks")
    op.drop_table("statistics_counts")
