"""deliveries say which batches were urgent

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03

A high-risk or vulnerable-victim referral, or an escalation to either, goes to its partners in an
urgent batch as soon as it is ingested, between the nightly ones (asbhub.pipeline.outbound). The
batches form one chain per partner; the flag keeps urgent batches out of what a night's batch
size is judged against. Existing rows are nightly batches.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('urgent', sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_column('urgent')
