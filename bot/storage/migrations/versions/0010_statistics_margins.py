"""the weekly statistics without filters, held back below 5 in advance

Per week and outcome the total and the totals per municipality, theme, topic and role, each the sum
of the weekly cells of at least 5 conversations, with a mark when smaller cells were left out
(bot/statistics/margins.py). Filled here from the weekly cells already counted.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

DIMENSIONS = ("municipality", "theme", "topic", "role")


def upgrade():
    op.create_table(
        "statistics_margins",
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=30), nullable=False),
        sa.Column("dimension", sa.String(length=20), nullable=False),
        sa.Column("value", sa.String(length=80), nullable=False),
        sa.Column("shown", sa.Integer(), nullable=False),
        sa.Column("small", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("week", "outcome", "dimension", "value"),
        sqlite_with_rowid=False,
    )
    figures = "SUM(CASE WHEN count >= 5 THEN count ELSE 0 END), MAX(CASE WHEN count < 5 THEN 1 ELSE 0 END)"
    for dimension in ("", *DIMENSIONS):
        value = dimension or "''"
        op.execute(
            f"INSERT INTO statistics_margins (week, outcome, dimension, value, shown, small) "
            f"SELECT week, outcome, '{dimension}', {value}, {figures} FROM statistics_weeks "
            f"GROUP BY week, outcome{', ' + dimension if dimension else ''}"
        )


def downgrade():
    op.drop_table("statistics_margins")
