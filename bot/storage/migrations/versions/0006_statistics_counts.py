"""the aggregate table of the coordinator's statistics

Counts per day, municipality, theme, topic (answer key), role and outcome; no text, no sender id,
no ticket reference (bot/statistics/table.py). Kept when conversations and tickets are purged.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "statistics_counts",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("municipality", sa.String(length=80), nullable=False),
        sa.Column("theme", sa.String(length=20), nullable=False),
        sa.Column("topic", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("outcome", sa.String(length=30), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "municipality", "theme", "topic", "role", "outcome"),
    )
    op.create_index("ix_statistics_counts_week", "statistics_counts", ["week"])


def downgrade():
    op.drop_index("ix_statistics_counts_week", table_name="statistics_counts")
    op.drop_table("statistics_counts")
