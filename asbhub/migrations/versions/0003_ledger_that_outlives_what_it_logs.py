"""ledger that outlives what it logs: sealed events keep their digest and link, not their content

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable columns only: every event already in the chain stays live and verifies as before.
    with op.batch_alter_table('ledger_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sealed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('sealed_by', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('seal', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('ledger_events', schema=None) as batch_op:
        batch_op.drop_column('seal')
        batch_op.drop_column('sealed_by')
        batch_op.drop_column('sealed_at')
