"""unguessable ticket references

Tickets made before this revision keep their sequential reference (CIP-2026-000123: the column
stays empty and Ticket.reference derives it from the year and id), so references that users and
contact persons already have keep working; new tickets get a random one (bot/tickets/reference.py).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("public_reference", sa.String(length=16), nullable=True))
        batch_op.create_index(batch_op.f("ix_tickets_public_reference"), ["public_reference"], unique=True)


def downgrade():
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tickets_public_reference"))
        batch_op.drop_column("public_reference")
