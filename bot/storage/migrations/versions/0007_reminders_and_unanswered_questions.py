"""reminders of tickets nobody took, and the de-identified questions without an answer

ticket_reminders: one row per ticket and kind (reminder to the contact person after 24 hours,
escalation to the coordinator after 40), unique, so that two processes never both send one.
unanswered_questions: messages that got a clarification or an honest non-answer, de-identified
before they are stored (bot/unanswered/), kept at most 28 days (bot/privacy/retention.py).

Revision ID: 0007
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "ticket_reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ticket_id", "kind", name="uq_ticket_reminders_ticket_kind"),
    )
    op.create_table(
        "unanswered_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("handled_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_unanswered_questions_received_at", "unanswered_questions", ["received_at"])


def downgrade():
    op.drop_index("ix_unanswered_questions_received_at", table_name="unanswered_questions")
    op.drop_table("unanswered_questions")
    op.drop_table("ticket_reminders")
