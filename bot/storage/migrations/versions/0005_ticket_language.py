"""the language the user wrote in

A parent who wrote in English, Turkish, Arabic, Polish or Ukrainian is called back in English or
with an interpreter: the contact person must know before calling. Empty for Dutch (and for the
tickets made before this revision).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=2), nullable=True))


def downgrade():
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("language")
