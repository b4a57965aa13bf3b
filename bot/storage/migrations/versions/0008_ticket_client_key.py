"""the client key of a ticket, for the limit of tickets per client

A script could fill every contact person's inbox through the form with a new conversation and a
new e-mail address for each ticket. The channel's keyed hash of the client's address
(bot/domain/client_address.py) is kept with the ticket for two days, so the tickets of one client
can be counted; `cip retention run` empties it after that.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("client_key", sa.String(length=32), nullable=True))
        batch_op.create_index("ix_tickets_client_key", ["client_key"])


def downgrade():
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_client_key")
        batch_op.drop_column("client_key")
